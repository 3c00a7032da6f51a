import { test } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { importCheckpoint } from "../../../src/lib/import/importer.js";
import type { CanonicalTensor } from "../../../src/lib/import/layout.js";
import {
  SHARD_BYTES,
  decodeModel,
  encodeModel,
  loadModelFromUrl,
  parseDescriptor,
  stringifyDescriptor,
  type ModelDescriptor,
  type WeightDType,
} from "../../../src/lib/import/manifest.js";
import { sha256, sha256Async } from "../../../src/lib/import/sha256.js";
import { imagenetPreprocessing } from "../../../src/lib/preprocess.js";
import { serve } from "../../helpers/server.js";
import { fixtureBytes, golden } from "./fixtures.js";

const g = golden("tiny_seresnet_timm");
const weights = importCheckpoint(fixtureBytes("tiny_seresnet_timm.safetensors"), {
  config: g.config,
}).weights;
const meta = {
  config: g.config,
  preprocessing: imagenetPreprocessing(),
  labels: null,
  source: {
    file: "tiny.safetensors",
    sha256: "0".repeat(64),
    naming: "timm" as const,
    format: "safetensors" as const,
  },
};

async function roundTrip(w: Map<string, CanonicalTensor>, dtype: WeightDType) {
  const enc = await encodeModel(w, meta, dtype);
  const descriptor = parseDescriptor(JSON.parse(stringifyDescriptor(enc.descriptor)));
  return { enc, out: await decodeModel(descriptor, [enc.shards.map((s) => s.bytes)]) };
}

test("float32 round trip is exact and keeps order, names and shapes", async () => {
  const { enc, out } = await roundTrip(weights, "float32");
  assert.deepEqual([...out.keys()], [...weights.keys()]);
  for (const [k, t] of weights) {
    assert.deepEqual(out.get(k)!.shape, t.shape);
    assert.deepEqual(out.get(k)!.data, t.data, k);
  }
  assert.equal(enc.descriptor.format, "se-explorer/1");
  assert.ok(enc.descriptor.weightsManifest[0].weights.every((w) => w.dtype === "float32" && !w.quantization));
});

test("float16 and uint8 stay within their error bounds; vectors stay float32", async () => {
  for (const dtype of ["float16", "uint8"] as const) {
    const { enc, out } = await roundTrip(weights, dtype);
    const entries = new Map(enc.descriptor.weightsManifest[0].weights.map((w) => [w.name, w]));
    for (const [k, t] of weights) {
      const got = out.get(k)!.data;
      const q = entries.get(k)!.quantization;
      if (t.shape.length === 1) {
        assert.equal(q, undefined, k);
        assert.deepEqual(got, t.data, k);
        continue;
      }
      assert.equal(q?.dtype, dtype, k);
      let min = Infinity;
      let max = -Infinity;
      for (const v of t.data) [min, max] = [Math.min(min, v), Math.max(max, v)];
      for (let i = 0; i < t.data.length; i++) {
        const err = Math.abs(got[i] - t.data[i]);
        // float16: half an ulp (2^-11 relative) in the normal range, 2^-25 absolute among subnormals.
        const bound =
          dtype === "float16" ? Math.max(Math.abs(t.data[i]) * 2 ** -11, 2 ** -25) : (max - min) / 510 + 1e-7;
        assert.ok(err <= bound, `${dtype} ${k}[${i}]: |${got[i]} - ${t.data[i]}| > ${bound}`);
      }
      if (dtype === "uint8") {
        assert.equal(Math.min(...got), min, `${k}: min is exact`);
        assert.ok(Math.abs(Math.max(...got) - max) <= 1e-6 * Math.max(1, Math.abs(max)), `${k}: max`);
      }
    }
  }
});

test("float16 export refuses a weight beyond float16's range instead of storing Infinity", async () => {
  const w = (values: number[]) =>
    new Map<string, CanonicalTensor>([
      ["fc.weight", { shape: [2, 2], data: Float32Array.from(values) }],
      ["fc.bias", { shape: [2], data: Float32Array.of(1e6, 2) }], // vectors stay float32
    ]);
  await assert.rejects(
    encodeModel(w([1, -70000, 3, 4]), meta, "float16"),
    /weight "fc\.weight" has a value of magnitude 70000, beyond float16's largest \(65504\); export as float32 or uint8 instead/,
  );
  await assert.rejects(encodeModel(w([65520, 0, 0, 0]), meta, "float16"), /magnitude 65520/); // rounds to Infinity
  const { out } = await roundTrip(w([65519, -65504, 0, 1]), "float16"); // rounds to 65504
  assert.deepEqual([...out.get("fc.weight")!.data], [65504, -65504, 0, 1]);
  assert.deepEqual([...out.get("fc.bias")!.data], [1e6, 2]);
  await roundTrip(w([1, -70000, 3, 4]), "float32");
});

