"""The onnxruntime-web peer's models: the paper pair with the same random weights as safetensors and as ONNX.

Offline tool (never run by CI), Debian's PyTorch:
    npx tsx tools/bench/dump_presets.ts          # the builder's configs as JSON
    /usr/bin/python3 tools/bench/export_onnx.py  # -> bench/models/ (gitignored, ~430 MB)

For each network of the pair (se_resnet50, resnet50_caffe) the PyTorch twin of the site's builder
(tools/fixtures/make_fixtures.py) gets seeded random weights; its BatchNorm running statistics are then set from
one batch of random images (train-mode forward, cumulative average), so every BN normalises and the logits stay
O(1) — with the raw random statistics the activations grow through 50 layers to logits of 1e3..1e4, where fp32
rounding alone differs by more than a unit and a 1e-3 parity check would mean nothing. Written:
- <name>.safetensors: timm state-dict names, what `src/lib/import` reads (BN kept unfolded);
- <name>.onnx: torch.onnx.export of the same float32 weights, NCHW input "input" [1, 3, 224, 224], output "logits";
- input.f32: one fixed input (standard normal, NCHW, float32 little-endian), the same for every runtime;
- peer.json: provenance, file hashes and the PyTorch logits of both networks for that input (float64 forward of the
  float32 weights), which bench/onnx.ts compares with onnxruntime-web's and ours.
torch.onnx.export writes the protobuf itself; the python `onnx` package is not needed.
"""

import argparse
import datetime
import hashlib
import json
import os
import subprocess
import sys

import torch

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "fixtures"))
from gpu_overhead import Plain  # noqa: E402  (the twin without its taps)
from make_fixtures import Net, randomize, rounded, write_safetensors  # noqa: E402

ROOT = os.path.relpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
PAIR = ["se_resnet50", "resnet50_caffe"]  # PAPER_PAIR in src/lib/benchmark.ts
SIZE = 224


def calibrate_batchnorm(net, gen, batch):
    """Running statistics := the statistics of one random batch (momentum None: cumulative average)."""
    for m in net.modules():
        if isinstance(m, torch.nn.BatchNorm2d):
            m.momentum = None
            m.reset_running_stats()
    net.train()
    with torch.no_grad():
        net(torch.randn(batch, 3, SIZE, SIZE, generator=gen))
    net.eval()


def sha256(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--configs", default=os.path.join(ROOT, "bench", "results", "tmp", "presets.json"))
    p.add_argument("--out", default=os.path.join(ROOT, "bench", "models"))
    p.add_argument("--seed", type=int, default=20250601)
    p.add_argument("--opset", type=int, default=17)
    p.add_argument("--calibration-batch", type=int, default=8)
    args = p.parse_args()
    if not os.path.exists(args.configs):
        sys.exit(f"{args.configs} is missing: run `npx tsx tools/bench/dump_presets.ts` first")
    configs = json.load(open(args.configs))
    os.makedirs(args.out, exist_ok=True)
    torch.use_deterministic_algorithms(True)
    gen = torch.Generator().manual_seed(args.seed)
    x = torch.randn(1, 3, SIZE, SIZE, generator=gen)
    with open(os.path.join(args.out, "input.f32"), "wb") as f:
        f.write(x.numpy().astype("<f4").tobytes())
    models = {}
    for name in PAIR:
        cfg = dict(configs[name], inputSize=SIZE)
        net = Net(cfg)
        randomize(net, gen)
        calibrate_batchnorm(net, gen, args.calibration_batch)
        with torch.no_grad():
            ref, _ = net.double()(x.double())
            net.float()
            f32, _ = net(x)
        st = os.path.join(args.out, f"{name}.safetensors")
        write_safetensors(st, net.state_dict())
        onnx = os.path.join(args.out, f"{name}.onnx")
        torch.onnx.export(
            Plain(net), x, onnx, opset_version=args.opset, input_names=["input"], output_names=["logits"]
        )
        models[name] = {
            "config": cfg,
            "safetensors": {"file": os.path.basename(st), "sha256": sha256(st)},
            "onnx": {"file": os.path.basename(onnx), "sha256": sha256(onnx)},
            "logits": rounded(ref[0].tolist()),
            "torchFloat32MaxAbsDiff": float((f32.double() - ref).abs().max()),
        }
        print(name, "max |logit|", float(ref.abs().max()), "fp32 vs fp64", models[name]["torchFloat32MaxAbsDiff"])
    commit = subprocess.run(["git", "-C", ROOT, "rev-parse", "HEAD"], capture_output=True, text=True).stdout.strip()
    record = {
        "command": "/usr/bin/python3 " + " ".join(sys.argv),
        "seed": args.seed,
        "opset": args.opset,
        "calibrationBatch": args.calibration_batch,
        "torch": torch.__version__,
        "date": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
        "commit": commit,
        "input": {"file": "input.f32", "shape": [1, 3, SIZE, SIZE], "layout": "NCHW float32 LE, standard normal"},
        "reference": "PyTorch float64 forward of the float32 weights",
        "models": models,
    }
    with open(os.path.join(args.out, "peer.json"), "w") as f:
        json.dump(record, f, indent=1)
        f.write("\n")
    print("wrote", args.out)


if __name__ == "__main__":
    main()
