// Interventions on excitations: replace the s of one SE block, or of every block of a stage, before it scales the
// features — by 1 (the block is switched off: U passes unchanged), by its mean over a set of images (the block no
// longer adapts to this image), by 0.5, or by s clamped to [a, b] — and see what changes downstream. Each kind
// exists twice: as tfjs ops for the forward pass, and as plain arithmetic for showing the values that were used.
import * as tf from "@tensorflow/tfjs-core";

export type InterventionKind = "one" | "mean" | "half" | "clamp";
export const INTERVENTION_KINDS: readonly InterventionKind[] = ["one", "mean", "half", "clamp"];

export interface Intervention {
  kind: InterventionKind;
  /** A block (`SE_3_2`) or a stage (`3`: every block SE_3_x). */
  scope: "block" | "stage";
  target: string;
  /** Clamp bounds, 0 ≤ a ≤ b ≤ 1 (clamp only). */
  a?: number;
  b?: number;
}

/** Mean excitation per block over a set of images: block -> [C]. */
export type MeanExcitations = Record<string, Float32Array>;

/** The stage of a paper block name (`SE_4_6` -> "4"), or null for a name of another form. */
export function parseStage(block: string): string | null {
  return /^SE_(\d+)_\d+$/.exec(block)?.[1] ?? null;
}

/** The stage of a paper block name: `SE_4_6` -> "4". */
export function stageOf(block: string): string {
  const stage = parseStage(block);
  if (stage === null) throw new Error(`"${block}" is not an SE block name (SE_<stage>_<block>)`);
  return stage;
}

/** Stages of a model's SE blocks, in order. */
export function stagesOf(blocks: readonly string[]): string[] {
  return [...new Set(blocks.map(stageOf))];
}

/** The blocks an intervention replaces; throws when its target is not in the model. */
export function targetBlocks(iv: Intervention, blocks: readonly string[]): string[] {
  const hit =
    iv.scope === "block"
      ? blocks.filter((b) => b === iv.target)
      : blocks.filter((b) => stageOf(b) === iv.target);
  if (hit.length === 0)
    throw new Error(
      `this model has no SE ${iv.scope} "${iv.target}" (${iv.scope === "block" ? `blocks: ${blocks.join(", ")}` : `stages: ${stagesOf(blocks).join(", ")}`})`,
    );
  return hit;
}

function checkBounds(iv: Intervention): { a: number; b: number } {
  const { a, b } = iv;
  if (a === undefined || b === undefined || !(a >= 0 && a <= b && b <= 1))
    throw new Error(`clamp needs bounds 0 ≤ a ≤ b ≤ 1, got a = ${a}, b = ${b}`);
  return { a, b };
}

function meanFor(means: MeanExcitations | undefined, block: string, channels: number): Float32Array {
  const mean = means?.[block];
  if (!mean) throw new Error(`no mean excitation of ${block} is available`);
  if (mean.length !== channels)
    throw new Error(`the mean excitation of ${block} has ${mean.length} channels; the block has ${channels}`);
  return mean;
}

/** Checks an intervention against a model's blocks (and the means it needs) before any run. */
export function validateIntervention(
  iv: Intervention,
  blocks: readonly string[],
  means?: MeanExcitations,
): void {
  if (!INTERVENTION_KINDS.includes(iv.kind)) throw new Error(`unknown intervention "${iv.kind}"`);
  const hit = targetBlocks(iv, blocks);
  if (iv.kind === "clamp") checkBounds(iv);
  if (iv.kind === "mean")
    for (const b of hit) if (!means?.[b]) throw new Error(`no mean excitation of ${b} is available`);
}

/** The `intervene` callback for ResNetModel.predict: replaces s of the targeted blocks, leaves the rest alone. */
export function interveneWith(
  iv: Intervention,
  blocks: readonly string[],
  means?: MeanExcitations,
): (block: string, s: tf.Tensor2D) => tf.Tensor2D {
  validateIntervention(iv, blocks, means);
  const hit = new Set(targetBlocks(iv, blocks));
  return (block, s) => {
    if (!hit.has(block)) return s;
    const [n, c] = s.shape;
    switch (iv.kind) {
      case "one":
        return tf.onesLike(s);
      case "half":
        return tf.fill([n, c], 0.5) as tf.Tensor2D;
      case "mean":
        return tf.tile(tf.tensor2d(meanFor(means, block, c), [1, c]), [n, 1]); // [1, C] -> [N, C]
      case "clamp": {
        const { a, b } = checkBounds(iv);
        return tf.clipByValue(s, a, b);
      }
    }
  };
}

/** The excitation an intervened block uses, for one image's computed s [C] (the plain twin of interveneWith). */
export function intervenedExcitation(
  iv: Intervention,
  block: string,
  s: Float32Array,
  means?: MeanExcitations,
): Float32Array {
  switch (iv.kind) {
    case "one":
      return new Float32Array(s.length).fill(1);
    case "half":
      return new Float32Array(s.length).fill(0.5);
    case "mean":
      return Float32Array.from(meanFor(means, block, s.length));
    case "clamp": {
      const { a, b } = checkBounds(iv);
      return s.map((v) => Math.min(b, Math.max(a, v)));
    }
  }
}

/** In words, for captions: "every block of stage 3: s ← 1 (SE switched off)". */
export function describeIntervention(iv: Intervention): string {
  const where = iv.scope === "block" ? iv.target : `every block of stage ${iv.target}`;
  const what = {
    one: "s ← 1 (SE switched off)",
    mean: "s ← its mean over the test images",
    half: "s ← 0.5",
    clamp: `s ← clamp(s, ${iv.a}, ${iv.b})`,
  }[iv.kind];
  return `${where}: ${what}`;
}

/** A number as String() writes it (`0.25`, `1e-7`), signed so that a negative bound gets the range message. */
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/** URL form: `block:SE_3_2:one`, `stage:4:clamp:0.2:0.8`. */
export function formatIntervention(iv: Intervention): string {
  return [iv.scope, iv.target, iv.kind, ...(iv.kind === "clamp" ? [iv.a, iv.b] : [])].join(":");
}

export function parseIntervention(text: string): Intervention {
  const [scope, target, kind, a, b, ...rest] = text.split(":");
  const bad = (why: string) => new Error(`intervention "${text}": ${why}`);
  if (scope !== "block" && scope !== "stage") throw bad(`scope must be block or stage, not "${scope}"`);
  if (!target) throw bad("no target block or stage");
  if (!INTERVENTION_KINDS.includes(kind as InterventionKind))
    throw bad(`kind must be one of ${INTERVENTION_KINDS.join(", ")}`);
  if (scope === "block") stageOf(target);
  else if (!/^\d+$/.test(target)) throw bad(`stage must be a number, not "${target}"`);
  const iv: Intervention = { scope, target, kind: kind as InterventionKind };
  if (kind === "clamp") {
    if (rest.length || a === undefined || b === undefined) throw bad("clamp needs exactly two bounds");
    // Number() reads "" and " " as 0 and "0x1" as 1: only the decimals formatIntervention writes are bounds
    for (const [name, value] of [
      ["a", a],
      ["b", b],
    ])
      if (!DECIMAL.test(value))
        throw bad(
          value ? `clamp bound ${name} = "${value}" is not a number` : `clamp bound ${name} is empty`,
        );
    Object.assign(iv, { a: Number(a), b: Number(b) });
    try {
      checkBounds(iv);
    } catch (e) {
      throw bad((e as Error).message);
    }
  } else if (a !== undefined) throw bad(`${kind} takes no bounds`);
  return iv;
}
