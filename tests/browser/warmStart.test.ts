// Warm start and caching in Chromium: model files with content-hashed names are stored in Cache Storage on the first
// visit and not requested again on the second; the GPU warm-up (a zero-weight forward pass) runs while the shards
// download; stale versions are pruned.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import * as tf from "@tensorflow/tfjs-core";
import "@tensorflow/tfjs-backend-cpu";
import type { Browser } from "playwright-core";
import { bundlePage } from "../helpers/bundle.ts";
import { launch, watchedPage } from "../helpers/chromium.ts";
import { serve, type StaticServer } from "../helpers/server.ts";
import type { CanonicalTensor } from "../../src/lib/import/layout.ts";
import { encodeModel, stringifyDescriptor } from "../../src/lib/import/manifest.ts";
import { randomWeights } from "../../src/lib/models/randomWeights.ts";
import { FASHION_MNIST_PREPROCESSING } from "../../src/lib/preprocess.ts";
import type { WarmStartPage } from "./warmStart.page.ts";
import { TINY_FASHION as CONFIG } from "../helpers/configs.js";

const OUT = ".test-out/warm-start";
let server: StaticServer;
let browser: Browser;
let modelUrl = "";

/** A model directory as the importer writes it, model.json renamed with its hash as Framework's attachments are. */
async function writeModel(dir: string): Promise<string> {
  await tf.setBackend("cpu");
  const tensors = randomWeights(CONFIG, 4);
  const weights = new Map<string, CanonicalTensor>(
    Object.entries(tensors).map(([k, t]) => [k, { shape: t.shape, data: t.dataSync() as Float32Array }]),
  );
  tf.dispose(tensors);
  const { descriptor, shards } = await encodeModel(
    weights,
    {
      config: CONFIG,
      preprocessing: FASHION_MNIST_PREPROCESSING,
      labels: null,
      source: { file: "random", sha256: "0".repeat(64), naming: "timm", format: "safetensors" },
    },
    "float32",
  );
  mkdirSync(dir, { recursive: true });
  for (const s of shards) writeFileSync(`${dir}/${s.path}`, s.bytes);
  const json = stringifyDescriptor(descriptor);
  const name = `model.${createHash("sha256").update(json).digest("hex").slice(0, 8)}.json`;
  writeFileSync(`${dir}/${name}`, json);
  return name;
}

before(async () => {
  await bundlePage("tests/browser/warmStart.page.ts", OUT);
  modelUrl = `/models/tiny/${await writeModel(`${OUT}/models/tiny`)}`;
  server = await serve(OUT);
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test("a second visit loads the weights from Cache Storage; the GPU warm-up runs during the download", async () => {
  const { page, problems } = await watchedPage(browser);
  const requested: string[] = [];
  page.on("request", (r) => {
    if (r.url().includes("/models/")) requested.push(new URL(r.url()).pathname);
  });
  const visit = async () => {
    await page.goto(`${server.url}/`);
    await page.waitForFunction(() => "warmStart" in window);
    return page.evaluate((url) => (window as any).warmStart.loadAndPredict(url), modelUrl) as ReturnType<
      WarmStartPage["loadAndPredict"]
    >;
  };
  const first = await visit();
  assert.equal(requested.length, 2, `first visit: model.json and one shard, got ${requested.join(", ")}`);
  assert.equal(first.warmed.backend, "webgpu");
  assert.equal(first.warmed.compiled, true);
  assert.equal(first.leaked, 0);
  assert.equal(first.logits.length, 10);
  requested.length = 0;
  const second = await visit();
  assert.deepEqual(requested, [], "second visit: nothing downloaded");
  assert.deepEqual(second.logits, first.logits);
  const cached = (await page.evaluate(() => (window as any).warmStart.cachedUrls())) as string[];
  assert.equal(cached.length, 2);
  const deleted = await page.evaluate((keep) => (window as any).warmStart.prune(keep), [modelUrl]);
  assert.equal(deleted, 1, "the shard no installed model lists any more is pruned");
  assert.deepEqual(problems, []);
});
