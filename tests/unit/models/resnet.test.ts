import { test } from "node:test";
import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs-core";
import "@tensorflow/tfjs-backend-cpu";
import { describe } from "../../../src/lib/models/architecture.js";
import { parseConfig, type ModelConfig } from "../../../src/lib/models/config.js";
import { randomWeights } from "../../../src/lib/models/randomWeights.js";
import { load } from "../../../src/lib/models/resnet.js";
import { expectedWeights } from "../../../src/lib/models/weightSpec.js";
import { FASHION_JSON } from "./fashionConfig.js";
import { arr, forward, maxRelDiff, type JsWeights } from "./reference.js";

await tf.setBackend("cpu");

/** Caffe placement: stride on the first 1×1, ceil-mode pool on an odd input (35 -> 18 -> 9). */
const TINY_CAFFE: ModelConfig = {
  name: "tiny_caffe",
  inputChannels: 3,
  inputSize: 35,
  numClasses: 5,
  stem: { kind: "7x7", width: 8, maxPool: true, ceilMode: true },
  block: "bottleneck",
  depths: [1, 2, 1, 1],
  widths: [4, 8, 8, 16],
  groups: 1,
  strideOn: "1x1",
  se: { r: 4, stages: [true, true, true, true] },
  bnEps: 1e-5,
};

/** SENet-154 in miniature: deep stem, halved first 1×1, grouped 3×3 with g_out = 2 g_in, 3×3 projections. */
const TINY_SENET: ModelConfig = {
  name: "tiny_senet",
  inputChannels: 3,
  inputSize: 33,
  numClasses: 4,
  stem: { kind: "deep", widths: [4, 4, 8], maxPool: true, ceilMode: false },
  block: "bottleneck",
  depths: [1, 1, 1, 1],
  widths: [8, 8, 16, 16],
  groups: 4,
  baseWidth: 16,
  reduceFirst: 2,
  downsampleKernel: 3,
  strideOn: "3x3",
  se: { r: 8, stages: [true, false, true, true] },
  bnEps: 1e-5,
};

function input(n: number, size: number, channels: number, seed: number): tf.Tensor4D {
  let a = seed;
  const values = Array.from({ length: n * size * size * channels }, () => {
    a = (a * 1103515245 + 12345) % 2147483648;
    return (a / 2147483648) * 4 - 2;
  });
  return tf.tensor4d(values, [n, size, size, channels]);
}

function jsWeights(w: tf.NamedTensorMap): JsWeights {
  return Object.fromEntries(Object.entries(w).map(([k, t]) => [k, arr(t.dataSync(), t.shape)]));
}

for (const config of [parseConfig(JSON.parse(FASHION_JSON)), TINY_CAFFE, TINY_SENET]) {
  test(`${config.name}: logits and every tap equal the unfolded float64 reference`, () => {
    const weights = randomWeights(config, 3);
    const model = load({ config, weights });
    const x = input(2, config.inputSize, config.inputChannels, 11);
    const out = model.predict(x);
    const ref = forward(describe(config), jsWeights(weights), arr(x.dataSync(), x.shape));
    assert.deepEqual(out.logits.shape, [2, config.numClasses]);
    assert.ok(maxRelDiff(out.logits.dataSync(), ref.logits.data) < 1e-4, "logits");
    assert.deepEqual(Object.keys(out.taps), Object.keys(ref.taps));
    for (const [name, tap] of Object.entries(out.taps)) {
      assert.deepEqual(tap.s.shape, ref.taps[name].s.shape, name);
      assert.ok(maxRelDiff(tap.z.dataSync(), ref.taps[name].z.data) < 1e-4, `${name} z`);
      assert.ok(maxRelDiff(tap.s.dataSync(), ref.taps[name].s.data) < 1e-5, `${name} s`);
    }
    tf.dispose([out, x, weights]);
    model.dispose();
  });
}

