// Image files for upload tests, made byte by byte (PNG chunks, a one-block baseline JPEG with any number of
// components, a GIF89a with LZW codes written out) or with jpeg-js, so that each test states exactly what it feeds.
import { crc32, deflateSync } from "node:zlib";
import jpeg from "jpeg-js";

function u32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n >>> 0);
  return b;
}

function chunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
  return Buffer.concat([u32(data.length), body, u32(crc32(body))]);
}

export interface PngSpec {
  width: number;
  height: number;
  bitDepth: 1 | 8 | 16;
  /** 0 grey, 2 RGB, 4 grey + alpha, 6 RGBA. */
  colorType: 0 | 2 | 4 | 6;
  /** Unfiltered bytes of row y (without the filter byte). */
  row: (y: number) => Uint8Array;
  /** Extra chunks before IDAT (e.g. acTL). */
  extra?: Buffer[];
}

export function png(spec: PngSpec): Buffer {
  const { width, height, bitDepth, colorType, row } = spec;
  const ihdr = Buffer.concat([u32(width), u32(height), Buffer.from([bitDepth, colorType, 0, 0, 0])]);
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y++) rows.push(Buffer.from([0]), Buffer.from(row(y)));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    ...(spec.extra ?? []),
    chunk("IDAT", deflateSync(Buffer.concat(rows))),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/** An 8-bit RGBA PNG whose pixel (x, y) is `pixel(x, y)`. */
export function rgbaPng(width: number, height: number, pixel: (x: number, y: number) => number[]): Buffer {
  return png({
    width,
    height,
    bitDepth: 8,
    colorType: 6,
    row: (y) => Uint8Array.from({ length: width * 4 }, (_, i) => pixel(Math.floor(i / 4), y)[i % 4]),
  });
}

/** A baseline JPEG (jpeg-js, 4:2:0) of an RGB image, quality 95. */
export function rgbJpeg(width: number, height: number, pixel: (x: number, y: number) => number[]): Buffer {
  const data = Buffer.alloc(width * height * 4);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) data.set([...pixel(x, y), 255], (y * width + x) * 4);
  return Buffer.from(jpeg.encode({ data, width, height }, 95).data);
}

/** Inserts an Exif APP1 segment with only the Orientation tag (1–8) after a JPEG's SOI marker. */
export function withExifOrientation(jpegBytes: Buffer, orientation: number): Buffer {
  const header = [0x4d, 0x4d, 0x00, 0x2a, 0, 0, 0, 8]; // big-endian TIFF, IFD0 at offset 8
  const entry = [0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, orientation, 0, 0]; // tag 0x0112 Orientation, one SHORT
  const tiff = Buffer.from([...header, 0, 1, ...entry, 0, 0, 0, 0]); // one entry, no next IFD
  const body = Buffer.concat([Buffer.from("Exif\0\0", "latin1"), tiff]);
  const length = Buffer.alloc(2);
  length.writeUInt16BE(body.length + 2);
  return Buffer.concat([
    jpegBytes.subarray(0, 2),
    Buffer.from([0xff, 0xe1]),
    length,
    body,
    jpegBytes.subarray(2),
  ]);
}

function segment(marker: number, body: number[]): number[] {
  const n = body.length + 2;
  return [0xff, marker, n >> 8, n & 255, ...body];
}

/**
 * An 8×8 baseline JPEG of one flat colour with `levels.length` components (1 grey, 3 YCbCr, 4 CMYK), each
 * component one block holding only its DC coefficient (quantiser 1). `adobe` adds an APP14 "Adobe" segment
 * with that colour transform (0: none, i.e. CMYK stored inverted as Photoshop writes it).
 */
