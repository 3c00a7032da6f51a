// The paper's Figure 8 protocol for any model: run N images per class, keep every SE block's excitation vector,
// and summarise each block by per-class mean excitations of evenly spaced channels, the mean over all classes,
// how class-specific the block is and how saturated its excitations are.
import * as tf from "@tensorflow/tfjs-core";
import type { ResNetModel } from "./models/resnet.js";
import { blockExcitationStats, evenlySpacedChannels } from "./excitationStats.js";
import { imageBatch } from "./imageBatch.js";

export interface BlockProfile {
  name: string;
  channels: number;
  /** The channels plotted (50 evenly spaced, or all when fewer). */
  sampledChannels: number[];
  /** [K][sampled] mean excitation per class. */
  classMeans: number[][];
  /** [sampled] mean over all images. */
  overallMean: number[];
  classSpecificity: number;
  classSpread: number;
  classRange: number;
  nearZero: number;
  nearOne: number;
}

export interface ExcitationProfiles {
  model: string;
  classes: string[];
  /** Images per class actually used. */
  classCounts: number[];
  /** Channels sampled per block (all of a block's channels where it has fewer). */
  channelsPerBlock: number;
  blocks: BlockProfile[];
}

/** Excitation vectors of a batch (normalised NHWC images), per SE block: block -> one Float32Array [C] per image. */
export async function batchExcitations(
  model: ResNetModel,
  x: tf.Tensor4D,
): Promise<Record<string, Float32Array[]>> {
  const prediction = model.predict(x);
  try {
    const out: Record<string, Float32Array[]> = {};
    for (const [name, tap] of Object.entries(prediction.taps)) {
      const [n, c] = tap.s.shape;
      const values = (await tap.s.data()) as Float32Array;
      out[name] = Array.from({ length: n }, (_, i) => values.slice(i * c, (i + 1) * c));
    }
    return out;
  } finally {
    tf.dispose(prediction);
  }
}

export function excitationProfiles(
  model: string,
  excitations: Record<string, Float32Array[]>,
  labels: readonly number[],
  classes: readonly string[],
  channelsPerBlock = 50,
): ExcitationProfiles {
  let classCounts: number[] = [];
  const blocks = Object.entries(excitations).map(([name, s]): BlockProfile => {
    const stats = blockExcitationStats(s, labels, classes.length);
    classCounts = stats.classCounts;
    const channels = s[0].length;
    const sampled = evenlySpacedChannels(channels, channelsPerBlock);
    const pick = (row: number[]) => sampled.map((c) => row[c]);
    return {
      name,
      channels,
      sampledChannels: sampled,
      classMeans: stats.classMeans.map(pick),
      overallMean: pick(stats.overallMean),
      classSpecificity: stats.classSpecificity,
      classSpread: stats.classSpread,
      classRange: stats.classRange,
      nearZero: stats.nearZero,
      nearOne: stats.nearOne,
    };
  });
  return { model, classes: [...classes], classCounts, channelsPerBlock, blocks };
}

/**
 * Runs `inputs` (normalised images, each [H, W, C] of the model's input size) through the model in batches and
 * summarises every SE block's excitations; `labels[i]` indexes `classes`.
 */
export async function profileModel(
  model: ResNetModel,
  inputs: readonly Float32Array[],
  labels: readonly number[],
  classes: readonly string[],
  batchSize = 50,
): Promise<ExcitationProfiles> {
  const all: Record<string, Float32Array[]> = {};
  for (let start = 0; start < inputs.length; start += batchSize) {
    const x = imageBatch(inputs.slice(start, start + batchSize), model.config, start);
    try {
      for (const [block, vectors] of Object.entries(await batchExcitations(model, x)))
        (all[block] ??= []).push(...vectors);
    } finally {
      x.dispose();
    }
  }
  return excitationProfiles(model.config.name, all, labels, classes);
}

/** One normalised image's excitations at each block's sampled channels (to overlay on the class profiles). */
export async function imageExcitations(
  model: ResNetModel,
  input: Float32Array,
  blocks: readonly BlockProfile[],
): Promise<Record<string, number[]>> {
  const x = imageBatch([input], model.config);
  try {
    const s = await batchExcitations(model, x);
    return Object.fromEntries(blocks.map((b) => [b.name, b.sampledChannels.map((c) => s[b.name][0][c])]));
  } finally {
    x.dispose();
  }
}
