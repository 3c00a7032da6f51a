// npm run bench:net — SE-ResNet-50 vs ResNet-50 (the paper's Caffe-style pair, seeded random weights, one 224×224
// image), each with our SE path ("auto"), without its fold ("lean") and with the stock tfjs op chain ("ops"), in
// Node on tfjs-wasm (and on tfjs-webgpu through Dawn, for a GPU machine without a browser: bench/dawn.sh) and in
// headless Chromium on the chosen backends. Medians after warm-up; every ratio comes from medians of the same run.
// Writes bench/results/net.json. Options: --runs 7 --warmup 2
// --backends node-wasm,node-webgpu,wasm,wasm-threads,webgpu,webgl --paths auto,ops,lean --size 224
// (--slow-runs 3 --slow-warmup 1 for backends on a software GPU, where one SE-ResNet-50 takes many seconds).
import { mkdirSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import * as tf from "@tensorflow/tfjs-core";
import "@tensorflow/tfjs-backend-wasm";
import {
  netRatios,
  ratioText,
  PAPER_PAIR,
  PAPER_TIMINGS,
  timeNetworks,
  type NetCase,
  type NetTiming,
  type Ratio,
} from "../src/lib/benchmark.ts";
import { commitOf, host } from "./provenance.ts";
import { benchOptions } from "./options.ts";

// The measured code as it is now, when it is loaded (not when the run ends, hours of edits later).
const commit = commitOf(["src/lib/models", "src/lib/kernels", "src/lib/benchmark.ts", "bench"]);

const RUNTIMES = ["node-wasm", "node-webgpu", "wasm", "wasm-threads", "webgpu", "webgl"] as const;
type Runtime = (typeof RUNTIMES)[number];

// "lean" is "auto" on cpu and wasm without folding SE into conv3: the pair shows what the fold buys in a whole network.
// On webgpu, where "auto" runs the fused WGSL block, `--paths auto,fold,ops` compares the fold with it instead.
const DEFAULT_OUT = "bench/results/net.json";
const { plan, slow, runtimes, out, paths, size } = benchOptions(RUNTIMES, {
  backends: "node-wasm,wasm,wasm-threads",
  out: DEFAULT_OUT,
  paths: "auto,ops,lean",
  size: 224,
});
const { runs, warmup } = plan;
const CASES: NetCase[] = paths.flatMap((sePath) => [
  { model: PAPER_PAIR.plain, sePath },
  { model: PAPER_PAIR.se, sePath },
]);

interface Environment {
  runtime: Runtime;
  backend: string;
  device: string;
  software: boolean;
  wasmThreads?: number | null;
  crossOriginIsolated?: boolean;
  warmup: number;
  runs: number;
  timings: NetTiming[];
  ratios: Record<string, Ratio>;
}

function summary(e: Environment): string {
  const med = (model: string, path: string) =>
    e.timings.find((t) => t.model === model && t.sePath === path)?.medianMs.toFixed(0);
  const perPath = paths.map((p) => `${p}: ${med(PAPER_PAIR.plain, p)} / ${med(PAPER_PAIR.se, p)} ms`);
  return (
    `${e.runtime} (${e.backend}, ${e.device}): ResNet-50 / SE-ResNet-50 ${perPath.join(", ")}; ` +
    Object.entries(e.ratios)
      .map(([k, v]) => `${k} ${ratioText(v)}`)
      .join(", ")
  );
}

const loadBefore = loadavg()[0];
const environments: Environment[] = [];
let browserVersion: string | null = null;

// In Node: tfjs-wasm, and tfjs-webgpu on Dawn (bench/dawn.ts) for machines with a GPU but no browser.
for (const runtime of runtimes.filter((r) => r.startsWith("node-"))) {
  let backend: string;
  let device: string;
  let software = false;
  if (runtime === "node-webgpu") {
    const { startDawn } = await import("./dawn.ts"); // only when asked for: dawn.node is not a dependency
    const state = await startDawn();
    ({ name: backend, software } = state);
    device = `Node ${process.version}, dawn.node: ${state.adapter}${software ? " (software)" : ""}`;
  } else {
    backend = "wasm";
    await tf.setBackend(backend);
    await tf.ready();
    device = `Node ${process.version}, tfjs-backend-wasm (SIMD, 1 thread)`;
  }
  const cpuMs = () => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  };
  const p = software ? slow : plan;
  const before = tf.memory().numTensors;
  const timings = await timeNetworks({
    cases: CASES,
    ...p,
    size,
    cpuClock: cpuMs,
    onProgress: (done, total, what) => console.log(`  [${done}/${total}] ${what}`),
  });
  if (tf.memory().numTensors !== before) throw new Error(`${runtime}: the benchmark leaked tensors`);
  const e: Environment = { runtime, backend, device, software, ...p, timings, ratios: netRatios(timings) };
  environments.push(e);
  console.log(summary(e));
}

