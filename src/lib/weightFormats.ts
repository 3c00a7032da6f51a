// What storing weights as float16 or uint8 does to a model's outputs, and which format the site ships. The
// importer compresses only kernels and matrices (float16: IEEE half; uint8: per-tensor affine, 256 levels between
// the tensor's min and max), so the question is how far logits move and how often the top-1 class changes.
import type { WeightDType } from "./import/manifest.js";
import { percent } from "./format.js";

export interface FormatComparison {
  dtype: WeightDType;
  /** Bytes of the shards. */
  bytes: number;
  /** Inputs whose arg-max class differs from float32's. */
  top1Changes: number;
  inputs: number;
  /** Largest |logit − float32 logit| over all inputs and classes. */
  maxLogitDiff: number;
  /** Fraction of correct predictions, where labels are known. */
  accuracy?: number;
}

function argMax(row: ArrayLike<number>, start: number, n: number): number {
  let best = 0;
  for (let j = 1; j < n; j++) if (row[start + j] > row[start + best]) best = j;
  return best;
}

/** Compares `logits` with the float32 `reference`, both [inputs × classes] row-major. */
export function compareLogits(
  dtype: WeightDType,
  bytes: number,
  logits: ArrayLike<number>,
  reference: ArrayLike<number>,
  classes: number,
  labels?: ArrayLike<number>,
): FormatComparison {
  if (logits.length !== reference.length || logits.length % classes !== 0)
    throw new Error(
      `logits: ${logits.length} values vs ${reference.length} reference values, ${classes} classes`,
    );
  const inputs = logits.length / classes;
  let top1Changes = 0;
  let correct = 0;
  let maxLogitDiff = 0;
  for (let i = 0; i < inputs; i++) {
    const k = argMax(logits, i * classes, classes);
    if (k !== argMax(reference, i * classes, classes)) top1Changes++;
    if (labels && k === labels[i]) correct++;
    for (let j = i * classes; j < (i + 1) * classes; j++)
      maxLogitDiff = Math.max(maxLogitDiff, Math.abs(logits[j] - reference[j]));
  }
  return {
    dtype,
    bytes,
    top1Changes,
    inputs,
    maxLogitDiff,
    ...(labels ? { accuracy: correct / inputs } : {}),
  };
}

/** The rule the site's default follows: the smallest format that changes no more than `maxTop1ChangeRate` of the
 * default model's top-1 predictions (and, where labels exist, costs no more than `maxAccuracyDrop`). */
export const FORMAT_RULE = { maxTop1ChangeRate: 0.001, maxAccuracyDrop: 0.001 } as const;

export function pickFormat(results: readonly FormatComparison[]): { dtype: WeightDType; why: string } {
  const reference = results.find((r) => r.dtype === "float32");
  if (!reference) throw new Error("pickFormat needs the float32 result as the reference");
  const fits = results
    .filter(
      (r) =>
        r.top1Changes / r.inputs <= FORMAT_RULE.maxTop1ChangeRate &&
        (r.accuracy === undefined ||
          reference.accuracy === undefined ||
          reference.accuracy - r.accuracy <= FORMAT_RULE.maxAccuracyDrop),
    )
    .sort((a, b) => a.bytes - b.bytes);
  const best = fits[0] ?? reference;
  const pct = (x: number) => percent(x, 2);
  return {
    dtype: best.dtype,
    why:
      `${best.dtype} is the smallest format (${best.bytes.toLocaleString("en")} bytes, ` +
      `${pct(best.bytes / reference.bytes)} of float32) that changes at most ${pct(FORMAT_RULE.maxTop1ChangeRate)} ` +
      `of the top-1 predictions (it changes ${best.top1Changes} of ${best.inputs.toLocaleString("en")})` +
      (best.accuracy !== undefined && reference.accuracy !== undefined
        ? ` and loses at most ${(100 * FORMAT_RULE.maxAccuracyDrop).toFixed(2)} percentage points of accuracy (${pct(reference.accuracy)} → ${pct(best.accuracy)})`
        : ""),
  };
}
