// Side-by-side runs of two models: every SE block off equals switching each stage off in turn, the rows and the
// sentence are measured against the first run, and the partner offered first differs in having SE.
import { test } from "node:test";
import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs-core";
import "@tensorflow/tfjs-backend-cpu";
import { readout } from "../../../src/lib/inspection.js";
import {
  comparisonRows,
  comparisonSentence,
  defaultPartner,
  sideBySideRuns,
} from "../../../src/lib/modelComparison.js";
import { load } from "../../../src/lib/models/resnet.js";
import { randomWeights } from "../../../src/lib/models/randomWeights.js";
import { fashionModel, inputs } from "./model.js";

await tf.setBackend("cpu");
const se = fashionModel();
const plainConfig = { ...se.config, name: "plain", se: null };
const plainWeights = randomWeights(plainConfig, 3);
const plain = load({ config: plainConfig, weights: plainWeights });
tf.dispose(Object.values(plainWeights));
const [x] = inputs(1);

test("seOff runs the net with s = 1 in every block: the same as no excitation at all", async () => {
  const off = await readout(se, x, { seOff: true });
  const intervene = (_: string, s: tf.Tensor2D) => tf.onesLike(s);
  const logits = tf.tidy(() => tf.softmax(se.predict(tf.tensor4d(x, [1, 28, 28, 1]), { intervene }).logits));
  const expected = logits.dataSync();
  logits.dispose();
  off.probabilities.forEach((p, i) => assert.ok(Math.abs(p - expected[i]) < 1e-6));
  for (const b of off.blocks) assert.ok(b.used.every((v) => v === 1) && b.s.some((v) => v !== 1), b.name);
  await assert.rejects(readout(plain, x, { seOff: true }), /plain has no SE block to switch off/);
  await assert.rejects(
    readout(se, x, { seOff: true, intervention: { kind: "one", scope: "stage", target: "2" } }),
    /an intervention or seOff, not both/,
  );
});

test("side by side: each model as is, and without SE where it has SE; no tensor left behind", async () => {
  const before = tf.memory().numTensors;
  const runs = await sideBySideRuns({ name: "se", model: se, x }, { name: "plain", model: plain, x });
  assert.equal(tf.memory().numTensors, before);
  assert.deepEqual(
    runs.map((r) => [r.model, r.seOff]),
    [
      ["se", false],
      ["se", true],
      ["plain", false],
    ],
  );
  assert.deepEqual(runs[0].probabilities, (await readout(se, x)).probabilities);
  assert.deepEqual(runs[2].probabilities, (await readout(plain, x)).probabilities);
  // probabilities already computed for the main model are used, not computed again
  const known = runs[0].probabilities;
  const reused = await sideBySideRuns(
    { name: "se", model: se, x, probabilities: known },
    { name: "plain", model: plain, x },
  );
  assert.equal(reused[0].probabilities, known);
});

test("rows and sentence are measured against the first run; different class counts are refused", () => {
  const p = (...v: number[]) => Float32Array.from(v);
  const runs = [
    { model: "a", seOff: false, probabilities: p(0.5, 0.2, 0.1, 0.1, 0.05, 0.05) },
    { model: "a", seOff: true, probabilities: p(0.4, 0.3, 0.1, 0.1, 0.05, 0.05) },
    { model: "b", seOff: false, probabilities: p(0.1, 0.6, 0.1, 0.1, 0.0, 0.1) },
  ];
  const rows = comparisonRows(runs);
  assert.deepEqual(
    rows.map((r) => [r.label, r.top1, r.referenceProbability, r.sharedTop5]),
    [
      ["a", 0, 0.5, 5],
      ["a, every SE block off", 0, 0.4000000059604645, 5],
      ["b", 1, 0.10000000149011612, 4],
    ],
  );
  assert.equal(
    comparisonSentence(rows, (k) => `c${k}`),
    "a says c0 (50.0 %); a, every SE block off agrees (40.0 %); b says c1 (60.0 %; 10.0 % for c0).",
  );
  assert.throws(
    () => comparisonRows([runs[0], { ...runs[2], probabilities: p(1, 0) }]),
    /b has 2 classes and a 6/,
  );
  assert.throws(() => comparisonRows([runs[0]]), /two runs or more/);
});

test("the partner offered first differs in having SE, else the first other model", () => {
  const all = [
    { name: "se2", hasSE: true },
    { name: "se1", hasSE: true },
    { name: "plain", hasSE: false },
  ];
  assert.equal(defaultPartner({ name: "se1", hasSE: true }, all), "plain");
  assert.equal(defaultPartner({ name: "plain", hasSE: false }, all), "se2");
  assert.equal(defaultPartner({ name: "se1", hasSE: true }, all.slice(0, 2)), "se2");
  assert.equal(defaultPartner({ name: "se1", hasSE: true }, [all[1]]), undefined);
});
