// Loading the models installed under data/models/ in the browser: their files are Framework file attachments
// (content-hashed URLs, listed by scripts/models.ts), fetched once and built with the same code as in Node.
import * as tf from "@tensorflow/tfjs-core";
import type { CanonicalTensor } from "../lib/import/layout.js";
import { loadModelFromUrl, parseDescriptor, type ModelDescriptor } from "../lib/import/manifest.js";
import { toNamedTensorMap } from "../lib/import/tensors.js";
import { load, type ResNetModel } from "../lib/models/resnet.js";
import { compileAhead } from "../lib/warmStart.js";
import { MODEL_FILES } from "./modelFiles.generated.js";
import { backend } from "./site.js";
import { cachedFetch, pruneWeightCache } from "./weightCache.js";

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

/**
 * The installed model `name` built on the active backend, once per backend and page: a backend switch (e.g. after a
 * lost WebGPU device, whose tensors are gone with it) builds it again from the cached files. It waits for the site's
 * backend first: while the automatic choice measures WebGPU against wasm the active backend changes under it, and
 * a model built then has tensors on a backend that is gone (a second visit, with the weights cached, got there).
 */
export async function loadInstalledModel(name: string): Promise<InstalledModel> {
  await backend;
  const key = `${tf.getBackend()}/${name}`;
  let promise = cache.get(key);
  if (!promise) {
    promise = (async () => {
      const files = MODEL_FILES[name];
      if (!files)
        throw new Error(
          `no model "${name}" is installed (installed: ${installedModelNames().join(", ") || "none"})`,
        );
      // loadModelFromUrl asks for shards next to model.json; map each to its attachment URL. Files come from
      // Cache Storage after the first visit, and the GPU compiles the network while the shards download.
      const byName = (url: string) => files[url.slice(url.lastIndexOf("/") + 1)] ?? url;
      // A failed warm-up only costs the compile time it would have saved; caught here, not after the load, so that
      // a load that fails first (a missing model.json) leaves no unhandled rejection behind.
      const warm = cachedFetch(files["model.json"])
        .then((r) => r.json())
        .then((json) => compileAhead(parseDescriptor(json).config))
        .catch(() => undefined);
      const { descriptor, weights } = await loadModelFromUrl(files["model.json"], (input) =>
        cachedFetch(byName(String(input))),
      );
      await warm;
      void pruneWeightCache(Object.values(MODEL_FILES).flatMap((f) => Object.values(f)));
      const tensors = toNamedTensorMap(weights);
      try {
        const seWeights = new Map([...weights].filter(([key]) => /\.se\.fc[12]\./.test(key)));
        return { name, descriptor, model: load({ config: descriptor.config, weights: tensors }), seWeights };
      } finally {
        tf.dispose(Object.values(tensors));
      }
    })();
    promise.catch(() => cache.delete(key));
    cache.set(key, promise);
  }
  return promise;
}
