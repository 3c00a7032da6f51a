// Where SE-ResNet-50's extra time goes on a GPU (tfjs-webgpu through dawn.node: bench/dawn.sh runs it on a device
// machine). Writes bench/results/gpu-profile.json and prints a summary. Options: --runs 51 --warmup 10
//   networks  ResNet-50 and SE-ResNet-50 (our path): the JS time predict() takes to record its commands (the GPU runs
//             them meanwhile) and the time until the logits are read back; and tfjs's own kernels' GPU time
//             (tf.time; our SE passes are not among them)
//   stages    one SE block end at each stage's shape: the GPU time of our two passes (timestamp queries, which Dawn
//             rounds to steps longer than a pass on an H200) and of the plain block end they replace,
//             relu(U + shortcut); and the JS time of one call of each
import { mkdirSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import * as tf from "@tensorflow/tfjs-core";
import { startDawn } from "./dawn.ts";
import { commitOf, host } from "./provenance.ts";
import { PAPER_PAIR } from "../src/lib/benchmark.ts";
import { preset } from "../src/lib/models/config.ts";
import { randomWeights } from "../src/lib/models/randomWeights.ts";
import { load } from "../src/lib/models/resnet.ts";
import { median } from "../src/lib/stats.ts";
import { seBlockTaps } from "../src/lib/kernels/se-block.ts";
import { timeKernels } from "../src/lib/kernels/gpu.ts";
import { seTensors, syntheticSeData } from "../src/lib/kernels/synthetic.ts";

const commit = commitOf(["src/lib/models", "src/lib/kernels", "bench"]);
const { values } = parseArgs({ options: { runs: { type: "string" }, warmup: { type: "string" } } });
const runs = Number(values.runs ?? 51);
const warmup = Number(values.warmup ?? 10);
if (!(Number.isInteger(runs) && runs >= 1 && Number.isInteger(warmup) && warmup >= 0))
  throw new Error(`--runs must be a whole number ≥ 1 and --warmup ≥ 0, got ${values.runs}, ${values.warmup}`);
const OUT = "bench/results/gpu-profile.json";
const round = (ms: number) => Math.round(ms * 1000) / 1000;

const state = await startDawn();
if (state.software) console.log(`warning: ${state.adapter} is a software adapter`);

async function repeat<T>(f: () => Promise<T>): Promise<T[]> {
  for (let i = 0; i < warmup; i++) await f();
  const out: T[] = [];
  for (let i = 0; i < runs; i++) out.push(await f());
  return out;
}

// Networks: both models, alternating within each round.
const x = tf.randomUniform([1, 224, 224, 3], -2, 2, "float32", 1) as tf.Tensor4D;
const models = Object.fromEntries(
  Object.values(PAPER_PAIR).map((name) => {
    const config = preset(name);
    const weights = randomWeights(config, 1);
    const model = load({ config, weights });
    tf.dispose(weights);
    return [name, model];
  }),
);
const forward = async (name: string) => {
  const start = performance.now();
  const p = models[name].predict(x, { taps: false });
  const issued = performance.now();
  await p.logits.data();
  const end = performance.now();
  tf.dispose(p);
  return { issueMs: issued - start, totalMs: end - start };
};
const rounds = await repeat(async () => ({
  plain: await forward(PAPER_PAIR.plain),
  se: await forward(PAPER_PAIR.se),
}));
const networks = Object.fromEntries(
  (["plain", "se"] as const).map((k) => {
    const name = PAPER_PAIR[k];
    return [
      name,
      {
        issueMs: round(median(rounds.map((r) => r[k].issueMs))),
        totalMs: round(median(rounds.map((r) => r[k].totalMs))),
      },
    ];
  }),
);
for (const name of Object.values(PAPER_PAIR)) {
  const kernelMs: number[] = [];
  for (let i = 0; i < 5; i++) {
    const info = await tf.time(() => tf.dispose(models[name].predict(x, { taps: false })));
    kernelMs.push(info.kernelMs as number);
  }
  Object.assign(networks[name], { tfjsKernelMs: round(median(kernelMs)) });
}

// Stages: one block end each.
const STAGES: [number, number, number, number][] = [
  [1, 56, 56, 256],
  [1, 28, 28, 512],
  [1, 14, 14, 1024],
  [1, 7, 7, 2048],
];
const stages = [];
for (const shape of STAGES) {
  const { u, weights } = seTensors(syntheticSeData(shape, 16, 1));
  const residual = tf.randomUniform(shape, -1, 1, "float32", 2) as tf.Tensor4D;
  const ours = () => tf.dispose(Object.values(seBlockTaps(u, weights, { residual, relu: true })));
  const plain = () => tf.dispose(tf.relu(tf.add(u, residual)));
  const passes = await repeat(async () => (await timeKernels(ours)).passes);
  const plainGpu = await repeat(async () => (await tf.time(plain)).kernelMs as number);
  const jsMs = async (f: () => void) => {
    const start = performance.now();
    for (let i = 0; i < 100; i++) f();
    const ms = (performance.now() - start) / 100;
    await u.data(); // drain
    return ms;
  };
  const oursJs = await repeat(() => jsMs(ours));
  const plainJs = await repeat(() => jsMs(plain));
  const labels = passes[0].map((p) => p.label);
  stages.push({
    shape,
    oursGpuMs: Object.fromEntries(labels.map((l, i) => [l, round(median(passes.map((p) => p[i].ms)))])),
    plainGpuMs: round(median(plainGpu)),
    oursJsMs: round(median(oursJs)),
    plainJsMs: round(median(plainJs)),
  });
  tf.dispose([u, residual, ...Object.values(weights)]);
}

const report = {
  benchmark: "where SE-ResNet-50's extra time goes on tfjs-webgpu (bench/gpuProfile.ts)",
  command: `tsx bench/gpuProfile.ts --runs ${runs} --warmup ${warmup}`,
  date: new Date().toISOString(),
  ...(process.env.BENCH_RUNNER ? { runner: process.env.BENCH_RUNNER } : {}),
  commit,
  host: host(),
  adapter: state.adapter,
  software: state.software,
  timing:
    "medians of `runs` after `warmup`. issueMs: JS time of predict(x, { taps: false }) (recording commands); totalMs: until the logits are read; tfjsKernelMs: GPU time of tfjs's kernels by tf.time (5 runs; excludes our SE passes); stages: GPU time of our two passes and of relu(U + shortcut) by timestamp queries (which Dawn rounds: on the H200, to steps of 1/15 ms, longer than one pass), JS time per call (100 calls)",
  networks,
  stages,
};
mkdirSync("bench/results", { recursive: true });
writeFileSync(OUT, JSON.stringify(report, null, 2) + "\n");
console.log(JSON.stringify({ networks, stages }, null, 1));
console.log(`wrote ${OUT}`);
