// The Benchmarks chapter: the built page shows the recorded results with their provenance and the chosen weight
// format, and its "run on this machine" panel runs the suite in the browser and shows the reader's numbers.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { copyFileSync, existsSync, readFileSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { bundlePage } from "../helpers/bundle.ts";
import { launch, watchedPage } from "../helpers/chromium.ts";
import { DIST } from "../helpers/dist.ts";
import { serve, type StaticServer } from "../helpers/server.ts";
import { WASM_BINARIES } from "../../src/lib/backend.ts";
import { netRatios, SE_OVERHEAD_RECORDS, targetVerdict, type NetTiming } from "../../src/lib/benchmark.ts";

const OUT = ".test-out/benchmarks";
let site: StaticServer;
let bundle: StaticServer;
let browser: Browser;

before(async () => {
  await bundlePage("tests/browser/benchmarks.page.ts", OUT);
  for (const name of WASM_BINARIES)
    copyFileSync(`node_modules/@tensorflow/tfjs-backend-wasm/dist/${name}`, `${OUT}/${name}`);
  site = await serve(DIST);
  bundle = await serve(OUT);
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await site?.close();
  await bundle?.close();
});

/**
 * Opens the chapter and reads the rows of the table whose rows carry `data-<marker>`: the row's `data-<key>`, then
 * each cell's text (without the word joiners that keep intervals on one line).
 */
async function chapterRows(page: Page, marker: string, key: string): Promise<(string | undefined)[][]> {
  await page.goto(`${site.url}/benchmarks`);
  await page.waitForSelector(`tr[data-${marker}]`, { timeout: 60_000 });
  return page.$$eval(
    `tr[data-${marker}]`,
    (trs, key) =>
      trs.map((r) => [
        (r as HTMLElement).dataset[key],
        ...Array.from((r as HTMLTableRowElement).cells, (c) => c.textContent?.replaceAll("\u2060", "")),
      ]),
    key,
  );
}

test("the chapter shows the recorded weight formats, the site's pick and where each number comes from", async () => {
  const formats = JSON.parse(readFileSync("bench/results/weight-formats.json", "utf8"));
  const { page, problems } = await watchedPage(browser);
  await page.goto(`${site.url}/benchmarks`);
  await page.waitForSelector("tr[data-dtype]", { timeout: 60_000 });
  const dtypes = await page.$$eval("tr[data-dtype]", (rows) =>
    rows.map((r) => (r as HTMLElement).dataset.dtype),
  );
  assert.deepEqual(dtypes, ["float32", "float16", "uint8"]);
  const highlighted = await page.$eval(
    "tr.se-highlight[data-dtype]",
    (r) => (r as HTMLElement).dataset.dtype,
  );
  assert.equal(highlighted, formats.siteDefault.dtype);
  const text = await page.textContent("main");
  assert.ok(text?.includes(formats.commit.slice(0, 8)), "the formats table names its commit");
  assert.ok(text?.includes(`The site's default format is ${formats.siteDefault.dtype}`));
  assert.ok(await page.$("button:text('Run on this machine')"));
  assert.deepEqual(problems, []);
});

test("the fold section shows one row per recorded runtime and stage, with the math and its provenance", async () => {
  const fold = JSON.parse(readFileSync("bench/results/fold.json", "utf8"));
  const { page, problems } = await watchedPage(browser);
  const rows = await chapterRows(page, "stage", "runtime");
  const expected = fold.environments.flatMap((e: any) =>
    e.stages.map((s: any) => [
      e.runtime,
      e.runtime,
      s.stage,
      `${s.x[1]}×${s.x[2]}, ${s.x[3]} → ${s.u[3]}`,
      s.medianMs.none.toFixed(1),
    ]),
  );
  assert.deepEqual(
    rows.map((r) => r.slice(0, 5)),
    expected,
  );
  assert.deepEqual(
    rows.map((r) => r.at(-1)),
    fold.environments.flatMap((e: any) => e.stages.map((s: any) => (s.folded ? "yes" : "no"))),
  );
  const text = (await page.textContent("main")) ?? "";
  assert.ok(text.includes(fold.commit.slice(0, 8)), "the fold table names its commit");
  assert.match(text, /In stage 2, folding changes what SE adds to a block end from [+−]\d/);
  const math = await page.$$eval(".se-tex-block math", (ms) => ms.map((m) => m.textContent ?? ""));
  assert.ok(
    math.some((m) => m.includes("diag")),
    "the identity s ⊙ u = x (W diag(s)) + b ⊙ s, as MathML",
  );
  assert.deepEqual(problems, []);
});

