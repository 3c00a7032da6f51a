// Fused SE, pass 2 of 2: finish the excitation for a block of channels and scale (optionally add the residual and
// apply ReLU, as an SE-ResNet block ends) a chunk of positions:
//   X~[n, p, c] = act(s[n, c] · U[n, p, c] (+ R[n, p, c])),  s = σ(W2 · δ(W1 · z + b1) + b2).
//
// Each workgroup owns one (image n, chunk k of P positions, block b of 32 channels), the same grid as pass 1.
//   1. fc1: hidden unit j is δ(b1[j] + the sum of the K·B partial terms pass 1 wrote for it). The hidden vector is
//      built 256 units at a time in shared memory, so any C/r fits;
//   2. fc2: after each tile (barrier), invocation (x, y) accumulates hidden[j] · W2[j, c] over j = y, y + 8, ... of
//      the tile for its channel c = 32b + x (a row of 32 invocations reads 32 neighbouring weights);
//   3. the 8 partial dot products per channel meet in shared memory, a tree reduction adds them, and s = σ(· + b2);
//   4. scale: invocation (x, y) writes positions p = kP + y, kP + y + 8, ... of channel c.
// Every workgroup recomputes the C/r hidden units (K·B·C/r additions) instead of running a third pass; that is
// cheap next to the H·W·C/(K·B) elements each workgroup scales.
// U, R and X~ are [N, H·W, C] (NHWC), W2 is [C/r, C], partials is [N, K, B, C/r].
// Overrides RESIDUAL and RELU pick the ending; without RESIDUAL the residual binding is unused (bind U).
// Dispatch: (B = ceil(C / 32), K = ceil(H·W / P), N).

struct Params {
  hw: u32,     // H·W
  c: u32,      // C
  hidden: u32, // C/r
  chunk: u32,  // P, positions per chunk
  chunks: u32, // K
  blocks: u32, // B
}

override RESIDUAL: bool = false;
override RELU: bool = false;

const CH: u32 = 32u;
const LANES: u32 = 8u;
const TILE: u32 = 256u;

@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read> u: array<f32>;
@group(0) @binding(2) var<storage, read> partials: array<f32>;
@group(0) @binding(3) var<storage, read> b1: array<f32>;
@group(0) @binding(4) var<storage, read> w2: array<f32>;
@group(0) @binding(5) var<storage, read> b2: array<f32>;
@group(0) @binding(6) var<storage, read> residual: array<f32>;
@group(0) @binding(7) var<storage, read_write> x: array<f32>;

var<workgroup> hidden: array<f32, 256>; // one tile of δ(W1 z + b1)
var<workgroup> sums: array<f32, 256>;   // [LANES, CH]

@compute @workgroup_size(32, 8)
fn main(@builtin(workgroup_id) wg: vec3u, @builtin(local_invocation_id) lid: vec3u,
        @builtin(local_invocation_index) t: u32) {
  let b = wg.x;
  let k = wg.y;
  let n = wg.z;
  let c = b * CH + lid.x;
  let terms = params.chunks * params.blocks;
  let first = n * terms * params.hidden;
  var dot = 0.0;
  for (var tile = 0u; tile < params.hidden; tile += TILE) {
    let j = tile + t;
    if (j < params.hidden) {
      var h = b1[j];
      for (var q = 0u; q < terms; q++) {
        h += partials[first + q * params.hidden + j];
      }
      hidden[t] = max(h, 0.0);
    }
    workgroupBarrier();
    if (c < params.c) {
      let size = min(TILE, params.hidden - tile);
      for (var i = lid.y; i < size; i += LANES) {
        dot += hidden[i] * w2[(tile + i) * params.c + c];
      }
    }
    workgroupBarrier();
  }
  sums[lid.y * CH + lid.x] = dot;
  workgroupBarrier();
  for (var stride = LANES / 2u; stride > 0u; stride /= 2u) {
    if (lid.y < stride) {
      sums[lid.y * CH + lid.x] += sums[(lid.y + stride) * CH + lid.x];
    }
    workgroupBarrier();
  }
  if (c >= params.c) {
    return;
  }
  let s = 1.0 / (1.0 + exp(-(sums[lid.x] + b2[c])));
  let end = min(k * params.chunk + params.chunk, params.hw);
  for (var p = k * params.chunk + lid.y; p < end; p += LANES) {
    let e = (n * params.hw + p) * params.c + c;
    var v = s * u[e];
    if (RESIDUAL) {
      v += residual[e];
    }
    if (RELU) {
      v = max(v, 0.0);
    }
    x[e] = v;
  }
}
