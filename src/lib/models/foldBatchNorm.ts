// Inference-time BatchNorm folded into the preceding bias-free conv, once at load:
//   BN(conv(x, W)) = γ (conv(x, W) − μ) / √(σ² + ε) + β = conv(x, W · a) + (β − μ a),  a = γ / √(σ² + ε),
// with `a` scaling each output channel (the last axis of a tfjs filter [kh, kw, in/groups, out]).
import * as tf from "@tensorflow/tfjs-core";

export interface BatchNormParams {
  weight: tf.Tensor1D;
  bias: tf.Tensor1D;
  runningMean: tf.Tensor1D;
  runningVar: tf.Tensor1D;
}

export interface FoldedConv {
  filter: tf.Tensor4D;
  bias: tf.Tensor1D;
}

export function foldBatchNorm(filter: tf.Tensor4D, bn: BatchNormParams, eps: number): FoldedConv {
  return tf.tidy(() => {
    const a = tf.div(bn.weight, tf.sqrt(tf.add(bn.runningVar, eps))); // [out]
    return {
      filter: tf.mul(filter, a) as tf.Tensor4D, // [kh, kw, in/g, out] · [out]
      bias: tf.sub(bn.bias, tf.mul(bn.runningMean, a)) as tf.Tensor1D,
    };
  });
}
