import { test } from "node:test";
import assert from "node:assert/strict";
import { ratiosFor, seShapeChoices } from "../../src/lib/seShapes.js";

test("SE shape choices: a small one, then the first SE block of each SE-ResNet-50 stage (paper Table 1)", () => {
  assert.deepEqual(
    seShapeChoices().map((c) => [c.label, c.shape]),
    [
      ["small: 8×8×32", [1, 8, 8, 32]],
      ["SE-ResNet-50 stage 2: 56×56×256", [1, 56, 56, 256]],
      ["SE-ResNet-50 stage 3: 28×28×512", [1, 28, 28, 512]],
      ["SE-ResNet-50 stage 4: 14×14×1024", [1, 14, 14, 1024]],
      ["SE-ResNet-50 stage 5: 7×7×2048", [1, 7, 7, 2048]],
    ],
  );
  assert.deepEqual(ratiosFor(24), [1, 2, 4, 8]);
});
