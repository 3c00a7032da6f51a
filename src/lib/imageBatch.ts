// Normalised images (each [H, W, C] row-major, as preprocess returns them) packed into the one [N, H, W, C] tensor a
// forward pass takes. Each image's length is checked: a short one would otherwise be zero-padded and a long one
// spill into the next image's slot, both silently.
import * as tf from "@tensorflow/tfjs-core";
import type { ModelConfig } from "./models/config.js";

/**
 * `images` as a [N, inputSize, inputSize, inputChannels] tensor for the model `config` describes (the caller disposes
 * it). `first` is the index of `images[0]` in the caller's whole set, so an error names the image the caller knows.
 */
export function imageBatch(
  images: readonly Float32Array[],
  config: Pick<ModelConfig, "name" | "inputSize" | "inputChannels">,
  first = 0,
): tf.Tensor4D {
  const { name, inputSize: size, inputChannels: channels } = config;
  if (images.length === 0) throw new Error("a batch needs at least one image");
  const per = size * size * channels;
  const data = new Float32Array(images.length * per);
  images.forEach((x, i) => {
    if (x.length !== per)
      throw new Error(
        `image ${first + i} has ${x.length} values; ${name} takes ${size}×${size}×${channels} = ${per}`,
      );
    data.set(x, i * per);
  });
  return tf.tensor4d(data, [images.length, size, size, channels]);
}
