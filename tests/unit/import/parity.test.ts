// The proof that imported weights compute what PyTorch computes: every golden fixture, in every format it
// was saved in, goes through the real importer (container reader, naming map, validation, layouts) and the
// real tfjs builder; logits must agree with PyTorch's float64 forward within 1e-4 and every SE block's
// squeeze z and excitation s within 1e-5.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs-core";
import "@tensorflow/tfjs-backend-cpu";
import { importCheckpoint } from "../../../src/lib/import/importer.js";
import { toNamedTensorMap } from "../../../src/lib/import/tensors.js";
import { load } from "../../../src/lib/models/resnet.js";
import { parseNpy } from "../../../src/lib/npy.js";
import { GOLDEN_NAMES, fixtureBytes, golden } from "./fixtures.js";

before(async () => {
  await tf.setBackend("cpu");
});

function maxDiff(a: number[][], b: number[][]): number {
  assert.equal(a.length, b.length);
  let d = 0;
  a.forEach((row, i) => {
    assert.equal(row.length, b[i].length);
    row.forEach((v, j) => (d = Math.max(d, Math.abs(v - b[i][j]))));
  });
  return d;
}

for (const name of GOLDEN_NAMES) {
  const g = golden(name);
  for (const { file, naming } of g.files) {
    test(`parity with PyTorch: ${file} (${naming} names)`, () => {
      const before = tf.memory().numTensors;
      const imported = importCheckpoint(fixtureBytes(file), { config: g.config, fileName: file });
      assert.equal(imported.naming, naming);
      const weights = toNamedTensorMap(imported.weights);
      const model = load({ config: g.config, weights });
      tf.dispose(Object.values(weights));
      const npy = parseNpy(fixtureBytes(g.input.file));
      assert.deepEqual(npy.shape, g.input.shape);
      const x = tf.tidy(() =>
        tf.transpose(tf.tensor4d(npy.data, npy.shape as [number, number, number, number]), [0, 2, 3, 1]),
      );
      const p = model.predict(x as tf.Tensor4D); // [N, H, W, C]
      const logits = maxDiff(p.logits.arraySync(), g.logits);
      assert.ok(logits <= 1e-4, `logits differ by ${logits}`);
      assert.deepEqual(Object.keys(p.taps), Object.keys(g.taps));
      for (const [block, tap] of Object.entries(p.taps)) {
        const z = maxDiff(tap.z.arraySync(), g.taps[block].z);
        const s = maxDiff(tap.s.arraySync(), g.taps[block].s);
        assert.ok(z <= 1e-5, `${block}: z differs by ${z}`);
        assert.ok(s <= 1e-5, `${block}: s differs by ${s}`);
      }
      tf.dispose([x, p]);
      model.dispose();
      assert.equal(tf.memory().numTensors, before, "no tensors leak");
    });
  }
}
