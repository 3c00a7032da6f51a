import { test } from "node:test";
import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs-core";
import "@tensorflow/tfjs-backend-cpu";
import { foldBatchNorm } from "../../../src/lib/models/foldBatchNorm.js";
import { mulberry32 } from "../../../src/lib/random.js";

await tf.setBackend("cpu");

test("conv with folded BatchNorm equals conv followed by unfolded BatchNorm", () => {
  const rand = mulberry32(7);
  const vec = (n: number, lo: number, hi: number) =>
    tf.tensor1d(Array.from({ length: n }, () => lo + (hi - lo) * rand()));
  const x = tf.tensor4d(
    Array.from({ length: 2 * 6 * 5 * 4 }, () => rand() * 2 - 1),
    [2, 6, 5, 4],
  );
  const filter = tf.tensor4d(
    Array.from({ length: 3 * 3 * 4 * 5 }, () => rand() - 0.5),
    [3, 3, 4, 5],
  );
  const bn = {
    weight: vec(5, 0.5, 2),
    bias: vec(5, -1, 1),
    runningMean: vec(5, -0.5, 0.5),
    runningVar: vec(5, 0.1, 3),
  };
  const eps = 1e-3;
  const folded = foldBatchNorm(filter, bn, eps);
  const fast = tf.add(tf.conv2d(x, folded.filter, 2, 1), folded.bias);
  // BN(y) = (y − μ) / √(σ² + ε) · γ + β, written out.
  const y = tf.conv2d(x, filter, 2, 1);
  const slow = tf.add(
    tf.mul(tf.div(tf.sub(y, bn.runningMean), tf.sqrt(tf.add(bn.runningVar, eps))), bn.weight),
    bn.bias,
  );
  const a = fast.dataSync();
  const b = slow.dataSync();
  for (let i = 0; i < a.length; i++)
    assert.ok(Math.abs(a[i] - b[i]) < 1e-5, `element ${i}: ${a[i]} vs ${b[i]}`);
  tf.dispose([
    x,
    filter,
    bn.weight,
    bn.bias,
    bn.runningMean,
    bn.runningVar,
    folded.filter,
    folded.bias,
    fast,
    y,
    slow,
  ]);
});
