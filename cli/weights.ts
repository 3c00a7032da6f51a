// npm run weights -- import <file> [--arch NAME | --config config.json] [--naming auto|timm|pretrainedmodels]
//                          [--dtype float32|float16|uint8] [--labels imagenet1k|fashion-mnist|none]
//                          [--crop-pct 0.875] [--interpolation bicubic|bilinear] [--out DIR]
// npm run weights -- download <name> [--dtype …] [--out DIR]
// npm run weights -- list
// Imports a safetensors or PyTorch .pth checkpoint into the site's weights format (model.json + ≤ 4 MiB
// shards, default data/models/<name>/), or downloads a known timm checkpoint from the Hugging Face hub
// first. The hub address can be overridden with SE_EXPLORER_HUB (a mirror; the tests point it at a closed
// local port to check the offline message). Exit status: 0 done, 1 failed, 2 bad usage, 3 offline.
import { createHash } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import { parseArgs } from "node:util";
import { importCheckpoint } from "../src/lib/import/importer.js";
import { WEIGHT_DTYPES, encodeModel, type WeightDType } from "../src/lib/import/manifest.js";
import { NAMINGS, type Naming } from "../src/lib/import/naming.js";
import { HUGGING_FACE, PRETRAINED, hubUrl, type PretrainedSource } from "../src/lib/import/pretrained.js";
import { LABEL_SETS, labelCount, type LabelSet } from "../src/lib/labels/index.js";
import { parseConfig, preset, presetNames, type ModelConfig } from "../src/lib/models/config.js";
import {
  FASHION_MNIST_PREPROCESSING,
  imagenetPreprocessing,
  type Interpolation,
  type Preprocessing,
} from "../src/lib/preprocess.js";
import { writeModelDir } from "./model-dir.js";

const USAGE = `usage:
  npm run weights -- import <file> (--arch NAME | --config config.json) [--naming auto|timm|pretrainedmodels]
                    [--dtype float32|float16|uint8] [--labels imagenet1k|fashion-mnist|none]
                    [--crop-pct 0.875] [--interpolation bicubic|bilinear] [--out DIR]
  npm run weights -- download <name> [--dtype float32|float16|uint8] [--out DIR]
  npm run weights -- list`;

class UsageError extends Error {}
class OfflineError extends Error {}

function oneOf<T extends string>(
  value: string | undefined,
  allowed: readonly T[],
  flag: string,
  fallback: T,
): T {
  if (value === undefined) return fallback;
  if (!allowed.includes(value as T))
    throw new UsageError(`${flag} must be one of ${allowed.join(", ")}, got "${value}"`);
  return value as T;
}

async function loadConfig(arch: string | undefined, configPath: string | undefined): Promise<ModelConfig> {
  if (arch && configPath) throw new UsageError("give either --arch or --config, not both");
  if (arch) return preset(arch);
  if (configPath) {
    const text = await readFile(configPath, "utf8");
    try {
      return parseConfig(JSON.parse(text));
    } catch (e) {
      throw new Error(`${configPath}: ${(e as Error).message}`);
    }
  }
  throw new UsageError(
    `import needs --arch NAME or --config config.json; presets: ${presetNames().join(", ")}`,
  );
}

function defaultLabels(config: ModelConfig): LabelSet | null {
  if (config.numClasses === 1000) return "imagenet1k";
  if (config.numClasses === 10 && config.inputChannels === 1) return "fashion-mnist";
  return null;
}

interface ImportArgs {
  file: string;
  config: ModelConfig;
  naming: Naming | "auto";
  dtype: WeightDType;
  labels: LabelSet | null;
  preprocessing: Preprocessing;
  out: string;
  /** Name recorded as the source file (the download name rather than a temporary path). */
  sourceName?: string;
}

