import { test } from "node:test";
import assert from "node:assert/strict";
import { firstOfEachClass, parseFashionSubset } from "../../src/lib/fashionSubset.ts";

const meta = (labels: number[]) => ({
  count: labels.length,
  imageShape: [28, 28],
  labels,
  indices: labels.map((_, i) => 100 + i),
  classNames: ["T-shirt/top", "Trouser", "Pullover"],
});

test("the first image of each class, in class order, skipping a class the subset lacks", () => {
  const labels = [1, 0, 1, 0];
  const subset = parseFashionSubset(new Uint8Array(labels.length * 784), meta(labels));
  assert.deepEqual(firstOfEachClass(subset), [
    { name: "T-shirt/top", index: 1 },
    { name: "Trouser", index: 0 },
  ]);
});

test("a subset whose bytes do not match its count is refused", () => {
  assert.throws(
    () => parseFashionSubset(new Uint8Array(784), meta([0, 1])),
    /784 bytes; 2 images of 28×28 need 1568/,
  );
});
