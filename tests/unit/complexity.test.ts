import { test } from "node:test";
import assert from "node:assert/strict";
import { describe, seModules } from "../../src/lib/models/architecture.js";
import { complexity, reductionTable, seParamsFormula } from "../../src/lib/models/complexity.js";
import {
  PAPER_TABLE1_OUTPUT_SIZES,
  PAPER_TABLE2_GFLOPS,
  PAPER_TABLE5_MODEL_MB,
  preset,
} from "../../src/lib/models/config.js";

const within = (actual: number, expected: number, rel: number, what: string) =>
  assert.ok(
    Math.abs(actual - expected) <= rel * expected,
    `${what}: ${actual} vs ${expected} (±${rel * 100}%)`,
  );

test("Table 2 GFLOPs (multiply-adds at 224×224) within 1% with the paper's stride placement", () => {
  for (const row of PAPER_TABLE2_GFLOPS) {
    const plain = complexity(preset(row.plain));
    const se = complexity(preset(row.se));
    within(plain.macs / 1e9, row.gflops[0], 0.01, `${row.model}`);
    within(se.macs / 1e9, row.gflops[1], 0.01, `SE-${row.model}`);
    // Counting the SE squeeze and scale as well brings the SE models even closer.
    within(
      (se.macs + se.seSqueezeOps + se.seScaleOps) / 1e9,
      row.gflops[1],
      0.005,
      `SE-${row.model} + pool/scale`,
    );
  }
});

test("parameter counts equal the public implementations' exactly", () => {
  assert.equal(complexity(preset("resnet50")).params, 25_557_032);
  assert.equal(complexity(preset("resnet50_caffe")).params, 25_557_032);
  assert.equal(complexity(preset("seresnet50")).params, 28_088_024);
  assert.equal(complexity(preset("se_resnet50")).params, 28_088_024);
  assert.equal(complexity(preset("seresnext50_32x4d")).params, 27_559_896);
});

test("multiply-adds per stride convention match NOTES.md's measured references", () => {
  within(complexity(preset("resnet50")).macs / 1e9, 4.089, 0.0005, "timm resnet50");
  within(complexity(preset("seresnet50")).macs / 1e9, 4.092, 0.0005, "timm seresnet50");
  within(complexity(preset("se_resnet50")).macs / 1e9, 3.8605, 0.0005, "pretrainedmodels se_resnet50");
  within(complexity(preset("seresnext50_32x4d")).macs / 1e9, 4.233, 0.0005, "timm seresnext50_32x4d");
});

test("SE overhead: about 10% more parameters, about 4% without the last stage's SE", () => {
  const base = complexity(preset("resnet50")).params;
  const se = complexity(preset("se_resnet50"));
  const extra = (se.params - base) / base;
  assert.equal(se.params - base, se.seParams);
  assert.ok(extra > 0.095 && extra < 0.105, `extra ${extra}`);
  const c = preset("se_resnet50");
  const noLast = complexity({ ...c, se: { r: 16, stages: [true, true, true, false] } });
  const extraNoLast = (noLast.params - base) / base;
  assert.ok(extraNoLast > 0.035 && extraNoLast < 0.045, `extra without stage 5 ${extraNoLast}`);
  // Section 4's formula (2/r) Σ N_s C_s² is the SE weight count; the counted SE params add the biases.
  const biases = seModules(describe(c)).reduce((a, m) => a + m.channels + m.reduced, 0);
  assert.equal(seParamsFormula(c) + biases, se.seParams);
  // The SE FCs cost only 0.07% more multiply-adds.
  assert.ok(se.seFcMacs / complexity(preset("resnet50_caffe")).macs < 0.001);
});

test("the r table is monotone and its float32 sizes sit near Table 5's", () => {
  const rows = reductionTable(preset("se_resnet50"));
  assert.deepEqual(
    rows.map((r) => r.r),
    [2, 4, 8, 16, 32, null],
  );
  for (let i = 1; i < rows.length; i++) assert.ok(rows[i].params < rows[i - 1].params);
  for (const row of rows) {
    const paper = row.r === null ? PAPER_TABLE5_MODEL_MB.resnet50 : PAPER_TABLE5_MODEL_MB[row.r];
    if (paper !== undefined) within(row.float32MiB, paper, 0.015, `r = ${row.r}`);
  }
  assert.equal(rows[3].params, 28_088_024);
});

test("full SE-ResNet-50 shapes: Table 1 output sizes and channels from the definition", () => {
  const arch = describe(preset("se_resnet50"));
  const sizes = [arch.stem[0].outSize[0], ...arch.stages.map((s) => s.blocks[0].outSize[0]), 1];
  assert.deepEqual(sizes, [...PAPER_TABLE1_OUTPUT_SIZES]);
  assert.deepEqual(
    arch.stages.map((s) => s.blocks.length),
    [3, 4, 6, 3],
  );
  assert.deepEqual(
    arch.stages.map((s) => s.blocks[0].outChannels),
    [256, 512, 1024, 2048],
  );
  assert.equal(arch.pool?.outSize[0], 56);
  const names = seModules(arch).map((m) => m.name);
  assert.equal(names.length, 16);
  assert.deepEqual([names[0], names[2], names[12], names[15]], ["SE_2_1", "SE_2_3", "SE_4_6", "SE_5_3"]);
  // Caffe placement: the stride sits on the first 1×1 of each downsampling block.
  const b = arch.stages[1].blocks[0];
  assert.deepEqual(
    b.convs.map((c) => c.stride),
    [2, 1, 1],
  );
  assert.deepEqual(
    describe(preset("seresnet50")).stages[1].blocks[0].convs.map((c) => c.stride),
    [1, 2, 1],
  );
});

test("SENet-154: 3×(3×3) stem, halved first 1×1, 64 groups, 3×3 strided projections", () => {
  const arch = describe(preset("senet154"));
  assert.deepEqual(
    arch.stem.map((c) => [c.kernel, c.stride, c.outChannels]),
    [
      [3, 2, 64],
      [3, 1, 64],
      [3, 1, 128],
    ],
  );
  const b = arch.stages[1].blocks[0];
  assert.deepEqual(
    b.convs.map((c) => [c.kernel, c.outChannels, c.groups]),
    [
      [1, 256],
      [3, 512],
      [1, 512],
    ].map(([k, o], i) => [k, o, i === 1 ? 64 : 1]),
  );
  assert.deepEqual([b.downsample?.kernel, b.downsample?.stride, b.downsample?.pad], [3, 2, 1]);
  assert.equal(arch.stages[0].blocks[0].downsample?.kernel, 1); // unstrided projection stays 1×1
  // Public model listings give SENet-154 "~115M" parameters.
  within(complexity(preset("senet154")).params, 115e6, 0.005, "SENet-154 params");
});
