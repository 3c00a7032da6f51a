"""Minimal safetensors writer/reader (float32 only): 8-byte little-endian header length, JSON header, raw data."""

import json
import struct

import numpy as np


def write(path: str, tensors: dict, metadata: dict) -> int:
    """tensors: name -> float32 numpy array. Returns the number of data bytes written."""
    header = {"__metadata__": {k: str(v) for k, v in metadata.items()}}
    blobs, offset = [], 0
    for name in sorted(tensors):
        arr = np.ascontiguousarray(tensors[name], dtype="<f4")
        header[name] = {"dtype": "F32", "shape": list(arr.shape), "data_offsets": [offset, offset + arr.nbytes]}
        blobs.append(arr.tobytes())
        offset += arr.nbytes
    head = json.dumps(header, separators=(",", ":")).encode()
    head += b" " * (-len(head) % 8)  # the format allows space padding; keeps the data 8-byte aligned
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(head)))
        f.write(head)
        for b in blobs:
            f.write(b)
    return offset


def read(path: str):
    with open(path, "rb") as f:
        raw = f.read()
    (n,) = struct.unpack("<Q", raw[:8])
    header = json.loads(raw[8 : 8 + n])
    meta = header.pop("__metadata__", {})
    base = 8 + n
    out = {}
    for name, h in header.items():
        if h["dtype"] != "F32":
            raise ValueError(f"{path}: tensor {name} has dtype {h['dtype']}, expected F32")
        a, b = h["data_offsets"]
        out[name] = np.frombuffer(raw[base + a : base + b], "<f4").reshape(h["shape"])
    return out, meta
