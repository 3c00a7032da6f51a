// One SE block computed twice, for the step-by-step chapter: by the plain-tfjs reference twin on the cpu backend,
// and by the WGSL kernels on WebGPU (squeeze, excitation, scale as separate passes, and the fused two-pass block)
// where they can run. Returns plain arrays so pages can chart them, and how far the two disagree, or why the
// kernels did not run.
import * as tf from "@tensorflow/tfjs-core";
import { onBackend } from "./backendQueue.js";
import { squeeze } from "./kernels/squeeze.js";
import { excitation } from "./kernels/excitation.js";
import { scale } from "./kernels/scale.js";
import { seBlock } from "./kernels/se-block.js";
import { difference, worst, type Difference } from "./kernels/parity.js";
import { referenceExcitation, referenceScale, referenceSqueeze } from "./kernels/reference.js";
import { seTensors, type SeData } from "./kernels/synthetic.js";

export interface SeValues {
  /** [N, C] */
  z: Float32Array;
  /** [N, C] */
  s: Float32Array;
  /** [N, H, W, C] */
  xt: Float32Array;
}

/** The WGSL kernels' values and their worst difference from the reference over z, s, X̃ and the fused X̃. */
export type KernelRun = { ran: true; values: SeValues; difference: Difference } | { ran: false; why: string };

export interface SeSteps {
  reference: SeValues;
  kernels: KernelRun;
}

async function values(t: { z: tf.Tensor; s: tf.Tensor; xt: tf.Tensor }): Promise<SeValues> {
  const [z, s, xt] = await Promise.all([t.z.data(), t.s.data(), t.xt.data()]);
  tf.dispose([t.z, t.s, t.xt]);
  return { z: z as Float32Array, s: s as Float32Array, xt: xt as Float32Array };
}

function referenceSteps(data: SeData): Promise<SeValues> {
  const { u, weights } = seTensors(data);
  const z = referenceSqueeze(u); // [N, H, W, C] -> [N, C]
  const s = referenceExcitation(z, weights); // [N, C] -> [N, C]
  const xt = referenceScale(u, s); // [N, H, W, C] ⊙ [N, 1, 1, C]
  tf.dispose([u, ...Object.values(weights)]);
  return values({ z, s, xt });
}

/** Why WebGPU cannot run here, in words for the reader; null when the browser offers an adapter. */
async function missingWebgpu(): Promise<string | null> {
  if (typeof navigator === "undefined" || !navigator.gpu) return "this browser has no WebGPU";
  if (!(await navigator.gpu.requestAdapter())) return "this browser has WebGPU but no adapter to run it on";
  return null;
}

async function kernelSteps(data: SeData, reference: SeValues): Promise<KernelRun> {
  const missing = await missingWebgpu();
  if (missing) return { ran: false, why: missing };
  try {
    return await onBackend("webgpu", async () => {
      const { u, weights } = seTensors(data);
      const made: tf.Tensor[] = []; // disposed also when a later kernel throws
      const keep = <T extends tf.Tensor>(t: T): T => (made.push(t), t);
      try {
        const z = keep(squeeze(u));
        const s = keep(excitation(z, weights));
        const xt = keep(scale(u, s));
        const fusedValues = (await keep(seBlock(u, weights)).data()) as Float32Array;
        const kernels = await values({ z, s, xt });
        const d = worst([
          difference(kernels.z, reference.z),
          difference(kernels.s, reference.s),
          difference(kernels.xt, reference.xt),
          difference(fusedValues, reference.xt),
        ]);
        return { ran: true, values: kernels, difference: d };
      } finally {
        tf.dispose([u, ...Object.values(weights), ...made]);
      }
    });
  } catch (error) {
    // An adapter that tfjs cannot start a device on, a lost device, a kernel's error: the reference still stands.
    return { ran: false, why: `WebGPU failed (${error instanceof Error ? error.message : error})` };
  }
}

/** Runs the block with the reference on the cpu backend, then with the WGSL kernels where WebGPU works. */
export async function seSteps(data: SeData): Promise<SeSteps> {
  const reference = await onBackend("cpu", () => referenceSteps(data));
  return { reference, kernels: await kernelSteps(data, reference) };
}

/** Parameters of one SE block with C channels and ratio r: 2C²/r weights plus C/r + C biases. */
export function seBlockParams(c: number, r: number): { weights: number; biases: number } {
  return { weights: (2 * c * c) / r, biases: c / r + c };
}
