// The site's weights format: a `model.json` descriptor (architecture config, preprocessing, label set,
// provenance of the source checkpoint) plus a tfjs-style weights manifest whose binary shards are at most
// 4 MiB (so browsers and static hosts cache them well) and carry their content hash in the file name
// (`group1-shard1of3.1a2b3c4d.bin`: a new import never collides with a cached old shard). Entries follow
// tfjs's manifest schema: dtype "float32" with optional `quantization` {dtype: "float16"} or {dtype:
// "uint8", min, scale} (affine per tensor: value = q · scale + min).
import { parseConfig, type ModelConfig } from "../models/config.js";
import { LABEL_SETS, type LabelSet } from "../labels/index.js";
import type { Preprocessing } from "../preprocess.js";
import type { CheckpointFormat } from "./checkpoint.js";
import { floatToHalf, halfToFloat, numel } from "./host-tensor.js";
import type { CanonicalTensor } from "./layout.js";
import type { Naming } from "./naming.js";
import { sha256Async } from "./sha256.js";
import { unusableValue } from "./unusableValue.js";

export const FORMAT = "se-explorer/1";
export const SHARD_BYTES = 4 * 1024 * 1024;
export type WeightDType = "float32" | "float16" | "uint8";
export const WEIGHT_DTYPES: readonly WeightDType[] = ["float32", "float16", "uint8"];

export type Quantization = { dtype: "float16" } | { dtype: "uint8"; min: number; scale: number };

export interface ManifestEntry {
  name: string;
  shape: number[];
  dtype: "float32";
  quantization?: Quantization;
}

export interface ModelDescriptor {
  format: typeof FORMAT;
  config: ModelConfig;
  preprocessing: Preprocessing;
  /** null: the classes have no names (e.g. a test model); predictions are reported by index. */
  labels: LabelSet | null;
  source: { file: string; sha256: string; naming: Naming; format: CheckpointFormat };
  weightsManifest: { paths: string[]; weights: ManifestEntry[] }[];
}

export interface EncodedModel {
  descriptor: ModelDescriptor;
  /** Shard files, named as in `descriptor.weightsManifest[0].paths`. */
  shards: { path: string; bytes: Uint8Array }[];
}

const bytesPer: Record<WeightDType, number> = { float32: 4, float16: 2, uint8: 1 };

function encodeTensor(
  name: string,
  t: CanonicalTensor,
  dtype: WeightDType,
): { bytes: Uint8Array; quantization?: Quantization } {
  const { data } = t;
  if (dtype === "float32")
    return { bytes: new Uint8Array(data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength)) };
  if (dtype === "float16") {
    // Beyond float16's range a weight would be stored as ±Infinity.
    const largest = data.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
    if ((floatToHalf(largest) & 0x7fff) === 0x7c00) {
      throw new Error(
        `weight "${name}" has a value of magnitude ${largest}, beyond float16's largest (65504); ` +
          `export as float32 or uint8 instead`,
      );
    }
    const h = new Uint16Array(data.length);
    for (let i = 0; i < data.length; i++) h[i] = floatToHalf(data[i]);
    return { bytes: new Uint8Array(h.buffer), quantization: { dtype: "float16" } };
  }
  let min = Infinity;
  let max = -Infinity;
  for (const v of data) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (data.length === 0) min = max = 0;
  // A constant tensor keeps its value exactly: every code is 0 and decodes to `min`.
  const scale = max > min ? (max - min) / 255 : 1;
  const q = new Uint8Array(data.length);
  for (let i = 0; i < data.length; i++) q[i] = Math.round((data[i] - min) / scale);
  return { bytes: q, quantization: { dtype: "uint8", min, scale } };
}

/**
 * Packs canonical weights into shards and a descriptor, kernels and matrices stored as `dtype`. Weight order is the map's order (the importer
 * yields the architecture's forward order); shards are the concatenation cut every SHARD_BYTES bytes.
 */
export async function encodeModel(
  weights: Map<string, CanonicalTensor>,
  meta: Omit<ModelDescriptor, "format" | "weightsManifest">,
  dtype: WeightDType,
): Promise<EncodedModel> {
  const entries: ManifestEntry[] = [];
  const parts: Uint8Array[] = [];
  for (const [name, t] of weights) {
    // Only kernels and matrices are compressed: biases and BatchNorm vectors are ~0.2 % of the bytes, and
    // an error in one of them shifts a whole channel.
    const { bytes, quantization } = encodeTensor(name, t, t.shape.length >= 2 ? dtype : "float32");
    entries.push({ name, shape: [...t.shape], dtype: "float32", ...(quantization ? { quantization } : {}) });
    parts.push(bytes);
  }
  const total = parts.reduce((s, p) => s + p.length, 0);
  const all = new Uint8Array(total);
  parts.reduce((offset, p) => (all.set(p, offset), offset + p.length), 0);
  const count = Math.max(1, Math.ceil(total / SHARD_BYTES));
  const shards: EncodedModel["shards"] = [];
  for (let i = 0; i < count; i++) {
    const bytes = all.subarray(i * SHARD_BYTES, Math.min(total, (i + 1) * SHARD_BYTES));
    const hash = (await sha256Async(bytes)).slice(0, 8);
    shards.push({ path: `group1-shard${i + 1}of${count}.${hash}.bin`, bytes });
  }
  return {
    descriptor: {
      format: FORMAT,
      ...meta,
      weightsManifest: [{ paths: shards.map((s) => s.path), weights: entries }],
    },
    shards,
  };
}

