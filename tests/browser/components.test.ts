// Deterministic snapshots of the chart components (Plot's habit): each renders fixed data in Chromium and must
// match tests/snapshots/<name>.html byte for byte. UPDATE_SNAPSHOTS=1 rewrites them after an intended change.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import type { Browser } from "playwright-core";
import { launch, watchedPage } from "../helpers/chromium.js";
import { serve, type StaticServer } from "../helpers/server.js";
import { bundlePage } from "../helpers/bundle.js";

const OUT = ".test-out/components";
const SNAPSHOTS = "tests/snapshots";
let browser: Browser;
let server: StaticServer;
let snapshots: Record<string, string>;
let unlabelledSvgs: Record<string, string[]>;
let largeHeatmap: { images: number; rects: number; channels: number; height: number };

before(async () => {
  await bundlePage("tests/browser/components.page.ts", OUT);
  server = await serve(OUT);
  browser = await launch();
  const { page, problems } = await watchedPage(browser);
  await page.goto(`${server.url}/`);
  await page.waitForFunction(() => "snapshots" in window);
  ({ snapshots, unlabelledSvgs, largeHeatmap } = await page.evaluate(() => {
    const w = window as unknown as {
      snapshots: Record<string, string>;
      unlabelledSvgs: Record<string, string[]>;
      largeHeatmap: { images: number; rects: number; channels: number; height: number };
    };
    return { snapshots: w.snapshots, unlabelledSvgs: w.unlabelledSvgs, largeHeatmap: w.largeHeatmap };
  }));
  assert.deepEqual(problems, []);
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test("chart components match their snapshots", () => {
  mkdirSync(SNAPSHOTS, { recursive: true });
  assert.ok(Object.keys(snapshots).length >= 5);
  for (const [name, html] of Object.entries(snapshots)) {
    const file = `${SNAPSHOTS}/${name}.html`;
    if (!existsSync(file) && process.env.CI)
      assert.fail(`${file} is missing; run the test locally and commit it`);
    if (process.env.UPDATE_SNAPSHOTS || !existsSync(file)) writeFileSync(file, html + "\n");
    assert.equal(html + "\n", readFileSync(file, "utf8"), `${name} differs from ${file}`);
  }
});

test("charts are accessible: every SVG a screen reader meets has a role and a label", () => {
  assert.ok(Object.keys(unlabelledSvgs).length >= 5);
  for (const [name, unlabelled] of Object.entries(unlabelledSvgs)) assert.deepEqual(unlabelled, [], name);
  // the check sees the charts' own SVGs (one per chart at least) and KaTeX's, which it must skip
  assert.ok(
    Object.values(snapshots)
      .join("")
      .match(/<svg[^>]*role="img"/g)!.length >= 4,
  );
});

test("a large weight matrix is one image with a highlight strip per channel, and stays on screen", () => {
  assert.deepEqual(largeHeatmap, { images: 1, rects: 2048, channels: 2048, height: 480 + 18 + 8 });
});
