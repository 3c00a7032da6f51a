// npm run infer -- --weights <dir> (--image <file.png|jpg> | --tensor <file.npy>) [--json] [--backend wasm|cpu]
// Runs an imported model (model.json + shards, see `npm run weights`) in Node with the same tfjs code as the
// site, on the wasm backend by default. --tensor takes what PyTorch users have: a float32 .npy of shape
// [N, C, H, W], already normalised. --image decodes a PNG or JPEG (pure JS) and applies the model's own
// preprocessing (resize shorter side, center crop, normalise). --json prints
// {"backend", "logits": [[…]], "top5": [[{"index", "label", "prob"}…]], "excitations": {"SE_2_1": [[…]], …}}
// with one inner list per batch item.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname } from "node:path";
import { parseArgs } from "node:util";
import * as tf from "@tensorflow/tfjs-core";
import "@tensorflow/tfjs-backend-cpu";
import { setWasmPaths } from "@tensorflow/tfjs-backend-wasm";
import { toNamedTensorMap } from "../src/lib/import/tensors.js";
import { labelNames } from "../src/lib/labels/index.js";
import { load } from "../src/lib/models/resnet.js";
import { parseNpy } from "../src/lib/npy.js";
import { preprocess } from "../src/lib/preprocess.js";
import { readModelDir } from "./model-dir.js";
import { decodeImage } from "./image.js";

const USAGE =
  "usage: npm run infer -- --weights <dir> (--image <file.png|jpg> | --tensor <file.npy>) [--json] [--backend wasm|cpu]";

class UsageError extends Error {}

async function setBackend(name: "wasm" | "cpu"): Promise<void> {
  if (name === "wasm") {
    // In Node the wasm backend loads its .wasm binaries from disk: point it at the package's dist folder.
    const require = createRequire(import.meta.url);
    setWasmPaths(dirname(require.resolve("@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm")) + "/");
  }
  if (!(await tf.setBackend(name))) throw new Error(`the tfjs ${name} backend failed to initialise`);
}

async function main(argv: string[]): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        weights: { type: "string" },
        image: { type: "string" },
        tensor: { type: "string" },
        json: { type: "boolean" },
        backend: { type: "string" },
        help: { type: "boolean" },
      },
    }));
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  if (values.help) return void console.log(USAGE);
  if (!values.weights) throw new UsageError("--weights <dir> is required");
  if (!values.image === !values.tensor) throw new UsageError("give exactly one of --image and --tensor");
  const backend = values.backend ?? "wasm";
  if (backend !== "wasm" && backend !== "cpu")
    throw new UsageError(`--backend must be wasm or cpu, got "${backend}"`);

  const { descriptor, weights } = await readModelDir(values.weights);
  const { config } = descriptor;
  const C = config.inputChannels;
  let input: { shape: [number, number, number, number]; data: Float32Array; layout: "NCHW" | "NHWC" };
  if (values.tensor) {
    const npy = parseNpy(new Uint8Array(await readFile(values.tensor)), values.tensor);
    if (npy.shape.length !== 4 || npy.shape[1] !== C)
      throw new Error(
        `${values.tensor}: expected a normalised float32 array of shape [N, ${C}, H, W] (NCHW, as PyTorch), ` +
          `got [${npy.shape.join(", ")}]`,
      );
    input = { shape: npy.shape as [number, number, number, number], data: npy.data, layout: "NCHW" };
  } else {
    const p = descriptor.preprocessing;
    const data = preprocess(await decodeImage(values.image!), p, C);
    input = { shape: [1, p.inputSize, p.inputSize, C], data, layout: "NHWC" };
  }

  await setBackend(backend);
  const tensors = toNamedTensorMap(weights);
  const model = load({ config, weights: tensors });
  tf.dispose(Object.values(tensors));
  const x = tf.tidy(() => {
    const t = tf.tensor4d(input.data, input.shape);
    return input.layout === "NCHW" ? tf.transpose(t, [0, 2, 3, 1]) : t; // [N, C, H, W] -> [N, H, W, C]
  });
  const prediction = model.predict(x);
  const logits = (await prediction.logits.array()) as number[][];
  const probs = (await tf.tidy(() => tf.softmax(prediction.logits)).array()) as number[][];
  const excitations: Record<string, number[][]> = {};
  for (const [name, tap] of Object.entries(prediction.taps))
    excitations[name] = (await tap.s.array()) as number[][];
  tf.dispose([x, prediction]);
  model.dispose();

  const names = descriptor.labels ? labelNames(descriptor.labels) : null;
  const top5 = probs.map((row) =>
    row
      .map((prob, index) => ({ index, label: names ? names[index] : null, prob }))
      .sort((a, b) => b.prob - a.prob)
      .slice(0, 5),
  );
  if (values.json) {
    console.log(JSON.stringify({ backend: tf.getBackend(), logits, top5, excitations }));
    return;
  }
  console.log(`${config.name} on ${tf.getBackend()}, input [${input.shape.join(", ")}] ${input.layout}`);
  top5.forEach((rows, n) => {
    console.log(`item ${n}: top ${rows.length}`);
    for (const r of rows)
      console.log(
        `  ${(100 * r.prob).toFixed(2).padStart(6)} %  ${String(r.index).padStart(4)}  ${r.label ?? ""}`,
      );
  });
  const blocks = Object.keys(excitations);
  if (blocks.length) {
    console.log(
      "mean excitation per SE block (item 0): " +
        blocks
          .map((b) => {
            const s = excitations[b][0];
            return `${b} ${(s.reduce((a, v) => a + v, 0) / s.length).toFixed(3)}`;
          })
          .join(", "),
    );
  }
}

main(process.argv.slice(2)).catch((e: unknown) => {
  const err = e as Error;
  console.error(e instanceof UsageError ? `infer: ${err.message}\n${USAGE}` : `infer: ${err.message}`);
  process.exit(e instanceof UsageError ? 2 : 1);
});
