import { test } from "node:test";
import assert from "node:assert/strict";
import { imagenetClasses, labelCount, labelNames } from "../../src/lib/labels/index.js";

test("ImageNet-1k: 1000 classes, wnids unique and in the standard (sorted) order", () => {
  const c = imagenetClasses();
  assert.equal(c.length, 1000);
  assert.equal(new Set(c.map((x) => x.wnid)).size, 1000);
  for (let i = 1; i < 1000; i++) assert.ok(c[i - 1].wnid < c[i].wnid, `order at ${i}`);
  for (const x of c) {
    assert.match(x.wnid, /^n\d{8}$/);
    assert.ok(
      x.lemmas.toLowerCase().includes(x.name.toLowerCase()),
      `${x.index}: "${x.name}" in "${x.lemmas}"`,
    );
  }
  assert.deepEqual(c[0], { index: 0, wnid: "n01440764", name: "tench", lemmas: "tench, Tinca tinca" });
  assert.equal(c[999].wnid, "n15075141");
});

test("the paper's Figure 8 classes are at their known indices", () => {
  const c = imagenetClasses();
  assert.deepEqual([c[1].wnid, c[1].name], ["n01443537", "goldfish"]);
  assert.deepEqual([c[254].wnid, c[254].name], ["n02110958", "pug"]);
  assert.deepEqual(
    [c[726].wnid, c[726].lemmas],
    ["n03954731", "plane, carpenter's plane, woodworking plane"],
  );
  assert.deepEqual([c[972].wnid, c[972].name], ["n09246464", "cliff"]);
});

test("label sets", () => {
  assert.equal(labelCount("imagenet1k"), 1000);
  assert.equal(labelNames("imagenet1k")[254], "pug");
  assert.deepEqual(labelNames("fashion-mnist"), [
    "T-shirt/top",
    "Trouser",
    "Pullover",
    "Dress",
    "Coat",
    "Sandal",
    "Shirt",
    "Sneaker",
    "Bag",
    "Ankle boot",
  ]);
});
