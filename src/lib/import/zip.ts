// A minimal ZIP reader for PyTorch checkpoints. torch.save (>= 1.6) writes a ZIP archive whose entries are
// all *stored* (no compression, padded so tensor data is 64-byte aligned), so reading the central
// directory and slicing the local entries is all that is needed; compressed entries are refused. ZIP64
// records are understood because PyTorch writes them for archives past 4 GiB.

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

export function isZip(bytes: Uint8Array): boolean {
  return (
    bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04
  );
}

let crcTable: Uint32Array | undefined;

export function crc32(bytes: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = crcTable[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** Returns every entry of a ZIP archive by name, as views into `bytes` (nothing is copied). */
export function readZip(bytes: Uint8Array, fileName = "file"): Map<string, Uint8Array> {
  const fail = (why: string): never => {
    throw new Error(`${fileName} is not a readable ZIP archive: ${why}`);
  };
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (o: number) => view.getUint16(o, true);
  const u32 = (o: number) => view.getUint32(o, true);
  const u64 = (o: number) => Number(view.getBigUint64(o, true));
  let eocd = -1;
  for (let o = bytes.length - 22; o >= Math.max(0, bytes.length - 22 - 0xffff); o--) {
    if (u32(o) === EOCD) {
      eocd = o;
      break;
    }
  }
  if (eocd < 0) fail("no end-of-central-directory record (the file is truncated or not a ZIP)");
  let count = u16(eocd + 10);
  let cdSize = u32(eocd + 12);
  let cdOffset = u32(eocd + 16);
  if (eocd >= 20 && u32(eocd - 20) === ZIP64_LOCATOR) {
    const z = u64(eocd - 20 + 8);
    if (z + 56 > bytes.length || u32(z) !== ZIP64_EOCD) fail("the ZIP64 end-of-directory record is missing");
    count = u64(z + 32);
    cdSize = u64(z + 40);
    cdOffset = u64(z + 48);
  }
  if (cdOffset + cdSize > bytes.length)
    fail("the central directory lies beyond the end of the file (truncated?)");
  const entries = new Map<string, Uint8Array>();
  let p = cdOffset;
  const decoder = new TextDecoder();
  for (let i = 0; i < count; i++) {
    if (p + 46 > bytes.length || u32(p) !== CENTRAL) fail(`central directory entry ${i} is damaged`);
    const method = u16(p + 10);
    const crc = u32(p + 16);
    let compressed = u32(p + 20);
    let size = u32(p + 24);
    const nameLength = u16(p + 28);
    const extraLength = u16(p + 30);
    const commentLength = u16(p + 32);
    let local = u32(p + 42);
    const name = decoder.decode(bytes.subarray(p + 46, p + 46 + nameLength));
    // ZIP64 extended information: 64-bit values for exactly those fields that hold 0xffffffff, in order.
    for (let e = p + 46 + nameLength; e + 4 <= p + 46 + nameLength + extraLength;) {
      const id = u16(e);
      const len = u16(e + 2);
      if (id === 0x0001) {
        let q = e + 4;
        const next = () => {
          const v = u64(q);
          q += 8;
          return v;
        };
        if (size === 0xffffffff) size = next();
        if (compressed === 0xffffffff) compressed = next();
        if (local === 0xffffffff) local = next();
      }
      e += 4 + len;
    }
    p += 46 + nameLength + extraLength + commentLength;
    if (method !== 0) {
      fail(`entry "${name}" is compressed (method ${method}); PyTorch writes stored entries only`);
    }
    if (compressed !== size) fail(`entry "${name}" has different stored and original sizes`);
    if (local + 30 > bytes.length || u32(local) !== LOCAL) fail(`the local header of "${name}" is damaged`);
    const start = local + 30 + u16(local + 26) + u16(local + 28);
    if (start + size > bytes.length) fail(`entry "${name}" runs past the end of the file (truncated?)`);
    const data = bytes.subarray(start, start + size);
    if (crc32(data) !== crc) fail(`entry "${name}" fails its CRC-32 check (the file is corrupted)`);
    // A repeated name would make one of the two entries silently win.
    if (entries.has(name)) fail(`entry "${name}" appears twice`);
    entries.set(name, data);
  }
  return entries;
}
