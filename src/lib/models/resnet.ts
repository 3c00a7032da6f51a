// The tfjs builder for the whole ResNet family (ResNet, SE-ResNet, (SE-)ResNeXt, SENet-154, the Fashion-MNIST
// nets): `load({config, weights})` validates the canonical weight map against the architecture, folds every
// BatchNorm into its conv once, and returns a model whose forward pass exposes each SE block's squeeze and
// excitation vectors (and, on request, the feature maps around its scale step) under the paper's block names.
import * as tf from "@tensorflow/tfjs-core";
import {
  blocks,
  describe,
  seModules,
  type Architecture,
  type ConvSpec,
  type PoolSpec,
} from "./architecture.js";
import type { ModelConfig } from "./config.js";
import { foldBatchNorm } from "./foldBatchNorm.js";
import { groupedConv2d, toDepthwiseFilter } from "./groupedConv.js";
import { maxPool2d } from "./maxPool.js";
import type { SeWeights } from "../kernels/weights.js";
import {
  checkSEPath,
  foldPays,
  globalAveragePool,
  resolveSEPath,
  seFilters,
  seResidual,
  seResidualOut,
  seResidualFolded,
  type PointwiseConv,
  type SEBlockWeights,
  type SEPath,
} from "./sePath.js";
import { validateWeights } from "./weightSpec.js";

/** What one SE block reveals during a forward pass. */
export type SETap = {
  /** Squeeze output z, [N, C]. */
  z: tf.Tensor2D;
  /** Excitation s computed by the block, [N, C] (before any `intervene` override). */
  s: tf.Tensor2D;
  /** Residual-branch feature map before the scale step, [N, H, W, C] (only for blocks named in `featureMaps`). */
  pre?: tf.Tensor4D;
  /** The same after the scale step (with the override applied, if any), before the identity is added. */
  post?: tf.Tensor4D;
};

export type Prediction = {
  /** Class scores before softmax, [N, numClasses]. */
  logits: tf.Tensor2D;
  /** One entry per SE block, keyed by paper name (`SE_2_1` …), in forward order. */
  taps: Record<string, SETap>;
};

export interface PredictOptions {
  /** SE block name(s) whose pre- and post-scale feature maps should be returned. */
  featureMaps?: string | string[];
  /**
   * Replaces a block's excitation before it scales the features (interventions: all ones, a class mean, 0.5, a
   * clamp …). Called inside the forward pass's tf.tidy; must return a float32 [N, C] tensor.
   */
  intervene?: (block: string, s: tf.Tensor2D) => tf.Tensor2D;
  /** Overrides the model's sePath for this call (to compare paths on the same weights). */
  sePath?: SEPath;
  /**
   * Whether to return every SE block's z and s (default true). With false the prediction holds the logits only,
   * like a network without SE, and the fused WebGPU block skips writing them: what the benchmarks time.
   */
  taps?: boolean;
}

export interface ResNetModel {
  config: ModelConfig;
  architecture: Architecture;
  /** SE block names in forward order. */
  seBlocks: string[];
  /** How SE blocks run (see sePath.ts); "auto" is resolved for the active backend at each predict. */
  sePath: SEPath;
  /**
   * Forward pass of normalised NHWC images [N, H, W, inputChannels]. The caller owns the returned tensors
   * (`tf.dispose(prediction)`).
   */
  predict(x: tf.Tensor4D, options?: PredictOptions): Prediction;
  dispose(): void;
}

export interface LoadArgs {
  config: ModelConfig;
  /** Canonical weights (timm names, tfjs layouts, BatchNorm unfolded); not consumed: the caller may dispose them. */
  weights: tf.NamedTensorMap;
  /** "auto" (default): fused WGSL on webgpu, SE folded into conv3 elsewhere; "ops": the stock tfjs chain. */
  sePath?: SEPath;
}

interface ConvLayer {
  spec: ConvSpec;
  /** BN-folded filter; in depthwise layout for grouped convs (see groupedConv.ts). */
  filter: tf.Tensor4D;
  bias: tf.Tensor1D;
}

