// The shipped Fashion-MNIST models against PyTorch and against their recorded accuracy:
// - every recorded run: the TS builder on its safetensors reproduces the PyTorch logits (≤ 1e-4) and SE taps
//   (≤ 1e-5) stored at export time in golden.json;
// - the site's default model (data/models/fashion-default): re-evaluated on the full 10,000-image test set with
//   the wasm backend, it reproduces the test accuracy recorded in its run's metrics.json.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { gunzipSync } from "node:zlib";
import { join } from "node:path";
import * as tf from "@tensorflow/tfjs-core";
import { initBackend } from "../../src/lib/backend.js";
import { importCheckpoint } from "../../src/lib/import/importer.js";
import { toNamedTensorMap } from "../../src/lib/import/tensors.js";
import { parseConfig } from "../../src/lib/models/config.js";
import { load, type ResNetModel } from "../../src/lib/models/resnet.js";
import { preprocess, FASHION_MNIST_PREPROCESSING, type Preprocessing } from "../../src/lib/preprocess.js";
import { parseIdx } from "../../src/lib/idx.js";
import { findSourceRun } from "../../src/lib/modelRun.js";
import { readModelDir } from "../../cli/model-dir.js";

const RUNS = "data/fashion/runs";
const DATASET = "/usr/share/datasets/fashion-mnist";
const runIds = readdirSync(RUNS).filter((id) => existsSync(join(RUNS, id, "golden.json")));

function inputs(images: Uint8Array[], spec: Preprocessing): tf.Tensor4D {
  const data = new Float32Array(images.length * 784);
  images.forEach((img, i) =>
    data.set(preprocess({ width: 28, height: 28, channels: 1, data: img }, spec, 1), i * 784),
  );
  return tf.tensor4d(data, [images.length, 28, 28, 1]);
}

function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
}

test("at least one recorded run exists", () => assert.ok(runIds.length > 0));

for (const runId of runIds) {
  test(`run ${runId}: TS builder reproduces the PyTorch logits and excitations stored at export`, async () => {
    await initBackend(["wasm", "cpu"]);
    const config = parseConfig(JSON.parse(readFileSync(join(RUNS, runId, "config.json"), "utf8")));
    const golden = JSON.parse(readFileSync(join(RUNS, runId, "golden.json"), "utf8")) as {
      images: number[][];
      logits: number[][];
      se: Record<string, { z: number[][]; s: number[][] }>;
    };
    const { weights } = importCheckpoint(
      new Uint8Array(readFileSync(join(RUNS, runId, "model.safetensors"))),
      {
        config,
      },
    );
    const tensors = toNamedTensorMap(weights);
    const model = load({ config, weights: tensors });
    tf.dispose(Object.values(tensors));
    const x = inputs(
      golden.images.map((p) => Uint8Array.from(p)),
      FASHION_MNIST_PREPROCESSING,
    );
    const prediction = model.predict(x);
    const logits = await prediction.logits.data();
    assert.ok(
      maxAbsDiff(logits, golden.logits.flat()) <= 1e-4,
      `logits differ by ${maxAbsDiff(logits, golden.logits.flat())}`,
    );
    assert.deepEqual(Object.keys(prediction.taps), Object.keys(golden.se));
    for (const [name, tap] of Object.entries(prediction.taps)) {
      const d = Math.max(
        maxAbsDiff(await tap.z.data(), golden.se[name].z.flat()),
        maxAbsDiff(await tap.s.data(), golden.se[name].s.flat()),
      );
      assert.ok(d <= 1e-5, `${name}: z/s differ by ${d}`);
    }
    tf.dispose([x, prediction as unknown as tf.TensorContainer]);
    model.dispose();
  });
}

test("the default model re-evaluated on all 10,000 test images matches its recorded accuracy", async () => {
  await initBackend(["wasm", "cpu"]);
  const images = parseIdx(
    gunzipSync(readFileSync(join(DATASET, "t10k-images-idx3-ubyte.gz"))),
    "t10k images",
  );
  const labels = parseIdx(
    gunzipSync(readFileSync(join(DATASET, "t10k-labels-idx1-ubyte.gz"))),
    "t10k labels",
  );
  assert.deepEqual(images.shape, [10000, 28, 28]);
  const { descriptor, weights } = await readModelDir("data/models/fashion-default");
  const runId = findSourceRun(
    descriptor.source.sha256,
    runIds.map((id) => ({
      runId: id,
      sha256: createHash("sha256")
        .update(readFileSync(join(RUNS, id, "model.safetensors")))
        .digest("hex"),
    })),
  );
  assert.ok(runId, "the default model's checkpoint is not among the recorded runs");
  const metrics = JSON.parse(readFileSync(join(RUNS, runId, "metrics.json"), "utf8"));
  const recorded = readFileSync(join(RUNS, runId, "test-predictions.txt"), "utf8").trim();
  const tensors = toNamedTensorMap(weights);
  const model: ResNetModel = load({ config: descriptor.config, weights: tensors });
  tf.dispose(Object.values(tensors));
  let correct = 0;
  let disagreements = 0;
  const batch = 500;
  for (let start = 0; start < 10000; start += batch) {
    const chunk = Array.from({ length: batch }, (_, i) =>
      images.data.subarray((start + i) * 784, (start + i + 1) * 784),
    );
    const x = inputs(chunk, descriptor.preprocessing);
    const prediction = model.predict(x);
    const predicted = await tf.argMax(prediction.logits, 1).data();
    tf.dispose([x, prediction as unknown as tf.TensorContainer]);
    predicted.forEach((p, i) => {
      if (p === labels.data[start + i]) correct++;
      if (String(p) !== recorded[start + i]) disagreements++;
    });
  }
  model.dispose();
  const accuracy = correct / 10000;
  // float32 rounding in a different order may flip a prediction sitting exactly on a tie; allow a handful
  assert.ok(disagreements <= 5, `${disagreements} of 10,000 predictions differ from PyTorch's`);
  assert.ok(
    Math.abs(accuracy - metrics.testAccuracy) <= 0.0005,
    `accuracy ${accuracy} vs recorded ${metrics.testAccuracy} (run ${runId})`,
  );
});
