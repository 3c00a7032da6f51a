import { test } from "node:test";
import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs-core";
import "@tensorflow/tfjs-backend-cpu";
import { outputLength } from "../../../src/lib/models/architecture.js";
import { maxPool2d } from "../../../src/lib/models/maxPool.js";
import { mulberry32 } from "../../../src/lib/random.js";
import { arr, maxPool, maxRelDiff } from "./reference.js";

await tf.setBackend("cpu");

test("PyTorch output sizes: ceil mode adds a window only where it starts inside the input", () => {
  assert.equal(outputLength(112, 3, 2, 0, true), 56); // Caffe pool after the 7×7 stem
  assert.equal(outputLength(112, 3, 2, 1, false), 56); // torchvision pool, same size
  assert.equal(outputLength(17, 3, 2, 0, true), 8);
  assert.equal(outputLength(17, 3, 2, 0, false), 8);
  assert.equal(outputLength(18, 3, 2, 0, true), 9);
  assert.equal(outputLength(18, 3, 2, 0, false), 8);
  assert.equal(outputLength(5, 2, 2, 1, true), 3); // the last window would start in the padding: dropped
});

for (const [h, w, pad, ceilMode] of [
  [112, 112, 0, true],
  [18, 17, 0, true],
  [14, 15, 1, false],
  [9, 9, 1, true],
  [7, 8, 0, false],
] as const) {
  test(`max pool 3×3/2 pad ${pad} ${ceilMode ? "ceil" : "floor"} on ${h}×${w} equals the naive pool`, () => {
    const rand = mulberry32(h * 31 + w);
    const n = 2 * h * w * 3;
    // Negative values make sure the padding never wins.
    const x = tf.tensor4d(
      Float32Array.from({ length: n }, () => -1 - rand()),
      [2, h, w, 3],
    );
    const y = maxPool2d(x, { kernel: 3, stride: 2, pad, ceilMode });
    const ref = maxPool(arr(x.dataSync(), x.shape), 3, 2, pad, ceilMode);
    assert.deepEqual(y.shape, ref.shape);
    assert.equal(maxRelDiff(y.dataSync(), ref.data), 0);
    tf.dispose([x, y]);
  });
}
