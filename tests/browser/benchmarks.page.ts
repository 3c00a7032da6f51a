// Browser side of benchmarks.test.ts: the Benchmarks chapter's runner panel on the wasm backend, with a small input
// so that the test stays quick (the chapter itself runs SE-ResNet-50 at 224×224).
import * as tf from "@tensorflow/tfjs-core";
import { setWasmPaths } from "@tensorflow/tfjs-backend-wasm";
import { WASM_BINARIES } from "../../src/lib/backend.js";
import { benchmarkRunner } from "../../src/components/benchmarkRunner.js";

setWasmPaths(Object.fromEntries(WASM_BINARIES.map((name) => [name, `./${name}`])) as Record<string, string>);

async function mount(): Promise<number> {
  if (!(await tf.setBackend("wasm"))) throw new Error("no wasm");
  document.body.append(
    benchmarkRunner({
      recorded: [],
      recordedLabel: "",
      suite: { size: 32, warmup: 0, runs: 2, maxN: 256 },
    }),
  );
  return tf.memory().numTensors;
}

const api = { mount, numTensors: () => tf.memory().numTensors };
export type BenchmarksPage = typeof api;
(window as unknown as { benchmarksPage: BenchmarksPage }).benchmarksPage = api;
