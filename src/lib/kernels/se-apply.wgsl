// Fused SE, pass 2 of 2: finish the excitation for a block of channels and scale (optionally add the residual and
// apply ReLU, as an SE-ResNet block ends) a chunk of positions:
//   X~[n, p, c] = act(s[n, c] · U[n, p, c] (+ R[n, p, c])),  s = σ(W2 · δ(W1 · z + b1) + b2).
//
// Each workgroup owns one (image n, chunk k of P positions, block b of 128 channels), the same grid as pass 1;
// invocation (x, y) of the 32 × LANES owns the 4 channels c = 128b + 4x ... c + 3. With T = 32·LANES invocations:
//   1. fc1: hidden unit j is δ(the sum of the K·B partial terms pass 1 wrote for it, b1[j] among them), built 256
//      units at a time in shared memory, so any C/r fits. When a tile has size ≤ T units, each unit's terms are
//      shared among T / size invocations (invocation t adds up terms t / size, t / size + T / size, ... of unit
//      t % size), whose sums meet after a barrier: no invocation adds up more than about K·B·size / T of them;
//   2. fc2: after a barrier, invocation (x, y) accumulates hidden[j] · W2[j, c .. c + 3] over j = y, y + LANES, ...
//      of the tile (a row of 32 invocations reads 128 neighbouring weights);
//   3. the LANES partial dot products per channel meet in shared memory; after a barrier each invocation adds up
//      those of its own channels and takes s = σ(· + b2);
//   4. scale: invocation (x, y) writes positions p = kP + y, kP + y + LANES, ... of its 4 channels.
// Every workgroup recomputes the C/r hidden units (K·B·C/r additions) instead of running a third pass; that is
// cheap next to the P·128 elements each workgroup scales. Software WebGPU (SwiftShader) gets LANES = 2 and a few
// fat workgroups, a GPU LANES = 8 and many small ones (see se-reduce.wgsl and tiling.ts).
// U, R and X~ are [N, H·W, C] (NHWC), W2 is [C/r, C], partials is [N, K, B, C/r]. Channels past C read as zeros
// and store nothing. Overrides RESIDUAL and RELU pick the ending; without RESIDUAL the residual binding is unused
// (bind U). Dispatch: (B = ceil(C / 128), K = ceil(H·W / P), N).
// Override TAPS: the workgroups of chunk 0 also store z (the sum of pass 1's chunk means: invocation (x, y) adds up
// chunks y, y + LANES, ... and the rows meet in shared memory) and s of their channels, each [N, C], so the network
// can report both without another pass over U, nor a copy to split one buffer in two (on a GPU those copies, two
// tfjs ops per block, cost more than the whole block). Without TAPS the two bindings are unused (bind two buffers
// other than X~: writable bindings must not alias). Pass 1 adding b1 keeps this pass at 8 storage bindings,
// WebGPU's default limit.

struct Params {
  hw: u32,     // H·W
  c: u32,      // C
  hidden: u32, // C/r
  chunk: u32,  // P, positions per chunk
  chunks: u32, // K
  blocks: u32, // B
  means: u32,  // where pass 1's [N, K, C] chunk means start in partials (TAPS only)
}

override RESIDUAL: bool = false;
override RELU: bool = false;
override TAPS: bool = false;
override LANES: u32 = 2u; // rows of invocations (at most 8: 32·LANES parts must fit in hidden and sums)

const CH: u32 = 128u;   // channels per workgroup
const TILE: u32 = 256u; // hidden units per tile

@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read> u: array<f32>;
@group(0) @binding(2) var<storage, read> partials: array<f32>;
@group(0) @binding(3) var<storage, read> w2: array<f32>;
@group(0) @binding(4) var<storage, read> b2: array<f32>;
@group(0) @binding(5) var<storage, read> residual: array<f32>;
@group(0) @binding(6) var<storage, read_write> x: array<f32>;
@group(0) @binding(7) var<storage, read_write> zTap: array<f32>;
@group(0) @binding(8) var<storage, read_write> sTap: array<f32>;

var<workgroup> hidden: array<f32, 256>; // one tile of δ(W1 z + b1), or the parts of its sums
var<workgroup> sums: array<vec4f, 256>; // [LANES, 32] partial dot products (then parts of z) of 4 channels each

