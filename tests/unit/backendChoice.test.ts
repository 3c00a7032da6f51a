// The automatic backend choice: software WebGPU adapters are recognised, and where the first backend is not a GPU
// on a software adapter (as in Node, where wasm starts first) nothing is measured.
import { test } from "node:test";
import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs-core";
import { BACKEND_ORDER, fastestForNetworks } from "../../src/lib/backend.js";
import { isSoftwareAdapter } from "../../src/lib/softwareAdapter.js";

test("isSoftwareAdapter: the fallback flag or a software rasteriser's name", () => {
  assert.equal(isSoftwareAdapter({ vendor: "google", architecture: "swiftshader" }), true);
  assert.equal(isSoftwareAdapter({ vendor: "mesa", description: "llvmpipe (LLVM 15.0.6, 256 bits)" }), true);
  assert.equal(
    isSoftwareAdapter({ vendor: "microsoft", description: "Microsoft Basic Render Driver" }),
    true,
  );
  assert.equal(
    isSoftwareAdapter({ vendor: "nvidia", architecture: "ampere", isFallbackAdapter: true }),
    true,
  );
  assert.equal(isSoftwareAdapter({ vendor: "intel", architecture: "gen-12lp" }, true), true);
  assert.equal(
    isSoftwareAdapter({ vendor: "nvidia", architecture: "ampere", isFallbackAdapter: false }),
    false,
  );
  assert.equal(isSoftwareAdapter({ vendor: "apple", architecture: "metal-3" }), false);
});

test("fastestForNetworks keeps a CPU backend without probing and says why", async () => {
  let asked = 0;
  const state = await fastestForNetworks(BACKEND_ORDER, {
    remembered: () => {
      asked++;
      return null;
    },
  });
  assert.equal(state.name, "wasm");
  assert.equal(tf.getBackend(), "wasm");
  assert.equal(state.probeMs, undefined);
  assert.equal(asked, 0, "no probe for a backend that is not a software GPU");
  assert.equal(state.reason, "the first backend that started");
  assert.equal(state.webgpu, undefined);
});
