// Every page of the built site, in Debian's Chromium with WebGPU (SwiftShader): it loads with no console error,
// page error, failed or off-host request; the backend badge shows networks on wasm, because the only WebGPU adapter
// here is a software one (WebGPU stays for the WGSL kernels); every backend passes its self-test.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import type { Browser } from "playwright-core";
import { launch, watchedPage } from "../helpers/chromium.js";
import { ISOLATION_HEADERS, serve, type StaticServer } from "../helpers/server.js";
import { DIST, pagePaths } from "../helpers/dist.js";
import { KERNEL_TOLERANCE } from "../../src/lib/kernels/parity.ts";

let browser: Browser;
let server: StaticServer;

before(async () => {
  server = await serve(DIST);
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

for (const path of pagePaths()) {
  test(`page ${path} loads cleanly, networks on wasm, WebGPU kept for the kernels`, async () => {
    const { page, problems } = await watchedPage(browser);
    await page.goto(server.url + path);
    await page.waitForSelector("#se-backend-badge[data-backend]", { timeout: 60_000 });
    assert.equal(await page.getAttribute("#se-backend-badge", "data-backend"), "wasm");
    assert.match((await page.textContent("#se-backend-badge")) ?? "", /WGSL kernels on webgpu/);
    assert.match((await page.getAttribute("#se-backend-badge", "title")) ?? "", /software adapter/);
    // Let the page's cells finish (they may compute after the backend starts).
    await page.waitForLoadState("networkidle");
    await page.waitForFunction(() => !document.querySelector("observablehq-loading"), undefined, {
      timeout: 120_000,
    });
    assert.deepEqual(problems, []);
    await page.context().close();
  });
}

test("an address tfjs would throw on is cleaned before it loads, and the page says what it removed", async () => {
  const { page, problems } = await watchedPage(browser);
  await page.goto(`${server.url}/inspect?sample=%F0&tfjsflags=DEBUG:true&sample2=50%`);
  await page.waitForSelector("#se-backend-badge[data-backend='wasm']", { timeout: 60_000 });
  assert.doesNotMatch(page.url(), /%F0|tfjsflags|50%/); // (the page then writes its own state there)
  const note = (await page.textContent(".se-url-note")) ?? "";
  assert.match(note, /“sample=%F0” \(not valid URL encoding\)/);
  assert.match(note, /“tfjsflags=DEBUG:true” \(TensorFlow\.js's developer switch/);
  assert.match(note, /“sample2=50%” \(not valid URL encoding\)/);
  await page.waitForSelector("table.se-top5", { timeout: 120_000 }); // the page works
  assert.deepEqual(problems, []);
  await page.context().close();
});

test("every backend runs a conv matching cpu within 1e-5, tf.randomNormal and data()", async () => {
  const { page, problems } = await watchedPage(browser);
  await page.goto(`${server.url}/backends`);
  await page.waitForSelector("table.se-table tr[data-backend='cpu']", { timeout: 120_000 });
  const rows = await page.$$eval("table.se-table tbody tr", (trs) =>
    trs.map((tr) => ({ backend: (tr as HTMLElement).dataset.backend, ok: (tr as HTMLElement).dataset.ok })),
  );
  assert.deepEqual(rows, [
    { backend: "webgpu", ok: "true" },
    { backend: "webgl", ok: "true" },
    { backend: "wasm", ok: "true" },
    { backend: "cpu", ok: "true" },
  ]);
  assert.deepEqual(problems, []);
  await page.context().close();
});

test("the reader's backend choice persists across pages", async () => {
  const { page, problems } = await watchedPage(browser);
  await page.goto(`${server.url}/`);
  await page.waitForSelector("#se-backend-badge[data-backend='wasm']", { timeout: 60_000 });
  await Promise.all([page.waitForEvent("load"), page.selectOption("#se-backend-badge select", "webgpu")]);
  await page.waitForSelector("#se-backend-badge[data-backend='webgpu']", { timeout: 60_000 });
  await page.goto(`${server.url}/backends`);
  await page.waitForSelector("#se-backend-badge[data-backend='webgpu']", { timeout: 60_000 });
  assert.equal(await page.inputValue("#se-backend-badge select"), "webgpu");
  assert.match((await page.getAttribute("#se-backend-badge", "title")) ?? "", /your choice in this menu/);
  assert.deepEqual(problems, []);
  await page.context().close();
});

test("the SE block chapter's WGSL kernels match the tfjs reference within the kernel tolerance, on the trained model and synthetic input", async () => {
  const { page, problems } = await watchedPage(browser);
  await page.goto(`${server.url}/se-block`);
  const diff = async () => {
    const p = page.locator("[data-kernel-difference]");
    await p.waitFor({ timeout: 120_000 });
    return Number(await p.getAttribute("data-kernel-difference"));
  };
  const first = await diff();
  assert.ok(first >= 0 && first <= KERNEL_TOLERANCE, `difference ${first}`);
  // the WebGPU adapter the kernels used, not the device of the backend that runs the networks (wasm here)
  assert.match(
    (await page.textContent("main")) ?? "",
    /The kernels ran on WebGPU \([^)]+, a software adapter on the CPU\)/,
  );
  assert.match((await page.textContent("main")) ?? "", /The input is real: block SE_/);
  await page.getByLabel("synthetic").check();
  const r = page.getByLabel("reduction ratio r");
  await r.selectOption({ label: "4" });
  await page.waitForFunction(() => document.querySelector("main")?.textContent?.includes("r = 4"));
  const second = await diff();
  assert.ok(second >= 0 && second <= KERNEL_TOLERANCE, `difference ${second} with r = 4`);
  // SE-ResNet-50's largest block at r = 1: 7×7×2048 and 8 million weights, drawn without freezing the page
  await page.getByLabel("block shape").selectOption({ label: "SE-ResNet-50 stage 5: 7×7×2048" });
  await page.getByLabel("reduction ratio r").selectOption({ label: "1" });
  await page.waitForFunction(
    () => document.querySelector("main")?.textContent?.includes("C = 2048"),
    undefined,
    {
      timeout: 120_000,
    },
  );
  const large = await diff();
  assert.ok(large >= 0 && large <= KERNEL_TOLERANCE, `difference ${large} at 7×7×2048, r = 1`);
  // A second visit reads the weights from Cache Storage at once, while the automatic backend choice is still
  // measuring WebGPU against wasm: the model must wait for that choice, not be built on a backend about to go.
  await page.reload();
  const again = await diff();
  assert.ok(again >= 0 && again <= KERNEL_TOLERANCE, `difference ${again} on a second visit`);
  assert.deepEqual(problems, []);
  await page.context().close();
});

test("on a host that sends no headers, the service worker isolates the pages opened after the first", async () => {
  const { page, problems } = await watchedPage(browser);
  const badgeTitle = async () => {
    await page.waitForSelector("#se-backend-badge[data-backend='wasm']", { timeout: 60_000 });
    return (await page.getAttribute("#se-backend-badge", "title")) ?? "";
  };
  await page.goto(`${server.url}/backends`);
  assert.equal(await page.evaluate(() => self.crossOriginIsolated), false);
  assert.match(await badgeTitle(), /wasm runs on one thread; the site has just installed its service worker/);
  assert.match((await page.textContent("main")) ?? "", /isolates the pages you open from now on/);
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => true)); // the worker is active

  const response = await page.goto(`${server.url}/benchmarks`);
  assert.equal(response?.headers()["cross-origin-embedder-policy"], "require-corp");
  assert.equal(await page.evaluate(() => self.crossOriginIsolated), true);
  const title = await badgeTitle();
  // read once the site has started: while wasm starts, the site shows tfjs twice the real core count (wasmThreads.ts)
  const cores = await page.evaluate(() => navigator.hardwareConcurrency);
  assert.match(
    title,
    new RegExp(`cross-origin isolated: wasm runs its threaded build on ${Math.min(8, cores)} thread\\(s\\)`),
  );
  assert.deepEqual(problems, []);
  await page.context().close();
});

test("on a host that sends COOP/COEP, networks run on threaded wasm with every logical core", async () => {
  const isolated = await serve(DIST, ISOLATION_HEADERS);
  try {
    const { page, problems } = await watchedPage(browser);
    await page.goto(`${isolated.url}/backends`);
    await page.waitForSelector("#se-backend-badge[data-backend='wasm']", { timeout: 60_000 });
    const cores = await page.evaluate(() => navigator.hardwareConcurrency);
    assert.match(
      (await page.getAttribute("#se-backend-badge", "title")) ?? "",
      new RegExp(
        `cross-origin isolated: wasm runs its threaded build on ${Math.min(8, cores)} thread\\(s\\)`,
      ),
    );
    // The page's own account agrees with the badge: the real core count (not the doubled one tfjs is shown while
    // wasm starts), and WebGPU started first but lost the measurement on this software adapter.
    await page.waitForFunction(() =>
      /lost the measurement|first choice/.test(document.querySelector("main")?.textContent ?? ""),
    );
    const text = (await page.textContent("main")) ?? "";
    assert.match(text, new RegExp(`reports ${cores}, so isolation gives it ${Math.min(8, cores)} thread`));
    assert.match(text, /WebGPU started first, on a software adapter, and lost the measurement/);
    assert.doesNotMatch(text, /It was the first choice/);
    assert.deepEqual(problems, []);
    await page.context().close();
  } finally {
    await isolated.close();
  }
});
