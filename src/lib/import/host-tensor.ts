// A tensor read from a checkpoint file, held on the host before it becomes a tfjs tensor. Every floating
// point source dtype is widened to float32 (the only dtype the models compute in); integer tensors are
// kept as float64 so that bookkeeping buffers (BatchNorm's int64 `num_batches_tracked`) survive
// exactly and can be recognised and skipped by name rather than silently reinterpreted.

/** Element types found in safetensors and PyTorch files, named as in safetensors. */
export type SourceDType = "F64" | "F32" | "F16" | "BF16" | "I64" | "I32" | "I16" | "I8" | "U8" | "BOOL";

export interface HostTensor {
  dtype: SourceDType;
  shape: number[];
  data: Float32Array | Float64Array;
}

export const dtypeBytes: Record<SourceDType, number> = {
  F64: 8,
  F32: 4,
  F16: 2,
  BF16: 2,
  I64: 8,
  I32: 4,
  I16: 2,
  I8: 1,
  U8: 1,
  BOOL: 1,
};

export function isFloatDType(dtype: SourceDType): boolean {
  return dtype === "F64" || dtype === "F32" || dtype === "F16" || dtype === "BF16";
}

export function numel(shape: readonly number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}

/** IEEE 754 binary16 bits -> number (exact: every half is representable in float32). */
export function halfToFloat(h: number): number {
  const sign = h & 0x8000 ? -1 : 1;
  const exp = (h >> 10) & 0x1f;
  const frac = h & 0x3ff;
  if (exp === 0) return sign * frac * 2 ** -24; // zero and subnormals
  if (exp === 0x1f) return frac ? NaN : sign * Infinity;
  return sign * (1 + frac / 1024) * 2 ** (exp - 15);
}

const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);

/** number -> binary16 bits, rounding to nearest even (as numpy and PyTorch do). */
export function floatToHalf(x: number): number {
  f32[0] = x;
  const bits = u32[0];
  const sign = (bits >>> 16) & 0x8000;
  const exp = (bits >>> 23) & 0xff;
  let mant = bits & 0x7fffff;
  if (exp === 0xff) return sign | 0x7c00 | (mant ? 0x200 : 0); // inf / NaN
  let e = exp - 127 + 15;
  if (e >= 0x1f) return sign | 0x7c00; // overflow -> inf
  if (e <= 0) {
    if (e < -10) return sign; // underflow -> signed zero
    mant |= 0x800000; // make the implicit bit explicit, then shift into a subnormal
    const shift = 14 - e;
    const half = 1 << (shift - 1);
    let m = mant >>> shift;
    const rest = mant & ((1 << shift) - 1);
    if (rest > half || (rest === half && m & 1)) m++;
    return sign | m;
  }
  let m = mant >>> 13;
  const rest = mant & 0x1fff;
  if (rest > 0x1000 || (rest === 0x1000 && m & 1)) {
    m++;
    if (m === 0x400) {
      m = 0;
      e++;
      if (e >= 0x1f) return sign | 0x7c00;
    }
  }
  return sign | (e << 10) | m;
}

/**
 * Decodes `count` little-endian elements of `dtype` starting at byte `offset` of `bytes`. Works for
 * unaligned offsets (safetensors and zip entries guarantee no alignment). Never reads outside `bytes`,
 * even though its buffer may go on (a view into a whole file would otherwise yield the next entry).
 */
export function decodeElements(
  bytes: Uint8Array,
  offset: number,
  dtype: SourceDType,
  count: number,
): Float32Array | Float64Array {
  const size = count * dtypeBytes[dtype];
  if (!(offset >= 0 && offset + size <= bytes.length)) {
    throw new Error(
      `cannot read ${count} ${dtype} elements (${size} bytes) at byte ${offset} of ${bytes.length}`,
    );
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset + offset, size);
  const out = isFloatDType(dtype) ? new Float32Array(count) : new Float64Array(count);
  switch (dtype) {
    case "F32":
      for (let i = 0; i < count; i++) out[i] = view.getFloat32(4 * i, true);
      break;
    case "F64":
      for (let i = 0; i < count; i++) out[i] = view.getFloat64(8 * i, true);
      break;
    case "F16":
      for (let i = 0; i < count; i++) out[i] = halfToFloat(view.getUint16(2 * i, true));
      break;
    case "BF16":
      for (let i = 0; i < count; i++) {
        u32[0] = view.getUint16(2 * i, true) << 16;
        out[i] = f32[0];
      }
      break;
    case "I64":
      for (let i = 0; i < count; i++) out[i] = Number(view.getBigInt64(8 * i, true));
      break;
    case "I32":
      for (let i = 0; i < count; i++) out[i] = view.getInt32(4 * i, true);
      break;
    case "I16":
      for (let i = 0; i < count; i++) out[i] = view.getInt16(2 * i, true);
      break;
    case "I8":
      for (let i = 0; i < count; i++) out[i] = view.getInt8(i);
      break;
    case "U8":
    case "BOOL":
      for (let i = 0; i < count; i++) out[i] = view.getUint8(i);
      break;
  }
  return out;
}
