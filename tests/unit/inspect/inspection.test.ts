// readout (one image through a model, read back to arrays), interventions inside the forward pass against their
// plain twin, mean excitations, and no tensor left behind after 100 runs with interventions.
import { test } from "node:test";
import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs-core";
import "@tensorflow/tfjs-backend-cpu";
import { excitationShift, readout, topK } from "../../../src/lib/inspection.js";
import {
  intervenedExcitation,
  interveneWith,
  type Intervention,
  type MeanExcitations,
} from "../../../src/lib/interventions.js";
import { meanExcitations } from "../../../src/lib/meanExcitations.js";
import { batchExcitations } from "../../../src/lib/excitationProfiles.js";
import { fashionModel, inputs } from "./model.js";

await tf.setBackend("cpu");
const model = fashionModel();
const [x, y] = inputs(2);

function maxDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  assert.equal(a.length, b.length);
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
}

test("readout: probabilities, every block's z and s, s used as computed without an intervention", async () => {
  const r = await readout(model, x);
  assert.equal(r.probabilities.length, 10);
  assert.ok(Math.abs(r.probabilities.reduce((a, b) => a + b, 0) - 1) < 1e-5);
  assert.deepEqual(
    r.blocks.map((b) => b.name),
    ["SE_2_1", "SE_2_2", "SE_3_1", "SE_3_2", "SE_4_1", "SE_4_2"],
  );
  assert.deepEqual(
    r.blocks.map((b) => b.s.length),
    [8, 8, 16, 16, 32, 32],
  );
  for (const b of r.blocks) {
    assert.equal(b.used, b.s);
    assert.equal(b.z.length, b.s.length);
    for (const v of b.s) assert.ok(v > 0 && v < 1);
  }
  assert.equal(r.maps, undefined);
});

test("readout with feature maps: X̃ = s · U channel by channel, with the s actually used", async () => {
  for (const intervention of [
    undefined,
    { kind: "half", scope: "block", target: "SE_3_2" } as Intervention,
  ]) {
    const r = await readout(model, x, { featureMaps: "SE_3_2", intervention });
    const { shape, pre, post } = r.maps!;
    assert.deepEqual(shape, [14, 14, 16]);
    const used = r.blocks.find((b) => b.name === "SE_3_2")!.used;
    if (intervention) assert.ok(used.every((v) => v === 0.5));
    const expected = pre.map((u, i) => u * used[i % 16]);
    assert.ok(maxDiff(post, expected) < 1e-5);
  }
});

test("an intervention leaves the excitations up to its first block alone and moves later ones", async () => {
  const base = await readout(model, x);
  const iv: Intervention = { kind: "one", scope: "stage", target: "3" };
  const after = await readout(model, x, { intervention: iv });
  const shift = excitationShift(base, after);
  assert.deepEqual(
    shift.map((s) => s.block),
    base.blocks.map((b) => b.name),
  );
  // SE_2_x and SE_3_1 see unchanged input; SE_3_2 and stage 4 do not.
  for (const s of shift.slice(0, 3)) assert.equal(s.maxAbs, 0, s.block);
  for (const s of shift.slice(4)) assert.ok(s.meanAbs > 0, s.block);
  for (const b of after.blocks.slice(2, 4)) assert.ok(b.used.every((v) => v === 1));
  assert.ok(maxDiff(base.probabilities, after.probabilities) > 0);
});

test("each intervention inside the forward pass matches its plain twin", async () => {
  const s = tf.tensor2d(
    Float32Array.from({ length: 16 }, (_, i) => (i + 0.5) / 16),
    [1, 16],
  );
  const blocks = model.seBlocks;
  const means: MeanExcitations = Object.fromEntries(
    blocks.map((b, k) => [b, Float32Array.from({ length: k < 2 ? 8 : k < 4 ? 16 : 32 }, (_, i) => i / 40)]),
  );
  const cases: Intervention[] = [
    { kind: "one", scope: "block", target: "SE_3_1" },
    { kind: "half", scope: "block", target: "SE_3_1" },
    { kind: "mean", scope: "stage", target: "3" },
    { kind: "clamp", scope: "block", target: "SE_3_1", a: 0.2, b: 0.7 },
  ];
  for (const iv of cases) {
    const fn = interveneWith(iv, blocks, means);
    const out = tf.tidy(() => fn("SE_3_1", s).dataSync());
    const twin = intervenedExcitation(iv, "SE_3_1", s.dataSync() as Float32Array, means);
    assert.ok(maxDiff(out, twin) < 1e-7, iv.kind);
    assert.equal(fn("SE_2_1", s), s, "blocks outside the target pass through");
  }
  s.dispose();
});

