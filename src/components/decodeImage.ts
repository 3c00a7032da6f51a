// Decoding an uploaded image in the browser: the bytes are identified first (src/lib/imageFormat.ts refuses what
// must not be decoded), then createImageBitmap decodes them in a worker, applying EXIF orientation and, for large
// images, downscaling as it decodes, so that a 100-megapixel photo does not freeze the tab.
import {
  decodeSize,
  ImageInputError,
  imageFacts,
  MAYBE_UNSUPPORTED,
  type ImageFacts,
} from "../lib/imageFormat.js";
import type { RawImage } from "../lib/preprocess.js";

export interface DecodedImage {
  name: string;
  /** RGBA, as displayed (oriented), possibly downscaled. */
  image: RawImage;
  facts: ImageFacts;
  /** Some pixel is not fully opaque. */
  transparent: boolean;
  /** Size before the browser downscaled it, when it did. */
  original?: { width: number; height: number };
}

// Decoding runs in a worker: createImageBitmap's resize of a huge image takes the calling thread for up to a second,
// and only a worker keeps that off the page. Self-contained source, started from a blob: URL (nothing is fetched).
const WORKER_SOURCE = `
onmessage = async ({ data: { blob, options } }) => {
  try {
    const bitmap = await createImageBitmap(blob, options);
    const { width, height } = bitmap;
    const context = new OffscreenCanvas(width, height).getContext("2d", { willReadFrequently: true });
    if (!context) throw new Error("no 2D canvas to read the pixels from");
    context.drawImage(bitmap, 0, 0);
    bitmap.close();
    const { data } = context.getImageData(0, 0, width, height);
    postMessage({ width, height, data }, [data.buffer]);
  } catch (error) {
    postMessage({ error: error instanceof Error ? error.message : String(error) });
  }
};`;

type Decoded = { width: number; height: number; data: Uint8ClampedArray };

function decodeInWorker(blob: Blob, options: ImageBitmapOptions): Promise<Decoded> {
  const url = URL.createObjectURL(new Blob([WORKER_SOURCE], { type: "text/javascript" }));
  const worker = new Worker(url);
  URL.revokeObjectURL(url);
  return new Promise<Decoded>((resolve, reject) => {
    worker.onmessage = ({ data }: MessageEvent<Decoded | { error: string }>) =>
      "error" in data ? reject(new Error(data.error)) : resolve(data);
    worker.onerror = (event) => reject(new Error(event.message || "the decoding worker failed"));
    worker.postMessage({ blob, options });
  }).finally(() => worker.terminate());
}

function bitmapOptions(facts: ImageFacts, minShorter: number): ImageBitmapOptions {
  const size =
    facts.width !== undefined && facts.height !== undefined
      ? decodeSize(facts.width, facts.height, minShorter)
      : undefined;
  const downscale = size && facts.width !== undefined && size.width < facts.width;
  return {
    imageOrientation: "from-image",
    premultiplyAlpha: "none",
    ...(downscale ? { resizeWidth: size.width, resizeHeight: size.height, resizeQuality: "high" } : {}),
  };
}

/** Decodes `file` (named `name`); `minShorter` is the smallest shorter side the model's preprocessing needs. */
export async function decodeImage(file: Blob, name: string, minShorter: number): Promise<DecodedImage> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const facts = imageFacts(bytes, name);
  let decoded: Decoded;
  try {
    decoded = await decodeInWorker(file, bitmapOptions(facts, minShorter));
  } catch (error) {
    const unsupported = MAYBE_UNSUPPORTED[facts.format];
    if (unsupported)
      throw new ImageInputError(
        `This browser cannot decode ${unsupported} images, so “${name}” cannot be opened here. ` +
          `Convert it to JPEG or PNG first.`,
      );
    throw new ImageInputError(
      facts.truncated
        ? `“${name}” is cut short (it ends after ${bytes.length.toLocaleString("en-US")} bytes, before its ` +
            `end marker) and the browser could not decode what is there.`
        : `The browser could not decode “${name}” as ${facts.format.toUpperCase()} (${(error as Error).message}).`,
    );
  }
  const { width, height, data } = decoded;
  let transparent = false;
  for (let i = 3; i < data.length; i += 4)
    if (data[i] < 255) {
      transparent = true;
      break;
    }
  const downscaled = facts.width !== undefined && facts.height !== undefined && width < facts.width;
  return {
    name,
    image: { width, height, channels: 4, data },
    facts,
    transparent,
    ...(downscaled ? { original: { width: facts.width!, height: facts.height! } } : {}),
  };
}
