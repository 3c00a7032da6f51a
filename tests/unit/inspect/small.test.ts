// The Inspect chapter's small pure pieces: cosine similarity per block, the saturation histogram, latest-wins
// tickets, the URL state and the channel it selects, and the network input (alpha, crop box, displayable pixels).
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  blockSimilarities,
  cosineSimilarity,
  meanAbsDifference,
} from "../../../src/lib/excitationSimilarity.js";
import { excitationHistogram } from "../../../src/lib/excitationHistogram.js";
import { latest } from "../../../src/lib/latest.js";
import {
  addressedChannel,
  formatInspectState,
  hasChannel,
  parseInspectState,
} from "../../../src/lib/inspectState.js";
import { cropBox, flattenAlpha, inputPixels, networkInput } from "../../../src/lib/networkInput.js";
import {
  imagenetPreprocessing,
  preprocess,
  FASHION_MNIST_PREPROCESSING,
} from "../../../src/lib/preprocess.js";
import type { ModelDescriptor } from "../../../src/lib/import/manifest.js";

test("cosine similarity and mean difference per block", () => {
  assert.equal(cosineSimilarity([1, 2, 3], [2, 4, 6]), 1);
  assert.ok(Math.abs(cosineSimilarity([1, 0], [1, 1]) - Math.SQRT1_2) < 1e-12);
  assert.throws(() => cosineSimilarity([1], [1, 2]), /vectors of 1 and 2 values/);
  assert.throws(() => cosineSimilarity([0, 0], [1, 2]), /zero vector/);
  const a = [
    { name: "SE_2_1", s: [0.5, 0.5] },
    { name: "SE_3_1", s: [1, 0] },
  ];
  const b = [
    { name: "SE_3_1", s: [0, 1] },
    { name: "SE_2_1", s: [0.2, 0.2] },
  ];
  assert.deepEqual(blockSimilarities(a, b), [
    { block: "SE_2_1", difference: 0.3, cosine: 1 },
    { block: "SE_3_1", difference: 1, cosine: 0 },
  ]);
  assert.equal(meanAbsDifference([0.5, 0.25], [0.25, 0.75]), 0.375);
  assert.throws(() => meanAbsDifference([], []), /no values/);
  assert.throws(() => meanAbsDifference([1], [1, 2]), /vectors of 1 and 2 values/);
  assert.throws(() => blockSimilarities(a, b.slice(0, 1)), /no block SE_2_1/);
});

test("saturation histogram: bins, shares near 0 and 1, median", () => {
  const h = excitationHistogram([0, 0.05, 0.1, 0.5, 0.95, 1], 10);
  assert.deepEqual(h.counts, [2, 1, 0, 0, 0, 1, 0, 0, 0, 2]);
  assert.equal(h.nearZero, 2 / 6);
  assert.equal(h.nearOne, 2 / 6);
  assert.equal(h.median, 0.3);
  assert.equal(excitationHistogram([0.2, 0.9, 0.4]).median, 0.4);
  assert.throws(() => excitationHistogram([]), /no excitations/);
  assert.throws(() => excitationHistogram([1.5]), /excitation 0 is 1.5, outside \[0, 1\]/);
  assert.throws(() => excitationHistogram([0.5], 0), /bins must be a positive integer/);
});

test("latest: only the newest ticket is current", () => {
  const tickets = latest();
  const first = tickets.next();
  const second = tickets.next();
  assert.equal(tickets.isCurrent(first), false);
  assert.equal(tickets.isCurrent(second), true);
});

test("URL state round-trips; bad values are reported, not dropped silently", () => {
  const state = {
    model: "fashion-default",
    sample: 37,
    block: "SE_3_2",
    channel: 5,
    intervention: { scope: "stage" as const, target: "4", kind: "clamp" as const, a: 0.2, b: 0.8 },
    compare: "resnet50",
  };
  const text = formatInspectState(state);
  assert.equal(
    text,
    "?model=fashion-default&sample=37&block=SE_3_2&channel=5&iv=stage:4:clamp:0.2:0.8&compare=resnet50",
  );
  assert.deepEqual(parseInspectState(text), { state, problems: [] });
  assert.equal(formatInspectState({}), "");
  const { state: partial, problems } = parseInspectState(
    "?sample=-1&block=layer4&channel=x&iv=block:SE_2_1:off",
  );
  assert.deepEqual(partial, {});
  assert.deepEqual(problems, [
    "sample=-1 is not a whole number from 0 up",
    "channel=x is not a whole number from 0 up",
    "block=layer4 is not an SE block name like SE_3_2",
    'intervention "block:SE_2_1:off": kind must be one of one, mean, half, clamp',
  ]);
  assert.deepEqual(parseInspectState("?sample=99999999999999999999").problems, [
    "sample=99999999999999999999 is far too large",
  ]);
});

