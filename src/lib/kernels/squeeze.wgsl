// Squeeze (paper eq. 2): global average pooling of an NHWC feature map,
//   z[n, c] = 1 / (H·W) · Σ_{i < H, j < W} U[n, i, j, c].
//
// U is read as [N, H·W, C] with channels fastest (tfjs NHWC); z is [N, C].
// One workgroup of 32 × 8 invocations owns 32 consecutive channels of one image and reduces all H·W positions:
//   1. invocation (x, y) adds up positions p = y, y + 8, y + 16, ... of channel c = 32·block + x, so each step the
//      32 invocations of a row read 32 neighbouring floats (one coalesced 128-byte load);
//   2. the 8 partial sums per channel go to workgroup shared memory and a tree reduction adds them pairwise
//      (8 → 4 → 2 → 1), with a barrier between levels so every level reads finished sums;
//   3. row y = 0 divides by H·W and writes z.
// Channels past C (when C is not a multiple of 32) add zeros and store nothing, so any H, W, C works.
// Dispatch: (ceil(C / 32), N, 1).

struct Params {
  hw: u32, // H·W
  c: u32,  // C
}

const CH: u32 = 32u;   // channels per workgroup
const LANES: u32 = 8u; // positions summed side by side per channel

@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read> u: array<f32>;
@group(0) @binding(2) var<storage, read_write> z: array<f32>;

var<workgroup> sums: array<f32, 256>; // [LANES, CH]

@compute @workgroup_size(32, 8)
fn main(@builtin(workgroup_id) wg: vec3u, @builtin(local_invocation_id) lid: vec3u) {
  let c = wg.x * CH + lid.x;
  let n = wg.y;
  var sum = 0.0;
  if (c < params.c) {
    let base = n * params.hw * params.c + c;
    for (var p = lid.y; p < params.hw; p += LANES) {
      sum += u[base + p * params.c];
    }
  }
  sums[lid.y * CH + lid.x] = sum;
  workgroupBarrier();
  for (var stride = LANES / 2u; stride > 0u; stride /= 2u) {
    if (lid.y < stride) {
      sums[lid.y * CH + lid.x] += sums[(lid.y + stride) * CH + lid.x];
    }
    workgroupBarrier();
  }
  if (lid.y == 0u && c < params.c) {
    z[n * params.c + c] = sums[lid.x] / f32(params.hw);
  }
}
