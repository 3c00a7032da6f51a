import { test } from "node:test";
import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs-core";
import { backendOrder, BACKEND_ORDER, initBackend, isBackendName } from "../../src/lib/backend.js";
import { checkAllBackends } from "../../src/lib/backendCheck.js";

test("backendOrder puts the reader's choice first and keeps the rest in order", () => {
  assert.deepEqual(backendOrder(null), ["webgpu", "webgl", "wasm", "cpu"]);
  assert.deepEqual(backendOrder("wasm"), ["wasm", "webgpu", "webgl", "cpu"]);
  assert.equal(isBackendName("webgl"), true);
  assert.equal(isBackendName("tpu"), false);
  assert.equal(isBackendName(null), false);
});

test("initBackend falls through backends that cannot start here and records why", async () => {
  const state = await initBackend(BACKEND_ORDER);
  // Node has neither WebGPU nor WebGL, so the first two fail and WebAssembly wins.
  assert.deepEqual(
    state.attempts.map((a) => a.name),
    ["webgpu", "webgl"],
  );
  assert.equal(state.name, "wasm");
  assert.equal(tf.getBackend(), "wasm");
  assert.ok(state.attempts.every((a) => a.error && a.error.length > 0));
});

test("the self-test passes on wasm and cpu and restores the active backend", async () => {
  await tf.setBackend("wasm");
  const checks = await checkAllBackends(["wasm", "cpu"]);
  for (const check of checks) {
    assert.equal(check.ok, true, `${check.backend}: ${check.error}`);
    assert.ok(check.convMaxAbsDiff <= 1e-5);
  }
  assert.equal(tf.getBackend(), "wasm");
});

test("the self-test reports a backend that cannot start instead of throwing", async () => {
  const [check] = await checkAllBackends(["webgpu"]);
  assert.equal(check.ok, false);
  assert.match(check.error ?? "", /webgpu/i);
});
