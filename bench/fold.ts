// npm run bench:fold — what folding SE through conv3 buys, block by block (bench/foldStages.ts): the end of one
// SE-ResNet-50 bottleneck at each stage's shape with no SE, SE on U ("lean") and SE folded through conv3 ("fold"),
// on tfjs-wasm in Node and in headless Chromium on wasm (1 thread, and every core where the page is cross-origin
// isolated) and WebGL. These are the measurements behind `foldPays`. Writes bench/results/fold.json.
// Options: --runs 200 --warmup 20, --slow-runs 15 --slow-warmup 2 (WebGL on a software adapter),
// --backends node-wasm,wasm,wasm-threads,webgl
import { mkdirSync, writeFileSync } from "node:fs";
import * as tf from "@tensorflow/tfjs-core";
import "@tensorflow/tfjs-backend-wasm";
import { commitOf, host } from "./provenance.ts";
import { timeFoldStages, type StageTiming } from "./foldStages.ts";
import { benchOptions } from "./options.ts";

// The measured code as it is now, when it is loaded (not when the run ends, hours of edits later).
const commit = commitOf(["src/lib", "bench/fold.ts", "bench/foldStages.ts", "bench/net.page.ts"]);

const RUNTIMES = ["node-wasm", "wasm", "wasm-threads", "webgl"] as const;
const { plan, slow, runtimes, out } = benchOptions(RUNTIMES, {
  backends: RUNTIMES.join(","),
  out: "bench/results/fold.json",
  counts: { runs: 200, warmup: 20, slowRuns: 15, slowWarmup: 2 },
});

interface Environment {
  runtime: string;
  backend: string;
  device: string;
  runs: number;
  warmup: number;
  stages: StageTiming[];
}

function report(e: Environment): void {
  for (const s of e.stages)
    console.log(
      `${e.runtime} ${s.stage} x ${s.x.join("×")}: none ${s.medianMs.none.toFixed(2)} ms; SE adds ` +
        `${s.seCostMs.lean.toFixed(2)} ms on U, ${s.seCostMs.fold.toFixed(2)} ms folded ` +
        `(fold/lean ${s.foldOverLean.toFixed(3)}; folded in the network: ${s.folded})`,
    );
}

const loadBefore = host().loadAverage1m;
const environments: Environment[] = [];
let browserVersion: string | null = null;
if (runtimes.includes("node-wasm")) {
  await tf.setBackend("wasm");
  await tf.ready();
  const e = {
    runtime: "node-wasm",
    backend: "wasm",
    device: `Node ${process.version}, tfjs-backend-wasm (SIMD, 1 thread)`,
    ...plan,
    stages: await timeFoldStages(plan),
  };
  environments.push(e);
  report(e);
}
const inBrowser = runtimes.filter((r) => r !== "node-wasm");
if (inBrowser.length) {
  const { startBrowser } = await import("./browser.ts");
  const b = await startBrowser();
  browserVersion = `Chromium ${b.browser.version()} (headless)`;
  try {
    for (const runtime of inBrowser) {
      const { call, problems, page } = await b.open(runtime === "wasm-threads");
      const { state, wasmThreads } = await call("init", runtime === "webgl" ? "webgl" : "wasm");
      const p = state.software ? slow : plan;
      const before = await call("numTensors");
      const stages = await call("foldStages", p);
      if ((await call("numTensors")) !== before) throw new Error(`${runtime}: the benchmark leaked tensors`);
      if (problems.length) throw new Error(`${runtime}: page problems:\n${problems.join("\n")}`);
      const threads = wasmThreads ? `, ${wasmThreads} thread${wasmThreads > 1 ? "s" : ""}` : "";
      const e = { runtime, backend: state.name, device: `${state.device}${threads}`, ...p, stages };
      environments.push(e);
      report(e);
      await page.context().close();
    }
  } finally {
    await b.close();
  }
}

const record = {
  what:
    "End of one SE-ResNet-50 bottleneck (conv3, SE with r = 16, + shortcut, ReLU), 1 image at 224²: no SE, SE on " +
    "U (lean), SE folded through conv3 (fold). SE cost = median over rounds of the paired difference to no SE.",
  command: `npm run bench:fold -- --runs ${plan.runs} --warmup ${plan.warmup} --slow-runs ${slow.runs} --slow-warmup ${slow.warmup} --backends ${runtimes.join(",")}`,
  date: new Date().toISOString(),
  commit,
  browser: browserVersion,
  tfjs: tf.version_core,
  host: { ...host(), loadAverage1mBefore: loadBefore },
  environments,
};
mkdirSync("bench/results", { recursive: true });
writeFileSync(out, JSON.stringify(record, null, 1) + "\n");
console.log(`wrote ${out}`);
