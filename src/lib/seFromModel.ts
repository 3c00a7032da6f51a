// One SE block of a trained model as step-by-step input: the block's own excitation weights (from the canonical
// weight map) and a real feature map U from a forward pass, in the shape the synthetic input uses.
import * as tf from "@tensorflow/tfjs-core";
import { queued } from "./backendQueue.js";
import type { CanonicalTensor } from "./import/layout.js";
import { imageBatch } from "./imageBatch.js";
import type { ResNetModel } from "./models/resnet.js";
import type { SeData } from "./kernels/synthetic.js";

export function seDataFromWeights(
  weights: ReadonlyMap<string, CanonicalTensor>,
  prefix: string,
  u: Float32Array,
  shape: [number, number, number, number],
): SeData {
  const get = (name: string) => {
    const t = weights.get(`${prefix}.${name}`);
    if (!t) throw new Error(`the model has no weight "${prefix}.${name}"`);
    return t;
  };
  const fc1 = get("fc1.weight"); // [C, C/r]
  if (fc1.shape[0] !== shape[3])
    throw new Error(`${prefix}: fc1 is [${fc1.shape}] but U has ${shape[3]} channels`);
  return {
    shape,
    hidden: fc1.shape[1],
    u,
    fc1Weight: fc1.data,
    fc1Bias: get("fc1.bias").data,
    fc2Weight: get("fc2.weight").data,
    fc2Bias: get("fc2.bias").data,
  };
}

/**
 * The feature map U [1, H, W, C] that enters SE block `block` when the model sees one normalised image. Queued with
 * the backend switches (see backendQueue), so its input tensor is made on the site's backend, not a temporary one.
 */
export function blockInput(
  model: ResNetModel,
  input: Float32Array,
  block: string,
): Promise<{ u: Float32Array; shape: [number, number, number, number] }> {
  return queued(async () => {
    const x = imageBatch([input], model.config);
    try {
      const prediction = model.predict(x, { featureMaps: block }); // throws for a block the model lacks
      try {
        const pre = prediction.taps[block].pre!;
        return {
          u: (await pre.data()) as Float32Array,
          shape: pre.shape as [number, number, number, number],
        };
      } finally {
        tf.dispose(prediction);
      }
    } finally {
      x.dispose();
    }
  });
}
