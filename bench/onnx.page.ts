// Browser side of the onnxruntime-web peer benchmark (bench/onnx.ts). One page runs one runtime: ours (tfjs with
// our SE path, weights read from the exported .safetensors by our importer) or onnxruntime-web (the .onnx of the same
// weights), loaded from the local server (./ort/: its .mjs and .wasm files, never a CDN). Node alternates the pages
// within each round; this side only loads models and times single predictions.
import * as tf from "@tensorflow/tfjs-core";
import { getThreadsCount, setWasmPaths } from "@tensorflow/tfjs-backend-wasm";
import { withAllCores } from "../src/components/wasmThreads.js";
import type * as Ort from "onnxruntime-web";
import { initBackend, WASM_BINARIES } from "../src/lib/backend.js";
import { isSoftwareAdapter } from "../src/lib/softwareAdapter.js";
import { importCheckpoint } from "../src/lib/import/importer.js";
import { toNamedTensorMap } from "../src/lib/import/tensors.js";
import { preset } from "../src/lib/models/config.js";
import { load, type ResNetModel } from "../src/lib/models/resnet.js";

setWasmPaths(Object.fromEntries(WASM_BINARIES.map((name) => [name, `./${name}`])) as Record<string, string>);

export interface RuntimeSpec {
  library: "ours" | "onnxruntime-web";
  backend: "wasm" | "webgpu";
  /** wasm threads: 1, or navigator.hardwareConcurrency (needs a cross-origin isolated page). */
  threads: "one" | "all";
}

export interface RuntimeInfo {
  /** tfjs backend or ORT execution provider as it started. */
  backend: string;
  threads: number | null;
  crossOriginIsolated: boolean;
  hardwareConcurrency: number;
  device: string;
  software: boolean;
  userAgent: string;
}

export interface Prepared {
  /** Fetching the model file from the local server. */
  fetchMs: number;
  /** ORT: InferenceSession.create; ours: import (parse + layouts) + upload + load() (BN folding). */
  createMs: number;
  /** The first prediction (operator creation / shader compilation included). */
  firstMs: number;
  logits: number[];
}

/** What a runtime says about itself; the page adds what every runtime shares. */
type OwnInfo = Pick<RuntimeInfo, "backend" | "threads" | "device" | "software">;

interface Runner {
  prepare(model: string): Promise<Prepared>;
  run(model: string): Promise<number>;
}

let runner: Runner | null = null;

async function fetchBytes(url: string): Promise<Uint8Array> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return new Uint8Array(await res.arrayBuffer());
}

/** The shared input, NCHW float32 as the exporter wrote it. */
async function input(): Promise<Float32Array> {
  const bytes = await fetchBytes("./models/input.f32");
  return new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
}

async function adapterInfo(): Promise<{ device: string; software: boolean }> {
  const adapter = await navigator.gpu?.requestAdapter();
  if (!adapter) return { device: "no WebGPU adapter", software: false };
  const info = adapter.info as GPUAdapterInfo & { isFallbackAdapter?: boolean };
  return {
    device: `${info.vendor} ${info.architecture} ${info.description}`.trim(),
    software: isSoftwareAdapter(info),
  };
}

