// How scale, se-reduce and se-apply split a feature map [N, H·W, C] over workgroups: block b of 128 channels
// (32 invocations × 4 channels), chunk k of P positions, image n.

/** Channels per workgroup in scale.wgsl, se-reduce.wgsl and se-apply.wgsl. */
const CHANNELS = 128;

/**
 * Workgroups to aim for per image: few and fat, because software WebGPU (SwiftShader, what headless tests and many
 * readers without a GPU get) pays microseconds per invocation of a shader with barriers; on SwiftShader 8 beat 16
 * and 32, and the first version's 256-position chunks made the fused block 3-6× slower than it is now.
 */
const WORKGROUPS_PER_IMAGE = 8;

export interface Tiling {
  /** B = ceil(C / 128) */
  blocks: number;
  /** P, positions per chunk */
  chunk: number;
  /** K = ceil(H·W / P) */
  chunks: number;
}

/** Few fat workgroups (software WebGPU) or many small ones (a real GPU, whose cores would otherwise sit idle). */
export type TilingKind = "software" | "hardware";

/** The software tiling: about WORKGROUPS_PER_IMAGE workgroups per image. */
export function tiling(hw: number, c: number): Tiling {
  const blocks = Math.ceil(c / CHANNELS);
  const chunk = Math.ceil(hw / Math.min(hw, Math.ceil(WORKGROUPS_PER_IMAGE / blocks)));
  return { blocks, chunk, chunks: Math.ceil(hw / chunk) };
}

/** The longest chain of dependent steps a hardware tiling aims for in one invocation. */
const STEPS = 8;

/** Rows of 32 invocations per workgroup in se-reduce.wgsl and se-apply.wgsl (their override LANES). */
export const LANES: Record<TilingKind, number> = { software: 2, hardware: 8 };

/** Invocations per workgroup of se-reduce.wgsl and se-apply.wgsl: @workgroup_size(32, LANES). */
export function invocations(kind: TilingKind): number {
  return 32 * LANES[kind];
}

/**
 * The fused block's tiling on a real GPU. A GPU runs every workgroup at once, so a pass takes about as long as the
 * longest chain of dependent steps in one invocation; 64-position chunks give each of the 8 rows 8 positions to
 * add up or scale, and SE-ResNet-50 (r = 16) 98, 52, 32 and 16 workgroups in se-apply at its four stages, where the
 * software tiling's 784-position chunks at stage 2 meant 392 steps on 2 rows.
 */
export function hardwareTiling(hw: number, c: number): Tiling {
  const chunk = Math.min(hw, STEPS * LANES.hardware);
  return { blocks: Math.ceil(c / CHANNELS), chunk, chunks: Math.ceil(hw / chunk) };
}

/** se-reduce's split of fc1's C/r hidden units: G groups of A units (the last may have fewer). */
export interface UnitGroups {
  groups: number;
  units: number;
}

/**
 * The groups se-reduce computes fc1's terms in. On a real GPU, as many as keep each invocation's dot products to
 * STEPS steps (a workgroup's 32·LANES invocations share 128·A of them): SE-ResNet-50 (r = 16) gets 1, 2, 4 and 8
 * groups of 16 units at its four stages, so 98, 104, 128 and 128 workgroups in se-reduce, where one group meant
 * chains of 8, 16, 32 and 64 steps. A software adapter gets one group: there every workgroup costs.
 */
export function unitGroups(c: number, hidden: number, kind: TilingKind): UnitGroups {
  if (kind === "software") return { groups: 1, units: hidden };
  const steps = (Math.min(c, CHANNELS) * hidden) / invocations("hardware");
  const units = Math.ceil(hidden / Math.max(1, Math.ceil(steps / STEPS)));
  return { groups: Math.ceil(hidden / units), units };
}
