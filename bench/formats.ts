// npm run bench:formats — float32 vs float16 vs uint8 weights (as `npm run weights -- import --dtype` writes them):
// each model is encoded in every format with the importer's own encoder, decoded as the site decodes it, and run on
// tfjs-wasm in Node. The site's default Fashion-MNIST model is evaluated on all 10,000 test images, the parity
// fixtures (tiny ImageNet-family nets from PyTorch) on their stored inputs. Writes bench/results/weight-formats.json
// with the format the rule in src/lib/weightFormats.ts picks for the site.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import * as tf from "@tensorflow/tfjs-core";
import "@tensorflow/tfjs-backend-wasm";
import { readModelDir } from "../cli/model-dir.ts";
import { parseIdx } from "../src/lib/idx.ts";
import { importCheckpoint } from "../src/lib/import/importer.ts";
import type { CanonicalTensor } from "../src/lib/import/layout.ts";
import { decodeModel, encodeModel, WEIGHT_DTYPES, type ModelDescriptor } from "../src/lib/import/manifest.ts";
import { toNamedTensorMap } from "../src/lib/import/tensors.ts";
import { findSourceRun } from "../src/lib/modelRun.ts";
import { parseConfig, type ModelConfig } from "../src/lib/models/config.ts";
import { load } from "../src/lib/models/resnet.ts";
import { parseNpy } from "../src/lib/npy.ts";
import { preprocess } from "../src/lib/preprocess.ts";
import { compareLogits, FORMAT_RULE, pickFormat, type FormatComparison } from "../src/lib/weightFormats.ts";
import { commitOf, host } from "./provenance.ts";

const DEFAULT_MODEL = "data/models/fashion-default";
const RUNS = "data/fashion/runs";
const DATASET = "/usr/share/datasets/fashion-mnist";
const FIXTURES = "tests/fixtures";

// The measured code as it is now, when it is loaded (not when the run ends, hours of edits later).
const commit = commitOf([
  "src/lib/import",
  "src/lib/models",
  "src/lib/weightFormats.ts",
  "bench/formats.ts",
  DEFAULT_MODEL,
]);

await tf.setBackend("wasm");
await tf.ready();

/** Logits of `weights` for `x` (NHWC), in batches of 500. */
async function logitsOf(
  config: ModelConfig,
  weights: Map<string, CanonicalTensor>,
  x: Float32Array,
  n: number,
) {
  const tensors = toNamedTensorMap(weights);
  const model = load({ config, weights: tensors });
  tf.dispose(Object.values(tensors));
  const per = config.inputSize * config.inputSize * config.inputChannels;
  const out = new Float32Array(n * config.numClasses);
  try {
    for (let start = 0; start < n; start += 500) {
      const m = Math.min(500, n - start);
      const input = tf.tensor4d(x.subarray(start * per, (start + m) * per), [
        m,
        config.inputSize,
        config.inputSize,
        config.inputChannels,
      ]);
      const p = model.predict(input);
      out.set(await p.logits.data(), start * config.numClasses);
      tf.dispose([input, p as unknown as tf.TensorContainer]);
    }
  } finally {
    model.dispose();
  }
  return out;
}

/** Every format of `weights`: encoded, decoded and run, compared with float32. */
async function compareFormats(
  config: ModelConfig,
  weights: Map<string, CanonicalTensor>,
  x: Float32Array,
  n: number,
  labels?: ArrayLike<number>,
): Promise<FormatComparison[]> {
  const meta: Omit<ModelDescriptor, "format" | "weightsManifest"> = {
    config,
    preprocessing: {
      mean: [0],
      std: [1],
      resize: config.inputSize,
      crop: 1,
      interpolation: "bilinear",
      inputSize: config.inputSize,
    },
    labels: null,
    source: { file: "-", sha256: "0".repeat(64), naming: "timm", format: "safetensors" },
  };
  let reference: Float32Array | null = null;
  const results: FormatComparison[] = [];
  for (const dtype of WEIGHT_DTYPES) {
    const encoded = await encodeModel(weights, meta, dtype);
    const decoded = await decodeModel(encoded.descriptor, [encoded.shards.map((s) => s.bytes)]);
    const logits = await logitsOf(config, decoded, x, n);
    reference ??= logits; // WEIGHT_DTYPES starts with float32
    const bytes = encoded.shards.reduce((s, sh) => s + sh.bytes.length, 0);
    results.push(compareLogits(dtype, bytes, logits, reference, config.numClasses, labels));
  }
  return results;
}

function sha256(path: string): string {
  return createHash("sha256").update(readFileSync(path)).digest("hex");
}

