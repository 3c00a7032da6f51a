// The SE block chapter when things go wrong, in the built site: a trained model that does not load leaves the
// synthetic input working; without WebGPU, or with an adapter tfjs cannot start, the chapter shows the reference,
// says why and compares nothing; every chart has its numbers; re-drawing the charts adds no listeners.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import type { Browser, Page } from "playwright-core";
import { launch, watchedPage } from "../helpers/chromium.js";
import { ISOLATION_HEADERS, serve, type StaticServer } from "../helpers/server.js";
import { DIST } from "../helpers/dist.js";
import { KERNEL_TOLERANCE } from "../../src/lib/kernels/parity.ts";

const TIMEOUT = { timeout: 120_000 };
let browser: Browser;
let server: StaticServer;

before(async () => {
  server = await serve(DIST, ISOLATION_HEADERS); // isolated by its headers: no service worker between page and routes
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

const mainText = async (page: Page) => (await page.textContent("main")) ?? "";

/** Listeners of `type` on <main>, as DevTools lists them. */
async function mainListeners(page: Page, type: string): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  const { result } = await cdp.send("Runtime.evaluate", { expression: "document.querySelector('main')" });
  const { listeners } = await cdp.send("DOMDebugger.getEventListeners", { objectId: result.objectId! });
  await cdp.detach();
  return listeners.filter((l) => l.type === type).length;
}

test("a model that fails to load leaves the synthetic input working; re-drawn charts keep one set of listeners and have their numbers", async () => {
  const { page, problems } = await watchedPage(browser, [/the server responded with a status of 404/]);
  await page.route("**/models/fashion-default/**", (route) => route.fulfill({ status: 404, body: "gone" }));
  await page.goto(`${server.url}/se-block`);
  const note = page.locator(".note", { hasText: "fashion-default" });
  await note.waitFor(TIMEOUT);
  assert.match(
    (await note.textContent()) ?? "",
    /The trained model \(fashion-default\) is not available: it could not be loaded/,
  );
  assert.equal(await page.getByLabel("trained model").count(), 0);
  assert.equal(await page.getByLabel("synthetic").isChecked(), true);

  const difference = page.locator("[data-kernel-difference]");
  await difference.waitFor(TIMEOUT);
  assert.ok(Number(await difference.getAttribute("data-kernel-difference")) <= KERNEL_TOLERANCE);
  assert.match(await mainText(page), /the tests require at most 10⁻⁵ by this measure/);

  // Re-drawn charts: the highlighting stays one set of listeners on <main>.
  for (const r of ["4", "16"]) {
    await page.getByLabel("reduction ratio r").selectOption({ label: r });
    await page.waitForFunction((r) => document.querySelector("main")?.textContent?.includes(`r = ${r}`), r);
  }
  await difference.waitFor(TIMEOUT);
  assert.equal(await mainListeners(page, "pointerover"), 1);
  await page.locator("svg.se-bars [data-channel='3']").first().dispatchEvent("pointerover");
  assert.ok(
    (await page.locator("svg.se-bars [data-channel='3'].se-hl").count()) >= 2,
    "z and s bars light up",
  );
  assert.ok((await page.locator("tr[data-channel='3'].se-hl").count()) >= 2, "so do their table rows");

  // The small synthetic block, 8×8×32 at r = 16: a row per channel for z and s, and W1's summary.
  const z = page.locator("details", { hasText: "Squeeze output z of each of the 32 channels." });
  assert.equal(await z.locator("tbody tr").count(), 32);
  const w1 = page.locator("details", { hasText: "A summary of W1" });
  assert.match((await w1.locator("table").first().textContent()) ?? "", /shape32 × 2/);
  assert.equal(await w1.locator("table").nth(1).locator("tbody tr[data-channel]").count(), 5);

  // Only the refused model itself: no page error (an unawaited warm-up of the model once was one).
  assert.ok(
    problems.length > 0 && problems.every((p) => /^HTTP 404: .*\/models\/fashion-default\//.test(p)),
    problems.join("\n"),
  );
  await page.context().close();
});

/** Opens the chapter with `script` run first in the page, and waits until it has said the kernels did not run. */
async function withoutKernels(script: string): Promise<{ page: Page; problems: string[]; text: string }> {
  const { page, problems } = await watchedPage(browser);
  await page.addInitScript(script);
  await page.goto(`${server.url}/se-block`);
  await page.locator(".se-no-kernels").waitFor(TIMEOUT);
  await page.waitForFunction(() => !document.querySelector("observablehq-loading"), undefined, TIMEOUT);
  return { page, problems, text: await mainText(page) };
}

async function assertReferenceOnly(page: Page): Promise<void> {
  assert.equal(await page.getByLabel("GPU kernels").count(), 0, "no radio offers kernels that did not run");
  assert.equal(
    await page.locator("[data-kernel-difference]").count(),
    0,
    "no comparison of the reference with itself",
  );
  assert.ok((await page.locator("svg.se-bars").count()) >= 2, "z and s still drawn, from the reference");
}

test("without WebGPU the chapter shows the reference and says so", async () => {
  const { page, problems, text } = await withoutKernels(
    `Object.defineProperty(Navigator.prototype, "gpu", { get: () => undefined });`,
  );
  assert.match(
    text,
    /The WGSL kernels did not run: this browser has no WebGPU\. Every step below shows the tfjs reference/,
  );
  assert.match(text, /nothing to compare here: the WGSL kernels did not run \(the reason is given above\)/);
  assert.equal(text.match(/this browser has no WebGPU/g)?.length, 1, "the reason is given once");
  await assertReferenceOnly(page);
  assert.deepEqual(problems, []);
  await page.context().close();
});

test("an adapter tfjs cannot start a device on falls back to the reference, with the reason", async () => {
  const { page, problems, text } = await withoutKernels(
    `GPUAdapter.prototype.requestDevice = () => Promise.reject(new Error("no device (test)"));`,
  );
  assert.match(
    text,
    /The WGSL kernels did not run: WebGPU failed \(tfjs could not start its webgpu backend\)/,
  );
  await assertReferenceOnly(page);
  assert.deepEqual(problems, []);
  await page.context().close();
});