test("a weight that decodes to NaN or Infinity is refused by name", async () => {
  const w = new Map<string, CanonicalTensor>([
    ["fc.weight", { shape: [2, 2], data: Float32Array.of(1, 2, 3, 4) }],
  ]);
  const enc = await encodeModel(w, meta, "float32");
  const d: ModelDescriptor = structuredClone(enc.descriptor);
  d.weightsManifest[0].paths = ["weights.bin"]; // no content hash to catch the change
  const nan = enc.shards[0].bytes.slice();
  new DataView(nan.buffer).setFloat32(8, NaN, true);
  await assert.rejects(
    decodeModel(d, [[nan]]),
    /weight "fc\.weight" decodes to a non-finite value \(NaN\) at element 2/,
  );
  // uint8: code 255 · scale + min overflows float32.
  d.weightsManifest[0].weights[0].quantization = { dtype: "uint8", min: 0, scale: 1e37 };
  await assert.rejects(
    decodeModel(d, [[Uint8Array.of(0, 1, 2, 255)]]),
    /weight "fc\.weight" decodes to a non-finite value \(Infinity\) at element 3/,
  );
});

test("a BatchNorm variance below zero in a model file is refused by name", async () => {
  const w = new Map<string, CanonicalTensor>([
    ["bn1.running_var", { shape: [3], data: Float32Array.of(1, 0, 2) }],
  ]);
  const enc = await encodeModel(w, meta, "float32");
  const d: ModelDescriptor = structuredClone(enc.descriptor);
  d.weightsManifest[0].paths = ["weights.bin"]; // no content hash to catch the change
  const bytes = enc.shards[0].bytes.slice();
  assert.deepEqual([...(await decodeModel(d, [[bytes]])).get("bn1.running_var")!.data], [1, 0, 2]);
  new DataView(bytes.buffer).setFloat32(4, -0.5, true);
  await assert.rejects(
    decodeModel(d, [[bytes]]),
    /weight "bn1\.running_var" holds a negative variance \(-0\.5\) at element 1/,
  );
});

test("shards are at most 4 MiB, named by content hash, concatenated in order", async () => {
  const big = new Map<string, CanonicalTensor>([
    ["a", { shape: [1000, 2500], data: Float32Array.from({ length: 2_500_000 }, (_, i) => i % 977) }],
    ["b", { shape: [3], data: Float32Array.from([1, 2, 3]) }],
  ]);
  const enc = await encodeModel(big, meta, "float32");
  const paths = enc.descriptor.weightsManifest[0].paths;
  assert.equal(paths.length, 3); // 10,000,012 bytes
  for (const [i, s] of enc.shards.entries()) {
    assert.ok(s.bytes.length <= SHARD_BYTES);
    const hash = createHash("sha256").update(s.bytes).digest("hex").slice(0, 8);
    assert.equal(s.path, `group1-shard${i + 1}of3.${hash}.bin`);
    assert.equal(paths[i], s.path);
  }
  assert.equal(enc.shards[0].bytes.length, SHARD_BYTES);
  const out = await decodeModel(enc.descriptor, [enc.shards.map((s) => s.bytes)]);
  assert.deepEqual(out.get("a")!.data, big.get("a")!.data);
  assert.deepEqual([...out.get("b")!.data], [1, 2, 3]);
});

test("corrupted, truncated or missing shards and bad descriptors are refused", async () => {
  const enc = await encodeModel(weights, meta, "float16");
  const bytes = enc.shards[0].bytes;
  const flipped = bytes.slice();
  flipped[100] ^= 1;
  await assert.rejects(
    decodeModel(enc.descriptor, [[flipped]]),
    /shard group1-shard1of1\.[0-9a-f]{8}\.bin does not match its content hash/,
  );
  const renamed: ModelDescriptor = structuredClone(enc.descriptor);
  renamed.weightsManifest[0].paths = ["weights.bin"]; // no hash in the name: only the length can be checked
  await assert.rejects(
    decodeModel(renamed, [[bytes.subarray(0, 1000)]]),
    /the manifest needs \d+ bytes, the shards hold 1000/,
  );
  await assert.rejects(decodeModel(enc.descriptor, [[]]), /expected 1 shards, got 0/);
  const d = JSON.parse(stringifyDescriptor(enc.descriptor));
  assert.throws(
    () => parseDescriptor({ ...d, format: "tfjs-graph-model" }),
    /format is "tfjs-graph-model", expected "se-explorer\/1"/,
  );
  const escape = structuredClone(d);
  escape.weightsManifest[0].paths = ["../../etc/passwd.bin"];
  assert.throws(
    () => parseDescriptor(escape),
    /shard path "\.\.\/\.\.\/etc\/passwd\.bin" is not a plain \.bin file name/,
  );
  assert.throws(
    () => parseDescriptor({ ...d, labels: "cifar" }),
    /labels must be null or one of imagenet1k, fashion-mnist/,
  );
  assert.throws(
    () => parseDescriptor({ ...d, preprocessing: { ...d.preprocessing, mean: [0.5] } }),
    /preprocessing\.mean must list one number per input channel \(3\), got \[0\.5\]/,
  );
  assert.throws(
    () => parseDescriptor({ ...d, config: { ...d.config, depths: [1] } }),
    /widths has 4 entries but depths has 1/,
  );
});

