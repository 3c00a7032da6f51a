// The idx format of MNIST-style datasets (big-endian magic 0x0000 08 <rank>, then the dimensions as u32, then
// unsigned bytes), as in Fashion-MNIST's t10k-images-idx3-ubyte. Pure: callers pass the (gunzipped) bytes.

export interface IdxArray {
  shape: number[];
  data: Uint8Array;
}

export function parseIdx(bytes: Uint8Array, name = "idx file"): IdxArray {
  if (bytes.length < 4) throw new Error(`${name}: too short for an idx header`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint16(0) !== 0 || bytes[2] !== 0x08)
    throw new Error(`${name}: not an unsigned-byte idx file (magic ${[...bytes.subarray(0, 4)].join(" ")})`);
  const rank = bytes[3];
  if (bytes.length < 4 + 4 * rank)
    throw new Error(`${name}: header promises ${rank} dimensions but the file ends`);
  const shape = Array.from({ length: rank }, (_, i) => view.getUint32(4 + 4 * i));
  const size = shape.reduce((a, b) => a * b, 1);
  const offset = 4 + 4 * rank;
  if (bytes.length !== offset + size)
    throw new Error(
      `${name}: ${shape.join("×")} needs ${size} bytes of data, the file has ${bytes.length - offset}`,
    );
  return { shape, data: bytes.subarray(offset) };
}
