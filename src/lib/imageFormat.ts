// What an uploaded file is, read from its first bytes rather than its name or MIME type (both can lie): the
// format, the size as displayed (EXIF orientation applied), and facts the reader should be told (16 bits per
// channel, CMYK, transparency, animation, truncation). Files that must not or cannot be decoded are refused here
// with a specific message, before any decoder sees them.

export type ImageFormat = "png" | "jpeg" | "gif" | "webp" | "bmp" | "avif" | "heic" | "tiff";

export interface ImageFacts {
  format: ImageFormat;
  /** Size as displayed (after EXIF orientation), when the header states it. */
  width?: number;
  height?: number;
  /** EXIF orientation 1–8 of a JPEG (1 when absent). */
  orientation: number;
  /** The file ends before its end marker: the decoder may fill the rest or fail. */
  truncated: boolean;
  /** Sentences about the file for the reader. */
  notes: string[];
}

/** The page decodes at most this many pixels (a 10000×10000 photo is 100 megapixels; 4 bytes each when decoded). */
export const MAX_PIXELS = 150e6;

/** Formats a browser may or may not decode; the message when it cannot. */
export const MAYBE_UNSUPPORTED: Partial<Record<ImageFormat, string>> = {
  heic: "HEIC/HEIF (the iPhone's photo format)",
  avif: "AVIF",
  tiff: "TIFF",
};

export class ImageInputError extends Error {
  override name = "ImageInputError";
}

const FORMATS = "PNG, JPEG, GIF, WebP, BMP or AVIF";

function ascii(bytes: Uint8Array, start: number, length: number): string {
  return String.fromCharCode(...bytes.subarray(start, start + length));
}

function startsWith(bytes: Uint8Array, prefix: number[], at = 0): boolean {
  return prefix.every((b, i) => bytes[at + i] === b);
}

/** True when the bytes read as text (UTF-8 without control characters other than whitespace). */
function looksLikeText(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 1024);
  try {
    const text = new TextDecoder("utf-8", { fatal: true }).decode(head);
    return !/[\x00-\x08\x0e-\x1f]/.test(text);
  } catch {
    // a multi-byte character cut at the 1024-byte boundary is still text
    return head.length === 1024 && !/[\x00-\x08\x0e-\x1f]/.test(new TextDecoder().decode(head));
  }
}

function isSvg(bytes: Uint8Array): boolean {
  const head = new TextDecoder().decode(bytes.subarray(0, 4096)).replace(/^\uFEFF/, "");
  return /^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*|<!DOCTYPE[^>]*>\s*)*<svg[\s>]/i.test(head);
}

function pngFacts(bytes: Uint8Array, view: DataView): ImageFacts {
  const facts: ImageFacts = { format: "png", orientation: 1, truncated: true, notes: [] };
  let frames = 0;
  for (let at = 8; at + 8 <= bytes.length;) {
    const length = view.getUint32(at);
    const type = ascii(bytes, at + 4, 4);
    if (type === "IHDR" && at + 21 <= bytes.length) {
      facts.width = view.getUint32(at + 8);
      facts.height = view.getUint32(at + 12);
      const depth = bytes[at + 16];
      const colour = bytes[at + 17];
      if (depth === 16) facts.notes.push("16 bits per channel: the browser reduces it to 8.");
      if (colour === 0 || colour === 4) facts.notes.push("Greyscale image.");
      if (colour === 4 || colour === 6) facts.notes.push("It has an alpha channel.");
    }
    if (type === "tRNS") facts.notes.push("It has a transparent colour.");
    if (type === "acTL" && at + 12 <= bytes.length) frames = view.getUint32(at + 8);
    if (type === "IEND") facts.truncated = false;
    at += 12 + length;
  }
  if (frames > 1) facts.notes.push(`Animated PNG with ${frames} frames: the first frame is used.`);
  return facts;
}

const SOF = new Set([0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf]);

function exifOrientation(bytes: Uint8Array, start: number, end: number): number {
  // APP1 body: "Exif\0\0", then a TIFF header (byte order, 42, offset of IFD0) and IFD0's 12-byte entries.
  if (ascii(bytes, start, 6) !== "Exif\0\0") return 1;
  const tiff = start + 6;
  if (tiff + 8 > end) return 1;
  const view = new DataView(bytes.buffer, bytes.byteOffset + tiff, end - tiff);
  const little = ascii(bytes, tiff, 2) === "II";
  const ifd = view.getUint32(4, little);
  if (ifd + 2 > view.byteLength) return 1;
  const count = view.getUint16(ifd, little);
  for (let i = 0; i < count; i++) {
    const entry = ifd + 2 + i * 12;
    if (entry + 12 > view.byteLength) break;
    if (view.getUint16(entry, little) === 0x0112) {
      const value = view.getUint16(entry + 8, little);
      return value >= 1 && value <= 8 ? value : 1;
    }
  }
  return 1;
}

