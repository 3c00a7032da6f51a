import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseNpy } from "../../src/lib/npy.js";

const fixture = new Uint8Array(
  readFileSync(join(import.meta.dirname, "..", "fixtures", "tiny_seresnext_g4.input.npy")),
);

function npy(header: string, data: Uint8Array): Uint8Array {
  const pad = 64 - ((10 + header.length + 1) % 64);
  const h = new TextEncoder().encode(header + " ".repeat(pad % 64) + "\n");
  const out = new Uint8Array(10 + h.length + data.length);
  out.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0]);
  new DataView(out.buffer).setUint16(8, h.length, true);
  out.set(h, 10);
  out.set(data, 10 + h.length);
  return out;
}

test("reads what np.save writes for a float32 NCHW input", () => {
  const { shape, data } = parseNpy(fixture);
  assert.deepEqual(shape, [1, 3, 40, 40]);
  assert.equal(data.length, 4800);
  const own = parseNpy(
    npy(
      "{'descr': '<f4', 'fortran_order': False, 'shape': (2,), }",
      new Uint8Array(new Float32Array([1.5, -2]).buffer),
    ),
  );
  assert.deepEqual([...own.data], [1.5, -2]);
  assert.deepEqual(
    parseNpy(npy("{'descr': '<f4', 'fortran_order': False, 'shape': (), }", new Uint8Array(4))).shape,
    [],
  );
});

test("refuses other dtypes, Fortran order, bad sizes and non-npy files with how to fix it", () => {
  const f8 = npy("{'descr': '<f8', 'fortran_order': False, 'shape': (1,), }", new Uint8Array(8));
  assert.throws(
    () => parseNpy(f8, "x.npy"),
    /x\.npy: dtype is <f8, expected little-endian float32 \('<f4'\); save it as float32 in C order: np\.save/,
  );
  const fortran = npy("{'descr': '<f4', 'fortran_order': True, 'shape': (1,), }", new Uint8Array(4));
  assert.throws(() => parseNpy(fortran), /Fortran order/);
  const short = npy("{'descr': '<f4', 'fortran_order': False, 'shape': (3, 2), }", new Uint8Array(20));
  assert.throws(() => parseNpy(short), /shape \(3, 2\) needs 24 data bytes, the file has 20/);
  assert.throws(() => parseNpy(new Uint8Array(20), "y.npy"), /y\.npy: not a \.npy file/);
  assert.throws(() => parseNpy(fixture.subarray(0, 50)), /truncated header|needs 19200 data bytes/);
});