// The default model at float32: from the training run it was imported from (the installed copy may already be
// compressed), else the installed copy if it is float32.
const installed = await readModelDir(DEFAULT_MODEL);
const runId = findSourceRun(
  installed.descriptor.source.sha256,
  readdirSync(RUNS)
    .filter((id) => existsSync(join(RUNS, id, "model.safetensors")))
    .map((id) => ({ runId: id, sha256: sha256(join(RUNS, id, "model.safetensors")) })),
);
const installedDtypes = [
  ...new Set(
    installed.descriptor.weightsManifest.flatMap((g) =>
      g.weights.map((w) => w.quantization?.dtype ?? "float32"),
    ),
  ),
];
let defaultWeights: Map<string, CanonicalTensor>;
let defaultSource: string;
if (runId) {
  defaultWeights = importCheckpoint(new Uint8Array(readFileSync(join(RUNS, runId, "model.safetensors"))), {
    config: installed.descriptor.config,
  }).weights;
  defaultSource = `${RUNS}/${runId}/model.safetensors`;
} else if (installedDtypes.every((d) => d === "float32")) {
  defaultWeights = installed.weights;
  defaultSource = `${DEFAULT_MODEL} (float32 as installed)`;
} else
  throw new Error(`${DEFAULT_MODEL} is stored as ${installedDtypes} and its source run is not in ${RUNS}`);

const images = parseIdx(gunzipSync(readFileSync(join(DATASET, "t10k-images-idx3-ubyte.gz"))), "t10k images");
const labels = parseIdx(gunzipSync(readFileSync(join(DATASET, "t10k-labels-idx1-ubyte.gz"))), "t10k labels");
const n = images.shape[0];
const x = new Float32Array(n * 784);
for (let i = 0; i < n; i++)
  x.set(
    preprocess(
      { width: 28, height: 28, channels: 1, data: images.data.subarray(i * 784, (i + 1) * 784) },
      installed.descriptor.preprocessing,
      1,
    ),
    i * 784,
  );
const defaultModel = {
  model: DEFAULT_MODEL,
  config: installed.descriptor.config.name,
  weightsFrom: defaultSource,
  installedAs: installedDtypes,
  inputs: `Fashion-MNIST test set, all ${n} images (${DATASET}/t10k-*)`,
  formats: await compareFormats(installed.descriptor.config, defaultWeights, x, n, labels.data),
};
console.log(`default model: ${JSON.stringify(defaultModel.formats)}`);

const fixtures = [];
for (const file of readdirSync(FIXTURES).filter((f) => /^tiny_.*\.json$/.test(f))) {
  const spec = JSON.parse(readFileSync(join(FIXTURES, file), "utf8"));
  const config = parseConfig(spec.config);
  const source = spec.files[0];
  const { weights } = importCheckpoint(new Uint8Array(readFileSync(join(FIXTURES, source.file))), {
    config,
    naming: source.naming,
    fileName: source.file,
  });
  const npy = parseNpy(new Uint8Array(readFileSync(join(FIXTURES, spec.input.file))), spec.input.file);
  const [count, c, h, w] = npy.shape;
  const nhwc = tf.tidy(() =>
    tf.transpose(
      tf.tensor4d(Float32Array.from(npy.data as ArrayLike<number>), [count, c, h, w]),
      [0, 2, 3, 1],
    ),
  );
  const input = (await nhwc.data()) as Float32Array;
  nhwc.dispose();
  const formats = await compareFormats({ ...config, inputSize: h }, weights, input, count);
  fixtures.push({
    fixture: source.file,
    config: config.name,
    inputs: `${spec.input.file} [${npy.shape}]`,
    formats,
  });
  console.log(
    `${source.file}: ${JSON.stringify(formats.map((f) => [f.dtype, f.top1Changes, f.maxLogitDiff]))}`,
  );
}

const pick = pickFormat(defaultModel.formats);
const report = {
  benchmark:
    "weight formats: float32 vs float16 vs uint8 shards, top-1 changes and max logit difference vs float32",
  command: "npm run bench:formats",
  date: new Date().toISOString(),
  commit,
  host: host(),
  backend: "tfjs-backend-wasm in Node " + process.version,
  encoding:
    "kernels and matrices in the format, biases and BatchNorm vectors float32 (src/lib/import/manifest.ts); float16: IEEE half; uint8: per-tensor affine over [min, max]",
  rule: FORMAT_RULE,
  siteDefault: pick,
  defaultModel,
  fixtures,
};
mkdirSync("bench/results", { recursive: true });
writeFileSync("bench/results/weight-formats.json", JSON.stringify(report, null, 2) + "\n");
console.log(`site default: ${pick.dtype} — ${pick.why}\nwrote bench/results/weight-formats.json`);
