// Squeeze (paper eq. 2): global average pooling of an NHWC feature map,
//   z[n, c] = 1 / (H·W) · Σ_{i < H, j < W} U[n, i, j, c].
//
// U is read as [N, H·W, C] with channels fastest (tfjs NHWC); z is [N, C].
// One workgroup of 32 × 8 invocations owns 128 consecutive channels of one image and reduces all H·W positions:
//   1. invocation (x, y) owns the 4 channels c = 128·block + 4x ... c + 3 and adds up positions
//      p = y, y + 8, y + 16, ... into a vec4; a row of 32 invocations reads 128 neighbouring floats per step;
//   2. the 8 partial sums per channel go to workgroup shared memory and a tree reduction adds them pairwise
//      (8 → 4 → 2 → 1), with a barrier between levels so every level reads finished sums;
//   3. row y = 0 divides by H·W and writes z.
// Channels past C (C not a multiple of 128, or not of 4) read as zeros and store nothing, so any H, W, C works.
// Dispatch: (ceil(C / 128), N, 1).

struct Params {
  hw: u32, // H·W
  c: u32,  // C
}

const CH: u32 = 128u;  // channels per workgroup
const LANES: u32 = 8u; // positions summed side by side per channel

@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read> u: array<f32>;
@group(0) @binding(2) var<storage, read_write> z: array<f32>;

var<workgroup> sums: array<vec4f, 256>; // [LANES, 32] partial sums of 4 channels each

// U[i .. i + 3], where i is the index of channel c at some position; channels ≥ C read as 0.
fn load4(i: u32, c: u32) -> vec4f {
  if (c + 4u <= params.c) {
    return vec4f(u[i], u[i + 1u], u[i + 2u], u[i + 3u]);
  }
  var v = vec4f(0.0);
  for (var q = 0u; c + q < params.c; q++) {
    v[q] = u[i + q];
  }
  return v;
}

@compute @workgroup_size(32, 8)
fn main(@builtin(workgroup_id) wg: vec3u, @builtin(local_invocation_id) lid: vec3u) {
  let c = wg.x * CH + lid.x * 4u;
  let n = wg.y;
  var sum = vec4f(0.0);
  if (c < params.c) {
    for (var p = lid.y; p < params.hw; p += LANES) {
      sum += load4((n * params.hw + p) * params.c + c, c);
    }
  }
  sums[lid.y * 32u + lid.x] = sum;
  workgroupBarrier();
  for (var stride = LANES / 2u; stride > 0u; stride /= 2u) {
    if (lid.y < stride) {
      sums[lid.y * 32u + lid.x] += sums[(lid.y + stride) * 32u + lid.x];
    }
    workgroupBarrier();
  }
  if (lid.y == 0u) {
    let mean = sums[lid.x] / f32(params.hw);
    for (var q = 0u; q < 4u && c + q < params.c; q++) {
      z[n * params.c + c + q] = mean[q];
    }
  }
}
