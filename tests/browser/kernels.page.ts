// Browser side of kernels.test.ts: runs the WGSL SE kernels on tfjs-backend-webgpu and their tfjs reference twin on
// the cpu backend, and reports differences. Bundled by esbuild; the test drives it through `window.seKernels`.
import * as tf from "@tensorflow/tfjs-core";
import "@tensorflow/tfjs-backend-cpu";
import "@tensorflow/tfjs-backend-webgpu";
import type { WebGPUBackend } from "@tensorflow/tfjs-backend-webgpu";
import { squeeze } from "../../src/lib/kernels/squeeze.js";
import { excitation } from "../../src/lib/kernels/excitation.js";
import { scale } from "../../src/lib/kernels/scale.js";
import { seBlock, seBlockTaps } from "../../src/lib/kernels/se-block.js";
import {
  referenceExcitation,
  referenceScale,
  referenceSeBlock,
  referenceSqueeze,
} from "../../src/lib/kernels/reference.js";
import { seTensors, syntheticSeData, type SeData } from "../../src/lib/kernels/synthetic.js";
import { normalArray } from "../../src/lib/random.js";
import { hiddenUnits, type SeWeights } from "../../src/lib/kernels/weights.js";
import { mulberry32 } from "../../src/lib/random.js";
import { difference, type Difference } from "../../src/lib/kernels/parity.js";

export interface Case {
  shape: [number, number, number, number];
  r: number;
  seed: number;
}

const gpuErrors: string[] = [];

function backend(): WebGPUBackend {
  return tf.backend() as WebGPUBackend;
}

async function init(): Promise<{ adapter: string }> {
  if (!(await tf.setBackend("webgpu"))) throw new Error("tfjs could not start the webgpu backend");
  await tf.ready();
  backend().device.addEventListener("uncapturederror", (event) => {
    gpuErrors.push((event as GPUUncapturedErrorEvent).error.message);
  });
  const info = backend().adapterInfo as unknown as { vendor?: string; architecture?: string };
  return { adapter: `${info.vendor} ${info.architecture}` };
}

/** Submits what tfjs has batched (it frees disposed tensors' buffers only then) and waits for the GPU. */
async function settle(): Promise<void> {
  const b = backend();
  b.ensureCommandEncoderReady();
  b.endComputePassEncoder();
  b.submitQueue();
  await b.device.queue.onSubmittedWorkDone();
}

async function values(t: tf.Tensor): Promise<Float32Array> {
  const v = (await t.data()) as Float32Array;
  t.dispose();
  return v;
}

/** Tensors of `data` and a residual on the active backend, run through `f`, disposed afterwards. */
async function withTensors<T>(
  data: SeData,
  residual: Float32Array,
  f: (u: tf.Tensor4D, w: SeWeights, res: tf.Tensor4D) => Promise<T>,
): Promise<T> {
  const { u, weights } = seTensors(data);
  const res = tf.tensor4d(residual, data.shape);
  try {
    return await f(u, weights, res);
  } finally {
    tf.dispose([u, res, ...Object.values(weights)]);
  }
}

async function parity(spec: Case): Promise<Record<string, Difference>> {
  const data = syntheticSeData(spec.shape, spec.r, spec.seed);
  const residual = normalArray(data.u.length, mulberry32(spec.seed + 1));
  const [n, , , c] = spec.shape;

  await tf.setBackend("cpu");
  const expected = await withTensors(data, residual, async (u, w, res) => {
    const z = referenceSqueeze(u);
    const s = referenceExcitation(z, w);
    const scaled = referenceScale(u, s);
    return {
      z: await values(z),
      s: await values(s),
      scaled: await values(scaled),
      block: await values(referenceSeBlock(u, w)),
      resnet: await values(referenceSeBlock(u, w, { residual: res, relu: true })),
    };
  }).finally(() => tf.setBackend("webgpu"));

  return withTensors(data, residual, async (u, w, res) => {
    // Each kernel gets its twin's input, so a difference points at that kernel alone.
    const z = tf.tensor2d(expected.z, [n, c]);
    const s = tf.tensor2d(expected.s, [n, c]);
    const taps = seBlockTaps(u, w, { residual: res, relu: true, tiling: "hardware" });
    const actual = {
      z: await values(squeeze(u)),
      s: await values(excitation(z, w)),
      scaled: await values(scale(u, s)),
      block: await values(seBlock(u, w, { tiling: "software" })),
      resnet: await values(seBlock(u, w, { residual: res, relu: true, tiling: "software" })),
      // A real GPU's tiling (many small chunks, groups of hidden units in se-reduce) runs here too, on the software adapter.
      blockHardware: await values(seBlock(u, w, { tiling: "hardware" })),
      resnetHardware: await values(seBlock(u, w, { residual: res, relu: true, tiling: "hardware" })),
      zHardware: await values(taps.z),
      sHardware: await values(taps.s),
    };
    tf.dispose([z, s, taps.x, taps.z, taps.s]);
    const reference = {
      ...expected,
      blockHardware: expected.block,
      resnetHardware: expected.resnet,
      zHardware: expected.z,
      sHardware: expected.s,
    };
    return Object.fromEntries(
      (Object.keys(actual) as (keyof typeof actual)[]).map((k) => [k, difference(actual[k], reference[k])]),
    );
  });
}

