// Hand-built torch.save files (ZIP and legacy formats) with full control over every field, so that tests
// can make exactly one thing wrong: a short storage entry, a view past its root, a bad stride.
import { crc32 } from "../../../src/lib/import/zip.js";

/** What the pickle writer understands: tuples are arrays, dicts are Maps, larger ints bigints. */
export type Py =
  | string
  | number
  | bigint
  | boolean
  | null
  | Py[]
  | Map<string, Py>
  | { global: [module: string, name: string] }
  | { reduce: Py; args: Py[] }
  | { persistentId: Py[] };

const utf8 = new TextEncoder();

/** Protocol-2 pickle of `value` (the opcodes torch.save's pickler uses, minus the memo). */
export function pickle(value: Py): Uint8Array {
  const out: number[] = [0x80, 2];
  const u32 = (n: number) => out.push(n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, n >>> 24);
  const emit = (v: Py): void => {
    if (typeof v === "string") {
      const b = utf8.encode(v);
      out.push(0x58); // BINUNICODE
      u32(b.length);
      out.push(...b);
    } else if (typeof v === "number") {
      if (Number.isInteger(v) && v >= -(2 ** 31) && v < 2 ** 31) {
        out.push(0x4a); // BININT
        u32(v >>> 0);
      } else {
        const b = new Uint8Array(8);
        new DataView(b.buffer).setFloat64(0, v); // BINFLOAT is big-endian
        out.push(0x47, ...b);
      }
    } else if (typeof v === "bigint") {
      const bytes: number[] = [];
      for (let x = v; bytes.length === 0 || x !== (bytes[bytes.length - 1] & 0x80 ? -1n : 0n); x >>= 8n)
        bytes.push(Number(x & 0xffn));
      out.push(0x8a, bytes.length, ...bytes); // LONG1
    } else if (typeof v === "boolean") out.push(v ? 0x88 : 0x89);
    else if (v === null) out.push(0x4e);
    else if (Array.isArray(v)) {
      out.push(0x28); // MARK
      v.forEach(emit);
      out.push(0x74); // TUPLE
    } else if (v instanceof Map) {
      out.push(0x7d, 0x28); // EMPTY_DICT, MARK
      for (const [k, x] of v) (emit(k), emit(x));
      out.push(0x75); // SETITEMS
    } else if ("global" in v) out.push(0x63, ...utf8.encode(`${v.global[0]}\n${v.global[1]}\n`));
    else if ("reduce" in v) {
      emit(v.reduce);
      emit(v.args);
      out.push(0x52);
    } else {
      emit(v.persistentId);
      out.push(0x51); // BINPERSID
    }
  };
  emit(value);
  out.push(0x2e); // STOP
  return Uint8Array.from(out);
}

/** A tensor as torch pickles it: `_rebuild_tensor_v2(storage, offset, size, stride, False, {})`. */
export interface TensorSpec {
  /** Storage key, its type (e.g. FloatStorage) and element count as given in the persistent id. */
  key: string;
  storage?: string;
  numel: Py;
  /** Legacy format only: the storage view [offset, offset + size) of the root storage `key`. */
  view?: [offset: Py, size: Py];
  offset?: Py;
  shape: Py;
  stride: Py;
}

function stateDict(tensors: Record<string, TensorSpec>, legacy: boolean): Py {
  return new Map(
    Object.entries(tensors).map(([name, t]): [string, Py] => {
      const view: Py[] = legacy ? [t.view ? [`${t.key}v`, ...t.view] : null] : [];
      const pid: Py[] = [
        "storage",
        { global: ["torch", t.storage ?? "FloatStorage"] },
        t.key,
        "cpu",
        t.numel,
      ];
      const storage = { persistentId: [...pid, ...view] };
      const args = [storage, t.offset ?? 0, t.shape, t.stride, false, new Map()];
      return [name, { reduce: { global: ["torch._utils", "_rebuild_tensor_v2"] }, args }];
    }),
  );
}

/** A ZIP checkpoint (PyTorch >= 1.6) with the given tensors and raw storage entries `data/<key>`. */
export function zipPth(
  tensors: Record<string, TensorSpec>,
  storages: Record<string, Uint8Array>,
): Uint8Array {
  return zip([
    ["archive/data.pkl", pickle(stateDict(tensors, false))],
    ["archive/byteorder", utf8.encode("little")],
    ...Object.entries(storages).map(([k, b]): [string, Uint8Array] => [`archive/data/${k}`, b]),
  ]);
}

/**
 * A legacy checkpoint (PyTorch < 1.6): magic, protocol, system info, the state dict, the storage keys,
 * then per key an int64 element count and the bytes (`storages` in key order, counts from their length).
 */
export function legacyPth(
  tensors: Record<string, TensorSpec>,
  storages: Record<string, Float32Array>,
  littleEndian = true,
): Uint8Array {
  const parts = [
    pickle(0x1950a86a20f9469cfc6cn),
    pickle(1001),
    pickle(new Map<string, Py>([["little_endian", littleEndian]])),
    pickle(stateDict(tensors, true)),
    pickle(Object.keys(storages)),
  ];
  for (const data of Object.values(storages)) {
    const count = new Uint8Array(8);
    new DataView(count.buffer).setBigInt64(0, BigInt(data.length), true);
    parts.push(count, new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
  }
  return concat(parts);
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
  parts.reduce((o, p) => (out.set(p, o), o + p.length), 0);
  return out;
}

/** A ZIP archive of stored (uncompressed) entries, in the given order, names repeated if given twice. */
export function zip(entries: [name: string, data: Uint8Array][]): Uint8Array {
  const locals: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const [name, data] of entries) {
    const n = utf8.encode(name);
    const local = new Uint8Array(30 + n.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint32(14, crc32(data), true);
    lv.setUint32(18, data.length, true);
    lv.setUint32(22, data.length, true);
    lv.setUint16(26, n.length, true);
    local.set(n, 30);
    const cd = new Uint8Array(46 + n.length);
    const cv = new DataView(cd.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint32(16, crc32(data), true);
    cv.setUint32(20, data.length, true);
    cv.setUint32(24, data.length, true);
    cv.setUint16(28, n.length, true);
    cv.setUint32(42, offset, true);
    cd.set(n, 46);
    locals.push(local, data);
    central.push(cd);
    offset += local.length + data.length;
  }
  const size = central.reduce((s, c) => s + c.length, 0);
  const eocd = new Uint8Array(22);
  const ev = new DataView(eocd.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, entries.length, true);
  ev.setUint16(10, entries.length, true);
  ev.setUint32(12, size, true);
  ev.setUint32(16, offset, true);
  return concat([...locals, ...central, eocd]);
}
