// Squeeze on the GPU: global average pooling U [N, H, W, C] -> z [N, C] by squeeze.wgsl.
import type * as tf from "@tensorflow/tfjs-core";
import source from "./squeeze.wgsl.js";
import { featureMapShape } from "./shapes.js";
import { outputTensor, pipeline, run, tensorBuffer, uniformBuffer, webgpuBackend } from "./gpu.js";

/** The WGSL of the squeeze kernel, for display. */
export const squeezeSource: string = source;

/** z[n, c] = mean over H, W of u[n, :, :, c]; runs on the tfjs WebGPU device and returns a tfjs tensor. */
export function squeeze(u: tf.Tensor4D): tf.Tensor2D {
  const [n, h, w, c] = featureMapShape(u, "u");
  const backend = webgpuBackend();
  const uBuffer = tensorBuffer(backend, u, "u"); // before the pooled buffers: it may throw
  const params = uniformBuffer(backend, [h * w, c]);
  const z = outputTensor<tf.Rank.R2>(backend, [n, c]); // [N, H, W, C] -> [N, C]
  run(
    backend,
    [
      {
        label: "squeeze",
        pipeline: pipeline(backend.device, source),
        bindings: [params, uBuffer, z.buffer],
        workgroups: [Math.ceil(c / 128), n, 1],
      },
    ],
    [params],
    [z.tensor],
  );
  return z.tensor;
}
