// Fused SE, pass 1 of 2: squeeze a chunk of positions and push it through fc1's matrix product.
//
// fc1 is linear before its bias and ReLU, so W1 · z splits over any partition of the sum that defines z:
//   (z · W1)[j] = Σ_k Σ_b Σ_{c in block b} (1/(H·W) Σ_{p in chunk k} U[n, p, c]) · W1[c, j].
// Each workgroup owns one (image n, chunk k of P positions, block b of 32 channels) and writes its term of that
// sum for every hidden unit j, so the whole squeeze runs in parallel over positions and channels and pass 2 only
// has to add K·B partial vectors of C/r numbers to finish fc1.
//   1. invocation (x, y) adds positions p = kP + y, kP + y + 8, ... (< min(kP + P, H·W)) of channel c = 32b + x;
//      each step a row of 32 invocations reads 32 neighbouring floats (coalesced);
//   2. the 8 partial sums per channel meet in shared memory and a tree reduction (8 → 4 → 2 → 1) adds them;
//   3. invocation t (of 256) computes hidden units j = t, t + 256, ...: Σ_x chunkSum[x] · W1[32b + x, j] / (H·W).
// U is [N, H·W, C] (NHWC), W1 is [C, C/r], partials is [N, K, B, C/r].
// Dispatch: (B = ceil(C / 32), K = ceil(H·W / P), N).

struct Params {
  hw: u32,     // H·W
  c: u32,      // C
  hidden: u32, // C/r
  chunk: u32,  // P, positions per chunk
  chunks: u32, // K
  blocks: u32, // B
}

const CH: u32 = 32u;
const LANES: u32 = 8u;

@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read> u: array<f32>;
@group(0) @binding(2) var<storage, read> w1: array<f32>;
@group(0) @binding(3) var<storage, read_write> partials: array<f32>;

var<workgroup> sums: array<f32, 256>; // [LANES, CH]

@compute @workgroup_size(32, 8)
fn main(@builtin(workgroup_id) wg: vec3u, @builtin(local_invocation_id) lid: vec3u,
        @builtin(local_invocation_index) t: u32) {
  let b = wg.x;
  let k = wg.y;
  let n = wg.z;
  let c = b * CH + lid.x;
  let start = k * params.chunk;
  let end = min(start + params.chunk, params.hw);
  var sum = 0.0;
  if (c < params.c) {
    let base = n * params.hw * params.c + c;
    for (var p = start + lid.y; p < end; p += LANES) {
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
  let channels = min(CH, params.c - b * CH);
  let out = ((n * params.chunks + k) * params.blocks + b) * params.hidden;
  for (var j = t; j < params.hidden; j += 256u) {
    var dot = 0.0;
    for (var x = 0u; x < channels; x++) {
      dot += sums[x] * w1[(b * CH + x) * params.hidden + j];
    }
    partials[out + j] = dot / f32(params.hw);
  }
}
