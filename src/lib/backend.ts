// Choosing the tfjs backend: the fastest that initialises, in the order webgpu → webgl → wasm → cpu, or the
// reader's own choice. Registering all four here keeps one tfjs-core instance for every backend.
import * as tf from "@tensorflow/tfjs-core";
import "@tensorflow/tfjs-backend-cpu";
import "@tensorflow/tfjs-backend-webgl";
import "@tensorflow/tfjs-backend-webgpu";
import { setWasmPaths } from "@tensorflow/tfjs-backend-wasm";
import { isSoftwareAdapter } from "./softwareAdapter.js";

export type BackendName = "webgpu" | "webgl" | "wasm" | "cpu";

export const BACKEND_ORDER: readonly BackendName[] = ["webgpu", "webgl", "wasm", "cpu"];

/** The three binaries tfjs-backend-wasm picks from (plain, SIMD, threaded SIMD). */
export const WASM_BINARIES = [
  "tfjs-backend-wasm.wasm",
  "tfjs-backend-wasm-simd.wasm",
  "tfjs-backend-wasm-threaded-simd.wasm",
] as const;

export type WasmPaths = Record<(typeof WASM_BINARIES)[number], string>;

export interface BackendAttempt {
  name: BackendName;
  error?: string;
}

export interface BackendState {
  /** The active backend: it runs whole networks. */
  name: BackendName;
  /** Every backend tried before `name` succeeded, with why it failed. */
  attempts: BackendAttempt[];
  /** Human-readable description of the device behind the backend, e.g. "google swiftshader (software)". */
  device: string;
  /** True when the WebGPU/WebGL device is a software rasteriser (e.g. SwiftShader), which is slower than WASM. */
  software: boolean;
  /** The WebGPU device, when WebGPU started: the WGSL kernels run there even when the networks run elsewhere. */
  webgpu?: { device: string; software: boolean };
  /** Why `name` runs the networks, in a sentence for the reader. */
  reason?: string;
  /** The probe's milliseconds per backend, when the choice was measured (see `fastestForNetworks`). */
  probeMs?: Partial<Record<BackendName, number>>;
}

export function isBackendName(value: unknown): value is BackendName {
  return typeof value === "string" && (BACKEND_ORDER as readonly string[]).includes(value);
}

let wasmConfigured = false;

/** Must run before the wasm backend first initialises; later calls are ignored (tfjs allows one setting). */
export function configureWasm(paths: WasmPaths): void {
  if (wasmConfigured) return;
  setWasmPaths(paths);
  wasmConfigured = true;
}

/** Order in which to try backends when the reader prefers `preferred` (it goes first; the rest keep their order). */
export function backendOrder(preferred: BackendName | null): BackendName[] {
  return preferred ? [preferred, ...BACKEND_ORDER.filter((b) => b !== preferred)] : [...BACKEND_ORDER];
}

async function describeDevice(name: BackendName): Promise<{ device: string; software: boolean }> {
  const backend = tf.backend() as unknown as {
    adapterInfo?: { vendor?: string; architecture?: string };
    gpgpu?: { gl?: WebGLRenderingContext };
  };
  if (name === "webgpu") {
    const vendor = backend.adapterInfo?.vendor ?? "";
    const architecture = backend.adapterInfo?.architecture ?? "";
    // tfjs keeps only vendor and architecture; ask for the adapter again (as tfjs did) for the fallback flag.
    const adapter = await navigator.gpu.requestAdapter({ powerPreference: "high-performance" });
    const info = (adapter?.info ?? {}) as GPUAdapterInfo & { isFallbackAdapter?: boolean };
    const software = isSoftwareAdapter(
      { vendor, architecture, description: info.description, isFallbackAdapter: info.isFallbackAdapter },
      (adapter as { isFallbackAdapter?: boolean } | null)?.isFallbackAdapter,
    );
    return { device: `${vendor} ${architecture}`.trim() || "unknown adapter", software };
  }
  if (name === "webgl") {
    const gl = backend.gpgpu?.gl;
    // gl.RENDERER is masked ("WebKit WebGL" in Chromium); the debug extension names the real renderer.
    const debug = gl?.getExtension("WEBGL_debug_renderer_info");
    const renderer = gl ? String(gl.getParameter(debug ? debug.UNMASKED_RENDERER_WEBGL : gl.RENDERER)) : "";
    return { device: renderer || "unknown renderer", software: isSoftwareAdapter({ description: renderer }) };
  }
  return { device: name === "wasm" ? "CPU (WebAssembly)" : "CPU (JavaScript)", software: false };
}

