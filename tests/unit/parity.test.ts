// The kernels' parity measure, shared by the kernel tests and the SE block chapter: |Δ| / max(1, |reference|).
import { test } from "node:test";
import assert from "node:assert/strict";
import { difference, KERNEL_TOLERANCE, withinTolerance, worst } from "../../src/lib/kernels/parity.ts";

test("absolute below 1, relative above", () => {
  const d = difference([0.5 + 2e-6, 1000 + 5e-3], [0.5, 1000]);
  assert.ok(Math.abs(d.maxAbs - 5e-3) < 1e-9);
  assert.ok(Math.abs(d.scaled - 5e-6) < 1e-9); // 5e-3 / 1000, not 5e-3
  assert.equal(withinTolerance(d), true);
  assert.equal(withinTolerance(difference([0.5 + 2 * KERNEL_TOLERANCE], [0.5])), false);
});

test("a NaN is never within tolerance, and survives taking the worst", () => {
  const nan = difference([NaN, 1], [1, 1]);
  assert.ok(Number.isNaN(nan.scaled));
  assert.equal(withinTolerance(nan), false);
  const w = worst([difference([1], [1]), nan, difference([3], [1])]);
  assert.ok(Number.isNaN(w.scaled) && Number.isNaN(w.maxAbs));
});

test("the worst of several outputs takes each measure's maximum", () => {
  const w = worst([
    { maxAbs: 4e-6, scaled: 1e-6 },
    { maxAbs: 1e-6, scaled: 3e-6 },
  ]);
  assert.deepEqual(w, { maxAbs: 4e-6, scaled: 3e-6 });
  assert.deepEqual(worst([]), { maxAbs: 0, scaled: 0 });
});

test("outputs of different lengths are refused", () => {
  assert.throws(() => difference([1, 2], [1]), /cannot compare 2 values with 1/);
});
