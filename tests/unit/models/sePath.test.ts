// The network's SE paths agree: "fold" (what "auto" runs on cpu and wasm) and the transpose-free "lean" chain
// against the stock tfjs "ops" chain, on both CPU backends, with taps, feature maps and interventions. The "wgsl"
// path is checked in Chromium (tests/browser/network.test.ts).
import { test } from "node:test";
import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs-core";
import "@tensorflow/tfjs-backend-cpu";
import "@tensorflow/tfjs-backend-wasm";
import { parseConfig } from "../../../src/lib/models/config.js";
import { randomWeights } from "../../../src/lib/models/randomWeights.js";
import { load, type Prediction } from "../../../src/lib/models/resnet.js";
import {
  foldPays,
  globalAveragePool,
  resolveSEPath,
  rowsThenColumnsMean,
  type SEPath,
} from "../../../src/lib/models/sePath.js";
import { FASHION_JSON } from "./fashionConfig.js";
import { TINY_BOTTLENECK } from "../../helpers/configs.js";

function maxAbsDiff(a: tf.Tensor, b: tf.Tensor): number {
  const x = a.dataSync();
  const y = b.dataSync();
  assert.equal(x.length, y.length);
  let m = 0;
  for (let i = 0; i < x.length; i++) m = Math.max(m, Math.abs(x[i] - y[i]));
  return m;
}

function assertClose(fast: Prediction, ops: Prediction, label: string): void {
  assert.ok(maxAbsDiff(fast.logits, ops.logits) <= 1e-4, `${label}: logits`);
  assert.deepEqual(Object.keys(fast.taps), Object.keys(ops.taps), label);
  for (const [name, tap] of Object.entries(fast.taps)) {
    const ref = ops.taps[name];
    assert.deepEqual(tap.s.shape, ref.s.shape, `${label} ${name}`);
    assert.ok(maxAbsDiff(tap.z, ref.z) <= 1e-5, `${label} ${name} z`);
    assert.ok(maxAbsDiff(tap.s, ref.s) <= 1e-5, `${label} ${name} s`);
    assert.equal(tap.pre === undefined, ref.pre === undefined, `${label} ${name} pre`);
    if (tap.pre && ref.pre) assert.ok(maxAbsDiff(tap.pre, ref.pre) <= 1e-5, `${label} ${name} pre`);
    if (tap.post && ref.post) assert.ok(maxAbsDiff(tap.post, ref.post) <= 1e-5, `${label} ${name} post`);
  }
}

for (const backend of ["cpu", "wasm"] as const) {
  for (const config of [parseConfig(JSON.parse(FASHION_JSON)), TINY_BOTTLENECK]) {
    for (const path of ["auto", "lean"] satisfies SEPath[]) {
      for (const batch of [1, 2]) {
        test(`${backend}, ${config.name}, ${batch} image(s): "${path}" matches the stock "ops" chain`, async () => {
          await tf.setBackend(backend);
          if (path === "auto") assert.equal(resolveSEPath("auto", backend), "fold");
          const weights = randomWeights(config, 5);
          const fast = load({ config, weights, sePath: path });
          const ops = load({ config, weights, sePath: "ops" });
          tf.dispose(weights);
          assert.equal(fast.sePath, path);
          const x = tf.randomUniform(
            [batch, config.inputSize, config.inputSize, config.inputChannels],
            -2,
            2,
            "float32",
            7,
          );
          const [first, second] = fast.seBlocks;
          // halve one block's excitation and ask for the other's feature maps: the override must reach the scale
          // step on every path, folded (first) or not (second, which must form U)
          const options = {
            featureMaps: second,
            intervene: (name: string, s: tf.Tensor2D) => (name === first ? tf.mul(s, 0.5) : s) as tf.Tensor2D,
          };
          const before = tf.memory().numTensors;
          for (const opts of [{}, options]) {
            const a = fast.predict(x as tf.Tensor4D, opts);
            const b = ops.predict(x as tf.Tensor4D, opts);
            assertClose(a, b, `${JSON.stringify(Object.keys(opts))}`);
            tf.dispose([a, b]);
          }
          assert.equal(tf.memory().numTensors, before, "no leaks");
          tf.dispose(x);
          fast.dispose();
          ops.dispose();
        });
      }
    }
  }

  test(`${backend}: the transpose-free global average pool equals tf.mean over H and W`, async () => {
    await tf.setBackend(backend);
    const u = tf.randomNormal([3, 7, 5, 12], 0, 1, "float32", 3) as tf.Tensor4D;
    const a = globalAveragePool(u);
    const b = tf.mean(u, [1, 2]);
    assert.deepEqual(a.shape, [3, 12]);
    assert.ok(maxAbsDiff(a, b) <= 1e-6);
    const twoStage = rowsThenColumnsMean(u); // WebGL's form for large maps
    assert.deepEqual(twoStage.shape, [3, 12]);
    assert.ok(maxAbsDiff(twoStage, b) <= 1e-6);
    tf.dispose([u, a, b, twoStage]);
  });
}

