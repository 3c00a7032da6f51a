// Reader for PyTorch checkpoints written by torch.save, in both container formats:
// - ZIP (PyTorch >= 1.6): `<archive>/data.pkl` is a pickle whose tensors refer, by persistent id
//   ("storage", StorageType, key, location, numel), to raw little-endian entries `<archive>/data/<key>`;
// - legacy (PyTorch < 1.6, e.g. the 2017 pretrainedmodels files): pickles back to back — magic number,
//   protocol version, system info, the object (persistent ids carry a 6th "view" field), the list of
//   storage keys — followed by each storage in that order as an int64 element count and its bytes.
// Tensors are rebuilt from (storage, offset, size, stride) with any strides (channels_last checkpoints
// store permuted strides), bounds-checked against their storage.
import { type HostTensor, type SourceDType, decodeElements, dtypeBytes, numel } from "./host-tensor.js";
import { PyGlobal, PyObject, unpickle } from "./pickle.js";
import { isZip, readZip } from "./zip.js";

const LEGACY_MAGIC = 0x1950a86a20f9469cfc6cn;

export const CONVERT_HINT =
  `convert it with PyTorch: python -c "import torch; torch.save(torch.load('old.pth'), 'new.pth', ` +
  `_use_new_zipfile_serialization=True)"`;

const storageTypes: Record<string, SourceDType> = {
  FloatStorage: "F32",
  HalfStorage: "F16",
  BFloat16Storage: "BF16",
  DoubleStorage: "F64",
  LongStorage: "I64",
  IntStorage: "I32",
  ShortStorage: "I16",
  CharStorage: "I8",
  ByteStorage: "U8",
  BoolStorage: "BOOL",
};

/**
 * A refusal of what a file holds rather than of how an old checkpoint stores it: converting the file to
 * the current format would not help, so no conversion hint is added.
 */
class ContentError extends Error {}

/** A torch.*Storage class as named in a persistent id; dtype undefined: one this reader cannot decode. */
class StorageType {
  constructor(
    readonly name: string,
    readonly dtype: SourceDType | undefined,
  ) {}
}

interface Storage {
  dtype: SourceDType;
  /** The storage's bytes (for a legacy view: its root's bytes) and where its element 0 starts. */
  bytes: () => Uint8Array;
  start: number;
  numel: number;
}

const isIndex = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;
const isIndexList = (v: unknown): v is number[] => Array.isArray(v) && v.every(isIndex);
/** A pickled value in a message (ints past 2^53 arrive as bigints, which JSON.stringify refuses). */
const show = (v: unknown): string => (Array.isArray(v) ? `[${v.map(show).join(", ")}]` : String(v));

/**
 * A tensor as pickled: a strided window onto a storage, decoded only when asked for. Offset, shape and
 * stride are kept as pickled and checked by decode(), whose errors can name the tensor.
 */
export class PthTensor {
  constructor(
    readonly storage: Storage,
    readonly offset: unknown,
    readonly shape: unknown,
    readonly stride: unknown,
  ) {}

  get dtype(): SourceDType {
    return this.storage.dtype;
  }

