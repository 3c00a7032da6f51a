// Excitation (paper eq. 3) is two fully connected layers:
//   s = σ(W2 · δ(W1 · z + b1) + b2),  δ = ReLU, σ = sigmoid,
// so this kernel is one of them, y = act(x · W + b), dispatched twice: fc1 with ReLU (C → C/r), then fc2 with
// sigmoid (C/r → C). The override SIGMOID picks the activation.
//
// x is [N, I], W is [I, O] (tfjs layout: fc1 [C, C/r], fc2 [C/r, C]), b is [O], y is [N, O].
// One workgroup of 64 × 4 invocations computes 256 consecutive outputs of one image:
//   1. invocation (x, y) owns the 4 outputs o = 256·block + 4x ... o + 3, takes every 4th input i = y, y + 4, ...
//      and accumulates x[n, i] · W[i, o .. o + 3] into a vec4 (a row of 64 invocations reads 256 neighbouring
//      weights of row i of W);
//   2. the 4 partial dot products meet in shared memory and a tree reduction (4 → 2 → 1) adds them;
//   3. row y = 0 adds the bias, applies the activation and writes y.
// Outputs past O read zeros and store nothing, so any I and O work.
// Dispatch: (ceil(O / 256), N, 1).

struct Params {
  inputs: u32,  // I
  outputs: u32, // O
}

override SIGMOID: bool = false;

const OUT: u32 = 256u; // outputs per workgroup
const LANES: u32 = 4u; // slices of the dot product summed side by side

@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read> x: array<f32>;
@group(0) @binding(2) var<storage, read> w: array<f32>;
@group(0) @binding(3) var<storage, read> b: array<f32>;
@group(0) @binding(4) var<storage, read_write> y: array<f32>;

var<workgroup> sums: array<vec4f, 256>; // [LANES, 64] partial dot products of 4 outputs each

// W[i, o .. o + 3]; outputs ≥ O read as 0.
fn weights4(i: u32, o: u32) -> vec4f {
  let k = i * params.outputs + o;
  if (o + 4u <= params.outputs) {
    return vec4f(w[k], w[k + 1u], w[k + 2u], w[k + 3u]);
  }
  var v = vec4f(0.0);
  for (var q = 0u; o + q < params.outputs; q++) {
    v[q] = w[k + q];
  }
  return v;
}

@compute @workgroup_size(64, 4)
fn main(@builtin(workgroup_id) wg: vec3u, @builtin(local_invocation_id) lid: vec3u) {
  let o = wg.x * OUT + lid.x * 4u;
  let n = wg.y;
  var sum = vec4f(0.0);
  if (o < params.outputs) {
    for (var i = lid.y; i < params.inputs; i += LANES) {
      sum += x[n * params.inputs + i] * weights4(i, o);
    }
  }
  sums[lid.y * 64u + lid.x] = sum;
  workgroupBarrier();
  for (var stride = LANES / 2u; stride > 0u; stride /= 2u) {
    if (lid.y < stride) {
      sums[lid.y * 64u + lid.x] += sums[(lid.y + stride) * 64u + lid.x];
    }
    workgroupBarrier();
  }
  if (lid.y == 0u) {
    for (var q = 0u; q < 4u && o + q < params.outputs; q++) {
      let v = sums[lid.x][q] + b[o + q];
      y[n * params.outputs + o + q] = select(max(v, 0.0), 1.0 / (1.0 + exp(-v)), SIGMOID);
    }
  }
}
