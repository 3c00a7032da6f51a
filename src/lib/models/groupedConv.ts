// Grouped convolution for tfjs, which has none. A conv with G groups of g_in inputs and g_out outputs is
// computed as one depthwise conv with channel multiplier g_out followed by a sum over each group's g_in inputs:
//   depthwise output channel (c, m) = Σ_taps w[:, :, c, m] · x_c,   c = group · g_in + j
//   y[group · g_out + m] = Σ_j depthwise(group · g_in + j, m)
// The multiply-adds equal the grouped conv's (C_in · g_out · k² per pixel); the cost is a g_in-times wider
// intermediate (4× for ResNeXt 32×4d). Measured on the wasm backend in Node (3×3, 32 groups, batch 1), this was
// 1.3–5× faster than both alternatives: splitting into 32 slices + 32 small convs + concat pays 65 kernel launches
// of tiny, cache-unfriendly convs, and one dense conv with a block-diagonal filter does G× the arithmetic
// (32×: 93 ms vs 9 ms at 7×7×1024).
import * as tf from "@tensorflow/tfjs-core";

/** Rearranges a grouped filter [kh, kw, C_in/G, C_out] into depthwise layout [kh, kw, C_in, C_out/G]. */
export function toDepthwiseFilter(filter: tf.Tensor4D, groups: number): tf.Tensor4D {
  const [kh, kw, gIn, cOut] = filter.shape;
  if (cOut % groups !== 0)
    throw new Error(`grouped conv: ${cOut} output channels are not divisible by ${groups} groups`);
  const gOut = cOut / groups;
  return tf.tidy(() => {
    const split = tf.reshape(filter, [kh, kw, gIn, groups, gOut]);
    return tf.reshape(tf.transpose(split, [0, 1, 3, 2, 4]), [kh, kw, groups * gIn, gOut]); // [kh, kw, C_in, C_out/G]
  });
}

/** y = grouped conv of x (NHWC) with a filter prepared by `toDepthwiseFilter`, PyTorch-style symmetric padding. */
export function groupedConv2d(
  x: tf.Tensor4D,
  depthwiseFilter: tf.Tensor4D,
  groups: number,
  stride: number,
  pad: number,
): tf.Tensor4D {
  const cIn = x.shape[3];
  const gOut = depthwiseFilter.shape[3];
  if (depthwiseFilter.shape[2] !== cIn)
    throw new Error(`grouped conv: input has ${cIn} channels, filter expects ${depthwiseFilter.shape[2]}`);
  const gIn = cIn / groups;
  return tf.tidy(() => {
    const y = tf.depthwiseConv2d(x, depthwiseFilter, stride, pad); // [N, H', W', C_in · g_out]
    const [n, h, w] = y.shape;
    if (gIn === 1) return tf.reshape(y, [n, h, w, groups * gOut]);
    const perGroup = tf.reshape(y, [n * h * w * groups, gIn, gOut]); // rank 3 keeps every backend on its fast path
    return tf.reshape(tf.sum(perGroup, 1), [n, h, w, groups * gOut]); // [N, H', W', C_out]
  });
}
