// Reader for the safetensors format (https://github.com/huggingface/safetensors): an 8-byte
// little-endian header length N, N bytes of UTF-8 JSON {name: {dtype, shape, data_offsets: [begin, end]},
// "__metadata__"?: {string: string}}, then the raw little-endian tensor bytes, offsets relative to the
// end of the header. As the format requires, the tensors tile the data exactly (the first at byte 0,
// each where the previous ends, the last at the end) and no JSON key is repeated. Everything is checked
// before any tensor is decoded, so a damaged or hostile file fails with a message that says what is
// wrong instead of producing garbage weights.
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
  let text = "";
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(8, 8 + n));
    header = JSON.parse(text);
  } catch (e) {
    fail(`the ${n}-byte header is not UTF-8 JSON (${(e as Error).message})`);
  }
  if (typeof header !== "object" || header === null || Array.isArray(header)) {
    fail("the header is not a JSON object");
  }
  const repeated = repeatedKey(text);
  if (repeated) fail(`the header has the key ${repeated}`);
  const dataStart = 8 + n;
  const dataLength = bytes.length - dataStart;
  const metadata: Record<string, string> = {};
  const entries: { name: string; dtype: SourceDType; shape: number[]; begin: number; end: number }[] = [];
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
    entries.push({ name, dtype: dtype as SourceDType, shape: shape as number[], begin, end });
  }
  // Bytes that no tensor claims, or that two claim, mean a damaged or hand-edited file.
  const spans = [...entries].sort((a, b) => a.begin - b.begin || a.end - b.end);
  let at = 0;
  for (const [i, b] of spans.entries()) {
    const a = spans[i - 1];
    if (b.begin < at) {
      fail(`tensors "${a.name}" [${a.begin}, ${a.end}) and "${b.name}" [${b.begin}, ${b.end}) overlap`);
    }
    if (b.begin > at) {
      fail(
        `bytes [${at}, ${b.begin}) of the data belong to no tensor (before "${b.name}"); tensors must ` +
          `follow each other without gaps`,
      );
    }
    at = b.end;
  }
  if (at !== dataLength) {
    fail(`the tensors end at byte ${at} of the data but the data has ${dataLength} bytes (trailing bytes)`);
  }
  const tensors = new Map<string, HostTensor>();
  for (const { name, dtype, shape, begin } of entries) {
    tensors.set(name, { dtype, shape, data: decodeElements(bytes, dataStart + begin, dtype, numel(shape)) });
  }
  return { tensors, metadata };
}

/**
 * The first key repeated within one object of the valid JSON `text`, and where: JSON.parse silently
 * keeps the last of repeated keys, so they are found by scanning the text.
 */
function repeatedKey(text: string): string | undefined {
  // One frame per open object (its keys so far, the latest, the keys leading to it) or array (no keys).
  const open: { keys?: Set<string>; last?: string; path: string[] }[] = [];
  const colon = /\s*:/y;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    const top = open.at(-1);
    if (c === "{" || c === "[") {
      const path = !top ? [] : top.keys ? [...top.path, top.last!] : top.path;
      open.push(c === "{" ? { keys: new Set(), path } : { path });
    } else if (c === "}" || c === "]") open.pop();
    else if (c === '"') {
      let end = i + 1;
      while (text[end] !== '"') end += text[end] === "\\" ? 2 : 1;
      const s = JSON.parse(text.slice(i, end + 1)) as string;
      i = end;
      colon.lastIndex = end + 1;
      if (!top?.keys || !colon.test(text)) continue;
      if (top.keys.has(s)) {
        const where = top.path.length ? ` in ${top.path.map((k) => JSON.stringify(k)).join(" → ")}` : "";
        return `${JSON.stringify(s)} twice${where}`;
      }
      top.keys.add(s);
      top.last = s;
    }
  }
  return undefined;
}