/** Initialises the first backend of `order` that works; a backend that fails is recorded with its error. */
export async function initBackend(order: readonly BackendName[] = BACKEND_ORDER): Promise<BackendState> {
  const attempts: BackendAttempt[] = [];
  for (const name of order) {
    try {
      if (await tf.setBackend(name)) {
        await tf.ready();
        const device = await describeDevice(name);
        return {
          name,
          attempts,
          ...device,
          ...(name === "webgpu" ? { webgpu: device } : {}),
          reason: attempts.length ? `the first backend that started` : `the first choice`,
        };
      }
      attempts.push({ name, error: "not available here" });
    } catch (error) {
      attempts.push({ name, error: error instanceof Error ? error.message : String(error) });
    }
  }
  throw new Error(`no tfjs backend could start: ${attempts.map((a) => `${a.name} (${a.error})`).join("; ")}`);
}

/**
 * A stand-in for a network's work: a 3×3 convolution at a ResNet stage-4 shape (1×14×14×64 → 64 channels,
 * 14.5 MFLOP) with its read-back; median of 3 after one untimed run (shader compilation).
 */
async function probeMs(): Promise<number> {
  const [x, w] = tf.tidy(() => [
    tf.randomUniform([1, 14, 14, 64], -1, 1, "float32", 1),
    tf.randomNormal([3, 3, 64, 64], 0, 0.1, "float32", 2),
  ]);
  const times: number[] = [];
  try {
    for (let i = 0; i < 4; i++) {
      const start = performance.now();
      const y = tf.conv2d(x as tf.Tensor4D, w as tf.Tensor4D, 1, "same");
      await y.data();
      y.dispose();
      if (i > 0) times.push(performance.now() - start);
    }
  } finally {
    tf.dispose([x, w]);
  }
  return times.sort((a, b) => a - b)[1];
}

/**
 * The automatic choice: the first backend of `order` that starts, unless it is a GPU backend on a software adapter
 * (SwiftShader and the like run shaders on the CPU, ~70× slower than WebAssembly for SE-ResNet-50 on the machines we
 * measured). Then the probe runs on it and on wasm, and the faster one runs the networks; WebGPU stays available to
 * the WGSL kernels either way (`webgpu`). `remembered` returns an earlier probe for this device, `remember` keeps one,
 * so that a page load does not measure again.
 */
export async function fastestForNetworks(
  order: readonly BackendName[] = BACKEND_ORDER,
  cache: {
    remembered?: (device: string) => Partial<Record<BackendName, number>> | null;
    remember?: (device: string, probe: Partial<Record<BackendName, number>>) => void;
  } = {},
): Promise<BackendState> {
  const first = await initBackend(order);
  if (!first.software || first.name === "wasm" || first.name === "cpu") return first;
  let probe = cache.remembered?.(first.device) ?? null;
  if (!probe || probe[first.name] === undefined || probe.wasm === undefined) {
    const gpuMs = await probeMs();
    if (!(await tf.setBackend("wasm"))) return { ...first, reason: `${first.reason}; wasm could not start` };
    probe = { [first.name]: gpuMs, wasm: await probeMs() };
    cache.remember?.(first.device, probe);
  }
  const gpuMs = probe[first.name]!;
  const wasmMs = probe.wasm!;
  const measured = `a 3×3 convolution took ${gpuMs.toFixed(1)} ms on ${first.name} (${first.device}, a software adapter) and ${wasmMs.toFixed(1)} ms on wasm`;
  if (gpuMs <= wasmMs) {
    await tf.setBackend(first.name);
    return { ...first, probeMs: probe, reason: `${measured}, so networks stay on ${first.name}` };
  }
  await tf.setBackend("wasm");
  await tf.ready();
  return {
    ...first,
    name: "wasm",
    device: "CPU (WebAssembly)",
    software: false,
    probeMs: probe,
    reason: `${measured}, so networks run on wasm (${(gpuMs / wasmMs).toFixed(0)}× faster)`,
  };
}
