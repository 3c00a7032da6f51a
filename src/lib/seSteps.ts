// One SE block computed twice, for the step-by-step chapter: by the WGSL kernels on WebGPU (squeeze, excitation,
// scale as separate passes, and the fused two-pass block) and by the plain-tfjs reference twin on the cpu
// backend. Returns plain arrays so pages can chart them, and how far the two disagree.
import * as tf from "@tensorflow/tfjs-core";
import { onBackend } from "./backendQueue.js";
import { squeeze } from "./kernels/squeeze.js";
import { excitation } from "./kernels/excitation.js";
import { scale } from "./kernels/scale.js";
import { seBlock } from "./kernels/se-block.js";
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

export interface SeSteps {
  /** Backend that produced `gpu` ("webgpu" when the kernels ran; otherwise the reference ran there too). */
  gpuBackend: string;
  gpu: SeValues;
  /** The fused two-pass kernel's output [N, H, W, C] (null without WebGPU). */
  fused: Float32Array | null;
  reference: SeValues;
  /** Largest |kernel − reference| over z, s, X̃ and the fused X̃. */
  maxAbsDiff: number;
}

function maxAbsDiff(a: Float32Array, b: Float32Array): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
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

/** Runs the block with the WGSL kernels (when WebGPU is available) and with the reference on the cpu backend. */
export async function seSteps(data: SeData, { webgpu }: { webgpu: boolean }): Promise<SeSteps> {
  const reference = await onBackend("cpu", () => referenceSteps(data));
  if (!webgpu) return { gpuBackend: "cpu", gpu: reference, fused: null, reference, maxAbsDiff: 0 };
  const { gpu, fused } = await onBackend("webgpu", async () => {
    const { u, weights } = seTensors(data);
    const z = squeeze(u);
    const s = excitation(z, weights);
    const xt = scale(u, s);
    const fusedTensor = seBlock(u, weights);
    const fusedValues = (await fusedTensor.data()) as Float32Array;
    tf.dispose([u, fusedTensor, ...Object.values(weights)]);
    return { gpu: await values({ z, s, xt }), fused: fusedValues };
  });
  const diff = Math.max(
    maxAbsDiff(gpu.z, reference.z),
    maxAbsDiff(gpu.s, reference.s),
    maxAbsDiff(gpu.xt, reference.xt),
    maxAbsDiff(fused, reference.xt),
  );
  return { gpuBackend: "webgpu", gpu, fused, reference, maxAbsDiff: diff };
}

/** Parameters of one SE block with C channels and ratio r: 2C²/r weights plus C/r + C biases. */
export function seBlockParams(c: number, r: number): { weights: number; biases: number } {
  return { weights: (2 * c * c) / r, biases: c / r + c };
}
