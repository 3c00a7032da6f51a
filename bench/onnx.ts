// npm run bench:onnx — the peer: SE-ResNet-50 and ResNet-50 (the paper's pair) with the same random weights in our
// runtime (tfjs with our SE path; weights read from the exported .safetensors by src/lib/import) and in
// onnxruntime-web (the exported .onnx), in headless Chromium on this machine, the same input for everyone:
//   ours-wasm / ort-wasm                  1 thread, plain page;
//   ours-wasm-threads / ort-wasm-threads  navigator.hardwareConcurrency threads, cross-origin isolated page;
//   ort-webgpu (and ours-webgpu)          the WebGPU EP / backend (few rounds where the adapter is software).
// Runtimes of a group (the wasm ones; the webgpu ones) live in pages side by side and alternate within each round:
// ours/ORT and SE/no-SE ratios are paired per round. Cold start = session create (ours: import + load) + first run.
// Parity: max |Δlogit| against the PyTorch logits of tools/bench/export_onnx.py and between ours and ORT.
// Writes bench/results/onnx-peer.json. Options: --runs 7 --warmup 2 --slow-runs 3 --slow-warmup 1 --backends …
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { PAPER_PAIR } from "../src/lib/benchmark.ts";
import {
  comparisons,
  maxAbsDiff,
  PARITY_TOLERANCE,
  seOverPlain,
  timing,
  type PeerReport,
  type PeerRuntime,
} from "../src/lib/peer.ts";
import { startBrowser, type BenchPage } from "./browser.ts";
import type { OnnxBenchPage, Prepared, RuntimeSpec } from "./onnx.page.ts";
import { benchOptions } from "./options.ts";
import { commitOf, host } from "./provenance.ts";

// The measured code as it is now, when it is loaded (not when the run ends, hours of edits later).
const commit = commitOf([
  "src/lib/models",
  "src/lib/import",
  "src/lib/kernels",
  "src/lib/benchmark.ts",
  "src/lib/peer.ts",
  "bench",
]);

const MODELS_DIR = "bench/models";
const MAKE_MODELS = "npx tsx tools/bench/dump_presets.ts && /usr/bin/python3 tools/bench/export_onnx.py";

const SPECS = {
  "ours-wasm": { library: "ours", backend: "wasm", threads: "one" },
  "ort-wasm": { library: "onnxruntime-web", backend: "wasm", threads: "one" },
  "ours-wasm-threads": { library: "ours", backend: "wasm", threads: "all" },
  "ort-wasm-threads": { library: "onnxruntime-web", backend: "wasm", threads: "all" },
  "ort-webgpu": { library: "onnxruntime-web", backend: "webgpu", threads: "one" },
  "ours-webgpu": { library: "ours", backend: "webgpu", threads: "one" },
} as const satisfies Record<string, RuntimeSpec>;
type RuntimeId = keyof typeof SPECS;
const IDS = Object.keys(SPECS) as RuntimeId[];

const { plan, slow, runtimes, out } = benchOptions(IDS, {
  backends: "ours-wasm,ort-wasm,ours-wasm-threads,ort-wasm-threads,ort-webgpu",
  out: "bench/results/onnx-peer.json",
});

interface Exported {
  command: string;
  seed: number;
  date: string;
  torch: string;
  commit: string;
  opset: number;
  models: Record<string, { logits: number[]; onnx: { sha256: string }; safetensors: { sha256: string } }>;
}
const MODELS = [PAPER_PAIR.se, PAPER_PAIR.plain];
const missing = [
  "peer.json",
  "input.f32",
  ...MODELS.flatMap((m) => [`${m}.onnx`, `${m}.safetensors`]),
].filter((f) => !existsSync(`${MODELS_DIR}/${f}`));
if (missing.length) {
  console.error(`${MODELS_DIR} lacks ${missing.join(", ")}. Make the peer's models first:\n  ${MAKE_MODELS}`);
  process.exit(1);
}
const exported = JSON.parse(readFileSync(`${MODELS_DIR}/peer.json`, "utf8")) as Exported;
const version = (pkg: string) =>
  (JSON.parse(readFileSync(`node_modules/${pkg}/package.json`, "utf8")) as { version: string }).version;

