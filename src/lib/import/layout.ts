// PyTorch -> tfjs weight layouts. PyTorch stores conv kernels as [out, in/groups, kh, kw] and linear
// weights as [out, in]; tfjs convolves with [kh, kw, in/groups, out] kernels and multiplies x · W with
// W as [in, out]. timm and pretrainedmodels implement the SE excitation FCs as 1×1 convs, [C/r, C, 1, 1]
// for fc1, which become the matrices [C, C/r] (fc1) and [C/r, C] (fc2); an nn.Linear SE ([C/r, C]) is
// accepted too. Which rule applies follows from the canonical name and the expected (tfjs) shape.

export interface CanonicalTensor {
  shape: number[];
  data: Float32Array;
}

export type LayoutKind = "conv" | "matrix" | "vector";

const SE_FC = /\.se\.fc[12]\.weight$/;

export function layoutKind(name: string, tfjsShape: readonly number[]): LayoutKind {
  if (tfjsShape.length === 4) return "conv";
  if (tfjsShape.length === 2) return "matrix";
  if (tfjsShape.length === 1) return "vector";
  throw new Error(`no layout rule for "${name}" with shape [${tfjsShape.join(", ")}]`);
}

/** The PyTorch shape(s) that convert to `tfjsShape` (the first is what timm writes), for checks and messages. */
export function pytorchShapes(name: string, tfjsShape: readonly number[]): number[][] {
  const s = tfjsShape;
  switch (layoutKind(name, s)) {
    case "conv":
      return [[s[3], s[2], s[0], s[1]]];
    case "matrix":
      return SE_FC.test(name)
        ? [
            [s[1], s[0], 1, 1],
            [s[1], s[0]],
          ]
        : [[s[1], s[0]]];
    case "vector":
      return [[...s]];
  }
}

/** [O, I, kh, kw] -> [kh, kw, I, O] */
export function oihwToHwio(data: Float32Array, [o, i, kh, kw]: readonly number[]): Float32Array {
  const out = new Float32Array(data.length);
  for (let a = 0; a < o; a++)
    for (let b = 0; b < i; b++)
      for (let y = 0; y < kh; y++)
        for (let x = 0; x < kw; x++)
          out[((y * kw + x) * i + b) * o + a] = data[((a * i + b) * kh + y) * kw + x];
  return out;
}

/** [rows, cols] -> [cols, rows] */
export function transpose2d(data: Float32Array, rows: number, cols: number): Float32Array {
  const out = new Float32Array(data.length);
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) out[c * rows + r] = data[r * cols + c];
  return out;
}

/**
 * Converts one tensor from its PyTorch layout to the tfjs layout `tfjsShape`. The caller has checked that
 * `shape` is one of `pytorchShapes(name, tfjsShape)`.
 */
export function toTfjsLayout(
  name: string,
  shape: readonly number[],
  data: Float32Array,
  tfjsShape: readonly number[],
): CanonicalTensor {
  switch (layoutKind(name, tfjsShape)) {
    case "conv":
      return { shape: [...tfjsShape], data: oihwToHwio(data, shape) }; // [O, I/g, kh, kw] -> [kh, kw, I/g, O]
    case "matrix":
      return { shape: [...tfjsShape], data: transpose2d(data, shape[0], shape[1]) }; // [out, in(, 1, 1)] -> [in, out]
    case "vector":
      return { shape: [...tfjsShape], data };
  }
}
