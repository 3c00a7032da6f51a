// The Squeeze-and-Excitation module (Section 3) on NHWC tensors, without transposes:
//   squeeze  z_c = 1/(H·W) Σ_ij u_c(i, j)           mean over axes [1, 2]
//   excite   s = σ(W2 · relu(W1 · z + b1) + b2)      W1: C -> C/r, W2: C/r -> C (both with bias, as public models)
//   scale    x̃_c = s_c · u_c
import * as tf from "@tensorflow/tfjs-core";
import type { SeWeights } from "../kernels/weights.js";

export function squeeze(u: tf.Tensor4D): tf.Tensor2D {
  return tf.mean(u, [1, 2]) as tf.Tensor2D; // [N, H, W, C] -> [N, C]
}

export function excite(z: tf.Tensor2D, w: SeWeights): tf.Tensor2D {
  return tf.tidy(() => {
    const h = tf.fused.matMul({ a: z, b: w.fc1Weight, bias: w.fc1Bias, activation: "relu" }); // [N, C] -> [N, C/r]
    return tf.sigmoid(tf.fused.matMul({ a: h, b: w.fc2Weight, bias: w.fc2Bias })) as tf.Tensor2D; // [N, C/r] -> [N, C]
  });
}

export function scale(u: tf.Tensor4D, s: tf.Tensor2D): tf.Tensor4D {
  const [n, , , c] = u.shape;
  return tf.tidy(() => tf.mul(u, tf.reshape(s, [n, 1, 1, c]))); // [N, H, W, C] · [N, 1, 1, C]
}
