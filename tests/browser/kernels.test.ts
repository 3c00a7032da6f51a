// The WGSL SE kernels (squeeze, excitation, scale, fused block) against their tfjs reference twin on the cpu backend,
// in headless Chromium on WebGPU (SwiftShader): parity within KERNEL_TOLERANCE (abs or rel), no leaks, clear errors.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import type { Browser, Page } from "playwright-core";
import { launch, watchedPage, type Watched } from "../helpers/chromium.ts";
import { serve, type StaticServer } from "../helpers/server.ts";
import { bundlePage } from "../helpers/bundle.ts";
import type { Case, SeKernelsPage } from "./kernels.page.ts";
import { withinTolerance } from "../../src/lib/kernels/parity.ts";

const OUT = ".test-out/kernels";
let server: StaticServer;
let browser: Browser;
let watched: Watched;
let page: Page;

/** Calls `window.seKernels[name](...args)` in the page. */
function call<K extends keyof SeKernelsPage>(
  name: K,
  ...args: Parameters<SeKernelsPage[K]>
): Promise<Awaited<ReturnType<SeKernelsPage[K]>>> {
  return page.evaluate(([name, args]) => (window as any).seKernels[name](...args), [
    name,
    args,
  ] as const) as Promise<Awaited<ReturnType<SeKernelsPage[K]>>>;
}

before(async () => {
  await bundlePage("tests/browser/kernels.page.ts", OUT);
  server = await serve(OUT);
  browser = await launch();
  watched = await watchedPage(browser);
  page = watched.page;
  await page.goto(`${server.url}/`);
  await page.waitForFunction(() => "seKernels" in window);
  const { adapter } = await call("init");
  console.log(`WebGPU adapter: ${adapter}`);
});

after(async () => {
  await browser?.close();
  await server?.close();
});

const STAGES: Case[] = [
  { shape: [1, 56, 56, 256], r: 16, seed: 2 },
  { shape: [1, 28, 28, 512], r: 16, seed: 3 },
  { shape: [1, 14, 14, 1024], r: 16, seed: 4 },
  { shape: [1, 7, 7, 2048], r: 16, seed: 5 },
];
const AWKWARD: Case[] = [
  { shape: [1, 1, 1, 1], r: 1, seed: 6 },
  { shape: [1, 7, 5, 3], r: 3, seed: 7 },
  { shape: [1, 3, 3, 96], r: 8, seed: 8 },
  { shape: [2, 17, 19, 40], r: 5, seed: 9 }, // batch 2, 323 positions (a partial chunk), C not a multiple of 32
  { shape: [2, 3, 3, 302], r: 1, seed: 10 }, // 302 hidden units (two tiles in se-apply); C = 4·75 + 2
];

for (const spec of [...STAGES, ...AWKWARD]) {
  test(`parity ${spec.shape.join("×")} r=${spec.r}`, async () => {
    const differences = await call("parity", spec);
    for (const [output, d] of Object.entries(differences)) {
      assert.ok(withinTolerance(d), `${output}: max |Δ| ${d.maxAbs}, max |Δ|/max(1, |ref|) ${d.scaled}`);
    }
    assert.deepEqual(await call("gpuErrors"), []);
    assert.deepEqual(watched.problems, []);
  });
}

test("50 runs of every kernel leak no tensors and no GPU buffers", async () => {
  const { before, after } = await call("leaks", 50);
  assert.deepEqual(after, before);
});

test("bad input gets a clear error", async () => {
  const { messages, before, after } = await call("errors");
  assert.match(messages.ratio, /r = 5 does not divide C = 96/);
  assert.match(messages.synthetic, /r = 5 does not divide C = 96/);
  for (const key of ["seBlock", "excitation", "reference"] as const) {
    assert.match(messages[key], /7 hidden units, which does not divide C = 96/, key);
  }
  assert.match(messages.scaleShape, /s must be \[N, C\] = \[1, 96\], got \[1, 95\]/);
  assert.match(messages.rank, /u must be an NHWC feature map/);
  assert.match(messages.disposed, /residual has been disposed/);
  assert.match(messages.backend, /need the tfjs "webgpu" backend, but "cpu" is active/);
  // Live tensors and buffers in use; the pool itself may grow (bytesAllocated) for the new sizes the attempts made.
  assert.deepEqual(
    { tensors: after.tensors, usedBuffers: after.usedBuffers },
    { tensors: before.tensors, usedBuffers: before.usedBuffers },
    "failed calls leak nothing",
  );
  assert.deepEqual(await call("gpuErrors"), []);
  assert.deepEqual(watched.problems, []);
});
