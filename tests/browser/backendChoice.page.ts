// Browser side of backendChoice.test.ts: the automatic backend choice in Chromium, whose WebGPU adapter here is
// SwiftShader (software).
import * as tf from "@tensorflow/tfjs-core";
import { getThreadsCount, setWasmPaths } from "@tensorflow/tfjs-backend-wasm";
import { withAllCores } from "../../src/components/wasmThreads.js";
import { BACKEND_ORDER, fastestForNetworks, WASM_BINARIES, type BackendName } from "../../src/lib/backend.js";

setWasmPaths(Object.fromEntries(WASM_BINARIES.map((name) => [name, `./${name}`])) as Record<string, string>);

type Probe = Partial<Record<BackendName, number>>;
const saved = new Map<string, Probe>();

async function choose(order: BackendName[] = [...BACKEND_ORDER]) {
  let measured = false;
  const state = await fastestForNetworks(order, {
    remembered: (device) => saved.get(device) ?? null,
    remember: (device, probe) => {
      measured = true;
      saved.set(device, probe);
    },
  });
  return { state, measured, crossOriginIsolated: self.crossOriginIsolated };
}

/** Starts wasm alone as the site does and reports its threads, with a small conv to show the threaded build computes. */
async function wasmThreads() {
  if (!(await withAllCores(() => tf.setBackend("wasm")))) throw new Error("no wasm");
  const y = tf.tidy(() =>
    tf.conv2d(tf.ones([1, 8, 8, 4]) as tf.Tensor4D, tf.ones([3, 3, 4, 2]) as tf.Tensor4D, 1, "same"),
  );
  const values = Array.from(await y.data());
  y.dispose();
  return {
    threadedBuild: await tf.env().getAsync("WASM_HAS_MULTITHREAD_SUPPORT"),
    isolated: self.crossOriginIsolated,
    threads: getThreadsCount(),
    cores: navigator.hardwareConcurrency,
    values,
  };
}

const api = { choose, wasmThreads };
export type BackendChoicePage = typeof api;
(window as unknown as { backendChoice: BackendChoicePage }).backendChoice = api;
