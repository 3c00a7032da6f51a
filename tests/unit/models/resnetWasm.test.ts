// The wasm backend (the inference CLI's default) runs the same model code: grouped convs through its depthwise
// kernel, the explicitly padded max pool, fused conv + bias + ReLU. Checked against the float64 reference.
import { test } from "node:test";
import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs-core";
import "@tensorflow/tfjs-backend-wasm";
import { describe } from "../../../src/lib/models/architecture.js";
import { preset, type ModelConfig } from "../../../src/lib/models/config.js";
import { randomWeights } from "../../../src/lib/models/randomWeights.js";
import { load } from "../../../src/lib/models/resnet.js";
import { arr, forward, maxRelDiff } from "./reference.js";

await tf.setBackend("wasm");

/** ResNeXt-style (32 groups of 2) with the Caffe ceil-mode pool on an odd input. */
const TINY_RESNEXT: ModelConfig = {
  ...preset("se_resnext50_32x4d"),
  name: "tiny_resnext",
  inputSize: 37,
  numClasses: 7,
  depths: [1, 1, 1, 1],
  widths: [16, 16, 32, 32],
  baseWidth: 8,
  stem: { kind: "7x7", width: 16, maxPool: true, ceilMode: true },
};

test("wasm: a grouped, ceil-pooled SE-ResNeXt miniature matches the float64 reference", () => {
  assert.equal(tf.getBackend(), "wasm");
  const weights = randomWeights(TINY_RESNEXT, 8);
  const model = load({ config: TINY_RESNEXT, weights });
  const x = tf.tidy(() =>
    tf.sub(tf.mul(tf.randomUniform([2, 37, 37, 3], 0, 1, "float32", 3), 4), 2),
  ) as tf.Tensor4D;
  const before = tf.memory().numTensors;
  const out = model.predict(x);
  const W = Object.fromEntries(Object.entries(weights).map(([k, t]) => [k, arr(t.dataSync(), t.shape)]));
  const ref = forward(describe(TINY_RESNEXT), W, arr(x.dataSync(), x.shape));
  assert.ok(maxRelDiff(out.logits.dataSync(), ref.logits.data) < 1e-4, "logits");
  for (const [name, tap] of Object.entries(out.taps))
    assert.ok(maxRelDiff(tap.s.dataSync(), ref.taps[name].s.data) < 1e-5, `${name} s`);
  tf.dispose(out);
  assert.equal(tf.memory().numTensors, before);
  tf.dispose([x, weights]);
  model.dispose();
});
