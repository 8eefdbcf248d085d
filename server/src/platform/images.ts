import zlib from 'node:zlib';

/**
 * What a PNG or JPEG file really is, read from its bytes (never from its name): the type, the size
 * in pixels, and whether it is whole and in a form a PDF can carry. A PNG is checked to the end:
 * every chunk's checksum, the image data inflated to exactly the rows its header promises and
 * each row's filter valid, because pdfkit decodes some PNGs (transparency, interlacing) in a
 * callback where a fault would throw outside any request. A JPEG is walked up to its first scan
 * and must end with its end marker (a cut-off download does not).
 */
export type ImageType = 'image/png' | 'image/jpeg';
export type ImageProblem = 'type' | 'unreadable' | 'tooManyPixels';
export type ImageInfo = { type: ImageType; width: number; height: number } | { problem: ImageProblem };

const pngSignature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Inspect an image; `maxSide` bounds width and height (checked before any pixel is decoded). */
export function inspectImage(bytes: Buffer, maxSide: number): ImageInfo {
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(pngSignature)) return inspectPng(bytes, maxSide);
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return inspectJpeg(bytes, maxSide);
  return { problem: 'type' };
}

const unreadable = { problem: 'unreadable' } as const;

// PNG: the bit depths each colour type allows, and its samples per pixel.
const pngDepths: Record<number, number[]> = { 0: [1, 2, 4, 8, 16], 2: [8, 16], 3: [1, 2, 4, 8], 4: [8, 16], 6: [8, 16] };
const pngChannels: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };
// Adam7 passes: first column, first row, column step, row step.
const adam7: Array<[number, number, number, number]> = [[0, 0, 8, 8], [4, 0, 8, 8], [0, 4, 4, 8], [2, 0, 4, 4], [0, 2, 2, 4], [1, 0, 2, 2], [0, 1, 1, 2]];

interface PngHeader {
  width: number;
  height: number;
  depth: number;
  colorType: number;
  interlaced: boolean;
}

function inspectPng(bytes: Buffer, maxSide: number): ImageInfo {
  let header: PngHeader | null = null;
  let palette = false;
  let transparency = false;
  let ended = false;
  const data: Buffer[] = [];
  for (let pos = 8; !ended; ) {
    if (pos + 12 > bytes.length) return unreadable;
    const length = bytes.readUInt32BE(pos);
    if (length > bytes.length - pos - 12) return unreadable;
    const type = bytes.toString('latin1', pos + 4, pos + 8);
    const body = bytes.subarray(pos + 8, pos + 8 + length);
    if (zlib.crc32(bytes.subarray(pos + 4, pos + 8 + length)) !== bytes.readUInt32BE(pos + 8 + length)) return unreadable;
    if ((header === null) !== (type === 'IHDR')) return unreadable; // IHDR first, and once
    if (type === 'IHDR') {
      if (length !== 13 || body[10] !== 0 || body[11] !== 0 || (body[12] !== 0 && body[12] !== 1)) return unreadable;
      header = { width: body.readUInt32BE(0), height: body.readUInt32BE(4), depth: body[8] ?? 0, colorType: body[9] ?? 0, interlaced: body[12] === 1 };
    } else if (type === 'PLTE') palette = true;
    else if (type === 'tRNS') {
      // pdfkit reads it by the colour type: as the format allows it (a grey level, a colour, palette entries), and nowhere else.
      const colorType = header?.colorType;
      const allowed = colorType === 0 ? length === 2 : colorType === 2 ? length === 6 : colorType === 3 && palette && length > 0;
      if (!allowed || transparency) return unreadable;
      transparency = true;
    } else if (type === 'IDAT') data.push(body);
    else if (type === 'IEND') ended = true;
    pos += 12 + length;
  }
  if (!header || data.length === 0) return unreadable;
  const { width, height, depth, colorType, interlaced } = header;
  // A palette only with palette colours: pdfkit would draw a true-colour image with a suggested palette through it.
  if (!pngDepths[colorType]?.includes(depth) || palette !== (colorType === 3) || width < 1 || height < 1) return unreadable;
  if (width > maxSide || height > maxSide) return { problem: 'tooManyPixels' };
  // pdfkit decodes the pixels itself (png-js) for an alpha channel, a transparent palette or
  // interlacing. That decoder only knows whole bytes per sample, and reads a filter byte for each
  // row of an interlaced pass that has no columns, which the format leaves out (an image less
  // than 5 pixels wide has such passes): it would misread the rows after it.
  const decoded = colorType === 4 || colorType === 6 || (colorType === 3 && transparency) || interlaced;
  if (decoded && depth < 8) return unreadable;
  if (interlaced && width < 5) return unreadable;
  const bitsPerPixel = depth * (pngChannels[colorType] ?? 1);
  const passes = (interlaced ? adam7 : [[0, 0, 1, 1] as [number, number, number, number]])
    .map(([x0, y0, dx, dy]) => ({ rows: Math.ceil((height - y0) / dy), rowBytes: 1 + Math.ceil((Math.ceil((width - x0) / dx) * bitsPerPixel) / 8) }))
    .filter((p) => p.rows > 0 && p.rowBytes > 1);
  const expected = passes.reduce((sum, p) => sum + p.rows * p.rowBytes, 0);
  let raw: Buffer;
  try {
    raw = zlib.inflateSync(Buffer.concat(data), { maxOutputLength: expected + 1024 });
  } catch {
    return unreadable;
  }
  if (raw.length < expected) return unreadable;
  // Every row starts with its filter: 0 to 4.
  let at = 0;
  for (const pass of passes) {
    for (let row = 0; row < pass.rows; row++, at += pass.rowBytes) if ((raw[at] ?? 255) > 4) return unreadable;
  }
  return { type: 'image/png', width, height };
}