test("the Fashion config from BRIEF.md builds and runs: taps named SE_2_1 … SE_4_2 with [N, C] shapes", () => {
  const config = JSON.parse(FASHION_JSON);
  const weights = randomWeights(config, 1);
  const model = load({ config, weights });
  tf.dispose(weights); // the model keeps its own copies
  const x = input(3, 28, 1, 5);
  const out = model.predict(x);
  assert.deepEqual(model.seBlocks, ["SE_2_1", "SE_2_2", "SE_3_1", "SE_3_2", "SE_4_1", "SE_4_2"]);
  assert.deepEqual(
    Object.entries(out.taps).map(([k, t]) => [k, t.z.shape, t.s.shape]),
    [
      ["SE_2_1", [3, 8], [3, 8]],
      ["SE_2_2", [3, 8], [3, 8]],
      ["SE_3_1", [3, 16], [3, 16]],
      ["SE_3_2", [3, 16], [3, 16]],
      ["SE_4_1", [3, 32], [3, 32]],
      ["SE_4_2", [3, 32], [3, 32]],
    ],
  );
  const s = out.taps.SE_4_2.s.dataSync();
  assert.ok(
    s.every((v) => v > 0 && v < 1),
    "excitations are sigmoid outputs",
  );
  tf.dispose([out, x]);
  model.dispose();
});

test("featureMaps returns the pre- and post-scale maps of the chosen block only", () => {
  const weights = randomWeights(TINY_CAFFE, 2);
  const model = load({ config: TINY_CAFFE, weights });
  const x = input(2, 35, 3, 9);
  const out = model.predict(x, { featureMaps: "SE_3_2" });
  const tap = out.taps.SE_3_2;
  assert.ok(tap.pre && tap.post);
  assert.deepEqual(tap.pre.shape, [2, 5, 5, 32]);
  const expected = tf.mul(tap.pre, tf.reshape(tap.s, [2, 1, 1, 32]));
  assert.ok(maxRelDiff(tap.post.dataSync(), expected.dataSync()) < 1e-6);
  assert.equal(out.taps.SE_3_1.pre, undefined);
  assert.throws(
    () => model.predict(x, { featureMaps: "SE_6_1" }),
    /no SE block "SE_6_1" in "tiny_caffe" \(blocks: SE_2_1 … SE_5_1\)/,
  );
  tf.dispose([out, x, weights, expected]);
  model.dispose();
});

test("taps: false returns the same logits and no taps, on every SE path", () => {
  const weights = randomWeights(TINY_CAFFE, 4);
  const model = load({ config: TINY_CAFFE, weights });
  const x = input(1, 35, 3, 5);
  for (const sePath of ["fold", "lean", "ops"] as const) {
    const full = model.predict(x, { sePath });
    const before = tf.memory().numTensors;
    const bare = model.predict(x, { sePath, taps: false });
    assert.deepEqual(Object.keys(bare.taps), [], sePath);
    assert.equal(tf.memory().numTensors, before + 1, `${sePath}: the logits are the only tensor left`);
    assert.ok(maxRelDiff(bare.logits.dataSync(), full.logits.dataSync()) < 1e-6, sePath);
    tf.dispose([full, bare]);
  }
  const ones = model.predict(x, { taps: false, intervene: (_, s) => tf.onesLike(s) });
  const onesWithTaps = model.predict(x, { intervene: (_, s) => tf.onesLike(s) });
  assert.ok(
    maxRelDiff(ones.logits.dataSync(), onesWithTaps.logits.dataSync()) < 1e-6,
    "intervene still applies",
  );
  assert.throws(
    () => model.predict(x, { taps: false, featureMaps: "SE_3_2" }),
    /featureMaps come back among the taps: drop taps: false/,
  );
  tf.dispose([ones, onesWithTaps, x, weights]);
  model.dispose();
});

test("intervene overrides the excitation in forward order and changes the result", () => {
  const weights = randomWeights(TINY_CAFFE, 4);
  const model = load({ config: TINY_CAFFE, weights });
  const x = input(1, 35, 3, 2);
  const base = model.predict(x);
  const seen: string[] = [];
  const ones = model.predict(x, {
    featureMaps: "SE_4_1",
    intervene: (name, s) => {
      seen.push(name);
      return tf.onesLike(s);
    },
  });
  assert.deepEqual(seen, model.seBlocks);
  const tap = ones.taps.SE_4_1;
  assert.ok(tap.pre && tap.post);
  assert.deepEqual(
    Array.from(tap.post.dataSync()),
    Array.from(tap.pre.dataSync()),
    "s = 1 leaves the branch unscaled",
  );
  assert.ok(maxRelDiff(ones.logits.dataSync(), base.logits.dataSync()) > 1e-3);
  // Overriding with the computed s itself is the identity.
  const same = model.predict(x, { intervene: (_, s) => s });
  assert.ok(maxRelDiff(same.logits.dataSync(), base.logits.dataSync()) === 0);
  assert.throws(
    () => model.predict(x, { intervene: (_, s) => tf.slice(s, [0, 0], [1, 2]) as tf.Tensor2D }),
    /intervene\("SE_2_1"\) must return a \[1, 16\] tensor, got \[1, 2\]/,
  );
  tf.dispose([base, ones, same, x, weights]);
  model.dispose();
});

