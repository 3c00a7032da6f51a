import { test } from "node:test";
import assert from "node:assert/strict";
import { excitationObservations } from "../../src/lib/excitationObservations.ts";
import type { BlockProfile } from "../../src/lib/excitationProfiles.ts";

const block = (
  name: string,
  classSpread: number,
  classRange: number,
  nearZero = 0,
  nearOne = 0,
): BlockProfile => ({
  name,
  channels: 4,
  sampledChannels: [0, 1, 2, 3],
  classMeans: [],
  overallMean: [],
  classSpecificity: 0.7,
  classSpread,
  classRange,
  nearZero,
  nearOne,
});

test("largest spread per stage, the most specific block and the flat ones (the site's model)", () => {
  const o = excitationObservations([
    block("SE_2_1", 0.014, 0.07),
    block("SE_2_2", 0.042, 0.16),
    block("SE_3_1", 0.023, 0.19),
    block("SE_3_2", 0.051, 0.25),
    block("SE_4_1", 0.0003, 0.002),
    block("SE_4_2", 0.099, 0.42, 0.015, 0.015),
  ]);
  assert.deepEqual(
    o.stages.map((s) => [s.stage, s.label, s.blocks.length, s.largestSpread]),
    [
      ["2", "stage 2", 2, 0.042],
      ["3", "stage 3", 2, 0.051],
      ["4", "stage 4", 2, 0.099],
    ],
  );
  assert.equal(o.growsWithDepth, true);
  assert.equal(o.mostSpecific.name, "SE_4_2");
  assert.deepEqual(
    o.flat.map((b) => b.name),
    ["SE_4_1"],
  );
  assert.equal(o.mostSaturated.name, "SE_4_2");
  assert.equal(o.saturates, false);
  assert.ok(Math.abs(o.mostSaturatedShare - 0.03) < 1e-12);
});

test("spread that falls with depth, a saturated block in the last stage, names without stages", () => {
  // as in the paper: the last stage's middle block saturates (SE_5_2), its last block (SE_5_3) does not
  const o = excitationObservations([
    block("SE_2_1", 0.2, 0.5),
    block("SE_5_1", 0.1, 0.3, 0.1, 0.2),
    block("SE_5_2", 0.1, 0.3, 0.2, 0.6),
    block("SE_5_3", 0.1, 0.3, 0.05, 0.1),
  ]);
  assert.equal(o.growsWithDepth, false);
  assert.equal(o.mostSpecific.name, "SE_2_1");
  assert.equal(o.mostSaturated.name, "SE_5_2");
  assert.equal(o.saturates, true);
  // mostly near 0 is not the paper's saturation ("most near 1, the rest near 0")
  const dark = excitationObservations([block("SE_2_1", 0.2, 0.5), block("SE_5_1", 0.1, 0.3, 0.6, 0.2)]);
  assert.equal(dark.mostSaturated.name, "SE_5_1");
  assert.equal(dark.saturates, false);
  const named = excitationObservations([block("a", 0.1, 0.3), block("b", 0.2, 0.3)]);
  assert.deepEqual(
    named.stages.map((s) => [s.stage, s.label]),
    [
      ["a", "a"],
      ["b", "b"],
    ],
  );
  assert.equal(named.growsWithDepth, true);
  assert.equal(excitationObservations([block("SE_2_1", 0.1, 0.3)]).growsWithDepth, false);
  assert.throws(() => excitationObservations([]), /no SE blocks/);
});
