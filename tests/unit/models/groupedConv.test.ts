import { test } from "node:test";
import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs-core";
import "@tensorflow/tfjs-backend-cpu";
import { groupedConv2d, toDepthwiseFilter } from "../../../src/lib/models/groupedConv.js";
import { mulberry32 } from "../../../src/lib/random.js";
import { arr, conv2d, maxRelDiff } from "./reference.js";

await tf.setBackend("cpu");

function random(shape: number[], seed: number): tf.Tensor4D {
  const rand = mulberry32(seed);
  const n = shape.reduce((a, b) => a * b, 1);
  return tf.tensor4d(
    Float32Array.from({ length: n }, () => rand() * 2 - 1),
    shape as [number, number, number, number],
  );
}

const cases = [
  // [H, W, C_in, C_out, groups, kernel, stride]
  [7, 6, 8, 8, 4, 3, 1], // ResNeXt-like: 2 in, 2 out per group
  [9, 9, 8, 16, 4, 3, 2], // SENet-154-like: g_out = 2 g_in, strided, odd size
  [5, 5, 6, 6, 6, 3, 1], // depthwise: one channel per group
  [6, 5, 12, 6, 3, 1, 1], // 1×1, g_out < g_in
  [8, 8, 64, 64, 32, 3, 2], // 32 groups as in ResNeXt 32×4d (2 channels per group here)
] as const;

for (const [h, w, cin, cout, groups, k, stride] of cases) {
  test(`grouped conv ${cin}->${cout}, ${groups} groups, ${k}×${k}/${stride} on ${h}×${w} equals direct summation`, () => {
    const x = random([2, h, w, cin], 1);
    const filter = random([k, k, cin / groups, cout], 2);
    const pad = (k - 1) / 2;
    const dw = toDepthwiseFilter(filter, groups);
    const y = groupedConv2d(x, dw, groups, stride, pad);
    const ref = conv2d(arr(x.dataSync(), x.shape), arr(filter.dataSync(), filter.shape), stride, pad, groups);
    assert.deepEqual(y.shape, ref.shape);
    assert.ok(maxRelDiff(y.dataSync(), ref.data) < 1e-5);
    tf.dispose([x, filter, dw, y]);
  });
}

test("grouped conv refuses a filter that does not match the input channels", () => {
  const x = tf.zeros([1, 4, 4, 8]) as tf.Tensor4D;
  const dw = tf.zeros([3, 3, 4, 2]) as tf.Tensor4D;
  assert.throws(() => groupedConv2d(x, dw, 2, 1, 1), /input has 8 channels, filter expects 4/);
  assert.throws(
    () => toDepthwiseFilter(tf.zeros([3, 3, 2, 6]) as tf.Tensor4D, 4),
    /6 output channels are not divisible by 4 groups/,
  );
  tf.dispose([x, dw]);
});