test("repeated forward passes leak no tensors; dispose releases the model's own", () => {
  const before = tf.memory().numTensors;
  const weights = randomWeights(TINY_SENET, 5);
  const model = load({ config: TINY_SENET, weights });
  const x = input(2, 33, 3, 1);
  const loaded = tf.memory().numTensors;
  for (let i = 0; i < 3; i++) {
    const out = model.predict(x, {
      featureMaps: ["SE_2_1", "SE_5_1"],
      intervene: (_, s) => tf.clipByValue(s, 0.2, 0.8),
    });
    out.logits.dataSync();
    tf.dispose(out);
    assert.equal(tf.memory().numTensors, loaded, `after run ${i + 1}`);
  }
  tf.dispose([x, weights]);
  model.dispose();
  assert.equal(tf.memory().numTensors, before);
  assert.throws(() => model.predict(input(1, 33, 3, 1)), /has been disposed/);
});

test("a load that fails partway frees what it prepared", () => {
  const weights = randomWeights(TINY_SENET, 5);
  weights["fc.weight"].dispose(); // passes validation (shape, dtype) and fails last, after every conv is folded
  const before = tf.memory().numTensors;
  assert.throws(() => load({ config: TINY_SENET, weights }));
  assert.equal(tf.memory().numTensors, before);
  tf.dispose(weights);
});

test("weight validation names the key, the expected and the actual shape, and unexpected keys", () => {
  const config = JSON.parse(FASHION_JSON);
  const good = randomWeights(config, 1);
  const withBad = (patch: tf.NamedTensorMap, drop: string[] = []) => {
    const w = { ...good, ...patch };
    for (const k of drop) delete w[k];
    return () => load({ config, weights: w });
  };
  const t = tf.zeros([8, 3]);
  const extra = tf.zeros([1]);
  const ints = tf.zeros([8], "int32");
  assert.throws(
    withBad({}, ["layer2.1.se.fc2.bias"]),
    /missing "layer2\.1\.se\.fc2\.bias" \(expected shape \[16\]\)/,
  );
  assert.throws(
    withBad({ "layer1.0.se.fc1.weight": t }),
    /"layer1\.0\.se\.fc1\.weight": expected shape \[8, 2\], got \[8, 3\]/,
  );
  assert.throws(
    withBad({ "layer1.0.bn1.num_batches_tracked": extra }),
    /unexpected "layer1\.0\.bn1\.num_batches_tracked" \(shape \[1\]\)/,
  );
  assert.throws(withBad({ "bn1.weight": ints }), /"bn1\.weight": expected dtype float32, got int32/);
  assert.throws(withBad({}, ["fc.weight", "fc.bias"]), /se_resnet_f8_r4.*2 problems/s);
  assert.equal(expectedWeights(describe(config)).length, Object.keys(good).length);
  tf.dispose([t, extra, ints, good]);
});

test("predict refuses input of the wrong layout", () => {
  const config = JSON.parse(FASHION_JSON);
  const weights = randomWeights(config, 1);
  const model = load({ config, weights });
  const nchw = tf.zeros([1, 1, 28, 28]) as tf.Tensor4D;
  const rgb = tf.zeros([1, 28, 28, 3]) as tf.Tensor4D;
  assert.throws(
    () => model.predict(rgb),
    /expects a \[N, H, W, 1\] tensor \(NHWC, normalised\), got \[1, 28, 28, 3\]/,
  );
  assert.throws(() => model.predict(nchw), /got \[1, 1, 28, 28\]/);
  tf.dispose([nchw, rgb, weights]);
  model.dispose();
});
