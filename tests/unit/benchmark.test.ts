// The timing harness's pure parts: per-round case orders, medians and paired ratios.
import { test } from "node:test";
import assert from "node:assert/strict";
import { median, ratio, shuffledIndices } from "../../src/lib/benchmark.js";
import { mulberry32 } from "../../src/lib/random.js";

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
