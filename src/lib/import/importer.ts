// Checkpoint bytes -> canonical weights for one architecture: read the container, map the naming,
// check every key, dtype and shape against the architecture (in PyTorch terms, which is what the user's
// file contains), then convert the layouts. A checkpoint of another architecture is recognised as such
// and named (by comparing it with every preset) instead of producing a list of a hundred shape errors.
import { describe } from "../models/architecture.js";
import { PRESETS, type ModelConfig } from "../models/config.js";
import { expectedWeights } from "../models/weightSpec.js";
import { type CheckpointFormat, readCheckpoint } from "./checkpoint.js";
import { type HostTensor, isFloatDType } from "./host-tensor.js";
import { type CanonicalTensor, pytorchShapes, toTfjsLayout } from "./layout.js";
import { unusableValue } from "./unusableValue.js";
import { type Naming, NAMINGS, detectNaming, keyNaming, toCanonicalNames } from "./naming.js";

export interface ImportOptions {
  config: ModelConfig;
  naming?: Naming | "auto";
  /** Used in messages only. */
  fileName?: string;
}

export interface ImportedWeights {
  config: ModelConfig;
  format: CheckpointFormat;
  naming: Naming;
  /** Canonical names, tfjs layouts, float32, in the architecture's forward order. */
  weights: Map<string, CanonicalTensor>;
  /** What the importer did beyond reading (wrapper, prefix, skipped counters), for the report. */
  notes: string[];
}

/** BatchNorm's step counter: bookkeeping for training, not a weight. */
const IGNORED = /(^|\.)num_batches_tracked$/;

const fmt = (shape: readonly number[]) => `[${shape.join(", ")}]`;
const sameShape = (a: readonly number[], b: readonly number[]) =>
  a.length === b.length && a.every((d, i) => d === b[i]);

/** Expected tensors of a config, in PyTorch shapes. */
function pytorchSpec(config: ModelConfig): Map<string, { tfjs: number[]; pytorch: number[][] }> {
  return new Map(
    expectedWeights(describe(config)).map(({ name, shape }) => [
      name,
      { tfjs: shape, pytorch: pytorchShapes(name, shape) },
    ]),
  );
}

function matches(spec: ReturnType<typeof pytorchSpec>, tensors: Map<string, HostTensor>): boolean {
  if (spec.size !== tensors.size) return false;
  for (const [name, e] of spec) {
    const t = tensors.get(name);
    if (!t || !e.pytorch.some((s) => sameShape(s, t.shape))) return false;
  }
  return true;
}

/** Blocks per stage as the keys reveal them (`layer{k}.{i}.*`). */
function depthsOf(keys: Iterable<string>): number[] {
  const depths: number[] = [];
  for (const k of keys) {
    const m = /^layer(\d+)\.(\d+)\./.exec(k);
    if (m) depths[Number(m[1]) - 1] = Math.max(depths[Number(m[1]) - 1] ?? 0, Number(m[2]) + 1);
  }
  return Array.from(depths, (d) => d ?? 0);
}

/** Explains a checkpoint that does not fit `config`; the most specific explanation wins. */
function mismatch(config: ModelConfig, tensors: Map<string, HostTensor>, naming: Naming): string {
  const spec = pytorchSpec(config);
  const lookalikes = Object.values(PRESETS)
    .filter((p) => p.name !== config.name && matches(pytorchSpec(p), tensors))
    .map((p) => p.name);
  const looks = lookalikes.length ? ` (it looks like ${lookalikes.join(" or ")})` : "";
  const arch = `architecture "${config.name}"`;
  const other = NAMINGS.find((n) => n !== naming)!;
  const foreign = [...tensors.keys()].find((k) => !spec.has(k) && keyNaming(k) === other);
  if (foreign) {
    return `keys such as "${foreign}" use ${other} naming but ${naming} naming was asked for (try --naming auto)`;
  }
  const seKey = [...tensors.keys()].find((k) => k.includes(".se."));
  const expectedSE = [...spec.keys()].find((k) => k.includes(".se."));
  if (expectedSE && !seKey) {
    return `this checkpoint has no SE keys${looks} but ${arch} has SE blocks (e.g. "${expectedSE}")`;
  }
  if (seKey && !expectedSE) {
    return `this checkpoint has SE blocks (e.g. "${seKey}")${looks} but ${arch} has none`;
  }
  const have = depthsOf(tensors.keys());
  const want = config.depths;
  if (have.length > 0 && !sameShape(have, want)) {
    return `this checkpoint has ${fmt(have)} blocks per stage${looks} but ${arch} has ${fmt(want)}`;
  }
  const problems: string[] = [];
  for (const [name, e] of spec) {
    const t = tensors.get(name);
    if (!t) problems.push(`missing "${name}" (expected shape ${fmt(e.pytorch[0])})`);
    else if (!e.pytorch.some((s) => sameShape(s, t.shape)))
      problems.push(`"${name}": expected shape ${e.pytorch.map(fmt).join(" or ")}, got ${fmt(t.shape)}`);
  }
  const unexpected = [...tensors.keys()].filter((k) => !spec.has(k));
  for (const k of unexpected) problems.push(`unexpected "${k}" (shape ${fmt(tensors.get(k)!.shape)})`);
  const shown = problems.slice(0, 20);
  const more = problems.length > shown.length ? `\n  … and ${problems.length - shown.length} more` : "";
  return `the checkpoint does not match ${arch}${looks} (${problems.length} problems):\n  ${shown.join("\n  ")}${more}`;
}

/**
 * Checks a state dict (canonical names, PyTorch layouts, counters removed) against `config` and converts it
 * to tfjs layouts; throws a message naming what does not fit.
 */
export function fitToArchitecture(
  tensors: Map<string, HostTensor>,
  config: ModelConfig,
  naming: Naming,
  fileName = "checkpoint",
): Map<string, CanonicalTensor> {
  const spec = pytorchSpec(config);
  if (!matches(spec, tensors)) throw new Error(`${fileName}: ${mismatch(config, tensors, naming)}`);
  const weights = new Map<string, CanonicalTensor>();
  for (const [name, e] of spec) {
    const t = tensors.get(name)!;
    if (!isFloatDType(t.dtype)) {
      throw new Error(`${fileName}: "${name}" has integer dtype ${t.dtype}; weights must be floating point`);
    }
    const bad = unusableValue(name, t.data);
    if (bad)
      throw new Error(
        `${fileName}: "${name}" holds a ${bad.kind} (${bad.value}) at element ${bad.index}` +
          (bad.kind === "negative variance" ? "; BatchNorm running variances must be >= 0" : ""),
      );
    weights.set(name, toTfjsLayout(name, t.shape, t.data as Float32Array, e.tfjs));
  }
  return weights;
}

/** Reads a checkpoint and returns its weights for `config` in canonical names and tfjs layouts. */
export function importCheckpoint(bytes: Uint8Array, options: ImportOptions): ImportedWeights {
  const { config, fileName = "checkpoint" } = options;
  const { format, tensors: raw, notes } = readCheckpoint(bytes, fileName);
  const naming = !options.naming || options.naming === "auto" ? detectNaming(raw.keys()) : options.naming;
  const tensors = new Map<string, HostTensor>();
  let ignored = 0;
  for (const [name, t] of toCanonicalNames(raw, naming)) {
    if (IGNORED.test(name)) ignored++;
    else tensors.set(name, t);
  }
  if (ignored) notes.push(`skipped ${ignored} BatchNorm num_batches_tracked counters (training bookkeeping)`);
  return { config, format, naming, weights: fitToArchitecture(tensors, config, naming, fileName), notes };
}