// JPEG start-of-frame markers a PDF reader decodes: baseline, extended and progressive (Huffman).
const jpegFrames = new Set([0xc0, 0xc1, 0xc2]);
// Every other start of frame: lossless, hierarchical, arithmetic coding.
const otherFrames = new Set([0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf]);

function inspectJpeg(bytes: Buffer, maxSide: number): ImageInfo {
  let frame: { width: number; height: number } | null = null;
  let pos = 2;
  for (;;) {
    if (pos >= bytes.length || bytes[pos] !== 0xff) return unreadable;
    while (bytes[pos] === 0xff) pos++; // fill bytes
    const marker = bytes[pos++];
    if (marker === undefined || marker === 0xd9) return unreadable; // ends before any picture
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) continue; // no length
    if (pos + 2 > bytes.length) return unreadable;
    const length = bytes.readUInt16BE(pos);
    if (length < 2 || pos + length > bytes.length) return unreadable;
    if (otherFrames.has(marker)) return unreadable;
    if (jpegFrames.has(marker)) {
      if (frame || length < 8) return unreadable;
      const components = bytes[pos + 7] ?? 0;
      if (bytes[pos + 2] !== 8 || ![1, 3, 4].includes(components) || length !== 8 + 3 * components) return unreadable;
      frame = { height: bytes.readUInt16BE(pos + 3), width: bytes.readUInt16BE(pos + 5) };
      if (frame.width < 1 || frame.height < 1) return unreadable;
      if (frame.width > maxSide || frame.height > maxSide) return { problem: 'tooManyPixels' };
    }
    if (marker === 0xda) {
      if (!frame) return unreadable;
      // Inside the scans a 0xFF byte is always followed by 0x00 or a restart marker: the first
      // FFD9 after the first scan's header is the end of the image, and a whole file has one.
      const end = bytes.indexOf(Buffer.from([0xff, 0xd9]), pos + length);
      return end > pos + length ? { type: 'image/jpeg', ...frame } : unreadable;
    }
    pos += length;
  }
}
