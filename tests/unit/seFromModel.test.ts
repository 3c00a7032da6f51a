import { test } from "node:test";
import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs-core";
import "@tensorflow/tfjs-backend-cpu";
import { blockInput } from "../../src/lib/seFromModel.js";
import { fashionModel, inputs } from "./inspect/model.js";

test("blockInput: the feature map entering a block, and no leak when the block does not exist", async () => {
  await tf.setBackend("cpu");
  const model = fashionModel();
  const [x] = inputs(1);
  try {
    const before = tf.memory().numTensors;
    const { u, shape } = await blockInput(model, x, "SE_2_1");
    assert.deepEqual(shape, [1, 28, 28, 8], "stage 2 keeps the 28×28 input at width 8");
    assert.equal(u.length, 28 * 28 * 8);
    await assert.rejects(blockInput(model, x, "SE_9_9"), /no SE block "SE_9_9"/);
    await assert.rejects(blockInput(model, x.subarray(1), "SE_2_1"), /image 0 has 783 values/);
    assert.equal(tf.memory().numTensors, before);
  } finally {
    model.dispose();
  }
});
