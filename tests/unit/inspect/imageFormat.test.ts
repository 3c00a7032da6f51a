// Identifying uploads from their bytes: formats, sizes as displayed, notes, and refusals with specific messages.
import { test } from "node:test";
import assert from "node:assert/strict";
import { decodeSize, imageFacts, MAX_PIXELS } from "../../../src/lib/imageFormat.js";
import {
  animatedGif,
  flatJpeg,
  heicHeader,
  hugePng,
  png,
  rgbaPng,
  rgbJpeg,
  withExifOrientation,
} from "../../helpers/imageFiles.js";

const grey = (bitDepth: 8 | 16, colorType: 0 | 2) =>
  png({
    width: 3,
    height: 2,
    bitDepth,
    colorType,
    row: () => new Uint8Array(3 * (bitDepth / 8) * (colorType ? 3 : 1)),
  });

test("PNG: size, bit depth, colour type, alpha, truncation", () => {
  const rgba = imageFacts(
    rgbaPng(5, 4, () => [1, 2, 3, 4]),
    "a.png",
  );
  assert.deepEqual([rgba.format, rgba.width, rgba.height, rgba.truncated], ["png", 5, 4, false]);
  assert.deepEqual(rgba.notes, ["It has an alpha channel."]);
  assert.deepEqual(imageFacts(grey(8, 0), "g.png").notes, ["Greyscale image."]);
  assert.deepEqual(imageFacts(grey(16, 2), "d.png").notes, [
    "16 bits per channel: the browser reduces it to 8.",
  ]);
  const cut = rgbaPng(5, 4, () => [1, 2, 3, 4]);
  const facts = imageFacts(cut.subarray(0, cut.length - 20), "cut.png");
  assert.equal(facts.truncated, true);
  assert.match(facts.notes.at(-1)!, /ends early/);
});

test("JPEG: size, EXIF orientation swaps the sides, CMYK and grey, truncation", () => {
  const plain = rgbJpeg(16, 8, () => [10, 20, 30]);
  assert.deepEqual(
    (({ width, height, orientation, truncated }) => ({ width, height, orientation, truncated }))(
      imageFacts(plain, "p.jpg"),
    ),
    { width: 16, height: 8, orientation: 1, truncated: false },
  );
  const turned = imageFacts(withExifOrientation(plain, 6), "t.jpg");
  assert.deepEqual([turned.width, turned.height, turned.orientation], [8, 16, 6]);
  assert.match(turned.notes.join(" "), /EXIF orientation 6/);
  const mirrored = imageFacts(withExifOrientation(plain, 2), "m.jpg");
  assert.deepEqual([mirrored.width, mirrored.height], [16, 8]);
  assert.deepEqual(imageFacts(flatJpeg([255, 0, 0, 255], 0), "c.jpg").notes, [
    "CMYK JPEG: the browser converts it to RGB.",
  ]);
  assert.deepEqual(imageFacts(flatJpeg([90]), "g.jpg").notes, ["Greyscale image."]);
  const cut = imageFacts(plain.subarray(0, plain.length - 40), "cut.jpg");
  assert.equal(cut.truncated, true);
});

test("GIF frames, HEIC, WebP, BMP and TIFF are recognised", () => {
  const gif = imageFacts(
    animatedGif([
      [255, 0, 0],
      [0, 0, 255],
      [0, 255, 0],
    ]),
    "a.gif",
  );
  assert.deepEqual([gif.format, gif.width, gif.height, gif.truncated], ["gif", 1, 1, false]);
  assert.deepEqual(gif.notes, ["Animated GIF with 3 frames: the first frame is used."]);
  assert.deepEqual(imageFacts(animatedGif([[1, 2, 3]]), "still.gif").notes, []);
  assert.equal(imageFacts(heicHeader(), "p.heic").format, "heic");
  // VP8X header of an animated 300×200 WebP
  const webp = Buffer.alloc(30);
  webp.write("RIFF", 0);
  webp.write("WEBPVP8X", 8);
  webp[20] = 0x02;
  webp.writeUIntLE(299, 24, 3);
  webp.writeUIntLE(199, 27, 3);
  const w = imageFacts(webp, "a.webp");
  assert.deepEqual([w.format, w.width, w.height], ["webp", 300, 200]);
  assert.deepEqual(w.notes, ["Animated WebP: the first frame is used."]);
  const bmp = Buffer.alloc(54);
  bmp.write("BM", 0);
  bmp.writeUInt32LE(54, 2);
  bmp.writeInt32LE(7, 18);
  bmp.writeInt32LE(-3, 22); // top-down
  const b = imageFacts(bmp, "a.bmp");
  assert.deepEqual([b.format, b.width, b.height, b.truncated], ["bmp", 7, 3, false]);
  assert.equal(imageFacts(Buffer.from([0x49, 0x49, 0x2a, 0, 8, 0, 0, 0]), "a.tif").format, "tiff");
});

test("refusals name the file and the reason", () => {
  const cases: [Uint8Array, string, RegExp][] = [
    [new Uint8Array(0), "empty.png", /“empty\.png” is empty \(0 bytes\)\.$/],
    [
      Buffer.from("Dear diary,\n"),
      "photo.jpg",
      /“photo\.jpg” is not an image: it contains text although its name ends in \.jpg/,
    ],
    [Buffer.from("just text"), "README", /contains text\. Choose a PNG, JPEG/],
    [
      Buffer.from('\uFEFF<?xml version="1.0"?>\n<!-- logo -->\n<svg xmlns="http://www.w3.org/2000/svg"/>'),
      "logo.png",
      /“logo\.png” is an SVG drawing/,
    ],
    [Buffer.from([0, 0, 0, 1, 2, 200, 201, 0]), "x.dat", /not an image format this page knows/],
    [
      png({ width: 0, height: 5, bitDepth: 8, colorType: 0, row: () => new Uint8Array(0) }),
      "z.png",
      /says it is 0×5 pixels/,
    ],
  ];
  for (const [bytes, name, message] of cases) assert.throws(() => imageFacts(bytes, name), message, name);
  // a header claiming 20000×20000 is refused before any decoding
  const huge = hugePng(20_000, 20_000);
  assert.ok(20_000 * 20_000 > MAX_PIXELS);
  assert.throws(
    () => imageFacts(huge, "big.png"),
    /20000×20000 pixels \(400 megapixels\); this page decodes at most 150/,
  );
  assert.deepEqual([imageFacts(hugePng(10_000, 10_000), "ok.png").width], [10_000]);
});

test("decode size: longer side at most 512, shorter side kept at the model's need", () => {
  assert.deepEqual(decodeSize(10_000, 10_000, 320), { width: 512, height: 512 });
  assert.deepEqual(decodeSize(400, 300, 320), { width: 400, height: 300 });
  assert.deepEqual(decodeSize(4000, 1000, 320), { width: 1280, height: 320 });
  assert.deepEqual(decodeSize(2, 1, 320), { width: 2, height: 1 });
  assert.deepEqual(decodeSize(1000, 3000, 28), { width: 171, height: 512 });
});
