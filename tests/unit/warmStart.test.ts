// compileAhead on a GPU backend whose forward pass fails: the stand-in model's zero weights must not leak. Node has
// no GPU, so a CPU backend registered under the name "webgl" with no kernels plays one whose first op throws.
import { test } from "node:test";
import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs-core";
import { MathBackendCPU } from "@tensorflow/tfjs-backend-cpu";
import { compileAhead } from "../../src/lib/warmStart.js";
import { TINY_FASHION } from "../helpers/configs.js";

test("a failing stand-in load leaves tf.memory().numTensors unchanged", async () => {
  tf.registerBackend("webgl", () => new MathBackendCPU());
  await tf.setBackend("webgl");
  const before = tf.memory().numTensors;
  await assert.rejects(compileAhead(TINY_FASHION), /not registered for backend 'webgl'/);
  assert.equal(tf.memory().numTensors, before);
});
