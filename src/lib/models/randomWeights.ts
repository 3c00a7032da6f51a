// A canonical weight map with seeded random values, for tests and benchmarks. A small JS PRNG rather than
// tf.randomNormal: reproducible across backends and immune to the seedrandom bundling problem noted in BRIEF.md.
// He-normal convs; BatchNorm statistics and affine terms are random too (so folding is exercised), and the last BN
// of each residual branch gets a small scale so deep random nets keep activations in a sensible range.
import * as tf from "@tensorflow/tfjs-core";
import { blocks, describe } from "./architecture.js";
import type { ModelConfig } from "./config.js";
import { expectedWeights } from "./weightSpec.js";
import { mulberry32, normalArray } from "../random.js";

function uniforms(rand: () => number, n: number, lo: number, hi: number): Float32Array {
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) out[i] = lo + (hi - lo) * rand();
  return out;
}

export function randomWeights(config: ModelConfig, seed: number): tf.NamedTensorMap {
  const arch = describe(config);
  const rand = mulberry32(seed);
  const lastBN = new Set(blocks(arch).map((b) => b.convs[b.convs.length - 1].bn));
  const out: tf.NamedTensorMap = {};
  for (const { name, shape } of expectedWeights(arch)) {
    const n = shape.reduce((a, b) => a * b, 1);
    const field = name.slice(name.lastIndexOf(".") + 1);
    const owner = name.slice(0, name.lastIndexOf("."));
    let values: Float32Array;
    if (shape.length === 4)
      values = normalArray(n, rand, Math.sqrt(2 / (shape[0] * shape[1] * shape[2]))); // fan-in
    else if (shape.length === 2) values = normalArray(n, rand, Math.sqrt(1 / shape[0]));
    else if (field === "running_var") values = uniforms(rand, n, 0.5, 1.5);
    else if (field === "running_mean") values = normalArray(n, rand, 0.1);
    else if (field === "weight")
      values = lastBN.has(owner) ? uniforms(rand, n, 0.1, 0.3) : uniforms(rand, n, 0.8, 1.2);
    else values = normalArray(n, rand, 0.1); // BN shift and FC biases
    out[name] = tf.tensor(values, shape, "float32");
  }
  return out;
}