function runConv(l: ConvLayer, x: tf.Tensor4D): tf.Tensor4D {
  const { stride, pad, groups, relu } = l.spec;
  if (groups === 1)
    return tf.fused.conv2d({
      x,
      filter: l.filter,
      strides: stride,
      pad,
      bias: l.bias,
      activation: relu ? "relu" : "linear",
    });
  return tf.tidy(() => {
    const y = tf.add(groupedConv2d(x, l.filter, groups, stride, pad), l.bias) as tf.Tensor4D;
    return relu ? tf.relu(y) : y;
  });
}

/**
 * Runs `f` with `name` as tfjs's active backend and restores the previous one. tfjs switches at once (no await) to a
 * backend that has finished initialising, so nothing else runs in between: another page cell that switches backends
 * around an await cannot make the network run elsewhere and drag its weights to another device.
 */
function onBackend<T>(name: string, f: () => T): T {
  const active = tf.getBackend();
  if (active === name) return f();
  void tf.setBackend(name);
  if (tf.getBackend() !== name) throw new Error(`the model's backend "${name}" is not ready`);
  try {
    return f();
  } finally {
    void tf.setBackend(active);
  }
}

export function load({ config, weights, sePath = "auto" }: LoadArgs): ResNetModel {
  checkSEPath(sePath);
  const arch = describe(config);
  validateWeights(arch, weights);
  const eps = arch.config.bnEps;
  const owned: tf.Tensor[] = [];
  const keep = <T extends tf.Tensor>(t: T): T => {
    owned.push(t);
    return t;
  };

  const prepare = (spec: ConvSpec): ConvLayer => {
    const folded = tf.tidy(() => {
      const f = foldBatchNorm(
        weights[`${spec.name}.weight`] as tf.Tensor4D,
        {
          weight: weights[`${spec.bn}.weight`] as tf.Tensor1D,
          bias: weights[`${spec.bn}.bias`] as tf.Tensor1D,
          runningMean: weights[`${spec.bn}.running_mean`] as tf.Tensor1D,
          runningVar: weights[`${spec.bn}.running_var`] as tf.Tensor1D,
        },
        eps,
      );
      return { filter: spec.groups > 1 ? toDepthwiseFilter(f.filter, spec.groups) : f.filter, bias: f.bias };
    });
    return { spec, filter: keep(folded.filter), bias: keep(folded.bias) };
  };
  const clone = <T extends tf.Tensor>(name: string) => keep(tf.clone(weights[name]) as T);
  const seBlockWeights = (w: SeWeights): SEBlockWeights => {
    const { fc1Filter, fc2Filter } = seFilters(w);
    return { ...w, fc1Filter: keep(fc1Filter), fc2Filter: keep(fc2Filter) };
  };

  // Every tensor prepared so far is the model's; if a later one fails (a disposed weight, memory), free them all.
  const { stem, pool, body, fcWeight, fcBias } = (() => {
    try {
      const stem = arch.stem.map(prepare);
      const pool: PoolSpec | null = arch.pool;
      const body = blocks(arch).map((b) => {
        const convs = b.convs.map(prepare);
        const last = convs[convs.length - 1];
        const { kernel, stride, groups, relu } = last.spec;
        // U = X·W + b: an SE block after it can be folded through it (sePath "fold")
        const pointwise: PointwiseConv | null =
          kernel === 1 && stride === 1 && groups === 1 && !relu
            ? { filter: last.filter, bias: last.bias }
            : null;
        return {
          head: convs.slice(0, -1), // the residual branch up to its last conv
          last,
          pointwise,
          se: b.se
            ? {
                name: b.se.name,
                weights: seBlockWeights({
                  fc1Weight: clone<tf.Tensor2D>(`${b.se.prefix}.fc1.weight`),
                  fc1Bias: clone<tf.Tensor1D>(`${b.se.prefix}.fc1.bias`),
                  fc2Weight: clone<tf.Tensor2D>(`${b.se.prefix}.fc2.weight`),
                  fc2Bias: clone<tf.Tensor1D>(`${b.se.prefix}.fc2.bias`),
                }),
              }
            : null,
          downsample: b.downsample ? prepare(b.downsample) : null,
        };
      });
      const fcWeight = clone<tf.Tensor2D>(`${arch.fc.name}.weight`);
      const fcBias = clone<tf.Tensor1D>(`${arch.fc.name}.bias`);
      return { stem, pool, body, fcWeight, fcBias };
    } catch (error) {
      tf.dispose(owned);
      throw error;
    }
  })();
  const seBlocks = seModules(arch).map((m) => m.name);
  const home = tf.getBackend(); // where the weights live: every prediction runs there
  let disposed = false;

  function predict(x: tf.Tensor4D, options: PredictOptions = {}): Prediction {
    if (disposed) throw new Error(`model "${arch.config.name}" has been disposed`);
    const C = arch.config.inputChannels;
    if (x.rank !== 4 || x.shape[3] !== C)
      throw new Error(
        `predict expects a [N, H, W, ${C}] tensor (NHWC, normalised), got [${x.shape.join(", ")}]`,
      );
    if (x.dtype !== "float32") throw new Error(`predict expects float32 input, got ${x.dtype}`);
    const wanted = new Set(
      options.featureMaps === undefined ? [] : ([] as string[]).concat(options.featureMaps),
    );
    for (const name of wanted)
      if (!seBlocks.includes(name))
        throw new Error(
          `featureMaps: no SE block "${name}" in "${arch.config.name}"` +
            (seBlocks.length
              ? ` (blocks: ${seBlocks[0]} … ${seBlocks[seBlocks.length - 1]})`
              : " (it has no SE blocks)"),
        );
    const { intervene, taps: withTaps = true } = options;
    if (!withTaps && wanted.size)
      throw new Error("featureMaps come back among the taps: drop taps: false to get them");
    const impl = resolveSEPath(checkSEPath(options.sePath ?? sePath), home);

    return onBackend(home, () =>
      tf.tidy(() => {
        const taps: Record<string, SETap> = {};
        let h = x;
        for (const l of stem) h = runConv(l, h); // [N, H, W, C_in] -> [N, H/2, W/2, 64] for the 7×7 stem
        if (pool) h = maxPool2d(h, pool);
        for (const b of body) {
          let x = h;
          for (const l of b.head) x = runConv(l, x);
          const shortcut = b.downsample ? runConv(b.downsample, h) : h;
          if (!b.se) {
            h = tf.relu(tf.add(runConv(b.last, x), shortcut)) as tf.Tensor4D;
            continue;
          }
          const name = b.se.name;
          const override =
            intervene &&
            ((s: tf.Tensor2D) => {
              const used = intervene(name, s);
              if (
                !(used instanceof tf.Tensor) ||
                used.rank !== 2 ||
                used.shape[0] !== s.shape[0] ||
                used.shape[1] !== s.shape[1]
              )
                throw new Error(
                  `intervene("${name}") must return a [${s.shape.join(", ")}] tensor, got ` +
                    (used instanceof tf.Tensor ? `[${used.shape.join(", ")}]` : typeof used),
                );
              return used as tf.Tensor2D;
            });
          if (impl === "fold" && b.pointwise && !wanted.has(name) && foldPays(x)) {
            const r = seResidualFolded(x, b.pointwise, shortcut, b.se.weights, override); // [N, H', W', C]
            if (withTaps) taps[name] = { z: r.z, s: r.s };
            h = r.out;
            continue;
          }
          const u = runConv(b.last, x); // [N, H', W', C]
          if (!withTaps && !override) {
            h = seResidualOut(impl, u, shortcut, b.se.weights); // [N, H', W', C]
            continue;
          }
          const keepScaled = wanted.has(name);
          const r = seResidual(impl, u, shortcut, b.se.weights, { override, keepScaled }); // [N, H', W', C]
          if (withTaps)
            taps[name] = keepScaled ? { z: r.z, s: r.s, pre: u, post: r.scaled } : { z: r.z, s: r.s };
          h = r.out;
        }
        const pooled = impl === "ops" ? (tf.mean(h, [1, 2]) as tf.Tensor2D) : globalAveragePool(h); // [N, H, W, C] -> [N, C]
        const logits = tf.fused.matMul({ a: pooled, b: fcWeight, bias: fcBias }) as tf.Tensor2D; // [N, numClasses]
        return { logits, taps };
      }),
    );
  }

  return {
    config: arch.config,
    architecture: arch,
    seBlocks,
    sePath,
    predict,
    dispose() {
      if (disposed) return;
      disposed = true;
      tf.dispose(owned);
    },
  };
}
