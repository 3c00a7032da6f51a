// The canonical weight map of an architecture: timm state-dict names with tfjs layouts (conv [kh, kw, in/groups,
// out], linear [in, out], SE fc1 [C, C/r], fc2 [C/r, C]; BatchNorm unfolded). The importer writes exactly these
// entries and the builder refuses anything else.
import type * as tf from "@tensorflow/tfjs-core";
import { blocks, type Architecture, type ConvSpec } from "./architecture.js";

export interface WeightEntry {
  name: string;
  shape: number[];
}

export const BN_FIELDS = ["weight", "bias", "running_mean", "running_var"] as const;

/** Every expected tensor in forward order. */
export function expectedWeights(arch: Architecture): WeightEntry[] {
  const out: WeightEntry[] = [];
  const conv = (c: ConvSpec) => {
    out.push({
      name: `${c.name}.weight`,
      shape: [c.kernel, c.kernel, c.inChannels / c.groups, c.outChannels],
    });
    for (const f of BN_FIELDS) out.push({ name: `${c.bn}.${f}`, shape: [c.outChannels] });
  };
  arch.stem.forEach(conv);
  for (const b of blocks(arch)) {
    b.convs.forEach(conv);
    if (b.se) {
      const { prefix, channels, reduced } = b.se;
      out.push({ name: `${prefix}.fc1.weight`, shape: [channels, reduced] });
      out.push({ name: `${prefix}.fc1.bias`, shape: [reduced] });
      out.push({ name: `${prefix}.fc2.weight`, shape: [reduced, channels] });
      out.push({ name: `${prefix}.fc2.bias`, shape: [channels] });
    }
    if (b.downsample) conv(b.downsample);
  }
  out.push({ name: `${arch.fc.name}.weight`, shape: [arch.fc.inFeatures, arch.fc.outFeatures] });
  out.push({ name: `${arch.fc.name}.bias`, shape: [arch.fc.outFeatures] });
  return out;
}

const fmt = (shape: readonly number[]) => `[${shape.join(", ")}]`;

/**
 * Checks a canonical weight map against the architecture: every expected key present with the right shape and
 * float32 dtype, and no unexpected keys. Throws one error listing every problem (capped), each naming the key.
 */
export function validateWeights(arch: Architecture, weights: tf.NamedTensorMap): void {
  const problems: string[] = [];
  const expected = expectedWeights(arch);
  const names = new Set(expected.map((e) => e.name));
  for (const { name, shape } of expected) {
    const t = weights[name];
    if (!t) problems.push(`missing "${name}" (expected shape ${fmt(shape)})`);
    else if (t.shape.length !== shape.length || t.shape.some((d, i) => d !== shape[i]))
      problems.push(`"${name}": expected shape ${fmt(shape)}, got ${fmt(t.shape)}`);
    else if (t.dtype !== "float32") problems.push(`"${name}": expected dtype float32, got ${t.dtype}`);
  }
  for (const name of Object.keys(weights))
    if (!names.has(name)) problems.push(`unexpected "${name}" (shape ${fmt(weights[name].shape)})`);
  if (problems.length > 0) {
    const shown = problems.slice(0, 20);
    const more = problems.length > shown.length ? `\n  … and ${problems.length - shown.length} more` : "";
    throw new Error(
      `weights do not match architecture "${arch.config.name}" (${problems.length} problem${problems.length > 1 ? "s" : ""}):\n  ${shown.join("\n  ")}${more}`,
    );
  }
}
