import zlib from 'node:zlib';

/**
 * Test images made here, byte by byte: PNGs of any colour type, depth and interlacing (the pixels a
 * pattern, or noise that does not compress), and a small JPEG.
 */
export interface PngOptions {
  width: number;
  height: number;
  /** 0 grey, 2 RGB, 3 palette, 4 grey + alpha, 6 RGBA (the default). */
  colorType?: 0 | 2 | 3 | 4 | 6;
  depth?: 1 | 2 | 4 | 8 | 16;
  interlaced?: boolean;
  /** A tRNS chunk (a transparent palette entry, grey level or colour). */
  transparency?: boolean;
  /** Pixels from a seeded random source: the file is about as large as its pixels. */
  noise?: boolean;
  /** The filter byte of every row (0 to 4 are valid). */
  filter?: number;
}

const channels = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 } as const;
const adam7: Array<[number, number, number, number]> = [[0, 0, 8, 8], [4, 0, 8, 8], [0, 4, 4, 8], [2, 0, 4, 4], [0, 2, 2, 4], [1, 0, 2, 2], [0, 1, 1, 2]];

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

export function makePng(o: PngOptions): Buffer {
  const colorType = o.colorType ?? 6;
  const depth = o.depth ?? 8;
  const bits = depth * channels[colorType];
  let seed = 12345;
  const next = () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed >> 16;
  };
  const passes = o.interlaced ? adam7 : [[0, 0, 1, 1] as [number, number, number, number]];
  const rows: Buffer[] = [];
  for (const [x0, y0, dx, dy] of passes) {
    const w = Math.ceil((o.width - x0) / dx);
    const h = Math.ceil((o.height - y0) / dy);
    if (w <= 0 || h <= 0) continue;
    for (let y = 0; y < h; y++) {
      const row = Buffer.alloc(1 + Math.ceil((w * bits) / 8));
      row[0] = o.filter ?? 0;
      // Palette images index entries 0 and 1 only; others a blue and white pattern (or noise).
      for (let i = 1; i < row.length; i++) row[i] = o.noise ? next() & 0xff : colorType === 3 ? (i + y) % 2 : (i * 37 + y * 11) & 0xff;
      rows.push(row);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(o.width, 0);
  header.writeUInt32BE(o.height, 4);
  header[8] = depth;
  header[9] = colorType;
  header[12] = o.interlaced ? 1 : 0;
  const parts = [Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header)];
  if (colorType === 3) parts.push(chunk('PLTE', Buffer.from([0x16, 0x77, 0xff, 0xff, 0xff, 0xff])));
  if (o.transparency) parts.push(chunk('tRNS', colorType === 3 ? Buffer.from([0x00]) : Buffer.alloc(colorType === 0 ? 2 : 6)));
  parts.push(chunk('IDAT', zlib.deflateSync(Buffer.concat(rows), { level: o.noise ? 0 : 9 })), chunk('IEND', Buffer.alloc(0)));
  return Buffer.concat(parts);
}

/** An 8 × 4 pixel blue JPEG (baseline, 616 bytes). */
export const smallJpeg = Buffer.from(
  '/9j/4AAQSkZJRgABAQAAAQABAAD/2wCEAAMCAgMCAgMDAwMEAwMEBQgFBQQEBQoHBwYIDAoMDAsKCwsNDhIQDQ4RDgsLEBYQERMUFRUVDA8XGBYUGBIUFRQBAwQEBQQFCQUFCRQNCw0UFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFP/AABEIAAQACAMBEQACEQEDEQH/xAGiAAABBQEBAQEBAQAAAAAAAAAAAQIDBAUGBwgJCgsQAAIBAwMCBAMFBQQEAAABfQECAwAEEQUSITFBBhNRYQcicRQygZGhCCNCscEVUtHwJDNicoIJChYXGBkaJSYnKCkqNDU2Nzg5OkNERUZHSElKU1RVVldYWVpjZGVmZ2hpanN0dXZ3eHl6g4SFhoeIiYqSk5SVlpeYmZqio6Slpqeoqaqys7S1tre4ubrCw8TFxsfIycrS09TV1tfY2drh4uPk5ebn6Onq8fLz9PX29/j5+gEAAwEBAQEBAQEBAQAAAAAAAAECAwQFBgcICQoLEQACAQIEBAMEBwUEBAABAncAAQIDEQQFITEGEkFRB2FxEyIygQgUQpGhscEJIzNS8BVictEKFiQ04SXxFxgZGiYnKCkqNTY3ODk6Q0RFRkdISUpTVFVWV1hZWmNkZWZnaGlqc3R1dnd4eXqCg4SFhoeIiYqSk5SVlpeYmZqio6Slpqeoqaqys7S1tre4ubrCw8TFxsfIycrS09TV1tfY2dri4+Tl5ufo6ery8/T19vf4+fr/2gAMAwEAAhEDEQA/AOEr+4D+Xz//2Q==',
  'base64',
);

/** A 1 × 1 GIF: a picture, but not one a logo may be. */
export const smallGif = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');
