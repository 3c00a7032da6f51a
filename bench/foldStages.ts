// The end of one SE-ResNet-50 bottleneck at each stage's shape (1 image at 224², r = 16), timed three ways on the
// active tfjs backend, for `npm run bench:fold` in Node and in Chromium:
//   none  conv3 + shortcut + ReLU (ResNet-50's block end: the baseline)
//   lean  conv3, then SE on U (squeeze U, excite, scale U)
//   fold  SE folded through conv3 (squeeze x, excite, scale conv3's weights; src/lib/models/sePath.ts)
// The three run once per round, in a new seeded random order every round; SE's cost is the median of the paired
// differences to "none". Each timing ends with a read-back of one value of the output, so GPU work is included.
import * as tf from "@tensorflow/tfjs-core";
import { shuffledIndices } from "../src/lib/benchmark.ts";
import { median } from "../src/lib/stats.ts";
import { foldPays, seFilters, seResidual, seResidualFolded } from "../src/lib/models/sePath.ts";
import { mulberry32 } from "../src/lib/random.ts";

// conv3's input x [1, H, W, C_in]; U is [1, H, W, 4·C_in].
const STAGES = [
  { stage: "SE_2", size: 56, cIn: 64 },
  { stage: "SE_3", size: 28, cIn: 128 },
  { stage: "SE_4", size: 14, cIn: 256 },
  { stage: "SE_5", size: 7, cIn: 512 },
];
const VARIANTS = ["none", "lean", "fold"] as const;
type Variant = (typeof VARIANTS)[number];

export interface StageTiming {
  stage: string;
  x: number[];
  u: number[];
  positionsPerInputChannel: number;
  /** What the network does at this shape (`foldPays`). */
  folded: boolean;
  medianMs: Record<Variant, number>;
  /** Median over rounds of (variant − none). */
  seCostMs: { lean: number; fold: number };
  /** Median over rounds of fold / lean. */
  foldOverLean: number;
  samplesMs: Record<Variant, number[]>;
}

export async function timeFoldStages({
  runs,
  warmup,
}: {
  runs: number;
  warmup: number;
}): Promise<StageTiming[]> {
  const results: StageTiming[] = [];
  for (const [i, { stage, size, cIn }] of STAGES.entries()) {
    const c = 4 * cIn;
    const seed = 10 * i;
    const [x, shortcut, filter, bias, fc1Weight, fc2Weight] = tf.tidy(() => [
      tf.randomUniform([1, size, size, cIn], 0, 1, "float32", seed) as tf.Tensor4D,
      tf.randomNormal([1, size, size, c], 0, 1, "float32", seed + 1) as tf.Tensor4D,
      tf.randomNormal([1, 1, cIn, c], 0, 1 / Math.sqrt(cIn), "float32", seed + 2) as tf.Tensor4D,
      tf.randomNormal([c], 0, 0.1, "float32", seed + 3) as tf.Tensor1D,
      tf.randomNormal([c, c / 16], 0, 1 / Math.sqrt(c), "float32", seed + 4) as tf.Tensor2D,
      tf.randomNormal([c / 16, c], 0, 1 / Math.sqrt(c / 16), "float32", seed + 5) as tf.Tensor2D,
    ]);
    const conv = { filter: filter as tf.Tensor4D, bias: bias as tf.Tensor1D };
    const se = {
      fc1Weight: fc1Weight as tf.Tensor2D,
      fc1Bias: tf.zeros([c / 16]) as tf.Tensor1D,
      fc2Weight: fc2Weight as tf.Tensor2D,
      fc2Bias: tf.zeros([c]) as tf.Tensor1D,
    };
    const weights = { ...se, ...seFilters(se) }; // as the model keeps them
    const x4 = x as tf.Tensor4D;
    const s4 = shortcut as tf.Tensor4D;
    const folded = foldPays(x4);
    const conv3 = () => tf.fused.conv2d({ x: x4, ...conv, strides: 1, pad: "valid" });
    const run: Record<Variant, () => tf.Tensor> = {
      none: () => tf.relu(tf.add(conv3(), s4)),
      lean: () => seResidual("lean", conv3(), s4, weights).out,
      fold: () => seResidualFolded(x4, conv, s4, weights).out,
    };
    const samples: Record<Variant, number[]> = { none: [], lean: [], fold: [] };
    const random = mulberry32(seed + 6);
    try {
      for (let round = 0; round < warmup + runs; round++)
        for (const v of shuffledIndices(VARIANTS.length, random).map((k) => VARIANTS[k])) {
          const start = performance.now();
          const corner = tf.tidy(() => tf.slice(run[v](), [0, 0, 0, 0], [1, 1, 1, 1]));
          await corner.data();
          corner.dispose();
          if (round >= warmup) samples[v].push(performance.now() - start);
        }
    } finally {
      tf.dispose([x, shortcut, filter, bias, ...Object.values(weights)]);
    }
    const cost = (v: Variant) => median(samples[v].map((t, k) => t - samples.none[k]));
    results.push({
      stage,
      x: [1, size, size, cIn],
      u: [1, size, size, c],
      positionsPerInputChannel: (size * size) / cIn,
      folded,
      medianMs: { none: median(samples.none), lean: median(samples.lean), fold: median(samples.fold) },
      seCostMs: { lean: cost("lean"), fold: cost("fold") },
      foldOverLean: median(samples.fold.map((t, k) => t / samples.lean[k])),
      samplesMs: samples,
    });
  }
  return results;
}
