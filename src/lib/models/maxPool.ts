// PyTorch / Caffe max pooling semantics on any tfjs backend: symmetric padding `pad` and optional ceil mode
// (Caffe's default, used by the pretrainedmodels SE-ResNets). tfjs's own padding rules differ ('same' pads the
// bottom/right first) and backends disagree on ceil-mode windows, so the padding is made explicit and the pool
// runs 'valid'. Padding uses the lowest finite float32 rather than −∞, which some GPU uniform paths mangle; every
// window keeps at least one real element (PyTorch's rule in `outputLength`), so the padding never wins.
import * as tf from "@tensorflow/tfjs-core";
import { outputLength } from "./architecture.js";

const LOWEST_FLOAT32 = -3.4028234663852886e38;

export interface MaxPoolSpec {
  kernel: number;
  stride: number;
  pad: number;
  ceilMode: boolean;
}

export function maxPool2d(x: tf.Tensor4D, p: MaxPoolSpec): tf.Tensor4D {
  const [, h, w] = x.shape;
  const oh = outputLength(h, p.kernel, p.stride, p.pad, p.ceilMode);
  const ow = outputLength(w, p.kernel, p.stride, p.pad, p.ceilMode);
  // Bottom/right padding so that exactly `out` windows fit: (out − 1) · stride + kernel = pad + n + extra.
  const bottom = Math.max(0, (oh - 1) * p.stride + p.kernel - h - p.pad);
  const right = Math.max(0, (ow - 1) * p.stride + p.kernel - w - p.pad);
  return tf.tidy(() => {
    const padded =
      p.pad === 0 && bottom === 0 && right === 0
        ? x
        : tf.pad(
            x,
            [
              [0, 0],
              [p.pad, bottom],
              [p.pad, right],
              [0, 0],
            ],
            LOWEST_FLOAT32,
          );
    return tf.maxPool(padded, p.kernel, p.stride, "valid"); // [N, oh, ow, C]
  });
}
