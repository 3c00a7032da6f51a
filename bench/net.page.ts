// Browser side of the network benchmarks (bench/net.ts, bench/suite.ts): starts one tfjs backend and runs the timing
// routines of src/lib/benchmark.ts, the same code the Benchmarks chapter runs in a reader's browser; bench/fold.ts
// times its block ends (bench/foldStages.ts) here too.
import * as tf from "@tensorflow/tfjs-core";
import "@tensorflow/tfjs-backend-cpu";
import "@tensorflow/tfjs-backend-webgl";
import "@tensorflow/tfjs-backend-webgpu";
import { getThreadsCount, setWasmPaths } from "@tensorflow/tfjs-backend-wasm";
import { initBackend, WASM_BINARIES, type BackendName, type BackendState } from "../src/lib/backend.js";
import { withAllCores } from "../src/components/wasmThreads.js";
import { peakMatMul, timeNetworks, type NetRunOptions } from "../src/lib/benchmark.js";
import { timeFoldStages } from "./foldStages.js";

setWasmPaths(Object.fromEntries(WASM_BINARIES.map((name) => [name, `./${name}`])) as Record<string, string>);

export interface PageInfo {
  state: BackendState;
  crossOriginIsolated: boolean;
  /** XNNPACK threads of the wasm backend (1 unless the page is cross-origin isolated). */
  wasmThreads: number | null;
  userAgent: string;
}

async function init(name: BackendName): Promise<PageInfo> {
  const state = await withAllCores(() => initBackend([name])); // every core where isolated, as the site does
  return {
    state,
    crossOriginIsolated: self.crossOriginIsolated,
    wasmThreads: name === "wasm" ? getThreadsCount() : null,
    userAgent: navigator.userAgent,
  };
}

const api = {
  init,
  networks: (options: Omit<NetRunOptions, "cpuClock" | "onProgress">) =>
    timeNetworks({
      ...options,
      onProgress: (done, total, what) => console.log(`[${done}/${total}] ${what}`),
    }),
  peak: () => peakMatMul(),
  foldStages: (plan: { runs: number; warmup: number }) => timeFoldStages(plan),
  numTensors: () => tf.memory().numTensors,
};
export type NetBenchPage = typeof api;
(window as unknown as { netBench: NetBenchPage }).netBench = api;
