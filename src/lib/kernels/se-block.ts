// The whole SE block on the GPU in two passes (se-reduce.wgsl, se-apply.wgsl), recorded among tfjs's own ops:
// X~ = act(sigmoid(W2 · relu(W1 · mean_hw(U) + b1) + b2) ⊙ U (+ residual)).
import * as tf from "@tensorflow/tfjs-core";
import reduceSource from "./se-reduce.wgsl.js";
import applySource from "./se-apply.wgsl.js";
import { expectShape, featureMapShape } from "./shapes.js";
import { hardwareTiling, LANES, tiling, unitGroups, type TilingKind } from "./tiling.js";
import { isSoftwareAdapter } from "../softwareAdapter.js";
import { seShape, type SeWeights } from "./weights.js";
import {
  outputTensor,
  pipeline,
  run,
  scratchBuffer,
  tensorBuffer,
  uniformBuffer,
  webgpuBackend,
} from "./gpu.js";

/** The WGSL of the two passes of the fused block, for display. */
export const seBlockSources: { reduce: string; apply: string } = { reduce: reduceSource, apply: applySource };

export interface SeBlockOptions {
  /** Added after the scale, as SE-ResNet adds the identity (or downsample) branch; same shape as u. */
  residual?: tf.Tensor4D;
  /** Apply ReLU last (SE-ResNet: relu(se(u) + residual)). */
  relu?: boolean;
  /** How to split the work over workgroups; by default "software" on a software adapter, else "hardware". */
  tiling?: TilingKind;
}

const tilings = new WeakMap<ReturnType<typeof webgpuBackend>, TilingKind>();

/** The tiling that suits the adapter tfjs runs on (tfjs keeps its vendor and architecture), once per backend. */
function defaultTiling(backend: ReturnType<typeof webgpuBackend>): TilingKind {
  let kind = tilings.get(backend);
  if (kind === undefined) {
    const info = backend.adapterInfo as unknown as { vendor?: string; architecture?: string };
    tilings.set(backend, (kind = isSoftwareAdapter(info) ? "software" : "hardware"));
  }
  return kind;
}

/** The SE block applied to u [N, H, W, C] -> [N, H, W, C], optionally ending with + residual and ReLU. */
export function seBlock(u: tf.Tensor4D, weights: SeWeights, options: SeBlockOptions = {}): tf.Tensor4D {
  return fusedBlock(u, weights, options, false).x;
}

/** What the fused block computed on the way: the squeeze z and the excitation s, both [N, C]. */
export interface SeBlockTaps {
  x: tf.Tensor4D;
  z: tf.Tensor2D;
  s: tf.Tensor2D;
}

/**
 * The same block, also returning z and s (as the network's taps). They come out of the two passes themselves
 * (override TAPS): pass 1 stores its chunk means, pass 2 adds them up and stores s, so U is still read twice in all.
 */
export function seBlockTaps(u: tf.Tensor4D, weights: SeWeights, options: SeBlockOptions = {}): SeBlockTaps {
  const { x, taps } = fusedBlock(u, weights, options, true);
  return { x, ...taps! };
}

function fusedBlock(
  u: tf.Tensor4D,
  weights: SeWeights,
  options: SeBlockOptions,
  withTaps: boolean,
): { x: tf.Tensor4D; taps: { z: tf.Tensor2D; s: tf.Tensor2D } | null } {
  const [n, h, w, c] = featureMapShape(u, "u");
  const { hidden } = seShape(c, weights);
  const { residual, relu = false } = options;
  if (residual !== undefined) expectShape(residual, [n, h, w, c], "residual", "the shape of u [N, H, W, C]");
  const backend = webgpuBackend();
  const device = backend.device;
  // Inputs first (this may upload them or throw for a disposed tensor), then the pooled buffers.
  const buffer = (t: tf.Tensor, name: string) => tensorBuffer(backend, t, name);
  const inputs = {
    u: buffer(u, "u"),
    fc1Weight: buffer(weights.fc1Weight, "fc1Weight"),
    fc1Bias: buffer(weights.fc1Bias, "fc1Bias"),
    fc2Weight: buffer(weights.fc2Weight, "fc2Weight"),
    fc2Bias: buffer(weights.fc2Bias, "fc2Bias"),
    residual: residual ? buffer(residual, "residual") : null,
  };
  const kind = options.tiling ?? defaultTiling(backend);
  const { blocks, chunk, chunks } = kind === "software" ? tiling(h * w, c) : hardwareTiling(h * w, c);
  const { groups, units } = unitGroups(c, hidden, kind);
  const means = n * chunks * blocks * hidden; // the chunk means (TAPS) follow the partial terms
  const params = uniformBuffer(backend, [h * w, c, hidden, chunk, chunks, blocks, means, groups, units]);
  const partials = scratchBuffer(backend, means + (withTaps ? n * chunks * c : 0)); // [N, K, B, C/r] (+ [N, K, C])
  const x = outputTensor<tf.Rank.R4>(backend, [n, h, w, c]); // [N, H, W, C]
  const z = withTaps ? outputTensor<tf.Rank.R2>(backend, [n, c]) : null; // [N, C]
  const s = withTaps ? outputTensor<tf.Rank.R2>(backend, [n, c]) : null; // [N, C]
  // Without TAPS the two bindings are unused but must still be bound, and not to x nor to one buffer (WebGPU forbids
  // aliasing writable storage bindings in one dispatch): two 4-byte pooled buffers.
  const unused = withTaps ? [] : [scratchBuffer(backend, 1), scratchBuffer(backend, 1)];
  const TAPS = withTaps ? 1 : 0;
  run(
    backend,
    [
      {
        label: "se reduce (squeeze + fc1 terms)",
        pipeline: pipeline(device, reduceSource, { TAPS, LANES: LANES[kind] }),
        bindings: [params, inputs.u, inputs.fc1Weight, inputs.fc1Bias, partials],
        workgroups: [blocks * groups, chunks, n],
      },
      {
        label: "se apply (excite + scale)",
        pipeline: pipeline(device, applySource, {
          RESIDUAL: residual ? 1 : 0,
          RELU: relu ? 1 : 0,
          TAPS,
          LANES: LANES[kind],
        }),
        bindings: [
          params,
          inputs.u,
          partials,
          inputs.fc2Weight,
          inputs.fc2Bias,
          inputs.residual ?? inputs.u,
          x.buffer,
          z?.buffer ?? unused[0],
          s?.buffer ?? unused[1],
        ],
        workgroups: [blocks, chunks, n],
      },
    ],
    [params, partials, ...unused],
    z && s ? [x.tensor, z.tensor, s.tensor] : [x.tensor],
  );
  return { x: x.tensor, taps: z && s ? { z: z.tensor, s: s.tensor } : null };
}
