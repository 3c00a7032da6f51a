import { test } from "node:test";
import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs-core";
import "@tensorflow/tfjs-backend-cpu";
import { excite, scale, squeeze } from "../../../src/lib/models/seBlock.js";

await tf.setBackend("cpu");

test("SE on a hand-checkable 2×2×2 map follows z = mean, s = σ(W2 relu(W1 z + b1) + b2), x̃ = s · u", () => {
  // Channel 0 holds 1, 2, 3, 4 (mean 2.5); channel 1 holds 0, 0, 0, 4 (mean 1).
  const u = tf.tensor4d([1, 0, 2, 0, 3, 0, 4, 4], [1, 2, 2, 2]);
  const z = squeeze(u);
  assert.deepEqual(Array.from(z.dataSync()), [2.5, 1]);
  // W1 = [1, −1] (C = 2 -> C/r = 1): relu(2.5 − 1 + 0) = 1.5; W2 = [2, −2], b2 = [0, 1]: pre-activations [3, −2].
  const w = {
    fc1Weight: tf.tensor2d([[1], [-1]]),
    fc1Bias: tf.tensor1d([0]),
    fc2Weight: tf.tensor2d([[2, -2]]),
    fc2Bias: tf.tensor1d([0, 1]),
  };
  const s = excite(z, w);
  const expected = [1 / (1 + Math.exp(-3)), 1 / (1 + Math.exp(2))]; // 0.9526, 0.1192
  s.dataSync().forEach((v, i) => assert.ok(Math.abs(v - expected[i]) < 1e-6, `s[${i}] = ${v}`));
  const x = scale(u, s).dataSync();
  [1, 0, 2, 0, 3, 0, 4, 4].forEach((v, i) =>
    assert.ok(Math.abs(x[i] - v * expected[i % 2]) < 1e-6, `x̃[${i}] = ${x[i]}`),
  );
  // A zero excitation bottleneck unit (relu cuts it) leaves s = σ(b2).
  const s0 = tf.tidy(() => excite(tf.tensor2d([[0, 5]]), w).dataSync());
  assert.ok(Math.abs(s0[0] - 0.5) < 1e-6 && Math.abs(s0[1] - 1 / (1 + Math.exp(-1))) < 1e-6);
  tf.dispose([u, z, s, w.fc1Weight, w.fc1Bias, w.fc2Weight, w.fc2Bias]);
});
