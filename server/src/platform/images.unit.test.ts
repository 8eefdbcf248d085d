import zlib from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makePng, smallGif, smallJpeg, type PngOptions } from '../test/images.js';
import { inspectImage } from './images.js';
import { canEmbedImage } from './pdf.js';

/** What a logo file really is: the bytes decide, and what pdfkit could not embed is refused. */
describe('inspectImage', () => {
  const printable: Array<[string, PngOptions]> = [
    ['RGBA', { width: 40, height: 20 }],
    ['RGB', { width: 7, height: 3, colorType: 2 }],
    ['grey, 1 bit', { width: 9, height: 5, colorType: 0, depth: 1 }],
    ['grey + alpha, 16 bit', { width: 5, height: 5, colorType: 4, depth: 16 }],
    ['palette', { width: 10, height: 3, colorType: 3, depth: 8 }],
    ['palette, 2 bit', { width: 10, height: 3, colorType: 3, depth: 2 }],
    ['palette with a transparent entry', { width: 10, height: 3, colorType: 3, transparency: true }],
    ['RGBA, interlaced', { width: 13, height: 11, interlaced: true }],
    ['RGB, interlaced, 16 bit', { width: 9, height: 2, colorType: 2, depth: 16, interlaced: true }],
    ['interlaced, 5 pixels wide, 1 high', { width: 5, height: 1, colorType: 2, interlaced: true }],
    ['every filter', { width: 6, height: 4, colorType: 2, filter: 4 }],
  ];
  for (const [name, options] of printable) {
    it(`takes a PNG: ${name}, and pdfkit embeds it`, async () => {
      const bytes = makePng(options);
      expect(inspectImage(bytes, 2000)).toEqual({ type: 'image/png', width: options.width, height: options.height });
      expect(await canEmbedImage(bytes)).toBe(true);
    });
  }

  it('takes a JPEG with its size from the frame header', async () => {
    expect(inspectImage(smallJpeg, 2000)).toEqual({ type: 'image/jpeg', width: 8, height: 4 });
    expect(await canEmbedImage(smallJpeg)).toBe(true);
  });

  it('refuses other files by their bytes: a GIF, text, nothing', () => {
    for (const bytes of [smallGif, Buffer.from('not an image, renamed logo.png'), Buffer.alloc(0), Buffer.from([0xff, 0xd8])]) {
      expect(inspectImage(bytes, 2000)).toEqual({ problem: 'type' });
    }
  });

  it('refuses a PNG that is cut off, damaged or in a form pdfkit cannot decode', () => {
    const png = makePng({ width: 40, height: 20 });
    const damaged = Buffer.from(png);
    damaged[40] = (damaged[40] ?? 0) ^ 0xff; // inside IDAT: the checksum no longer matches
    const cases: Buffer[] = [
      png.subarray(0, png.length - 12), // no IEND
      png.subarray(0, 60),
      png.subarray(0, 8),
      damaged,
      makePng({ width: 6, height: 4, filter: 5 }), // a filter that does not exist
      makePng({ width: 6, height: 4, colorType: 3, depth: 2, transparency: true }), // pdfkit decodes it, and only whole bytes
      makePng({ width: 6, height: 4, colorType: 0, depth: 4, interlaced: true }),
      makePng({ width: 3, height: 2, colorType: 2, interlaced: true }), // png-js would misread its empty passes
    ];
    for (const [i, bytes] of cases.entries()) expect(inspectImage(bytes, 2000), `case ${i}`).toEqual({ problem: 'unreadable' });
  });

  it('refuses image data shorter than the header promises, though the file is otherwise whole', () => {
    // A 40 × 20 header over a 40 × 10 image's data, checksums right.
    const short = makePng({ width: 40, height: 10 });
    const header = short.subarray(8, 33);
    header.writeUInt32BE(20, 12);
    header.writeUInt32BE(zlib.crc32(header.subarray(4, 21)), 21);
    expect(inspectImage(short, 2000)).toEqual({ problem: 'unreadable' });
  });

  it('refuses a JPEG cut off before its end marker', () => {
    expect(inspectImage(smallJpeg.subarray(0, smallJpeg.length - 2), 2000)).toEqual({ problem: 'unreadable' });
    expect(inspectImage(smallJpeg.subarray(0, 300), 2000)).toEqual({ problem: 'unreadable' });
  });

  it('refuses more pixels than allowed before decoding any', () => {
    expect(inspectImage(makePng({ width: 2001, height: 1, colorType: 0 }), 2000)).toEqual({ problem: 'tooManyPixels' });
    expect(inspectImage(makePng({ width: 1, height: 2001, colorType: 0 }), 2000)).toEqual({ problem: 'tooManyPixels' });
    expect(inspectImage(smallJpeg, 7)).toEqual({ problem: 'tooManyPixels' });
  });
});