test("bad preprocessing, shapes and quantization in model.json are refused by field", async () => {
  const d = JSON.parse(stringifyDescriptor((await encodeModel(weights, meta, "uint8")).descriptor));
  parseDescriptor(d);
  const withPre = (p: Record<string, unknown>) => () =>
    parseDescriptor({ ...d, preprocessing: { ...d.preprocessing, ...p } }, "m.json");
  assert.throws(
    withPre({ mean: [0.5, "x", 0.4] }),
    /m\.json: preprocessing\.mean\[1\] is "x"; expected a finite number$/,
  );
  assert.throws(
    withPre({ mean: [0.5, null, 0.4] }),
    /preprocessing\.mean\[1\] is null; expected a finite number/,
  );
  assert.throws(
    withPre({ std: [0.2, 0, 0.2] }),
    /preprocessing\.std\[1\] is 0; expected a finite number > 0/,
  );
  assert.throws(
    withPre({ std: [0.2, 0.2, -1] }),
    /preprocessing\.std\[2\] is -1; expected a finite number > 0/,
  );
  assert.throws(
    withPre({ std: "0.2" }),
    /preprocessing\.std must list one number per input channel \(3\), got "0\.2"/,
  );
  assert.throws(withPre({ resize: 256.5 }), /preprocessing\.resize is 256\.5; expected a positive integer/);
  assert.throws(withPre({ inputSize: 0 }), /preprocessing\.inputSize is 0; expected a positive integer/);
  assert.throws(withPre({ crop: 1.5 }), /preprocessing\.crop is 1\.5; expected a fraction in \(0, 1\]/);
  assert.throws(
    withPre({ interpolation: "nearest" }),
    /preprocessing\.interpolation is "nearest"; expected "bilinear" or "bicubic"/,
  );
  assert.throws(() => parseDescriptor({ ...d, preprocessing: undefined }), /preprocessing is missing/);
  const name = d.weightsManifest[0].weights[0].name;
  const withEntry = (e: Record<string, unknown>) => () => {
    const bad = structuredClone(d);
    Object.assign(bad.weightsManifest[0].weights[0], e);
    return parseDescriptor(bad);
  };
  const quoted = name.replace(/\./g, "\\.");
  assert.throws(
    withEntry({ shape: [-1, 3] }),
    new RegExp(`weight "${quoted}" has shape \\[-1,3\\]; expected a list of non-negative integers`),
  );
  assert.throws(withEntry({ shape: [2.5] }), new RegExp(`weight "${quoted}" has shape \\[2\\.5\\]`));
  for (const scale of [0, -0.1, "1", null])
    assert.throws(
      withEntry({ quantization: { dtype: "uint8", min: 0, scale } }),
      new RegExp(
        `weight "${quoted}" has uint8 scale ${JSON.stringify(scale).replace(".", "\\.")}; expected a finite number > 0`,
      ),
    );
  assert.throws(
    withEntry({ quantization: { dtype: "uint8", min: null, scale: 1 } }),
    new RegExp(`weight "${quoted}" has uint8 min null; expected a finite number`),
  );
  assert.throws(
    withEntry({ quantization: { dtype: "int4" } }),
    /has an unsupported quantization \{"dtype":"int4"\}/,
  );
});

test("the browser loader fetches model.json and shards relative to its URL", async () => {
  const enc = await encodeModel(weights, meta, "uint8");
  const dir = await mkdtemp(join(tmpdir(), "manifest-"));
  const server = await serve(dir);
  try {
    await writeFile(join(dir, "model.json"), stringifyDescriptor(enc.descriptor));
    for (const s of enc.shards) await writeFile(join(dir, s.path), s.bytes);
    const { descriptor, weights: out } = await loadModelFromUrl(`${server.url}/model.json`);
    assert.deepEqual(descriptor, enc.descriptor);
    assert.deepEqual(out, await decodeModel(enc.descriptor, [enc.shards.map((s) => s.bytes)]));
    await rm(join(dir, enc.shards[0].path));
    await assert.rejects(
      loadModelFromUrl(`${server.url}/model.json`),
      /could not load .*group1-shard1of1\.[0-9a-f]{8}\.bin: HTTP 404/,
    );
  } finally {
    await server.close();
    await rm(dir, { recursive: true });
  }
});

test("sha256 matches node:crypto across padding boundaries", async () => {
  for (const n of [0, 1, 55, 56, 63, 64, 65, 119, 120, 127, 128, 1000, 70_001]) {
    const b = Uint8Array.from({ length: n }, (_, i) => (i * 31 + 7) & 0xff);
    const want = createHash("sha256").update(b).digest("hex");
    assert.equal(sha256(b), want, `length ${n}`);
    assert.equal(await sha256Async(b), want, `length ${n} (async)`);
  }
});