test("the overhead section shows each backend's median SE/no-SE, its interval and the verdict, from the samples", async () => {
  const records = SE_OVERHEAD_RECORDS.filter((f) => existsSync(f)).map((f) =>
    JSON.parse(readFileSync(f, "utf8")),
  );
  assert.ok(records.length > 0, "the shared host's long run is recorded");
  const environments = records.flatMap((r) => r.environments);
  const { page, problems } = await watchedPage(browser);
  const rows = await chapterRows(page, "overhead", "overhead");
  const expected = environments.map((e: { runtime: string; runs: number; timings: NetTiming[] }) => {
    const r = netRatios(e.timings)["SE/no-SE (auto)"];
    const f = (x: number) => x.toFixed(3);
    return [
      e.runtime,
      String(e.runs),
      `${f(r.paired)}× (${f(r.pairedLow!)}–${f(r.pairedHigh!)})`,
      targetVerdict(r),
    ];
  });
  assert.deepEqual(
    rows.map((r) => [r[0], r[2], r[5], r[6]]),
    expected,
  );
  const text = (await page.textContent("main")) ?? "";
  for (const record of records)
    assert.ok(text.includes(record.commit.slice(0, 8)), "each overhead table names its commit");
  const runtimesBy = (verdict: string) =>
    environments
      .filter((_: unknown, i: number) => expected[i][3] === verdict)
      // one entry per runtime, with the rounds of each of its records: "webgl (61 and 181 rounds)"
      .map((e: { runtime: string; runs: number }) => `${e.runtime} \\([^)]*\\b${e.runs}\\b[^)]* rounds\\)`);
  for (const verdict of ["met", "not resolved", "missed"])
    for (const runtime of runtimesBy(verdict))
      assert.match(text, new RegExp(`The target is [^.]*${verdict} on [^.;]*${runtime}`));
  const onGpu = environments.some(
    (e: { backend: string; software: boolean }) => e.backend === "webgpu" && !e.software,
  );
  assert.equal(text.includes("On a real GPU it has not been measured yet"), !onGpu);
  assert.deepEqual(problems, []);
});

test("run on this machine: progress messages, then the reader's numbers beside the paper's ratios, no leaks", async () => {
  const { page, problems } = await watchedPage(browser);
  await page.goto(`${bundle.url}/`);
  await page.waitForFunction(() => "benchmarksPage" in window);
  const before = await page.evaluate(() => (window as any).benchmarksPage.mount());
  // Record every progress message the panel shows while it runs.
  await page.evaluate(() => {
    const status = document.querySelector(".se-benchmark-runner [role=status]")!;
    const seen: string[] = ((window as any).progressSeen = []);
    new MutationObserver(() => seen.push(status.textContent ?? "")).observe(status, {
      childList: true,
      characterData: true,
      subtree: true,
    });
    // the main thread's long tasks: the suite must leave the page free to repaint and answer between its steps
    const tasks: number[] = ((window as any).longTasks = []);
    new PerformanceObserver((list) => tasks.push(...list.getEntries().map((e) => e.duration))).observe({
      type: "longtask",
    });
  });
  const start = Date.now();
  await page.click("button");
  await page.waitForSelector(".se-benchmark-runner[data-state=done]", { timeout: 90_000 });
  const runMs = Date.now() - start;
  const longest = Math.max(0, ...((await page.evaluate(() => (window as any).longTasks)) as number[]));
  assert.ok(longest < runMs / 2, `a ${longest.toFixed(0)} ms task in a ${runMs} ms run`);
  const cells = await page.$$eval(".se-benchmark-runner tr", (rows) =>
    rows.map((r) => Array.from(r.querySelectorAll("td, th"), (c) => c.textContent ?? "")),
  );
  const seen = (await page.evaluate(() => (window as any).progressSeen)) as string[];
  assert.ok(
    seen.some((t) => /^\d+\/\d+: se_resnet50 \(auto\): /.test(t)),
    `progress: ${seen.join(" | ")}`,
  );
  assert.equal(seen.at(-1), "done");
  const row = (label: string) => cells.find((c) => c[0].startsWith(label));
  assert.match(row("device")![1], /^wasm$/);
  assert.match(row("SE / no-SE, our path")![1], /^\d+\.\d{3}×$/);
  assert.match(row("SE-ResNet-50, stock tfjs chain")![1], /^\d+ ms$/);
  assert.match(row("the paper: SE / no-SE, CPU inference")![2], /^1\.018×$/);
  assert.equal(await page.evaluate(() => (window as any).benchmarksPage.numTensors()), before);
  assert.deepEqual(problems, []);
});
