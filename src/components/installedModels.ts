// Loading the models installed under data/models/ in the browser: their files are Framework file attachments
// (content-hashed URLs, listed by scripts/models.ts), fetched once and built with the same code as in Node.
import * as tf from "@tensorflow/tfjs-core";
import type { CanonicalTensor } from "../lib/import/layout.js";
import { loadModelFromUrl, type ModelDescriptor } from "../lib/import/manifest.js";
import { toNamedTensorMap } from "../lib/import/tensors.js";
import { load, type ResNetModel } from "../lib/models/resnet.js";
import { MODEL_FILES } from "./modelFiles.generated.js";

export interface InstalledModel {
  name: string;
  descriptor: ModelDescriptor;
  model: ResNetModel;
  /** The SE modules' weights as loaded (host copies; small), for showing a block's excitation step by step. */
  seWeights: Map<string, CanonicalTensor>;
}

export function installedModelNames(): string[] {
  return Object.keys(MODEL_FILES);
}

const cache = new Map<string, Promise<InstalledModel>>();

/** The installed model `name` on the active backend (loaded once per page). */
export function loadInstalledModel(name: string): Promise<InstalledModel> {
  let promise = cache.get(name);
  if (!promise) {
    promise = (async () => {
      const files = MODEL_FILES[name];
      if (!files)
        throw new Error(
          `no model "${name}" is installed (installed: ${installedModelNames().join(", ") || "none"})`,
        );
      // loadModelFromUrl asks for shards next to model.json; map each to its attachment URL.
      const byName = (url: string) => files[url.slice(url.lastIndexOf("/") + 1)] ?? url;
      const { descriptor, weights } = await loadModelFromUrl(files["model.json"], (input) =>
        fetch(byName(String(input))),
      );
      const tensors = toNamedTensorMap(weights);
      try {
        const seWeights = new Map([...weights].filter(([key]) => /\.se\.fc[12]\./.test(key)));
        return { name, descriptor, model: load({ config: descriptor.config, weights: tensors }), seWeights };
      } finally {
        tf.dispose(Object.values(tensors));
      }
    })();
    promise.catch(() => cache.delete(name));
    cache.set(name, promise);
  }
  return promise;
}