const inBrowser = runtimes.filter((r) => !r.startsWith("node-"));
if (inBrowser.length) {
  const { startBrowser } = await import("./browser.ts"); // only when a browser is wanted
  const b = await startBrowser();
  browserVersion = `Chromium ${b.browser.version()} (headless)`;
  try {
    for (const runtime of inBrowser) {
      const { call, problems, page } = await b.open(runtime === "wasm-threads");
      const backend = runtime === "wasm-threads" ? "wasm" : runtime;
      const info = await call("init", backend as "wasm");
      const plan = info.state.software ? slow : { runs, warmup };
      const before = await call("numTensors");
      const timings = await call("networks", { cases: CASES, ...plan, size });
      if ((await call("numTensors")) !== before) throw new Error(`${runtime}: the benchmark leaked tensors`);
      if (problems.length) throw new Error(`${runtime}: page problems:\n${problems.join("\n")}`);
      const e: Environment = {
        runtime,
        backend: info.state.name,
        device: info.state.device,
        software: info.state.software,
        wasmThreads: info.wasmThreads,
        crossOriginIsolated: info.crossOriginIsolated,
        ...plan,
        timings,
        ratios: netRatios(timings),
      };
      environments.push(e);
      console.log(summary(e));
      await page.context().close();
    }
  } finally {
    await b.close();
  }
}

const report = {
  benchmark: `SE-ResNet-50 vs ResNet-50 (Caffe-style pair) on SE paths ${paths.join(", ")} (auto: ours; lean: ours without folding SE into conv3; fold: ours folded everywhere it pays, also on webgpu; ops: the stock tfjs op chain)`,
  command: `npm run bench:net -- --runs ${runs} --warmup ${warmup} --slow-runs ${slow.runs} --slow-warmup ${slow.warmup} --backends ${runtimes.join(",")} --paths ${paths.join(",")}${size === 224 ? "" : ` --size ${size}`}${out === DEFAULT_OUT ? "" : ` --out ${out}`}`,
  date: new Date().toISOString(),
  ...(process.env.BENCH_RUNNER ? { runner: process.env.BENCH_RUNNER } : {}),
  commit,
  browser: browserVersion,
  host: { ...host(), loadAverage1mBefore: loadBefore, loadAverage1mAfter: loadavg()[0] },
  input: `1×${size}×${size}×3, uniform in [-2, 2] (seed 1); weights randomWeights(config, 1)`,
  timing:
    "wall-clock ms from predict(x, { taps: false }) (logits only: no SE block's z and s, as ResNet-50 has none) to the logits read back, median of `runs` rounds after `warmup` rounds; cases alternate within a round. Node also records process CPU time (cpuSamplesMs).",
  ratios:
    "paired = median over rounds of the per-round ratio (primary; [pairedLow, pairedHigh] its distribution-free 95 % confidence interval, [pairedQ1, pairedQ3] the quartiles of the rounds); ofMedians = ratio of the two medians",
  paper: { cpuRatio: PAPER_TIMINGS.cpu.seMs / PAPER_TIMINGS.cpu.plainMs, ...PAPER_TIMINGS },
  environments,
};
mkdirSync("bench/results", { recursive: true });
writeFileSync(out, JSON.stringify(report, null, 2) + "\n");
console.log(`wrote ${out}`);
