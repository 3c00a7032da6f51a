// Where SE-ResNet-50's extra time goes on a GPU (tfjs-webgpu through dawn.node: bench/dawn.sh runs it on a device
// machine). Writes bench/results/gpu-profile.json and prints a summary. Options: --runs 51 --warmup 10
//   networks  ResNet-50 and SE-ResNet-50 (our path, logits only): the JS time predict() takes to record its commands
//             (the GPU runs them meanwhile) and the time until the logits are read back; tfjs's own kernels' GPU
//             time (tf.time; our SE passes are not among them); and where the main thread spends those rounds
//             (a CPU profile: self time of the busiest functions)
//   stages    one SE block end at each stage's shape, ours against the plain relu(U + shortcut) it replaces: the GPU
//             time of 100 in a row between two timestamps (Dawn rounds a timestamp to 1/15 ms on an H200, longer
//             than one block) and the JS time of one call; also the GPU time of ours split as for a software
//             adapter (tiling.ts), to show what the GPU's own split buys
import { mkdirSync, writeFileSync } from "node:fs";
import { Session } from "node:inspector/promises";
import { parseArgs } from "node:util";
import * as tf from "@tensorflow/tfjs-core";
import { startDawn } from "./dawn.ts";
import { commitOf, host } from "./provenance.ts";
import { PAPER_PAIR } from "../src/lib/benchmark.ts";
import { preset } from "../src/lib/models/config.ts";
import { randomWeights } from "../src/lib/models/randomWeights.ts";
import { load } from "../src/lib/models/resnet.ts";
import { median } from "../src/lib/stats.ts";
import type { WebGPUBackend } from "@tensorflow/tfjs-backend-webgpu";
import { seBlock } from "../src/lib/kernels/se-block.ts";
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

/** The main thread's busiest functions (self time, ms) while `f` runs, from V8's sampling profiler. */
async function busiest(f: () => Promise<void>, top = 25): Promise<{ fn: string; selfMs: number }[]> {
  const session = new Session();
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.setSamplingInterval", { interval: 50 }); // µs
  await session.post("Profiler.start");
  await f();
  const { profile } = await session.post("Profiler.stop");
  session.disconnect();
  const nodes = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
  const self = new Map<string, number>();
  profile.samples!.forEach((id, i) => {
    const frame = nodes.get(id)!;
    const key = `${frame.functionName || "(anonymous)"} ${frame.url.split("/").pop()}:${frame.lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + profile.timeDeltas![i] / 1000);
  });
  return [...self]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([fn, ms]) => ({ fn, selfMs: round(ms) }));
}

/**
 * GPU time of everything `f` records: tfjs's pending work is submitted, then an empty pass writes a timestamp, `f`
 * runs and is submitted, and another empty pass writes the second timestamp.
 */
async function gpuSpanMs(f: () => void): Promise<number> {
  const backend = tf.backend() as WebGPUBackend;
  const device = backend.device;
  const querySet = device.createQuerySet({ type: "timestamp", count: 2 });
  const flush = () => {
    backend.ensureCommandEncoderReady();
    backend.endComputePassEncoder();
    backend.submitQueue();
  };
  const stamp = (index: number) => {
    const encoder = device.createCommandEncoder();
    encoder.beginComputePass({ timestampWrites: { querySet, beginningOfPassWriteIndex: index } }).end();
    device.queue.submit([encoder.finish()]);
  };
  flush();
  stamp(0);
  f();
  flush();
  stamp(1);
  const resolve = device.createBuffer({
    size: 16,
    usage: GPUBufferUsage.QUERY_RESOLVE | GPUBufferUsage.COPY_SRC,
  });
  const read = device.createBuffer({ size: 16, usage: GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST });
  const encoder = device.createCommandEncoder();
  encoder.resolveQuerySet(querySet, 0, 2, resolve, 0);
  encoder.copyBufferToBuffer(resolve, 0, read, 0, 16);
  device.queue.submit([encoder.finish()]);
  await read.mapAsync(GPUMapMode.READ);
  const [begin, end] = new BigUint64Array(read.getMappedRange().slice(0));
  read.unmap();
  for (const object of [read, resolve, querySet]) object.destroy();
  return Number(end - begin) / 1e6;
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
  const cpu = await busiest(async () => {
    for (let i = 0; i < runs; i++) await forward(name);
  });
  Object.assign(networks[name], { tfjsKernelMs: round(median(kernelMs)), busiestFunctions: cpu });
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
  const ours = () => tf.dispose(seBlock(u, weights, { residual, relu: true }));
  const oursSoftware = () => tf.dispose(seBlock(u, weights, { residual, relu: true, tiling: "software" }));
  const plain = () => tf.dispose(tf.relu(tf.add(u, residual)));
  const hundred = (f: () => void) => () => {
    for (let i = 0; i < 100; i++) f();
  };
  const oursGpu = await repeat(async () => (await gpuSpanMs(hundred(ours))) / 100);
  const plainGpu = await repeat(async () => (await gpuSpanMs(hundred(plain))) / 100);
  const softwareGpu = await repeat(async () => (await gpuSpanMs(hundred(oursSoftware))) / 100);
  const jsMs = async (f: () => void) => {
    const start = performance.now();
    for (let i = 0; i < 100; i++) f();
    const ms = (performance.now() - start) / 100;
    await u.data(); // drain
    return ms;
  };
  const oursJs = await repeat(() => jsMs(ours));
  const plainJs = await repeat(() => jsMs(plain));
  stages.push({
    shape,
    oursGpuMs: round(median(oursGpu)),
    plainGpuMs: round(median(plainGpu)),
    oursSoftwareTilingGpuMs: round(median(softwareGpu)),
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
    "medians of `runs` after `warmup`. issueMs: JS time of predict(x, { taps: false }) (recording commands); totalMs: until the logits are read; tfjsKernelMs: GPU time of tfjs's kernels by tf.time (5 runs; excludes our SE passes); busiestFunctions: self time over `runs` more rounds of that network alone (V8 sampling profiler, 50 µs); stages: GPU time per call of our block (as the network runs it, and split as for a software adapter) and of relu(U + shortcut), from timestamps around 100 calls in a row, and JS time per call (100 calls)",
  networks,
  stages,
};
mkdirSync("bench/results", { recursive: true });
writeFileSync(OUT, JSON.stringify(report, null, 2) + "\n");
console.log(JSON.stringify({ networks, stages }, null, 1));
console.log(`wrote ${OUT}`);
