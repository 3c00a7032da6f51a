// tfjs-backend-wasm sizes XNNPACK's thread pool from navigator.hardwareConcurrency while its module starts, at half
// the logical cores (it assumes two hyper-threads per core), whatever setThreadsCount asks: one thread on a two-core
// machine, where onnxruntime-web uses both (bench/results/onnx-peer.json). While `start` runs, tfjs is shown twice the
// real count, so the pool gets every logical core, up to the 8 workers its threaded build spawns in advance. Only a
// cross-origin isolated page can run threads at all; elsewhere `start` runs as it is.
import { setThreadsCount } from "@tensorflow/tfjs-backend-wasm";

/** Workers tfjs-backend-wasm's threaded build creates at start-up (more would have to start while it waits). */
const PREALLOCATED_WORKERS = 8;

/** The logical cores the browser reports, read before `withAllCores` changes what navigator shows tfjs. */
const LOGICAL_CORES = navigator.hardwareConcurrency || 1;

/** The logical cores the browser reports, also while `withAllCores` runs. */
export function logicalCores(): number {
  return LOGICAL_CORES;
}

/** Threads the site's wasm backend runs on in a cross-origin isolated page. */
export function isolatedWasmThreads(): number {
  return Math.min(PREALLOCATED_WORKERS, LOGICAL_CORES);
}

/** Runs `start` (which may start the wasm backend) so that wasm, if it starts, gets isolatedWasmThreads(). */
export async function withAllCores<T>(start: () => Promise<T>): Promise<T> {
  if (!self.crossOriginIsolated) return start();
  const threads = isolatedWasmThreads();
  setThreadsCount(threads);
  Object.defineProperty(navigator, "hardwareConcurrency", { configurable: true, get: () => 2 * threads });
  try {
    return await start();
  } finally {
    delete (navigator as { hardwareConcurrency?: number }).hardwareConcurrency; // the prototype's getter again
  }
}