test("bad requests are refused before anything runs", async () => {
  await assert.rejects(
    readout(model, new Float32Array(10)),
    /input has 10 values; se_resnet_f8_r4 takes 28×28×1/,
  );
  await assert.rejects(
    readout(model, x, { intervention: { kind: "one", scope: "block", target: "SE_5_1" } }),
    /no SE block "SE_5_1"/,
  );
  await assert.rejects(
    readout(model, x, { intervention: { kind: "mean", scope: "stage", target: "2" } }),
    /no mean excitation of SE_2_1/,
  );
  await assert.rejects(readout(model, x, { featureMaps: "SE_9_9" }), /featureMaps: no SE block "SE_9_9"/);
});

test("mean excitations: the same in any batch size, the mean of the per-image excitations", async () => {
  const images = inputs(5, 3);
  const progress: [number, number][] = [];
  const byTwo = await meanExcitations(model, images, {
    batchSize: 2,
    onProgress: (d, t) => progress.push([d, t]),
  });
  assert.deepEqual(progress, [
    [2, 5],
    [4, 5],
    [5, 5],
  ]);
  const all = await meanExcitations(model, images);
  const data = new Float32Array(5 * 784);
  images.forEach((im, i) => data.set(im, i * 784));
  const batch = tf.tensor4d(data, [5, 28, 28, 1]);
  const perImage = await batchExcitations(model, batch);
  batch.dispose();
  for (const block of model.seBlocks) {
    const expected = perImage[block][0].map((_, c) => perImage[block].reduce((a, v) => a + v[c], 0) / 5);
    assert.ok(maxDiff(byTwo[block], expected) < 1e-6, block);
    assert.ok(maxDiff(all[block], expected) < 1e-6, block);
  }
  await assert.rejects(meanExcitations(model, []), /at least one image/);
  const before = tf.memory().numTensors;
  await assert.rejects(
    meanExcitations(model, [...images, new Float32Array(785)], { batchSize: 2 }),
    /image 5 has 785 values; se_resnet_f8_r4 takes 28×28×1 = 784/,
  );
  assert.equal(tf.memory().numTensors, before);
});

test("100 readouts with interventions and feature maps leave tf.memory().numTensors unchanged", async () => {
  const means = await meanExcitations(model, inputs(4, 9));
  await readout(model, y, { intervention: { kind: "one", scope: "stage", target: "2" } }); // warm-up
  const before = tf.memory().numTensors;
  const kinds: Intervention[] = [
    { kind: "one", scope: "stage", target: "2" },
    { kind: "mean", scope: "block", target: "SE_4_1" },
    { kind: "half", scope: "stage", target: "4" },
    { kind: "clamp", scope: "block", target: "SE_3_2", a: 0.1, b: 0.9 },
  ];
  for (let i = 0; i < 100; i++)
    await readout(model, i % 2 ? x : y, {
      intervention: kinds[i % kinds.length],
      means,
      featureMaps: i % 3 ? undefined : "SE_2_2",
    });
  assert.equal(tf.memory().numTensors, before);
  // a failing run leaks nothing either
  await assert.rejects(readout(model, x, { featureMaps: "SE_0_0" }));
  assert.equal(tf.memory().numTensors, before);
});

test("topK and excitationShift", () => {
  assert.deepEqual(topK([0.1, 0.4, 0.4, 0.05, 0.05], 3), [
    { index: 1, probability: 0.4 },
    { index: 2, probability: 0.4 },
    { index: 0, probability: 0.1 },
  ]);
  const a = {
    probabilities: new Float32Array(1),
    blocks: [
      {
        name: "SE_2_1",
        z: new Float32Array(2),
        s: Float32Array.of(0.2, 0.5),
        used: Float32Array.of(0.2, 0.5),
      },
    ],
  };
  const b = {
    probabilities: new Float32Array(1),
    blocks: [
      {
        name: "SE_2_1",
        z: new Float32Array(2),
        s: Float32Array.of(0.3, 0.1),
        used: Float32Array.of(0.3, 0.1),
      },
    ],
  };
  const [shift] = excitationShift(a, b);
  assert.equal(shift.block, "SE_2_1");
  assert.ok(Math.abs(shift.meanAbs - 0.25) < 1e-6 && Math.abs(shift.maxAbs - 0.4) < 1e-6);
  assert.throws(
    () => excitationShift(a, { ...b, blocks: [{ ...b.blocks[0], name: "SE_2_2" }] }),
    /differ in their blocks/,
  );
});
