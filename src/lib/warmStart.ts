// Compile a network's GPU programs before its weights arrive. A GPU backend compiles each shader the first time an op
// of that shape runs, inside the first prediction; shapes are all that matter, so a forward pass of a stand-in model
// with zero weights does that work while the real weights download. (tfjs's compile-only mode,
// WEBGPU_ENGINE_COMPILE_ONLY, would compile in parallel, but it leaves each pipeline pending until
// checkCompileCompletionAsync, and any op of the same shape that another cell runs meanwhile throws; pages here load
// several models at once, so the stand-in pass runs for real.) CPU backends have nothing to compile: XNNPACK builds
// its operators from the real weights on the first prediction, so there it returns at once.
import * as tf from "@tensorflow/tfjs-core";
import { describe } from "./models/architecture.js";
import type { ModelConfig } from "./models/config.js";
import { load, type ResNetModel } from "./models/resnet.js";
import { expectedWeights } from "./models/weightSpec.js";

const GPU_BACKENDS = new Set(["webgpu", "webgl"]);

/** Runs `config`'s forward pass once with zero weights on a GPU backend; resolves when the GPU has finished. */
export async function compileAhead(
  config: ModelConfig,
  { batch = 1, size = config.inputSize } = {},
): Promise<{ backend: string; ms: number; compiled: boolean }> {
  const backend = tf.getBackend();
  const start = performance.now();
  if (!GPU_BACKENDS.has(backend)) return { backend, ms: 0, compiled: false };
  const weights: tf.NamedTensorMap = {};
  let model: ResNetModel;
  try {
    for (const { name, shape } of expectedWeights(describe(config))) weights[name] = tf.zeros(shape);
    model = load({ config, weights });
  } finally {
    tf.dispose(weights); // load keeps its own copies, and a failed load must not leak these
  }
  try {
    const x = tf.zeros([batch, size, size, config.inputChannels]) as tf.Tensor4D;
    try {
      const p = model.predict(x);
      try {
        await p.logits.data();
      } finally {
        tf.dispose(p);
      }
    } finally {
      x.dispose();
    }
  } finally {
    model.dispose();
  }
  return { backend, ms: performance.now() - start, compiled: true };
}
