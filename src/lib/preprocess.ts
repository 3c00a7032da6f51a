// Evaluation preprocessing as timm / torchvision do it for ImageNet models: resize the shorter side to
// floor(inputSize / cropPct) (256 for 224 at crop 0.875), center-crop inputSize × inputSize, scale to [0, 1],
// normalise per channel. Pure arithmetic on pixel arrays (no DOM, no canvas) so Node and the browser give
// the same numbers. The resampling follows Pillow's (which torchvision calls on PIL images): a separable
// filter whose support widens by the downscale factor, i.e. antialiased, with Pillow's bicubic a = -0.5.
// Unlike Pillow's 8-bit path it keeps full precision between the two passes (differences < 1 grey level).

export type Interpolation = "bilinear" | "bicubic";

export interface Preprocessing {
  /** Per-channel mean and standard deviation, applied to pixel values scaled to [0, 1]. */
  mean: number[];
  std: number[];
  /** Shorter side after resizing, in pixels. */
  resize: number;
  /** Fraction of the resized shorter side kept by the center crop (timm's crop_pct). */
  crop: number;
  interpolation: Interpolation;
  /** Side of the square center crop that the network sees. */
  inputSize: number;
}

/** An 8-bit image, row-major, channels interleaved (1 grey, 3 RGB, 4 RGBA). */
export interface RawImage {
  width: number;
  height: number;
  channels: number;
  data: Uint8Array | Uint8ClampedArray;
}

export const IMAGENET_MEAN = [0.485, 0.456, 0.406];
export const IMAGENET_STD = [0.229, 0.224, 0.225];

export function imagenetPreprocessing(
  o: { cropPct?: number; interpolation?: Interpolation; inputSize?: number } = {},
): Preprocessing {
  const { cropPct = 0.875, interpolation = "bicubic", inputSize = 224 } = o;
  if (!(cropPct > 0 && cropPct <= 1)) throw new Error(`crop fraction must be in (0, 1], got ${cropPct}`);
  return {
    mean: IMAGENET_MEAN,
    std: IMAGENET_STD,
    resize: Math.floor(inputSize / cropPct),
    crop: cropPct,
    interpolation,
    inputSize,
  };
}

/** Fashion-MNIST images are already 28×28 grey: only pixel / 255 and the dataset's mean and std. */
export const FASHION_MNIST_PREPROCESSING: Preprocessing = {
  mean: [0.286],
  std: [0.353],
  resize: 28,
  crop: 1,
  interpolation: "bilinear",
  inputSize: 28,
};

const filters: Record<Interpolation, { support: number; f: (x: number) => number }> = {
  bilinear: { support: 1, f: (x) => Math.max(0, 1 - Math.abs(x)) },
  bicubic: {
    support: 2,
    f: (x) => {
      const a = -0.5;
      x = Math.abs(x);
      if (x < 1) return ((a + 2) * x - (a + 3)) * x * x + 1;
      if (x < 2) return (((x - 5) * x + 8) * x - 4) * a;
      return 0;
    },
  },
};

/** Resamples `length` samples along one axis to `out`: per output sample, the first input index and weights. */
function kernels(length: number, out: number, interpolation: Interpolation) {
  const { support, f } = filters[interpolation];
  const scale = length / out;
  const widen = Math.max(scale, 1);
  const result: { start: number; weights: Float64Array }[] = [];
  for (let o = 0; o < out; o++) {
    const center = (o + 0.5) * scale;
    const start = Math.max(Math.trunc(center - support * widen + 0.5), 0);
    const end = Math.min(Math.trunc(center + support * widen + 0.5), length);
    const weights = new Float64Array(end - start);
    let sum = 0;
    for (let i = start; i < end; i++) sum += weights[i - start] = f((i - center + 0.5) / widen);
    for (let i = 0; i < weights.length; i++) weights[i] /= sum;
    result.push({ start, weights });
  }
  return result;
}

