import { test } from "node:test";
import assert from "node:assert/strict";
import { readCheckpoint } from "../../../src/lib/import/checkpoint.js";
import { decodeElements } from "../../../src/lib/import/host-tensor.js";
import { PyGlobal, PyObject, unpickle } from "../../../src/lib/import/pickle.js";
import { PthTensor, findStateDict, readPth } from "../../../src/lib/import/pth.js";
import { readZip } from "../../../src/lib/import/zip.js";
import { fixtureBytes } from "./fixtures.js";
import { type TensorSpec, legacyPth, zip, zipPth } from "./torchSave.js";

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

const f32 = (...v: number[]) => new Uint8Array(Float32Array.from(v).buffer);

test("hand-built ZIP and legacy checkpoints read back exactly", () => {
  const w = { key: "0", numel: 4, shape: [2, 2], stride: [1, 2] }; // transposed
  const zipped = readCheckpoint(zipPth({ w }, { "0": f32(1, 2, 3, 4) })).tensors.get("w")!;
  assert.deepEqual([...zipped.data], [1, 3, 2, 4]);
  const view = { ...w, numel: 6, view: [2, 4] as [number, number] };
  const legacy = readCheckpoint(legacyPth({ w: view }, { "0": Float32Array.of(9, 9, 1, 2, 3, 4) }));
  assert.equal(legacy.format, "pth-legacy");
  assert.deepEqual([...legacy.tensors.get("w")!.data], [1, 3, 2, 4]);
});

test("a storage entry of the wrong size is refused, not read into its neighbour", () => {
  const w = { key: "0", numel: 4, shape: [4], stride: [1] };
  const next = { key: "1", numel: 1, shape: [1], stride: [1] };
  const short = zipPth({ w, next }, { "0": f32(1, 2, 3), "1": f32(5) });
  assert.throws(
    () => readCheckpoint(short, "s.pth"),
    /s\.pth: storage entry archive\/data\/0 holds 12 bytes, but its 4 F32 elements need 16/,
  );
  const long = zipPth({ w }, { "0": f32(1, 2, 3, 4, 5) });
  assert.throws(() => readCheckpoint(long, "l.pth"), /archive\/data\/0 holds 20 bytes, but its 4 F32/);
  assert.throws(
    () => readCheckpoint(zipPth({ w: { ...w, numel: -1 } }, { "0": f32() }), "n.pth"),
    /n\.pth: storage 0 has element count -1; expected a non-negative integer/,
  );
});

test("a legacy storage view past the end of its root storage is refused", () => {
  const w = { key: "0", numel: 4, view: [2, 4] as [number, number], shape: [4], stride: [1] };
  const file = legacyPth({ w }, { "0": Float32Array.of(1, 2, 3, 4) });
  assert.throws(
    () => readCheckpoint(file, "v.pth"),
    /v\.pth: storage view 0v \[2, 6\) reaches past the end of its root storage 0 of 4 elements/,
  );
  const negative = legacyPth({ w: { ...w, view: [-1, 2] } }, { "0": Float32Array.of(1, 2, 3, 4) });
  assert.throws(
    () => readCheckpoint(negative, "v.pth"),
    /storage view 0v has offset -1 and size 2; expected non-negative integers/,
  );
  // Two references to one root storage that disagree on its type.
  const double = { ...w, view: undefined, storage: "DoubleStorage", numel: 2, shape: [2] };
  assert.throws(
    () =>
      readCheckpoint(
        legacyPth({ w: { ...w, view: undefined }, double }, { "0": Float32Array.of(1, 2, 3, 4) }),
      ),
    /storage 0 is referred to as 4 F32 elements and as 2 F64 elements/,
  );
});

test("shapes, strides and offsets must be lists of non-negative integers of equal length", () => {
  const data = { "0": f32(1, 2, 3, 4) };
  const bad = (t: Partial<TensorSpec>) => () =>
    readCheckpoint(zipPth({ "layer1.w": { key: "0", numel: 4, shape: [2, 2], stride: [2, 1], ...t } }, data));
  assert.throws(
    bad({ stride: [1] }),
    /tensor "layer1\.w" has shape \[2, 2\] but stride \[1\]: expected one stride per dimension/,
  );
  assert.throws(
    bad({ stride: [2, 0.5] }),
    /tensor "layer1\.w" has stride \[2, 0\.5\]; expected a list of non-negative integers/,
  );
  assert.throws(bad({ stride: [2, -1] }), /tensor "layer1\.w" has stride \[2, -1\]; expected a list/);
  assert.throws(bad({ stride: 1 }), /tensor "layer1\.w" has stride 1; expected a list/);
  assert.throws(bad({ shape: [-2, 2] }), /tensor "layer1\.w" has shape \[-2, 2\]; expected a list/);
  assert.throws(bad({ offset: -1 }), /tensor "layer1\.w" has storage offset -1; expected a non-negative/);
  assert.throws(
    bad({ offset: 1 }),
    /tensor "layer1\.w" \(shape \[2,2\], stride \[2,1\], offset 1\) reaches outside its storage of 4/,
  );
});

test("decodeElements never reads past the slice it is given", () => {
  const bytes = f32(1, 2, 3, 4);
  assert.deepEqual([...decodeElements(bytes.subarray(0, 8), 4, "F32", 1)], [2]);
  assert.throws(
    () => decodeElements(bytes.subarray(0, 8), 4, "F32", 2),
    /cannot read 2 F32 elements \(8 bytes\) at byte 4 of 8/,
  );
});

test("a ZIP entry name given twice is refused, not resolved to the last", () => {
  const entries: [string, Uint8Array][] = [
    ["archive/data/0", f32(1, 2)],
    ["archive/data/0", f32(3, 4)],
  ];
  assert.throws(
    () => readZip(zip(entries), "z.pth"),
    /z\.pth is not a readable ZIP archive: entry "archive\/data\/0" appears twice/,
  );
});

test("only errors of the legacy container itself suggest converting the file with PyTorch", () => {
  const hint = /If this is an old PyTorch checkpoint, convert it with PyTorch/;
  const data = { "0": Float32Array.of(1, 2, 3, 4) };
  const w = { key: "0", numel: 4, shape: [4], stride: [1] };
  const message = (file: Uint8Array) => {
    try {
      readCheckpoint(file, "old.pth");
    } catch (e) {
      return (e as Error).message;
    }
    assert.fail("expected an error");
  };
  // Refusals of what the file holds: a converted file would be refused just the same.
  const complex = message(legacyPth({ w: { ...w, storage: "ComplexFloatStorage" } }, data));
  assert.match(
    complex,
    /^tensors stored as torch\.ComplexFloatStorage are not supported \(supported: FloatStorage, HalfStorage, /,
  );
  const zipped = message(zipPth({ w: { ...w, storage: "ComplexFloatStorage" } }, { "0": f32(1, 2, 3, 4) }));
  assert.equal(zipped, complex);
  const notTorch = message(new Uint8Array([0x80, 2, 0x4b, 5, 0x2e]));
  assert.match(
    notTorch,
    /^old\.pth is a pickle but not a PyTorch checkpoint \(no torch\.save magic number\)$/,
  );
  // Problems of the legacy container: the hint, once.
  const view = message(legacyPth({ w: { ...w, view: [2, 4] } }, data));
  assert.match(view, /storage view 0v \[2, 6\) reaches past the end/);
  assert.match(view, hint);
  const bigEndian = message(legacyPth({ w }, data, false));
  assert.match(bigEndian, /^old\.pth was saved on a big-endian machine\n/);
  assert.equal(bigEndian.match(/convert it with PyTorch/g)?.length, 1);
});
