// How the network runs each SE block and its residual ending, relu(s ⊙ u + shortcut). Four implementations of the
// same arithmetic, so the reader (and the benchmark) can compare them on any backend:
//   "ops"   the stock tfjs chain: mean over [1, 2] → matMul + bias + relu → matMul + bias → sigmoid → mul → add →
//           relu. tfjs reduces only innermost axes, so on NHWC every backend first transposes U to [N, C, H·W]:
//           on wasm the squeeze alone took ~33 ms of SE-ResNet-50's forward pass (tf.profile, 16 blocks).
//   "lean"  the same block with a squeeze that reads U in place (globalAveragePool below) and the sigmoid fused into
//           the second matMul. On WebAssembly the block stays 4-D from the pooling on, [N, 1, 1, C], with the two FC
//           layers as 1×1 convs (`excite4D`): no reshape or cast runs between the pooling, the FCs and the
//           scale, which took about a tenth of SE's time there (what SE adds to a block end at stages 3–5, Node
//           wasm, medians of 300 paired rounds: 0.61 → 0.54, 0.38 → 0.32, 0.33 → 0.29 ms).
//   "fold"  "lean", except that a block after a 1×1 conv (a bottleneck's conv3, BatchNorm folded in: U = X·W + b)
//           is folded through that conv where this is cheaper (`foldPays`): the squeeze reads X, which has 4×
//           fewer channels than U, as z = mean(X)·W + b, and the scale becomes part of the conv's weights,
//           s ⊙ U = X·(W·diag(s)) + b ⊙ s, so no pass over U is left to SE at all (seResidualFolded).
//   "wgsl"  the fused WGSL block (src/lib/kernels/se-block.ts) on tfjs-webgpu's own buffers: two passes read U,
//           the second also adds the shortcut and applies the ReLU, and z and s come out of the same passes.
// "auto" takes "wgsl" on the webgpu backend and "fold" elsewhere. The fused kernel computes s on the GPU and
// uses it at once, so a block whose s is overridden (`intervene`) or whose feature maps are requested runs the
// "lean" chain instead, on any backend; the folded block never forms U, so one whose feature maps are requested
// runs "lean" too.
import * as tf from "@tensorflow/tfjs-core";
import { seBlock, seBlockTaps } from "../kernels/se-block.js";
import { squeeze as squeezeKernel } from "../kernels/squeeze.js";
import { excite, scale, squeeze } from "./seBlock.js";
import type { SeWeights } from "../kernels/weights.js";

/**
 * An SE block's weights as the model keeps them: the kernels' SeWeights, and the two FC layers again as 1×1-conv
 * filters, [1, 1, C, C/r] and [1, 1, C/r, C] (reshapes of the same data, made once at load), for `excite4D`.
 */
export interface SEBlockWeights extends SeWeights {
  fc1Filter: tf.Tensor4D;
  fc2Filter: tf.Tensor4D;
}

/** The filters of `SEBlockWeights` for these weights. The caller owns (and disposes) them. */
export function seFilters(w: SeWeights): Pick<SEBlockWeights, "fc1Filter" | "fc2Filter"> {
  const [c, hidden] = w.fc1Weight.shape;
  return {
    fc1Filter: tf.reshape(w.fc1Weight, [1, 1, c, hidden]),
    fc2Filter: tf.reshape(w.fc2Weight, [1, 1, hidden, c]),
  };
}

export const SE_PATHS = ["auto", "wgsl", "fold", "lean", "ops"] as const;
export type SEPath = (typeof SE_PATHS)[number];
/** A path as it runs: "auto" resolved for a backend. */
export type SEImplementation = Exclude<SEPath, "auto">;

/** `value` as an SEPath, or a clear error. */
export function checkSEPath(value: unknown): SEPath {
  if (typeof value === "string" && (SE_PATHS as readonly string[]).includes(value)) return value as SEPath;
  throw new Error(`sePath must be ${SE_PATHS.map((p) => `"${p}"`).join(", ")}, got ${JSON.stringify(value)}`);
}

/** What `path` means on `backend`; throws for "wgsl" anywhere but webgpu. */
export function resolveSEPath(path: SEPath, backend: string): SEImplementation {
  if (path === "auto") return backend === "webgpu" ? "wgsl" : "fold";
  if (path === "wgsl" && backend !== "webgpu")
    throw new Error(
      `sePath "wgsl" runs the fused WGSL kernels and needs the webgpu backend, but "${backend}" is active`,
    );
  return path;
}

