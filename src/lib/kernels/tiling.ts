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

/**
 * The fused block's tiling on a real GPU, for C/r = `hidden`. A GPU runs every workgroup at once, so a pass takes
 * about as long as its slowest invocation's chain of loads: P / 2 positions in se-reduce, K·B·(C/r) / 64 partial
 * terms in se-apply (SPLIT). P = sqrt(H·W·B·(C/r) / 32) makes the two equal; for SE-ResNet-50 (r = 16) that is 56
 * positions at every stage, about 28 loads each, where the software tiling's 784 positions at stage 1 meant 392.
 */
export function hardwareTiling(hw: number, c: number, hidden: number): Tiling {
  const blocks = Math.ceil(c / CHANNELS);
  const chunk = Math.min(hw, Math.max(1, Math.ceil(Math.sqrt((hw * blocks * hidden) / 32))));
  return { blocks, chunk, chunks: Math.ceil(hw / chunk) };
}