async function runImport(a: ImportArgs): Promise<void> {
  const bytes = new Uint8Array(await readFile(a.file));
  const fileName = a.sourceName ?? basename(a.file);
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const imported = importCheckpoint(bytes, { config: a.config, naming: a.naming, fileName });
  if (a.labels && labelCount(a.labels) !== a.config.numClasses) {
    throw new Error(
      `labels ${a.labels} name ${labelCount(a.labels)} classes but the model has ${a.config.numClasses}`,
    );
  }
  const encoded = await encodeModel(
    imported.weights,
    {
      config: imported.config,
      preprocessing: a.preprocessing,
      labels: a.labels,
      source: { file: fileName, sha256, naming: imported.naming, format: imported.format },
    },
    a.dtype,
  );
  await writeModelDir(a.out, encoded);
  const params = [...imported.weights.values()].reduce((s, t) => s + t.data.length, 0);
  const size = encoded.shards.reduce((s, x) => s + x.bytes.length, 0);
  console.log(`imported ${fileName} (${imported.format}, ${imported.naming} names) as ${a.config.name}`);
  for (const n of imported.notes) console.log(`  ${n}`);
  console.log(
    `  ${imported.weights.size} tensors, ${params.toLocaleString("en-US")} values, ${a.dtype}: ` +
      `${(size / 1e6).toFixed(2)} MB in ${encoded.shards.length} shard(s)`,
  );
  console.log(
    `  labels: ${a.labels ?? "none (classes reported by index)"}; wrote ${join(a.out, "model.json")}`,
  );
}

function isOffline(e: unknown): string | undefined {
  const cause = (e as { cause?: { code?: string } }).cause;
  const code = cause?.code ?? (e as { code?: string }).code;
  const offline = [
    "ECONNREFUSED",
    "ENOTFOUND",
    "EAI_AGAIN",
    "ETIMEDOUT",
    "ENETUNREACH",
    "EHOSTUNREACH",
    "ECONNRESET",
  ];
  return code && offline.includes(code) ? code : undefined;
}

async function download(source: PretrainedSource, base: string): Promise<string> {
  const url = hubUrl(source.name, base);
  let response: Response;
  // A dropped connection would otherwise hang: give up if no response headers arrive within 30 s.
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), 30_000);
  try {
    response = await fetch(url, { signal: abort.signal });
  } catch (e) {
    const code = abort.signal.aborted ? "no answer within 30 s" : isOffline(e);
    if (!code) throw e;
    throw new OfflineError(
      `cannot reach ${new URL(url).host} (${code}): this machine appears to be offline, so ${source.name} ` +
        `cannot be downloaded here.\n` +
        `Download it on a machine with internet access:\n  ${hubUrl(source.name, HUGGING_FACE)}\n` +
        `then copy the file here and import it:\n` +
        `  npm run weights -- import model.safetensors --arch ${source.arch} --naming ${source.naming} ` +
        `--crop-pct ${source.cropPct} --interpolation ${source.interpolation} --out data/models/${source.name}`,
    );
  } finally {
    clearTimeout(timer);
  }
  if (!response.ok || !response.body) throw new Error(`the hub answered HTTP ${response.status} for ${url}`);
  const total = Number(response.headers.get("content-length") ?? 0);
  const dir = await mkdtemp(join(tmpdir(), "se-explorer-"));
  const path = join(dir, `${source.name}.safetensors`);
  const file = createWriteStream(path);
  let received = 0;
  // Progress on stderr: one updating line on a terminal, else a line per tenth (or per 10 MB when the
  // size is unknown), and always the final count.
  const step = total ? total / 10 : 10e6;
  let next = step;
  const show = (done: boolean) => {
    const mb = (n: number) => (n / 1e6).toFixed(1);
    const pct = total ? ` / ${mb(total)} MB (${Math.floor((100 * received) / total)}%)` : " MB";
    const line = `downloading ${source.name}: ${mb(received)}${pct}`;
    if (process.stderr.isTTY) process.stderr.write(`\r${line}${done ? "\n" : ""}`);
    else console.error(line);
  };
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    if (!file.write(chunk)) await new Promise<void>((resolve) => file.once("drain", () => resolve()));
    received += chunk.length;
    if (received >= next && received < (total || Infinity)) {
      show(false);
      while (next <= received) next += step;
    } else if (process.stderr.isTTY) show(false);
  }
  show(true);
  await new Promise<void>((resolve, reject) => file.end((e?: Error | null) => (e ? reject(e) : resolve())));
  if (total && received !== total)
    throw new Error(`download of ${url} stopped after ${received} of ${total} bytes`);
  return path;
}