export function flatJpeg(levels: number[], adobe?: number): Buffer {
  const n = levels.length;
  const bytes: number[] = [0xff, 0xd8];
  if (adobe !== undefined)
    bytes.push(...segment(0xee, [...Buffer.from("Adobe", "latin1"), 0, 100, 0, 0, 0, 0, adobe]));
  bytes.push(...segment(0xdb, [0, ...new Array(64).fill(1)]));
  const components = levels.flatMap((_, i) => [i + 1, 0x11, 0]);
  bytes.push(...segment(0xc0, [8, 0, 8, 0, 8, n, ...components]));
  // DC table: categories 0–11, all with 4-bit codes (canonical: category k -> code k). AC table: EOB only, code "0".
  const dcCounts = [0, 0, 0, 12, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
  bytes.push(...segment(0xc4, [0x00, ...dcCounts, ...Array.from({ length: 12 }, (_, k) => k)]));
  bytes.push(...segment(0xc4, [0x10, 1, ...new Array(15).fill(0), 0x00]));
  bytes.push(...segment(0xda, [n, ...levels.flatMap((_, i) => [i + 1, 0x00]), 0, 63, 0]));
  let bits = "";
  for (const level of levels) {
    const dc = 8 * (level - 128); // DCT of a flat block: F(0,0) = 8 (v - 128)
    const category = dc === 0 ? 0 : Math.floor(Math.log2(Math.abs(dc))) + 1;
    const extra = dc >= 0 ? dc : dc + (1 << category) - 1;
    bits += category.toString(2).padStart(4, "0");
    if (category) bits += extra.toString(2).padStart(category, "0");
    bits += "0"; // EOB
  }
  bits = bits.padEnd(Math.ceil(bits.length / 8) * 8, "1");
  for (let i = 0; i < bits.length; i += 8) {
    const byte = parseInt(bits.slice(i, i + 8), 2);
    bytes.push(byte, ...(byte === 0xff ? [0] : []));
  }
  bytes.push(0xff, 0xd9);
  return Buffer.from(bytes);
}

/** A 1×1 GIF89a that loops through `colours` (one frame each, 10 ms apart). */
export function animatedGif(colours: [number, number, number][]): Buffer {
  const size = 2 ** Math.max(1, Math.ceil(Math.log2(colours.length)));
  const bitsPerEntry = Math.log2(size);
  const table = Array.from({ length: size }, (_, i) => colours[i] ?? [0, 0, 0]).flat();
  const bytes: number[] = [...Buffer.from("GIF89a", "latin1"), 1, 0, 1, 0, 0x80 | (bitsPerEntry - 1), 0, 0];
  bytes.push(...table);
  bytes.push(0x21, 0xff, 11, ...Buffer.from("NETSCAPE2.0", "latin1"), 3, 1, 0, 0, 0);
  const minCode = Math.max(2, bitsPerEntry);
  colours.forEach((_, i) => {
    bytes.push(0x21, 0xf9, 4, 0, 1, 0, 0, 0); // graphic control: 10 ms delay
    bytes.push(0x2c, 0, 0, 0, 0, 1, 0, 1, 0, 0); // 1×1 frame at (0, 0)
    // LZW: clear, index i, end — three codes of minCode + 1 bits, packed least significant bit first.
    const width = minCode + 1;
    const codes = [1 << minCode, i, (1 << minCode) + 1];
    let acc = 0;
    codes.forEach((c, k) => (acc |= c << (k * width)));
    const packed = [];
    for (let b = 0; b < codes.length * width; b += 8) packed.push((acc >> b) & 255);
    bytes.push(minCode, packed.length, ...packed, 0);
  });
  bytes.push(0x3b);
  return Buffer.from(bytes);
}

/** The start of a HEIC file: an ISO-BMFF `ftyp` box with brand heic, then an empty `meta` box. */
export function heicHeader(): Buffer {
  const ftyp = Buffer.concat([u32(24), Buffer.from("ftypheic", "latin1"), u32(0), Buffer.from("mif1heic")]);
  return Buffer.concat([ftyp, u32(8), Buffer.from("meta", "latin1")]);
}

/** A `width`×`height` 1-bit greyscale PNG, white with one black row in the middle: tiny on disk, huge decoded. */
export function hugePng(width: number, height: number): Buffer {
  const white = new Uint8Array(Math.ceil(width / 8)).fill(255);
  const black = new Uint8Array(white.length);
  return png({ width, height, bitDepth: 1, colorType: 0, row: (y) => (y === height >> 1 ? black : white) });
}
