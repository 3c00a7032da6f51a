// Browser side of `npm run bench:fold`: starts one tfjs backend as the site does and times the block ends of
// bench/foldStages.ts on it.
import * as tf from "@tensorflow/tfjs-core";
import "@tensorflow/tfjs-backend-cpu";
import "@tensorflow/tfjs-backend-webgl";
import { initBackend, type BackendName } from "../src/lib/backend.js";
import { timeFoldStages } from "./foldStages.js";

const api = {
  init: (name: BackendName) => initBackend([name]),
  stages: (plan: { runs: number; warmup: number }) => timeFoldStages(plan),
  numTensors: () => tf.memory().numTensors,
};
export type FoldBenchPage = typeof api;
(window as unknown as { foldBench: FoldBenchPage }).foldBench = api;
