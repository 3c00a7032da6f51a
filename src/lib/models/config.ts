// The one typed configuration of the ResNet family (ResNet, SE-ResNet, ResNeXt, SE-ResNeXt, SENet-154 and the
// small Fashion-MNIST nets): JSON in, validated config out. Everything else (architecture, complexity, Table 1,
// the tfjs builder) is derived from it, so the numbers on the site come from one definition.

/** Single 3×3 conv, stride 1, no pooling: the small-image stem of the Fashion-MNIST nets. */
export interface Stem3x3 {
  kind: "3x3";
  width: number;
}

/** 7×7 stride-2 conv (ResNet), optionally followed by a 3×3 stride-2 max pool. */
export interface Stem7x7 {
  kind: "7x7";
  width: number;
  maxPool: boolean;
  /** true: Caffe / pretrainedmodels pool (no padding, ceil mode); false: torchvision / timm (padding 1, floor). */
  ceilMode: boolean;
}

/** Three 3×3 convs, the first with stride 2 (SENet-154, Appendix A (b); timm's "deep" stem). */
export interface StemDeep {
  kind: "deep";
  widths: [number, number, number];
  maxPool: boolean;
  ceilMode: boolean;
}

export type StemConfig = Stem3x3 | Stem7x7 | StemDeep;

export interface SEConfig {
  /** Reduction ratio: the excitation bottleneck has C / r units. */
  r: number;
  /** One flag per stage: whether that stage's blocks carry an SE module. */
  stages: boolean[];
}

export interface ModelConfig {
  name: string;
  inputChannels: number;
  /** Nominal input side (224 ImageNet, 28 Fashion-MNIST); complexity and Table 1 are reported at this size. */
  inputSize: number;
  numClasses: number;
  stem: StemConfig;
  block: "basic" | "bottleneck";
  /** Blocks per stage. The first stage keeps the stem's resolution, every later stage halves it. */
  depths: number[];
  /** basic: output channels per stage; bottleneck: "planes", output channels = planes × 4. */
  widths: number[];
  /** Groups of the 3×3 conv (ResNeXt cardinality); 1 for plain ResNets. */
  groups: number;
  /** Bottleneck only: the 3×3 conv has floor(planes · baseWidth / 64) · groups channels (ResNeXt "d"). Default 64. */
  baseWidth?: number;
  /** Bottleneck only: the first 1×1 conv has (3×3 width) / reduceFirst channels (SENet-154, Appendix A (a): 2). Default 1. */
  reduceFirst?: number;
  /** Which conv of a downsampling block carries the stride: "1x1" Caffe / pretrainedmodels, "3x3" torchvision / timm. */
  strideOn: "1x1" | "3x3";
  /** Kernel of a strided projection shortcut (SENet-154, Appendix A (c): 3); unstrided projections stay 1×1. Default 1. */
  downsampleKernel?: 1 | 3;
  se: SEConfig | null;
  bnEps: number;
}

export const BOTTLENECK_EXPANSION = 4;

// ---- The paper's naming and teaching constants -------------------------------------------------------------

/** The paper numbers stages from 2 (conv2_x … conv5_x), i.e. `layer1` is stage 2. */
export const PAPER_FIRST_STAGE = 2;

/** Paper stage number of a 0-based stage index. */
export function paperStage(stageIndex: number): number {
  return stageIndex + PAPER_FIRST_STAGE;
}

/** `SE_<stage>_<block>` as in the paper (Figure 8): `layer1.0` -> `SE_2_1`, `layer4.2` -> `SE_5_3`. */
export function seBlockName(stageIndex: number, blockIndex: number): string {
  return `SE_${paperStage(stageIndex)}_${blockIndex + 1}`;
}

/** Table 1's output-size column for 224×224 inputs: conv1, conv2_x … conv5_x, classifier. */
export const PAPER_TABLE1_OUTPUT_SIZES = [112, 56, 28, 14, 7, 1] as const;

/** Table 2 GFLOPs (multiply-adds, 224×224): [re-implementation, SE counterpart], with the presets that match them. */
export const PAPER_TABLE2_GFLOPS = [
  { model: "ResNet-50", plain: "resnet50_caffe", se: "se_resnet50", gflops: [3.86, 3.87] },
  { model: "ResNet-101", plain: "resnet101_caffe", se: "se_resnet101", gflops: [7.58, 7.6] },
  { model: "ResNet-152", plain: "resnet152_caffe", se: "se_resnet152", gflops: [11.3, 11.32] },
  { model: "ResNeXt-50", plain: "resnext50_32x4d", se: "se_resnext50_32x4d", gflops: [4.24, 4.25] },
  { model: "ResNeXt-101", plain: "resnext101_32x4d", se: "se_resnext101_32x4d", gflops: [7.99, 8.0] },
] as const;

