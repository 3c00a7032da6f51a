// Tiny model configs shared by the tests: quick to run anywhere, yet covering both block types.
import { parseConfig, type ModelConfig } from "../../src/lib/models/config.js";
import { FASHION_JSON } from "../unit/models/fashionConfig.js";

/** A bottleneck SE-ResNet with a projection shortcut in every stage and one stage without SE. */
export const TINY_BOTTLENECK: ModelConfig = {
  name: "tiny_bottleneck",
  inputChannels: 3,
  inputSize: 32,
  numClasses: 6,
  stem: { kind: "7x7", width: 8, maxPool: true, ceilMode: false },
  block: "bottleneck",
  depths: [2, 1, 1, 1],
  widths: [4, 8, 8, 16],
  groups: 1,
  strideOn: "3x3",
  se: { r: 4, stages: [true, true, false, true] },
  bnEps: 1e-5,
};

/** The Fashion family (basic blocks, 3×3 stem), one block per stage. */
export const TINY_FASHION: ModelConfig = {
  name: "tiny_fashion",
  inputChannels: 1,
  inputSize: 28,
  numClasses: 10,
  stem: { kind: "3x3", width: 8 },
  block: "basic",
  depths: [1, 1, 1],
  widths: [8, 16, 32],
  groups: 1,
  strideOn: "3x3",
  se: { r: 4, stages: [true, true, true] },
  bnEps: 1e-5,
};

/** The agreed Fashion-MNIST config (widths 8/16/32, two blocks per stage, r = 4), parsed from its JSON. */
export const FASHION_F8: ModelConfig = parseConfig(JSON.parse(FASHION_JSON));