test("sePath: a clear error for an unknown path and for wgsl off webgpu", async () => {
  await tf.setBackend("cpu");
  const config = parseConfig(JSON.parse(FASHION_JSON));
  const weights = randomWeights(config, 1);
  assert.throws(
    () => load({ config, weights, sePath: "fast" as never }),
    /sePath must be "auto", "wgsl", "fold", "lean", "ops", got "fast"/,
  );
  const model = load({ config, weights, sePath: "wgsl" });
  const x = tf.zeros([1, 28, 28, 1]) as tf.Tensor4D;
  assert.throws(
    () => model.predict(x),
    /sePath "wgsl" runs the fused WGSL kernels and needs the webgpu backend, but "cpu" is active/,
  );
  assert.throws(() => model.predict(x, { sePath: "fused" as never }), /sePath must be .*got "fused"/);
  const perCall = model.predict(x, { sePath: "ops" }); // the per-call override wins over the model's "wgsl"
  assert.deepEqual(perCall.logits.shape, [1, 10]);
  tf.dispose([perCall, x, weights]);
  model.dispose();
});

test("a model runs on the backend it was loaded on, whatever backend is active when it predicts", async () => {
  await tf.setBackend("cpu");
  const config = parseConfig(JSON.parse(FASHION_JSON));
  const weights = randomWeights(config, 2);
  const model = load({ config, weights });
  tf.dispose(weights);
  const x = tf.randomUniform([1, 28, 28, 1], 0, 1, "float32", 5) as tf.Tensor4D;
  const onCpu = model.predict(x);
  const expected = onCpu.logits.dataSync();
  tf.dispose(onCpu);
  await tf.setBackend("wasm");
  const wasmData = tf.findBackend("wasm").numDataIds();
  const p = model.predict(x);
  assert.equal(tf.getBackend(), "wasm", "the active backend is restored");
  assert.equal(tf.findBackend("wasm").numDataIds(), wasmData, "nothing was computed on or moved to wasm");
  assert.deepEqual(p.logits.dataSync(), expected);
  tf.dispose([p, x]);
  model.dispose();
});

test("fold: one image whose map has at least 8 (wasm) or 4 (elsewhere) positions per input channel of conv3", () => {
  const x = (shape: [number, number, number, number]) => ({ shape }) as tf.Tensor4D;
  for (const backend of ["cpu", "webgl", "wasm"]) {
    const fold = (shape: [number, number, number, number]) => foldPays(x(shape), backend);
    assert.equal(fold([1, 56, 56, 64]), true, backend); // SE-ResNet-50 stage 2: 3136 positions, 64 channels
    assert.equal(fold([1, 28, 28, 128]), backend !== "wasm", backend); // stage 3: 784 ≥ 512, < 1024
    assert.equal(fold([1, 14, 14, 256]), false, backend); // stage 4: 196 < 1024
    assert.equal(fold([1, 7, 7, 512]), false, backend); // stage 5
    assert.equal(fold([2, 56, 56, 64]), false, backend); // a batch: per-image weights would make a batched matMul
  }
});

test("fold: folded blocks never scale U; the others still do", async () => {
  await tf.setBackend("cpu");
  const weights = randomWeights(TINY_BOTTLENECK, 3);
  const x = tf.randomUniform([1, 32, 32, 3], -2, 2, "float32", 4) as tf.Tensor4D;
  // Multiplies whose output has U's shape in stage 2 (8×8×16, folded) and stage 3 (4×4×32, H·W < 4·C_in: not folded)
  const scales = async (sePath: SEPath) => {
    const model = load({ config: TINY_BOTTLENECK, weights, sePath });
    const info = await tf.profile(() => tf.dispose(model.predict(x)));
    model.dispose();
    const count = (shape: number[]) =>
      info.kernels.filter(
        (k) => k.name === "Multiply" && JSON.stringify(k.outputShapes[0]) === JSON.stringify(shape),
      ).length;
    return { stage2: count([1, 8, 8, 16]), stage3: count([1, 4, 4, 32]) };
  };
  assert.deepEqual(await scales("lean"), { stage2: 2, stage3: 1 });
  assert.deepEqual(await scales("fold"), { stage2: 0, stage3: 1 });
  tf.dispose([weights, x]);
});
