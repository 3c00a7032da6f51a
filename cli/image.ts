// Decoding a PNG or JPEG file in Node with pure-JS decoders (no native dependencies), for the CLIs.
import { readFile } from "node:fs/promises";
import { extname } from "node:path";
import jpeg from "jpeg-js";
import { PNG } from "pngjs";
import type { RawImage } from "../src/lib/preprocess.js";

export async function decodeImage(path: string): Promise<RawImage> {
  const bytes = await readFile(path);
  const isPng = bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  const isJpeg = bytes[0] === 0xff && bytes[1] === 0xd8;
  try {
    if (isPng) {
      const png = PNG.sync.read(bytes); // any PNG colour type -> 8-bit RGBA
      return { width: png.width, height: png.height, channels: 4, data: png.data };
    }
    if (isJpeg) {
      const img = jpeg.decode(bytes, { useTArray: true, formatAsRGBA: false, maxMemoryUsageInMB: 1024 });
      return { width: img.width, height: img.height, channels: 3, data: img.data };
    }
  } catch (e) {
    throw new Error(`${path}: cannot decode the ${isPng ? "PNG" : "JPEG"} image (${(e as Error).message})`);
  }
  throw new Error(
    `${path}: not a PNG or JPEG image (extension ${extname(path) || "none"}); convert it first`,
  );
}
