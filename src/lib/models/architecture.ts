// The definition expanded: every conv, pool, SE module and the classifier with its weight names, channels,
// strides, paddings and spatial sizes. The tfjs builder, the complexity counter, the weight validator and
// Table 1 all walk this one structure, so they cannot disagree about the network.
import {
  bottleneckWidth,
  paperStage,
  parseConfig,
  seBlockName,
  stageWidth,
  stemWidth,
  type ModelConfig,
} from "./config.js";

export type Size = [number, number];

export interface ConvSpec {
  /** Weight name prefix of the conv (`layer1.0.conv2` -> `layer1.0.conv2.weight`). */
  name: string;
  /** Weight name prefix of the BatchNorm that follows it. */
  bn: string;
  kernel: number;
  stride: number;
  pad: number;
  inChannels: number;
  outChannels: number;
  groups: number;
  inSize: Size;
  outSize: Size;
  /** ReLU after BN (false for the last conv of a residual branch and for projections). */
  relu: boolean;
}

export interface PoolSpec {
  kernel: number;
  stride: number;
  pad: number;
  ceilMode: boolean;
  channels: number;
  inSize: Size;
  outSize: Size;
}

export interface SESpec {
  /** Paper name, `SE_2_1` … */
  name: string;
  /** Weight name prefix (`layer1.0.se` -> `layer1.0.se.fc1.weight`). */
  prefix: string;
  channels: number;
  reduced: number;
  size: Size;
}

export interface BlockSpec {
  prefix: string;
  stage: number;
  index: number;
  /** Residual branch convs in order. */
  convs: ConvSpec[];
  se: SESpec | null;
  /** Projection shortcut (null: identity). */
  downsample: ConvSpec | null;
  inChannels: number;
  outChannels: number;
  inSize: Size;
  outSize: Size;
}

export interface StageSpec {
  /** 0-based index (`layer{index+1}`). */
  index: number;
  /** The paper's stage number (2 for `layer1`). */
  paperStage: number;
  blocks: BlockSpec[];
}

export interface Architecture {
  config: ModelConfig;
  inputSize: Size;
  stem: ConvSpec[];
  pool: PoolSpec | null;
  stages: StageSpec[];
  fc: { name: string; inFeatures: number; outFeatures: number };
}

/** PyTorch's output size of a conv or pool along one axis (ceil mode drops a window that starts in the padding). */
export function outputLength(
  n: number,
  kernel: number,
  stride: number,
  pad: number,
  ceilMode = false,
): number {
  const span = n + 2 * pad - kernel;
  let out = (ceilMode ? Math.ceil(span / stride) : Math.floor(span / stride)) + 1;
  if (ceilMode && (out - 1) * stride >= n + pad) out--;
  return out;
}

function conv(
  name: string,
  bn: string,
  inSize: Size,
  o: {
    kernel: number;
    stride: number;
    inChannels: number;
    outChannels: number;
    groups?: number;
    relu: boolean;
  },
): ConvSpec {
  const pad = (o.kernel - 1) / 2;
  const outSize: Size = [
    outputLength(inSize[0], o.kernel, o.stride, pad),
    outputLength(inSize[1], o.kernel, o.stride, pad),
  ];
  if (outSize[0] < 1 || outSize[1] < 1)
    throw new Error(
      `${name}: input ${inSize.join("×")} is too small for a ${o.kernel}×${o.kernel} stride-${o.stride} conv`,
    );
  return { name, bn, pad, groups: 1, ...o, inSize, outSize };
}

function stem(c: ModelConfig, size: Size): ConvSpec[] {
  const s = c.stem;
  if (s.kind === "3x3")
    return [
      conv("conv1", "bn1", size, {
        kernel: 3,
        stride: 1,
        inChannels: c.inputChannels,
        outChannels: s.width,
        relu: true,
      }),
    ];
  if (s.kind === "7x7")
    return [
      conv("conv1", "bn1", size, {
        kernel: 7,
        stride: 2,
        inChannels: c.inputChannels,
        outChannels: s.width,
        relu: true,
      }),
    ];
  // timm's deep stem is an nn.Sequential: conv1.0 conv, conv1.1 bn, conv1.2 relu, conv1.3 conv, … conv1.6 conv, then bn1.
  const [a, b, d] = s.widths;
  const c0 = conv("conv1.0", "conv1.1", size, {
    kernel: 3,
    stride: 2,
    inChannels: c.inputChannels,
    outChannels: a,
    relu: true,
  });
  const c1 = conv("conv1.3", "conv1.4", c0.outSize, {
    kernel: 3,
    stride: 1,
    inChannels: a,
    outChannels: b,
    relu: true,
  });
  const c2 = conv("conv1.6", "bn1", c1.outSize, {
    kernel: 3,
    stride: 1,
    inChannels: b,
    outChannels: d,
    relu: true,
  });
  return [c0, c1, c2];
}

