// Against Pillow (tools/fixtures/make_fixtures.py): the timm eval transform on two small images, one
// shrunk (antialiased filter) and one enlarged, with both interpolations.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import jpeg from "jpeg-js";
import { PNG } from "pngjs";
import {
  centerCrop,
  FASHION_MNIST_PREPROCESSING,
  IMAGENET_MEAN,
  IMAGENET_STD,
  imagenetPreprocessing,
  preprocess,
  type RawImage,
} from "../../src/lib/preprocess.js";

const dir = join(import.meta.dirname, "..", "fixtures");
const fx = JSON.parse(readFileSync(join(dir, "preprocess.json"), "utf8"));

function png(file: string): RawImage {
  const p = PNG.sync.read(readFileSync(join(dir, file)));
  return { width: p.width, height: p.height, channels: 4, data: p.data };
}

test("timm presets: resize = floor(inputSize / cropPct)", () => {
  assert.equal(imagenetPreprocessing().resize, 256);
  assert.equal(imagenetPreprocessing({ cropPct: 0.95 }).resize, 235);
  assert.equal(imagenetPreprocessing().interpolation, "bicubic");
  assert.throws(() => imagenetPreprocessing({ cropPct: 1.5 }), /crop fraction must be in \(0, 1\]/);
});

test("resize shorter side + center crop + normalise match Pillow within one grey level", () => {
  const level = 1 / 255 / Math.min(...IMAGENET_STD);
  for (const c of fx.cases) {
    for (const interpolation of ["bilinear", "bicubic"] as const) {
      const spec = {
        mean: IMAGENET_MEAN,
        std: IMAGENET_STD,
        resize: c.resize,
        crop: 1,
        interpolation,
        inputSize: c.crop,
      };
      const out = preprocess(png(c.png), spec, 3);
      const want: number[] = c.expected[interpolation];
      assert.equal(out.length, want.length);
      let d = 0;
      out.forEach((v, i) => (d = Math.max(d, Math.abs(v - want[i]))));
      assert.ok(d <= level, `${c.name} ${interpolation}: ${d / level} grey levels`);
    }
  }
});

test("grey conversion uses ITU-R 601 luma like Pillow; Fashion-MNIST normalisation", () => {
  const c = fx.cases[1];
  const spec = {
    ...FASHION_MNIST_PREPROCESSING,
    mean: [0],
    std: [1],
    resize: c.size[0],
    inputSize: c.size[0],
  };
  const out = preprocess(png(c.png), spec, 1); // 11×13 -> crop 11×11, no resize
  const [h, w] = c.size;
  const left = Math.round((w - h) / 2);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < h; x++) assert.ok(Math.abs(out[y * h + x] * 255 - c.grey[y * w + x + left]) <= 0.5);
  const px = new Uint8Array(28 * 28).fill(255);
  const f = preprocess({ width: 28, height: 28, channels: 1, data: px }, FASHION_MNIST_PREPROCESSING, 1);
  assert.ok(Math.abs(f[0] - (1 - 0.286) / 0.353) < 1e-6);
});

test("jpeg-js decodes like Pillow (4:4:4 JPEG, IDCT rounding only)", () => {
  for (const c of fx.cases) {
    const img = jpeg.decode(readFileSync(join(dir, c.jpg)), { useTArray: true, formatAsRGBA: false });
    let d = 0;
    img.data.forEach((v, i) => (d = Math.max(d, Math.abs(v - c.jpgDecodedByPillow[i]))));
    assert.ok(d <= 4, `${c.jpg}: ${d} levels`);
  }
});

test("center crop: shorter side to resize, longer truncated, offsets rounded half to even", () => {
  const spec = (resize: number) => ({ ...FASHION_MNIST_PREPROCESSING, resize, inputSize: 6 });
  // 11×11 stays 11×11; (11 - 6) / 2 = 2.5 rounds to 2
  assert.deepEqual(centerCrop(11, 11, spec(11)), { resizedWidth: 11, resizedHeight: 11, left: 2, top: 2 });
  // 13×20: width 13, height 20; (13 - 6) / 2 = 3.5 rounds to 4
  assert.deepEqual(centerCrop(13, 20, spec(13)), { resizedWidth: 13, resizedHeight: 20, left: 4, top: 7 });
  // 30×21 to height 10: width 30 · 10 / 21 = 14.28 truncates to 14; left (14 - 6) / 2 = 4
  assert.deepEqual(centerCrop(30, 21, spec(10)), { resizedWidth: 14, resizedHeight: 10, left: 4, top: 2 });
  assert.throws(() => centerCrop(30, 21, spec(5)), /resized to 7×5 cannot be center-cropped to 6×6/);
});

test("bad images and impossible crops are refused", () => {
  const img = { width: 4, height: 4, channels: 3, data: new Uint8Array(40) };
  assert.throws(
    () => preprocess(img, imagenetPreprocessing(), 3),
    /image data has 40 values; 4×4×3 needs 48/,
  );
  assert.throws(
    () => preprocess({ ...img, channels: 2, data: new Uint8Array(32) }, imagenetPreprocessing(), 3),
    /1, 3 or 4 channels, got 2/,
  );
  assert.throws(
    () => preprocess({ ...img, data: new Uint8Array(48) }, imagenetPreprocessing(), 1),
    /preprocessing has 3 mean \/ 3 std values for 1 channels/,
  );
  const spec = { ...imagenetPreprocessing(), resize: 200 };
  assert.throws(
    () => preprocess({ ...img, data: new Uint8Array(48) }, spec, 3),
    /resized to 200×200 cannot be center-cropped to 224×224/,
  );
});
