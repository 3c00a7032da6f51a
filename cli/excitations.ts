// npm run excitations -- --weights <dir> --images <dir> [--per-class 50] [--out file.json]
// The paper's Figure 8 protocol for any imported model: <dir> holds one folder per class (e.g. ImageNet val's
// n01443537 goldfish, n02110958 pug, n03954731 plane, n09246464 cliff) of PNG or JPEG images; the first
// --per-class images of each folder (sorted by name) are run, and the JSON the site's chapter reads is written:
// per SE block the per-class mean excitation of 50 evenly spaced channels, the all-class mean, the block's
// class-specificity and saturation. Exit status: 0 done, 1 failed, 2 bad usage.
import { readdir, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { decodeImage } from "./image.js";
import { profileModelDir } from "./excitationRun.js";
import type { RawImage } from "../src/lib/preprocess.js";

const USAGE =
  "usage: npm run excitations -- --weights <dir> --images <dir> [--per-class 50] [--out file.json]";

class UsageError extends Error {}

async function folders(dir: string): Promise<string[]> {
  let names: string[];
  try {
    names = (await readdir(dir)).sort();
  } catch {
    throw new UsageError(`--images ${dir}: no such directory`);
  }
  const result: string[] = [];
  for (const name of names) if ((await stat(join(dir, name))).isDirectory()) result.push(name);
  if (result.length === 0)
    throw new UsageError(`--images ${dir} has no class folders (one folder per class)`);
  return result;
}

async function main(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      weights: { type: "string" },
      images: { type: "string" },
      "per-class": { type: "string", default: "50" },
      out: { type: "string" },
    },
  });
  if (!values.weights || !values.images) throw new UsageError("--weights and --images are required");
  const perClass = Number(values["per-class"]);
  if (!Number.isInteger(perClass) || perClass < 1)
    throw new UsageError(`--per-class must be a positive integer, got "${values["per-class"]}"`);
  const classes = await folders(values.images);
  const images: RawImage[] = [];
  const labels: number[] = [];
  for (const [label, name] of classes.entries()) {
    const dir = join(values.images, name);
    const files = (await readdir(dir)).filter((f) => /\.(png|jpe?g)$/i.test(f)).sort();
    if (files.length === 0) throw new Error(`${dir} has no PNG or JPEG images`);
    if (files.length < perClass)
      process.stderr.write(`note: ${name} has ${files.length} images, fewer than --per-class ${perClass}\n`);
    for (const file of files.slice(0, perClass)) {
      images.push(await decodeImage(join(dir, file)));
      labels.push(label);
    }
  }
  const profiles = await profileModelDir(values.weights, images, labels, classes);
  const json = JSON.stringify({ available: true, modelDir: values.weights, ...profiles });
  if (values.out) {
    await writeFile(values.out, json);
    process.stderr.write(
      `wrote ${values.out}: ${profiles.blocks.length} SE blocks, ${images.length} images\n`,
    );
  } else process.stdout.write(json + "\n");
}

main(process.argv.slice(2)).catch((error: Error) => {
  process.stderr.write(`excitations: ${error.message}\n${error instanceof UsageError ? USAGE + "\n" : ""}`);
  process.exit(error instanceof UsageError ? 2 : 1);
});
