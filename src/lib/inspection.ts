// One image through a model, read back to plain arrays for display: class probabilities, every SE block's squeeze
// z, computed excitation s and the excitation actually used (they differ where an intervention replaced it), and,
// for one chosen block, the feature maps before and after its scale step. No tensor outlives the call.
import * as tf from "@tensorflow/tfjs-core";
import type { ResNetModel } from "./models/resnet.js";
import {
  interveneWith,
  intervenedExcitation,
  targetBlocks,
  type Intervention,
  type MeanExcitations,
} from "./interventions.js";

export interface BlockReadout {
  name: string;
  z: Float32Array;
  /** Excitation the block computed from its input. */
  s: Float32Array;
  /** Excitation that scaled the features (s itself unless an intervention replaced it). */
  used: Float32Array;
}

export interface FeatureMapReadout {
  block: string;
  /** [H, W, C] of `pre` and `post`. */
  shape: [number, number, number];
  /** U, the residual branch before scaling, and X̃ = s · U after it (with the used s). */
  pre: Float32Array;
  post: Float32Array;
}

export interface Readout {
  probabilities: Float32Array;
  blocks: BlockReadout[];
  maps?: FeatureMapReadout;
}

export interface ReadoutOptions {
  /** Block whose feature maps to return. */
  featureMaps?: string;
  intervention?: Intervention;
  /** Every SE block switched off (s ← 1); the computed s are still read out. Not with `intervention`. */
  seOff?: boolean;
  /** Needed by "mean" interventions. */
  means?: MeanExcitations;
}

/** Runs one normalised image [H × W × C, HWC order] through `model`. */
export async function readout(
  model: ResNetModel,
  input: Float32Array,
  options: ReadoutOptions = {},
): Promise<Readout> {
  const { inputSize: size, inputChannels: channels } = model.config;
  if (input.length !== size * size * channels)
    throw new Error(
      `input has ${input.length} values; ${model.config.name} takes ${size}×${size}×${channels}`,
    );
  const { featureMaps, intervention, seOff, means } = options;
  if (seOff && intervention) throw new Error("give an intervention or seOff, not both");
  if (seOff && !model.seBlocks.length) throw new Error(`${model.config.name} has no SE block to switch off`);
  const intervene = seOff
    ? (_: string, s: tf.Tensor2D) => tf.onesLike(s)
    : intervention
      ? interveneWith(intervention, model.seBlocks, means)
      : undefined;
  const hit = new Set(
    seOff ? model.seBlocks : intervention ? targetBlocks(intervention, model.seBlocks) : [],
  );
  const x = tf.tensor4d(input, [1, size, size, channels]);
  let prediction: ReturnType<ResNetModel["predict"]> | undefined;
  let probabilities: tf.Tensor | undefined;
  try {
    prediction = model.predict(x, { featureMaps, intervene });
    const logits = prediction.logits;
    probabilities = tf.tidy(() => tf.softmax(logits)); // [1, numClasses]
    const taps = Object.entries(prediction.taps);
    const [p, tapValues, maps] = await Promise.all([
      probabilities.data() as Promise<Float32Array>,
      Promise.all(
        taps.map(([, t]) => Promise.all([t.z.data(), t.s.data()]) as Promise<[Float32Array, Float32Array]>),
      ),
      featureMaps
        ? (Promise.all([
            prediction.taps[featureMaps].pre!.data(),
            prediction.taps[featureMaps].post!.data(),
          ]) as Promise<[Float32Array, Float32Array]>)
        : undefined,
    ]);
    const blocks = taps.map(([name], i) => {
      const [z, s] = tapValues[i];
      const used = !hit.has(name)
        ? s
        : seOff
          ? new Float32Array(s.length).fill(1)
          : intervenedExcitation(intervention!, name, s, means);
      return { name, z, s, used };
    });
    const result: Readout = { probabilities: p, blocks };
    if (featureMaps && maps) {
      const [, h, w, c] = prediction.taps[featureMaps].pre!.shape;
      result.maps = { block: featureMaps, shape: [h, w, c], pre: maps[0], post: maps[1] };
    }
    return result;
  } finally {
    x.dispose();
    probabilities?.dispose();
    if (prediction) tf.dispose(prediction as unknown as tf.TensorContainer);
  }
}

/** The k most probable classes, most probable first. */
export function topK(probabilities: ArrayLike<number>, k: number): { index: number; probability: number }[] {
  return Array.from(probabilities, (probability, index) => ({ index, probability }))
    .sort((a, b) => b.probability - a.probability || a.index - b.index)
    .slice(0, k);
}

/** Per block, how far the computed excitations moved between two readouts of the same image (mean and max |Δs|). */
export function excitationShift(
  before: Readout,
  after: Readout,
): { block: string; meanAbs: number; maxAbs: number }[] {
  return before.blocks.map((b, i) => {
    const a = after.blocks[i];
    if (a?.name !== b.name || a.s.length !== b.s.length)
      throw new Error(`readouts differ in their blocks (${b.name} vs ${a?.name})`);
    let sum = 0;
    let max = 0;
    for (let c = 0; c < b.s.length; c++) {
      const d = Math.abs(a.s[c] - b.s[c]);
      sum += d;
      max = Math.max(max, d);
    }
    return { block: b.name, meanAbs: sum / b.s.length, maxAbs: max };
  });
}