/** Validates an untrusted model.json (fetched or read from disk) before anything is downloaded. */
export function parseDescriptor(json: unknown, where = "model.json"): ModelDescriptor {
  const fail = (why: string): never => {
    throw new Error(`${where}: ${why}`);
  };
  if (typeof json !== "object" || json === null) fail("not a JSON object");
  const d = json as Record<string, unknown>;
  if (d.format !== FORMAT) fail(`format is ${JSON.stringify(d.format)}, expected "${FORMAT}"`);
  const config = parseConfig(d.config);
  if (typeof d.preprocessing !== "object" || d.preprocessing === null) fail("preprocessing is missing");
  const { mean, std, resize, crop, interpolation, inputSize } = d.preprocessing as Record<
    keyof Preprocessing,
    unknown
  >;
  // Inputs are normalised as (x - mean) / std: a std of 0 or a non-number would make every input NaN.
  for (const [field, values, positive] of [
    ["mean", mean, false],
    ["std", std, true],
  ] as const) {
    if (!Array.isArray(values) || values.length !== config.inputChannels) {
      fail(
        `preprocessing.${field} must list one number per input channel (${config.inputChannels}), ` +
          `got ${JSON.stringify(values)}`,
      );
    }
    for (const [i, v] of (values as unknown[]).entries()) {
      if (typeof v !== "number" || !Number.isFinite(v) || (positive && v <= 0))
        fail(
          `preprocessing.${field}[${i}] is ${JSON.stringify(v)}; expected a finite number${positive ? " > 0" : ""}`,
        );
    }
  }
  for (const [field, v] of [
    ["resize", resize],
    ["inputSize", inputSize],
  ] as const) {
    if (!Number.isSafeInteger(v) || (v as number) <= 0)
      fail(`preprocessing.${field} is ${JSON.stringify(v)}; expected a positive integer (pixels)`);
  }
  if (typeof crop !== "number" || !(crop > 0 && crop <= 1))
    fail(`preprocessing.crop is ${JSON.stringify(crop)}; expected a fraction in (0, 1]`);
  if (interpolation !== "bilinear" && interpolation !== "bicubic")
    fail(`preprocessing.interpolation is ${JSON.stringify(interpolation)}; expected "bilinear" or "bicubic"`);
  if (d.labels !== null && !LABEL_SETS.includes(d.labels as LabelSet)) {
    fail(`labels must be null or one of ${LABEL_SETS.join(", ")}, got ${JSON.stringify(d.labels)}`);
  }
  const groups = d.weightsManifest;
  if (!Array.isArray(groups) || groups.length === 0) fail("weightsManifest is missing");
  for (const g of groups as ModelDescriptor["weightsManifest"]) {
    if (!Array.isArray(g.paths) || !Array.isArray(g.weights))
      fail("every weightsManifest group needs paths and weights");
    for (const path of g.paths) {
      // Shard paths are bare file names next to model.json: nothing may point elsewhere.
      if (typeof path !== "string" || !/^[\w.-]+\.bin$/.test(path) || path.startsWith(".")) {
        fail(`shard path ${JSON.stringify(path)} is not a plain .bin file name`);
      }
    }
    for (const w of g.weights) {
      if (typeof w?.name !== "string" || !Array.isArray(w.shape) || w.dtype !== "float32")
        fail(`weight entry ${JSON.stringify(w?.name)} needs a name, a shape and dtype "float32"`);
      const q = w.quantization;
      if (!w.shape.every((n) => Number.isSafeInteger(n) && n >= 0))
        fail(
          `weight "${w.name}" has shape ${JSON.stringify(w.shape)}; expected a list of non-negative integers`,
        );
      if (q && q.dtype !== "float16" && q.dtype !== "uint8")
        fail(`weight "${w.name}" has an unsupported quantization ${JSON.stringify(q)}`);
      if (q?.dtype === "uint8") {
        // value = q · scale + min: a scale of 0 or below would collapse or mirror the weights.
        if (typeof q.min !== "number" || !Number.isFinite(q.min))
          fail(`weight "${w.name}" has uint8 min ${JSON.stringify(q.min)}; expected a finite number`);
        if (typeof q.scale !== "number" || !Number.isFinite(q.scale) || q.scale <= 0)
          fail(`weight "${w.name}" has uint8 scale ${JSON.stringify(q.scale)}; expected a finite number > 0`);
      }
    }
  }
  return d as unknown as ModelDescriptor;
}

