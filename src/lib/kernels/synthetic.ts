// Seeded synthetic SE inputs, for tests, benchmarks and pages before a trained model is loaded. Plain JS (no tf.random*:
// bundling once broke tfjs's seedrandom interop), so the same seed gives the same numbers on every backend.
import * as tf from "@tensorflow/tfjs-core";
import { mulberry32, normalArray } from "../random.js";
import { hiddenUnits, type SeWeights } from "./weights.js";

/** Values of one SE block's input and weights (tfjs layouts). */
export interface SeData {
  /** [N, H, W, C] */
  shape: [number, number, number, number];
  /** C/r */
  hidden: number;
  /** [N, H, W, C]: channel c is N(m_c, 1) with m_c ~ N(0, 1), so channels differ in their squeezed value. */
  u: Float32Array;
  /** [C, C/r], std 1/√C */
  fc1Weight: Float32Array;
  /** [C/r], std 0.1 */
  fc1Bias: Float32Array;
  /** [C/r, C], std 1/√(C/r) */
  fc2Weight: Float32Array;
  /** [C], std 0.1 */
  fc2Bias: Float32Array;
}

/** A seeded SE input of `shape` [N, H, W, C] and weights for reduction ratio r (which must divide C). */
export function syntheticSeData(shape: [number, number, number, number], r: number, seed: number): SeData {
  const [n, h, w, c] = shape;
  const hidden = hiddenUnits(c, r);
  const random = mulberry32(seed);
  const means = normalArray(c, random);
  const u = normalArray(n * h * w * c, random);
  for (let i = 0; i < u.length; i++) u[i] += means[i % c];
  return {
    shape,
    hidden,
    u,
    fc1Weight: normalArray(c * hidden, random, 1 / Math.sqrt(c)),
    fc1Bias: normalArray(hidden, random, 0.1),
    fc2Weight: normalArray(hidden * c, random, 1 / Math.sqrt(hidden)),
    fc2Bias: normalArray(c, random, 0.1),
  };
}

/** `data` as tensors on the active backend. */
export function seTensors(data: SeData): { u: tf.Tensor4D; weights: SeWeights } {
  const c = data.shape[3];
  return {
    u: tf.tensor4d(data.u, data.shape),
    weights: {
      fc1Weight: tf.tensor2d(data.fc1Weight, [c, data.hidden]),
      fc1Bias: tf.tensor1d(data.fc1Bias),
      fc2Weight: tf.tensor2d(data.fc2Weight, [data.hidden, c]),
      fc2Bias: tf.tensor1d(data.fc2Bias),
    },
  };
}