/**
 * Global average pooling of NHWC without a transpose, in the form each backend runs fastest (medians measured at
 * SE-ResNet-50's stage-2 shape 1×56×56×256 on a fresh U, 2-core x86 host):
 *   wasm:      avgPool with a H×W window, XNNPACK's NHWC global average pool: 0.29 ms (mean over [1, 2]: 4.4 ms; a
 *              matMul repacks U as the weights of a new XNNPACK operator on every call: 5.9 ms);
 *   webgpu:    the WGSL squeeze kernel (src/lib/kernels/squeeze.wgsl);
 *   cpu/webgl: a batched matMul, [1/(H·W) …] · U viewed as [N, H·W, C] (a reshape, free): 5.9 ms on cpu (mean:
 *              152 ms, avgPool: 13 ms). On WebGL each output texel of that product loops over all H·W positions,
 *              and only C/2 texels run at once, so large maps go through `rowsThenColumnsMean` instead.
 */
export function globalAveragePool(u: tf.Tensor4D): tf.Tensor2D {
  const [n, h, w, c] = u.shape;
  const backend = tf.getBackend();
  if (backend === "webgpu") return squeezeKernel(u); // [N, H, W, C] -> [N, C]
  if (backend === "webgl" && h > 1 && h * w * c >= WEBGL_TWO_STAGE_MIN) return rowsThenColumnsMean(u);
  return tf.tidy(() => {
    if (backend === "wasm") return tf.reshape(poolTo4D(u), [n, c]); // -> [N, 1, 1, C] -> [N, C]
    const row = tf.fill([n, 1, h * w], 1 / (h * w)); // [N, 1, H·W]
    return tf.reshape(tf.matMul(row, tf.reshape(u, [n, h * w, c])), [n, c]); // [N, 1, H·W] · [N, H·W, C] -> [N, C]
  });
}

/**
 * The map size (H·W·C, one image) from which WebGL squeezes in two stages. Per squeeze, WebGL on SwiftShader, 2-core
 * host, pipelined: 56×56×64 (stage 2's X, which the fold squeezes) 9.4 → 2.9 ms; 56×56×256 24.7 → 7.6 ms; 14×14×1024
 * 5.3 → 3.6 ms; but 28×28×128 2.5 → 3.1 ms and 7×7×2048 2.4 → 5.7 ms, where the second product's fixed cost wins.
 */
const WEBGL_TWO_STAGE_MIN = 2 ** 17;

/**
 * Mean over H and W as two short reductions instead of one long one: each row's mean over W (a batched matMul over
 * the N·H rows, W long), then the mean of those over H. Exact up to float rounding. Call with H > 1.
 */
export function rowsThenColumnsMean(u: tf.Tensor4D): tf.Tensor2D {
  const [n, h, w, c] = u.shape;
  return tf.tidy(() => {
    const perRow = tf.matMul(tf.fill([n * h, 1, w], 1 / w), tf.reshape(u, [n * h, w, c])); // [N·H, 1, W]·[N·H, W, C] -> [N·H, 1, C]
    const rows = tf.reshape(perRow, [n, h, c]); // [N·H, 1, C] -> [N, H, C]
    return tf.reshape(tf.matMul(tf.fill([n, 1, h], 1 / h), rows), [n, c]); // [N, 1, H]·[N, H, C] -> [N, C]
  });
}

export interface SEResult {
  /** relu(s' ⊙ u + shortcut), where s' is s or its override: the block's output. */
  out: tf.Tensor4D;
  z: tf.Tensor2D;
  s: tf.Tensor2D;
  /** s ⊙ u (with the override), only when asked for. */
  scaled?: tf.Tensor4D;
}

export interface SEStepOptions {
  /** Replaces s before it scales u (returns the tensor to use). */
  override?: (s: tf.Tensor2D) => tf.Tensor2D;
  /** Keep s' ⊙ u (for the block's feature maps). */
  keepScaled?: boolean;
}

