import { test } from "node:test";
import assert from "node:assert/strict";
import { readCheckpoint } from "../../../src/lib/import/checkpoint.js";
import { floatToHalf, halfToFloat } from "../../../src/lib/import/host-tensor.js";
import { parseSafetensors } from "../../../src/lib/import/safetensors.js";
import { f32Bytes, fixtureBytes, safetensorsBytes } from "./fixtures.js";

test("parses every supported dtype, with metadata and unaligned offsets", () => {
  const data = new Uint8Array(30);
  const v = new DataView(data.buffer);
  v.setUint8(0, 7);
  v.setFloat32(1, 1.5, true); // F32 at an odd offset
  v.setUint16(5, floatToHalf(-2.25), true);
  v.setUint16(7, 0x3fc0, true); // BF16 1.5
  v.setFloat64(9, Math.PI, true);
  v.setBigInt64(17, -7n, true);
  v.setInt32(25, 123456, true);
  v.setUint8(29, 200);
  const file = safetensorsBytes(
    {
      __metadata__: { format: "pt" },
      u: { dtype: "U8", shape: [1], data_offsets: [0, 1] },
      a: { dtype: "F32", shape: [1], data_offsets: [1, 5] },
      b: { dtype: "F16", shape: [], data_offsets: [5, 7] },
      c: { dtype: "BF16", shape: [1, 1], data_offsets: [7, 9] },
      d: { dtype: "F64", shape: [1], data_offsets: [9, 17] },
      e: { dtype: "I64", shape: [1], data_offsets: [17, 25] },
      f: { dtype: "I32", shape: [1], data_offsets: [25, 29] },
      g: { dtype: "U8", shape: [1], data_offsets: [29, 30] },
      empty: { dtype: "F32", shape: [0, 3], data_offsets: [30, 30] },
    },
    data,
  );
  const { tensors, metadata } = parseSafetensors(file);
  assert.deepEqual(metadata, { format: "pt" });
  const get = (k: string) => [...tensors.get(k)!.data];
  assert.deepEqual(get("u"), [7]);
  assert.deepEqual(get("a"), [1.5]);
  assert.deepEqual(get("b"), [-2.25]);
  assert.deepEqual(tensors.get("b")!.shape, []);
  assert.deepEqual(get("c"), [1.5]);
  assert.equal(get("d")[0], Math.fround(Math.PI));
  assert.deepEqual(get("e"), [-7]);
  assert.ok(tensors.get("e")!.data instanceof Float64Array);
  assert.deepEqual(get("f"), [123456]);
  assert.deepEqual(get("g"), [200]);
  assert.deepEqual(tensors.get("empty")!.shape, [0, 3]);
});

test("float16 conversion is exact for halves and rounds to nearest even", () => {
  for (let h = 0; h < 0x10000; h++) {
    const x = halfToFloat(h);
    if (Number.isNaN(x)) assert.ok(Number.isNaN(halfToFloat(floatToHalf(x))));
    else assert.equal(floatToHalf(x), h, `half 0x${h.toString(16)}`);
  }
  assert.equal(halfToFloat(floatToHalf(1 + 2 ** -11)), 1); // tie -> even
  assert.equal(halfToFloat(floatToHalf(1 + 3 * 2 ** -11)), 1 + 2 ** -9);
  assert.equal(halfToFloat(floatToHalf(70000)), Infinity);
  assert.equal(halfToFloat(floatToHalf(2 ** -26)), 0); // below half the smallest subnormal
});

const one = () =>
  safetensorsBytes({ w: { dtype: "F32", shape: [2], data_offsets: [0, 8] } }, f32Bytes([1, 2]));

test("refuses truncated files", () => {
  const good = one();
  assert.equal(parseSafetensors(good).tensors.get("w")!.data[1], 2);
  assert.throws(() => parseSafetensors(good.subarray(0, 5)), /fewer than the 8-byte header length/);
  assert.throws(
    () => parseSafetensors(good.subarray(0, 20)),
    /header length field says \d+ bytes but only 12 follow \(truncated\?\)/,
  );
  assert.throws(
    () => parseSafetensors(good.subarray(0, good.length - 1)),
    /"w" ends at byte 8 of the data but the data has 7 bytes \(truncated\?\)/,
  );
});

test("refuses an absurd header length", () => {
  const data = f32Bytes([1]);
  const header = { w: { dtype: "F32", shape: [1], data_offsets: [0, 4] } };
  assert.throws(
    () => parseSafetensors(safetensorsBytes(header, data, 2n ** 40n)),
    /header length field says 1099511627776 bytes, more than the 100000000 allowed/,
  );
  assert.throws(
    () => parseSafetensors(safetensorsBytes(header, data, 5000n)),
    /says 5000 bytes but only \d+ follow/,
  );
});

