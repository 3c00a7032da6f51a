// Reader for the safetensors format (https://github.com/huggingface/safetensors): an 8-byte
// little-endian header length N, N bytes of UTF-8 JSON {name: {dtype, shape, data_offsets: [begin, end]},
// "__metadata__"?: {string: string}}, then the raw little-endian tensor bytes, offsets relative to the
// end of the header. Everything is checked before any tensor is decoded, so a damaged or hostile file
// fails with a message that says what is wrong instead of producing garbage weights.
import { type HostTensor, type SourceDType, decodeElements, dtypeBytes, numel } from "./host-tensor.js";

/** The JSON header may not be larger than this (the reference implementation uses the same bound). */
export const MAX_HEADER_BYTES = 100_000_000;

export interface SafetensorsFile {
  tensors: Map<string, HostTensor>;
  metadata: Record<string, string>;
}

const dtypes = new Set<string>(Object.keys(dtypeBytes));

/** Sniffs the format: the JSON header starts right after the 8-byte length (never so in ZIP or pickle files). */
export function isSafetensors(bytes: Uint8Array): boolean {
  return bytes.length >= 9 && bytes[8] === 0x7b;
}

export function parseSafetensors(bytes: Uint8Array, fileName = "file"): SafetensorsFile {
  const fail = (why: string): never => {
    throw new Error(`${fileName} is not a valid safetensors file: ${why}`);
  };
  if (bytes.length < 8) fail(`it has ${bytes.length} bytes, fewer than the 8-byte header length`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerLength = view.getBigUint64(0, true);
  if (headerLength > BigInt(MAX_HEADER_BYTES)) {
    fail(`the header length field says ${headerLength} bytes, more than the ${MAX_HEADER_BYTES} allowed`);
  }
  const n = Number(headerLength);
  if (8 + n > bytes.length) {
    fail(`the header length field says ${n} bytes but only ${bytes.length - 8} follow (truncated?)`);
  }
  let header: unknown;
  try {
    header = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(8, 8 + n)));
  } catch (e) {
    fail(`the ${n}-byte header is not UTF-8 JSON (${(e as Error).message})`);
  }
  if (typeof header !== "object" || header === null || Array.isArray(header)) {
    fail("the header is not a JSON object");
  }
  const dataStart = 8 + n;
  const dataLength = bytes.length - dataStart;
  const metadata: Record<string, string> = {};
  const spans: { name: string; begin: number; end: number }[] = [];
  const entries: { name: string; dtype: SourceDType; shape: number[]; begin: number }[] = [];
  for (const [name, info] of Object.entries(header as Record<string, unknown>)) {
    if (name === "__metadata__") {
      if (typeof info !== "object" || info === null) fail("__metadata__ is not an object");
      for (const [k, v] of Object.entries(info as Record<string, unknown>)) {
        if (typeof v !== "string") fail(`__metadata__.${k} is not a string`);
        metadata[k] = v as string;
      }
      continue;
    }
    const t = info as { dtype?: unknown; shape?: unknown; data_offsets?: unknown };
    if (typeof t !== "object" || t === null) fail(`entry "${name}" is not an object`);
    if (typeof t.dtype !== "string") fail(`tensor "${name}" has no dtype`);
    const dtype = t.dtype as string;
    if (!dtypes.has(dtype)) {
      fail(`tensor "${name}" has dtype ${dtype}; supported: ${[...dtypes].join(", ")}`);
    }
    const shape = t.shape;
    if (!Array.isArray(shape) || !shape.every((d) => Number.isSafeInteger(d) && d >= 0)) {
      fail(`tensor "${name}" has an invalid shape ${JSON.stringify(shape)}`);
    }
    const offsets = t.data_offsets;
    if (
      !Array.isArray(offsets) ||
      offsets.length !== 2 ||
      !offsets.every((d) => Number.isSafeInteger(d) && d >= 0) ||
      offsets[0] > offsets[1]
    ) {
      fail(`tensor "${name}" has invalid data_offsets ${JSON.stringify(offsets)}`);
    }
    const [begin, end] = offsets as [number, number];
    if (end > dataLength) {
      fail(
        `tensor "${name}" ends at byte ${end} of the data but the data has ${dataLength} bytes (truncated?)`,
      );
    }
    const expected = numel(shape as number[]) * dtypeBytes[dtype as SourceDType];
    if (end - begin !== expected) {
      fail(
        `tensor "${name}" (${dtype} ${JSON.stringify(shape)}) needs ${expected} bytes but its data_offsets ` +
          `span ${end - begin}`,
      );
    }
    if (end > begin) spans.push({ name, begin, end }); // empty tensors occupy no bytes
    entries.push({ name, dtype: dtype as SourceDType, shape: shape as number[], begin });
  }
  spans.sort((a, b) => a.begin - b.begin || a.end - b.end);
  for (let i = 1; i < spans.length; i++) {
    const [a, b] = [spans[i - 1], spans[i]];
    if (b.begin < a.end) {
      fail(`tensors "${a.name}" [${a.begin}, ${a.end}) and "${b.name}" [${b.begin}, ${b.end}) overlap`);
    }
  }
  const tensors = new Map<string, HostTensor>();
  for (const { name, dtype, shape, begin } of entries) {
    tensors.set(name, { dtype, shape, data: decodeElements(bytes, dataStart + begin, dtype, numel(shape)) });
  }
  return { tensors, metadata };
}
