// npm run bench — the browser suite behind the Benchmarks chapter, in headless Chromium, one fresh page per backend:
//   peak:     the backend's rate on a plain large float32 matMul (the yardstick);
//   cold:     SE-ResNet-50's load() + first prediction in a page that has run no network yet (compilation included);
//   networks: SE-ResNet-50 and ResNet-50 (the paper's Caffe-style pair), our SE path ("auto") and the stock tfjs chain
//             ("ops"), medians after warm-up, cases alternating within each round, ratios from the same run;
//   floor:    2 × multiply-adds ÷ peak, the time the network would take at the matMul's rate.
// Writes bench/results/suite.json. Options: --runs 7 --warmup 2 --backends wasm,wasm-threads,webgpu,webgl
// (--slow-runs 3 --slow-warmup 1 where the adapter is software).
import { mkdirSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import {
  netRatios,
  PAPER_PAIR,
  PAPER_TIMINGS,
  ratioText,
  SE_OVERHEAD_TARGET,
  SUITE_CASES,
} from "../src/lib/benchmark.ts";
import type { BackendName } from "../src/lib/backend.ts";
import { startBrowser } from "./browser.ts";
import { commitOf, host } from "./provenance.ts";
import { benchOptions } from "./options.ts";

// The measured code as it is now, when it is loaded (not when the run ends, hours of edits later).
const commit = commitOf([
  "src/lib/models",
  "src/lib/kernels",
  "src/lib/benchmark.ts",
  "src/lib/backend.ts",
  "bench",
]);

const RUNTIMES = ["wasm", "wasm-threads", "webgpu", "webgl"] as const;

const { plan, slow, runtimes, out } = benchOptions(RUNTIMES, {
  backends: "wasm,wasm-threads",
  out: "bench/results/suite.json",
});

const loadBefore = loadavg()[0];
const b = await startBrowser();
const results = [];
try {
  for (const runtime of runtimes) {
    const started = Date.now();
    const { call, problems, page } = await b.open(runtime === "wasm-threads");
    const info = await call("init", (runtime === "wasm-threads" ? "wasm" : runtime) as BackendName);
    const used = info.state.software ? slow : plan;
    const peak = await call("peak");
    console.log(
      `${runtime}: peak ${peak.gflops.toFixed(2)} GFLOP/s (matMul ${peak.n}², ${peak.medianMs.toFixed(1)} ms)`,
    );
    const timings = await call("networks", { cases: SUITE_CASES, ...used });
    if (problems.length) throw new Error(`${runtime}: page problems:\n${problems.join("\n")}`);
    const se = timings.find((t) => t.model === PAPER_PAIR.se && t.sePath === "auto")!;
    const floorMs = (se.gflop / peak.gflops) * 1000;
    const result = {
      runtime,
      backend: info.state.name,
      device: info.state.device,
      software: info.state.software,
      crossOriginIsolated: info.crossOriginIsolated,
      wasmThreads: info.wasmThreads,
      ...used,
      peak,
      cold: {
        model: se.model,
        loadMs: se.loadMs,
        firstPredictionMs: se.firstMs,
        totalMs: se.loadMs + se.firstMs,
      },
      warmMs: se.medianMs,
      floor: { gflop: se.gflop, ms: floorMs, latencyOverFloor: se.medianMs / floorMs },
      timings,
      ratios: netRatios(timings),
    };
    results.push(result);
    console.log(
      `${runtime}: cold ${result.cold.totalMs.toFixed(0)} ms, warm ${se.medianMs.toFixed(0)} ms, floor ${floorMs.toFixed(0)} ms; ` +
        Object.entries(result.ratios)
          .map(([k, v]) => `${k} ${ratioText(v)}`)
          .join(", ") +
        ` (${((Date.now() - started) / 1000).toFixed(0)} s)`,
    );
    await page.context().close();
  }
} finally {
  await b.close();
}

const report = {
  benchmark:
    "SE-ResNet-50 in the browser: peak, cold start, warm latency, floor, SE/no-SE and ours vs the stock chain",
  command: `npm run bench -- --runs ${plan.runs} --warmup ${plan.warmup} --slow-runs ${slow.runs} --slow-warmup ${slow.warmup} --backends ${runtimes.join(",")}`,
  date: new Date().toISOString(),
  commit,
  browser: `Chromium ${b.browser.version()} (headless)`,
  host: { ...host(), loadAverage1mBefore: loadBefore, loadAverage1mAfter: loadavg()[0] },
  input: "1×224×224×3, uniform in [-2, 2] (seed 1); weights randomWeights(config, 1)",
  timing:
    "wall-clock ms from predict(x, { taps: false }) (logits only: no SE block's z and s, as ResNet-50 has none) to the logits read back; warm = median of `runs` rounds after `warmup` rounds, cases alternating within a round; ratios: paired = median of per-round ratios (primary; [pairedLow, pairedHigh] its distribution-free 95 % confidence interval, [pairedQ1, pairedQ3] the quartiles of the rounds), ofMedians = ratio of medians",
  target: `SE/no-SE ≤ ${SE_OVERHEAD_TARGET} on every backend the site ships`,
  paper: {
    cpuRatio: PAPER_TIMINGS.cpu.seMs / PAPER_TIMINGS.cpu.plainMs,
    gpuRatio: PAPER_TIMINGS.gpu.seMs / PAPER_TIMINGS.gpu.plainMs,
    ...PAPER_TIMINGS,
  },
  results,
};
mkdirSync("bench/results", { recursive: true });
writeFileSync(out, JSON.stringify(report, null, 2) + "\n");
console.log(`wrote ${out}`);
