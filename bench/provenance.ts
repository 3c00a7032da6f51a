// Where a benchmark's numbers come from: the commit (marked when the measured code has uncommitted changes) and the
// host. A benchmark run on another machine, from a bundle or a copy of the tree, passes the commit in BENCH_COMMIT.
import { execFileSync } from "node:child_process";
import { cpus, loadavg } from "node:os";

function git(...argv: string[]): string {
  return execFileSync("git", argv, { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
}

export function commitOf(paths: string[]): string {
  // A bundle built here and run elsewhere (bench/dawn.sh) measures the commit it was built from, whatever git the
  // copied tree there may carry.
  const given = process.env.BENCH_COMMIT;
  if (given) return given;
  try {
    const dirty = git("status", "--porcelain", "--", ...paths) !== "";
    return git("rev-parse", "HEAD") + (dirty ? " (with uncommitted changes to the measured code)" : "");
  } catch {
    throw new Error("no git here: set BENCH_COMMIT to the commit this tree was copied from");
  }
}

export function host(): { cpus: number; cpuModel: string; loadAverage1m: number } {
  return { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? "unknown", loadAverage1m: loadavg()[0] };
}
