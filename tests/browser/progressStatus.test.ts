// The status line in Chromium: a task leaves it however its work settles, so a failure halfway does not leave
// "… 50 %" and data-busy behind for good (the Inspect chapter's tests wait for data-busy to go).
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import type { Browser, Page } from "playwright-core";
import { bundlePage } from "../helpers/bundle.ts";
import { launch, watchedPage, type Watched } from "../helpers/chromium.ts";
import { serve, type StaticServer } from "../helpers/server.ts";
import type { ProgressStatusPage } from "./progressStatus.page.ts";

const OUT = ".test-out/progressStatus";
let server: StaticServer;
let browser: Browser;
let watched: Watched;

before(async () => {
  await bundlePage("tests/browser/progressStatus.page.ts", OUT);
  server = await serve(OUT);
  browser = await launch();
  watched = await watchedPage(browser);
  await watched.page.goto(`${server.url}/`);
  await watched.page.waitForFunction(() => "progressStatusTest" in window);
});

after(async () => {
  await browser?.close();
  await server?.close();
});

function call<K extends keyof ProgressStatusPage>(
  page: Page,
  name: K,
): Promise<Awaited<ReturnType<ProgressStatusPage[K]>>> {
  return page.evaluate((name) => (window as any).progressStatusTest[name](), name);
}

const idle = { text: "", busy: null };

test("work that fails halfway leaves the line, and data-busy goes", async () => {
  const { during, after, error } = await call(watched.page, "failsHalfway");
  assert.deepEqual(during, { text: "mean excitations: 50 %", busy: "true" });
  assert.deepEqual(after, idle);
  assert.equal(error, "device lost");
  assert.deepEqual(watched.problems, []);
});

test("work that throws at once is a rejection and shows nothing", async () => {
  assert.deepEqual(await call(watched.page, "throwsAtOnce"), { after: idle, error: "no inputs" });
});

test("a report after the work settled does not bring the task back", async () => {
  assert.deepEqual(await call(watched.page, "reportsLate"), idle);
});

test("tracked work shows after 300 ms and leaves when it settles, also when it fails", async () => {
  assert.deepEqual(await call(watched.page, "tracked"), {
    quick: idle,
    slow: { text: "reading…", busy: "true" },
    after: idle,
  });
  assert.deepEqual(watched.problems, []);
});