  decode(name: string): HostTensor {
    const { storage, offset, shape, stride } = this;
    const bad = (why: string) => new Error(`tensor "${name}" ${why}`);
    if (!isIndexList(shape)) throw bad(`has shape ${show(shape)}; expected a list of non-negative integers`);
    if (!isIndexList(stride))
      throw bad(`has stride ${show(stride)}; expected a list of non-negative integers`);
    if (stride.length !== shape.length) {
      throw bad(`has shape ${show(shape)} but stride ${show(stride)}: expected one stride per dimension`);
    }
    if (!isIndex(offset)) throw bad(`has storage offset ${show(offset)}; expected a non-negative integer`);
    const count = numel(shape);
    const dtype = storage.dtype;
    if (count === 0) return { dtype, shape, data: decodeElements(new Uint8Array(0), 0, dtype, 0) };
    const last = offset + shape.reduce((s, d, i) => s + (d - 1) * stride[i], 0);
    if (last >= storage.numel) {
      throw new Error(
        `tensor "${name}" (shape ${JSON.stringify(shape)}, stride ${JSON.stringify(stride)}, offset ${offset}) ` +
          `reaches outside its storage of ${storage.numel} elements`,
      );
    }
    const bytes = storage.bytes();
    const elem = dtypeBytes[dtype];
    let contiguous = true;
    for (let i = shape.length - 1, expect = 1; i >= 0; expect *= shape[i], i--) {
      if (shape[i] !== 1 && stride[i] !== expect) contiguous = false;
    }
    if (contiguous) {
      return { dtype, shape, data: decodeElements(bytes, (storage.start + offset) * elem, dtype, count) };
    }
    // Strided gather over the span the tensor touches, in row-major order of `shape`.
    const span = decodeElements(bytes, (storage.start + offset) * elem, dtype, last - offset + 1);
    const data = span instanceof Float32Array ? new Float32Array(count) : new Float64Array(count);
    const index = new Array<number>(shape.length).fill(0);
    for (let i = 0, src = 0; i < count; i++) {
      data[i] = span[src];
      for (let d = shape.length - 1; d >= 0; d--) {
        src += stride[d];
        if (++index[d] < shape[d]) break;
        src -= stride[d] * shape[d];
        index[d] = 0;
      }
    }
    return { dtype, shape, data };
  }
}

function torchClasses(module: string, name: string): unknown {
  if (module === "torch" && name.endsWith("Storage")) {
    return new StorageType(name, Object.hasOwn(storageTypes, name) ? storageTypes[name] : undefined);
  }
  if (module === "torch._utils") {
    switch (name) {
      case "_rebuild_tensor":
      case "_rebuild_tensor_v2":
        return (storage: unknown, offset: unknown, size: unknown, stride: unknown) => {
          if (typeof storage !== "object" || storage === null || !("bytes" in storage)) {
            throw new Error("a tensor in the checkpoint has no storage");
          }
          return new PthTensor(storage as Storage, offset, size, stride);
        };
      case "_rebuild_parameter":
      case "_rebuild_parameter_with_state":
        return (data: unknown) => data;
      case "_rebuild_qtensor":
      case "_rebuild_sparse_tensor":
      case "_rebuild_sparse_csr_tensor":
      case "_rebuild_meta_tensor_no_storage":
      case "_rebuild_wrapper_subclass":
      case "_rebuild_device_tensor_from_numpy":
        return () => {
          throw new ContentError(
            `the checkpoint holds a tensor kind (${name}) that is not supported: only dense tensors`,
          );
        };
    }
  }
  if (module === "torch._tensor" && name === "_rebuild_from_type_v2") {
    // A tensor subclass or a tensor with Python attributes: rebuild the plain tensor.
    return (func: unknown, _type: unknown, args: unknown[]) =>
      (func as (...a: unknown[]) => unknown)(...args);
  }
  return undefined;
}

/**
 * The storage a persistent id ("storage", type, key, location, numel[, view]) names. `bytesOf` returns
 * the storage's bytes and must check that they hold exactly `numel` elements of `dtype`. `roots`
 * (legacy format) collects the root storages, whose data follows the pickle.
 */
