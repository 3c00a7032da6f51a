// Excitation on the GPU: s = sigmoid(relu(z · fc1Weight + fc1Bias) · fc2Weight + fc2Bias), [N, C] -> [N, C], as two
// dispatches of excitation.wgsl (fc1 with ReLU, fc2 with sigmoid) in one submit.
import type * as tf from "@tensorflow/tfjs-core";
import source from "./excitation.wgsl.js";
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

/** The WGSL of the excitation kernel (one fully connected layer + activation), for display. */
export const excitationSource: string = source;

/** The channel weights s [N, C] in (0, 1) for the squeezed descriptor z [N, C]. */
export function excitation(z: tf.Tensor2D, weights: SeWeights): tf.Tensor2D {
  if (z.rank !== 2 || z.shape.some((d) => d < 1))
    throw new Error(`SE: z must be [N, C], got [${z.shape.join(", ")}]`);
  const [n, c] = z.shape;
  const { hidden } = seShape(c, weights);
  const backend = webgpuBackend();
  const device = backend.device;
  // Inputs first (this may upload them or throw for a disposed tensor), then the pooled buffers.
  const [zBuffer, fc1Weight, fc1Bias, fc2Weight, fc2Bias] = (
    [
      [z, "z"],
      [weights.fc1Weight, "fc1Weight"],
      [weights.fc1Bias, "fc1Bias"],
      [weights.fc2Weight, "fc2Weight"],
      [weights.fc2Bias, "fc2Bias"],
    ] as const
  ).map(([t, name]) => tensorBuffer(backend, t, name));
  const fc1Params = uniformBuffer(backend, [c, hidden]);
  const fc2Params = uniformBuffer(backend, [hidden, c]);
  const h = scratchBuffer(backend, n * hidden); // [N, C/r]
  const s = outputTensor<tf.Rank.R2>(backend, [n, c]); // [N, C]
  run(
    backend,
    [
      {
        label: "excitation fc1 + relu",
        pipeline: pipeline(device, source, { SIGMOID: 0 }),
        bindings: [fc1Params, zBuffer, fc1Weight, fc1Bias, h],
        workgroups: [Math.ceil(hidden / 256), n, 1],
      },
      {
        label: "excitation fc2 + sigmoid",
        pipeline: pipeline(device, source, { SIGMOID: 1 }),
        bindings: [fc2Params, h, fc2Weight, fc2Bias, s.buffer],
        workgroups: [Math.ceil(c / 256), n, 1],
      },
    ],
    [fc1Params, fc2Params, h],
    [s.tensor],
  );
  return s.tensor;
}
