"""Fashion-MNIST from the Debian package's idx files, and the fixed train/validation split."""

import gzip
import struct

import numpy as np

ROOT = "/usr/share/datasets/fashion-mnist"
CLASSES = ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"]
MEAN, STD = 0.2860, 0.3530
SPLIT_SEED = 20180101  # fixed for every run so all runs share one validation set
VAL_SIZE = 5000


def read_idx(path: str) -> np.ndarray:
    with gzip.open(path, "rb") as f:
        raw = f.read()
    zero, dtype, ndim = struct.unpack(">HBB", raw[:4])
    if zero != 0 or dtype != 0x08:
        raise ValueError(f"{path}: not an unsigned-byte idx file (magic {raw[:4].hex()})")
    shape = struct.unpack(">" + "I" * ndim, raw[4 : 4 + 4 * ndim])
    data = np.frombuffer(raw, np.uint8, offset=4 + 4 * ndim)
    if data.size != int(np.prod(shape)):
        raise ValueError(f"{path}: {data.size} bytes of data for shape {shape}")
    return data.reshape(shape)


def load(split: str):
    """split 'train' or 't10k' -> (images uint8 [N, 28, 28], labels uint8 [N])."""
    images = read_idx(f"{ROOT}/{split}-images-idx3-ubyte.gz")
    labels = read_idx(f"{ROOT}/{split}-labels-idx1-ubyte.gz")
    if len(images) != len(labels):
        raise ValueError(f"{split}: {len(images)} images but {len(labels)} labels")
    return images, labels


def train_val_indices(n: int):
    """The last VAL_SIZE of a fixed permutation of the training set are held out for model choice."""
    perm = np.random.RandomState(SPLIT_SEED).permutation(n)
    return np.sort(perm[:-VAL_SIZE]), np.sort(perm[-VAL_SIZE:])