function storageFromId(
  pid: unknown,
  fileName: string,
  bytesOf: (key: string, dtype: SourceDType, numel: number) => Uint8Array,
  roots?: Map<string, Storage>,
): Storage {
  if (!Array.isArray(pid) || pid[0] !== "storage" || !(pid[1] instanceof StorageType)) {
    throw new Error(
      `unexpected persistent id in the checkpoint: ${String(Array.isArray(pid) ? pid[0] : pid)}`,
    );
  }
  const { name, dtype } = pid[1];
  const key = String(pid[2]);
  if (!dtype) {
    throw new ContentError(
      `tensors stored as torch.${name} are not supported (supported: ${Object.keys(storageTypes).join(", ")})`,
    );
  }
  const count: unknown = pid[4];
  if (!isIndex(count)) {
    throw new Error(
      `${fileName}: storage ${key} has element count ${show(count)}; expected a non-negative integer`,
    );
  }
  let cached: Uint8Array | undefined;
  const storage: Storage = {
    dtype,
    bytes: () => (cached ??= bytesOf(key, dtype, count)),
    start: 0,
    numel: count,
  };
  if (roots) {
    // Every reference to a root must agree on its type and size: its data is checked against one of them.
    const seen = roots.get(key);
    if (seen && (seen.dtype !== dtype || seen.numel !== count)) {
      throw new Error(
        `${fileName}: storage ${key} is referred to as ${seen.numel} ${seen.dtype} elements and as ` +
          `${count} ${dtype} elements`,
      );
    }
    roots.set(key, storage);
  }
  const view: unknown = pid[5];
  if (view === undefined || view === null) return storage;
  // Legacy storage views: a window [offset, offset + size) onto the root storage `key`.
  if (!Array.isArray(view) || view.length !== 3) {
    throw new Error(`${fileName}: storage ${key} has view ${show(view)}; expected (key, offset, size)`);
  }
  const [viewKey, offset, size] = view as unknown[];
  if (!isIndex(offset) || !isIndex(size)) {
    throw new Error(
      `${fileName}: storage view ${show(viewKey)} has offset ${show(offset)} and size ${show(size)}; ` +
        `expected non-negative integers`,
    );
  }
  if (offset + size > count) {
    throw new Error(
      `${fileName}: storage view ${show(viewKey)} [${offset}, ${offset + size}) reaches past the end of ` +
        `its root storage ${key} of ${count} elements`,
    );
  }
  return { dtype, bytes: storage.bytes, start: offset, numel: size };
}

function readZipCheckpoint(bytes: Uint8Array, fileName: string): unknown {
  const entries = readZip(bytes, fileName);
  const pkl = [...entries.keys()].filter((n) => n === "data.pkl" || n.endsWith("/data.pkl"));
  if (pkl.length !== 1) {
    throw new Error(
      `${fileName} is a ZIP archive but not a PyTorch checkpoint: expected one data.pkl entry, found ` +
        `${pkl.length} (entries: ${[...entries.keys()].slice(0, 5).join(", ")})`,
    );
  }
  const prefix = pkl[0].slice(0, -"data.pkl".length);
  const order = entries.get(`${prefix}byteorder`);
  if (order && new TextDecoder().decode(order).trim() !== "little") {
    throw new Error(`${fileName} was saved on a big-endian machine; re-save it on a little-endian one`);
  }
  const { value } = unpickle(entries.get(pkl[0])!, {
    findClass: torchClasses,
    persistentLoad: (pid) =>
      storageFromId(pid, fileName, (key, dtype, count) => {
        const name = `${prefix}data/${key}`;
        const data = entries.get(name);
        if (!data) throw new Error(`${fileName} lacks the storage entry ${name}`);
        const need = count * dtypeBytes[dtype];
        if (data.length !== need) {
          throw new Error(
            `${fileName}: storage entry ${name} holds ${data.length} bytes, but its ${count} ${dtype} ` +
              `elements need ${need}`,
          );
        }
        return data;
      }),
  });
  return value;
}

