"""Train one Fashion-MNIST SE-ResNet from a builder config; resumable; writes data/fashion/runs/<run-id>/.

  /usr/bin/python3 tools/train/train.py --config tools/train/configs/X.json --run-id ID --seed 0 --epochs N

Re-running the same command resumes from tools/train/checkpoints/<run-id>.pt (exactly: model, optimizer,
scheduler and all RNG states are restored). A finished run (metrics.json present) is not trained again.
"""

import argparse
import datetime
import json
import os
import random
import shlex
import shutil
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F

sys.path.insert(0, str(Path(__file__).resolve().parent))
import data  # noqa: E402
import safetensors_io  # noqa: E402
from model import SEResNet, count_params  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
RUNS = ROOT / "data" / "fashion" / "runs"
CKPT = ROOT / "tools" / "train" / "checkpoints"
GOLDEN_IMAGES = 8


def parse_args(argv=None):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--config", required=True, help="builder config JSON (the TS builder reads the same file)")
    p.add_argument("--run-id", required=True)
    p.add_argument("--seed", type=int, required=True)
    p.add_argument("--epochs", type=int, required=True)
    p.add_argument("--batch", type=int, default=128)
    p.add_argument("--lr", type=float, default=0.2, help="peak one-cycle learning rate (SGD, Nesterov)")
    p.add_argument("--wd", type=float, default=5e-4, help="weight decay on conv/fc weights (not BN, not biases)")
    p.add_argument("--label-smoothing", type=float, default=0.1)
    p.add_argument("--pad", type=int, default=2, help="random-crop padding in pixels")
    p.add_argument("--bench", type=int, default=0, help="only time this many training batches, write nothing")
    p.add_argument("--subset", type=int, default=0, help="smoke tests: train and validate on this many images only")
    return p.parse_args(argv)


def normalise(x_uint8: torch.Tensor) -> torch.Tensor:
    return (x_uint8.float() / 255.0 - data.MEAN) / data.STD  # [N, 28, 28] -> [N, 28, 28]


def augment(x: torch.Tensor, pad: int, g: torch.Generator) -> torch.Tensor:
    """Random crop with zero padding and horizontal flip, on a uint8 batch [N, 28, 28] -> float [N, 1, 28, 28]."""
    n, h, w = x.shape
    xp = F.pad(x, (pad, pad, pad, pad))  # [N, H+2p, W+2p], pads with black pixels
    oy = torch.randint(0, 2 * pad + 1, (n,), generator=g)
    ox = torch.randint(0, 2 * pad + 1, (n,), generator=g)
    iy = (oy[:, None] + torch.arange(h))[:, :, None]  # [N, H, 1]
    ix = (ox[:, None] + torch.arange(w))[:, None, :]  # [N, 1, W]
    crop = xp[torch.arange(n)[:, None, None], iy, ix]  # [N, H, W]
    flip = torch.rand(n, generator=g) < 0.5
    crop = torch.where(flip[:, None, None], crop.flip(2), crop)
    return normalise(crop).unsqueeze(1)


@torch.no_grad()
def predict(model, images: torch.Tensor, batch=1000) -> torch.Tensor:
    model.eval()
    out = [model(normalise(images[i : i + batch]).unsqueeze(1)) for i in range(0, len(images), batch)]
    return torch.cat(out)


def git(*args) -> str:
    r = subprocess.run(["git", "-C", str(ROOT), *args], capture_output=True, text=True)
    return r.stdout.strip()


def rng_state(g):
    return {"gen": g.get_state(), "torch": torch.get_rng_state(), "numpy": np.random.get_state(), "python": random.getstate()}


def set_rng_state(g, s):
    g.set_state(s["gen"])
    torch.set_rng_state(s["torch"])
    np.random.set_state(s["numpy"])
    random.setstate(s["python"])


def fmt(sec: float) -> str:
    sec = int(sec)
    return f"{sec // 3600}:{sec % 3600 // 60:02d}:{sec % 60:02d}"


def export_tensors(model) -> dict:
    # Float32 weights and BN running stats; num_batches_tracked (int64, unused at inference) is left out.
    return {k: v.detach().numpy().astype(np.float32) for k, v in model.state_dict().items() if v.dtype == torch.float32}


