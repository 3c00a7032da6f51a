// The one queue for work that switches tfjs's global backend: overlapping calls run one after another, each on its
// own backend, and the site's backend is back afterwards, also after a failure.
import { before, test } from "node:test";
import assert from "node:assert/strict";
import { setTimeout as sleep } from "node:timers/promises";
import * as tf from "@tensorflow/tfjs-core";
import "@tensorflow/tfjs-backend-cpu";
import "@tensorflow/tfjs-backend-wasm";
import { onBackend, queued } from "../../src/lib/backendQueue.js";

before(async () => {
  assert.ok(await tf.setBackend("wasm")); // the site's backend; the runs below switch to cpu
});

test("overlapping runs take turns, each on its backend, and the site's backend is restored", async () => {
  const events: string[] = [];
  const run = (label: string) =>
    onBackend("cpu", async () => {
      events.push(`${label} starts on ${tf.getBackend()}`);
      await sleep(20); // a read-back: without the queue the next run would start here
      events.push(`${label} ends on ${tf.getBackend()}`);
      return label;
    });
  // A model run meanwhile (the chapter's blockInput) must see the site's backend, not a run's temporary one.
  const between = queued(async () => tf.getBackend());
  const results = await Promise.all([run("first"), between, run("second")]);
  assert.deepEqual(results, ["first", "wasm", "second"]);
  assert.deepEqual(events, [
    "first starts on cpu",
    "first ends on cpu",
    "second starts on cpu",
    "second ends on cpu",
  ]);
  assert.equal(tf.getBackend(), "wasm");
});

test("a failing run rejects only its caller, restores the backend and lets the next one run", async () => {
  const failing = onBackend("cpu", async () => {
    await sleep(5);
    throw new Error("the kernels failed");
  });
  const next = onBackend("cpu", async () => tf.getBackend());
  await assert.rejects(failing, /the kernels failed/);
  assert.equal(await next, "cpu");
  assert.equal(tf.getBackend(), "wasm");
});

test("a backend that cannot start is reported and the site's backend stays", async () => {
  let ran = false;
  // Node has no WebGPU: tfjs never registers the backend.
  await assert.rejects(
    onBackend("webgpu", async () => {
      ran = true;
    }),
    /webgpu/,
  );
  assert.equal(ran, false);
  assert.equal(tf.getBackend(), "wasm");
});