function pool(c: ModelConfig, channels: number, size: Size): PoolSpec | null {
  if (c.stem.kind === "3x3" || !c.stem.maxPool) return null;
  const ceilMode = c.stem.ceilMode;
  // Caffe pools 3×3/2 without padding in ceil mode; torchvision pads by 1 in floor mode (same sizes for even inputs).
  const pad = ceilMode ? 0 : 1;
  const outSize: Size = [
    outputLength(size[0], 3, 2, pad, ceilMode),
    outputLength(size[1], 3, 2, pad, ceilMode),
  ];
  return { kernel: 3, stride: 2, pad, ceilMode, channels, inSize: size, outSize };
}

function block(c: ModelConfig, s: number, i: number, inChannels: number, inSize: Size): BlockSpec {
  const prefix = `layer${s + 1}.${i}`;
  const stride = s > 0 && i === 0 ? 2 : 1;
  const out = stageWidth(c, s);
  const convs: ConvSpec[] = [];
  const p = (n: number) => [`${prefix}.conv${n}`, `${prefix}.bn${n}`] as const;
  if (c.block === "basic") {
    convs.push(conv(...p(1), inSize, { kernel: 3, stride, inChannels, outChannels: out, relu: true }));
    convs.push(
      conv(...p(2), convs[0].outSize, {
        kernel: 3,
        stride: 1,
        inChannels: out,
        outChannels: out,
        relu: false,
      }),
    );
  } else {
    const width = bottleneckWidth(c, s);
    const first = width / (c.reduceFirst ?? 1);
    const s1 = c.strideOn === "1x1" ? stride : 1;
    const s3 = c.strideOn === "3x3" ? stride : 1;
    convs.push(conv(...p(1), inSize, { kernel: 1, stride: s1, inChannels, outChannels: first, relu: true }));
    convs.push(
      conv(...p(2), convs[0].outSize, {
        kernel: 3,
        stride: s3,
        inChannels: first,
        outChannels: width,
        groups: c.groups,
        relu: true,
      }),
    );
    convs.push(
      conv(...p(3), convs[1].outSize, {
        kernel: 1,
        stride: 1,
        inChannels: width,
        outChannels: out,
        relu: false,
      }),
    );
  }
  const outSize = convs[convs.length - 1].outSize;
  const se =
    c.se && c.se.stages[s]
      ? {
          name: seBlockName(s, i),
          prefix: `${prefix}.se`,
          channels: out,
          reduced: out / c.se.r,
          size: outSize,
        }
      : null;
  let downsample: ConvSpec | null = null;
  if (stride !== 1 || inChannels !== out) {
    const kernel = stride > 1 ? (c.downsampleKernel ?? 1) : 1;
    downsample = conv(`${prefix}.downsample.0`, `${prefix}.downsample.1`, inSize, {
      kernel,
      stride,
      inChannels,
      outChannels: out,
      relu: false,
    });
  }
  return { prefix, stage: s, index: i, convs, se, downsample, inChannels, outChannels: out, inSize, outSize };
}

/**
 * Expands a config into its architecture. `inputSize` overrides the config's nominal input side
 * (spatial sizes only; weights do not depend on it).
 */
export function describe(config: ModelConfig, inputSize?: Size): Architecture {
  const c = parseConfig(config);
  const size: Size = inputSize ?? [c.inputSize, c.inputSize];
  const stemConvs = stem(c, size);
  let channels = stemWidth(c.stem);
  let hw = stemConvs[stemConvs.length - 1].outSize;
  const p = pool(c, channels, hw);
  if (p) hw = p.outSize;
  const stages: StageSpec[] = c.depths.map((depth, s) => {
    const blocks: BlockSpec[] = [];
    for (let i = 0; i < depth; i++) {
      const b = block(c, s, i, channels, hw);
      blocks.push(b);
      channels = b.outChannels;
      hw = b.outSize;
    }
    return { index: s, paperStage: paperStage(s), blocks };
  });
  return {
    config: c,
    inputSize: size,
    stem: stemConvs,
    pool: p,
    stages,
    fc: { name: "fc", inFeatures: channels, outFeatures: c.numClasses },
  };
}

/** All blocks in forward order. */
export function blocks(arch: Architecture): BlockSpec[] {
  return arch.stages.flatMap((s) => s.blocks);
}

/** All SE modules in forward order (their paper names are the tap names). */
export function seModules(arch: Architecture): SESpec[] {
  return blocks(arch).flatMap((b) => (b.se ? [b.se] : []));
}

/** Every conv (stem, residual branches, projections) in forward order. */
export function convs(arch: Architecture): ConvSpec[] {
  return [
    ...arch.stem,
    ...blocks(arch).flatMap((b) => (b.downsample ? [...b.convs, b.downsample] : b.convs)),
  ];
}
