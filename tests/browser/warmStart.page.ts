// Browser side of warmStart.test.ts: loads a model through the Cache Storage fetch (as installedModels.ts does),
// with the GPU warm-up running while the shards download.
import * as tf from "@tensorflow/tfjs-core";
import "@tensorflow/tfjs-backend-webgpu";
import { cachedFetch, pruneWeightCache } from "../../src/components/weightCache.js";
import { loadModelFromUrl, parseDescriptor } from "../../src/lib/import/manifest.js";
import { toNamedTensorMap } from "../../src/lib/import/tensors.js";
import { load } from "../../src/lib/models/resnet.js";
import { compileAhead } from "../../src/lib/warmStart.js";

async function loadAndPredict(url: string) {
  if (!(await tf.setBackend("webgpu"))) throw new Error("no webgpu");
  const before = tf.memory().numTensors;
  const warm = cachedFetch(url)
    .then((r) => r.json())
    .then((json) => compileAhead(parseDescriptor(json).config));
  const { descriptor, weights } = await loadModelFromUrl(url, cachedFetch);
  const warmed = await warm;
  const tensors = toNamedTensorMap(weights);
  const model = load({ config: descriptor.config, weights: tensors });
  tf.dispose(Object.values(tensors));
  const { inputSize, inputChannels } = descriptor.config;
  const x = tf.ones([1, inputSize, inputSize, inputChannels]) as tf.Tensor4D;
  const start = performance.now();
  const p = model.predict(x);
  const logits = Array.from(await p.logits.data());
  const firstMs = performance.now() - start;
  tf.dispose([p, x]);
  model.dispose();
  return { logits, warmed, firstMs, leaked: tf.memory().numTensors - before };
}

async function cachedUrls(): Promise<string[]> {
  return (await (await caches.open("se-explorer-weights-v1")).keys()).map((r) => new URL(r.url).pathname);
}

const api = { loadAndPredict, cachedUrls, prune: (keep: string[]) => pruneWeightCache(keep) };
export type WarmStartPage = typeof api;
(window as unknown as { warmStart: WarmStartPage }).warmStart = api;
