import { test } from "node:test";
import assert from "node:assert/strict";
import { preset } from "../../../src/lib/models/config.js";
import { table1 } from "../../../src/lib/models/table1.js";
import { FASHION_F8 } from "../../helpers/configs.js";

test("Table 1 rows for SE-ResNet-50 come out of the definition as the paper prints them", () => {
  const rows = table1(preset("se_resnet50"));
  assert.deepEqual(
    rows.map((r) => [r.stage, r.outputSize, r.layers, r.se]),
    [
      ["conv1", "112×112", "conv, 7×7, 64, stride 2", ""],
      ["conv2_x", "56×56", "max pool, 3×3, stride 2", ""],
      [
        "conv2_x",
        "56×56",
        "[conv, 1×1, 64; conv, 3×3, 64; conv, 1×1, 256; fc, [16, 256]] ×3",
        "fc, [16, 256]",
      ],
      [
        "conv3_x",
        "28×28",
        "[conv, 1×1, 128; conv, 3×3, 128; conv, 1×1, 512; fc, [32, 512]] ×4",
        "fc, [32, 512]",
      ],
      [
        "conv4_x",
        "14×14",
        "[conv, 1×1, 256; conv, 3×3, 256; conv, 1×1, 1024; fc, [64, 1024]] ×6",
        "fc, [64, 1024]",
      ],
      [
        "conv5_x",
        "7×7",
        "[conv, 1×1, 512; conv, 3×3, 512; conv, 1×1, 2048; fc, [128, 2048]] ×3",
        "fc, [128, 2048]",
      ],
      ["", "1×1", "global average pool, 1000-d fc, softmax", ""],
    ],
  );
  assert.deepEqual(rows[2].items, ["conv, 1×1, 64", "conv, 3×3, 64", "conv, 1×1, 256", "fc, [16, 256]"]);
  assert.equal(rows[5].repeat, 3);
});

test("ResNet-50 has no SE column; SE-ResNeXt-50 doubles the widths with 32 groups", () => {
  const plain = table1(preset("resnet50"));
  assert.ok(plain.every((r) => r.se === ""));
  assert.equal(plain[2].layers, "[conv, 1×1, 64; conv, 3×3, 64; conv, 1×1, 256] ×3");
  const x = table1(preset("se_resnext50_32x4d"));
  assert.equal(x[3].layers, "[conv, 1×1, 256; conv, 3×3, 256, C=32; conv, 1×1, 512; fc, [32, 512]] ×4");
});

test("the Fashion net: 3×3 stem without pooling, three stages 28 -> 14 -> 7", () => {
  const rows = table1({ ...FASHION_F8, name: "f", se: { r: 4, stages: [true, true, false] } });
  assert.deepEqual(
    rows.map((r) => [r.stage, r.outputSize, r.layers]),
    [
      ["conv1", "28×28", "conv, 3×3, 8"],
      ["conv2_x", "28×28", "[conv, 3×3, 8; conv, 3×3, 8; fc, [2, 8]] ×2"],
      ["conv3_x", "14×14", "[conv, 3×3, 16; conv, 3×3, 16; fc, [4, 16]] ×2"],
      ["conv4_x", "7×7", "[conv, 3×3, 32; conv, 3×3, 32] ×2"],
      ["", "1×1", "global average pool, 10-d fc, softmax"],
    ],
  );
});
