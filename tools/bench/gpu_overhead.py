"""SE's cost on a real GPU with PyTorch: ResNet-50 vs SE-ResNet-50 (the paper's Section 4 timing, on today's hardware).

Offline benchmark (never run by CI): run where a CUDA GPU is available, e.g.
    python3 tools/bench/gpu_overhead.py --configs bench/results/tmp/presets.json --out bench/results/gpu-overhead.json

The networks are built from the site's own builder configs (dumped from src/lib/models/config.ts by
`npx tsx tools/bench/dump_presets.ts`) with the PyTorch twin in tools/fixtures/make_fixtures.py, random weights.
Measured, each as the median of N timed iterations after warm-up, all in one run:
- training step (forward + backward + SGD step), batch 256, float32 and bf16 autocast, channels_last;
- inference, batch 1 and batch 256, float32;
- CPU inference, batch 1 (all cores), for the paper's 164 vs 167 ms.
"""

import argparse
import datetime
import json
import os
import platform
import statistics
import subprocess
import sys
import time

import torch

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "fixtures"))
from make_fixtures import Net  # noqa: E402  (the PyTorch twin of the site's builder)


class Plain(torch.nn.Module):
    """The twin without its tap bookkeeping, so timings measure the network only."""

    def __init__(self, net):
        super().__init__()
        self.net = net

    def forward(self, x):
        logits, _ = self.net(x)
        return logits


def timed(fn, warmup, iters, cuda):
    for _ in range(warmup):
        fn()
    if cuda:
        torch.cuda.synchronize()
    samples = []
    for _ in range(iters):
        if cuda:
            start, end = torch.cuda.Event(enable_timing=True), torch.cuda.Event(enable_timing=True)
            start.record()
            fn()
            end.record()
            torch.cuda.synchronize()
            samples.append(start.elapsed_time(end))
        else:
            t = time.perf_counter()
            fn()
            samples.append((time.perf_counter() - t) * 1000)
    return {"median_ms": statistics.median(samples), "samples_ms": [round(s, 3) for s in samples]}


def measure(cfg, device, args):
    cuda = device.type == "cuda"
    model = Plain(Net(cfg)).to(device).to(memory_format=torch.channels_last)
    if args.compile:
        model = torch.compile(model)  # fuses the SE block's squeeze, sigmoid and scale into few kernels
    out = {}
    size = cfg["inputSize"]
    if cuda:
        x = torch.randn(args.batch, 3, size, size, device=device).to(memory_format=torch.channels_last)
        y = torch.randint(0, cfg["numClasses"], (args.batch,), device=device)
        opt = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)
        model.train()

        def step(dtype):
            def run():
                opt.zero_grad(set_to_none=True)
                with torch.autocast("cuda", dtype=dtype, enabled=dtype is not torch.float32):
                    loss = torch.nn.functional.cross_entropy(model(x), y)
                loss.backward()
                opt.step()

            return run

        torch.backends.cudnn.benchmark = True
        out["train_fp32_ms"] = timed(step(torch.float32), args.warmup, args.iters, cuda)
        out["train_bf16_ms"] = timed(step(torch.bfloat16), args.warmup, args.iters, cuda)
        model.eval()
        with torch.no_grad():
            out[f"infer_b{args.batch}_fp32_ms"] = timed(lambda: model(x), args.warmup, args.iters, cuda)
            one = x[:1].contiguous(memory_format=torch.channels_last)
            out["infer_b1_fp32_ms"] = timed(lambda: model(one), args.warmup, args.iters, cuda)
    if args.compile:
        return out
    model = model.to("cpu").eval()
    with torch.no_grad():
        one = torch.randn(1, 3, size, size).to(memory_format=torch.channels_last)
        out["cpu_infer_b1_ms"] = timed(lambda: model(one), 2, args.cpu_iters, False)
    return out


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--configs", required=True, help="JSON {name: builder config}")
    p.add_argument("--pairs", default="resnet50_caffe:se_resnet50,resnet50:seresnet50")
    p.add_argument("--batch", type=int, default=256)
    p.add_argument("--warmup", type=int, default=5)
    p.add_argument("--iters", type=int, default=20)
    p.add_argument("--cpu-iters", type=int, default=10)
    p.add_argument("--commit", default=None, help="git commit of the measured code (the device copy has no .git)")
    p.add_argument("--compile", action="store_true", help="time torch.compile'd models (GPU only, no CPU timing)")
    p.add_argument("--out", required=True)
    args = p.parse_args()
    configs = json.load(open(args.configs))
    torch.manual_seed(0)
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    results = []
    for pair in args.pairs.split(","):
        plain, se = pair.split(":")
        a, b = measure(configs[plain], device, args), measure(configs[se], device, args)
        ratios = {k: b[k]["median_ms"] / a[k]["median_ms"] for k in a}
        results.append({"plain": plain, "se": se, "plainTimes": a, "seTimes": b, "seOverPlain": ratios})
        print(json.dumps({"pair": pair, "seOverPlain": ratios}), flush=True)
    record = {
        "benchmark": "SE-ResNet-50 vs ResNet-50 in PyTorch (random weights, builder configs)",
        "device": torch.cuda.get_device_name(0) if device.type == "cuda" else "cpu",
        "cpu": platform.processor() or platform.machine(),
        "cpuThreads": torch.get_num_threads(),
        "torch": torch.__version__,
        "cudnn": torch.backends.cudnn.version() if device.type == "cuda" else None,
        "batch": args.batch,
        "warmup": args.warmup,
        "iters": args.iters,
        "date": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
        "commit": args.commit,
        "compiled": args.compile,
        "command": " ".join(sys.argv),
        "paper": {"gpuTrainMs": {"resnet50": 190, "se_resnet50": 209}, "cpuInferMs": {"resnet50": 164, "se_resnet50": 167}},
        "results": results,
    }
    with open(args.out, "w") as f:
        json.dump(record, f, indent=1)


if __name__ == "__main__":
    main()