function jpegFacts(bytes: Uint8Array, view: DataView): ImageFacts {
  const facts: ImageFacts = { format: "jpeg", orientation: 1, truncated: true, notes: [] };
  let components = 0;
  let at = 2;
  while (at + 4 <= bytes.length && bytes[at] === 0xff) {
    const marker = bytes[at + 1];
    if (marker === 0xff) {
      at++; // fill byte
      continue;
    }
    const length = view.getUint16(at + 2);
    const body = at + 4;
    if (marker === 0xe1)
      facts.orientation = exifOrientation(bytes, body, Math.min(at + 2 + length, bytes.length));
    if (SOF.has(marker) && body + 6 <= bytes.length) {
      facts.height = view.getUint16(body + 1);
      facts.width = view.getUint16(body + 3);
      components = bytes[body + 5];
    }
    if (marker === 0xda) {
      // Entropy-coded data stuffs every 0xFF byte, so FF D9 after the first scan can only be the end marker.
      for (let i = at + 2 + length; i + 1 < bytes.length; i++)
        if (bytes[i] === 0xff && bytes[i + 1] === 0xd9) {
          facts.truncated = false;
          break;
        }
      break;
    }
    at += 2 + length;
  }
  if (components === 4) facts.notes.push("CMYK JPEG: the browser converts it to RGB.");
  if (components === 1) facts.notes.push("Greyscale image.");
  if (facts.orientation >= 5 && facts.width !== undefined)
    [facts.width, facts.height] = [facts.height, facts.width];
  if (facts.orientation !== 1)
    facts.notes.push(`EXIF orientation ${facts.orientation}: shown as the camera meant it, rotated.`);
  return facts;
}

function gifFacts(bytes: Uint8Array, view: DataView): ImageFacts {
  const facts: ImageFacts = {
    format: "gif",
    orientation: 1,
    truncated: true,
    notes: [],
    width: view.getUint16(6, true),
    height: view.getUint16(8, true),
  };
  const skipSubBlocks = (at: number) => {
    while (at < bytes.length && bytes[at] !== 0) at += bytes[at] + 1;
    return at + 1;
  };
  let frames = 0;
  let at = 13 + (bytes[10] & 0x80 ? 3 * 2 ** ((bytes[10] & 7) + 1) : 0);
  while (at < bytes.length) {
    const kind = bytes[at];
    if (kind === 0x3b) {
      facts.truncated = false;
      break;
    }
    if (kind === 0x21) at = skipSubBlocks(at + 2);
    else if (kind === 0x2c) {
      frames++;
      const flags = bytes[at + 9];
      at = skipSubBlocks(at + 10 + (flags & 0x80 ? 3 * 2 ** ((flags & 7) + 1) : 0) + 1);
    } else break;
  }
  if (frames > 1) facts.notes.push(`Animated GIF with ${frames} frames: the first frame is used.`);
  return facts;
}

function webpFacts(bytes: Uint8Array, view: DataView): ImageFacts {
  const facts: ImageFacts = { format: "webp", orientation: 1, truncated: false, notes: [] };
  const kind = ascii(bytes, 12, 4);
  if (kind === "VP8X" && bytes.length >= 30) {
    if (bytes[20] & 0x02) facts.notes.push("Animated WebP: the first frame is used.");
    facts.width = 1 + (bytes[24] | (bytes[25] << 8) | (bytes[26] << 16));
    facts.height = 1 + (bytes[27] | (bytes[28] << 8) | (bytes[29] << 16));
  } else if (kind === "VP8 " && bytes.length >= 30) {
    facts.width = view.getUint16(26, true) & 0x3fff;
    facts.height = view.getUint16(28, true) & 0x3fff;
  } else if (kind === "VP8L" && bytes.length >= 25) {
    const bits = view.getUint32(21, true);
    facts.width = (bits & 0x3fff) + 1;
    facts.height = ((bits >> 14) & 0x3fff) + 1;
  }
  return facts;
}

