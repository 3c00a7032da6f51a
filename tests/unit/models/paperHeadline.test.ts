import { test } from "node:test";
import assert from "node:assert/strict";
import { paperHeadline } from "../../../src/lib/models/paperHeadline.ts";

test("the paper's headline: 3.86 -> 3.87 GFLOPs (+0.26 %) for 1.51 points of top-1 at r = 16", () => {
  const h = paperHeadline();
  assert.deepEqual([h.plainGflops, h.seGflops, h.r], [3.86, 3.87, 16]);
  assert.equal(h.extraComputePercent.toFixed(2), "0.26");
  assert.equal(h.top1Drop.toFixed(2), "1.51");
});
