// The three.js SE block view in headless Chromium (WebGL 2 on SwiftShader): it draws, describes itself, follows
// the keyboard, honours prefers-reduced-motion, falls back to 2D without WebGL, and releases its GPU resources.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import type { Browser, Page } from "playwright-core";
import { bundlePage } from "../helpers/bundle.ts";
import { launch, watchedPage, type Watched } from "../helpers/chromium.ts";
import { serve, type StaticServer } from "../helpers/server.ts";
import type { TensorView3dPage } from "./tensorView3d.page.ts";

const OUT = ".test-out/tensorView3d";
let server: StaticServer;
let browser: Browser;

before(async () => {
  await bundlePage("tests/browser/tensorView3d.page.ts", OUT);
  server = await serve(OUT);
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** A fresh page with the test API loaded, optionally preferring reduced motion. */
async function open(reducedMotion: "reduce" | "no-preference"): Promise<Watched> {
  const watched = await watchedPage(browser);
  await watched.page.emulateMedia({ reducedMotion });
  await watched.page.goto(`${server.url}/`);
  await watched.page.waitForFunction(() => "tensorView3dTest" in window);
  return watched;
}

function call<K extends keyof TensorView3dPage>(
  page: Page,
  name: K,
  ...args: Parameters<TensorView3dPage[K]>
): Promise<Awaited<ReturnType<TensorView3dPage[K]>>> {
  return page.evaluate(([name, args]) => (window as any).tensorView3dTest[name](...args), [
    name,
    args,
  ] as const);
}

test("WebGL view: non-blank pixels, focusable canvas, description of what is shown", async () => {
  const { page, problems } = await open("reduce");
  const view = await call(page, "mount", [6, 5, 12]);
  assert.equal(view.renderer, "webgl");
  assert.equal(view.state, "live");
  assert.deepEqual(view.canvas, {
    tabIndex: 0,
    role: "application", // it takes arrow keys
    roleDescription: "3D view",
    ariaLabel: "SE_test_12 in 3D: U, z, s and X̃ side by side",
    describedBySummary: true,
  });
  assert.match(view.summary, /U \(6×5×12, H × W × C\).*all 12 channels drawn as stacked planes/);
  const { covered, colours } = await call(page, "pixels");
  assert.ok(covered > 0.1, `only ${(covered * 100).toFixed(1)}% of the canvas is drawn`);
  assert.ok(colours > 100, `only ${colours} distinct colours`);
  // Large C: a readable subset around the reader's channel, and the description says which channels.
  const wide = await call(page, "mount", [7, 7, 100]);
  assert.match(wide.summary, /64 of its 100 channels \(0–63\) drawn as stacked planes, channel 0 in front/);
  const focused = await call(page, "mount", [7, 7, 100], { focusChannel: 50 });
  assert.match(
    focused.summary,
    /64 of its 100 channels \(18–81\) drawn as stacked planes, channel 18 in front/,
  );
  const last = await call(page, "mount", [7, 7, 100], { focusChannel: 99 });
  assert.match(last.summary, /64 of its 100 channels \(36–99\)/);
  const middle = await call(page, "mount", [7, 7, 200], { focusChannel: 100 });
  assert.match(middle.summary, /64 of its 200 channels \(68–131\)/);
  assert.deepEqual(problems, []);
});

test("reduced motion: no auto-rotation, nothing redrawn until the reader acts; arrow keys rotate", async () => {
  const { page, problems } = await open("reduce");
  const view = await call(page, "mount", [6, 5, 12]);
  assert.equal(view.autoRotate, "false");
  const still = await call(page, "pixels");
  await page.waitForTimeout(800);
  const later = await call(page, "describe");
  assert.equal(later.frames, view.frames, "frames were drawn with no input");
  await page.focus(".se-tensor3d-stage > canvas");
  await page.keyboard.press("ArrowLeft");
  await page.waitForFunction(
    (n) => Number(document.querySelector<HTMLElement>(".se-tensor3d")!.dataset.frames) > n,
    later.frames,
  );
  const turned = await call(page, "pixels");
  assert.notEqual(turned.hash, still.hash, "the arrow key did not change the picture");
  assert.deepEqual(problems, []);
});

test("the page keeps its scrolling: the wheel zooms only with Ctrl, a vertical swipe is left to the page", async () => {
  const { page, problems } = await open("reduce");
  const view = await call(page, "mount", [6, 5, 12]);
  const wheel = (ctrlKey: boolean) =>
    page.evaluate((ctrlKey) => {
      const canvas = document.querySelector(".se-tensor3d-stage > canvas")!;
      const event = new WheelEvent("wheel", { deltaY: -100, ctrlKey, cancelable: true, bubbles: true });
      canvas.dispatchEvent(event);
      return { prevented: event.defaultPrevented, touchAction: (canvas as HTMLElement).style.touchAction };
    }, ctrlKey);
  assert.deepEqual(await wheel(false), { prevented: false, touchAction: "pan-y" });
  await page.waitForTimeout(300);
  assert.equal((await call(page, "describe")).frames, view.frames, "a plain wheel turn redrew the view");
  assert.equal((await wheel(true)).prevented, true);
  await page.waitForFunction(
    (n) => Number(document.querySelector<HTMLElement>(".se-tensor3d")!.dataset.frames) > n,
    view.frames,
  );
  assert.deepEqual(problems, []);
});

test("without reduced motion the view turns on its own, and a key press stops it", async () => {
  const { page, problems } = await open("no-preference");
  const view = await call(page, "mount", [6, 5, 12]);
  assert.equal(view.autoRotate, "true");
  await page.waitForFunction(
    (n) => Number(document.querySelector<HTMLElement>(".se-tensor3d")!.dataset.frames) > n + 5,
    view.frames,
  );
  await page.focus(".se-tensor3d-stage > canvas");
  await page.keyboard.press("ArrowUp");
  assert.equal((await call(page, "describe")).autoRotate, "false");
  assert.deepEqual(problems, []);
});

test("2D fallback when WebGL is unavailable or turned off", async () => {
  const { page, problems } = await open("reduce");
  for (const options of [{ stubWebgl: true }, { forceFallback: true }]) {
    const view = await call(page, "mount", [6, 5, 12], options);
    assert.equal(view.renderer, "fallback", JSON.stringify(options));
    assert.equal(view.canvas, null);
    assert.equal(view.maps, 2, "U and X̃ as feature maps");
    assert.equal(view.bars, 2, "z and s as bars");
    assert.match(view.note!, options.stubWebgl ? /does not provide WebGL 2/ : /2D view requested/);
    assert.match(view.summary, /top to bottom: U \(6×5×12, H × W × C\)/);
  }
  assert.deepEqual(problems, []);
});

test("removing the view or aborting its signal releases the WebGL context", async () => {
  const { page, problems } = await open("reduce");
  for (const how of ["remove", "abort"] as const) {
    await call(page, "mount", [6, 5, 12]);
    assert.equal(await call(page, "contextLost"), false);
    await call(page, how);
    await page.waitForFunction(() => (window as any).tensorView3dTest.describe().state === "disposed");
    assert.equal(await call(page, "contextLost"), true, how);
  }
  assert.deepEqual(problems, []);
});

test("bad input gets a clear error", async () => {
  const { page } = await open("reduce");
  assert.equal(await call(page, "error"), "tensorView3d: s has 3 values, expected 4 for [3, 3, 4]");
});
