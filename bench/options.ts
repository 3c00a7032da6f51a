// Command-line options shared by the browser/Node benchmarks (`npm run bench`, `npm run bench:net`): iteration
// counts for fast and slow backends, which runtimes to time, where to write the JSON, and (bench:net only) which SE
// paths to time and the input size.
import { parseArgs } from "node:util";
import { checkSEPath, type SEPath } from "../src/lib/models/sePath.ts";

export interface BenchOptions<R extends string> {
  plan: { runs: number; warmup: number };
  /** Fewer iterations for backends where one SE-ResNet-50 takes seconds (SwiftShader WebGPU, WebGL). */
  slow: { runs: number; warmup: number };
  runtimes: R[];
  out: string;
  /** SE paths to time (only where `defaults.paths` offers the option). */
  paths: SEPath[];
  /** Input height and width (only where `defaults.size` offers the option). */
  size: number;
}

export function benchOptions<R extends string>(
  known: readonly R[],
  defaults: {
    backends: string;
    out: string;
    paths?: string;
    size?: number;
    /** Iteration defaults: runs 7, warmup 2, slow runs 3, slow warmup 1. */
    counts?: { runs: number; warmup: number; slowRuns: number; slowWarmup: number };
  },
): BenchOptions<R> {
  const counts = defaults.counts ?? { runs: 7, warmup: 2, slowRuns: 3, slowWarmup: 1 };
  const { values: args } = parseArgs({
    options: {
      ...(defaults.paths ? { paths: { type: "string" as const, default: defaults.paths } } : {}),
      ...(defaults.size ? { size: { type: "string" as const, default: String(defaults.size) } } : {}),
      runs: { type: "string", default: String(counts.runs) },
      warmup: { type: "string", default: String(counts.warmup) },
      "slow-runs": { type: "string", default: String(counts.slowRuns) },
      "slow-warmup": { type: "string", default: String(counts.slowWarmup) },
      backends: { type: "string", default: defaults.backends },
      out: { type: "string", default: defaults.out },
    },
  });
  const count = (name: "runs" | "warmup" | "slow-runs" | "slow-warmup" | "size", min: number) => {
    const n = Number(args[name]);
    if (!Number.isInteger(n) || n < min)
      throw new Error(`--${name} must be a whole number ≥ ${min}, got ${args[name]}`);
    return n;
  };
  const runtimes = String(args.backends).split(",") as R[];
  for (const r of runtimes)
    if (!known.includes(r)) throw new Error(`--backends: unknown "${r}" (choose from ${known.join(", ")})`);
  return {
    plan: { runs: count("runs", 1), warmup: count("warmup", 0) },
    slow: { runs: count("slow-runs", 1), warmup: count("slow-warmup", 0) },
    runtimes,
    out: String(args.out),
    paths: args.paths === undefined ? [] : String(args.paths).split(",").map(checkSEPath),
    size: args.size === undefined ? 224 : count("size", 32),
  };
}
