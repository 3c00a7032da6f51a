// Reader for NumPy's .npy format (version 1-3): magic "\x93NUMPY", version, header length, a Python dict
// literal {'descr': '<f4', 'fortran_order': False, 'shape': (2, 3, 224, 224), } padded with spaces, then
// the raw array. Only little-endian float32 in C order is accepted: that is what `np.save` writes for a
// normalised PyTorch input (`x.numpy()`), and anything else is refused with a message saying how to convert.

export interface NpyArray {
  shape: number[];
  data: Float32Array;
}

const CONVERT = `save it as float32 in C order: np.save(path, np.ascontiguousarray(x, dtype=np.float32))`;

export function parseNpy(bytes: Uint8Array, fileName = "file.npy"): NpyArray {
  const fail = (why: string): never => {
    throw new Error(`${fileName}: ${why}`);
  };
  const magic = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59]; // \x93NUMPY
  if (bytes.length < 10 || magic.some((b, i) => bytes[i] !== b))
    fail("not a .npy file (no \\x93NUMPY magic)");
  const major = bytes[6];
  if (major < 1 || major > 3) fail(`unsupported .npy version ${major}`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const [headerLength, headerStart] =
    major === 1 ? [view.getUint16(8, true), 10] : [view.getUint32(8, true), 12];
  if (headerStart + headerLength > bytes.length) fail("truncated header");
  const header = new TextDecoder().decode(bytes.subarray(headerStart, headerStart + headerLength));
  const descr = /'descr':\s*'([^']*)'/.exec(header)?.[1];
  const fortran = /'fortran_order':\s*(True|False)/.exec(header)?.[1];
  const shapeText = /'shape':\s*\(([^)]*)\)/.exec(header)?.[1];
  if (descr === undefined || fortran === undefined || shapeText === undefined)
    fail(`unreadable header ${header.trim()}`);
  if (descr !== "<f4") fail(`dtype is ${descr}, expected little-endian float32 ('<f4'); ${CONVERT}`);
  if (fortran === "True") fail(`array is in Fortran order; ${CONVERT}`);
  const shape = shapeText!
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s !== "")
    .map(Number);
  if (shape.some((d) => !Number.isSafeInteger(d) || d < 0)) fail(`invalid shape (${shapeText})`);
  const count = shape.reduce((a, b) => a * b, 1);
  const start = headerStart + headerLength;
  if (bytes.length - start !== count * 4)
    fail(`shape (${shape.join(", ")}) needs ${count * 4} data bytes, the file has ${bytes.length - start}`);
  const data = new Float32Array(count);
  for (let i = 0; i < count; i++) data[i] = view.getFloat32(start + 4 * i, true);
  return { shape, data };
}