async function ours(spec: RuntimeSpec): Promise<{ info: OwnInfo; runner: Runner }> {
  const state =
    spec.backend === "wasm" && spec.threads === "all"
      ? await withAllCores(() => initBackend(["wasm"])) // as the site does (src/components/wasmThreads.ts)
      : await initBackend([spec.backend]);
  const nchw = await input();
  const x = tf.tidy(() => tf.transpose(tf.tensor4d(nchw, [1, 3, 224, 224]), [0, 2, 3, 1])) as tf.Tensor4D; // NCHW -> NHWC
  const models = new Map<string, ResNetModel>();
  const predictMs = async (model: ResNetModel) => {
    const start = performance.now();
    const p = model.predict(x, { taps: false });
    try {
      const logits = await p.logits.data();
      return { ms: performance.now() - start, logits: Array.from(logits) };
    } finally {
      tf.dispose(p);
    }
  };
  return {
    info: {
      backend: state.name,
      threads: state.name === "wasm" ? getThreadsCount() : null,
      device: state.device,
      software: state.software,
    },
    runner: {
      async prepare(name) {
        let start = performance.now();
        const bytes = await fetchBytes(`./models/${name}.safetensors`);
        const fetchMs = performance.now() - start;
        start = performance.now();
        const config = preset(name);
        const imported = importCheckpoint(bytes, { config, fileName: `${name}.safetensors` });
        const weights = toNamedTensorMap(imported.weights);
        const model = load({ config, weights });
        tf.dispose(Object.values(weights));
        const createMs = performance.now() - start;
        models.set(name, model);
        const first = await predictMs(model);
        return { fetchMs, createMs, firstMs: first.ms, logits: first.logits };
      },
      run: async (name) => (await predictMs(models.get(name)!)).ms,
    },
  };
}

async function ort(spec: RuntimeSpec): Promise<{ info: OwnInfo; runner: Runner }> {
  // The webgpu build (asyncify) carries the WebGPU EP; the plain build is ORT's wasm-only runtime.
  const url = new URL(
    spec.backend === "webgpu" ? "./ort/ort.webgpu.min.mjs" : "./ort/ort.wasm.min.mjs",
    location.href,
  );
  const lib: typeof Ort = await import(/* @vite-ignore */ url.href);
  lib.env.wasm.wasmPaths = new URL("./ort/", location.href).href;
  const threads = spec.threads === "all" ? navigator.hardwareConcurrency : 1;
  lib.env.wasm.numThreads = threads;
  const tensor = new lib.Tensor("float32", await input(), [1, 3, 224, 224]);
  const sessions = new Map<string, Ort.InferenceSession>();
  const runMs = async (session: Ort.InferenceSession) => {
    const start = performance.now();
    const out = await session.run({ input: tensor });
    const logits = (await out.logits.getData()) as Float32Array; // on the CPU already (default output location)
    const ms = performance.now() - start;
    out.logits.dispose();
    return { ms, logits: Array.from(logits) };
  };
  const gpu = spec.backend === "webgpu" ? await adapterInfo() : null;
  return {
    info: {
      backend: spec.backend,
      threads: spec.backend === "wasm" ? threads : null,
      device: gpu?.device ?? "CPU (WebAssembly)",
      software: gpu?.software ?? false,
    },
    runner: {
      async prepare(name) {
        let start = performance.now();
        const bytes = await fetchBytes(`./models/${name}.onnx`);
        const fetchMs = performance.now() - start;
        start = performance.now();
        const session = await lib.InferenceSession.create(bytes, {
          executionProviders: [spec.backend],
          graphOptimizationLevel: "all",
        });
        const createMs = performance.now() - start;
        sessions.set(name, session);
        const first = await runMs(session);
        return { fetchMs, createMs, firstMs: first.ms, logits: first.logits };
      },
      run: async (name) => (await runMs(sessions.get(name)!)).ms,
    },
  };
}

const api = {
  async init(spec: RuntimeSpec): Promise<RuntimeInfo> {
    if (runner) throw new Error("this page already runs a runtime");
    const made = await (spec.library === "ours" ? ours(spec) : ort(spec));
    runner = made.runner;
    return {
      ...made.info,
      crossOriginIsolated: self.crossOriginIsolated,
      hardwareConcurrency: navigator.hardwareConcurrency,
      userAgent: navigator.userAgent,
    };
  },
  prepare: (model: string) => runner!.prepare(model),
  run: (model: string) => runner!.run(model),
};
export type OnnxBenchPage = typeof api;
(window as unknown as { onnxBench: OnnxBenchPage }).onnxBench = api;
