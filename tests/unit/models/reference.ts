// Plain-JS (float64, loop-by-loop) twins of the model's operations, written from the PyTorch definitions and
// sharing no code with src/lib/models' tfjs paths: unfolded BatchNorm, grouped conv by direct summation,
// max pool with explicit window bounds. Used to check the builder end to end on tiny nets.
import {
  blocks,
  outputLength,
  type Architecture,
  type ConvSpec,
} from "../../../src/lib/models/architecture.js";

/** NHWC array. */
export interface Arr {
  data: Float64Array;
  shape: number[];
}

export type JsWeights = Record<string, Arr>;

export function arr(data: ArrayLike<number>, shape: number[]): Arr {
  return { data: Float64Array.from(data), shape };
}

/** Direct grouped 2-D convolution, NHWC input, filter [kh, kw, in/groups, out], symmetric zero padding. */
export function conv2d(x: Arr, w: Arr, stride: number, pad: number, groups: number): Arr {
  const [n, h, wd, cin] = x.shape;
  const [kh, kw, gin, cout] = w.shape;
  if (gin * groups !== cin) throw new Error(`reference conv: ${cin} inputs vs ${gin}×${groups}`);
  const gout = cout / groups;
  const oh = Math.floor((h + 2 * pad - kh) / stride) + 1;
  const ow = Math.floor((wd + 2 * pad - kw) / stride) + 1;
  const out = new Float64Array(n * oh * ow * cout);
  for (let b = 0; b < n; b++)
    for (let i = 0; i < oh; i++)
      for (let j = 0; j < ow; j++)
        for (let o = 0; o < cout; o++) {
          const g = Math.floor(o / gout);
          let acc = 0;
          for (let a = 0; a < kh; a++) {
            const y = i * stride - pad + a;
            if (y < 0 || y >= h) continue;
            for (let c = 0; c < kw; c++) {
              const xx = j * stride - pad + c;
              if (xx < 0 || xx >= wd) continue;
              for (let k = 0; k < gin; k++)
                acc +=
                  x.data[((b * h + y) * wd + xx) * cin + g * gin + k] *
                  w.data[((a * kw + c) * gin + k) * cout + o];
            }
          }
          out[((b * oh + i) * ow + j) * cout + o] = acc;
        }
  return { data: out, shape: [n, oh, ow, cout] };
}

/** PyTorch MaxPool2d: padding counts as −∞, ceil mode as in `outputLength`. */
export function maxPool(x: Arr, k: number, stride: number, pad: number, ceilMode: boolean): Arr {
  const [n, h, w, c] = x.shape;
  const oh = outputLength(h, k, stride, pad, ceilMode);
  const ow = outputLength(w, k, stride, pad, ceilMode);
  const out = new Float64Array(n * oh * ow * c);
  for (let b = 0; b < n; b++)
    for (let i = 0; i < oh; i++)
      for (let j = 0; j < ow; j++)
        for (let ch = 0; ch < c; ch++) {
          let m = -Infinity;
          for (let y = Math.max(0, i * stride - pad); y < Math.min(h, i * stride - pad + k); y++)
            for (let xx = Math.max(0, j * stride - pad); xx < Math.min(w, j * stride - pad + k); xx++)
              m = Math.max(m, x.data[((b * h + y) * w + xx) * c + ch]);
          out[((b * oh + i) * ow + j) * c + ch] = m;
        }
  return { data: out, shape: [n, oh, ow, c] };
}

/** Inference BatchNorm over the last axis. */
export function batchNorm(x: Arr, W: JsWeights, prefix: string, eps: number): Arr {
  const c = x.shape[x.shape.length - 1];
  const g = W[`${prefix}.weight`].data;
  const bt = W[`${prefix}.bias`].data;
  const mu = W[`${prefix}.running_mean`].data;
  const v = W[`${prefix}.running_var`].data;
  return {
    data: x.data.map((val, i) => ((val - mu[i % c]) / Math.sqrt(v[i % c] + eps)) * g[i % c] + bt[i % c]),
    shape: x.shape,
  };
}