// W2[j, c .. c + 3] (all four below C: the caller checks).
fn w2_4(j: u32, c: u32) -> vec4f {
  let i = j * params.c + c;
  return vec4f(w2[i], w2[i + 1u], w2[i + 2u], w2[i + 3u]);
}

// Residual[e .. e + 3].
fn residual4(e: u32) -> vec4f {
  return vec4f(residual[e], residual[e + 1u], residual[e + 2u], residual[e + 3u]);
}

@compute @workgroup_size(32, LANES)
fn main(@builtin(workgroup_id) wg: vec3u, @builtin(local_invocation_id) lid: vec3u,
        @builtin(local_invocation_index) t: u32) {
  let k = wg.y;
  let n = wg.z;
  let c = wg.x * CH + lid.x * 4u;
  let full = c + 4u <= params.c; // all 4 channels exist
  let terms = params.chunks * params.blocks;
  let first = n * terms * params.hidden;
  let invocations = 32u * LANES;
  var dot = vec4f(0.0);
  for (var tile = 0u; tile < params.hidden; tile += TILE) {
    let size = min(TILE, params.hidden - tile);
    let splits = max(1u, invocations / size);
    for (var i = t; i < size * splits; i += invocations) {
      var h = 0.0;
      for (var q = i / size; q < terms; q += splits) {
        h += partials[first + q * params.hidden + tile + i % size];
      }
      hidden[i] = h;
    }
    workgroupBarrier();
    // unit i adds its parts; it writes hidden[i] only, and reads its own and hidden[i + m·size] (m ≥ 1, ≥ size),
    // which no invocation writes here
    for (var i = t; i < size; i += invocations) {
      var h = hidden[i];
      for (var m = 1u; m < splits; m++) {
        h += hidden[m * size + i];
      }
      hidden[i] = max(h, 0.0);
    }
    workgroupBarrier();
    if (full) {
      for (var i = lid.y; i < size; i += LANES) {
        dot += hidden[i] * w2_4(tile + i, c);
      }
    } else {
      for (var i = lid.y; i < size; i += LANES) {
        for (var q = 0u; c + q < params.c; q++) {
          dot[q] += hidden[i] * w2[(tile + i) * params.c + c + q];
        }
      }
    }
    if (tile + TILE < params.hidden) {
      workgroupBarrier(); // the next tile overwrites hidden
    }
  }
  sums[lid.y * 32u + lid.x] = dot;
  workgroupBarrier();
  var total = vec4f(0.0);
  for (var y = 0u; y < LANES; y++) {
    total += sums[y * 32u + lid.x];
  }
  var bias = vec4f(0.0);
  for (var q = 0u; q < 4u && c + q < params.c; q++) {
    bias[q] = b2[c + q];
  }
  let s = 1.0 / (1.0 + exp(-(total + bias)));
  if (TAPS && k == 0u) {
    var z = vec4f(0.0);
    for (var i = lid.y; i < params.chunks; i += LANES) {
      let at = params.means + (n * params.chunks + i) * params.c + c;
      for (var q = 0u; q < 4u && c + q < params.c; q++) {
        z[q] += partials[at + q];
      }
    }
    workgroupBarrier(); // every invocation has read its dot products from sums
    sums[lid.y * 32u + lid.x] = z;
    workgroupBarrier();
    if (lid.y == 0u) {
      for (var y = 1u; y < LANES; y++) {
        z += sums[y * 32u + lid.x];
      }
      for (var q = 0u; q < 4u && c + q < params.c; q++) {
        zTap[n * params.c + c + q] = z[q];
        sTap[n * params.c + c + q] = s[q];
      }
    }
  }
  let end = min(k * params.chunk + params.chunk, params.hw);
  for (var p = k * params.chunk + lid.y; p < end; p += LANES) {
    let e = (n * params.hw + p) * params.c + c;
    if (full) {
      var v = s * vec4f(u[e], u[e + 1u], u[e + 2u], u[e + 3u]);
      if (RESIDUAL) {
        v += residual4(e);
      }
      if (RELU) {
        v = max(v, vec4f(0.0));
      }
      x[e] = v.x;
      x[e + 1u] = v.y;
      x[e + 2u] = v.z;
      x[e + 3u] = v.w;
    } else {
      for (var q = 0u; c + q < params.c; q++) {
        var v = s[q] * u[e + q];
        if (RESIDUAL) {
          v += residual[e + q];
        }
        if (RELU) {
          v = max(v, 0.0);
        }
        x[e + q] = v;
      }
    }
  }
}
