// The whole SE block on the GPU in two passes (se-reduce.wgsl, se-apply.wgsl) and one submit:
// X~ = act(sigmoid(W2 · relu(W1 · mean_hw(U) + b1) + b2) ⊙ U (+ residual)).
import type * as tf from "@tensorflow/tfjs-core";
import reduceSource from "./se-reduce.wgsl.js";
import applySource from "./se-apply.wgsl.js";
import { expectShape, featureMapShape } from "./shapes.js";
import { seShape, type SeWeights } from "./weights.js";
import {
  outputTensor,
  pipeline,
  run,
  scratchBuffer,
  tensorBuffer,
  uniformBuffer,
  webgpuBackend,
} from "./gpu.js";

/** The WGSL of the two passes of the fused block, for display. */
export const seBlockSources: { reduce: string; apply: string } = { reduce: reduceSource, apply: applySource };

export interface SeBlockOptions {
  /** Added after the scale, as SE-ResNet adds the identity (or downsample) branch; same shape as u. */
  residual?: tf.Tensor4D;
  /** Apply ReLU last (SE-ResNet: relu(se(u) + residual)). */
  relu?: boolean;
}

/** Positions per chunk (P): each workgroup of either pass squeezes or scales P positions of 32 channels. */
const CHUNK = 256;

/** The SE block applied to u [N, H, W, C] -> [N, H, W, C], optionally ending with + residual and ReLU. */
export function seBlock(u: tf.Tensor4D, weights: SeWeights, options: SeBlockOptions = {}): tf.Tensor4D {
  const [n, h, w, c] = featureMapShape(u, "u");
  const { hidden } = seShape(c, weights);
  const { residual, relu = false } = options;
  if (residual !== undefined) expectShape(residual, [n, h, w, c], "residual", "the shape of u [N, H, W, C]");
  const backend = webgpuBackend();
  const device = backend.device;
  const hw = h * w;
  const chunks = Math.ceil(hw / CHUNK);
  const blocks = Math.ceil(c / 32);
  const params = uniformBuffer(backend, [hw, c, hidden, CHUNK, chunks, blocks]);
  const partials = scratchBuffer(backend, n * chunks * blocks * hidden); // [N, K, B, C/r]
  const x = outputTensor<tf.Rank.R4>(backend, [n, h, w, c]); // [N, H, W, C]
  const buffer = (t: tf.Tensor, name: string) => tensorBuffer(backend, t, name);
  const uBuffer = buffer(u, "u");
  run(
    backend,
    [
      {
        label: "se reduce (squeeze + fc1 terms)",
        pipeline: pipeline(device, reduceSource),
        bindings: [params, uBuffer, buffer(weights.fc1Weight, "fc1Weight"), partials],
        workgroups: [blocks, chunks, n],
      },
      {
        label: "se apply (excite + scale)",
        pipeline: pipeline(device, applySource, { RESIDUAL: residual ? 1 : 0, RELU: relu ? 1 : 0 }),
        bindings: [
          params,
          uBuffer,
          partials,
          buffer(weights.fc1Bias, "fc1Bias"),
          buffer(weights.fc2Weight, "fc2Weight"),
          buffer(weights.fc2Bias, "fc2Bias"),
          residual ? buffer(residual, "residual") : uBuffer,
          x.buffer,
        ],
        workgroups: [blocks, chunks, n],
      },
    ],
    [params, partials],
  );
  return x.tensor;
}