async function main(argv: string[]): Promise<void> {
  const { values, positionals } = (() => {
    try {
      return parseArgs({
        args: argv,
        allowPositionals: true,
        options: {
          arch: { type: "string" },
          config: { type: "string" },
          naming: { type: "string" },
          dtype: { type: "string" },
          labels: { type: "string" },
          "crop-pct": { type: "string" },
          interpolation: { type: "string" },
          out: { type: "string" },
          help: { type: "boolean" },
        },
      });
    } catch (e) {
      throw new UsageError((e as Error).message);
    }
  })();
  const [command, target, ...extra] = positionals;
  if (values.help) return void console.log(USAGE);
  if (extra.length) throw new UsageError(`unexpected arguments: ${extra.join(" ")}`);
  const dtype = oneOf(values.dtype, WEIGHT_DTYPES, "--dtype", "float32");
  if (command === "list") {
    for (const p of PRETRAINED)
      console.log(
        `${p.name.padEnd(32)} --arch ${p.arch.padEnd(20)} ${p.accuracy ? `${p.accuracy[0]}% top-1  ` : ""}${p.note}`,
      );
    return;
  }
  if (command === "import") {
    if (!target) throw new UsageError("import needs a checkpoint file");
    const config = await loadConfig(values.arch, values.config);
    const labels =
      values.labels === undefined
        ? defaultLabels(config)
        : values.labels === "none"
          ? null
          : oneOf(values.labels, LABEL_SETS, "--labels", "imagenet1k");
    const cropPct = values["crop-pct"] === undefined ? 0.875 : Number(values["crop-pct"]);
    if (!(cropPct > 0 && cropPct <= 1))
      throw new UsageError(`--crop-pct must be in (0, 1], got ${values["crop-pct"]}`);
    const interpolation = oneOf<Interpolation>(
      values.interpolation,
      ["bicubic", "bilinear"],
      "--interpolation",
      "bicubic",
    );
    // Fashion-MNIST images are already the network's 28×28 input: nothing is resized or cropped.
    const unused = (["crop-pct", "interpolation"] as const).filter((f) => values[f] !== undefined);
    if (labels === "fashion-mnist" && unused.length) {
      throw new UsageError(
        `${unused.map((f) => `--${f}`).join(" and ")} cannot be used with labels fashion-mnist: its 28×28 ` +
          `images are used as they are, without resizing or cropping`,
      );
    }
    const preprocessing =
      labels === "fashion-mnist"
        ? FASHION_MNIST_PREPROCESSING
        : imagenetPreprocessing({ cropPct, interpolation, inputSize: config.inputSize });
    if (preprocessing.mean.length !== config.inputChannels)
      throw new UsageError(
        `no default preprocessing for ${config.inputChannels}-channel input with labels ${labels}`,
      );
    const name = basename(target).replace(/\.(safetensors|pth|pt|bin|tar)$/, "");
    await runImport({
      file: target,
      config,
      naming: oneOf(values.naming, ["auto", ...NAMINGS], "--naming", "auto"),
      dtype,
      labels,
      preprocessing,
      out: values.out ?? join("data", "models", name),
    });
    return;
  }
  if (command === "download") {
    const source = PRETRAINED.find((p) => p.name === target);
    if (!source)
      throw new UsageError(
        `download needs a known checkpoint name; known: ${PRETRAINED.map((p) => p.name).join(", ")} ` +
          `(any other checkpoint: download it yourself and use import)`,
      );
    for (const f of ["arch", "config", "naming", "labels", "crop-pct", "interpolation"] as const)
      if (values[f] !== undefined)
        throw new UsageError(`--${f} is fixed for ${source.name}; use import to change it`);
    const path = await download(source, process.env.SE_EXPLORER_HUB ?? HUGGING_FACE);
    try {
      await runImport({
        file: path,
        sourceName: `${source.name}/model.safetensors`,
        config: preset(source.arch),
        naming: source.naming,
        dtype,
        labels: "imagenet1k",
        preprocessing: imagenetPreprocessing({
          cropPct: source.cropPct,
          interpolation: source.interpolation,
        }),
        out: values.out ?? join("data", "models", source.name),
      });
    } catch (e) {
      throw new Error(`${(e as Error).message}\n(the downloaded file is kept at ${path})`);
    }
    await rm(dirname(path), { recursive: true, force: true });
    return;
  }
  throw new UsageError(command ? `unknown command "${command}"` : "no command given");
}

main(process.argv.slice(2)).catch((e: unknown) => {
  const err = e as Error;
  if (e instanceof UsageError) console.error(`weights: ${err.message}\n${USAGE}`);
  else console.error(`weights: ${err.message}`);
  process.exit(e instanceof UsageError ? 2 : e instanceof OfflineError ? 3 : 1);
});
