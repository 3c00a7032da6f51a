// Scale on the GPU: X~[n, h, w, c] = s[n, c] · U[n, h, w, c] by scale.wgsl.
import type * as tf from "@tensorflow/tfjs-core";
import source from "./scale.wgsl.js";
import { expectShape, featureMapShape } from "./shapes.js";
import { tiling } from "./tiling.js";
import { outputTensor, pipeline, run, tensorBuffer, uniformBuffer, webgpuBackend } from "./gpu.js";

/** The WGSL of the scale kernel, for display. */
export const scaleSource: string = source;

/** Each channel of u [N, H, W, C] multiplied by its weight in s [N, C]. */
export function scale(u: tf.Tensor4D, s: tf.Tensor2D): tf.Tensor4D {
  const [n, h, w, c] = featureMapShape(u, "u");
  expectShape(s, [n, c], "s", "[N, C]");
  const backend = webgpuBackend();
  const { blocks, chunk, chunks } = tiling(h * w, c);
  const uBuffer = tensorBuffer(backend, u, "u"); // before the pooled buffers: these may throw
  const sBuffer = tensorBuffer(backend, s, "s");
  const params = uniformBuffer(backend, [h * w, c, chunk]);
  const x = outputTensor<tf.Rank.R4>(backend, [n, h, w, c]); // [N, H, W, C]
  run(
    backend,
    [
      {
        label: "scale",
        pipeline: pipeline(backend.device, source),
        bindings: [params, uBuffer, sBuffer, x.buffer],
        workgroups: [blocks, chunks, n],
      },
    ],
    [params],
    [x.tensor],
  );
  return x.tensor;
}
