import { test } from "node:test";
import assert from "node:assert/strict";
import { blockExcitationStats, evenlySpacedChannels } from "../../src/lib/excitationStats.js";

test("evenly spaced channels cover both ends, or all channels when there are few", () => {
  const picked = evenlySpacedChannels(2048, 50);
  assert.equal(picked.length, 50);
  assert.equal(picked[0], 0);
  assert.equal(picked[49], 2047);
  assert.deepEqual(evenlySpacedChannels(12, 50), [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  assert.deepEqual(evenlySpacedChannels(10, 4), [0, 3, 6, 9]);
  assert.deepEqual(evenlySpacedChannels(64, 1), [0], "one channel has no spacing to divide by");
  assert.deepEqual(evenlySpacedChannels(1, 1), [0]);
});

test("evenly spaced channels refuse counts that are not positive integers", () => {
  assert.throws(() => evenlySpacedChannels(0, 50), /channels must be a positive integer, got 0/);
  assert.throws(
    () => evenlySpacedChannels(64, 0),
    /count of channels to pick must be a positive integer, got 0/,
  );
  assert.throws(() => evenlySpacedChannels(64, 2.5), /got 2\.5/);
});

test("class-agnostic excitations have specificity 0, class-determined ones 1", () => {
  const labels = [0, 0, 1, 1];
  const agnostic = blockExcitationStats(
    [
      [0.2, 0.8],
      [0.4, 0.6],
      [0.2, 0.8],
      [0.4, 0.6],
    ],
    labels,
    2,
  );
  assert.ok(Math.abs(agnostic.classSpecificity) < 1e-12);
  const close = (a: number[][], b: number[][]) => a.flat().every((v, i) => Math.abs(v - b.flat()[i]) < 1e-12);
  assert.ok(
    close(agnostic.classMeans, [
      [0.3, 0.7],
      [0.3, 0.7],
    ]),
  );
  const determined = blockExcitationStats(
    [
      [0.2, 0.8],
      [0.2, 0.8],
      [0.9, 0.1],
      [0.9, 0.1],
    ],
    labels,
    2,
  );
  assert.ok(Math.abs(determined.classSpecificity - 1) < 1e-12);
  assert.ok(close([determined.overallMean], [[0.55, 0.45]]));
  assert.ok(Math.abs(agnostic.classSpread) < 1e-12 && Math.abs(agnostic.classRange) < 1e-12);
  assert.ok(Math.abs(determined.classSpread - 0.35) < 1e-12, `spread ${determined.classSpread}`);
  assert.ok(Math.abs(determined.classRange - 0.7) < 1e-12, `range ${determined.classRange}`);
});

test("η² ignores how large the class differences are; spread and range do not", () => {
  const tiny = blockExcitationStats([[0.5001], [0.5001], [0.5002], [0.5002]], [0, 0, 1, 1], 3); // class 2 empty
  assert.ok(Math.abs(tiny.classSpecificity - 1) < 1e-9);
  assert.ok(Math.abs(tiny.classSpread - 0.00005) < 1e-9, `spread ${tiny.classSpread}`);
  assert.ok(Math.abs(tiny.classRange - 0.0001) < 1e-9, `range ${tiny.classRange}`);
});

test("saturation counts values near 0 and near 1", () => {
  const stats = blockExcitationStats([[0.05, 0.95, 0.5, 0.99]], [0], 1);
  assert.equal(stats.nearZero, 0.25);
  assert.equal(stats.nearOne, 0.5);
});

test("bad input is refused with a specific message", () => {
  assert.throws(() => blockExcitationStats([], [], 2), /no images/);
  assert.throws(() => blockExcitationStats([[0.5]], [2], 2), /label 2 of image 0/);
  assert.throws(() => blockExcitationStats([[0.5], [0.5, 0.5]], [0, 1], 2), /image 1 has 2 channels/);
});