/** Table 5: SE-ResNet-50 model size (MB) per reduction ratio, and plain ResNet-50. */
export const PAPER_TABLE5_MODEL_MB: Readonly<Record<number | "resnet50", number>> = {
  4: 137,
  8: 117,
  16: 108,
  32: 103,
  resnet50: 98,
};

/** Table 5: SE-ResNet-50's ImageNet top-1 / top-5 error (%) per reduction ratio (null: ResNet-50 without SE). */
export const PAPER_TABLE5_ERRORS: readonly { r: number | null; top1: number; top5: number }[] = [
  { r: 4, top1: 23.21, top5: 6.63 },
  { r: 8, top1: 23.19, top5: 6.64 },
  { r: 16, top1: 23.29, top5: 6.62 },
  { r: 32, top1: 23.4, top5: 6.77 },
  { r: null, top1: 24.8, top5: 7.48 },
];

// ---- Presets -----------------------------------------------------------------------------------------------

const DEPTHS: Record<50 | 101 | 152, number[]> = { 50: [3, 4, 6, 3], 101: [3, 4, 23, 3], 152: [3, 8, 36, 3] };
const PLANES = [64, 128, 256, 512];
const SE_ALL: SEConfig = { r: 16, stages: [true, true, true, true] };

function imagenet(
  name: string,
  depth: 50 | 101 | 152,
  o: { caffe: boolean; se: boolean; strideOn: "1x1" | "3x3"; groups?: number; baseWidth?: number },
): ModelConfig {
  return {
    name,
    inputChannels: 3,
    inputSize: 224,
    numClasses: 1000,
    stem: { kind: "7x7", width: 64, maxPool: true, ceilMode: o.caffe },
    block: "bottleneck",
    depths: DEPTHS[depth],
    widths: PLANES,
    groups: o.groups ?? 1,
    baseWidth: o.baseWidth ?? 64,
    strideOn: o.strideOn,
    se: o.se ? SE_ALL : null,
    bnEps: 1e-5,
  };
}

function build(): Record<string, ModelConfig> {
  const out: Record<string, ModelConfig> = {};
  const add = (c: ModelConfig) => (out[c.name] = c);
  for (const d of [50, 101, 152] as const) {
    // torchvision / timm: stride on the 3×3, padded floor-mode pool.
    add(imagenet(`resnet${d}`, d, { caffe: false, se: false, strideOn: "3x3" }));
    add(imagenet(`seresnet${d}`, d, { caffe: false, se: true, strideOn: "3x3" }));
    // The original Caffe ResNets (and the paper's re-implementation): stride on the first 1×1, ceil-mode pool.
    add(imagenet(`resnet${d}_caffe`, d, { caffe: true, se: false, strideOn: "1x1" }));
    // pretrainedmodels `se_resnet*` = timm `legacy_seresnet*`: the authors' Caffe models.
    add(imagenet(`se_resnet${d}`, d, { caffe: true, se: true, strideOn: "1x1" }));
  }
  for (const d of [50, 101] as const) {
    const x = { groups: 32, baseWidth: 4, strideOn: "3x3" as const };
    add(imagenet(`resnext${d}_32x4d`, d, { ...x, caffe: false, se: false }));
    add(imagenet(`seresnext${d}_32x4d`, d, { ...x, caffe: false, se: true }));
    // pretrainedmodels `se_resnext*` keeps the stride on the grouped 3×3 but pools in Caffe's ceil mode.
    add(imagenet(`se_resnext${d}_32x4d`, d, { ...x, caffe: true, se: true }));
  }
  // SENet-154 (Table 3, Appendix A): ResNeXt-152 64×4d with a halved first 1×1 (a), a 3×(3×3) stem (b) and
  // 3×3 strided projections (c), as pretrainedmodels `senet154` / timm `legacy_senet154`. Dropout (d) is
  // a training-time layer and absent at inference.
  add({
    ...imagenet("senet154", 152, { caffe: true, se: true, strideOn: "3x3", groups: 64, baseWidth: 4 }),
    stem: { kind: "deep", widths: [64, 64, 128], maxPool: true, ceilMode: true },
    reduceFirst: 2,
    downsampleKernel: 3,
  });
  return out;
}

