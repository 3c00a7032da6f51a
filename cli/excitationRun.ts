// Runs the Figure 8 protocol on a model directory in Node (wasm backend): shared by the data loader that
// builds the site's figure and by `npm run excitations`.
import * as tf from "@tensorflow/tfjs-core";
import { initBackend } from "../src/lib/backend.js";
import { toNamedTensorMap } from "../src/lib/import/tensors.js";
import { load } from "../src/lib/models/resnet.js";
import { profileModel, type ExcitationProfiles } from "../src/lib/excitationProfiles.js";
import { preprocess, type RawImage } from "../src/lib/preprocess.js";
import { readModelDir } from "./model-dir.js";

/** `images` are preprocessed as the model's descriptor says; `labels` index `classes`. */
export async function profileModelDir(
  dir: string,
  images: readonly RawImage[],
  labels: readonly number[],
  classes: readonly string[],
): Promise<ExcitationProfiles> {
  await initBackend(["wasm", "cpu"]);
  const { descriptor, weights } = await readModelDir(dir);
  const tensors = toNamedTensorMap(weights);
  const model = load({ config: descriptor.config, weights: tensors });
  tf.dispose(Object.values(tensors));
  try {
    const channels = descriptor.config.inputChannels;
    const inputs = images.map((image) => preprocess(image, descriptor.preprocessing, channels));
    return await profileModel(model, inputs, labels, classes);
  } finally {
    model.dispose();
  }
}
