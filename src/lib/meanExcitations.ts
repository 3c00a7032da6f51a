// The mean excitation of every channel of every SE block over a set of images (for the "replace s by its mean"
// intervention): the images run in batches so a caller can report progress.
import * as tf from "@tensorflow/tfjs-core";
import { batchExcitations } from "./excitationProfiles.js";
import type { MeanExcitations } from "./interventions.js";
import type { ResNetModel } from "./models/resnet.js";

/** `inputs`: normalised images [H × W × C] of the model's input size. `onProgress(done, total)` after each batch. */
export async function meanExcitations(
  model: ResNetModel,
  inputs: readonly Float32Array[],
  {
    batchSize = 50,
    onProgress,
  }: { batchSize?: number; onProgress?: (done: number, total: number) => void } = {},
): Promise<MeanExcitations> {
  if (inputs.length === 0) throw new Error("mean excitations need at least one image");
  const { inputSize: size, inputChannels: channels } = model.config;
  const per = size * size * channels;
  const sums: Record<string, Float64Array> = {};
  for (let start = 0; start < inputs.length; start += batchSize) {
    const batch = inputs.slice(start, start + batchSize);
    const data = new Float32Array(batch.length * per);
    batch.forEach((x, i) => {
      if (x.length !== per)
        throw new Error(`image ${start + i} has ${x.length} values; the model takes ${per}`);
      data.set(x, i * per);
    });
    const x = tf.tensor4d(data, [batch.length, size, size, channels]);
    try {
      for (const [block, vectors] of Object.entries(await batchExcitations(model, x))) {
        const sum = (sums[block] ??= new Float64Array(vectors[0].length));
        for (const v of vectors) for (let c = 0; c < v.length; c++) sum[c] += v[c];
      }
    } finally {
      x.dispose();
    }
    onProgress?.(Math.min(start + batchSize, inputs.length), inputs.length);
  }
  return Object.fromEntries(
    Object.entries(sums).map(([b, sum]) => [b, Float32Array.from(sum, (v) => v / inputs.length)]),
  );
}