export const PRESETS: Readonly<Record<string, ModelConfig>> = build();

export function presetNames(): string[] {
  return Object.keys(PRESETS);
}

/** A copy of a named preset (mutating it does not affect the table). */
export function preset(name: string): ModelConfig {
  const c = PRESETS[name];
  if (!c) throw new Error(`unknown preset "${name}"; known presets: ${presetNames().join(", ")}`);
  return structuredClone(c);
}

// ---- Validation --------------------------------------------------------------------------------------------

const STEM_KEYS: Record<StemConfig["kind"], string[]> = {
  "3x3": ["kind", "width"],
  "7x7": ["kind", "width", "maxPool", "ceilMode"],
  deep: ["kind", "widths", "maxPool", "ceilMode"],
};
const REQUIRED = [
  "name",
  "inputChannels",
  "inputSize",
  "numClasses",
  "stem",
  "block",
  "depths",
  "widths",
  "groups",
  "strideOn",
  "se",
  "bnEps",
];
const OPTIONAL = ["baseWidth", "reduceFirst", "downsampleKernel"];

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function checkKeys(obj: Record<string, unknown>, where: string, required: string[], optional: string[] = []) {
  for (const k of required) if (!(k in obj)) throw new Error(`${where}: missing field "${k}"`);
  for (const k of Object.keys(obj))
    if (!required.includes(k) && !optional.includes(k))
      throw new Error(`${where}: unknown field "${k}" (allowed: ${[...required, ...optional].join(", ")})`);
}

function positiveInt(v: unknown, where: string): number {
  if (typeof v !== "number" || !Number.isInteger(v) || v < 1)
    throw new Error(`${where} must be a positive integer, got ${JSON.stringify(v)}`);
  return v;
}

function bool(v: unknown, where: string): boolean {
  if (typeof v !== "boolean") throw new Error(`${where} must be true or false, got ${JSON.stringify(v)}`);
  return v;
}

function intList(v: unknown, where: string): number[] {
  if (!Array.isArray(v) || v.length === 0)
    throw new Error(`${where} must be a non-empty array of positive integers`);
  return v.map((x, i) => positiveInt(x, `${where}[${i}]`));
}

function oneOf<T extends string | number>(v: unknown, allowed: readonly T[], where: string): T {
  if (!allowed.includes(v as T))
    throw new Error(
      `${where} must be one of ${allowed.map((a) => JSON.stringify(a)).join(", ")}, got ${JSON.stringify(v)}`,
    );
  return v as T;
}

function parseStem(v: unknown, where: string): StemConfig {
  if (!isObject(v)) throw new Error(`${where} must be an object`);
  const kind = oneOf(v.kind, ["3x3", "7x7", "deep"] as const, `${where}.kind`);
  checkKeys(v, `${where} (kind "${kind}")`, STEM_KEYS[kind]);
  if (kind === "3x3") return { kind, width: positiveInt(v.width, `${where}.width`) };
  const maxPool = bool(v.maxPool, `${where}.maxPool`);
  const ceilMode = bool(v.ceilMode, `${where}.ceilMode`);
  if (kind === "7x7") return { kind, width: positiveInt(v.width, `${where}.width`), maxPool, ceilMode };
  const widths = intList(v.widths, `${where}.widths`);
  if (widths.length !== 3)
    throw new Error(`${where}.widths must list 3 widths (one per 3×3 conv), got ${widths.length}`);
  return { kind, widths: [widths[0], widths[1], widths[2]], maxPool, ceilMode };
}

/** Output channels of the stem (input channels of the first stage). */
export function stemWidth(stem: StemConfig): number {
  return stem.kind === "deep" ? stem.widths[2] : stem.width;
}

/** Output channels of stage `s`. */
export function stageWidth(c: ModelConfig, s: number): number {
  return c.block === "basic" ? c.widths[s] : c.widths[s] * BOTTLENECK_EXPANSION;
}

/** Channels of the (grouped) 3×3 conv of a bottleneck in stage `s`. */
export function bottleneckWidth(c: ModelConfig, s: number): number {
  return Math.floor((c.widths[s] * (c.baseWidth ?? 64)) / 64) * c.groups;
}

/**
 * Validates untrusted JSON (or a typed config) and returns a config with the bottleneck defaults made explicit.
 * Every problem is reported with the field it concerns; unknown fields are refused rather than ignored.
 */
