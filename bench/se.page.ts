// Browser side of bench/se.ts: times one SE block three ways on the same tfjs WebGPU device.
//   tfjs:     the reference twin, tfjs-webgpu's op chain (mean → matMul → add → relu → matMul → add → sigmoid → mul)
//   separate: the WGSL kernels one by one (squeeze, excitation's two dispatches, scale)
//   fused:    the two-pass fused WGSL block
import * as tf from "@tensorflow/tfjs-core";
import "@tensorflow/tfjs-backend-webgpu";
import type { WebGPUBackend } from "@tensorflow/tfjs-backend-webgpu";
import { squeeze } from "../src/lib/kernels/squeeze.js";
import { excitation } from "../src/lib/kernels/excitation.js";
import { scale } from "../src/lib/kernels/scale.js";
import { seBlock } from "../src/lib/kernels/se-block.js";
import { referenceSeBlock } from "../src/lib/kernels/reference.js";
import { timeKernels } from "../src/lib/kernels/gpu.js";
import { seTensors, syntheticSeData } from "../src/lib/kernels/synthetic.js";
import type { SeWeights } from "../src/lib/kernels/weights.js";

const VARIANTS = ["tfjs", "separate", "fused"] as const;
export type Variant = (typeof VARIANTS)[number];

const blocks: Record<Variant, (u: tf.Tensor4D, w: SeWeights) => void> = {
  tfjs: (u, w) => referenceSeBlock(u, w).dispose(),
  separate: (u, w) =>
    tf.tidy(() => {
      scale(u, excitation(squeeze(u), w));
    }),
  fused: (u, w) => seBlock(u, w).dispose(),
};

function backend(): WebGPUBackend {
  return tf.backend() as WebGPUBackend;
}

/** Submits whatever tfjs has batched and waits until the GPU has finished everything submitted. */
async function finish(): Promise<void> {
  const b = backend();
  b.ensureCommandEncoderReady();
  b.endComputePassEncoder();
  b.submitQueue();
  await b.device.queue.onSubmittedWorkDone();
}

async function init(): Promise<{ adapter: Record<string, string>; timestamps: boolean }> {
  if (!(await tf.setBackend("webgpu"))) throw new Error("tfjs could not start the webgpu backend");
  await tf.ready();
  const info = backend().adapterInfo as unknown as Record<string, unknown>;
  const adapter = Object.fromEntries(
    ["vendor", "architecture", "description", "device"].map((k) => [k, String(info[k] ?? "")]),
  );
  const gpuInfo = (await navigator.gpu.requestAdapter())?.info;
  if (gpuInfo)
    for (const k of ["vendor", "architecture", "description", "device"] as const) adapter[k] = gpuInfo[k];
  return { adapter, timestamps: backend().device.features.has("timestamp-query") };
}

function kernelMs(info: tf.TimingInfo): number {
  if (typeof info.kernelMs !== "number") throw new Error(`tf.time: ${info.kernelMs.error}`);
  return info.kernelMs;
}

export interface Samples {
  /** Milliseconds from the first call until the GPU has finished (JS + submit + GPU). */
  wallMs: Record<Variant, number[]>;
  /** Sum of the GPU durations of every compute pass (timestamp queries); empty without timestamp-query. */
  gpuMs: Record<Variant, number[]>;
}

/** `runs` timings of each variant after `warmup` untimed ones; variants alternate so drift hits all alike. */
async function measure(
  shape: [number, number, number, number],
  r: number,
  warmup: number,
  runs: number,
): Promise<Samples> {
  const { u, weights } = seTensors(syntheticSeData(shape, r, 1));
  const timestamps = backend().device.features.has("timestamp-query");
  const samples: Samples = {
    wallMs: { tfjs: [], separate: [], fused: [] },
    gpuMs: { tfjs: [], separate: [], fused: [] },
  };
  try {
    for (let i = 0; i < warmup + runs; i++) {
      for (const variant of VARIANTS) {
        const block = blocks[variant];
        await finish();
        const start = performance.now();
        block(u, weights);
        await finish();
        const wall = performance.now() - start;
        let gpu = NaN;
        if (timestamps) {
          // tfjs times its own programs (one pass each); timeKernels does the same for the WGSL kernels.
          gpu =
            variant === "tfjs"
              ? kernelMs(await tf.time(() => block(u, weights)))
              : (await timeKernels(() => block(u, weights))).ms;
        }
        if (i >= warmup) {
          samples.wallMs[variant].push(wall);
          if (timestamps) samples.gpuMs[variant].push(gpu);
        }
      }
    }
  } finally {
    tf.dispose([u, ...Object.values(weights)]);
  }
  return samples;
}

const api = { init, measure, numTensors: () => tf.memory().numTensors };
export type SeBenchPage = typeof api;
(window as unknown as { seBench: SeBenchPage }).seBench = api;
