// How the fused SE block splits its work: every position, channel and hidden unit is covered exactly once, and on a
// GPU no invocation's chain of dependent steps grows with the stage.
import { test } from "node:test";
import assert from "node:assert/strict";
import { hardwareTiling, invocations, LANES, tiling, unitGroups } from "../../src/lib/kernels/tiling.ts";
import { seResNet50Stages } from "../../src/lib/seShapes.ts";

// The shapes the SE block chapter's prose computes its numbers from.
const SE_RESNET_50 = seResNet50Stages().map(({ shape: [, h, w, c], hidden }) => ({ hw: h * w, c, hidden }));

test("SE-ResNet-50's stages, from its definition", () => {
  assert.deepEqual(SE_RESNET_50, [
    { hw: 56 * 56, c: 256, hidden: 16 },
    { hw: 28 * 28, c: 512, hidden: 32 },
    { hw: 14 * 14, c: 1024, hidden: 64 },
    { hw: 7 * 7, c: 2048, hidden: 128 },
  ]);
});

test("both tilings cover every position and channel", () => {
  for (const hw of [1, 7, 49, 63, 64, 65, 323, 3136]) {
    for (const c of [1, 3, 40, 128, 129, 302, 2048]) {
      for (const t of [tiling(hw, c), hardwareTiling(hw, c)]) {
        assert.equal(t.chunks, Math.ceil(hw / t.chunk), `hw ${hw}, c ${c}`);
        assert.ok((t.chunks - 1) * t.chunk < hw, `hw ${hw}, c ${c}: an empty chunk`);
        assert.equal(t.blocks, Math.ceil(c / 128));
      }
    }
  }
});

test("hidden-unit groups cover every unit, none empty", () => {
  for (const c of [1, 3, 40, 96, 128, 302, 1024, 2048]) {
    for (const hidden of [1, 2, 8, 16, 17, 64, 128, 302, 2048]) {
      for (const kind of ["software", "hardware"] as const) {
        const { groups, units } = unitGroups(c, hidden, kind);
        assert.ok(groups >= 1 && units >= 1, `${kind} c ${c}, hidden ${hidden}`);
        assert.ok(
          groups * units >= hidden && (groups - 1) * units < hidden,
          `${kind} c ${c}, hidden ${hidden}`,
        );
      }
    }
  }
  assert.deepEqual(unitGroups(2048, 128, "software"), { groups: 1, units: 128 });
});

test("on a GPU, SE-ResNet-50's chains stay at 8 steps per invocation at every stage", () => {
  const chains = SE_RESNET_50.map(({ hw, c, hidden }) => {
    const t = hardwareTiling(hw, c);
    const { groups, units } = unitGroups(c, hidden, "hardware");
    return {
      groups,
      positions: Math.ceil(t.chunk / LANES.hardware), // se-reduce's squeeze, se-apply's scale
      fc1: (128 * units) / invocations("hardware"), // se-reduce's dot products
      workgroups: t.blocks * groups * t.chunks,
    };
  });
  assert.deepEqual(
    chains.map((s) => s.groups),
    [1, 2, 4, 8],
  );
  for (const s of chains) assert.ok(s.positions <= 8 && s.fc1 <= 8, JSON.stringify(s));
  assert.deepEqual(
    chains.map((s) => s.workgroups),
    [98, 104, 128, 128],
  );
});
