import { test } from "node:test";
import assert from "node:assert/strict";
import {
  layoutKind,
  oihwToHwio,
  pytorchShapes,
  toTfjsLayout,
  transpose2d,
} from "../../../src/lib/import/layout.js";
import { detectNaming, keyNaming, toCanonicalNames } from "../../../src/lib/import/naming.js";

const names = (keys: string[]) => [
  ...toCanonicalNames(new Map(keys.map((k) => [k, 0])), "pretrainedmodels").keys(),
];

test("pretrainedmodels names map to timm names (7x7 stem)", () => {
  assert.deepEqual(
    names([
      "layer0.conv1.weight",
      "layer0.bn1.running_var",
      "layer1.0.conv1.weight",
      "layer1.0.bn3.bias",
      "layer1.0.se_module.fc1.weight",
      "layer1.0.se_module.fc2.bias",
      "layer1.0.downsample.0.weight",
      "layer1.0.downsample.1.running_mean",
      "layer4.2.se_module.fc1.bias",
      "last_linear.weight",
      "last_linear.bias",
    ]),
    [
      "conv1.weight",
      "bn1.running_var",
      "layer1.0.conv1.weight",
      "layer1.0.bn3.bias",
      "layer1.0.se.fc1.weight",
      "layer1.0.se.fc2.bias",
      "layer1.0.downsample.0.weight",
      "layer1.0.downsample.1.running_mean",
      "layer4.2.se.fc1.bias",
      "fc.weight",
      "fc.bias",
    ],
  );
});

test("pretrainedmodels deep stem (SENet-154) maps to timm's conv1 Sequential", () => {
  assert.deepEqual(
    names([
      "layer0.conv1.weight",
      "layer0.bn1.bias",
      "layer0.conv2.weight",
      "layer0.bn2.weight",
      "layer0.conv3.weight",
      "layer0.bn3.running_var",
    ]),
    [
      "conv1.0.weight",
      "conv1.1.bias",
      "conv1.3.weight",
      "conv1.4.weight",
      "conv1.6.weight",
      "bn1.running_var",
    ],
  );
});

test("naming detection", () => {
  assert.equal(detectNaming(["conv1.weight", "layer1.0.se.fc1.weight", "fc.bias"]), "timm");
  assert.equal(detectNaming(["layer0.conv1.weight", "layer1.0.conv1.weight"]), "pretrainedmodels");
  assert.equal(detectNaming(["layer1.0.se_module.fc1.weight"]), "pretrainedmodels");
  assert.equal(detectNaming(["last_linear.weight"]), "pretrainedmodels");
  assert.equal(detectNaming(["layer1.0.conv1.weight"]), "timm"); // no evidence either way: canonical
  assert.equal(keyNaming("layer1.0.conv1.weight"), undefined);
  assert.throws(
    () => detectNaming(["conv1.weight", "last_linear.weight"]),
    /mixes pretrainedmodels names \(e\.g\. "last_linear\.weight"\) and timm names \(e\.g\. "conv1\.weight"\)/,
  );
  assert.throws(
    () =>
      toCanonicalNames(
        new Map([
          ["last_linear.weight", 0],
          ["fc.weight", 1],
        ]),
        "pretrainedmodels",
      ),
    /keys "last_linear\.weight" and "fc\.weight" both map to "fc\.weight"/,
  );
});

test("conv OIHW -> HWIO moves every element where tfjs expects it", () => {
  const [o, i, kh, kw] = [3, 2, 2, 4];
  const src = Float32Array.from({ length: o * i * kh * kw }, (_, n) => n);
  const out = oihwToHwio(src, [o, i, kh, kw]);
  for (let a = 0; a < o; a++)
    for (let b = 0; b < i; b++)
      for (let y = 0; y < kh; y++)
        for (let x = 0; x < kw; x++)
          assert.equal(out[((y * kw + x) * i + b) * o + a], src[((a * i + b) * kh + y) * kw + x]);
  assert.deepEqual([...transpose2d(Float32Array.from([1, 2, 3, 4, 5, 6]), 2, 3)], [1, 4, 2, 5, 3, 6]);
});

test("layout rules by name and shape: grouped conv, SE fc as 1x1 conv or linear, fc, vectors", () => {
  // A grouped 3x3 conv: tfjs [3, 3, in/groups = 4, out = 16] <- PyTorch [16, 4, 3, 3].
  assert.deepEqual(pytorchShapes("layer1.0.conv2.weight", [3, 3, 4, 16]), [[16, 4, 3, 3]]);
  const g = toTfjsLayout("layer1.0.conv2.weight", [16, 4, 3, 3], new Float32Array(576), [3, 3, 4, 16]);
  assert.deepEqual(g.shape, [3, 3, 4, 16]);
  // SE fc1 is a 1x1 conv [C/r, C, 1, 1] (or an nn.Linear [C/r, C]) -> [C, C/r].
  assert.deepEqual(pytorchShapes("layer1.0.se.fc1.weight", [256, 16]), [
    [16, 256, 1, 1],
    [16, 256],
  ]);
  const fc1 = toTfjsLayout(
    "layer1.0.se.fc1.weight",
    [2, 3, 1, 1],
    Float32Array.from([1, 2, 3, 4, 5, 6]),
    [3, 2],
  );
  assert.deepEqual([...fc1.data], [1, 4, 2, 5, 3, 6]);
  assert.deepEqual(pytorchShapes("fc.weight", [2048, 1000]), [[1000, 2048]]);
  assert.deepEqual(pytorchShapes("bn1.running_var", [64]), [[64]]);
  assert.equal(layoutKind("bn1.weight", [64]), "vector");
  assert.throws(() => layoutKind("x", [1, 2, 3]), /no layout rule for "x" with shape \[1, 2, 3\]/);
});
