// Browser side of backendChoice.test.ts: the automatic backend choice in Chromium, whose WebGPU adapter here is
// SwiftShader (software).
import { setWasmPaths } from "@tensorflow/tfjs-backend-wasm";
import { BACKEND_ORDER, fastestForNetworks, WASM_BINARIES, type BackendName } from "../../src/lib/backend.js";

setWasmPaths(Object.fromEntries(WASM_BINARIES.map((name) => [name, `./${name}`])) as Record<string, string>);

type Probe = Partial<Record<BackendName, number>>;
const saved = new Map<string, Probe>();

async function choose() {
  let measured = false;
  const state = await fastestForNetworks(BACKEND_ORDER, {
    remembered: (device) => saved.get(device) ?? null,
    remember: (device, probe) => {
      measured = true;
      saved.set(device, probe);
    },
  });
  return { state, measured, crossOriginIsolated: self.crossOriginIsolated };
}

const api = { choose };
export type BackendChoicePage = typeof api;
(window as unknown as { backendChoice: BackendChoicePage }).backendChoice = api;