/** One SE block and the end of its residual block, u and shortcut [N, H, W, C] -> [N, H, W, C]. Call in a tidy. */
export function seResidual(
  impl: SEImplementation,
  u: tf.Tensor4D,
  shortcut: tf.Tensor4D,
  weights: SEBlockWeights,
  options: SEStepOptions = {},
): SEResult {
  const { override, keepScaled = false } = options;
  if (impl === "wgsl" && !override && !keepScaled) {
    const { x, z, s } = seBlockTaps(u, weights, { residual: shortcut, relu: true });
    return { out: x, z, s };
  }
  let z: tf.Tensor2D;
  let s: tf.Tensor2D;
  let scaled: tf.Tensor4D;
  if (impl !== "ops" && tf.getBackend() === "wasm") {
    let s4: tf.Tensor4D;
    ({ z, s, s4 } = excite4D(poolTo4D(u), weights)); // [N, H, W, C] -> [N, 1, 1, C] -> z, s [N, C], s4 [N, 1, 1, C]
    scaled = override ? scale(u, override(s)) : tf.mul(u, s4); // [N, H, W, C] · [N, 1, 1, C]
  } else {
    if (impl === "ops") {
      z = squeeze(u); // [N, H, W, C] -> [N, C]
      s = excite(z, weights); // [N, C]
    } else {
      z = globalAveragePool(u); // [N, H, W, C] -> [N, C]
      s = leanExcite(z, weights); // [N, C]
    }
    scaled = scale(u, override ? override(s) : s); // [N, H, W, C] · [N, C]
  }
  const out = tf.relu(tf.add(scaled, shortcut)) as tf.Tensor4D;
  return keepScaled ? { out, z, s, scaled } : { out, z, s };
}

/**
 * The same block end when nobody reads z and s: relu(SE(u) + shortcut) [N, H, W, C] only. On "wgsl" the fused block
 * then skips storing them (two fewer tensors per block). Call in a tidy.
 */
export function seResidualOut(
  impl: SEImplementation,
  u: tf.Tensor4D,
  shortcut: tf.Tensor4D,
  weights: SEBlockWeights,
): tf.Tensor4D {
  if (impl === "wgsl") return seBlock(u, weights, { residual: shortcut, relu: true });
  return seResidual(impl, u, shortcut, weights).out;
}

/**
 * XNNPACK's global average pool on WebAssembly, [N, H, W, C] -> [N, 1, 1, C], called as the kernel itself: the
 * tf.avgPool op also runs a same-type cast after it.
 */
function poolTo4D(u: tf.Tensor4D): tf.Tensor4D {
  const [, h, w] = u.shape;
  return tf
    .engine()
    .runKernel(tf.AvgPool, { x: u }, { filterSize: [h, w], strides: 1, pad: "valid" }) as tf.Tensor4D;
}

/**
 * The excitation as two 1×1 convs (ReLU and sigmoid fused in) on the pooled z4 [N, 1, 1, C]: the block's taps z and s
 * [N, C], and s4, s as [N, 1, 1, C], ready to scale U.
 */
function excite4D(z4: tf.Tensor4D, w: SEBlockWeights): { z: tf.Tensor2D; s: tf.Tensor2D; s4: tf.Tensor4D } {
  const [n, , , c] = z4.shape;
  const conv = (x: tf.Tensor4D, filter: tf.Tensor4D, bias: tf.Tensor1D, activation: "relu" | "sigmoid") =>
    tf.fused.conv2d({ x, filter, strides: 1, pad: "valid", bias, activation });
  const s4 = conv(conv(z4, w.fc1Filter, w.fc1Bias, "relu"), w.fc2Filter, w.fc2Bias, "sigmoid"); // -> [N, 1, 1, C/r] -> [N, 1, 1, C]
  return { z: tf.reshape(z4, [n, c]), s: tf.reshape(s4, [n, c]), s4 };
}

/** The excitation with the sigmoid fused into the second matMul, z [N, C] -> s [N, C]. */
function leanExcite(z: tf.Tensor2D, weights: SeWeights): tf.Tensor2D {
  const h = tf.fused.matMul({ a: z, b: weights.fc1Weight, bias: weights.fc1Bias, activation: "relu" }); // [N, C/r]
  return tf.fused.matMul({
    a: h,
    b: weights.fc2Weight,
    bias: weights.fc2Bias,
    activation: "sigmoid",
  }) as tf.Tensor2D; // [N, C]
}

