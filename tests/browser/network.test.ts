// The network's GPU SE paths in Chromium (tfjs-webgpu and tfjs-webgl on SwiftShader): the fused block's z and s taps,
// and whole tiny SE-ResNets on sePath "wgsl" (and "lean", "auto", "fold") against the stock tfjs chain on the cpu
// backend: logits within 1e-4, taps within 1e-5 (abs or rel), no leaked tensors, no GPU errors.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import type { Browser, Page } from "playwright-core";
import { bundlePage } from "../helpers/bundle.ts";
import { launch, watchedPage, type Watched } from "../helpers/chromium.ts";
import { serve, type StaticServer } from "../helpers/server.ts";
import type { SeNetworkPage } from "./network.page.ts";
import { TINY_BOTTLENECK, TINY_FASHION } from "../helpers/configs.js";

const OUT = ".test-out/network";
let server: StaticServer;
let browser: Browser;
let watched: Watched;
let page: Page;

function call<K extends keyof SeNetworkPage>(
  name: K,
  ...args: Parameters<SeNetworkPage[K]>
): Promise<Awaited<ReturnType<SeNetworkPage[K]>>> {
  return page.evaluate(([name, args]) => (window as any).seNetwork[name](...args), [
    name,
    args,
  ] as const) as Promise<Awaited<ReturnType<SeNetworkPage[K]>>>;
}

before(async () => {
  await bundlePage("tests/browser/network.page.ts", OUT);
  server = await serve(OUT);
  browser = await launch();
  watched = await watchedPage(browser);
  page = watched.page;
  await page.goto(`${server.url}/`);
  await page.waitForFunction(() => "seNetwork" in window);
  console.log(`WebGPU adapter: ${await call("init")}`);
});

after(async () => {
  await browser?.close();
  await server?.close();
});

for (const [shape, r] of [
  [[1, 8, 8, 64], 4],
  [[2, 17, 19, 40], 5], // partial chunk, C not a multiple of 128, batch 2
  [[1, 3, 3, 302], 2], // C = 4·75 + 2, 151 hidden units
] as [[number, number, number, number], number][]) {
  test(`fused block with taps ${shape.join("×")} r=${r}: x, z, s match the reference`, async () => {
    const t = await call("blockTaps", shape, r, 3);
    for (const [k, v] of Object.entries(t)) assert.ok(v <= 1e-5, `${k}: ${v}`);
    assert.deepEqual(await call("gpuErrors"), []);
  });
}

for (const config of [TINY_BOTTLENECK, TINY_FASHION]) {
  for (const [path, withOptions] of [
    ["wgsl", false],
    ["auto", true], // featureMaps and intervene: those blocks take the lean chain on webgpu
    ["lean", false],
  ] as const) {
    test(`${config.name} on webgpu, sePath "${path}"${withOptions ? " with featureMaps + intervene" : ""}: matches the cpu ops chain`, async () => {
      await checkNetwork(config, path, withOptions);
    });
  }
}

async function checkNetwork(...args: Parameters<SeNetworkPage["network"]>): Promise<void> {
  const { tolerances, leaked } = await call("network", ...args);
  assert.ok(tolerances.logits <= 1e-4, `logits: ${tolerances.logits}`);
  for (const [k, v] of Object.entries(tolerances)) assert.ok(v <= 1e-4, `${k}: ${v}`);
  for (const [k, v] of Object.entries(tolerances))
    if (k.endsWith(".s") || k.endsWith(".z")) assert.ok(v <= 1e-5, `${k}: ${v}`);
  assert.equal(leaked, 0, "tensors left after disposing the prediction");
  assert.deepEqual(await call("gpuErrors"), []);
  assert.deepEqual(watched.problems, []);
}

test(`${TINY_BOTTLENECK.name} on webgpu, sePath "wgsl", taps: false (the fused block without its taps): same logits`, async () => {
  await checkNetwork(TINY_BOTTLENECK, "wgsl", false, { taps: false });
});

// One image, so that the stage-2 blocks of the bottleneck net are folded through conv3 (see foldPays).
for (const [on, path, withOptions] of [
  ["webgpu", "fold", false],
  ["webgl", "auto", false],
  ["webgl", "auto", true],
] as const) {
  test(`${TINY_BOTTLENECK.name}, 1 image, on ${on}, sePath "${path}"${withOptions ? " with featureMaps + intervene" : ""}: matches the cpu ops chain`, async () => {
    await checkNetwork(TINY_BOTTLENECK, path, withOptions, { on, batch: 1 });
  });
}

test("webgl: the squeeze of a stage-2 map (two matrix products) matches tf.mean on cpu", async () => {
  assert.ok((await call("pooled", [2, 56, 56, 64])) <= 1e-5);
});
