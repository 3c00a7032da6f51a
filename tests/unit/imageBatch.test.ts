import { test } from "node:test";
import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs-core";
import "@tensorflow/tfjs-backend-cpu";
import { imageBatch } from "../../src/lib/imageBatch.js";

const config = { name: "tiny", inputSize: 2, inputChannels: 1 };

test("images are packed in order into [N, H, W, C]", async () => {
  await tf.setBackend("cpu");
  const x = imageBatch([Float32Array.of(1, 2, 3, 4), Float32Array.of(5, 6, 7, 8)], config);
  assert.deepEqual(x.shape, [2, 2, 2, 1]);
  assert.deepEqual(Array.from(await x.data()), [1, 2, 3, 4, 5, 6, 7, 8]);
  x.dispose();
});

test("an image of the wrong length is refused with its index in the caller's set, and nothing leaks", async () => {
  await tf.setBackend("cpu");
  const good = new Float32Array(4);
  const before = tf.memory().numTensors;
  assert.throws(
    () => imageBatch([good, new Float32Array(3)], config, 50),
    /^Error: image 51 has 3 values; tiny takes 2×2×1 = 4$/,
  );
  assert.throws(() => imageBatch([new Float32Array(5), good], config), /image 0 has 5 values/);
  assert.throws(() => imageBatch([], config), /at least one image/);
  assert.equal(tf.memory().numTensors, before);
});
