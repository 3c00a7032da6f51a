// Intervention specs: their URL form, their targets in a model, and their messages.
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  describeIntervention,
  formatIntervention,
  parseIntervention,
  stageOf,
  stagesOf,
  targetBlocks,
  validateIntervention,
  type Intervention,
} from "../../../src/lib/interventions.js";

const BLOCKS = ["SE_2_1", "SE_2_2", "SE_3_1", "SE_3_2", "SE_4_1", "SE_4_2"];

test("stages and targets", () => {
  assert.equal(stageOf("SE_5_3"), "5");
  assert.throws(() => stageOf("layer4.2"), /not an SE block name/);
  assert.deepEqual(stagesOf(BLOCKS), ["2", "3", "4"]);
  assert.deepEqual(targetBlocks({ kind: "one", scope: "stage", target: "3" }, BLOCKS), ["SE_3_1", "SE_3_2"]);
  assert.deepEqual(targetBlocks({ kind: "one", scope: "block", target: "SE_4_2" }, BLOCKS), ["SE_4_2"]);
  assert.throws(
    () => targetBlocks({ kind: "one", scope: "stage", target: "5" }, BLOCKS),
    /no SE stage "5" \(stages: 2, 3, 4\)/,
  );
  assert.throws(
    () => targetBlocks({ kind: "one", scope: "block", target: "SE_5_2" }, BLOCKS),
    /no SE block "SE_5_2" \(blocks: SE_2_1, /,
  );
});

test("URL form round-trips and malformed text is refused with the reason", () => {
  const cases: Intervention[] = [
    { scope: "block", target: "SE_3_2", kind: "one" },
    { scope: "stage", target: "4", kind: "mean" },
    { scope: "stage", target: "2", kind: "half" },
    { scope: "block", target: "SE_2_1", kind: "clamp", a: 0.2, b: 0.8 },
  ];
  for (const iv of cases) assert.deepEqual(parseIntervention(formatIntervention(iv)), iv);
  // a bound typed as 0.0000001 is written in exponent form and must read back
  const tiny: Intervention = { scope: "stage", target: "3", kind: "clamp", a: 1e-7, b: 1 };
  assert.equal(formatIntervention(tiny), "stage:3:clamp:1e-7:1");
  assert.deepEqual(parseIntervention(formatIntervention(tiny)), tiny);
  assert.equal(formatIntervention(cases[3]), "block:SE_2_1:clamp:0.2:0.8");
  const bad: [string, RegExp][] = [
    ["layer:SE_3_2:one", /scope must be block or stage/],
    ["block::one", /no target/],
    ["block:SE_3_2:zero", /kind must be one of one, mean, half, clamp/],
    ["block:conv1:one", /"conv1" is not an SE block name/],
    ["stage:four:one", /stage must be a number/],
    ["stage:4:clamp:0.5", /clamp needs exactly two bounds/],
    ["stage:4:clamp:0.8:0.2", /0 ≤ a ≤ b ≤ 1, got a = 0.8, b = 0.2/],
    ["stage:4:clamp:x:1", /clamp bound a = "x" is not a number/],
    ["stage:4:clamp::", /clamp bound a is empty/],
    ["stage:4:clamp:0.2:", /clamp bound b is empty/],
    ["stage:4:clamp: :1", /clamp bound a = " " is not a number/],
    ["stage:4:clamp:0x1:1", /clamp bound a = "0x1" is not a number/],
    ["stage:4:clamp:0.2:Infinity", /clamp bound b = "Infinity" is not a number/],
    ["stage:4:clamp:-0.1:1", /0 ≤ a ≤ b ≤ 1, got a = -0.1, b = 1/],
    ["stage:4:one:1", /one takes no bounds/],
  ];
  for (const [text, message] of bad) assert.throws(() => parseIntervention(text), message, text);
});

test("validation checks the target, the bounds and the means a kind needs", () => {
  validateIntervention({ kind: "one", scope: "stage", target: "2" }, BLOCKS);
  assert.throws(
    () => validateIntervention({ kind: "mean", scope: "stage", target: "2" }, BLOCKS),
    /no mean excitation of SE_2_1/,
  );
  validateIntervention({ kind: "mean", scope: "stage", target: "2" }, BLOCKS, {
    SE_2_1: new Float32Array(8),
    SE_2_2: new Float32Array(8),
  });
  assert.throws(
    () => validateIntervention({ kind: "clamp", scope: "stage", target: "2", a: 0.3 }, BLOCKS),
    /clamp needs bounds/,
  );
});

test("descriptions for captions", () => {
  assert.equal(
    describeIntervention({ kind: "one", scope: "stage", target: "3" }),
    "every block of stage 3: s ← 1 (SE switched off)",
  );
  assert.equal(
    describeIntervention({ kind: "clamp", scope: "block", target: "SE_2_1", a: 0.1, b: 0.9 }),
    "SE_2_1: s ← clamp(s, 0.1, 0.9)",
  );
});