/** Separable resize of an [H, W, C] image with values in [0, 255] to [outH, outW, C], clamped after each pass as Pillow does. */
export function resize(
  src: Float32Array,
  [h, w, c]: readonly [number, number, number],
  [outH, outW]: readonly [number, number],
  interpolation: Interpolation,
): Float32Array {
  const horizontal = new Float32Array(h * outW * c);
  kernels(w, outW, interpolation).forEach(({ start, weights }, x) => {
    for (let y = 0; y < h; y++)
      for (let ch = 0; ch < c; ch++) {
        let acc = 0;
        for (let k = 0; k < weights.length; k++) acc += weights[k] * src[(y * w + start + k) * c + ch];
        horizontal[(y * outW + x) * c + ch] = Math.min(255, Math.max(0, acc));
      }
  });
  const out = new Float32Array(outH * outW * c);
  kernels(h, outH, interpolation).forEach(({ start, weights }, y) => {
    for (let x = 0; x < outW; x++)
      for (let ch = 0; ch < c; ch++) {
        let acc = 0;
        for (let k = 0; k < weights.length; k++)
          acc += weights[k] * horizontal[((start + k) * outW + x) * c + ch];
        out[(y * outW + x) * c + ch] = Math.min(255, Math.max(0, acc));
      }
  });
  return out;
}

/** 8-bit image -> float pixels in [0, 255] with `channels` channels (alpha dropped, grey as ITU-R 601 luma like PIL). */
function toChannels(image: RawImage, channels: number): Float32Array {
  const { width, height, channels: c, data } = image;
  if (![1, 3, 4].includes(c)) throw new Error(`images must have 1, 3 or 4 channels, got ${c}`);
  if (!(width > 0 && height > 0)) throw new Error(`image is ${width}×${height}`);
  if (data.length !== width * height * c)
    throw new Error(
      `image data has ${data.length} values; ${width}×${height}×${c} needs ${width * height * c}`,
    );
  if (channels !== 1 && channels !== 3) throw new Error(`models take 1 or 3 input channels, not ${channels}`);
  const out = new Float32Array(width * height * channels);
  for (let p = 0; p < width * height; p++) {
    const [r, g, b] = c === 1 ? [data[p], data[p], data[p]] : [data[p * c], data[p * c + 1], data[p * c + 2]];
    if (channels === 3) out.set([r, g, b], p * 3);
    else out[p] = c === 1 ? r : (r * 299 + g * 587 + b * 114) / 1000;
  }
  return out;
}

/**
 * Where `spec` puts a `width`×`height` image: its size after torchvision's Resize(int) (the shorter side becomes
 * `resize`, the longer keeps the aspect ratio, truncated) and the top-left corner of the inputSize × inputSize
 * center crop in the resized image (torchvision's CenterCrop: offsets rounded half to even, as Python's round).
 */
export function centerCrop(
  width: number,
  height: number,
  spec: Preprocessing,
): { resizedWidth: number; resizedHeight: number; left: number; top: number } {
  const [rh, rw] =
    width <= height
      ? [Math.trunc((spec.resize * height) / width), spec.resize]
      : [spec.resize, Math.trunc((spec.resize * width) / height)];
  const size = spec.inputSize;
  if (size > rh || size > rw)
    throw new Error(
      `a ${width}×${height} image resized to ${rw}×${rh} cannot be center-cropped to ${size}×${size}`,
    );
  const roundHalfEven = (v: number) => (Math.abs(v % 1) === 0.5 ? 2 * Math.round(v / 2) : Math.round(v));
  return {
    resizedWidth: rw,
    resizedHeight: rh,
    left: roundHalfEven((rw - size) / 2),
    top: roundHalfEven((rh - size) / 2),
  };
}

/**
 * Image -> normalised network input [inputSize, inputSize, channels] (row-major HWC, ready for
 * tf.tensor4d(x, [1, inputSize, inputSize, channels])).
 */
export function preprocess(image: RawImage, spec: Preprocessing, channels: number): Float32Array {
  if (spec.mean.length !== channels || spec.std.length !== channels)
    throw new Error(
      `preprocessing has ${spec.mean.length} mean / ${spec.std.length} std values for ${channels} channels`,
    );
  const { width, height } = image;
  let pixels = toChannels(image, channels); // first: it refuses a malformed image before any arithmetic on it
  const { resizedWidth: rw, resizedHeight: rh, left, top } = centerCrop(width, height, spec);
  if (rh !== height || rw !== width)
    pixels = resize(pixels, [height, width, channels], [rh, rw], spec.interpolation);
  const size = spec.inputSize;
  const out = new Float32Array(size * size * channels);
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++)
      for (let ch = 0; ch < channels; ch++) {
        const v = pixels[((top + y) * rw + left + x) * channels + ch] / 255;
        out[(y * size + x) * channels + ch] = (v - spec.mean[ch]) / spec.std[ch];
      }
  return out;
}
