// Browser side of network.test.ts: the whole network with SE on the fused WGSL path (and the fused block's z/s taps),
// and on the folded path on tfjs-webgpu and tfjs-webgl, against the stock tfjs chain on the cpu backend, in Chromium;
// and WebGL's two-stage squeeze of a large map against tf.mean on cpu. Driven through `window.seNetwork`.
import * as tf from "@tensorflow/tfjs-core";
import "@tensorflow/tfjs-backend-cpu";
import "@tensorflow/tfjs-backend-webgl";
import "@tensorflow/tfjs-backend-webgpu";
import type { WebGPUBackend } from "@tensorflow/tfjs-backend-webgpu";
import { seBlockTaps } from "../../src/lib/kernels/se-block.js";
import { difference } from "../../src/lib/kernels/parity.js";
import { referenceExcitation, referenceSeBlock, referenceSqueeze } from "../../src/lib/kernels/reference.js";
import { seTensors, syntheticSeData } from "../../src/lib/kernels/synthetic.js";
import type { ModelConfig } from "../../src/lib/models/config.js";
import { randomWeights } from "../../src/lib/models/randomWeights.js";
import { load, type PredictOptions } from "../../src/lib/models/resnet.js";
import { globalAveragePool, type SEPath } from "../../src/lib/models/sePath.js";
import { mulberry32, normalArray } from "../../src/lib/random.js";

const gpuErrors: string[] = [];

function backend(): WebGPUBackend {
  return tf.backend() as WebGPUBackend;
}

async function init(): Promise<string> {
  if (!(await tf.setBackend("webgpu"))) throw new Error("tfjs could not start the webgpu backend");
  await tf.ready();
  backend().device.addEventListener("uncapturederror", (event) => {
    gpuErrors.push((event as GPUUncapturedErrorEvent).error.message);
  });
  const info = backend().adapterInfo as unknown as { vendor?: string; architecture?: string };
  return `${info.vendor} ${info.architecture}`;
}

type Outputs = Record<string, Float32Array>;

async function read(named: Record<string, tf.Tensor>): Promise<Outputs> {
  const out: Outputs = {};
  for (const [k, t] of Object.entries(named)) out[k] = (await t.data()) as Float32Array;
  tf.dispose(Object.values(named));
  return out;
}

/** x, z, s of the fused block (with taps) on webgpu vs the reference twin on cpu; worst tolerance per output. */
async function blockTaps(
  shape: [number, number, number, number],
  r: number,
  seed: number,
): Promise<Record<string, number>> {
  const data = syntheticSeData(shape, r, seed);
  const residual = normalArray(data.u.length, mulberry32(seed + 1));
  const run = async (
    f: (
      u: tf.Tensor4D,
      w: ReturnType<typeof seTensors>["weights"],
      res: tf.Tensor4D,
    ) => Outputs | Promise<Outputs>,
  ) => {
    const { u, weights } = seTensors(data);
    const res = tf.tensor4d(residual, shape);
    try {
      return await f(u, weights, res);
    } finally {
      tf.dispose([u, res, ...Object.values(weights)]);
    }
  };
  await tf.setBackend("cpu");
  const expected = await run((u, w, res) => {
    const z = referenceSqueeze(u);
    return read({
      x: referenceSeBlock(u, w, { residual: res, relu: true }),
      z,
      s: referenceExcitation(z, w),
    });
  });
  await tf.setBackend("webgpu");
  const before = tf.memory().numTensors;
  const actual = await run((u, w, res) => read({ ...seBlockTaps(u, w, { residual: res, relu: true }) }));
  if (tf.memory().numTensors !== before) throw new Error("seBlockTaps leaked tensors");
  return Object.fromEntries(Object.keys(expected).map((k) => [k, difference(actual[k], expected[k]).scaled]));
}

/** Logits and taps of `config` on `on` with `path`, vs the stock chain on cpu; worst tolerance per output. */
async function network(
  config: ModelConfig,
  path: SEPath,
  withOptions: boolean,
  { on = "webgpu", batch = 2, taps = true }: { on?: "webgpu" | "webgl"; batch?: number; taps?: boolean } = {},
): Promise<{ tolerances: Record<string, number>; leaked: number }> {
  const x = Float32Array.from(
    normalArray(batch * config.inputSize ** 2 * config.inputChannels, mulberry32(4)),
  );
  const shape: [number, number, number, number] = [
    batch,
    config.inputSize,
    config.inputSize,
    config.inputChannels,
  ];
  const run = async (sePath: SEPath, withTaps: boolean) => {
    const weights = randomWeights(config, 9);
    const model = load({ config, weights, sePath });
    tf.dispose(weights);
    const input = tf.tensor4d(x, shape);
    const block = model.seBlocks[0];
    const options: PredictOptions = withOptions
      ? {
          featureMaps: block,
          intervene: (name, s) => (name === block ? (tf.sub(1, s) as tf.Tensor2D) : s),
        }
      : { taps: withTaps };
    try {
      const before = tf.memory().numTensors;
      const p = model.predict(input, options);
      const named: Record<string, tf.Tensor> = { logits: p.logits };
      for (const [name, tap] of Object.entries(p.taps)) {
        named[`${name}.z`] = tap.z;
        named[`${name}.s`] = tap.s;
        if (tap.post) named[`${name}.post`] = tap.post;
        if (tap.pre) named[`${name}.pre`] = tap.pre;
      }
      const out = await read(named); // disposes the prediction
      return { out, leaked: tf.memory().numTensors - before };
    } finally {
      input.dispose();
      model.dispose();
    }
  };
  await tf.setBackend("cpu");
  const expected = await run("ops", true);
  if (!taps) expected.out = { logits: expected.out.logits };
  if (!(await tf.setBackend(on))) throw new Error(`tfjs could not start the ${on} backend`);
  const actual = await run(path, taps);
  const keys = Object.keys(expected.out);
  if (keys.join() !== Object.keys(actual.out).join())
    throw new Error(`outputs differ: ${Object.keys(actual.out)}`);
  return {
    tolerances: Object.fromEntries(keys.map((k) => [k, difference(actual.out[k], expected.out[k]).scaled])),
    leaked: actual.leaked,
  };
}

/** The squeeze of a map this large on WebGL (two matrix products, see globalAveragePool) vs tf.mean on cpu. */
async function pooled(shape: [number, number, number, number]): Promise<number> {
  const data = normalArray(
    shape.reduce((a, b) => a * b),
    mulberry32(5),
  );
  const pool = async (on: string, f: (u: tf.Tensor4D) => tf.Tensor) => {
    if (!(await tf.setBackend(on))) throw new Error(`tfjs could not start the ${on} backend`);
    const u = tf.tensor4d(data, shape);
    const z = f(u);
    const out = await z.data();
    tf.dispose([u, z]);
    return out;
  };
  const expected = await pool("cpu", (u) => tf.mean(u, [1, 2]));
  return difference(await pool("webgl", globalAveragePool), expected).scaled;
}

const api = { init, blockTaps, network, pooled, gpuErrors: () => [...gpuErrors] };
export type SeNetworkPage = typeof api;
(window as unknown as { seNetwork: SeNetworkPage }).seNetwork = api;
