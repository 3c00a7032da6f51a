"""Run the training queue with N worker processes (1 thread each, nice 19), skipping finished runs and
resuming unfinished ones from their checkpoints.

  setsid nohup /usr/bin/python3 tools/train/queue.py [--queue tools/train/queue.json] [--workers 2] [--commit] \
      >> tools/train/logs/queue.log 2>&1 &

Each run logs to tools/train/logs/<run-id>.log. With --commit, every run directory that lands is committed on
its own (`git commit -- data/fashion/runs/<id>`), so finished runs survive the session.
"""

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LOGS = ROOT / "tools" / "train" / "logs"


def log(msg: str) -> None:
    print(f"{time.strftime('%Y-%m-%d %H:%M:%S', time.gmtime())}Z {msg}", flush=True)


def commit_run(run_id: str) -> None:
    path = f"data/fashion/runs/{run_id}"
    for attempt in range(30):  # another session may hold index.lock for a moment
        add = subprocess.run(["git", "-C", str(ROOT), "add", path], capture_output=True, text=True)
        if add.returncode == 0:
            c = subprocess.run(["git", "-C", str(ROOT), "commit", "-q", "-m", f"Fashion-MNIST training run {run_id}",
                                "--", path], capture_output=True, text=True)
            if c.returncode == 0:
                log(f"committed {path}")
                return
            err = c.stderr
        else:
            err = add.stderr
        if "index.lock" not in err:
            log(f"could not commit {path}: {err.strip()}")
            return
        time.sleep(5)
    log(f"could not commit {path}: index.lock held for too long")


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--queue", default=str(ROOT / "tools" / "train" / "queue.json"))
    p.add_argument("--workers", type=int, default=2)
    p.add_argument("--commit", action="store_true", help="git-commit each run directory as it lands")
    args = p.parse_args()
    runs = json.loads(Path(args.queue).read_text())["runs"]
    ids = [r["id"] for r in runs]
    if len(set(ids)) != len(ids):
        raise SystemExit(f"{args.queue}: duplicate run ids")
    LOGS.mkdir(parents=True, exist_ok=True)
    todo = [r for r in runs if not (ROOT / "data" / "fashion" / "runs" / r["id"] / "metrics.json").exists()]
    log(f"queue: {len(runs)} runs, {len(runs) - len(todo)} already finished, {args.workers} workers")
    running = {}
    failed = []
    while todo or running:
        while todo and len(running) < args.workers:
            r = todo.pop(0)
            cmd = ["nice", "-n", "19", "/usr/bin/python3", "tools/train/train.py", "--config", r["config"],
                   "--run-id", r["id"], "--seed", str(r["seed"]), "--epochs", str(r["epochs"]), *r.get("extra", [])]
            out = open(LOGS / f"{r['id']}.log", "a")
            running[r["id"]] = (subprocess.Popen(cmd, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT), out)
            log(f"started {r['id']} (pid {running[r['id']][0].pid}): {' '.join(cmd)}")
        time.sleep(5)
        for run_id, (proc, out) in list(running.items()):
            if proc.poll() is None:
                continue
            out.close()
            del running[run_id]
            if proc.returncode != 0:
                failed.append(run_id)
                log(f"FAILED {run_id} (exit {proc.returncode}); see {LOGS / (run_id + '.log')}")
                continue
            log(f"finished {run_id}")
            if args.commit:
                commit_run(run_id)
    log(f"queue done; failed: {failed or 'none'}")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
