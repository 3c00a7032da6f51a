import { test } from "node:test";
import assert from "node:assert/strict";
import type { HostTensor } from "../../../src/lib/import/host-tensor.js";
import { fitToArchitecture, importCheckpoint } from "../../../src/lib/import/importer.js";
import { pytorchShapes } from "../../../src/lib/import/layout.js";
import { describe } from "../../../src/lib/models/architecture.js";
import { preset, type ModelConfig } from "../../../src/lib/models/config.js";
import { expectedWeights } from "../../../src/lib/models/weightSpec.js";
import { fixtureBytes, golden } from "./fixtures.js";

/** A state dict with the right names and PyTorch shapes for `config` (no data: only shapes are compared). */
function shapesOnly(config: ModelConfig): Map<string, HostTensor> {
  return new Map(
    expectedWeights(describe(config)).map(({ name, shape }) => [
      name,
      { dtype: "F32", shape: pytorchShapes(name, shape)[0], data: new Float32Array(0) },
    ]),
  );
}

test("a checkpoint of another architecture is named, not listed key by key", () => {
  assert.throws(
    () => fitToArchitecture(shapesOnly(preset("resnet50")), preset("se_resnet50"), "timm", "r50.pth"),
    /r50\.pth: this checkpoint has no SE keys \(it looks like resnet50 or resnet50_caffe\) but architecture "se_resnet50" has SE blocks \(e\.g\. "layer1\.0\.se\.fc1\.weight"\)/,
  );
  assert.throws(
    () => fitToArchitecture(shapesOnly(preset("seresnet101")), preset("seresnet50"), "timm"),
    /this checkpoint has \[3, 4, 23, 3\] blocks per stage \(it looks like seresnet101 or se_resnet101\) but architecture "seresnet50" has \[3, 4, 6, 3\]/,
  );
  assert.throws(
    () => fitToArchitecture(shapesOnly(preset("seresnet50")), preset("resnet50"), "timm"),
    /has SE blocks \(e\.g\. "layer1\.0\.se\.fc1\.weight"\) \(it looks like seresnet50 or se_resnet50\) but architecture "resnet50" has none/,
  );
  assert.throws(
    () => fitToArchitecture(shapesOnly(preset("seresnext50_32x4d")), preset("seresnet50"), "timm"),
    /does not match architecture "seresnet50" \(it looks like seresnext50_32x4d or se_resnext50_32x4d\) \(\d+ problems\):\n  "layer1\.0\.conv1\.weight": expected shape \[64, 64, 1, 1\], got \[128, 64, 1, 1\]/,
  );
});

test("a wrong shape names the key, the expected and the actual shape", () => {
  const g = golden("tiny_seresnet_timm");
  const sd = shapesOnly(g.config);
  sd.set("layer2.0.conv2.weight", { dtype: "F32", shape: [8, 4, 3, 3], data: new Float32Array(0) });
  sd.delete("layer3.0.bn1.running_var");
  sd.set("layer3.0.extra.weight", { dtype: "F32", shape: [2], data: new Float32Array(0) });
  assert.throws(
    () => fitToArchitecture(sd, g.config, "timm", "w.safetensors"),
    (e: Error) => {
      assert.match(
        e.message,
        /^w\.safetensors: the checkpoint does not match architecture "tiny_seresnet_timm" \(3 problems\)/,
      );
      assert.match(
        e.message,
        /"layer2\.0\.conv2\.weight": expected shape \[8, 8, 3, 3\], got \[8, 4, 3, 3\]/,
      );
      assert.match(e.message, /missing "layer3\.0\.bn1\.running_var" \(expected shape \[16\]\)/);
      assert.match(e.message, /unexpected "layer3\.0\.extra\.weight" \(shape \[2\]\)/);
      return true;
    },
  );
});

test("integer or non-finite weights are refused by name", () => {
  const g = golden("tiny_se_basic_fashion");
  const sd = shapesOnly(g.config);
  for (const t of sd.values()) t.data = new Float32Array(t.shape.reduce((a, b) => a * b, 1));
  fitToArchitecture(sd, g.config, "timm");
  sd.get("layer1.0.bn2.bias")!.data[3] = NaN;
  assert.throws(
    () => fitToArchitecture(sd, g.config, "timm"),
    /"layer1\.0\.bn2\.bias" holds a non-finite value \(NaN\) at element 3/,
  );
  sd.get("layer1.0.bn2.bias")!.data[3] = 0;
  sd.set("fc.bias", { dtype: "I64", shape: [10], data: new Float64Array(10) });
  assert.throws(
    () => fitToArchitecture(sd, g.config, "timm"),
    /"fc\.bias" has integer dtype I64; weights must be floating point/,
  );
});

test("a negative BatchNorm running variance is refused by name", () => {
  const g = golden("tiny_se_basic_fashion");
  const sd = shapesOnly(g.config);
  for (const t of sd.values()) t.data = new Float32Array(t.shape.reduce((a, b) => a * b, 1));
  sd.get("layer1.0.bn1.running_mean")!.data[0] = -1; // means may be negative
  fitToArchitecture(sd, g.config, "timm");
  sd.get("layer1.0.bn1.running_var")!.data[2] = -0.5;
  assert.throws(
    () => fitToArchitecture(sd, g.config, "timm", "v.pth"),
    /v\.pth: "layer1\.0\.bn1\.running_var" holds a negative variance \(-0\.5\) at element 2; BatchNorm running variances must be >= 0/,
  );
});

test("importing real files: naming detection, forced naming and wrong architectures", () => {
  const caffe = golden("tiny_se_resnet_caffe");
  const r = importCheckpoint(fixtureBytes("tiny_se_resnet_caffe.legacy.pth"), { config: caffe.config });
  assert.equal(r.naming, "pretrainedmodels");
  assert.equal(r.format, "pth-legacy");
  assert.deepEqual(r.notes, ["skipped 20 BatchNorm num_batches_tracked counters (training bookkeeping)"]);
  assert.deepEqual(r.weights.get("layer1.0.se.fc1.weight")!.shape, [16, 4]);
  assert.deepEqual(r.weights.get("conv1.weight")!.shape, [7, 7, 3, 8]);
  assert.throws(
    () =>
      importCheckpoint(fixtureBytes("tiny_se_resnet_caffe.pth"), {
        config: caffe.config,
        naming: "timm",
        fileName: "c.pth",
      }),
    /c\.pth: keys such as "layer0\.conv1\.weight" use pretrainedmodels naming but timm naming was asked for \(try --naming auto\)/,
  );
  assert.throws(
    () =>
      importCheckpoint(fixtureBytes("tiny_resnet_timm.safetensors"), {
        config: golden("tiny_seresnet_timm").config,
        fileName: "r.safetensors",
      }),
    /r\.safetensors: this checkpoint has no SE keys but architecture "tiny_seresnet_timm" has SE blocks/,
  );
  assert.throws(
    () => importCheckpoint(fixtureBytes("tiny_seresnet_timm.pth"), { config: preset("se_resnet50") }),
    /this checkpoint has \[1, 1, 1, 1\] blocks per stage but architecture "se_resnet50" has \[3, 4, 6, 3\]/,
  );
});
