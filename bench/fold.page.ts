// Browser side of `npm run bench:fold`: starts one tfjs backend as the site does and times the block ends of
// bench/foldStages.ts on it.
import * as tf from "@tensorflow/tfjs-core";
import "@tensorflow/tfjs-backend-cpu";
import "@tensorflow/tfjs-backend-webgl";
import { getThreadsCount, setWasmPaths } from "@tensorflow/tfjs-backend-wasm";
import { initBackend, WASM_BINARIES, type BackendName } from "../src/lib/backend.js";
import { withAllCores } from "../src/components/wasmThreads.js";
import { timeFoldStages } from "./foldStages.js";

setWasmPaths(Object.fromEntries(WASM_BINARIES.map((name) => [name, `./${name}`])) as Record<string, string>);

const api = {
  /** Every core where the page is cross-origin isolated, as the site does. */
  init: async (name: BackendName) => ({
    state: await withAllCores(() => initBackend([name])),
    wasmThreads: name === "wasm" ? getThreadsCount() : null,
  }),
  stages: (plan: { runs: number; warmup: number }) => timeFoldStages(plan),
  numTensors: () => tf.memory().numTensors,
};
export type FoldBenchPage = typeof api;
(window as unknown as { foldBench: FoldBenchPage }).foldBench = api;
