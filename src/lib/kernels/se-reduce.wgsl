// Fused SE, pass 1 of 2: squeeze a chunk of positions and push it through fc1's matrix product.
//
// fc1 is linear before its bias and ReLU, so W1 · z splits over any partition of the sum that defines z:
//   (z · W1)[j] = Σ_k Σ_b Σ_{c in block b} (1/(H·W) Σ_{p in chunk k} U[n, p, c]) · W1[c, j].
// Each workgroup owns one (image n, chunk k of P positions, block b of 128 channels, group g of hidden units) and
// writes its term of that sum for the units j of its group (the term of chunk 0, block 0 also carries fc1's bias
// b1[j]), so the squeeze runs in parallel over positions and channels and pass 2 only has to add K·B partial vectors
// of C/r numbers to finish fc1. The G groups of one (n, k, b) each add up the same chunk (G = 1 on a software
// adapter): on a GPU that costs a few more reads of a U that is small by then, and it cuts the longest chain in the
// pass, the dot products of step 3, by G (at SE-ResNet-50's stage 5 from 64 steps to 8).
//   1. invocation (x, y) of the 32 × LANES owns the 4 channels c = 128b + 4x ... c + 3 and adds positions
//      p = kP + y, kP + y + LANES, ... (< min(kP + P, H·W)) into a vec4; a row of 32 invocations reads 128
//      neighbouring floats per step;
//   2. after a barrier, the first row adds up the LANES partial sums of its channels;
//   3. after another, the T = 32·LANES invocations share the dot products Σ_c chunkSum[c] · W1[c, j] / (H·W) over
//      the block's channels, for up to T units j at a time: invocation t takes unit t % size and every
//      (T / size)-th channel from t / size on (W1 rows read by neighbouring invocations at neighbouring j), so no
//      invocation runs a chain of more than 128 · size / T steps; after a barrier, unit t adds up its parts. The
//      units of group g are j = gA, …, min(gA + A, C/r) − 1, A = params.units.
// Software WebGPU (SwiftShader) gets LANES = 2 and a few fat workgroups, a GPU LANES = 8 and many small ones
// (tiling.ts): SwiftShader pays per invocation of a shader with barriers, while a GPU runs all workgroups at once
// and takes as long as the longest chain of dependent steps in one invocation.
// U is [N, H·W, C] (NHWC), W1 is [C, C/r], b1 is [C/r], partials is [N, K, B, C/r]. Channels past C read as zeros.
// Dispatch: (B·G, K = ceil(H·W / P), N), B = ceil(C / 128); workgroup x = bG + g.
// Override TAPS (the whole network wants z as well as the output): the first row of group 0 also stores its
// chunk's share of z, Σ_p U / (H·W) per channel, after the partial terms in the same buffer (at params.means, laid
// out [N, K, C]), so pass 2 can add up z without reading U again.

struct Params {
  hw: u32,     // H·W
  c: u32,      // C
  hidden: u32, // C/r
  chunk: u32,  // P, positions per chunk
  chunks: u32, // K
  blocks: u32, // B
  means: u32,  // where the [N, K, C] chunk means start in partials (TAPS only)
  groups: u32, // G, groups of hidden units
  units: u32,  // A, hidden units per group (the last may have fewer)
}

override TAPS: bool = false;
override LANES: u32 = 2u; // rows of invocations (at most 8: dots holds 256)

const CH: u32 = 128u; // channels per workgroup

@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read> u: array<f32>;
@group(0) @binding(2) var<storage, read> w1: array<f32>;
@group(0) @binding(3) var<storage, read> b1: array<f32>;
@group(0) @binding(4) var<storage, read_write> partials: array<f32>;

var<workgroup> sums: array<vec4f, 256>; // [LANES, 32] partial sums of 4 channels each; row 0 then the totals
var<workgroup> dots: array<f32, 256>;   // [T] parts of the dot products

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

@compute @workgroup_size(32, LANES)
fn main(@builtin(workgroup_id) wg: vec3u, @builtin(local_invocation_id) lid: vec3u,
        @builtin(local_invocation_index) t: u32) {
  let b = wg.x / params.groups;
  let g = wg.x % params.groups;
  let k = wg.y;
  let n = wg.z;
  let c = b * CH + lid.x * 4u;
  let start = k * params.chunk;
  let end = min(start + params.chunk, params.hw);
  var sum = vec4f(0.0);
  if (c < params.c) {
    for (var p = start + lid.y; p < end; p += LANES) {
      sum += load4((n * params.hw + p) * params.c + c, c);
    }
  }
  sums[lid.y * 32u + lid.x] = sum;
  workgroupBarrier();
  if (lid.y == 0u) {
    for (var y = 1u; y < LANES; y++) {
      sum += sums[y * 32u + lid.x];
    }
    sums[lid.x] = sum; // only row 0 reads or writes sums[0 .. 31] here
    if (TAPS && g == 0u) {
      let mean = sum / f32(params.hw);
      let at = params.means + (n * params.chunks + k) * params.c;
      for (var q = 0u; q < 4u && c + q < params.c; q++) {
        partials[at + c + q] = mean[q];
      }
    }
  }
  workgroupBarrier();
  let channels = min(CH, params.c - b * CH);
  let out = ((n * params.chunks + k) * params.blocks + b) * params.hidden;
  let invocations = 32u * LANES;
  let last = min((g + 1u) * params.units, params.hidden);
  for (var tile = g * params.units; tile < last; tile += invocations) {
    let size = min(invocations, last - tile);
    let splits = invocations / size;
    var dot = 0.0;
    if (t < size * splits) {
      let j = tile + t % size;
      for (var q = t / size; q < channels; q += splits) {
        dot += sums[q / 4u][q % 4u] * w1[(b * CH + q) * params.hidden + j];
      }
    }
    dots[t] = dot;
    workgroupBarrier();
    if (t < size) {
      var term = 0.0;
      for (var m = 0u; m < splits; m++) {
        term += dots[m * size + t];
      }
      term /= f32(params.hw);
      if (k == 0u && b == 0u) {
        term += b1[tile + t];
      }
      partials[out + tile + t] = term;
    }
    workgroupBarrier(); // the next tile overwrites dots
  }
}