/** Which ISO-BMFF image format an `ftyp` box names, if any. */
function isoFormat(bytes: Uint8Array): ImageFormat | null {
  if (ascii(bytes, 4, 4) !== "ftyp") return null;
  const size = Math.min(new DataView(bytes.buffer, bytes.byteOffset).getUint32(0), bytes.length);
  const brands = [ascii(bytes, 8, 4)];
  for (let at = 16; at + 4 <= size; at += 4) brands.push(ascii(bytes, at, 4));
  if (brands.some((b) => b === "avif" || b === "avis")) return "avif";
  if (brands.some((b) => /^(heic|heix|hevc|hevx|heim|heis|hevm|hevs|mif1|msf1)$/.test(b))) return "heic";
  return null;
}

/**
 * Identifies an uploaded file from its bytes. Throws ImageInputError for empty files, text, SVG (a document that
 * can run scripts and fetch other files, so it is never decoded here), unknown formats and images too large to
 * decode safely.
 */
export function imageFacts(bytes: Uint8Array, name: string): ImageFacts {
  const quoted = `“${name}”`;
  if (bytes.length === 0) throw new ImageInputError(`${quoted} is empty (0 bytes).`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let facts: ImageFacts | null = null;
  if (bytes.length >= 24 && startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
    facts = pngFacts(bytes, view);
  else if (bytes.length >= 4 && startsWith(bytes, [0xff, 0xd8, 0xff])) facts = jpegFacts(bytes, view);
  else if (bytes.length >= 13 && /^GIF8[79]a$/.test(ascii(bytes, 0, 6))) facts = gifFacts(bytes, view);
  else if (bytes.length >= 16 && ascii(bytes, 0, 4) === "RIFF" && ascii(bytes, 8, 4) === "WEBP")
    facts = webpFacts(bytes, view);
  else if (bytes.length >= 26 && ascii(bytes, 0, 2) === "BM")
    facts = {
      format: "bmp",
      orientation: 1,
      truncated: bytes.length < view.getUint32(2, true),
      notes: [],
      width: Math.abs(view.getInt32(18, true)),
      height: Math.abs(view.getInt32(22, true)),
    };
  else if (bytes.length >= 12 && isoFormat(bytes))
    facts = { format: isoFormat(bytes)!, orientation: 1, truncated: false, notes: [] };
  else if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a]))
    facts = { format: "tiff", orientation: 1, truncated: false, notes: [] };
  if (!facts) {
    if (isSvg(bytes))
      throw new ImageInputError(
        `${quoted} is an SVG drawing. SVG files are documents that can run scripts and load other files, so ` +
          `this page does not open them; export it as PNG first.`,
      );
    const extension = /\.([A-Za-z0-9]{1,5})$/.exec(name)?.[1];
    if (looksLikeText(bytes))
      throw new ImageInputError(
        `${quoted} is not an image: it contains text` +
          (extension ? ` although its name ends in .${extension}.` : ".") +
          ` Choose a ${FORMATS} file.`,
      );
    throw new ImageInputError(
      `${quoted} is not an image format this page knows (its first bytes match no ${FORMATS} file).`,
    );
  }
  if (facts.width === 0 || facts.height === 0)
    throw new ImageInputError(
      `${quoted} says it is ${facts.width}×${facts.height} pixels: there is nothing to show.`,
    );
  if (facts.width !== undefined && facts.height !== undefined && facts.width * facts.height > MAX_PIXELS)
    throw new ImageInputError(
      `${quoted} is ${facts.width}×${facts.height} pixels (${Math.round((facts.width * facts.height) / 1e6)} ` +
        `megapixels); this page decodes at most ${MAX_PIXELS / 1e6} megapixels. Make it smaller first.`,
    );
  if (facts.truncated)
    facts.notes.push("The file ends early (no end marker): the missing part may show as grey or black.");
  return facts;
}

/** Largest side a decoded image keeps: larger images are downscaled by the browser while it decodes them. */
export const DECODE_SIDE = 512;

/**
 * Size to decode an image of `width`×`height` at: the longer side at most DECODE_SIDE, but the shorter side no
 * smaller than `minShorter` (the model's resize target) when the image has that many pixels.
 */
export function decodeSize(
  width: number,
  height: number,
  minShorter: number,
): { width: number; height: number } {
  const shorter = Math.min(width, height);
  const scale = Math.min(1, Math.max(DECODE_SIDE / Math.max(width, height), minShorter / shorter));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}