const loadBefore = loadavg()[0];
const b = await startBrowser<OnnxBenchPage>(console.log, {
  entry: "bench/onnx.page.ts",
  out: ".test-out/bench-onnx",
  global: "onnxBench",
  links: { ort: "node_modules/onnxruntime-web/dist", models: MODELS_DIR },
});
const results: PeerRuntime[] = [];
const logits: Record<string, Record<string, number[]>> = {};
const allComparisons: PeerReport["comparisons"] = [];
const groups = [
  runtimes.filter((r) => SPECS[r].backend === "wasm"),
  runtimes.filter((r) => SPECS[r].backend === "webgpu"),
];
try {
  for (const group of groups.filter((g) => g.length)) {
    const pages: {
      id: RuntimeId;
      page: BenchPage<OnnxBenchPage>;
      info: Awaited<ReturnType<OnnxBenchPage["init"]>>;
    }[] = [];
    for (const id of group) {
      const page = await b.open(SPECS[id].threads === "all");
      const info = await page.call("init", SPECS[id]);
      console.log(
        `${id}: ${info.backend}, ${info.device}, threads ${info.threads}, isolated ${info.crossOriginIsolated}`,
      );
      pages.push({ id, page, info });
    }
    const used = pages.some((p) => p.info.software) ? slow : plan;
    const cold = new Map<string, Prepared>();
    for (const model of MODELS)
      for (const { id, page } of pages) {
        const p = await page.call("prepare", model);
        cold.set(`${id} ${model}`, p);
        console.log(
          `${id} ${model}: create ${p.createMs.toFixed(0)} ms, first run ${p.firstMs.toFixed(0)} ms`,
        );
      }
    const samples = new Map<string, number[]>(
      pages.flatMap(({ id }) => MODELS.map((m) => [`${id} ${m}`, []])),
    );
    for (let round = 0; round < used.warmup + used.runs; round++) {
      for (const { id, page } of pages)
        for (const model of MODELS) {
          const ms = await page.call("run", model);
          if (round >= used.warmup) samples.get(`${id} ${model}`)!.push(ms);
        }
      console.log(
        `  round ${round + 1}/${used.warmup + used.runs}${round < used.warmup ? " (warm-up)" : ""}`,
      );
    }
    const groupResults: PeerRuntime[] = [];
    for (const { id, page, info } of pages) {
      if (page.problems.length) throw new Error(`${id}: page problems:\n${page.problems.join("\n")}`);
      logits[id] = {};
      const timings = MODELS.map((model) => {
        const { logits: l, ...c } = cold.get(`${id} ${model}`)!;
        logits[id][model] = l;
        return timing(model, c, samples.get(`${id} ${model}`)!);
      });
      const r: PeerRuntime = {
        id,
        library: SPECS[id].library,
        backend: info.backend,
        threads: info.threads,
        crossOriginIsolated: info.crossOriginIsolated,
        device: info.device,
        software: info.software,
        ...used,
        timings,
        seOverPlain: seOverPlain(timings),
        maxAbsDiffVsPytorch: Object.fromEntries(
          MODELS.map((m) => [m, maxAbsDiff(logits[id][m], exported.models[m].logits)]),
        ),
      };
      groupResults.push(r);
      console.log(
        `${id}: SE-ResNet-50 ${timings[0].medianMs.toFixed(0)} ms, ResNet-50 ${timings[1].medianMs.toFixed(0)} ms, ` +
          `SE/no-SE ${r.seOverPlain.paired.toFixed(3)}; max |Δ| vs PyTorch ${Object.values(
            r.maxAbsDiffVsPytorch,
          )
            .map((d) => d.toExponential(1))
            .join(", ")}`,
      );
      await page.page.context().close();
    }
    results.push(...groupResults);
    allComparisons.push(...comparisons(groupResults));
  }
} finally {
  await b.close();
}

const ours = results.filter((r) => r.library === "ours").map((r) => r.id);
const ort = results.filter((r) => r.library === "onnxruntime-web").map((r) => r.id);
const oursVsOrtMaxAbsDiff = Object.fromEntries(
  MODELS.map((m) => [
    m,
    Math.max(0, ...ours.flatMap((o) => ort.map((p) => maxAbsDiff(logits[o][m], logits[p][m])))),
  ]),
);
for (const c of allComparisons)
  if (c.model === PAPER_PAIR.se)
    console.log(`${c.ours} / ${c.peer} (SE-ResNet-50): ${c.oursOverPeer.paired.toFixed(3)}`);
const worst = Math.max(...results.flatMap((r) => Object.values(r.maxAbsDiffVsPytorch)));
console.log(`parity: max |Δlogit| vs PyTorch ${worst.toExponential(2)} (tolerance ${PARITY_TOLERANCE})`);

const report: PeerReport & Record<string, unknown> = {
  benchmark:
    "onnxruntime-web vs ours: SE-ResNet-50 and ResNet-50, the same weights and input, headless Chromium",
  command: `npm run bench:onnx -- --runs ${plan.runs} --warmup ${plan.warmup} --slow-runs ${slow.runs} --slow-warmup ${slow.warmup} --backends ${runtimes.join(",")}`,
  date: new Date().toISOString(),
  commit,
  browser: `Chromium ${b.browser.version()} (headless)`,
  host: { ...host(), loadAverage1mBefore: loadBefore, loadAverage1mAfter: loadavg()[0] },
  versions: {
    "onnxruntime-web": version("onnxruntime-web"),
    "@tensorflow/tfjs-core": version("@tensorflow/tfjs-core"),
  },
  models: {
    exportedBy: exported.command,
    seed: exported.seed,
    date: exported.date,
    torch: exported.torch,
    commit: exported.commit,
    opset: exported.opset,
    sha256: Object.fromEntries(
      MODELS.map((m) => [
        m,
        { onnx: exported.models[m].onnx.sha256, safetensors: exported.models[m].safetensors.sha256 },
      ]),
    ),
  },
  input: "1×3×224×224 standard normal (bench/models/input.f32); ours gets it transposed to NHWC",
  timing:
    "wall-clock ms from predict(x, { taps: false })/session.run() to the logits on the CPU (logits only on both sides); median of `runs` rounds after `warmup` rounds; runtimes of a group and both models alternate within each round; ratios: paired = median of per-round ratios (primary), ofMedians = ratio of medians",
  parityTolerance: PARITY_TOLERANCE,
  runtimes: results,
  comparisons: allComparisons,
  oursVsOrtMaxAbsDiff,
};
mkdirSync("bench/results", { recursive: true });
writeFileSync(out, JSON.stringify(report, null, 2) + "\n");
console.log(`wrote ${out}`);
if (worst > PARITY_TOLERANCE) {
  console.error(
    `parity failed: max |Δlogit| ${worst} > ${PARITY_TOLERANCE}, so the runtimes did not time the same network`,
  );
  process.exit(1);
}
