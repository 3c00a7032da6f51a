import { test } from "node:test";
import assert from "node:assert/strict";
import {
  parseConfig,
  preset,
  presetNames,
  seBlockName,
  type ModelConfig,
} from "../../../src/lib/models/config.js";
import { FASHION_JSON } from "./fashionConfig.js";

test("the Fashion config JSON parses unchanged and type-checks as ModelConfig", () => {
  const json = JSON.parse(FASHION_JSON);
  const typed: ModelConfig = json;
  assert.deepEqual(parseConfig(typed), json);
  assert.deepEqual(parseConfig({ ...json, se: null }).se, null);
});

test("every preset is valid; bottleneck defaults are made explicit", () => {
  for (const name of presetNames()) assert.equal(parseConfig(preset(name)).name, name);
  const c = parseConfig({ ...preset("se_resnet50"), baseWidth: undefined });
  assert.equal(c.baseWidth, 64);
  assert.equal(c.reduceFirst, 1);
  assert.equal(c.downsampleKernel, 1);
});

test("preset conventions: Caffe / pretrainedmodels vs torchvision / timm", () => {
  assert.equal(preset("se_resnet50").strideOn, "1x1");
  assert.deepEqual(preset("se_resnet50").stem, { kind: "7x7", width: 64, maxPool: true, ceilMode: true });
  assert.equal(preset("seresnet50").strideOn, "3x3");
  assert.deepEqual(preset("seresnet50").stem, { kind: "7x7", width: 64, maxPool: true, ceilMode: false });
  const s = preset("senet154");
  assert.deepEqual(
    [s.groups, s.baseWidth, s.reduceFirst, s.downsampleKernel, s.strideOn],
    [64, 4, 2, 3, "3x3"],
  );
  assert.deepEqual(s.depths, [3, 8, 36, 3]);
  assert.deepEqual(s.stem, { kind: "deep", widths: [64, 64, 128], maxPool: true, ceilMode: true });
});

test("paper block names start at stage 2", () => {
  assert.equal(seBlockName(0, 0), "SE_2_1");
  assert.equal(seBlockName(3, 2), "SE_5_3");
});

test("bad configs are refused with messages naming the problem", () => {
  const base = JSON.parse(FASHION_JSON);
  assert.throws(() => preset("se_resnet51"), /unknown preset "se_resnet51"; known presets: .*se_resnet50/);
  assert.throws(
    () => parseConfig({ ...base, se: { r: 3, stages: [true, true, true] } }),
    /se\.r = 3 does not divide the 8 output channels of stage 2 \(layer1\)/,
  );
  assert.throws(
    () => parseConfig({ ...base, se: { r: 4, stages: [true, true] } }),
    /se\.stages must hold one true\/false per stage \(3\)/,
  );
  assert.throws(() => parseConfig({ ...base, widths: [8, 16] }), /widths has 2 entries but depths has 3/);
  assert.throws(() => parseConfig({ ...base, dropout: 0.2 }), /unknown field "dropout"/);
  assert.throws(() => parseConfig({ ...base, groups: 2 }), /basic blocks have no grouped conv/);
  assert.throws(() => parseConfig({ ...base, strideOn: "1x1" }), /basic blocks have no 1x1 conv/);
  assert.throws(
    () => parseConfig({ ...base, baseWidth: 4 }),
    /"baseWidth" applies to bottleneck blocks only/,
  );
  assert.throws(
    () => parseConfig({ ...base, stem: { kind: "5x5", width: 8 } }),
    /stem\.kind must be one of "3x3", "7x7", "deep", got "5x5"/,
  );
  assert.throws(() => parseConfig({ ...base, stem: { kind: "7x7", width: 8 } }), /missing field "maxPool"/);
  assert.throws(
    () => parseConfig({ ...base, depths: [2, 0, 2] }),
    /depths\[1\] must be a positive integer, got 0/,
  );
  assert.throws(() => parseConfig({ ...base, bnEps: 0 }), /bnEps must be a small positive number/);
  const { numClasses: _, ...missing } = base;
  assert.throws(() => parseConfig(missing), /missing field "numClasses"/);
  const x = preset("resnext50_32x4d");
  assert.throws(
    () => parseConfig({ ...x, reduceFirst: 5 }),
    /reduceFirst 5 does not divide the stage 2 3x3 width 128/,
  );
  assert.throws(
    () => parseConfig({ ...x, widths: [64, 128, 32, 512], baseWidth: 1 }),
    /stage 4 3x3 has no channels: widths\[2\] 32 × baseWidth 1 \/ 64 is below 1/,
  );
  assert.throws(
    () => parseConfig({ ...x, baseWidth: 1, reduceFirst: 2 }),
    /stage 2 first 1x1 width 16 is not a multiple of groups 32/,
  );
});