function readLegacyCheckpoint(bytes: Uint8Array, fileName: string): unknown {
  let p = 0;
  const next = (hooks = {}) => {
    const r = unpickle(bytes, hooks, p);
    p = r.end;
    return r.value;
  };
  const magic = next();
  if (magic !== LEGACY_MAGIC) {
    throw new ContentError(
      `${fileName} is a pickle but not a PyTorch checkpoint (no torch.save magic number)`,
    );
  }
  const version = next();
  if (version !== 1001) throw new Error(`${fileName} uses legacy protocol version ${version}, expected 1001`);
  const info = next();
  if (info instanceof Map && info.get("little_endian") === false) {
    throw new Error(`${fileName} was saved on a big-endian machine`);
  }
  const roots = new Map<string, Storage>();
  const data = new Map<string, Uint8Array>();
  const value = next({
    findClass: torchClasses,
    persistentLoad: (pid: unknown) =>
      storageFromId(
        pid,
        fileName,
        // Sized when read from the file below, against the root's element count.
        (key) => {
          const d = data.get(key);
          if (!d) throw new Error(`${fileName} lacks the data of storage ${key}`);
          return d;
        },
        roots,
      ),
  });
  const keys = next();
  if (!Array.isArray(keys)) throw new Error(`${fileName}: the legacy storage key list is missing`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (const k of keys) {
    const key = String(k);
    const root = roots.get(key);
    if (!root) throw new Error(`${fileName}: storage ${key} is listed but never used`);
    if (p + 8 > bytes.length) throw new Error(`${fileName} is truncated before the data of storage ${key}`);
    const count = Number(view.getBigInt64(p, true));
    const size = count * dtypeBytes[root.dtype];
    p += 8;
    if (count !== root.numel || p + size > bytes.length) {
      throw new Error(
        `${fileName}: storage ${key} should hold ${root.numel} elements; the file has ${count} ` +
          `and ${Math.max(0, bytes.length - p)} bytes left (truncated?)`,
      );
    }
    data.set(key, bytes.subarray(p, p + size));
    p += size;
  }
  return value;
}

const isPickle = (b: Uint8Array) => b.length > 2 && b[0] === 0x80 && b[1] >= 2 && b[1] <= 5;
const isTar = (b: Uint8Array) => b.length > 262 && new TextDecoder().decode(b.subarray(257, 262)) === "ustar";

/** Whether the bytes look like something torch.save wrote (any of its container formats). */
export function isPth(bytes: Uint8Array): boolean {
  return isZip(bytes) || isPickle(bytes) || isTar(bytes);
}

/** Reads a torch.save file into its Python object, with tensors as lazy `PthTensor`s. */
export function readPth(bytes: Uint8Array, fileName = "file"): unknown {
  if (isZip(bytes)) return readZipCheckpoint(bytes, fileName);
  if (isPickle(bytes)) {
    try {
      return readLegacyCheckpoint(bytes, fileName);
    } catch (e) {
      if (e instanceof ContentError) throw e;
      throw new Error(`${(e as Error).message}\nIf this is an old PyTorch checkpoint, ${CONVERT_HINT}`);
    }
  }
  if (isTar(bytes)) {
    throw new Error(
      `${fileName} uses the tar-based format of PyTorch < 0.4, which is not supported; ${CONVERT_HINT}`,
    );
  }
  throw new Error(`${fileName} is neither a PyTorch ZIP checkpoint nor a legacy pickle checkpoint`);
}

function describe(v: unknown): string {
  if (v instanceof PyObject) return `a pickled ${v.cls.qualifiedName} object`;
  if (v instanceof PyGlobal) return `a reference to ${v.qualifiedName}`;
  if (v instanceof Map) return "a dict";
  if (Array.isArray(v)) return "a list";
  return v === null ? "None" : `a ${typeof v}`;
}

/**
 * Finds the state_dict in what torch.save stored: the dict of tensors itself, or one wrapped in a
 * training checkpoint as {"state_dict": ...} or {"model": ...}. `where` says which, for the report.
 */
export function findStateDict(
  root: unknown,
  fileName = "file",
): { tensors: Map<string, PthTensor>; where: string } {
  const isStateDict = (v: unknown): v is Map<string, PthTensor> =>
    v instanceof Map && v.size > 0 && [...v.values()].every((t) => t instanceof PthTensor);
  if (root instanceof PyObject) {
    throw new Error(
      `${fileName} contains ${describe(root)} (a whole pickled model), not a state_dict; ` +
        `re-save it with torch.save(model.state_dict(), 'weights.pth')`,
    );
  }
  if (!(root instanceof Map)) throw new Error(`${fileName} contains ${describe(root)}, not a state_dict`);
  if (isStateDict(root)) return { tensors: root, where: "the top-level dict" };
  for (const key of ["state_dict", "model"]) {
    const v = root.get(key);
    if (isStateDict(v)) return { tensors: v, where: `checkpoint["${key}"]` };
    if (v instanceof PyObject) {
      throw new Error(
        `${fileName}: checkpoint["${key}"] is ${describe(v)}, not a state_dict; ` +
          `re-save it with torch.save(model.state_dict(), 'weights.pth')`,
      );
    }
  }
  const bad = [...root.entries()].find(([, v]) => !(v instanceof PthTensor));
  const keys = [...root.keys()].map(String);
  throw new Error(
    `${fileName} holds no state_dict: top-level keys are ${keys.slice(0, 10).join(", ")}` +
      `${keys.length > 10 ? ", …" : ""}; expected a dict of tensors or one under "state_dict" or "model"` +
      (bad ? ` (${String(bad[0])} is ${describe(bad[1])})` : ""),
  );
}
