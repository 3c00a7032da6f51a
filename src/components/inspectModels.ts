// Models for the Inspect chapter: what is installed (read from each model.json, which is small), and a fallback
// when the WebGPU device is lost. A lost device takes every tensor on it along, so after switching backend the page
// reruns and loadInstalledModel builds the model again on the new backend.
import * as tf from "@tensorflow/tfjs-core";
import { BACKEND_ORDER, initBackend } from "../lib/backend.js";
import type { ModelDescriptor } from "../lib/import/manifest.js";
import type { MeanExcitations } from "../lib/interventions.js";
import { meanExcitations } from "../lib/meanExcitations.js";
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
