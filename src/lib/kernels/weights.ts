// The parameters of one SE block and the shape checks every kernel and the reference share.
import type * as tf from "@tensorflow/tfjs-core";
import { expectShape } from "./shapes.js";

/**
 * One SE block's excitation weights in the project's canonical tfjs layouts (see BRIEF: timm's `se.fc1.weight`
 * [C/r, C, 1, 1] becomes `fc1Weight` [C, C/r]), so that `z · fc1Weight` is the paper's `W1 z`.
 */
export interface SeWeights {
  /** [C, C/r] */
  fc1Weight: tf.Tensor2D;
  /** [C/r] */
  fc1Bias: tf.Tensor1D;
  /** [C/r, C] */
  fc2Weight: tf.Tensor2D;
  /** [C] */
  fc2Bias: tf.Tensor1D;
}

/** The bottleneck width C/r; throws unless r is a positive integer that divides C. */
export function hiddenUnits(channels: number, r: number): number {
  if (!Number.isInteger(channels) || channels < 1)
    throw new Error(`SE: C must be a positive integer, got ${channels}`);
  if (!Number.isInteger(r) || r < 1)
    throw new Error(`SE: reduction ratio r must be a positive integer, got ${r}`);
  if (channels % r !== 0) {
    throw new Error(
      `SE: reduction ratio r = ${r} does not divide C = ${channels}; C/r must be a whole number of units`,
    );
  }
  return channels / r;
}

/** Checks `weights` against C channels and returns the bottleneck width C/r and the ratio r. */
export function seShape(channels: number, weights: SeWeights): { hidden: number; r: number } {
  const { fc1Weight, fc1Bias, fc2Weight, fc2Bias } = weights;
  const shape = (t: tf.Tensor) => `[${t.shape.join(", ")}]`;
  if (fc1Weight.rank !== 2 || fc1Weight.shape[0] !== channels) {
    throw new Error(`SE: fc1Weight must be [C, C/r] = [${channels}, C/r], got ${shape(fc1Weight)}`);
  }
  const hidden = fc1Weight.shape[1];
  if (hidden < 1 || channels % hidden !== 0) {
    throw new Error(
      `SE: fc1Weight ${shape(fc1Weight)} has ${hidden} hidden units, which does not divide C = ${channels}, ` +
        `so r = C/${hidden} is not a whole number`,
    );
  }
  expectShape(fc1Bias, [hidden], "fc1Bias", "[C/r]");
  expectShape(fc2Weight, [hidden, channels], "fc2Weight", "[C/r, C]");
  expectShape(fc2Bias, [channels], "fc2Bias", "[C]");
  for (const [name, t] of Object.entries(weights) as [string, tf.Tensor][]) {
    if (t.dtype !== "float32") throw new Error(`SE: ${name} must be float32, got ${t.dtype}`);
  }
  return { hidden, r: channels / hidden };
}
