import { test } from "node:test";
import assert from "node:assert/strict";
import { milliseconds, percent, times } from "../../src/lib/format.ts";

test("percent writes a share with the given decimals and a spaced sign", () => {
  assert.equal(percent(0.0123, 2), "1.23 %");
  assert.equal(percent(0.5), "50.0 %");
  assert.equal(percent(1, 0), "100 %");
});

test("milliseconds keep a decimal under 10 ms; ratios three; missing values are a dash", () => {
  assert.equal(milliseconds(6.6), "6.6 ms");
  assert.equal(milliseconds(239.4), "239 ms");
  assert.equal(times(1.01829), "1.018×");
  for (const missing of [undefined, null]) {
    assert.equal(milliseconds(missing), "—");
    assert.equal(times(missing), "—");
  }
});