const hashOf = (path: string) => /\.([0-9a-f]{8})\.bin$/.exec(path)?.[1];

/**
 * Shards (one array per manifest group, in `paths` order) -> canonical weights. Each shard's content hash
 * and the total length are checked, so a stale cache or a truncated download is reported, not used.
 */
export async function decodeModel(
  descriptor: ModelDescriptor,
  shards: Uint8Array[][],
): Promise<Map<string, CanonicalTensor>> {
  const weights = new Map<string, CanonicalTensor>();
  for (const [g, group] of descriptor.weightsManifest.entries()) {
    const files = shards[g] ?? [];
    if (files.length !== group.paths.length)
      throw new Error(`weights group ${g + 1}: expected ${group.paths.length} shards, got ${files.length}`);
    for (const [i, path] of group.paths.entries()) {
      const hash = hashOf(path);
      if (hash && (await sha256Async(files[i])).slice(0, 8) !== hash)
        throw new Error(`shard ${path} does not match its content hash (corrupted or stale download)`);
    }
    const total = files.reduce((s, f) => s + f.length, 0);
    const all = new Uint8Array(total);
    files.reduce((offset, f) => (all.set(f, offset), offset + f.length), 0);
    const need = group.weights.reduce(
      (s, w) => s + numel(w.shape) * bytesPer[w.quantization?.dtype ?? "float32"],
      0,
    );
    if (need !== total)
      throw new Error(`weights group ${g + 1}: the manifest needs ${need} bytes, the shards hold ${total}`);
    const view = new DataView(all.buffer);
    let offset = 0;
    for (const w of group.weights) {
      const n = numel(w.shape);
      const data = new Float32Array(n);
      const q = w.quantization;
      if (!q) for (let i = 0; i < n; i++) data[i] = view.getFloat32(offset + 4 * i, true);
      else if (q.dtype === "float16")
        for (let i = 0; i < n; i++) data[i] = halfToFloat(view.getUint16(offset + 2 * i, true));
      else for (let i = 0; i < n; i++) data[i] = all[offset + i] * q.scale + q.min;
      offset += n * bytesPer[q?.dtype ?? "float32"];
      if (weights.has(w.name)) throw new Error(`the manifest lists "${w.name}" twice`);
      // Shards carry no checksum unless named by hash, and uint8 min + scale can overflow float32.
      const bad = unusableValue(w.name, data);
      if (bad)
        throw new Error(
          `weight "${w.name}" ${bad.kind === "non-finite value" ? "decodes to" : "holds"} a ${bad.kind} ` +
            `(${bad.value}) at element ${bad.index}`,
        );
      weights.set(w.name, { shape: [...w.shape], data });
    }
  }
  return weights;
}

/** Browser (or any fetch) loader: model.json URL -> descriptor and canonical weights. */
export async function loadModelFromUrl(
  url: string,
  fetchFn: typeof fetch = fetch,
): Promise<{ descriptor: ModelDescriptor; weights: Map<string, CanonicalTensor> }> {
  const get = async (u: string) => {
    const r = await fetchFn(u);
    if (!r.ok) throw new Error(`could not load ${u}: HTTP ${r.status}`);
    return r;
  };
  const descriptor = parseDescriptor(await (await get(url)).json(), url);
  const base = new URL(".", new URL(url, globalThis.location?.href ?? "file:///")).href;
  const shards = await Promise.all(
    descriptor.weightsManifest.map((g) =>
      Promise.all(g.paths.map(async (p) => new Uint8Array(await (await get(base + p)).arrayBuffer()))),
    ),
  );
  return { descriptor, weights: await decodeModel(descriptor, shards) };
}

/** model.json text: one line per top-level field and per weight entry, so diffs and reviews stay readable. */
export function stringifyDescriptor(d: ModelDescriptor): string {
  const { weightsManifest, ...head } = d;
  const lines = Object.entries(head).map(([k, v]) => `  ${JSON.stringify(k)}: ${JSON.stringify(v)}`);
  const groups = weightsManifest.map(
    (g) =>
      `    {"paths": ${JSON.stringify(g.paths)}, "weights": [\n` +
      g.weights.map((w) => `      ${JSON.stringify(w)}`).join(",\n") +
      `\n    ]}`,
  );
  return `{\n${lines.join(",\n")},\n  "weightsManifest": [\n${groups.join(",\n")}\n  ]\n}\n`;
}
