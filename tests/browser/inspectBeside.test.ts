// The Inspect chapter with two ImageNet models installed, as a publisher with SE-ResNet-50 and ResNet-50 would
// build it. No ImageNet weights can be downloaded here, so two tiny ImageNet-labelled nets (one with SE, one without,
// random weights) are installed into a models folder of this test's own and the site is built again from it
// (SE_MODELS_DIR, SE_DIST); the real site never ships them. The side-by-side runs must give the top-5 that the same
// models give in Node, with and without SE, and a plain ResNet as the main model must be explained, not drawn empty.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { cpSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import * as tf from "@tensorflow/tfjs-core";
import "@tensorflow/tfjs-backend-cpu";
import type { Browser, Page } from "playwright-core";
import { launch, watchedPage, type Watched } from "../helpers/chromium.js";
import { serve, type StaticServer } from "../helpers/server.js";
import { walk } from "../helpers/dist.js";
import { TINY_BOTTLENECK } from "../helpers/configs.js";
import { writeModelDir } from "../../cli/model-dir.js";
import type { CanonicalTensor } from "../../src/lib/import/layout.js";
import { encodeModel, type ModelDescriptor } from "../../src/lib/import/manifest.js";
import type { ModelConfig } from "../../src/lib/models/config.js";
import { randomWeights } from "../../src/lib/models/randomWeights.js";
import { load, type ResNetModel } from "../../src/lib/models/resnet.js";
import { imagenetPreprocessing } from "../../src/lib/preprocess.js";
import { networkInput } from "../../src/lib/networkInput.js";
import { readout, topK } from "../../src/lib/inspection.js";
import { parseFashionSubset } from "../../src/lib/fashionSubset.js";

const OUT = ".test-out/inspect-beside";
const MODELS = join(OUT, "models");
const SITE = join(OUT, "dist");
const TIMEOUT = { timeout: 120_000 };
const SAMPLE = 3;

const SE_CONFIG: ModelConfig = { ...TINY_BOTTLENECK, name: "tiny_se_imagenet", numClasses: 1000 };
const PLAIN_CONFIG: ModelConfig = { ...SE_CONFIG, name: "tiny_plain_imagenet", se: null };

const local = new Map<string, { model: ResNetModel; descriptor: ModelDescriptor }>();
let browser: Browser;
let server: StaticServer;
let watched: Watched;
let page: Page;

/** Installs a random ImageNet-labelled model as `npm run weights -- import` would, and keeps it for Node runs. */
async function install(name: string, config: ModelConfig, seed: number): Promise<void> {
  const tensors = randomWeights(config, seed);
  const weights = new Map<string, CanonicalTensor>(
    Object.entries(tensors).map(([k, t]) => [k, { shape: t.shape, data: t.dataSync() as Float32Array }]),
  );
  const { descriptor, shards } = await encodeModel(
    weights,
    {
      config,
      preprocessing: imagenetPreprocessing({ inputSize: config.inputSize }),
      labels: "imagenet1k",
      source: {
        file: `random weights, seed ${seed} (test)`,
        sha256: "0".repeat(64),
        naming: "timm",
        format: "safetensors",
      },
    },
    "float32",
  );
  await writeModelDir(join(MODELS, name), { descriptor, shards });
  local.set(name, { model: load({ config, weights: tensors }), descriptor });
  tf.dispose(Object.values(tensors));
}

function npm(args: string[], env: Record<string, string> = {}): void {
  const run = spawnSync("npm", args, { env: { ...process.env, ...env }, encoding: "utf8" });
  if (run.status !== 0) throw new Error(`npm ${args.join(" ")} failed:\n${run.stdout}\n${run.stderr}`);
}