/** A 1×1, stride-1, ungrouped conv with its BatchNorm folded in and no activation: U = X·W + b. */
export interface PointwiseConv {
  filter: tf.Tensor4D; // [1, 1, C_in, C]
  bias: tf.Tensor1D; // [C]
}

/**
 * Whether folding the SE block through the pointwise conv before it is cheaper than running it on U, for that conv's
 * input x [N, H, W, C_in] on `backend`. The fold rescales C_in·C weights per image instead of H·W·C values of U, so
 * it pays where H·W is well above C_in; tfjs-wasm also repacks new conv weights on every call, which moves its
 * break-even further. `npm run bench:fold` (bench/results/fold.json) times one block end at each SE-ResNet-50 stage
 * (H·W / C_in = 49, 6.1, 0.77, 0.10): on WebGL the fold wins in stages 2 and 3; on WebAssembly it wins a little in
 * stage 2 and loses from stage 3 on (by 5–10 % of the block end there, 3–5× in stage 5). Hence: fold where
 * H·W ≥ 8·C_in on wasm and H·W ≥ 4·C_in elsewhere. One image only: with several, each has its own weights and the
 * conv becomes a batched matMul, which tfjs-wasm ran about 9× slower than the conv in a trial with two 56×56 images.
 */
export function foldPays(x: tf.Tensor4D, backend: string = tf.getBackend()): boolean {
  const [n, h, w, cIn] = x.shape;
  return n === 1 && h * w >= foldPositionsPerChannel(backend) * cIn;
}

/** The fold's break-even, in positions per input channel: wasm repacks new conv weights on every call. */
export function foldPositionsPerChannel(backend: string): number {
  return backend === "wasm" ? 8 : 4;
}

/**
 * The SE block folded through the pointwise conv that makes U, and the end of the residual block: x [N, H, W, C_in]
 * and shortcut [N, H, W, C] -> relu(s' ⊙ (x·W + b) + shortcut), where s' is s or its override. U is never formed:
 *   squeeze  z = mean_hw(x·W + b) = mean_hw(x)·W + b           (the conv is linear and position-wise)
 *   scale    s' ⊙ (x·W + b) = x·(W·diag(s')) + b ⊙ s'          (column c of W scaled by s'_c)
 * Call in a tidy, for one image (see `foldPays`).
 */
export function seResidualFolded(
  x: tf.Tensor4D,
  conv: PointwiseConv,
  shortcut: tf.Tensor4D,
  weights: SEBlockWeights,
  override?: (s: tf.Tensor2D) => tf.Tensor2D,
): SEResult {
  const [cIn, c] = conv.filter.shape.slice(2);
  let z: tf.Tensor2D;
  let s: tf.Tensor2D;
  let s4: tf.Tensor4D | null = null; // s as [1, 1, 1, C], where it came out that way
  if (tf.getBackend() === "wasm") {
    const z4 = tf.fused.conv2d({
      x: poolTo4D(x),
      filter: conv.filter,
      strides: 1,
      pad: "valid",
      bias: conv.bias,
    }); // [1, 1, 1, C_in] -> [1, 1, 1, C]
    ({ z, s, s4 } = excite4D(z4, weights));
  } else {
    const w = tf.reshape(conv.filter, [cIn, c]) as tf.Tensor2D; // [1, 1, C_in, C] -> [C_in, C]
    z = tf.fused.matMul({ a: globalAveragePool(x), b: w, bias: conv.bias }) as tf.Tensor2D; // [1, C_in]·[C_in, C] + b
    s = leanExcite(z, weights); // [1, C]
  }
  const used = override ? tf.reshape(override(s), [1, 1, 1, c]) : (s4 ?? tf.reshape(s, [1, 1, 1, c]));
  const filter = tf.mul(conv.filter, used) as tf.Tensor4D; // [1, 1, C_in, C] · [1, 1, 1, C]
  const bias = tf.mul(conv.bias, tf.reshape(used, [c])) as tf.Tensor1D; // [C] · [C]
  const scaled = tf.fused.conv2d({ x, filter, strides: 1, pad: "valid", bias }); // s' ⊙ U, [N, H, W, C]
  const out = tf.relu(tf.add(scaled, shortcut)) as tf.Tensor4D;
  return { out, z, s };
}