test("refuses overlapping, out-of-range and mis-sized tensors", () => {
  const data = f32Bytes([1, 2, 3, 4]);
  const f = (h: Record<string, unknown>) => () => parseSafetensors(safetensorsBytes(h, data));
  assert.throws(
    f({
      a: { dtype: "F32", shape: [2], data_offsets: [0, 8] },
      b: { dtype: "F32", shape: [2], data_offsets: [4, 12] },
    }),
    /tensors "a" \[0, 8\) and "b" \[4, 12\) overlap/,
  );
  assert.throws(
    f({ a: { dtype: "F32", shape: [4], data_offsets: [4, 20] } }),
    /ends at byte 20 of the data but the data has 16 bytes/,
  );
  assert.throws(
    f({ a: { dtype: "F32", shape: [3], data_offsets: [0, 8] } }),
    /needs 12 bytes but its data_offsets span 8/,
  );
  assert.throws(f({ a: { dtype: "F32", shape: [2], data_offsets: [8, 0] } }), /invalid data_offsets \[8,0\]/);
  assert.throws(f({ a: { dtype: "F32", shape: [-1], data_offsets: [0, 4] } }), /invalid shape \[-1\]/);
});

test("refuses gaps, trailing bytes and data before the first tensor: tensors must tile the data", () => {
  const data = f32Bytes([1, 2, 3, 4]);
  const f = (h: Record<string, unknown>) => () => parseSafetensors(safetensorsBytes(h, data), "t.st");
  assert.throws(
    f({
      a: { dtype: "F32", shape: [1], data_offsets: [0, 4] },
      b: { dtype: "F32", shape: [2], data_offsets: [8, 16] },
    }),
    /t\.st is not a valid safetensors file: bytes \[4, 8\) of the data belong to no tensor \(before "b"\)/,
  );
  assert.throws(
    f({ a: { dtype: "F32", shape: [3], data_offsets: [4, 16] } }),
    /bytes \[0, 4\) of the data belong to no tensor \(before "a"\)/,
  );
  assert.throws(
    f({ a: { dtype: "F32", shape: [3], data_offsets: [0, 12] } }),
    /the tensors end at byte 12 of the data but the data has 16 bytes \(trailing bytes\)/,
  );
  assert.throws(f({}), /the tensors end at byte 0 of the data but the data has 16 bytes/);
  // An empty tensor inside another one's bytes is an overlap too.
  assert.throws(
    f({
      a: { dtype: "F32", shape: [4], data_offsets: [0, 16] },
      e: { dtype: "F32", shape: [0], data_offsets: [8, 8] },
    }),
    /tensors "a" \[0, 16\) and "e" \[8, 8\) overlap/,
  );
});

test("refuses repeated JSON keys, which JSON.parse would silently resolve to the last", () => {
  const data = f32Bytes([1, 2]);
  const w = '{"dtype": "F32", "shape": [2], "data_offsets": [0, 8]}';
  assert.throws(
    () => parseSafetensors(safetensorsBytes(`{"w": ${w}, "w" : ${w}}`, data), "d.st"),
    /d\.st is not a valid safetensors file: the header has the key "w" twice/,
  );
  assert.throws(
    () =>
      parseSafetensors(
        safetensorsBytes(
          '{"w": {"dtype": "F16", "shape": [2], "data_offsets": [0, 8], "dtype": "F32"}}',
          data,
        ),
      ),
    /the header has the key "dtype" twice in "w"/,
  );
  assert.throws(
    () =>
      parseSafetensors(
        safetensorsBytes(`{"__metadata__": {"a": "1", "a\\u0020": "2", "a": "3"}, "w": ${w}}`, data),
      ),
    /the header has the key "a" twice in "__metadata__"/,
  );
  // Equal strings that are values, or keys of different objects, are not repeats.
  const ok = `{"__metadata__": {"w": "w", "x": "w"}, "w": ${w}}`;
  assert.deepEqual([...parseSafetensors(safetensorsBytes(ok, data)).tensors.get("w")!.data], [1, 2]);
});

test("refuses unsupported dtypes and malformed headers", () => {
  const data = f32Bytes([1]);
  assert.throws(
    () =>
      parseSafetensors(safetensorsBytes({ a: { dtype: "F8_E4M3", shape: [4], data_offsets: [0, 4] } }, data)),
    /tensor "a" has dtype F8_E4M3; supported: F64, F32, F16, BF16, I64/,
  );
  assert.throws(
    () => parseSafetensors(safetensorsBytes({ a: { shape: [1], data_offsets: [0, 4] } }, data)),
    /"a" has no dtype/,
  );
  const bad = safetensorsBytes({ a: 1 }, data);
  bad[8 + 3] = 0xff; // breaks the JSON and the UTF-8
  assert.throws(() => parseSafetensors(bad), /is not UTF-8 JSON/);
  assert.throws(
    () => parseSafetensors(safetensorsBytes([] as unknown as Record<string, unknown>, data)),
    /not a JSON object/,
  );
});

test("readCheckpoint sniffs formats and refuses garbage with a clear message", () => {
  assert.equal(readCheckpoint(fixtureBytes("tiny_seresnet_timm.safetensors")).format, "safetensors");
  assert.equal(readCheckpoint(fixtureBytes("tiny_seresnet_timm.pth")).format, "pth-zip");
  assert.equal(readCheckpoint(fixtureBytes("tiny_se_resnet_caffe.legacy.pth")).format, "pth-legacy");
  const garbage = new Uint8Array(1000).map((_, i) => (i * 7919 + 13) % 251);
  assert.throws(
    () => readCheckpoint(garbage, "junk.bin"),
    /junk\.bin is not a checkpoint this importer can read: expected safetensors or a PyTorch \.pth/,
  );
  assert.throws(() => readCheckpoint(new Uint8Array(0), "empty.pth"), /empty\.pth is empty/);
});
