// Fused SE, pass 1 of 2: squeeze a chunk of positions and push it through fc1's matrix product.
//
// fc1 is linear before its bias and ReLU, so W1 · z splits over any partition of the sum that defines z:
//   (z · W1)[j] = Σ_k Σ_b Σ_{c in block b} (1/(H·W) Σ_{p in chunk k} U[n, p, c]) · W1[c, j].
// Each workgroup owns one (image n, chunk k of P positions, block b of 128 channels) and writes its term of that
// sum for every hidden unit j (the term of chunk 0, block 0 also carries fc1's bias b1[j]), so the squeeze runs in parallel over positions and channels and pass 2 only has to
// add K·B partial vectors of C/r numbers to finish fc1.
//   1. invocation (x, y) owns the 4 channels c = 128b + 4x ... c + 3 and adds positions
//      p = kP + y, kP + y + 2, ... (< min(kP + P, H·W)) into a vec4; a row of 32 invocations reads 128
//      neighbouring floats per step;
//   2. the 2 partial sums per channel go to shared memory; after a barrier, invocation t (of 64) computes hidden
//      units j = t, t + 64, ...: Σ_c chunkSum[c] · W1[c, j] / (H·W) over the block's channels, W1 rows read by
//      neighbouring invocations at neighbouring j.
// Few invocations per workgroup and a single barrier, because on software WebGPU (SwiftShader) every invocation of
// a shader with barriers costs microseconds: with 8 rows and a tree reduction, as in squeeze.wgsl, this pass was
// 2-3× slower there. U is [N, H·W, C] (NHWC), W1 is [C, C/r], b1 is [C/r], partials is [N, K, B, C/r]. Channels past C read
// as zeros. Dispatch: (B = ceil(C / 128), K = ceil(H·W / P), N).
// Override TAPS (the whole network wants z as well as the output): the first row also stores its chunk's share of
// z, Σ_p U / (H·W) per channel, after the partial terms in the same buffer (at params.means, laid out [N, K, C]),
// so pass 2 can add up z without reading U again.

struct Params {
  hw: u32,     // H·W
  c: u32,      // C
  hidden: u32, // C/r
  chunk: u32,  // P, positions per chunk
  chunks: u32, // K
  blocks: u32, // B
  means: u32,  // where the [N, K, C] chunk means start in partials (TAPS only)
}

override TAPS: bool = false;

const CH: u32 = 128u;  // channels per workgroup
const LANES: u32 = 2u; // rows of positions summed side by side

@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read> u: array<f32>;
@group(0) @binding(2) var<storage, read> w1: array<f32>;
@group(0) @binding(3) var<storage, read> b1: array<f32>;
@group(0) @binding(4) var<storage, read_write> partials: array<f32>;

var<workgroup> sums: array<vec4f, 64>; // [LANES, 32] partial sums of 4 channels each

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

@compute @workgroup_size(32, 2)
fn main(@builtin(workgroup_id) wg: vec3u, @builtin(local_invocation_id) lid: vec3u,
        @builtin(local_invocation_index) t: u32) {
  let b = wg.x;
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
  if (TAPS && lid.y == 0u) {
    let mean = (sum + sums[32u + lid.x]) / f32(params.hw);
    let at = params.means + (n * params.chunks + k) * params.c;
    for (var q = 0u; q < 4u && c + q < params.c; q++) {
      partials[at + c + q] = mean[q];
    }
  }
  let channels = min(CH, params.c - b * CH);
  let out = ((n * params.chunks + k) * params.blocks + b) * params.hidden;
  for (var j = t; j < params.hidden; j += 32u * LANES) {
    var dot = 0.0;
    for (var q = 0u; q < channels; q++) {
      let chunkSum = sums[q / 4u][q % 4u] + sums[32u + q / 4u][q % 4u];
      dot += chunkSum * w1[(b * CH + q) * params.hidden + j];
    }
    var term = dot / f32(params.hw);
    if (k == 0u && b == 0u) {
      term += b1[j];
    }
    partials[out + j] = term;
  }
}