def main(argv=None):
    args = parse_args(argv)
    torch.set_num_threads(1)
    torch.set_num_interop_threads(1)
    run_dir = RUNS / args.run_id
    if (run_dir / "metrics.json").exists():
        print(f"[{args.run_id}] already finished: {run_dir}", flush=True)
        return
    cfg = json.loads(Path(args.config).read_text())
    hyper = {
        "optimizer": "SGD momentum (one-cycle 0.85-0.95), Nesterov",
        "schedule": "one-cycle, cosine, 25% warm-up, start lr = peak/25, final lr = peak/25000",
        "peakLr": args.lr,
        "weightDecay": args.wd,
        "weightDecayOn": "conv and fc weights (not BN, not biases)",
        "labelSmoothing": args.label_smoothing,
        "batch": args.batch,
        "augmentation": f"random crop 28 from zero-padded {28 + 2 * args.pad}, horizontal flip p=0.5",
        "trainImages": 60000 - data.VAL_SIZE,
        "valImages": data.VAL_SIZE,
        "valSplit": f"last {data.VAL_SIZE} of numpy RandomState({data.SPLIT_SEED}).permutation(60000)",
        "normalisation": f"pixel/255, mean {data.MEAN}, std {data.STD}",
        "init": "Kaiming normal fan_out for convs, zero-initialised last BN of each block",
        "modelChoice": "epoch with the best validation accuracy (ties: the later epoch)",
    }

    random.seed(args.seed)
    np.random.seed(args.seed)
    torch.manual_seed(args.seed)
    g = torch.Generator().manual_seed(args.seed)
    model = SEResNet(cfg)

    train_x, train_y = data.load("train")
    tr_idx, va_idx = data.train_val_indices(len(train_x))
    tx, ty = torch.from_numpy(train_x[tr_idx].copy()), torch.from_numpy(train_y[tr_idx].astype(np.int64))
    vx, vy = torch.from_numpy(train_x[va_idx].copy()), torch.from_numpy(train_y[va_idx].astype(np.int64))
    if args.subset:
        tx, ty, vx, vy = tx[: args.subset], ty[: args.subset], vx[: args.subset], vy[: args.subset]
    nb = (len(tx) + args.batch - 1) // args.batch

    decay = [p for n, p in model.named_parameters() if p.ndim > 1]
    no_decay = [p for n, p in model.named_parameters() if p.ndim <= 1]
    opt = torch.optim.SGD(
        [{"params": decay, "weight_decay": args.wd}, {"params": no_decay, "weight_decay": 0.0}],
        lr=args.lr, momentum=0.9, nesterov=True,
    )
    sched = torch.optim.lr_scheduler.OneCycleLR(
        opt, max_lr=args.lr, total_steps=args.epochs * nb, pct_start=0.25, div_factor=25.0, final_div_factor=1e3
    )

    rel_script = os.path.relpath(Path(__file__).resolve(), ROOT)
    command = " ".join(shlex.quote(a) for a in ["/usr/bin/python3", rel_script, *(argv or sys.argv[1:])])
    ckpt_path = CKPT / f"{args.run_id}.pt"
    start_epoch, elapsed, history = 0, 0.0, []
    best = {"valAccuracy": -1.0, "epoch": 0, "state": None}
    started = datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds")
    commit = git("rev-parse", "HEAD")
    dirty = bool(git("status", "--porcelain", "--", "tools/train"))
    if ckpt_path.exists() and not args.bench:
        ck = torch.load(ckpt_path)
        if ck["args"] != vars(args) or ck["config"] != cfg:
            raise SystemExit(f"{ckpt_path} was made with other arguments or config:\n{ck['args']}\n{ck['config']}")
        model.load_state_dict(ck["model"])
        opt.load_state_dict(ck["optimizer"])
        sched.load_state_dict(ck["scheduler"])
        set_rng_state(g, ck["rng"])
        start_epoch, elapsed, history, best = ck["epoch"], ck["elapsed"], ck["history"], ck["best"]
        started, commit, dirty = ck["started"], ck["commit"], ck["dirty"]
        print(f"[{args.run_id}] resuming after epoch {start_epoch}/{args.epochs} ({fmt(elapsed)} done)", flush=True)

    params = count_params(model)
    print(f"[{args.run_id}] {cfg['name']} params {params['total']:,} (SE {params['se']:,}), "
          f"{nb} batches/epoch, {args.epochs} epochs, seed {args.seed}", flush=True)

    for epoch in range(start_epoch, args.epochs):
        model.train()
        t0 = time.time()
        perm = torch.randperm(len(tx), generator=g)
        loss_sum, correct, seen = 0.0, 0, 0
        for b in range(nb):
            idx = perm[b * args.batch : (b + 1) * args.batch]
            x, y = augment(tx[idx], args.pad, g), ty[idx]
            logits = model(x)
            loss = F.cross_entropy(logits, y, label_smoothing=args.label_smoothing)
            opt.zero_grad(set_to_none=True)
            loss.backward()
            opt.step()
            sched.step()
            loss_sum += loss.item() * len(y)
            correct += (logits.argmax(1) == y).sum().item()
            seen += len(y)
            if args.bench and b + 1 == args.bench:
                dt = time.time() - t0
                print(f"bench: {args.bench} batches in {dt:.2f} s -> {dt / args.bench * nb:.1f} s per training epoch "
                      f"(+ validation)", flush=True)
                return
            if (b + 1) % 100 == 0 or b + 1 == nb:
                dt = time.time() - t0
                per_batch = dt / (b + 1)
                left = per_batch * ((args.epochs - epoch) * nb - b - 1)
                print(f"[{args.run_id}] epoch {epoch + 1}/{args.epochs} batch {b + 1}/{nb} "
                      f"loss {loss_sum / seen:.4f} acc {correct / seen:.4f} lr {sched.get_last_lr()[0]:.4f} "
                      f"epoch {fmt(dt)} ETA {fmt(left)}", flush=True)
        val_acc = (predict(model, vx).argmax(1) == vy).float().mean().item()
        dt = time.time() - t0
        elapsed += dt
        history.append({"epoch": epoch + 1, "trainLoss": round(loss_sum / seen, 5), "trainAccuracy": round(correct / seen, 5),
                        "valAccuracy": round(val_acc, 5), "seconds": round(dt, 1)})
        if val_acc >= best["valAccuracy"]:
            best = {"valAccuracy": val_acc, "epoch": epoch + 1,
                    "state": {k: v.clone() for k, v in model.state_dict().items()}}
        print(f"[{args.run_id}] epoch {epoch + 1}/{args.epochs} done in {dt:.0f} s: val acc {val_acc:.4f} "
              f"(best {best['valAccuracy']:.4f} @ {best['epoch']})", flush=True)
        CKPT.mkdir(parents=True, exist_ok=True)
        tmp = ckpt_path.with_suffix(".tmp")
        torch.save({"args": vars(args), "config": cfg, "model": model.state_dict(), "optimizer": opt.state_dict(),
                    "scheduler": sched.state_dict(), "rng": rng_state(g), "epoch": epoch + 1, "elapsed": elapsed,
                    "history": history, "best": best, "started": started, "commit": commit, "dirty": dirty}, tmp)
        os.replace(tmp, ckpt_path)

    finish(args, cfg, model, best, history, elapsed, params, hyper, command, started, commit, dirty)
    ckpt_path.unlink()


