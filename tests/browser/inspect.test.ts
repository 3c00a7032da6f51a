// The Inspect chapter in the built site (`npm run build` first), in Chromium on WebGPU (SwiftShader), with the
// default Fashion-MNIST model: every kind of awkward upload gets a clear message and leaves the page usable,
// interventions rerun the network and leave no tensors behind, the view is in the URL, and a lost WebGPU device
// falls back to another backend. The files are made by tests/helpers/imageFiles.ts. One page serves all tests
// (loading tfjs and warming up its shaders is the slow part), so they run in order.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import type { Browser, Page } from "playwright-core";
import { launch, watchedPage, type Watched } from "../helpers/chromium.js";
import { serve, type StaticServer } from "../helpers/server.js";
import { DIST } from "../helpers/dist.js";
import {
  animatedGif,
  flatJpeg,
  heicHeader,
  hugePng,
  png,
  rgbaPng,
  rgbJpeg,
  withExifOrientation,
} from "../helpers/imageFiles.js";

let browser: Browser;
let server: StaticServer;
let watched: Watched;
let page: Page;

const MAIN = '.se-picker[aria-label="image to inspect"]';
const TIMEOUT = { timeout: 90_000 };

before(async () => {
  server = await serve(DIST);
  browser = await launch();
  watched = await watchedPage(browser);
  page = watched.page;
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** Waits until every cell has run and no slow task is shown. */
async function settled(): Promise<void> {
  await page.waitForFunction(
    () => !document.querySelector("observablehq-loading, [data-busy]"),
    undefined,
    TIMEOUT,
  );
}

async function resultFor(name: string): Promise<void> {
  await page.waitForSelector(`table.se-top5[data-image="${name}"]`, TIMEOUT);
  await settled();
}

async function upload(name: string, buffer: Buffer, mimeType = "application/octet-stream"): Promise<void> {
  await page.setInputFiles(`${MAIN} input[type=file]`, { name, mimeType, buffer });
}

/** Waits for the main picker to report an error about `name` and returns it. */
async function refusal(name: string): Promise<string> {
  await page.waitForFunction(
    ([selector, name]) => {
      const message = document.querySelector<HTMLElement>(selector);
      return message?.dataset.kind === "error" && message.textContent!.includes(`“${name}”`);
    },
    [`${MAIN} .se-picker-message`, name] as const,
    TIMEOUT,
  );
  return (await page.textContent(`${MAIN} .se-picker-message`)) ?? "";
}

/** The page's own tfjs module (same URL, so the same instance). */
async function tfMemory(): Promise<{ numTensors: number; numBytesInGPU?: number }> {
  return page.evaluate(async () => {
    const href = document.querySelector<HTMLLinkElement>(
      'link[rel="modulepreload"][href*="tfjs-core@"]',
    )!.href;
    const tf = await import(href);
    const { numTensors, numBytesInGPU } = tf.memory();
    return { numTensors, numBytesInGPU };
  });
}

/** RGBA of pixel (x, y) of the decoded image as the page shows it. */
async function shownPixel(x: number, y: number): Promise<{ width: number; height: number; rgba: number[] }> {
  return page.$eval(
    ".se-preprocess-image",
    (canvas, [x, y]) => {
      const c = canvas as HTMLCanvasElement;
      const rgba = Array.from(c.getContext("2d")!.getImageData(x, y, 1, 1).data);
      return { width: c.width, height: c.height, rgba };
    },
    [x, y] as const,
  );
}

test("opens with the default model, a test image and the state in the URL", async () => {
  const t0 = Date.now();
  await page.goto(`${server.url}/inspect?sample=3&block=SE_3_1&channel=2`);
  await resultFor("test image 3 (Trouser)");
  console.log(`first result after ${Date.now() - t0} ms`);
  assert.equal(await page.getAttribute("table.se-top5", "data-model"), "fashion-default");
  await page.waitForSelector('.se-inspect-maps[data-block="SE_3_1"][data-channel="2"]', TIMEOUT);
  const url = new URL(page.url());
  assert.equal(url.searchParams.get("model"), "fashion-default");
  assert.equal(url.searchParams.get("sample"), "3");
  assert.equal(url.searchParams.get("block"), "SE_3_1");
  assert.equal(url.searchParams.get("channel"), "2");
  // the heatmap's table alternative lists the selected block's channels, the histograms' table every block
  assert.match(
    (await page.textContent("main")) ?? "",
    /SE_3_1: squeeze z and excitation s of each of its \d+ channels/,
  );
  assert.ok((await page.locator("table.se-table tr[data-block]").count()) >= 6);
  assert.deepEqual(watched.problems, []);
});

test("files that cannot be used are refused with a specific message and the page stays usable", async () => {
  const cases: [string, Buffer, string, RegExp][] = [
    ["empty.png", Buffer.alloc(0), "image/png", /“empty\.png” is empty \(0 bytes\)/],
    [
      "notes.jpg",
      Buffer.from("shopping list: milk, eggs\n"),
      "image/jpeg",
      /not an image: it contains text although its name ends in \.jpg/,
    ],
    [
      "cut.jpg",
      rgbJpeg(64, 64, (x, y) => [(x * 37) % 256, (y * 91) % 256, ((x + y) * 13) % 256]).subarray(0, 800),
      "image/jpeg",
      /“cut\.jpg” is cut short \(it ends after 800 bytes/,
    ],
    [
      "drawing.svg",
      Buffer.from(
        '<svg xmlns="http://www.w3.org/2000/svg" onload="window.svgRan=1"><script>window.svgRan=1;fetch("http://example.com/")</script><rect width="9" height="9"/></svg>',
      ),
      "image/svg+xml",
      /is an SVG drawing.*does not open them/,
    ],
    ["photo.heic", heicHeader(), "image/heic", /cannot decode HEIC\/HEIF .* Convert it to JPEG or PNG/],
    [
      "mystery.bin",
      Buffer.from([0, 1, 2, 3, 250, 251, 252, 253, 0, 0, 0, 7]),
      "",
      /not an image format this page knows/,
    ],
  ];
  for (const [name, bytes, mime, expected] of cases) {
    await upload(name, bytes, mime);
    const text = await refusal(name);
    assert.match(text, expected, name);
    assert.match(text, /The previous image stays\./);
    // the last good result is still there
    assert.equal(await page.getAttribute("table.se-top5", "data-image"), "test image 3 (Trouser)");
  }
  assert.equal(await page.evaluate(() => "svgRan" in window), false);
  await page.click(`${MAIN} button[data-sample]:nth-of-type(3)`);
  const name = await page.$eval(`${MAIN} .se-picker-current`, (p) =>
    p.textContent!.replace(/^Showing |\.$/g, ""),
  );
  await resultFor(name);
  // the number field follows a thumbnail click, and an emptied field is refused rather than read as image 0
  const numberField = page.locator(`${MAIN} input[type=number]`);
  const index = await page.getAttribute(`${MAIN} button[data-sample]:nth-of-type(3)`, "data-sample");
  assert.equal(await numberField.inputValue(), index);
  await numberField.fill("");
  await numberField.dispatchEvent("change");
  await page.waitForFunction(
    (main) =>
      /Type a test image number from 0 to \d+\. The current image stays\./.test(
        document.querySelector(main)?.textContent ?? "",
      ),
    MAIN,
  );
  assert.equal(await page.getAttribute("table.se-top5", "data-image"), name);
  assert.deepEqual(watched.problems, []);
});

test("unusual but valid images are decoded as displayed, with notes", async () => {
  const red = [255, 0, 0];
  const cases: { name: string; bytes: Buffer; note: RegExp; check?: () => Promise<void> }[] = [
    {
      name: "alpha.png",
      bytes: rgbaPng(4, 4, (x) => [255, 255, 255, x < 2 ? 0 : 255]),
      note: /alpha channel.*Transparent parts are shown on black/,
    },
    {
      name: "grey.png",
      bytes: png({
        width: 4,
        height: 4,
        bitDepth: 8,
        colorType: 0,
        row: () => new Uint8Array([0, 85, 170, 255]),
      }),
      note: /Greyscale image/,
    },
    {
      name: "cmyk.jpg",
      bytes: flatJpeg([255, 0, 0, 255], 0), // Adobe-inverted CMYK: no cyan, full magenta and yellow, no black
      note: /CMYK JPEG/,
      check: async () => assert.deepEqual((await shownPixel(3, 3)).rgba.slice(0, 3), red),
    },
    {
      name: "deep.png",
      bytes: png({
        width: 2,
        height: 1,
        bitDepth: 16,
        colorType: 2,
        row: () => new Uint8Array([0xff, 0xff, 0, 0, 0x80, 0, 0, 0, 0xff, 0xff, 0, 0]),
      }),
      note: /16 bits per channel/,
      check: async () => assert.deepEqual((await shownPixel(0, 0)).rgba.slice(0, 3), [255, 0, 128]),
    },
    {
      name: "blink.gif",
      bytes: animatedGif([
        [255, 0, 0],
        [0, 0, 255],
      ]),
      note: /Animated GIF with 2 frames: the first frame is used/,
      check: async () => assert.deepEqual((await shownPixel(0, 0)).rgba.slice(0, 3), red),
    },
    {
      // stored 16×8, left half red; orientation 6 turns it a quarter clockwise: 8×16, red on top
      name: "rotated.jpg",
      bytes: withExifOrientation(
        rgbJpeg(16, 8, (x) => (x < 8 ? red : [0, 0, 255])),
        6,
      ),
      note: /EXIF orientation 6/,
      check: async () => {
        const top = await shownPixel(4, 1);
        assert.deepEqual([top.width, top.height], [8, 16]);
        assert.ok(top.rgba[0] > 200 && top.rgba[2] < 60, `top pixel ${top.rgba}`);
        const bottom = await shownPixel(4, 14);
        assert.ok(bottom.rgba[2] > 200 && bottom.rgba[0] < 60, `bottom pixel ${bottom.rgba}`);
      },
    },
    {
      // the same turned photo large enough to be downscaled while decoding: the size applies as displayed
      name: "rotated-big.jpg",
      bytes: withExifOrientation(
        rgbJpeg(1200, 600, (x) => (x < 600 ? red : [0, 0, 255])),
        6,
      ),
      note: /EXIF orientation 6.*Downscaled from 600×1200 to 320×640/,
      check: async () => {
        const top = await shownPixel(160, 20);
        assert.deepEqual([top.width, top.height], [320, 640]);
        assert.ok(top.rgba[0] > 200 && top.rgba[2] < 60, `top pixel ${top.rgba}`);
        assert.ok((await shownPixel(160, 620)).rgba[2] > 200);
      },
    },
  ];
  for (const { name, bytes, note, check } of cases) {
    await upload(name, bytes);
    await resultFor(name);
    assert.match(await page.textContent(".se-preprocess-notes").then((t) => t ?? ""), note, name);
    await check?.();
  }
  assert.deepEqual(watched.problems, []);
});

test("a 10000×10000 image is downscaled while decoding without freezing the tab", async () => {
  const bytes = hugePng(10_000, 10_000);
  assert.ok(bytes.length < 100_000, `${bytes.length} bytes`);
  // Record the longest gap between timer ticks on the page's main thread while the image is decoded and run.
  await page.evaluate(() => {
    const w = window as unknown as { maxGap: number; ticker: number };
    let last = performance.now();
    w.maxGap = 0;
    w.ticker = window.setInterval(() => {
      const now = performance.now();
      w.maxGap = Math.max(w.maxGap, now - last);
      last = now;
    }, 20);
  });
  await upload("huge.png", bytes, "image/png");
  await resultFor("huge.png");
  const maxGap = await page.evaluate(() => {
    const w = window as unknown as { maxGap: number; ticker: number };
    clearInterval(w.ticker);
    return w.maxGap;
  });
  console.log(`longest main-thread gap while opening a 10000×10000 PNG: ${maxGap.toFixed(0)} ms`);
  assert.ok(maxGap < 1000, `the main thread stalled for ${maxGap} ms`);
  assert.match(
    (await page.textContent(".se-preprocess-notes")) ?? "",
    /Downscaled from 10000×10000 to 512×512/,
  );
  assert.equal((await shownPixel(0, 0)).width, 512);
  assert.deepEqual(watched.problems, []);
});

test("a second upload while the first still decodes wins, even though the first finishes later", async () => {
  await upload("slow.png", hugePng(10_000, 10_000), "image/png");
  await upload(
    "quick.png",
    rgbaPng(8, 8, () => [200, 200, 200, 255]),
    "image/png",
  );
  await resultFor("quick.png");
  // the slow decode has settled once its progress entry is gone; it must not have replaced the newer image
  await page.waitForFunction(() => !document.querySelector("[data-busy]"), undefined, TIMEOUT);
  await page.waitForTimeout(500);
  await settled();
  assert.equal(await page.getAttribute("table.se-top5", "data-image"), "quick.png");
  assert.equal(await page.textContent(`${MAIN} .se-picker-current`), "Showing quick.png.");
  assert.deepEqual(watched.problems, []);
});

test("images can be dropped and pasted", async () => {
  const bytes = [...rgbaPng(6, 6, (x, y) => [x * 40, y * 40, 128, 255])];
  const transfer = (name: string) =>
    page.evaluateHandle(
      ([bytes, name]) => {
        const dt = new DataTransfer();
        dt.items.add(new File([new Uint8Array(bytes)], name, { type: "image/png" }));
        return dt;
      },
      [bytes, name] as const,
    );
  const dropped = await transfer("dropped.png");
  await page.dispatchEvent(`${MAIN} .se-picker-drop`, "drop", { dataTransfer: dropped });
  await resultFor("dropped.png");
  const pasted = await transfer("pasted.png");
  await page.evaluate(
    (dt) => document.dispatchEvent(new ClipboardEvent("paste", { clipboardData: dt })),
    pasted,
  );
  await resultFor("pasted.png");
  assert.deepEqual(watched.problems, []);
});

test("the heatmap answers hover, click and keyboard", async () => {
  await page.click(`${MAIN} button[data-sample]`);
  await resultFor("test image 0 (Ankle boot)");
  const canvas = page.locator(".se-xheatmap canvas").first();
  // a keyboard-operated widget for screen readers, not an image, and still labelled
  assert.equal(await canvas.getAttribute("role"), "application");
  assert.equal(await canvas.getAttribute("aria-roledescription"), "heatmap");
  assert.match(
    (await canvas.getAttribute("aria-label")) ?? "",
    /^excitations of test image 0 .*Arrow keys move/,
  );
  // every column header of the top-5 table has a name, the bars' one for screen readers only
  assert.deepEqual(await page.$$eval("table.se-top5 th", (ths) => ths.map((th) => th.textContent)), [
    "class",
    "probability",
    "probability as a bar",
  ]);
  await canvas.scrollIntoViewIfNeeded();
  const box = (await canvas.boundingBox())!;
  await page.mouse.move(box.x + box.width - 4, box.y + 16 * 2 + 8); // third row, last channel
  const tip = (await page.textContent(".se-xheatmap-tip")) ?? "";
  assert.match(tip, /^SE_3_1 · channel \d+ · z = -?\d\.\d{3} · s = \d\.\d{3}$/);
  await page.mouse.click(box.x + box.width - 4, box.y + 16 * 2 + 8);
  await page.waitForSelector('.se-inspect-maps[data-block="SE_3_1"]', TIMEOUT);
  // the readout for screen readers names the clicked cell, not the one the canvas had before the click focused it
  assert.match((await page.textContent(".se-xheatmap-cell")) ?? "", /^SE_3_1 · channel /);
  await canvas.focus();
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Home");
  await page.keyboard.press("Enter");
  await page.waitForSelector('.se-inspect-maps[data-block="SE_3_2"][data-channel="0"]', TIMEOUT);
  await settled();
  assert.match(page.url(), /block=SE_3_2&channel=0/);
  assert.deepEqual(watched.problems, []);
});

test("a new width redraws the heatmap and the 3D view without a new choice or a new forward pass", async () => {
  const heatmapWidth = () => page.$eval(".se-xheatmap canvas", (c) => (c as HTMLCanvasElement).style.width);
  const wide = await heatmapWidth();
  // feature maps are only computed for a new choice: the same element after the resize means no new forward pass
  await page.evaluate(() => {
    const w = window as unknown as { maps: Element; view: HTMLElement };
    w.maps = document.querySelector(".se-inspect-maps")!;
    w.view = document.querySelector<HTMLElement>(".se-tensor3d")!;
  });
  await page.setViewportSize({ width: 900, height: 720 });
  await page.waitForFunction(
    (wide) => document.querySelector<HTMLCanvasElement>(".se-xheatmap canvas")?.style.width !== wide,
    wide,
    TIMEOUT,
  );
  await settled();
  const after = await page.evaluate(() => {
    const w = window as unknown as { maps: Element; view: HTMLElement };
    const view = document.querySelector<HTMLElement>(".se-tensor3d")!;
    return {
      sameMaps: document.querySelector(".se-inspect-maps") === w.maps,
      oldView: w.view.dataset.state,
      newView: view !== w.view && view.dataset.state,
    };
  });
  assert.deepEqual(after, { sameMaps: true, oldView: "disposed", newView: "live" });
  assert.match(page.url(), /block=SE_3_2&channel=0/);
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.waitForFunction(
    (wide) => document.querySelector<HTMLCanvasElement>(".se-xheatmap canvas")?.style.width === wide,
    wide,
    TIMEOUT,
  );
  await settled();
  assert.deepEqual(watched.problems, []);
});

test("interventions rerun the network, move only later excitations, and leak no tensors", async () => {
  const form = page.locator("form.se-intervention");
  /** Picks what replaces s and where, then waits for the rerun. */
  const apply = async (kind: string, where: string) => {
    await form.locator("select").first().selectOption(kind);
    await form.locator("select").nth(1).selectOption(where);
    const expected = (await form.locator("select").nth(1).locator("option:checked").textContent())!;
    await page.waitForFunction(
      (expected) =>
        document
          .querySelector("table.se-top5-after")
          ?.getAttribute("data-intervention")
          ?.startsWith(`${expected}:`),
      expected,
      TIMEOUT,
    );
    await settled();
  };
  await apply("one", "stage:3");
  assert.match(
    (await page.getAttribute("table.se-top5-after", "data-intervention")) ?? "",
    /every block of stage 3: s ← 1/,
  );
  assert.match(page.url(), /iv=stage:3:one/);
  const shift = await page.$$eval("tr[data-block]", (rows) =>
    rows
      .filter(
        (r) => r.closest("table")!.querySelector("th")?.textContent === "block" && r.children.length === 4,
      )
      .map(
        (r) =>
          [r.children[0].textContent, r.children[1].textContent, Number(r.children[2].textContent)] as const,
      ),
  );
  assert.ok(shift.length >= 3, JSON.stringify(shift));
  // up to the first overruled block the input is unchanged, so the computed excitations are too
  const first = shift.findIndex(([, where]) => where === "overruled");
  for (const [block, where, meanAbs] of shift.slice(0, first + 1))
    assert.equal(meanAbs, 0, `${block} (${where})`);
  assert.ok(
    shift.some(([, where, meanAbs]) => where === "downstream" && meanAbs > 0),
    JSON.stringify(shift),
  );

  await apply("mean", "block:SE_2_2");
  assert.match(page.url(), /iv=block:SE_2_2:mean/);
  await apply("clamp", "stage:2");
  assert.match(page.url(), /iv=stage:2:clamp:0.25:0.75/);
  await form.locator("input[type=number]").first().fill("0.9");
  await form.locator("input[type=number]").first().dispatchEvent("change");
  assert.match(
    (await form.locator(".se-intervention-message").textContent()) ?? "",
    /0 ≤ a ≤ b ≤ 1; a = 0.9, b = 0.75/,
  );

  const start = await tfMemory();
  for (let i = 0; i < 6; i++) await apply(["half", "one", "mean"][i % 3], i % 2 ? "stage:4" : "block:SE_3_2");
  const end = await tfMemory();
  assert.equal(end.numTensors, start.numTensors, "tensors after six more interventions");
  if (start.numBytesInGPU !== undefined) assert.equal(end.numBytesInGPU, start.numBytesInGPU);

  // no intervention: the comparison goes, and the page says why, rather than keep the last one on screen
  await form.locator("select").first().selectOption("");
  await page.waitForFunction(() => !document.querySelector("table.se-top5-after"), undefined, TIMEOUT);
  assert.match((await page.textContent("main")) ?? "", /No intervention is chosen/);
  assert.doesNotMatch(page.url(), /iv=/);
  assert.deepEqual(watched.problems, []);
});

test("two images are compared block by block", async () => {
  const rows = await page.$$eval("table.se-table tr[data-block]", (trs) =>
    trs
      .filter((tr) => /compared per block/.test(tr.closest("table")!.caption?.textContent ?? ""))
      .map((tr) => ({
        difference: Number(tr.children[1].textContent),
        cosine: Number(tr.children[2].textContent),
      })),
  );
  assert.ok(rows.length >= 6);
  for (const { difference, cosine } of rows) {
    assert.ok(difference >= 0 && difference <= 1, String(difference));
    assert.ok(cosine > 0 && cosine <= 1, String(cosine));
  }
  await page.click('.se-picker[aria-label="second image"] button[data-sample]:nth-of-type(3)');
  await page.waitForFunction(
    () => document.querySelector(".se-similarity")?.getAttribute("aria-label")?.includes("Trouser"),
    undefined,
    TIMEOUT,
  );
  await settled();
  assert.deepEqual(watched.problems, []);
});

test("a lost WebGPU device falls back to another backend and says so", async () => {
  // On a software adapter the site runs networks on wasm; the reader's backend choice puts them on WebGPU.
  if (!page.url().startsWith(server.url)) {
    await page.goto(`${server.url}/`); // storage belongs to the site's origin
    await page.waitForLoadState("networkidle");
  }
  await page.evaluate(() => localStorage.setItem("se-explorer.backend", "webgpu"));
  await page.goto(`${server.url}/inspect?sample=3`);
  await page.waitForSelector('#se-backend-badge[data-backend="webgpu"]', { ...TIMEOUT, state: "attached" });
  await resultFor("test image 3 (Trouser)");
  // interventions on WebGPU leave no tensors and no GPU buffers behind
  const form = page.locator("form.se-intervention");
  await form.locator("select").first().selectOption("half");
  await page.waitForSelector("table.se-top5-after", TIMEOUT);
  await settled();
  const start = await tfMemory();
  for (const where of ["stage:2", "block:SE_4_2", "stage:3"]) {
    await form.locator("select").nth(1).selectOption(where);
    await page.waitForFunction(
      (where) =>
        document.querySelector("table.se-top5-after")?.getAttribute("data-intervention")?.includes(where),
      where.replace("stage:", "stage ").replace("block:", ""),
      TIMEOUT,
    );
    await settled();
  }
  assert.deepEqual(await tfMemory(), start);
  assert.ok(start.numBytesInGPU !== undefined && start.numBytesInGPU > 0);
  await page.evaluate(async () => {
    const href = document.querySelector<HTMLLinkElement>(
      'link[rel="modulepreload"][href*="tfjs-core@"]',
    )!.href;
    const tf = await import(href);
    if (tf.getBackend() !== "webgpu") throw new Error(`tfjs runs on ${tf.getBackend()}, not webgpu`);
    (tf.backend() as { device: GPUDevice }).device.destroy();
  });
  await page.waitForSelector("text=The WebGPU device was lost", TIMEOUT);
  assert.match(
    (await page.textContent("main")) ?? "",
    /Switched to webgl; everything below was computed again/,
  );
  // the header badge says where the networks run now, and why
  await page.waitForSelector('#se-backend-badge[data-backend="webgl"]', { ...TIMEOUT, state: "attached" });
  assert.match(
    (await page.getAttribute("#se-backend-badge", "title")) ?? "",
    /^Networks run on webgl: the WebGPU device was lost \(.+\), and it was the next backend that started\./,
  );
  await settled();
  await page.click(`${MAIN} button[data-sample]:nth-of-type(2)`);
  await resultFor("test image 1 (Pullover)");
  assert.deepEqual(watched.problems, []);
});

test("a block or channel in the address that this model lacks is reported, not silently replaced", async () => {
  await page.evaluate(() => localStorage.removeItem("se-explorer.backend")); // the previous test chose webgpu
  await page.goto(`${server.url}/inspect?sample=3&block=SE_9_9&channel=3`);
  await resultFor("test image 3 (Trouser)");
  await page.waitForFunction(
    () =>
      /Ignored from the address: block=SE_9_9: this model's SE blocks are SE_\d+_\d+ to SE_\d+_\d+/.test(
        document.querySelector("main")?.textContent ?? "",
      ),
    undefined,
    TIMEOUT,
  );
  // the note says what is shown instead, and that is what the heatmap selects
  assert.match(
    (await page.textContent("main")) ?? "",
    /channel=3 goes with that block\. Showing SE_2_1, channel 0\./,
  );
  await page.waitForSelector('.se-inspect-maps[data-block="SE_2_1"][data-channel="0"]', TIMEOUT);
  await page.goto(`${server.url}/inspect?sample=3&block=SE_2_1&channel=5000`);
  await resultFor("test image 3 (Trouser)");
  await page.waitForFunction(
    () =>
      /channel=5000: SE_2_1 has channels 0 to \d+\. Showing SE_2_1, channel 0\./.test(
        document.querySelector("main")?.textContent ?? "",
      ),
    undefined,
    TIMEOUT,
  );
  // the channel is dropped, not moved to the block's last one
  await page.waitForSelector('.se-inspect-maps[data-block="SE_2_1"][data-channel="0"]', TIMEOUT);
  assert.match(page.url(), /block=SE_2_1&channel=0/);
  assert.deepEqual(watched.problems, []);
});

test("a model file that cannot be loaded is said in place of the results, not as broken cells", async () => {
  const cases: [RegExp, RegExp][] = [
    [/\/group1-shard[^/]*\.bin$/, /fashion-default could not be loaded: could not load \S+: HTTP 404/],
    [
      /\/model\.[^/]*json$/,
      /The installed models could not be read, so none can run: model\.json of "fashion-default": HTTP 404/,
    ],
  ];
  for (const [file, message] of cases) {
    // a fresh context: nothing cached, and no service worker between the page and the route (it claims no page)
    const own = await watchedPage(browser, [/status of 404/]);
    await own.page.route(file, (route) => route.fulfill({ status: 404, body: "gone" }));
    await own.page.goto(`${server.url}/inspect?sample=3`);
    await own.page.waitForFunction(
      (source) => new RegExp(source).test(document.querySelector("main")?.textContent ?? ""),
      message.source,
      TIMEOUT,
    );
    await own.page.waitForFunction(
      () => !document.querySelector("observablehq-loading, [data-busy]"),
      undefined,
      TIMEOUT,
    );
    const text = (await own.page.textContent("main")) ?? "";
    assert.match(
      text,
      /No predictions: (fashion-default could not be loaded|the installed models could not be read)\./,
    );
    assert.equal(await own.page.locator(".observablehq--error").count(), 0, file.source);
    assert.ok(
      own.problems.length > 0 && own.problems.every((p) => /^HTTP 404: /.test(p)),
      own.problems.join("\n"),
    );
    await own.page.context().close();
  }
});
