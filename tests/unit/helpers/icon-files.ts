// Just enough of the PNG, ICO and ICNS layouts to say what an icon file holds.
// PNG: 8-byte signature, then the IHDR chunk (width and height, big-endian, at 16 and 20).
// ICO (ICONDIR): reserved 0, type 1, count; then 16-byte entries: width (0 = 256), height,
// colours, reserved, planes, bits per pixel, size, offset; each image is a PNG or a bitmap.
// ICNS: 'icns' + total length, then chunks of 4-byte type + length (header included) + data.

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export const isPng = (b: Buffer): boolean => b.subarray(0, 8).equals(PNG_SIGNATURE);

export function pngSize(b: Buffer): { width: number; height: number } {
  if (!isPng(b) || b.toString('latin1', 12, 16) !== 'IHDR') throw new Error('not a PNG');
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

export interface IcoEntry {
  width: number;
  height: number;
  bitsPerPixel: number;
  png: boolean;
}

export function icoEntries(b: Buffer): IcoEntry[] {
  if (b.readUInt16LE(0) !== 0 || b.readUInt16LE(2) !== 1) throw new Error('not an ICO');
  return Array.from({ length: b.readUInt16LE(4) }, (_, i) => {
    const e = 6 + 16 * i;
    const size = b.readUInt32LE(e + 8);
    const offset = b.readUInt32LE(e + 12);
    if (offset + size > b.length) throw new Error(`ICO entry ${i} runs past the end of the file`);
    return {
      width: b[e] || 256,
      height: b[e + 1] || 256,
      bitsPerPixel: b.readUInt16LE(e + 6),
      png: isPng(b.subarray(offset, offset + size)),
    };
  });
}

export function icnsChunks(b: Buffer): Map<string, Buffer> {
  if (b.toString('latin1', 0, 4) !== 'icns' || b.readUInt32BE(4) !== b.length) throw new Error('not an ICNS (or its length is wrong)');
  const chunks = new Map<string, Buffer>();
  for (let o = 8; o < b.length;) {
    const length = b.readUInt32BE(o + 4);
    if (length < 8 || o + length > b.length) throw new Error(`ICNS chunk at ${o} has a bad length ${length}`);
    chunks.set(b.toString('latin1', o, o + 4), b.subarray(o + 8, o + length));
    o += length;
  }
  return chunks;
}
