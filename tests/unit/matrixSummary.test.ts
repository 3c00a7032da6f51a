// The text alternative of a weight heatmap: range, mean and the entries of largest magnitude, with their positions.
import { test } from "node:test";
import assert from "node:assert/strict";
import { summarizeMatrix } from "../../src/lib/matrixSummary.ts";

test("a matrix's range, mean and largest-magnitude entries, by row and column", () => {
  // [2, 3]: -4 at (0, 1), 3 at (1, 2), 2 and -2 tie (the earlier first)
  const s = summarizeMatrix([1, -4, 2, 0.5, -2, 3], [2, 3], 4);
  assert.deepEqual(
    { rows: s.rows, cols: s.cols, min: s.min, max: s.max, mean: s.mean },
    { rows: 2, cols: 3, min: -4, max: 3, mean: 0.5 / 6 },
  );
  assert.deepEqual(s.largest, [
    { row: 0, col: 1, value: -4 },
    { row: 1, col: 2, value: 3 },
    { row: 0, col: 2, value: 2 },
    { row: 1, col: 1, value: -2 },
  ]);
});

test("asking for more entries than the matrix has returns them all", () => {
  assert.equal(summarizeMatrix(new Float32Array([1, 2]), [1, 2], 5).largest.length, 2);
});

test("a shape that does not match the values is refused", () => {
  assert.throws(() => summarizeMatrix([1, 2, 3], [2, 2]), /a \[2, 2\] matrix has 4 values, got 3/);
  assert.throws(() => summarizeMatrix([], [0, 3]), /empty matrix/);
});
