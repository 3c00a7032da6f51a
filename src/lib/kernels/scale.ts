// Scale on the GPU: X~[n, h, w, c] = s[n, c] · U[n, h, w, c] by scale.wgsl.
import type * as tf from "@tensorflow/tfjs-core";
import source from "./scale.wgsl.js";
import { expectShape, featureMapShape } from "./shapes.js";
import { outputTensor, pipeline, run, tensorBuffer, uniformBuffer, webgpuBackend } from "./gpu.js";

/** The WGSL of the scale kernel, for display. */
export const scaleSource: string = source;

/** Each channel of u [N, H, W, C] multiplied by its weight in s [N, C]. */
export function scale(u: tf.Tensor4D, s: tf.Tensor2D): tf.Tensor4D {
  const [n, h, w, c] = featureMapShape(u, "u");
  expectShape(s, [n, c], "s", "[N, C]");
  const backend = webgpuBackend();
  const total = n * h * w * c;
  const workgroups = Math.min(Math.ceil(total / 256), backend.device.limits.maxComputeWorkgroupsPerDimension);
  const params = uniformBuffer(backend, [total, c, h * w * c, workgroups * 256]);
  const x = outputTensor<tf.Rank.R4>(backend, [n, h, w, c]); // [N, H, W, C]
  run(
    backend,
    [
      {
        label: "scale",
        pipeline: pipeline(backend.device, source),
        bindings: [params, tensorBuffer(backend, u, "u"), tensorBuffer(backend, s, "s"), x.buffer],
        workgroups: [workgroups, 1, 1],
      },
    ],
    [params],
  );
  return x.tensor;
}
