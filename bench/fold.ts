// npm run bench:fold — what folding SE through conv3 buys, block by block: the end of one SE-ResNet-50 bottleneck
// (conv3, SE, + shortcut, ReLU) at each stage's shape, 1 image at 224², on tfjs-wasm in Node, three ways:
//   none  conv3 + shortcut + ReLU (ResNet-50's block end: the baseline)
//   lean  conv3, then SE on U (squeeze U, excite, scale U)
//   fold  SE folded through conv3 (squeeze x, excite, scale conv3's weights; src/lib/models/sePath.ts)
// The three alternate within each round; SE's cost is the median of the paired differences to "none". These are the
// measurements behind `foldPays` (fold where H·W ≥ 8·C_in). tfjs-wasm runs every kernel synchronously, so the clock
// stops when the ops return. Writes bench/results/fold.json. Options: --runs 200 --warmup 20
import { mkdirSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import * as tf from "@tensorflow/tfjs-core";
import "@tensorflow/tfjs-backend-wasm";
import { median } from "../src/lib/benchmark.ts";
import { foldPays, seResidual, seResidualFolded } from "../src/lib/models/sePath.ts";
import { commitOf, host } from "./provenance.ts";

const { values: args } = parseArgs({
  options: { runs: { type: "string", default: "200" }, warmup: { type: "string", default: "20" } },
});
const runs = Number(args.runs);
const warmup = Number(args.warmup);
if (!(Number.isInteger(runs) && runs >= 1 && Number.isInteger(warmup) && warmup >= 0))
  throw new Error(`--runs must be a whole number ≥ 1 and --warmup ≥ 0, got ${args.runs} and ${args.warmup}`);

// SE-ResNet-50 at 224²: conv3's input x [1, H, W, C_in] and output U [1, H, W, 4·C_in]; r = 16.
const STAGES = [
  { stage: "SE_2", size: 56, cIn: 64 },
  { stage: "SE_3", size: 28, cIn: 128 },
  { stage: "SE_4", size: 14, cIn: 256 },
  { stage: "SE_5", size: 7, cIn: 512 },
];
const VARIANTS = ["none", "lean", "fold"] as const;
type Variant = (typeof VARIANTS)[number];

await tf.setBackend("wasm");
await tf.ready();

const loadBefore = host().loadAverage1m;
const stages = STAGES.map(({ stage, size, cIn }, i) => {
  const c = 4 * cIn;
  const seed = 10 * i;
  const x = tf.randomUniform([1, size, size, cIn], 0, 1, "float32", seed) as tf.Tensor4D;
  const shortcut = tf.randomNormal([1, size, size, c], 0, 1, "float32", seed + 1) as tf.Tensor4D;
  const conv = {
    filter: tf.randomNormal([1, 1, cIn, c], 0, 1 / Math.sqrt(cIn), "float32", seed + 2) as tf.Tensor4D,
    bias: tf.randomNormal([c], 0, 0.1, "float32", seed + 3) as tf.Tensor1D,
  };
  const weights = {
    fc1Weight: tf.randomNormal([c, c / 16], 0, 1 / Math.sqrt(c), "float32", seed + 4) as tf.Tensor2D,
    fc1Bias: tf.zeros([c / 16]) as tf.Tensor1D,
    fc2Weight: tf.randomNormal([c / 16, c], 0, 1 / Math.sqrt(c / 16), "float32", seed + 5) as tf.Tensor2D,
    fc2Bias: tf.zeros([c]) as tf.Tensor1D,
  };
  const run: Record<Variant, () => tf.Tensor> = {
    none: () => tf.relu(tf.add(tf.fused.conv2d({ x, ...conv, strides: 1, pad: "valid" }), shortcut)),
    lean: () =>
      seResidual("lean", tf.fused.conv2d({ x, ...conv, strides: 1, pad: "valid" }), shortcut, weights).out,
    fold: () => seResidualFolded(x, conv, shortcut, weights).out,
  };
  const samples: Record<Variant, number[]> = { none: [], lean: [], fold: [] };
  for (let round = 0; round < warmup + runs; round++)
    for (const v of VARIANTS) {
      const start = performance.now();
      tf.tidy(run[v]);
      if (round >= warmup) samples[v].push(performance.now() - start);
    }
  const cost = (v: Variant) => median(samples[v].map((t, k) => t - samples.none[k]));
  const result = {
    stage,
    x: [1, size, size, cIn],
    u: [1, size, size, c],
    positionsPerInputChannel: (size * size) / cIn,
    folded: foldPays(x),
    medianMs: Object.fromEntries(VARIANTS.map((v) => [v, median(samples[v])])) as Record<Variant, number>,
    seCostMs: { lean: cost("lean"), fold: cost("fold") },
    foldOverLean: median(samples.fold.map((t, k) => t / samples.lean[k])),
    samplesMs: samples,
  };
  console.log(
    `${stage} x ${result.x.join("×")}: none ${result.medianMs.none.toFixed(2)} ms; SE adds ` +
      `${result.seCostMs.lean.toFixed(2)} ms on U, ${result.seCostMs.fold.toFixed(2)} ms folded ` +
      `(fold/lean ${result.foldOverLean.toFixed(3)}; foldPays: ${result.folded})`,
  );
  tf.dispose([x, shortcut, conv.filter, conv.bias, ...Object.values(weights)]);
  return result;
});

const record = {
  what:
    "End of one SE-ResNet-50 bottleneck (conv3, SE with r = 16, + shortcut, ReLU), 1 image at 224², tfjs-wasm " +
    "in Node: no SE, SE on U (lean), SE folded through conv3 (fold). SE cost = median of paired differences to none.",
  command: `npm run bench:fold -- --runs ${runs} --warmup ${warmup}`,
  date: new Date().toISOString(),
  commit: commitOf(["src/lib", "bench/fold.ts"]),
  runtime: { node: process.version, tfjs: tf.version_core, backend: tf.getBackend() },
  host: { ...host(), loadAverage1mBefore: loadBefore },
  warmup,
  runs,
  stages,
};
mkdirSync("bench/results", { recursive: true });
writeFileSync("bench/results/fold.json", JSON.stringify(record, null, 1) + "\n");
console.log("wrote bench/results/fold.json");
