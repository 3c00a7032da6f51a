// Parameters and multiply-adds counted by walking the architecture (no constants). Like the paper and the
// reference counts in NOTES.md, "multiply-adds" are those of convolutions and fully connected layers, the SE
// module's two FCs included; the SE module's squeeze (global average pool) and scale (channel-wise multiply)
// are elementwise work reported separately, as are BatchNorm (folded into the convs at inference) and ReLUs.
import { describe, type Architecture, type ConvSpec, type Size } from "./architecture.js";
import { parseConfig, type ModelConfig } from "./config.js";

export interface LayerCost {
  /** Weight name prefix (`layer1.0.conv2`, `layer1.0.se`, `fc`). */
  name: string;
  kind: "conv" | "se" | "fc";
  /** 0-based stage index, null for the stem and the classifier. */
  stage: number | null;
  outSize: Size;
  params: number;
  /** Conv / FC multiply-adds for one image. */
  macs: number;
}

export interface Complexity {
  name: string;
  inputSize: Size;
  /** All trainable parameters (conv, BN scale and shift, SE FCs with biases, classifier). */
  params: number;
  /** Conv + FC multiply-adds for one image (SE FCs included). */
  macs: number;
  /** Parameters of the SE modules alone (FC weights and biases). */
  seParams: number;
  /** Multiply-adds of the SE modules' FCs (included in `macs`). */
  seFcMacs: number;
  /** Additions of the SE squeeze (one per element of each recalibrated feature map; not in `macs`). */
  seSqueezeOps: number;
  /** Multiplications of the SE scale (one per element; not in `macs`). */
  seScaleOps: number;
  layers: LayerCost[];
}

function area(s: Size): number {
  return s[0] * s[1];
}

function convCost(c: ConvSpec, stage: number | null): LayerCost {
  const weights = c.kernel * c.kernel * (c.inChannels / c.groups) * c.outChannels;
  return {
    name: c.name,
    kind: "conv",
    stage,
    outSize: c.outSize,
    // + BatchNorm scale and shift.
    params: weights + 2 * c.outChannels,
    macs: weights * area(c.outSize),
  };
}

export function complexityOf(arch: Architecture): Complexity {
  const layers: LayerCost[] = arch.stem.map((c) => convCost(c, null));
  let seSqueezeOps = 0;
  let seScaleOps = 0;
  for (const stage of arch.stages)
    for (const b of stage.blocks) {
      for (const c of b.convs) layers.push(convCost(c, stage.index));
      if (b.se) {
        const { channels: C, reduced: R } = b.se;
        layers.push({
          name: b.se.prefix,
          kind: "se",
          stage: stage.index,
          outSize: b.se.size,
          params: C * R + R + R * C + C,
          macs: C * R + R * C,
        });
        seSqueezeOps += area(b.se.size) * C;
        seScaleOps += area(b.se.size) * C;
      }
      if (b.downsample) layers.push(convCost(b.downsample, stage.index));
    }
  const { inFeatures, outFeatures } = arch.fc;
  layers.push({
    name: arch.fc.name,
    kind: "fc",
    stage: null,
    outSize: [1, 1],
    params: inFeatures * outFeatures + outFeatures,
    macs: inFeatures * outFeatures,
  });
  const sum = (ls: LayerCost[], k: "params" | "macs") => ls.reduce((a, l) => a + l[k], 0);
  const se = layers.filter((l) => l.kind === "se");
  return {
    name: arch.config.name,
    inputSize: arch.inputSize,
    params: sum(layers, "params"),
    macs: sum(layers, "macs"),
    seParams: sum(se, "params"),
    seFcMacs: sum(se, "macs"),
    seSqueezeOps,
    seScaleOps,
    layers,
  };
}

/** Complexity of a config at its nominal input size (or `inputSize`). */
export function complexity(config: ModelConfig, inputSize?: Size): Complexity {
  return complexityOf(describe(config, inputSize));
}

/** The same config without SE modules. */
export function withoutSE(config: ModelConfig): ModelConfig {
  return { ...parseConfig(config), name: `${config.name} without SE`, se: null };
}

export interface ReductionRow {
  /** Reduction ratio, or null for the config without SE. */
  r: number | null;
  params: number;
  seParams: number;
  /** float32 weights in MiB (2^20 bytes), the unit that matches Table 5's sizes best. */
  float32MiB: number;
}

/** Table 5's capacity column from the definition: params and float32 size per reduction ratio, plus no SE. */
export function reductionTable(config: ModelConfig, ratios: number[] = [2, 4, 8, 16, 32]): ReductionRow[] {
  const c = parseConfig(config);
  if (!c.se) throw new Error(`reductionTable: config "${c.name}" has no SE modules to vary`);
  const se = c.se;
  const row = (r: number | null, cfg: ModelConfig): ReductionRow => {
    const k = complexity(cfg);
    return { r, params: k.params, seParams: k.seParams, float32MiB: (k.params * 4) / 2 ** 20 };
  };
  return [...ratios.map((r) => row(r, { ...c, se: { ...se, r } })), row(null, withoutSE(c))];
}

/** The paper's estimate of the SE parameter overhead, (2/r) Σ_s N_s C_s² (Section 4; biases excluded). */
export function seParamsFormula(config: ModelConfig): number {
  const arch = describe(config);
  const r = arch.config.se?.r;
  if (!r) return 0;
  return arch.stages.reduce(
    (a, s) => a + s.blocks.reduce((b, blk) => b + (blk.se ? (2 / r) * blk.outChannels ** 2 : 0), 0),
    0,
  );
}