interface Usage {
  tensors: number;
  usedBuffers: number;
  bytesAllocated: number;
}

function usage(): Usage {
  const manager = backend().bufferManager;
  return {
    tensors: tf.memory().numTensors,
    usedBuffers: manager.getNumUsedBuffers(),
    bytesAllocated: manager.numBytesAllocated,
  };
}

/** Every kernel and both fused variants `runs` times in tf.tidy; usage before and after as many warm-up runs. */
async function leaks(runs: number): Promise<{ before: Usage; after: Usage }> {
  const data = syntheticSeData([2, 9, 9, 40], 4, 7);
  const residual = normalArray(data.u.length, mulberry32(8));
  return withTensors(data, residual, async (u, w, res) => {
    const once = () =>
      tf.tidy(() => {
        const z = squeeze(u);
        const s = excitation(z, w);
        scale(u, s);
        seBlock(u, w, { tiling: "software" });
        seBlock(u, w, { residual: res, relu: true, tiling: "hardware" });
      });
    // Warm-up: the same runs, so the pool reaches the size they need. Pooled buffers go back at tfjs's submits (every
    // WEBGPU_DEFERRED_SUBMIT_BATCH_SIZE dispatches), so a single run needs fewer of them at once than a series.
    for (let i = 0; i < runs; i++) once();
    await settle();
    const before = usage();
    for (let i = 0; i < runs; i++) once();
    await settle();
    return { before, after: usage() };
  });
}

/** The message each kind of bad input is rejected with (or "no error"), and usage before and after all of them. */
async function errors(): Promise<{ messages: Record<string, string>; before: Usage; after: Usage }> {
  const attempt = (f: () => unknown): string => {
    try {
      tf.tidy(() => void f());
      return "no error";
    } catch (e) {
      return e instanceof Error ? e.message : String(e);
    }
  };
  const data = syntheticSeData([1, 3, 3, 96], 8, 3);
  return withTensors(data, data.u, async (u, w) => {
    seBlock(u, w).dispose(); // uploads the inputs, so `before` counts their buffers
    await settle();
    const before = usage();
    const disposed = tf.zeros<tf.Rank.R4>([1, 3, 3, 96]);
    disposed.dispose();
    const sevenHidden = {
      ...w,
      fc1Weight: tf.zeros<tf.Rank.R2>([96, 7]),
      fc1Bias: tf.zeros<tf.Rank.R1>([7]),
    };
    const result = {
      ratio: attempt(() => hiddenUnits(96, 5)),
      synthetic: attempt(() => syntheticSeData([1, 3, 3, 96], 5, 1)),
      seBlock: attempt(() => seBlock(u, sevenHidden)),
      excitation: attempt(() => excitation(tf.zeros([1, 96]), sevenHidden)),
      reference: attempt(() => referenceSeBlock(u, sevenHidden)),
      scaleShape: attempt(() => scale(u, tf.zeros([1, 95]))),
      rank: attempt(() => squeeze(tf.zeros([3, 3, 96]) as unknown as tf.Tensor4D)),
      disposed: attempt(() => seBlock(u, w, { residual: disposed })),
      backend: "",
    };
    tf.dispose([sevenHidden.fc1Weight, sevenHidden.fc1Bias]);
    await tf.setBackend("cpu");
    result.backend = attempt(() => squeeze(u));
    await tf.setBackend("webgpu");
    await settle();
    return { messages: result, before, after: usage() };
  });
}

const api = { init, parity, leaks, errors, gpuErrors: () => [...gpuErrors] };
export type SeKernelsPage = typeof api;
(window as unknown as { seKernels: SeKernelsPage }).seKernels = api;
