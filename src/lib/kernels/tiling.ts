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

export function tiling(hw: number, c: number): Tiling {
  const blocks = Math.ceil(c / CHANNELS);
  const chunk = Math.ceil(hw / Math.min(hw, Math.ceil(WORKGROUPS_PER_IMAGE / blocks)));
  return { blocks, chunk, chunks: Math.ceil(hw / chunk) };
}
