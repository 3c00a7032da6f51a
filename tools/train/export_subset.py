"""Write the fixed Fashion-MNIST test subset the site ships: the first 50 test images of each class, in
test-set order.

  /usr/bin/python3 tools/train/export_subset.py [--per-class 50]

data/fashion/test-subset.bin: uint8 pixels, N x 28 x 28, row-major, nothing else.
data/fashion/test-subset.json: labels, indices into the 10k test set, class names, source.
"""

import argparse
import hashlib
import json
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
import data  # noqa: E402

OUT = Path(__file__).resolve().parents[2] / "data" / "fashion"


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--per-class", type=int, default=50)
    args = p.parse_args()
    images, labels = data.load("t10k")
    picked = []
    for c in range(len(data.CLASSES)):
        idx = np.flatnonzero(labels == c)[: args.per_class]
        if len(idx) < args.per_class:
            raise SystemExit(f"class {c} has only {len(idx)} test images, {args.per_class} asked")
        picked.extend(idx.tolist())
    picked.sort()  # test-set order, classes interleaved as in the test set
    pixels = np.ascontiguousarray(images[picked], dtype=np.uint8)
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "test-subset.bin").write_bytes(pixels.tobytes())
    meta = {
        "count": len(picked),
        "imageShape": [28, 28],
        "format": "test-subset.bin: uint8 pixels, count x 28 x 28, row-major, no header",
        "selection": f"the first {args.per_class} images of each class in Fashion-MNIST test-set order, kept in test order",
        "source": "Fashion-MNIST t10k-images-idx3-ubyte.gz / t10k-labels-idx1-ubyte.gz from the Debian package "
        "dataset-fashion-mnist (/usr/share/datasets/fashion-mnist)",
        "license": "MIT, Zalando Research (see LICENSE-NOTE.md)",
        "sha256": hashlib.sha256(pixels.tobytes()).hexdigest(),
        "classNames": data.CLASSES,
        "indices": picked,
        "labels": labels[picked].tolist(),
    }
    # One key per line, lists kept on one line each.
    lines = [f" {json.dumps(k)}: {json.dumps(v)}" for k, v in meta.items()]
    (OUT / "test-subset.json").write_text("{\n" + ",\n".join(lines) + "\n}\n")
    print(f"wrote {len(picked)} images to {OUT / 'test-subset.bin'} ({pixels.nbytes} bytes)")


if __name__ == "__main__":
    main()