/** A PNG's image data replaced (inflated, changed, deflated again, checksums right): damage a checksum does not catch. */
function withImageData(png: Buffer, change: (raw: Buffer) => Buffer): Buffer {
  const parts: Buffer[] = [png.subarray(0, 8)];
  for (let pos = 8; pos < png.length; ) {
    const length = png.readUInt32BE(pos);
    let part = png.subarray(pos, pos + 12 + length);
    if (part.toString('latin1', 4, 8) === 'IDAT') {
      const data = zlib.deflateSync(change(zlib.inflateSync(part.subarray(8, 8 + length))));
      part = Buffer.alloc(12 + data.length);
      part.writeUInt32BE(data.length, 0);
      part.write('IDAT', 4, 'latin1');
      data.copy(part, 8);
      part.writeUInt32BE(zlib.crc32(part.subarray(4, 8 + data.length)), 8 + data.length);
    }
    parts.push(part);
    pos += 12 + length;
  }
  return Buffer.concat(parts);
}

describe('inspectImage against pdfkit', () => {
  // Colour types with their bit depths; any PNG of them, then its data or header changed.
  const png = fc
    .constantFrom(...([[0, [1, 2, 4, 8, 16]], [2, [8, 16]], [3, [1, 2, 4, 8]], [4, [8, 16]], [6, [8, 16]]] as const))
    .chain(([colorType, depths]) =>
      fc.record({
        colorType: fc.constant(colorType),
        depth: fc.constantFrom(...depths),
        width: fc.integer({ min: 1, max: 24 }),
        height: fc.integer({ min: 1, max: 24 }),
        interlaced: fc.boolean(),
        transparency: fc.boolean(),
      }),
    );
  const damage = fc.oneof(
    fc.constant(null),
    fc.record({ width: fc.integer({ min: 1, max: 24 }), height: fc.integer({ min: 1, max: 24 }) }).map((size) => ({ kind: 'size' as const, ...size })),
    fc.record({ at: fc.nat(), value: fc.integer({ min: 0, max: 7 }) }).map((byte) => ({ kind: 'byte' as const, ...byte })),
    fc.nat().map((keep) => ({ kind: 'cut' as const, keep })),
  );

  it('whatever it accepts, pdfkit embeds (and a fault in its decoding callback would end this process)', async () => {
    await fc.assert(
      fc.asyncProperty(png, damage, async (options, change) => {
        let bytes = makePng(options as PngOptions);
        if (change?.kind === 'size') {
          bytes = Buffer.from(bytes);
          bytes.writeUInt32BE(change.width, 16);
          bytes.writeUInt32BE(change.height, 20);
          bytes.writeUInt32BE(zlib.crc32(bytes.subarray(12, 29)), 29);
        } else if (change?.kind === 'byte') {
          bytes = withImageData(bytes, (raw) => {
            const copy = Buffer.from(raw);
            copy[change.at % copy.length] = change.value;
            return copy;
          });
        } else if (change?.kind === 'cut') bytes = withImageData(bytes, (raw) => raw.subarray(0, change.keep % raw.length));
        const info = inspectImage(bytes, 2000);
        if (!('problem' in info)) expect(await canEmbedImage(bytes)).toBe(true);
      }),
      { seed: 20261211, numRuns: 400 },
    );
  });
});
