// Access to the golden fixtures written by tools/fixtures/make_fixtures.py, and a safetensors writer for
// hand-made (valid and broken) files.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { ModelConfig } from "../../../src/lib/models/config.js";

export const FIXTURES = join(import.meta.dirname, "..", "..", "fixtures");

export interface Golden {
  config: ModelConfig;
  files: { file: string; naming: "timm" | "pretrainedmodels"; dtype?: string }[];
  input: { file: string; shape: number[] };
  logits: number[][];
  taps: Record<string, { z: number[][]; s: number[][] }>;
}

export const GOLDEN_NAMES = [
  "tiny_seresnet_timm",
  "tiny_se_resnet_caffe",
  "tiny_seresnext_g4",
  "tiny_senet_deep",
  "tiny_se_basic_fashion",
  "tiny_resnet_timm",
];

export function golden(name: string): Golden {
  return JSON.parse(readFileSync(join(FIXTURES, `${name}.json`), "utf8"));
}

export function fixtureBytes(file: string): Uint8Array {
  return new Uint8Array(readFileSync(join(FIXTURES, file)));
}

/**
 * A safetensors file from a header (an object, or JSON text to write it verbatim) and a data section
 * (offsets are taken as given).
 */
export function safetensorsBytes(
  header: Record<string, unknown> | string,
  data: Uint8Array,
  headerLength?: bigint,
): Uint8Array {
  const json = new TextEncoder().encode(typeof header === "string" ? header : JSON.stringify(header));
  const out = new Uint8Array(8 + json.length + data.length);
  new DataView(out.buffer).setBigUint64(0, headerLength ?? BigInt(json.length), true);
  out.set(json, 8);
  out.set(data, 8 + json.length);
  return out;
}

export function f32Bytes(values: number[]): Uint8Array {
  return new Uint8Array(new Float32Array(values).buffer);
}
