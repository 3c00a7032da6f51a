// From a decoded image to what the network sees: transparency flattened onto the background the model was trained
// with, the model's preprocessing (src/lib/preprocess.ts), the crop it takes (as a box in the image) and the
// network input turned back into displayable pixels.
import type { ModelDescriptor } from "./import/manifest.js";
import { centerCrop, preprocess, type Preprocessing, type RawImage } from "./preprocess.js";

export interface NetworkInput {
  /** Normalised input [inputSize, inputSize, channels], HWC. */
  x: Float32Array;
  /** The region of the image the center crop keeps, in image pixels. */
  crop: { x: number; y: number; width: number; height: number };
  /** The input as the network sees it, denormalised: RGBA, inputSize × inputSize. */
  pixels: Uint8ClampedArray;
  notes: string[];
}

/** Composites an RGBA image onto a flat grey level (0 black, 255 white) and drops alpha. */
export function flattenAlpha(image: RawImage, background: number): RawImage {
  if (image.channels !== 4) return image;
  const n = image.width * image.height;
  const data = new Uint8ClampedArray(n * 3);
  for (let p = 0; p < n; p++) {
    const a = image.data[p * 4 + 3] / 255;
    for (let c = 0; c < 3; c++)
      data[p * 3 + c] = Math.round(image.data[p * 4 + c] * a + background * (1 - a));
  }
  return { width: image.width, height: image.height, channels: 3, data };
}

/** The center crop of `spec` as a box in a `width`×`height` image: preprocess's crop, scaled back from the resize. */
export function cropBox(width: number, height: number, spec: Preprocessing): NetworkInput["crop"] {
  const { resizedWidth: rw, resizedHeight: rh, left, top } = centerCrop(width, height, spec);
  return {
    x: (left * width) / rw,
    y: (top * height) / rh,
    width: (spec.inputSize * width) / rw,
    height: (spec.inputSize * height) / rh,
  };
}

/** The normalised input back in 8-bit RGBA (grey inputs repeated in R, G and B). */
export function inputPixels(x: Float32Array, spec: Preprocessing, channels: number): Uint8ClampedArray {
  const n = spec.inputSize * spec.inputSize;
  const out = new Uint8ClampedArray(n * 4);
  for (let p = 0; p < n; p++) {
    for (let c = 0; c < 3; c++) {
      const k = channels === 1 ? 0 : c;
      out[p * 4 + c] = Math.round((x[p * channels + k] * spec.std[k] + spec.mean[k]) * 255);
    }
    out[p * 4 + 3] = 255;
  }
  return out;
}

/**
 * Prepares `image` for the model `descriptor` describes. Fashion-MNIST garments are light on black, so transparent
 * parts become black for it and white (the usual photo background) for other models.
 */
export function networkInput(
  image: RawImage,
  descriptor: ModelDescriptor,
  transparent = false,
): NetworkInput {
  const spec = descriptor.preprocessing;
  const channels = descriptor.config.inputChannels;
  const background = descriptor.labels === "fashion-mnist" ? 0 : 255;
  const notes: string[] = [];
  if (transparent)
    notes.push(
      `Transparent parts are shown on ${background ? "white" : "black"}, the background this model knows.`,
    );
  const colour = image.channels >= 3;
  if (channels === 1 && colour)
    notes.push("This model takes greyscale input: colours become their luminance.");
  if (channels === 3 && !colour)
    notes.push("A greyscale image: the model gets the grey in all three channels.");
  // preprocess drops alpha itself; only a transparent image needs compositing first
  const x = preprocess(transparent ? flattenAlpha(image, background) : image, spec, channels);
  return { x, crop: cropBox(image.width, image.height, spec), pixels: inputPixels(x, spec, channels), notes };
}
