// The timing harness's pure parts: per-round case orders, medians, paired ratios and their confidence intervals.
import { test } from "node:test";
import assert from "node:assert/strict";
import { ratio, shuffledIndices, targetVerdict } from "../../src/lib/benchmark.js";
import { median, medianInterval, quantile } from "../../src/lib/stats.js";
import { mulberry32, normalArray } from "../../src/lib/random.js";

test("each round's order is a permutation, the same for the same seed, and not always the same order", () => {
  const draw = (seed: number) => {
    const random = mulberry32(seed);
    return Array.from({ length: 40 }, () => shuffledIndices(4, random));
  };
  const rounds = draw(1);
  for (const order of rounds) assert.deepEqual([...order].sort(), [0, 1, 2, 3]);
  assert.deepEqual(draw(1), rounds);
  const orders = new Set(rounds.map((o) => o.join()));
  assert.ok(orders.size >= 10, `only ${orders.size} distinct orders in 40 rounds`);
  // every case runs first in some round: no case always follows the same one
  assert.deepEqual(new Set(rounds.map((o) => o[0])), new Set([0, 1, 2, 3]));
  assert.deepEqual(shuffledIndices(0, Math.random), []);
});

test("ratios are medians of per-round ratios, beside the ratio of medians", () => {
  const a = { samplesMs: [10, 30, 20], medianMs: 20 };
  const b = { samplesMs: [10, 10, 40], medianMs: 10 };
  assert.equal(median([3, 1, 2, 10]), 2.5);
  const r = ratio(a, b);
  assert.equal(r.ofMedians, 2);
  assert.equal(r.paired, 1); // per round: 1, 3, 0.5
});

test("the median's confidence interval: textbook order statistics, coverage, and none for tiny runs", () => {
  const oneTo = (n: number) => Array.from({ length: n }, (_, i) => i + 1);
  // n = 100 at 95 %: x₍₄₀₎ and x₍₆₁₎ (P(B ≤ 39) = 0.018, P(B ≤ 40) = 0.028); input order does not matter
  assert.deepEqual(medianInterval(oneTo(100).reverse()), [40, 61]);
  assert.deepEqual(medianInterval(oneTo(10)), [2, 9]); // P(B ≤ 1) = 11/1024 ≤ 0.025 < P(B ≤ 2)
  assert.deepEqual(medianInterval(oneTo(6)), [1, 6]); // P(B = 0) = 1/64 ≤ 0.025
  assert.equal(medianInterval(oneTo(5)), null); // even [min, max] covers the median only 94 % of the time
  assert.equal(medianInterval([7]), null);
  assert.deepEqual(medianInterval(oneTo(10), 0.5), [4, 7]);
  const [lo, hi] = medianInterval(oneTo(3000))!; // log-space sums: 2⁻³⁰⁰⁰ underflows a double
  assert.ok(lo > 1400 && lo < 1500 && hi === 3001 - lo, `${lo}, ${hi}`);
  // Coverage: in 400 runs of 121 normal draws the interval misses the true median 0 about 5 % of the time or less.
  const random = mulberry32(7);
  let misses = 0;
  for (let run = 0; run < 400; run++) {
    const xs = Array.from(normalArray(121, random));
    const [a, b] = medianInterval(xs)!;
    if (a > 0 || b < 0) misses++;
  }
  assert.ok(misses <= 32, `${misses} of 400 intervals missed`); // 5 % is 20; binomial sd ≈ 4.4
  assert.ok(misses >= 6, `${misses} of 400 intervals missed: far too wide`);
  assert.equal(quantile([4, 1, 3, 2], 0.5), 2.5);
  assert.throws(() => medianInterval([]), /no values/);
});

test("a ratio carries the confidence interval of its median", () => {
  const plain = { samplesMs: [100, 100, 100, 100, 100, 100, 100, 100, 100, 100], medianMs: 100 };
  const se = { samplesMs: [101, 102, 103, 104, 105, 106, 107, 108, 109, 110], medianMs: 105.5 };
  const r = ratio(se, plain);
  assert.equal(r.pairedLow, 1.02);
  assert.equal(r.pairedHigh, 1.09);
  const three = ratio(
    { samplesMs: [101, 102, 103], medianMs: 102 },
    { samplesMs: [100, 100, 100], medianMs: 100 },
  );
  assert.deepEqual([three.pairedLow, three.pairedHigh], [null, null]);
  assert.equal(targetVerdict(three), "not resolved");
  assert.throws(() => ratio(se, { samplesMs: [100], medianMs: 100 }), /10 and 1 samples/);
});

test("the overhead target is met only when the whole interval lies within it", () => {
  const r = (pairedLow: number, pairedHigh: number) => ({
    ofMedians: 1,
    paired: (pairedLow + pairedHigh) / 2,
    pairedQ1: pairedLow,
    pairedQ3: pairedHigh,
    pairedLow,
    pairedHigh,
  });
  assert.equal(targetVerdict(r(1.01, 1.03)), "met");
  assert.equal(targetVerdict(r(1.01, 1.031)), "not resolved");
  assert.equal(targetVerdict(r(1.031, 1.05)), "missed");
  assert.equal(targetVerdict(r(0.99, 1.01), 1.0), "not resolved");
});
