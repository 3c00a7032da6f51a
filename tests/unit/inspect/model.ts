// A small seeded Fashion-MNIST-shaped SE-ResNet for the Inspect chapter's tests (the agreed config, random weights).
import * as tf from "@tensorflow/tfjs-core";
import { parseConfig } from "../../../src/lib/models/config.js";
import { randomWeights } from "../../../src/lib/models/randomWeights.js";
import { load, type ResNetModel } from "../../../src/lib/models/resnet.js";
import { FASHION_JSON } from "../models/fashionConfig.js";

export function fashionModel(seed = 6): ResNetModel {
  const config = parseConfig(JSON.parse(FASHION_JSON));
  const weights = randomWeights(config, seed);
  try {
    return load({ config, weights });
  } finally {
    tf.dispose(Object.values(weights));
  }
}

/** `n` normalised 28×28×1 inputs from a seeded sequence. */
export function inputs(n: number, seed = 1): Float32Array[] {
  let state = seed;
  const next = () => ((state = (state * 1103515245 + 12345) % 2147483648) / 2147483648) * 4 - 2;
  return Array.from({ length: n }, () => Float32Array.from({ length: 784 }, next));
}
