// The mean excitation of every channel of every SE block over a set of images (for the "replace s by its mean"
// intervention): the images run in batches so a caller can report progress.
import { batchExcitations } from "./excitationProfiles.js";
import { imageBatch } from "./imageBatch.js";
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
  const sums: Record<string, Float64Array> = {};
  for (let start = 0; start < inputs.length; start += batchSize) {
    const x = imageBatch(inputs.slice(start, start + batchSize), model.config, start);
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
