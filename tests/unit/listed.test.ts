import { test } from "node:test";
import assert from "node:assert/strict";
import { listed } from "../../src/lib/listed.ts";

test("listed joins items for a sentence", () => {
  assert.equal(listed([]), "");
  assert.equal(listed(["a"]), "a");
  assert.equal(listed(["a", "b"]), "a and b");
  assert.equal(listed(["a", "b", "c"]), "a, b and c");
});
