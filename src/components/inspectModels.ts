// Models for the Inspect chapter: what is installed (read from each model.json, which is small), and their mean
// excitations over the shipped test images.
import type { ModelDescriptor } from "../lib/import/manifest.js";
import type { MeanExcitations } from "../lib/interventions.js";
import { meanExcitations } from "../lib/meanExcitations.js";
import type { InstalledModel } from "./installedModels.js";
import { MODEL_FILES } from "./modelFiles.generated.js";

/** Descriptors of every installed model, fetched once; after a failure the next call fetches them again. */
let descriptors: Promise<ModelDescriptor[]> | undefined;
export function installedDescriptors(): Promise<{ name: string; descriptor: ModelDescriptor }[]> {
  const names = Object.keys(MODEL_FILES);
  if (!descriptors) {
    descriptors = Promise.all(
      names.map(async (name) => {
        const response = await fetch(MODEL_FILES[name]["model.json"]);
        if (!response.ok) throw new Error(`model.json of "${name}": HTTP ${response.status}`);
        return (await response.json()) as ModelDescriptor;
      }),
    );
    descriptors.catch(() => (descriptors = undefined));
  }
  return descriptors.then((list) => list.map((descriptor, i) => ({ name: names[i], descriptor })));
}

/** What this chapter needs of an installed model. */
export type InspectModel = Pick<InstalledModel, "name" | "descriptor" | "model">;

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