def finish(args, cfg, model, best, history, elapsed, params, hyper, command, started, commit, dirty):
    model.load_state_dict(best["state"])
    model.eval()
    test_x, test_y = data.load("t10k")
    ex, ey = torch.from_numpy(test_x.copy()), torch.from_numpy(test_y.astype(np.int64))
    pred = predict(model, ex).argmax(1)
    test_correct = int((pred == ey).sum())

    # Golden values for the TS parity test: raw pixels in, eval-mode logits and every SE block's z and s out.
    blocks = model.se_blocks()
    for _, m in blocks:
        m.record = []
    with torch.no_grad():
        logits = model(normalise(ex[:GOLDEN_IMAGES]).unsqueeze(1))
    golden = {
        "images": test_x[:GOLDEN_IMAGES].reshape(GOLDEN_IMAGES, -1).tolist(),
        "imageShape": [28, 28],
        "pixelFormat": "uint8 0..255, row-major; the model input is (pixel/255 - 0.2860) / 0.3530",
        "testIndices": list(range(GOLDEN_IMAGES)),
        "labels": test_y[:GOLDEN_IMAGES].tolist(),
        "logits": logits.tolist(),
        "se": {name: {"z": m.record[0][0].tolist(), "s": m.record[0][1].tolist()} for name, m in blocks},
    }
    for _, m in blocks:
        m.record = None

    tmp_dir = RUNS / f".{args.run_id}.tmp"
    shutil.rmtree(tmp_dir, ignore_errors=True)
    tmp_dir.mkdir(parents=True)
    nbytes = safetensors_io.write(
        str(tmp_dir / "model.safetensors"), export_tensors(model),
        {"format": "pt", "run": args.run_id, "config": cfg["name"], "naming": "timm state dict"},
    )
    metrics = {
        "runId": args.run_id,
        "config": cfg["name"],
        "testAccuracy": test_correct / len(ey),
        "testCorrect": test_correct,
        "testImages": len(ey),
        "bestValAccuracy": best["valAccuracy"],
        "bestEpoch": best["epoch"],
        "params": params,
        "weightBytes": nbytes,
        "epochs": args.epochs,
        "wallTimeSeconds": round(elapsed, 1),
        "threads": 1,
        "seed": args.seed,
        "command": command,
        "startedAt": started,
        "date": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
        "gitCommit": commit,
        "toolsTrainDirty": dirty,
        "torchVersion": torch.__version__,
        "recipe": hyper,
        "history": history,
    }
    (tmp_dir / "config.json").write_text(json.dumps(cfg, indent=1) + "\n")
    (tmp_dir / "metrics.json").write_text(json.dumps(metrics, indent=1) + "\n")
    (tmp_dir / "golden.json").write_text(json.dumps(golden) + "\n")
    (tmp_dir / "test-predictions.txt").write_text("".join(str(int(p)) for p in pred) + "\n")
    shutil.rmtree(RUNS / args.run_id, ignore_errors=True)
    os.replace(tmp_dir, RUNS / args.run_id)  # a run dir appears complete or not at all
    print(f"[{args.run_id}] finished: test acc {test_correct / len(ey):.4f} (best val {best['valAccuracy']:.4f} "
          f"@ epoch {best['epoch']}), {fmt(elapsed)} -> {RUNS / args.run_id}", flush=True)


if __name__ == "__main__":
    main()