before(async () => {
  await tf.setBackend("cpu");
  rmSync(OUT, { recursive: true, force: true });
  cpSync("data/models/fashion-default", join(MODELS, "fashion-default"), { recursive: true });
  await install("tiny-se-resnet", SE_CONFIG, 11);
  await install("tiny-resnet", PLAIN_CONFIG, 12);
  try {
    npm(["run", "build"], { SE_MODELS_DIR: MODELS, SE_DIST: SITE });
  } finally {
    npm(["run", "gen"]); // the link and the model list back to data/models for dev and the real build
  }
  server = await serve(SITE);
  browser = await launch();
  watched = await watchedPage(browser);
  page = watched.page;
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** Top-5 class indices of a model in Node for the shipped test image, as is or with every SE block off. */
async function expectedTop5(name: string, seOff: boolean): Promise<number[]> {
  const file = (ext: string) =>
    walk(join(SITE, "_file")).find((f) => /fashion-test-subset\.[0-9a-f]+\./.test(f) && f.endsWith(ext))!;
  const subset = parseFashionSubset(
    new Uint8Array(readFileSync(file(".bin"))),
    JSON.parse(readFileSync(file(".json"), "utf8")),
  );
  const { model, descriptor } = local.get(name)!;
  const { x } = networkInput({ width: 28, height: 28, channels: 1, data: subset.images[SAMPLE] }, descriptor);
  return topK((await readout(model, x, { seOff })).probabilities, 5).map((t) => t.index);
}

async function shownTop5(model: string, seOff: boolean): Promise<number[]> {
  const rows = `.se-inspect-beside table[data-model="${model}"][data-se-off="${seOff}"] tr[data-class]`;
  return page.$$eval(rows, (trs) => trs.map((tr) => Number((tr as HTMLElement).dataset.class)));
}

async function besideShown(count: number): Promise<void> {
  await page.waitForFunction(
    (n) =>
      document.querySelectorAll(".se-inspect-beside table").length === n &&
      !document.querySelector("observablehq-loading, [data-busy]"),
    count,
    TIMEOUT,
  );
}

test("an SE model beside a plain one: top-5 as in Node, with and without SE, and the pair in the URL", async () => {
  await page.goto(`${server.url}/inspect?model=tiny-se-resnet&sample=${SAMPLE}`);
  await besideShown(3);
  // the partner offered first is the one that differs in having SE
  assert.equal(
    await page.locator('form:has(label:text-is("beside")) option:checked').textContent(),
    "tiny-resnet",
  );
  for (const [model, seOff] of [
    ["tiny-se-resnet", false],
    ["tiny-se-resnet", true],
    ["tiny-resnet", false],
  ] as const)
    assert.deepEqual(
      await shownTop5(model, seOff),
      await expectedTop5(model, seOff),
      `${model} seOff=${seOff}`,
    );
  const models = await page.locator('form:has(label:text-is("model")) option').allTextContents();
  assert.deepEqual(models, [
    "fashion-default (se_resnet_f12_r4)",
    "tiny-resnet (tiny_plain_imagenet)",
    "tiny-se-resnet (tiny_se_imagenet)",
  ]);
  // every SE block has its row (the histogram table), named by stage even where a stage has no SE
  const rows = await page.$$eval("table.se-table tr[data-block]", (trs) => [
    ...new Set(trs.map((tr) => (tr as HTMLElement).dataset.block)),
  ]);
  assert.deepEqual(rows, local.get("tiny-se-resnet")!.model.seBlocks);
  const text = (await page.textContent("main")) ?? "";
  assert.match(
    text,
    /tiny-se-resnet says .+ \(\d+\.\d %\); tiny-se-resnet, every SE block off (agrees|says)/,
  );
  assert.match(text, /top-5 shared/);
  assert.equal(new URL(page.url()).searchParams.get("compare"), "tiny-resnet");
  assert.deepEqual(watched.problems, []);
});

test("a plain ResNet as the main model: the excitation sections say why they are empty; its SE partner runs both ways", async () => {
  await page.goto(`${server.url}/inspect?model=tiny-resnet&sample=${SAMPLE}`);
  await besideShown(3);
  const text = (await page.textContent("main")) ?? "";
  assert.match(
    text,
    /tiny-resnet \(tiny_plain_imagenet\) has no SE blocks, so there are no excitations to show/,
  );
  assert.equal(await page.locator(".se-intervention").count(), 0);
  for (const [model, seOff] of [
    ["tiny-resnet", false],
    ["tiny-se-resnet", false],
    ["tiny-se-resnet", true],
  ] as const)
    assert.deepEqual(
      await shownTop5(model, seOff),
      await expectedTop5(model, seOff),
      `${model} seOff=${seOff}`,
    );
  assert.deepEqual(watched.problems, []);
});

/** Picks `model` in the model menu and waits until every cell has run for it. */
async function switchTo(model: string): Promise<void> {
  // the menu's options read "name (config)"
  const select = page.locator('form:has(label:text-is("model")) select');
  const label = await select
    .locator("option")
    .filter({ hasText: `${model} (` })
    .textContent();
  await select.selectOption({ label: label! });
  await page.waitForSelector(`table.se-top5[data-model="${model}"]`, TIMEOUT);
  await page.waitForFunction(
    () => !document.querySelector("observablehq-loading, [data-busy]"),
    undefined,
    TIMEOUT,
  );
}

/** How many of each model-specific output the page shows. */
async function outputs(): Promise<Record<string, number>> {
  const selectors = {
    heatmap: ".se-xheatmap",
    channelTable: ".se-table-scroll",
    featureMaps: ".se-inspect-maps",
    view3d: ".se-tensor3d",
    saturation: ".se-saturation",
    intervention: "form.se-intervention",
    afterIntervention: "table.se-top5-after",
    beside: ".se-inspect-beside",
    similarity: ".se-similarity",
  };
  const counts: Record<string, number> = {};
  for (const [name, selector] of Object.entries(selectors))
    counts[name] = await page.locator(selector).count();
  return counts;
}

test("switching models replaces every output of the last one: nothing of an SE model stays under a plain one", async () => {
  await page.goto(`${server.url}/inspect?model=tiny-se-resnet&sample=${SAMPLE}&iv=stage:2:one`);
  await besideShown(3);
  await page.waitForSelector('.se-tensor3d[data-state="live"]', TIMEOUT);
  assert.deepEqual(await outputs(), {
    heatmap: 2, // the excitations, and their change after the intervention
    channelTable: 1,
    featureMaps: 1,
    view3d: 1,
    saturation: 1,
    intervention: 1,
    afterIntervention: 1,
    beside: 1,
    similarity: 1,
  });
  await page.evaluate(() => {
    (window as unknown as { view3d: Element }).view3d = document.querySelector(".se-tensor3d")!;
  });

  await switchTo("tiny-resnet");
  await besideShown(3);
  const counts = await outputs();
  assert.deepEqual(counts, { ...Object.fromEntries(Object.keys(counts).map((k) => [k, 0])), beside: 1 });
  // the 3D view let go of its WebGL context
  assert.equal(
    await page.evaluate(() => (window as unknown as { view3d: HTMLElement }).view3d.dataset.state),
    "disposed",
  );
  const text = (await page.textContent("main")) ?? "";
  // one note per section says why, and no note gives a wrong reason (no channel chosen)
  assert.doesNotMatch(text, /No channel is selected/);
  assert.equal(text.match(/tiny-resnet \(tiny_plain_imagenet\) has no SE blocks/g)?.length, 5);
  // the address's intervention was for the first model: it is not checked against this one again
  assert.doesNotMatch(text, /intervention in the address was ignored|cannot run here/);

  // an SE model without a partner: the side-by-side runs go, the note says why; the reader's last intervention
  // (the address's, untouched) runs again, as this model has a stage 2
  await switchTo("fashion-default");
  assert.equal(
    await page.getAttribute("table.se-top5-after", "data-intervention"),
    "every block of stage 2: s ← 1 (SE switched off)",
  );
  assert.equal(await page.locator(".se-inspect-beside").count(), 0);
  assert.equal(await page.locator('form:has(label:text-is("beside"))').count(), 0);
  assert.match(
    (await page.textContent("main")) ?? "",
    /no other model with the classes of fashion-default to show beside it\.\s*A site built with SE-ResNet-50/,
  );
  assert.deepEqual(watched.problems, []);
});

test("a partner from the URL that cannot stand beside the model is refused with the reason", async () => {
  await page.goto(`${server.url}/inspect?model=fashion-default&sample=${SAMPLE}&compare=tiny-resnet`);
  await page.waitForSelector("table.se-top5[data-model=fashion-default]", TIMEOUT);
  await page.waitForFunction(
    () => !document.querySelector("observablehq-loading, [data-busy]"),
    undefined,
    TIMEOUT,
  );
  const text = (await page.textContent("main")) ?? "";
  assert.match(text, /“tiny-resnet” cannot be shown beside fashion-default: its classes differ/);
  assert.match(text, /This site has no other model with the classes of fashion-default to show beside it/);
  assert.equal(await page.locator(".se-inspect-beside").count(), 0);
  assert.deepEqual(watched.problems, []);
});
