import { test } from "node:test";
import assert from "node:assert/strict";
import { readCheckpoint } from "../../../src/lib/import/checkpoint.js";
import { PyGlobal, PyObject, unpickle } from "../../../src/lib/import/pickle.js";
import { PthTensor, findStateDict, readPth } from "../../../src/lib/import/pth.js";
import { readZip } from "../../../src/lib/import/zip.js";
import { fixtureBytes } from "./fixtures.js";

function sameTensors(a: ReturnType<typeof readCheckpoint>["tensors"], b: typeof a) {
  assert.deepEqual([...a.keys()].sort(), [...b.keys()].sort());
  for (const [k, t] of a) {
    const u = b.get(k)!;
    assert.deepEqual(u.shape, t.shape, k);
    assert.deepEqual(u.data, t.data, k);
  }
}

test("zip .pth, legacy .pth and safetensors of the same weights read identically", () => {
  sameTensors(
    readCheckpoint(fixtureBytes("tiny_seresnet_timm.pth")).tensors,
    readCheckpoint(fixtureBytes("tiny_seresnet_timm.safetensors")).tensors,
  );
  sameTensors(
    readCheckpoint(fixtureBytes("tiny_se_resnet_caffe.pth")).tensors,
    readCheckpoint(fixtureBytes("tiny_se_resnet_caffe.legacy.pth")).tensors,
  );
});

test("channels_last (permuted-stride) tensors are gathered correctly", () => {
  const { tensors } = findStateDict(readPth(fixtureBytes("tiny_seresnext_g4.pth")));
  const conv1 = tensors.get("conv1.weight")!;
  assert.deepEqual(conv1.shape, [8, 3, 7, 7]);
  assert.deepEqual(conv1.stride, [147, 1, 21, 3]); // NHWC memory order
  sameTensors(
    readCheckpoint(fixtureBytes("tiny_seresnext_g4.pth")).tensors,
    readCheckpoint(fixtureBytes("tiny_seresnext_g4.f16.safetensors")).tensors,
  );
});

test("a wrapped training checkpoint: state_dict found, module. prefix removed, other entries ignored", () => {
  const c = readCheckpoint(fixtureBytes("tiny_se_resnet_caffe.pth"), "ckpt.pth");
  assert.deepEqual(c.notes, [
    'state_dict taken from checkpoint["state_dict"]',
    'removed the DataParallel "module." prefix from all 142 keys',
  ]);
  assert.ok(c.tensors.has("layer0.conv1.weight"));
  const root = readPth(fixtureBytes("tiny_se_resnet_caffe.pth")) as Map<string, unknown>;
  assert.equal(root.get("epoch"), 7);
  assert.equal(root.get("arch"), "tiny_se_resnet_caffe");
  assert.ok(root.get("best_acc1") instanceof PthTensor);
});

test("findStateDict explains what it found instead of a state_dict", () => {
  const model = new PyObject(new PyGlobal("torchvision.models.resnet", "ResNet"), []);
  assert.throws(
    () => findStateDict(model, "m.pth"),
    /m\.pth contains a pickled torchvision\.models\.resnet\.ResNet object \(a whole pickled model\), not a state_dict; re-save it with torch\.save\(model\.state_dict\(\)/,
  );
  assert.throws(
    () => findStateDict(new Map<string, unknown>([["model", model]]), "m.pth"),
    /checkpoint\["model"\] is a pickled torchvision\.models\.resnet\.ResNet object/,
  );
  assert.throws(
    () =>
      findStateDict(
        new Map<string, unknown>([
          ["epoch", 3],
          ["optimizer", new Map()],
        ]),
        "c.pth",
      ),
    /c\.pth holds no state_dict: top-level keys are epoch, optimizer; expected a dict of tensors or one under "state_dict" or "model" \(epoch is a number\)/,
  );
  assert.throws(() => findStateDict([1, 2], "l.pth"), /l\.pth contains a list, not a state_dict/);
});

test("damaged zip checkpoints are refused", () => {
  const good = fixtureBytes("tiny_seresnet_timm.pth");
  assert.throws(
    () => readCheckpoint(good.subarray(0, good.length - 100), "cut.pth"),
    /cut\.pth is not a readable ZIP archive: no end-of-central-directory record/,
  );
  assert.throws(() => readCheckpoint(good.subarray(0, 4000), "cut.pth"), /not a readable ZIP archive/);
  const entries = readZip(good);
  const [name, data] = [...entries].find(([n]) => n.endsWith("/data/0"))!;
  const flipped = good.slice();
  flipped[data.byteOffset + 10] ^= 0xff;
  assert.throws(
    () => readCheckpoint(flipped, "bad.pth"),
    new RegExp(`entry "${name}" fails its CRC-32 check`),
  );
});

test("damaged legacy checkpoints are refused with the conversion command", () => {
  const good = fixtureBytes("tiny_se_resnet_caffe.legacy.pth");
  const hint = /torch\.save\(torch\.load\('old\.pth'\), 'new\.pth', _use_new_zipfile_serialization=True\)/;
  assert.throws(
    () => readCheckpoint(good.subarray(0, good.length - 10), "old.pth"),
    /storage \S+ should hold \d+ elements/,
  );
  assert.throws(() => readCheckpoint(good.subarray(0, good.length - 10), "old.pth"), hint);
  assert.throws(() => readCheckpoint(good.subarray(0, 3000), "old.pth"), /truncated/);
  // A pickle that is not a checkpoint: protocol 2, the int 5, STOP.
  assert.throws(
    () => readCheckpoint(new Uint8Array([0x80, 2, 0x4b, 5, 0x2e]), "p.pkl"),
    /p\.pkl is a pickle but not a PyTorch checkpoint/,
  );
  const tar = new Uint8Array(1024);
  tar.set(new TextEncoder().encode("ustar"), 257);
  assert.throws(() => readCheckpoint(tar, "t.pth"), /tar-based format of PyTorch < 0\.4/);
});

test("the pickle reader builds Python values and refuses what it cannot read", () => {
  // pickle.dumps({'a': [1, -2, 3.5, None, True], 'b': (b'xy', 'é')}, protocol=2)
  const bytes = Uint8Array.from(
    atob(
      "gAJ9cQAoWAEAAABhcQFdcQIoSwFK/v///0dADAAAAAAAAE6IZVgBAAAAYnEDY19jb2RlY3MKZW5jb2RlCnEEWAIAAAB4eXEFWAYAAABsYXRpbjFxBoZxB1JxCFgCAAAAw6lxCYZxCnUu",
    ),
    (c) => c.charCodeAt(0),
  );
  const { value, end } = unpickle(bytes);
  assert.equal(end, bytes.length);
  const m = value as Map<string, unknown>;
  assert.deepEqual(m.get("a"), [1, -2, 3.5, null, true]);
  const [b, s] = m.get("b") as [Uint8Array, string];
  assert.deepEqual([...b], [120, 121]);
  assert.equal(s, "é");
  assert.throws(() => unpickle(bytes.subarray(0, 20)), /pickle data ends unexpectedly .* \(truncated\?\)/);
  assert.throws(
    () => unpickle(new Uint8Array([0x80, 2, 0x49, 0x31, 0x0a, 0x2e])),
    /unsupported pickle opcode 0x49 at byte 2/,
  );
});
