// The automatic backend choice in Chromium with a software WebGPU adapter (SwiftShader): WebGPU starts and is kept
// for the WGSL kernels, the probe finds wasm faster, whole networks run on wasm, and a second page load reuses the
// remembered probe instead of measuring again.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { copyFileSync } from "node:fs";
import type { Browser } from "playwright-core";
import { bundlePage } from "../helpers/bundle.ts";
import { launch, watchedPage } from "../helpers/chromium.ts";
import { ISOLATION_HEADERS, serve, type StaticServer } from "../helpers/server.ts";
import { WASM_BINARIES } from "../../src/lib/backend.ts";
import type { BackendChoicePage } from "./backendChoice.page.ts";

const OUT = ".test-out/backend-choice";
let server: StaticServer;
let isolated: StaticServer;
let browser: Browser;

before(async () => {
  await bundlePage("tests/browser/backendChoice.page.ts", OUT);
  for (const name of WASM_BINARIES)
    copyFileSync(`node_modules/@tensorflow/tfjs-backend-wasm/dist/${name}`, `${OUT}/${name}`);
  server = await serve(OUT);
  isolated = await serve(OUT, ISOLATION_HEADERS);
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
  await isolated?.close();
});

test("software WebGPU: networks on wasm, kernels on webgpu, the probe measured once", async () => {
  const { page, problems } = await watchedPage(browser);
  await page.goto(`${server.url}/`);
  await page.waitForFunction(() => "backendChoice" in window);
  const choose = () =>
    page.evaluate(() => (window as any).backendChoice.choose()) as ReturnType<BackendChoicePage["choose"]>;
  const first = await choose();
  assert.equal(first.measured, true);
  assert.deepEqual(first.state.webgpu, { device: "google swiftshader", software: true });
  assert.equal(first.state.name, "wasm");
  const { webgpu, wasm } = first.state.probeMs ?? {};
  assert.ok(webgpu! > wasm!, `probe: webgpu ${webgpu} ms, wasm ${wasm} ms`);
  assert.match(first.state.reason ?? "", /software adapter.*so networks run on wasm \(\d+× faster\)/);
  const second = await choose();
  assert.equal(second.measured, false, "the remembered probe is reused");
  assert.equal(second.state.name, "wasm");
  assert.equal(second.crossOriginIsolated, false);
  assert.deepEqual(problems, []);
});

test("no WebGPU and a software WebGL (SwiftShader behind Chromium's masked renderer name): networks on wasm", async () => {
  const { page, problems } = await watchedPage(browser);
  await page.goto(`${server.url}/`);
  await page.waitForFunction(() => "backendChoice" in window);
  const { state } = (await page.evaluate(() =>
    (window as any).backendChoice.choose(["webgl", "wasm", "cpu"]),
  )) as Awaited<ReturnType<BackendChoicePage["choose"]>>;
  assert.equal(state.name, "wasm");
  const { webgl, wasm } = state.probeMs ?? {};
  assert.ok(webgl! > wasm!, `probe: webgl ${webgl} ms, wasm ${wasm} ms`);
  assert.match(
    state.reason ?? "",
    /on webgl \(.*SwiftShader.*, a software adapter\).*so networks run on wasm/,
  );
  assert.deepEqual(problems, []);
});

// tfjs-backend-wasm alone sizes its XNNPACK pool at half the logical cores (it assumes two hyperthreads per core), so
// a 2-core host would get the threaded build with a single thread; the site (withAllCores) gets every core, up to 8.
test("wasm loads its threaded build when the host sends COOP/COEP, with every logical core as a thread", async () => {
  const run = async (url: string) => {
    const { page, problems } = await watchedPage(browser);
    await page.goto(`${url}/`);
    await page.waitForFunction(() => "backendChoice" in window);
    const result = (await page.evaluate(() => (window as any).backendChoice.wasmThreads())) as Awaited<
      ReturnType<BackendChoicePage["wasmThreads"]>
    >;
    assert.deepEqual(problems, []);
    return result;
  };
  const plain = await run(server.url);
  const threaded = await run(isolated.url);
  assert.deepEqual([plain.isolated, plain.threadedBuild, plain.threads], [false, false, 1]);
  assert.deepEqual([threaded.isolated, threaded.threadedBuild], [true, true]);
  assert.equal(threaded.threads, Math.min(8, threaded.cores));
  assert.deepEqual(threaded.values, plain.values);
});
