// Timing whole networks on the active tfjs backend, shared by `npm run bench`, `npm run bench:net` and the
// Benchmarks chapter's "run on this machine" button, so recorded and readers' numbers come from the same code.
// Every timing ends with a read-back of the logits (`await data()`), so GPU work is included; cases alternate within
// each round, in a new seeded random order every round, so that drift, other load and whatever one case leaves
// behind for the next (garbage, caches) hit all of them alike; ratios come from medians of the same run.
import * as tf from "@tensorflow/tfjs-core";
import { complexity } from "./models/complexity.js";
import { preset } from "./models/config.js";
import { randomWeights } from "./models/randomWeights.js";
import { load, type ResNetModel } from "./models/resnet.js";
import { resolveSEPath, type SEPath } from "./models/sePath.js";
import { mulberry32 } from "./random.js";
import { median, medianInterval, quantile } from "./stats.js";

/** The paper's pair (Caffe-style stride placement, whose multiply-adds match Table 2's 3.86 / 3.87 GFLOPs). */
export const PAPER_PAIR = { plain: "resnet50_caffe", se: "se_resnet50" } as const;

/** Section 4's timings, for context next to ratios measured here. */
export const PAPER_TIMINGS = {
  cpu: { plainMs: 164, seMs: 167, what: "CPU inference, one 224×224 image" },
  gpu: { plainMs: 190, seMs: 209, what: "forward + backward, batch 256, 8 Titan X" },
} as const;

export interface NetCase {
  /** A preset name from src/lib/models/config.ts. */
  model: string;
  sePath: SEPath;
}

export interface NetTiming extends NetCase {
  backend: string;
  /** The path as it ran on this backend ("auto" resolved). */
  implementation: string;
  /** 2 × conv/FC multiply-adds for one image at the input size. */
  gflop: number;
  /** load(): BatchNorm folding and weight upload (random weights are made before the clock starts). */
  loadMs: number;
  /** The first prediction after load (shader compilation / operator creation included). */
  firstMs: number;
  /** One prediction per round after the warm-up rounds. */
  samplesMs: number[];
  medianMs: number;
  /** The same rounds measured with `cpuClock`, when one was given (Node: process CPU time). */
  cpuSamplesMs?: number[];
  cpuMedianMs?: number;
}

export interface NetRunOptions {
  cases: readonly NetCase[];
  warmup: number;
  runs: number;
  /** Input side (224 for the ImageNet presets). */
  size?: number;
  seed?: number;
  /** Milliseconds of CPU time, if the host can tell (process.cpuUsage in Node). */
  cpuClock?: () => number;
  onProgress?: (done: number, total: number, what: string) => void;
}

/** A permutation of 0 … n − 1 (Fisher–Yates) drawn with `random` (uniform in [0, 1)). */
export function shuffledIndices(n: number, random: () => number): number[] {
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  return order;
}

/** Waits until the backend has finished the work behind `t` (a read-back: the only portable fence). */
async function settle(t: tf.Tensor): Promise<void> {
  await t.data();
}

/**
 * Lets the event loop run between two timed steps: on wasm a read-back resolves at once, so without it a page
 * running the suite could neither repaint its progress nor answer the reader for the whole run (20 s and more).
 */