export function parseConfig(json: unknown): ModelConfig {
  if (!isObject(json)) throw new Error("model config must be a JSON object");
  checkKeys(json, "model config", REQUIRED, OPTIONAL);
  const name = json.name;
  if (typeof name !== "string" || name === "")
    throw new Error(`model config: name must be a non-empty string`);
  const where = `model config "${name}"`;
  const block = oneOf(json.block, ["basic", "bottleneck"] as const, `${where}: block`);
  const depths = intList(json.depths, `${where}: depths`);
  const widths = intList(json.widths, `${where}: widths`);
  if (widths.length !== depths.length)
    throw new Error(
      `${where}: widths has ${widths.length} entries but depths has ${depths.length} (one per stage)`,
    );
  const bnEps = json.bnEps;
  if (typeof bnEps !== "number" || !(bnEps > 0) || bnEps > 0.1)
    throw new Error(
      `${where}: bnEps must be a small positive number (e.g. 1e-5), got ${JSON.stringify(bnEps)}`,
    );
  const c: ModelConfig = {
    name,
    inputChannels: positiveInt(json.inputChannels, `${where}: inputChannels`),
    inputSize: positiveInt(json.inputSize, `${where}: inputSize`),
    numClasses: positiveInt(json.numClasses, `${where}: numClasses`),
    stem: parseStem(json.stem, `${where}: stem`),
    block,
    depths,
    widths,
    groups: positiveInt(json.groups, `${where}: groups`),
    strideOn: oneOf(json.strideOn, ["1x1", "3x3"] as const, `${where}: strideOn`),
    se: null,
    bnEps,
  };
  if (block === "basic") {
    for (const k of OPTIONAL)
      if (k in json)
        throw new Error(`${where}: "${k}" applies to bottleneck blocks only, not to basic blocks`);
    if (c.groups !== 1)
      throw new Error(`${where}: basic blocks have no grouped conv; groups must be 1, got ${c.groups}`);
    if (c.strideOn !== "3x3")
      throw new Error(`${where}: basic blocks have no 1x1 conv; strideOn must be "3x3"`);
  } else {
    c.baseWidth = json.baseWidth === undefined ? 64 : positiveInt(json.baseWidth, `${where}: baseWidth`);
    c.reduceFirst =
      json.reduceFirst === undefined ? 1 : positiveInt(json.reduceFirst, `${where}: reduceFirst`);
    c.downsampleKernel =
      json.downsampleKernel === undefined
        ? 1
        : oneOf(json.downsampleKernel, [1, 3] as const, `${where}: downsampleKernel`);
    for (let s = 0; s < depths.length; s++) {
      const w = bottleneckWidth(c, s); // floor(widths[s] × baseWidth / 64) × groups: a multiple of groups, maybe 0
      if (w === 0)
        throw new Error(
          `${where}: stage ${paperStage(s)} 3x3 has no channels: widths[${s}] ${c.widths[s]} × baseWidth ${c.baseWidth} / 64 is below 1`,
        );
      if (w % c.reduceFirst !== 0)
        throw new Error(
          `${where}: reduceFirst ${c.reduceFirst} does not divide the stage ${paperStage(s)} 3x3 width ${w}`,
        );
      if ((w / c.reduceFirst) % c.groups !== 0)
        throw new Error(
          `${where}: stage ${paperStage(s)} first 1x1 width ${w / c.reduceFirst} is not a multiple of groups ${c.groups}`,
        );
    }
  }
  if (json.se !== null) {
    const se = json.se;
    if (!isObject(se)) throw new Error(`${where}: se must be null or {"r": …, "stages": […]}`);
    checkKeys(se, `${where}: se`, ["r", "stages"]);
    const r = positiveInt(se.r, `${where}: se.r`);
    if (!Array.isArray(se.stages) || se.stages.length !== depths.length)
      throw new Error(`${where}: se.stages must hold one true/false per stage (${depths.length})`);
    const stages = se.stages.map((v, i) => bool(v, `${where}: se.stages[${i}]`));
    stages.forEach((on, s) => {
      const C = stageWidth(c, s);
      if (on && C % r !== 0)
        throw new Error(
          `${where}: se.r = ${r} does not divide the ${C} output channels of stage ${paperStage(s)} (layer${s + 1})`,
        );
    });
    c.se = { r, stages };
  }
  return c;
}