test("the address's block and channel against a model: the choice they make, and what is left unused", () => {
  const blocks = [
    { name: "SE_2_1", s: new Float32Array(8) },
    { name: "SE_3_1", s: new Float32Array(16) },
  ];
  const cases: [string, ReturnType<typeof addressedChannel>][] = [
    ["", { choice: null, problems: [] }],
    ["?block=SE_3_1&channel=15", { choice: { block: "SE_3_1", channel: 15 }, problems: [] }],
    ["?block=SE_3_1", { choice: { block: "SE_3_1", channel: 0 }, problems: [] }],
    // an out-of-range channel is dropped, not clamped to the last one
    [
      "?block=SE_2_1&channel=999",
      { choice: { block: "SE_2_1", channel: 0 }, problems: ["channel=999: SE_2_1 has channels 0 to 7"] },
    ],
    [
      "?block=SE_9_9&channel=3",
      {
        choice: null,
        problems: [
          "block=SE_9_9: this model's SE blocks are SE_2_1 to SE_3_1",
          "channel=3 goes with that block",
        ],
      },
    ],
    ["?channel=3", { choice: null, problems: ["channel=3 needs a block=… beside it"] }],
  ];
  for (const [search, expected] of cases)
    assert.deepEqual(addressedChannel(parseInspectState(search).state, blocks), expected, search);
  assert.deepEqual(addressedChannel({ block: "SE_2_1" }, []), {
    choice: null,
    problems: ["block=SE_2_1: this model has no SE blocks"],
  });
  assert.equal(hasChannel(blocks, { block: "SE_3_1", channel: 15 }), true);
  assert.equal(hasChannel(blocks, { block: "SE_2_1", channel: 8 }), false);
  assert.equal(hasChannel(blocks, { block: "SE_4_1", channel: 0 }), false);
});

test("crop box: the region preprocess keeps, in image pixels", () => {
  // 10×16 image, shorter side 10 = resize (no resampling): the 6×6 crop starts at x = 2, y = 5.
  const spec = { ...imagenetPreprocessing({ inputSize: 6, cropPct: 0.6 }), mean: [0], std: [1] };
  assert.equal(spec.resize, 10);
  const data = Uint8Array.from({ length: 160 }, (_, i) => (Math.floor(i / 10) * 10 + (i % 10)) % 256);
  const image = { width: 10, height: 16, channels: 1, data };
  assert.deepEqual(cropBox(10, 16, spec), { x: 2, y: 5, width: 6, height: 6 });
  const x = preprocess(image, spec, 1);
  assert.equal(Math.round(x[0] * 255), 5 * 10 + 2); // top-left of the crop is pixel (2, 5)
  // a 40×20 image resized to 20×10: the crop box scales back by 2
  assert.deepEqual(cropBox(40, 20, spec), { x: 14, y: 4, width: 12, height: 12 });
});

test("alpha is composited onto the model's background; the input turns back into pixels", () => {
  const rgba = { width: 2, height: 1, channels: 4, data: Uint8Array.of(200, 100, 0, 255, 200, 100, 0, 0) };
  assert.deepEqual(Array.from(flattenAlpha(rgba, 255).data), [200, 100, 0, 255, 255, 255]);
  assert.deepEqual(Array.from(flattenAlpha(rgba, 0).data), [200, 100, 0, 0, 0, 0]);
  const fashion = {
    labels: "fashion-mnist",
    preprocessing: FASHION_MNIST_PREPROCESSING,
    config: { inputChannels: 1 },
  } as unknown as ModelDescriptor;
  const pixels = Uint8Array.from({ length: 784 }, (_, i) => i % 256);
  const input = networkInput({ width: 28, height: 28, channels: 1, data: pixels }, fashion);
  assert.deepEqual(input.notes, []);
  assert.deepEqual(Array.from(input.pixels.subarray(4 * 300, 4 * 300 + 4)), [
    300 % 256,
    300 % 256,
    300 % 256,
    255,
  ]);
  // inputPixels on hand-built inputs: normalised values of known pixels come back as those pixels, grey repeated
  // in R, G and B, each channel with its own mean and std, out-of-range values clamped
  const { mean, std } = FASHION_MNIST_PREPROCESSING;
  const grey = new Float32Array(784);
  grey.set([(0 - mean[0]) / std[0], (200 / 255 - mean[0]) / std[0], 10, -10]);
  assert.deepEqual(
    Array.from(inputPixels(grey, FASHION_MNIST_PREPROCESSING, 1).subarray(0, 16)),
    [0, 0, 0, 255, 200, 200, 200, 255, 255, 255, 255, 255, 0, 0, 0, 255],
  );
  const onePixel = imagenetPreprocessing({ inputSize: 1 });
  const rgb = Float32Array.from([10, 128, 250], (v, c) => (v / 255 - onePixel.mean[c]) / onePixel.std[c]);
  assert.deepEqual(Array.from(inputPixels(rgb, onePixel, 3)), [10, 128, 250, 255]);
  const coloured = networkInput(
    { width: 28, height: 28, channels: 4, data: new Uint8Array(28 * 28 * 4).fill(128) },
    fashion,
    true,
  );
  assert.deepEqual(coloured.notes, [
    "Transparent parts are shown on black, the background this model knows.",
    "This model takes greyscale input: colours become their luminance.",
  ]);
});
