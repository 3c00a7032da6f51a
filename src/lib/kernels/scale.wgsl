// Scale (paper eq. 4): multiply every feature map by its channel's excitation,
//   X~[n, i, j, c] = s[n, c] · U[n, i, j, c].
//
// U and X~ are [N, H·W, C] (tfjs NHWC), s is [N, C].
// One workgroup of 32 × 8 invocations owns (image n, chunk k of P positions, block b of 128 channels): invocation
// (x, y) loads s for its 4 channels c = 128b + 4x ... c + 3 once, then scales positions p = kP + y, kP + y + 8, ...
// of those channels (a row of 32 invocations reads and writes 128 neighbouring floats per step). Splitting by
// channel block and position chunk keeps the channel of every element fixed per invocation, with no index
// arithmetic per element. Channels past C are skipped, so any H, W, C works.
// Dispatch: (B = ceil(C / 128), K = ceil(H·W / P), N).

struct Params {
  hw: u32,    // H·W
  c: u32,     // C
  chunk: u32, // P, positions per chunk
}

const CH: u32 = 128u;
const LANES: u32 = 8u;

@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read> u: array<f32>;
@group(0) @binding(2) var<storage, read> s: array<f32>;
@group(0) @binding(3) var<storage, read_write> x: array<f32>;

@compute @workgroup_size(32, 8)
fn main(@builtin(workgroup_id) wg: vec3u, @builtin(local_invocation_id) lid: vec3u) {
  let c = wg.x * CH + lid.x * 4u;
  let n = wg.z;
  if (c >= params.c) {
    return;
  }
  let start = wg.y * params.chunk;
  let end = min(start + params.chunk, params.hw);
  let sc = n * params.c + c;
  if (c + 4u <= params.c) {
    let weight = vec4f(s[sc], s[sc + 1u], s[sc + 2u], s[sc + 3u]);
    for (var p = start + lid.y; p < end; p += LANES) {
      let e = (n * params.hw + p) * params.c + c;
      let v = weight * vec4f(u[e], u[e + 1u], u[e + 2u], u[e + 3u]);
      x[e] = v.x;
      x[e + 1u] = v.y;
      x[e + 2u] = v.z;
      x[e + 3u] = v.w;
    }
  } else {
    for (var p = start + lid.y; p < end; p += LANES) {
      let e = (n * params.hw + p) * params.c + c;
      for (var q = 0u; c + q < params.c; q++) {
        x[e + q] = s[sc + q] * u[e + q];
      }
    }
  }
}
