// Scale (paper eq. 4): multiply every feature map by its channel's excitation,
//   X~[n, i, j, c] = s[n, c] · U[n, i, j, c].
//
// U and X~ are [N, H·W, C] (tfjs NHWC), s is [N, C]. Element e = (n·H·W + p)·C + c, so its channel is e mod C and
// its image is e div (H·W·C). Each invocation handles elements e, e + T, e + 2T, ... (T = invocations dispatched),
// a grid-stride loop that covers any size with a dispatch below the per-axis workgroup limit; neighbouring
// invocations touch neighbouring elements (coalesced).
// Dispatch: (min(ceil(total / 256), 65535), 1, 1).

struct Params {
  total: u32,      // N·H·W·C
  c: u32,          // C
  image: u32,      // H·W·C
  invocations: u32 // T = 256 · workgroups dispatched
}

@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read> u: array<f32>;
@group(0) @binding(2) var<storage, read> s: array<f32>;
@group(0) @binding(3) var<storage, read_write> x: array<f32>;

@compute @workgroup_size(256)
fn main(@builtin(global_invocation_id) gid: vec3u) {
  for (var e = gid.x; e < params.total; e += params.invocations) {
    x[e] = s[(e / params.image) * params.c + e % params.c] * u[e];
  }
}
