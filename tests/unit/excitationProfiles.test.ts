// The Figure 8 pipeline on the PyTorch golden fixture: per-class means must be PyTorch's excitations.
import { test } from "node:test";
import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs-core";
import "@tensorflow/tfjs-backend-cpu";
import { importCheckpoint } from "../../src/lib/import/importer.js";
import { toNamedTensorMap } from "../../src/lib/import/tensors.js";
import { parseNpy } from "../../src/lib/npy.js";
import { load } from "../../src/lib/models/resnet.js";
import { profileModel } from "../../src/lib/excitationProfiles.js";
import { fixtureBytes, golden } from "./import/fixtures.js";

test("profileModel: one image per class gives that image's PyTorch excitation as the class mean", async () => {
  await tf.setBackend("cpu");
  const g = golden("tiny_se_basic_fashion");
  const { weights } = importCheckpoint(fixtureBytes("tiny_se_basic_fashion.safetensors"), {
    config: g.config,
  });
  const tensors = toNamedTensorMap(weights);
  const model = load({ config: g.config, weights: tensors });
  tf.dispose(Object.values(tensors));
  const npy = parseNpy(fixtureBytes(g.input.file)); // [N, 1, 28, 28]: one channel, so NCHW = NHWC
  const n = npy.shape[0];
  const inputs = Array.from({ length: n }, (_, i) => npy.data.slice(i * 784, (i + 1) * 784));
  const before = tf.memory().numTensors;
  const profiles = await profileModel(model, inputs, [0, 1], ["a", "b"], 1);
  assert.equal(tf.memory().numTensors, before, "profileModel leaks tensors");
  await assert.rejects(
    profileModel(model, [inputs[0], inputs[1].subarray(1)], [0, 1], ["a", "b"]),
    /image 1 has 783 values/,
    "a short image is refused, not zero-padded",
  );
  assert.equal(tf.memory().numTensors, before, "a refused batch leaks tensors");
  model.dispose();
  assert.deepEqual(
    profiles.blocks.map((b) => b.name),
    Object.keys(g.taps),
  );
  assert.deepEqual(profiles.classCounts, [1, 1]);
  assert.equal(profiles.channelsPerBlock, 50);
  for (const block of profiles.blocks) {
    const s = g.taps[block.name].s;
    assert.equal(block.channels, s[0].length);
    block.sampledChannels.forEach((c, j) => {
      for (let k = 0; k < n; k++)
        assert.ok(Math.abs(block.classMeans[k][j] - s[k][c]) < 1e-5, `${block.name}`);
      assert.ok(Math.abs(block.overallMean[j] - (s[0][c] + s[1][c]) / 2) < 1e-5);
    });
    assert.ok(block.classSpecificity > 0.99, "with one image per class the class explains all variance");
  }
});
