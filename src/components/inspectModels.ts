// Models for the Inspect chapter: what is installed (read from each model.json, which is small), each model built
// on the backend tfjs runs on now, and a fallback when the WebGPU device is lost. A lost device takes every tensor
// on it along, so after switching backend the model is built again from its files (cached per backend, not just
// per name as in installedModels.ts), and the page reruns.
import * as tf from "@tensorflow/tfjs-core";
import { BACKEND_ORDER, initBackend } from "../lib/backend.js";
import { loadModelFromUrl, type ModelDescriptor } from "../lib/import/manifest.js";
import { toNamedTensorMap } from "../lib/import/tensors.js";
import type { MeanExcitations } from "../lib/interventions.js";
import { meanExcitations } from "../lib/meanExcitations.js";
import { load } from "../lib/models/resnet.js";
import type { InstalledModel } from "./installedModels.js";
import { MODEL_FILES } from "./modelFiles.generated.js";

/** Descriptors of every installed model, fetched once. */
let descriptors: Promise<ModelDescriptor[]> | undefined;
export function installedDescriptors(): Promise<{ name: string; descriptor: ModelDescriptor }[]> {
  const names = Object.keys(MODEL_FILES);
  descriptors ??= Promise.all(
    names.map(async (name) => {
      const response = await fetch(MODEL_FILES[name]["model.json"]);
      if (!response.ok) throw new Error(`model.json of "${name}": HTTP ${response.status}`);
      return (await response.json()) as ModelDescriptor;
    }),
  );
  return descriptors.then((list) => list.map((descriptor, i) => ({ name: names[i], descriptor })));
}

/** What this chapter needs of an installed model. */
export type InspectModel = Pick<InstalledModel, "name" | "descriptor" | "model">;

const models = new Map<string, Promise<InspectModel>>();

/** The installed model `name`, built on the current backend. */
export function modelOnBackend(name: string): Promise<InspectModel> {
  const key = `${tf.getBackend()}/${name}`;
  let promise = models.get(key);
  if (!promise) {
    promise = (async (): Promise<InspectModel> => {
      const files = MODEL_FILES[name];
      if (!files)
        throw new Error(
          `no model "${name}" is installed (installed: ${Object.keys(MODEL_FILES).join(", ") || "none"})`,
        );
      const byName = (url: string) => files[url.slice(url.lastIndexOf("/") + 1)] ?? url;
      const { descriptor, weights } = await loadModelFromUrl(files["model.json"], (input) =>
        fetch(byName(String(input))),
      );
      const tensors = toNamedTensorMap(weights);
      try {
        return { name, descriptor, model: load({ config: descriptor.config, weights: tensors }) };
      } finally {
        tf.dispose(Object.values(tensors));
      }
    })();
    promise.catch(() => models.delete(key));
    models.set(key, promise);
  }
  return promise;
}

let watched: GPUDevice | undefined;

/**
 * When the WebGPU device tfjs uses is lost (driver reset, GPU process crash, or destroy()), switches to the next
 * backend that works and calls `onFallback` with a sentence for the reader. Watches the current device once.
 */
export function onDeviceLost(onFallback: (message: string) => void): void {
  if (tf.getBackend() !== "webgpu") return;
  const device = (tf.backend() as unknown as { device: GPUDevice }).device;
  if (watched === device) return;
  watched = device;
  void device.lost.then(async (info) => {
    const why = info.message || info.reason || "no reason given";
    try {
      const state = await initBackend(BACKEND_ORDER.filter((b) => b !== "webgpu"));
      onFallback(
        `The WebGPU device was lost (${why}). Switched to ${state.name}; everything below was computed again.`,
      );
    } catch (error) {
      onFallback(
        `The WebGPU device was lost (${why}) and no other backend could start: ${(error as Error).message}`,
      );
    }
  });
}

const means = new Map<string, Promise<MeanExcitations>>();

/** Mean excitations of `installed` over `inputs` (the shipped test images), computed once per model. */
export function meanExcitationsOf(
  installed: InspectModel,
  inputs: () => Float32Array[],
  onProgress: (done: number, total: number) => void,
): Promise<MeanExcitations> {
  let promise = means.get(installed.name);
  if (!promise) {
    promise = meanExcitations(installed.model, inputs(), { onProgress });
    promise.catch(() => means.delete(installed.name));
    means.set(installed.name, promise);
  }
  return promise;
}
