// Choosing the tfjs backend: the fastest that initialises, in the order webgpu → webgl → wasm → cpu, or the
// reader's own choice. Registering all four here keeps one tfjs-core instance for every backend.
import * as tf from "@tensorflow/tfjs-core";
import "@tensorflow/tfjs-backend-cpu";
import "@tensorflow/tfjs-backend-webgl";
import "@tensorflow/tfjs-backend-webgpu";
import { setWasmPaths } from "@tensorflow/tfjs-backend-wasm";

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
  name: BackendName;
  /** Every backend tried before `name` succeeded, with why it failed. */
  attempts: BackendAttempt[];
  /** Human-readable description of the device behind the backend, e.g. "google swiftshader (software)". */
  device: string;
  /** True when the WebGPU/WebGL device is a software rasteriser (e.g. SwiftShader), which is slower than WASM. */
  software: boolean;
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

function describeDevice(name: BackendName): { device: string; software: boolean } {
  const backend = tf.backend() as unknown as {
    adapterInfo?: { vendor?: string; architecture?: string };
    gpgpu?: { gl?: WebGLRenderingContext };
  };
  if (name === "webgpu") {
    const vendor = backend.adapterInfo?.vendor ?? "";
    const architecture = backend.adapterInfo?.architecture ?? "";
    const software = /swiftshader|llvmpipe|software/i.test(`${vendor} ${architecture}`);
    return { device: `${vendor} ${architecture}`.trim() || "unknown adapter", software };
  }
  if (name === "webgl") {
    const gl = backend.gpgpu?.gl;
    const renderer = gl ? String(gl.getParameter(gl.RENDERER)) : "";
    return {
      device: renderer || "unknown renderer",
      software: /swiftshader|llvmpipe|software/i.test(renderer),
    };
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
        return { name, attempts, ...describeDevice(name) };
      }
      attempts.push({ name, error: "not available here" });
    } catch (error) {
      attempts.push({ name, error: error instanceof Error ? error.message : String(error) });
    }
  }
  throw new Error(`no tfjs backend could start: ${attempts.map((a) => `${a.name} (${a.error})`).join("; ")}`);
}
