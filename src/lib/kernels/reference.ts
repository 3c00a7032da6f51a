// The reference twin of the SE kernels: the same block in plain tfjs ops (any backend), step by step as the paper
// writes it. Tests hold the WGSL kernels to it; the benchmark times it as the "tfjs op chain".
import * as tf from "@tensorflow/tfjs-core";
import { expectShape, featureMapShape } from "./shapes.js";
import { seShape, type SeWeights } from "./weights.js";
import type { SeBlockOptions } from "./se-block.js";

/** Squeeze: z = mean over H and W. */
export function referenceSqueeze(u: tf.Tensor4D): tf.Tensor2D {
  featureMapShape(u, "u");
  return tf.tidy(() => tf.mean<tf.Tensor2D>(u, [1, 2])); // [N, H, W, C] -> [N, C]
}

/** Excitation: s = sigmoid(relu(z · fc1Weight + fc1Bias) · fc2Weight + fc2Bias). */
export function referenceExcitation(z: tf.Tensor2D, weights: SeWeights): tf.Tensor2D {
  if (z.rank !== 2) throw new Error(`SE: z must be [N, C], got [${z.shape.join(", ")}]`);
  seShape(z.shape[1], weights);
  return tf.tidy(() => {
    const hidden = tf.relu(tf.add(tf.matMul(z, weights.fc1Weight), weights.fc1Bias)); // [N, C] -> [N, C/r]
    return tf.sigmoid(tf.add<tf.Tensor2D>(tf.matMul(hidden, weights.fc2Weight), weights.fc2Bias)); // [N, C/r] -> [N, C]
  });
}

/** Scale: X~ = s ⊙ U, broadcasting s over H and W. */
export function referenceScale(u: tf.Tensor4D, s: tf.Tensor2D): tf.Tensor4D {
  const [n, , , c] = featureMapShape(u, "u");
  expectShape(s, [n, c], "s", "[N, C]");
  return tf.tidy(() => tf.mul(u, tf.reshape(s, [n, 1, 1, c]))); // [N, H, W, C] ⊙ [N, 1, 1, C]
}

/** The whole block: scale(u, excitation(squeeze(u))), then + residual and ReLU if asked. */
export function referenceSeBlock(
  u: tf.Tensor4D,
  weights: SeWeights,
  options: SeBlockOptions = {},
): tf.Tensor4D {
  const { residual, relu = false } = options;
  if (residual !== undefined) expectShape(residual, u.shape, "residual", "the shape of u [N, H, W, C]");
  return tf.tidy(() => {
    let x = referenceScale(u, referenceExcitation(referenceSqueeze(u), weights));
    if (residual !== undefined) x = tf.add(x, residual);
    return relu ? tf.relu(x) : x;
  });
}