export const relu = (x: Arr): Arr => ({ data: x.data.map((v) => Math.max(0, v)), shape: x.shape });
export const add = (x: Arr, y: Arr): Arr => ({ data: x.data.map((v, i) => v + y.data[i]), shape: x.shape });
const sigmoid = (v: number) => 1 / (1 + Math.exp(-v));

/** Global average pool, [N, H, W, C] -> [N, C]. */
export function meanHW(x: Arr): Arr {
  const [n, h, w, c] = x.shape;
  const out = new Float64Array(n * c);
  for (let i = 0; i < x.data.length; i++)
    out[Math.floor(i / (h * w * c)) * c + (i % c)] += x.data[i] / (h * w);
  return { data: out, shape: [n, c] };
}

/** x [N, in] · W [in, out] + b. */
export function linear(x: Arr, w: Arr, b: Arr): Arr {
  const [n, fin] = x.shape;
  const fout = w.shape[1];
  const out = new Float64Array(n * fout);
  for (let r = 0; r < n; r++)
    for (let o = 0; o < fout; o++) {
      let acc = b.data[o];
      for (let i = 0; i < fin; i++) acc += x.data[r * fin + i] * w.data[i * fout + o];
      out[r * fout + o] = acc;
    }
  return { data: out, shape: [n, fout] };
}

/** The SE module exactly as NOTES.md states it: z = mean, s = σ(W2 relu(W1 z + b1) + b2), x̃ = s · u. */
export function seModule(u: Arr, W: JsWeights, prefix: string): { z: Arr; s: Arr; out: Arr } {
  const z = meanHW(u);
  const hidden = relu(linear(z, W[`${prefix}.fc1.weight`], W[`${prefix}.fc1.bias`]));
  const pre = linear(hidden, W[`${prefix}.fc2.weight`], W[`${prefix}.fc2.bias`]);
  const s = { data: pre.data.map(sigmoid), shape: pre.shape };
  const [, h, w, c] = u.shape;
  const out = u.data.map((v, i) => v * s.data[Math.floor(i / (h * w * c)) * c + (i % c)]);
  return { z, s, out: { data: out, shape: u.shape } };
}

function convBn(x: Arr, c: ConvSpec, W: JsWeights, eps: number): Arr {
  const y = batchNorm(conv2d(x, W[`${c.name}.weight`], c.stride, c.pad, c.groups), W, c.bn, eps);
  return c.relu ? relu(y) : y;
}

/** Whole-network forward with unfolded BatchNorm. */
export function forward(
  arch: Architecture,
  W: JsWeights,
  x: Arr,
): { logits: Arr; taps: Record<string, { z: Arr; s: Arr }> } {
  const eps = arch.config.bnEps;
  let h = x;
  for (const c of arch.stem) h = convBn(h, c, W, eps);
  if (arch.pool) h = maxPool(h, arch.pool.kernel, arch.pool.stride, arch.pool.pad, arch.pool.ceilMode);
  const taps: Record<string, { z: Arr; s: Arr }> = {};
  for (const b of blocks(arch)) {
    let u = h;
    for (const c of b.convs) u = convBn(u, c, W, eps);
    if (b.se) {
      const r = seModule(u, W, b.se.prefix);
      taps[b.se.name] = { z: r.z, s: r.s };
      u = r.out;
    }
    h = relu(add(u, b.downsample ? convBn(h, b.downsample, W, eps) : h));
  }
  return { logits: linear(meanHW(h), W[`${arch.fc.name}.weight`], W[`${arch.fc.name}.bias`]), taps };
}

/** Largest |a − b| / (1 + |b|). */
export function maxRelDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new Error(`length ${a.length} vs ${b.length}`);
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]) / (1 + Math.abs(b[i])));
  return m;
}