function breathe(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Loads each distinct model once (seeded random weights) and times every case: load, first prediction, then
 * `warmup` untimed and `runs` timed rounds in which every case runs once, in a shuffled order. Leaves no tensors
 * behind.
 */
export async function timeNetworks(options: NetRunOptions): Promise<NetTiming[]> {
  const { cases, warmup, runs, size = 224, seed = 1, cpuClock, onProgress } = options;
  if (!(Number.isInteger(warmup) && warmup >= 0 && Number.isInteger(runs) && runs >= 1))
    throw new Error(`warmup must be a whole number ≥ 0 and runs ≥ 1, got ${warmup} and ${runs}`);
  const backend = tf.getBackend();
  const models = new Map<string, ResNetModel>();
  const x = tf.tidy(() => tf.randomUniform([1, size, size, 3], -2, 2, "float32", seed)) as tf.Tensor4D;
  const total = cases.length * (1 + warmup + runs);
  let done = 0;
  const step = (what: string) => onProgress?.(++done, total, what);
  const timings: NetTiming[] = [];
  try {
    const predictMs = async (model: ResNetModel, sePath: SEPath) => {
      const start = performance.now();
      const cpuStart = cpuClock?.() ?? 0;
      const p = model.predict(x, { sePath, taps: false }); // logits only, as a network without SE gives
      try {
        await settle(p.logits);
      } finally {
        tf.dispose(p);
      }
      return { wall: performance.now() - start, cpu: (cpuClock?.() ?? 0) - cpuStart };
    };
    for (const c of cases) {
      const config = { ...preset(c.model), inputSize: size };
      let model = models.get(c.model);
      let loadMs = 0;
      if (!model) {
        const weights = randomWeights(config, seed);
        const start = performance.now();
        try {
          model = load({ config, weights });
          loadMs = performance.now() - start;
        } finally {
          tf.dispose(weights); // load keeps its own (folded) copies, and a failed load must not leak these
        }
        models.set(c.model, model);
      }
      const first = await predictMs(model, c.sePath);
      step(`${c.model} (${c.sePath}): first prediction`);
      await breathe();
      timings.push({
        ...c,
        backend,
        implementation: resolveSEPath(c.sePath, backend),
        gflop: (2 * complexity(config).macs) / 1e9,
        loadMs,
        firstMs: first.wall,
        samplesMs: [],
        medianMs: NaN,
        ...(cpuClock ? { cpuSamplesMs: [] } : {}),
      });
    }
    const random = mulberry32(seed);
    for (let round = 0; round < warmup + runs; round++) {
      for (const t of shuffledIndices(timings.length, random).map((i) => timings[i])) {
        const ms = await predictMs(models.get(t.model)!, t.sePath);
        if (round >= warmup) {
          t.samplesMs.push(ms.wall);
          t.cpuSamplesMs?.push(ms.cpu);
        }
        step(`${t.model} (${t.sePath}): ${round < warmup ? "warm-up" : "run"} ${round + 1}/${warmup + runs}`);
        await breathe();
      }
    }
  } finally {
    for (const m of models.values()) m.dispose();
    x.dispose();
  }
  for (const t of timings) {
    t.medianMs = median(t.samplesMs);
    if (t.cpuSamplesMs) t.cpuMedianMs = median(t.cpuSamplesMs);
  }
  return timings;
}

export interface Ratio {
  /** median(a) / median(b). */
  ofMedians: number;
  /** Median over rounds of a_i / b_i: both cases ran back to back in each round, so load that drifts cancels. */
  paired: number;
  /** Quartiles of the per-round ratios: how much the host's load moved the numbers. */
  pairedQ1: number;
  pairedQ3: number;
  /**
   * 95 % confidence interval of `paired` (stats.medianInterval): how well the run pins the median down; null when
   * the run has too few rounds (under 6) for any interval to reach 95 %.
   */
  pairedLow: number | null;
  pairedHigh: number | null;
}

/** Samples of one case, taken in the same rounds as another's. */
export type Sampled = Pick<NetTiming, "samplesMs" | "medianMs">;

export function ratio(a: Sampled, b: Sampled): Ratio {
  if (a.samplesMs.length !== b.samplesMs.length)
    throw new Error(
      `paired ratio of ${a.samplesMs.length} and ${b.samplesMs.length} samples: both cases must run in the same rounds`,
    );
  const per = a.samplesMs.map((x, i) => x / b.samplesMs[i]);
  const [pairedLow, pairedHigh] = medianInterval(per) ?? [null, null];
  return {
    ofMedians: a.medianMs / b.medianMs,
    paired: median(per),
    pairedQ1: quantile(per, 0.25),
    pairedQ3: quantile(per, 0.75),
    pairedLow,
    pairedHigh,
  };
}

/** Issue 7's bound on SE-ResNet-50 over ResNet-50, on every backend the site ships (the paper's CPU figure: 1.018). */
export const SE_OVERHEAD_TARGET = 1.03;

/**
 * The long SE/no-SE runs that judge the target, in the order the Benchmarks chapter shows them (those recorded): the
 * project's host (then WebGL, the slowest, and 1-thread wasm, the noisiest, in longer runs of their own), then
 * bench/dawn.sh's GPU machine and its CPU.
 */
export const SE_OVERHEAD_RECORDS = [
  "bench/results/se-overhead.json",
  "bench/results/se-overhead-webgl.json",
  "bench/results/se-overhead-webgl-long.json",
  "bench/results/se-overhead-wasm.json",
  "bench/results/se-overhead-webgpu.json",
  "bench/results/se-overhead-quiet-wasm.json",
] as const;

/**
 * Whether a run shows the median ratio within `target`: "met" when its whole 95 % confidence interval lies at or
 * below it, "missed" when the whole interval lies above, and "not resolved" when the run cannot tell (or has too few
 * rounds for an interval).
 */
export function targetVerdict(r: Ratio, target = SE_OVERHEAD_TARGET): "met" | "missed" | "not resolved" {
  if (r.pairedLow === null || r.pairedHigh === null) return "not resolved";
  if (r.pairedHigh <= target) return "met";
  if (r.pairedLow > target) return "missed";
  return "not resolved";
}

/** "1.020 (95 % CI 1.004–1.031; quartiles 0.93–1.10)", for logs. */
export function ratioText(r: Ratio): string {
  const f = (x: number, digits = 3) => x.toFixed(digits);
  const ci =
    r.pairedLow === null || r.pairedHigh === null
      ? "too few rounds for a 95 % CI"
      : `95 % CI ${f(r.pairedLow)}–${f(r.pairedHigh)}`;
  return `${f(r.paired)} (${ci}; quartiles ${f(r.pairedQ1, 2)}–${f(r.pairedQ3, 2)})`;
}

/** The median of one case of a run, if the run has it. */
export function medianMs(timings: readonly NetTiming[], model: string, sePath: SEPath): number | undefined {
  return timings.find((t) => t.model === model && t.sePath === sePath)?.medianMs;
}

/** Ratios between cases of one run: SE over no-SE per path, and the stock chain over ours per model. */
export function netRatios(timings: NetTiming[]): Record<string, Ratio> {
  const find = (model: string, sePath: SEPath) =>
    timings.find((t) => t.model === model && t.sePath === sePath);
  const out: Record<string, Ratio> = {};
  for (const path of new Set(timings.map((t) => t.sePath))) {
    const se = find(PAPER_PAIR.se, path);
    const plain = find(PAPER_PAIR.plain, path);
    if (se && plain) out[`SE/no-SE (${path})`] = ratio(se, plain);
  }
  for (const model of new Set(timings.map((t) => t.model))) {
    const ops = find(model, "ops");
    const auto = find(model, "auto");
    if (ops && auto) out[`ops/auto (${model})`] = ratio(ops, auto);
  }
  return out;
}

export interface Peak {
  backend: string;
  /** Side n of the square matMul that gave the best rate. */
  n: number;
  medianMs: number;
  gflops: number;
}

/**
 * The backend's attainable rate on a plain float32 matMul [n, n] · [n, n] (2n³ FLOP), the yardstick for the
 * network's floor. n doubles from 256 while a product takes under `targetMs`, up to `maxN`; median of `runs`.
 */
export async function peakMatMul({ runs = 3, targetMs = 150, maxN = 2048 } = {}): Promise<Peak> {
  let best: Peak | null = null;
  for (let n = 256; n <= maxN; n *= 2) {
    const [a, b] = tf.tidy(() => [
      tf.randomUniform([n, n], -1, 1, "float32", 1),
      tf.randomUniform([n, n], -1, 1, "float32", 2),
    ]);
    const samples: number[] = [];
    try {
      for (let i = 0; i <= runs; i++) {
        const start = performance.now();
        const c = tf.matMul(a, b);
        await settle(c);
        c.dispose();
        if (i > 0) samples.push(performance.now() - start); // the first run compiles
        await breathe();
      }
    } finally {
      tf.dispose([a, b]);
    }
    const ms = median(samples);
    const gflops = (2 * n ** 3) / (ms * 1e6);
    if (!best || gflops > best.gflops) best = { backend: tf.getBackend(), n, medianMs: ms, gflops };
    if (ms >= targetMs) break;
  }
  return best!;
}

/** The suite's cases, SE-ResNet-50 first so that its first prediction is a page's first network (the cold start). */
export const SUITE_CASES: readonly NetCase[] = [
  { model: PAPER_PAIR.se, sePath: "auto" },
  { model: PAPER_PAIR.plain, sePath: "auto" },
  { model: PAPER_PAIR.se, sePath: "ops" },
  { model: PAPER_PAIR.plain, sePath: "ops" },
];

export interface ReaderSuite {
  backend: string;
  size: number;
  peak: Peak;
  timings: NetTiming[];
  ratios: Record<string, Ratio>;
  /** SE-ResNet-50's time at the matMul's rate. */
  floorMs: number;
}

/** The reader's short suite: few rounds, so that a slow CPU finishes in minutes (the chapter quotes these). */
export const READER_SUITE = { warmup: 1, runs: 3, size: 224, maxN: 2048 } as const;

/** The short suite of the Benchmarks chapter's button, on the active backend: the peak, then the four cases. */
export async function readerSuite({
  warmup = READER_SUITE.warmup,
  runs = READER_SUITE.runs,
  size = READER_SUITE.size,
  maxN = READER_SUITE.maxN,
  onProgress,
}: {
  warmup?: number;
  runs?: number;
  /** Input side; the paper's numbers are for 224. */
  size?: number;
  /** Largest matMul side for the peak. */
  maxN?: number;
  onProgress?: (done: number, total: number, what: string) => void;
} = {}): Promise<ReaderSuite> {
  const cases = SUITE_CASES;
  const total = cases.length * (1 + warmup + runs) + 1;
  onProgress?.(0, total, "peak matMul rate");
  const peak = await peakMatMul({ maxN });
  const timings = await timeNetworks({
    cases,
    warmup,
    runs,
    size,
    onProgress: (done, _, what) => onProgress?.(done + 1, total, what),
  });
  const se = timings[0];
  return {
    backend: tf.getBackend(),
    size,
    peak,
    timings,
    ratios: netRatios(timings),
    floorMs: (se.gflop / peak.gflops) * 1000,
  };
}
