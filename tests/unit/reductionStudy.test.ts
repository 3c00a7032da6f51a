import { test } from "node:test";
import assert from "node:assert/strict";
import { reductionStudy, studyFindings, type RunRecord } from "../../src/lib/reductionStudy.js";
import { runRecord } from "../../src/lib/runRecords.js";
import { mean, median, sampleStd } from "../../src/lib/stats.js";
import type { ModelConfig } from "../../src/lib/models/config.js";
import { FASHION_F8 } from "../helpers/configs.js";

const base: ModelConfig = { ...FASHION_F8, name: "resnet_f8", se: null };
const withR = (r: number): ModelConfig => ({
  ...base,
  name: `se_resnet_f8_r${r}`,
  se: { r, stages: [true, true, true] },
});

function run(config: ModelConfig, seed: number, testAccuracy: number, epochs = 4): RunRecord {
  return {
    runId: `${config.name}-s${seed}`,
    config,
    testAccuracy,
    bestValAccuracy: testAccuracy,
    epochs,
    seed,
    wallTimeSeconds: 1,
    command: "train",
    date: "2026-11-27",
    gitCommit: "abc",
  };
}

test("stats", () => {
  assert.equal(mean([1, 2, 3]), 2);
  assert.equal(sampleStd([2]), 0);
  assert.ok(Math.abs(sampleStd([1, 2, 3]) - 1) < 1e-12);
  assert.equal(median([3, 1, 2]), 2);
  assert.equal(median([4, 1, 2, 3]), 2.5);
  assert.throws(() => mean([]), /no values/);
});

test("runs group by variant, baseline first, with mean and sample std over seeds", () => {
  const runs = [
    run(withR(4), 0, 0.9),
    run(base, 0, 0.88),
    run(withR(4), 1, 0.92),
    run(withR(2), 0, 0.91),
    run({ ...withR(4), widths: [12, 24, 44], stem: { kind: "3x3", width: 12 } }, 0, 0.93), // another net
  ];
  const rows = reductionStudy(runs, base);
  assert.deepEqual(
    rows.map((r) => [r.r, r.seeds, r.accuracies]),
    [
      [null, [0], [0.88]],
      [2, [0], [0.91]],
      [4, [0, 1], [0.9, 0.92]],
    ],
  );
  assert.ok(Math.abs(rows[2].accuracyMean - 0.91) < 1e-12);
  assert.ok(Math.abs(rows[2].accuracyStd - Math.SQRT2 * 0.01) < 1e-12);
  assert.equal(rows[0].seParams, 0);
  assert.ok(rows[1].seParams > rows[2].seParams, "smaller r, more SE parameters");
  // Counted by hand for FASHION_F8 (convs without bias, BN weight and bias, FC): stem 3·3·1·8 + 16 = 88; stage 2,
  // two blocks of 2 × (3·3·8·8 + 16) = 2368; stage 3, 3680 (with its 1×1 projection) + 4672 = 8352; stage 4,
  // 14528 + 18560 = 33088; FC 32·10 + 10 = 330: 44226. SE at r = 2 adds 2C²/r + C/r + C per block, two per stage:
  // 2 × (76 + 280 + 1072) = 2856, so 47082 float32 values.
  assert.equal(rows[0].params, 44_226);
  assert.equal(rows[1].seParams, 2_856);
  assert.equal(rows[1].float32Bytes, 188_328);
});

test("runs of one variant with different epochs are refused", () => {
  assert.throws(() => reductionStudy([run(base, 0, 0.8, 4), run(base, 1, 0.8, 8)], base), /differ in epochs/);
});

test("runRecord validates metrics.json", () => {
  assert.throws(() => runRecord("x", base, { testAccuracy: "high" }), /testAccuracy/);
  assert.throws(
    () => runRecord("x", { ...base, se: { r: 3, stages: [true, true, true] } }, {}),
    /does not divide/,
  );
});

test("study findings: gain over the baseline, spread and monotonicity", () => {
  const rows = reductionStudy(
    [
      run(base, 0, 0.88),
      run(base, 1, 0.9),
      run(withR(1), 0, 0.9),
      run(withR(2), 0, 0.93),
      run(withR(2), 1, 0.93),
      run(withR(4), 0, 0.91),
    ],
    base,
  );
  const f = studyFindings(rows);
  assert.equal(f.best?.r, 2);
  assert.ok(Math.abs((f.gain ?? 0) - 0.04) < 1e-12);
  assert.equal(f.gainBeyondSpread, true);
  assert.equal(f.monotonicInCapacity, false, "r = 1 has more capacity than r = 2 but is worse");
  assert.equal(studyFindings(rows.slice(0, 2)).monotonicInCapacity, null);
  const worse = studyFindings(
    reductionStudy(
      [run(base, 0, 0.9), run(base, 1, 0.902), run(withR(2), 0, 0.88), run(withR(2), 1, 0.881)],
      base,
    ),
  );
  assert.ok((worse.gain ?? 0) < 0);
  assert.equal(worse.gainBeyondSpread, true, "a deficit larger than the seed spread counts too");
});
