import fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import * as fontkit from 'fontkit';
import PDFDocument from 'pdfkit';

/**
 * PDF documents with Chinese text: pdfkit lays them out, fontkit embeds only the glyphs a document
 * uses (a subset, a few dozen KB) of Noto Sans Hans Regular (SIL Open Font License), a CJK font
 * covering GB2312 shipped by the npm package @embedpdf/fonts-sc. The font is found through the
 * package (not a path into the source tree), so the compiled server finds it in node_modules too.
 */

const fontPackage = '@embedpdf/fonts-sc';
const fontFile = 'NotoSansHans-Regular.otf';

/** Where the font file is: the package's entry is dist/index.*, its fonts are in fonts/ beside dist/. */
export function cjkFontPath(): string {
  const entry = createRequire(import.meta.url).resolve(fontPackage);
  return path.join(path.dirname(entry), '..', 'fonts', fontFile);
}

// The font is read (8 MB) and parsed once, then kept: every document makes its own subset of it.
// Sharing the parsed font is safe: pdfkit lays text out and subsets synchronously, and fontkit's
// caches (glyphs, the subroutine index) only grow up to the font's own size.
let parsed: Promise<fontkit.Font> | null = null;

export function cjkFont(): Promise<fontkit.Font> {
  parsed ??= fs
    .readFile(cjkFontPath())
    .then((bytes) => fontkit.create(bytes) as fontkit.Font)
    .catch((error: unknown) => {
      parsed = null;
      throw error;
    });
  return parsed;
}

export type PdfDocument = PDFKit.PDFDocument;

/** The name under which documents register the CJK font. */
export const cjkFontName = 'cjk';

/**
 * Build an A4 document with the CJK font as its only font (no standard Helvetica reference), let
 * `draw` fill it, and return the finished bytes. Pages are buffered, so `draw` may go back to
 * number them.
 */
export async function renderPdf(info: { title: string; author?: string; language: string }, draw: (doc: PdfDocument) => void): Promise<Buffer> {
  const font = await cjkFont();
  const doc = new PDFDocument({
    size: 'A4',
    margin: 48,
    bufferPages: true,
    // null: no default standard font, which would be listed in the file without being embedded.
    font: null as unknown as string,
    lang: info.language,
    info: { Title: info.title, ...(info.author ? { Author: info.author } : {}), Creator: 'CRM' },
    displayTitle: true,
  });
  // pdfkit takes a parsed fontkit font as well as bytes (its types only list bytes and paths).
  doc.registerFont(cjkFontName, font as unknown as Buffer);
  doc.font(cjkFontName);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  try {
    draw(doc);
  } finally {
    doc.end();
  }
  return done;
}

/**
 * Whether pdfkit takes this image: it is placed on a page of a throwaway document, which is then
 * finished. Only for images inspectImage (images.ts) accepted: pdfkit decodes some PNGs in a
 * callback, where a fault in the file would throw outside this function.
 */
export async function canEmbedImage(bytes: Buffer): Promise<boolean> {
  try {
    const doc = new PDFDocument({ size: [100, 100], margin: 0, font: null as unknown as string });
    const done = new Promise<void>((resolve, reject) => {
      doc.on('data', () => undefined);
      doc.on('end', resolve);
      doc.on('error', reject);
    });
    try {
      doc.image(bytes, 0, 0, { fit: [100, 100] });
    } finally {
      doc.end();
    }
    await done;
    return true;
  } catch {
    return false;
  }
}

/** An image opened in a document: its size as it is drawn (turned as a JPEG's EXIF orientation says), and a way to draw it. */
export interface OpenedImage {
  width: number;
  height: number;
  draw(x: number, y: number, width: number, height: number): void;
}

interface PdfkitImage {
  width: number;
  height: number;
  orientation?: number;
}

/** Open an image once, so that it can be measured, then drawn (and embedded) once. */
export function openImage(doc: PdfDocument, bytes: Buffer): OpenedImage {
  // pdfkit has openImage, and image() takes what it returns; its type declarations list neither.
  const image = (doc as unknown as { openImage(src: Buffer): PdfkitImage }).openImage(bytes);
  const turned = (image.orientation ?? 1) > 4;
  return {
    width: turned ? image.height : image.width,
    height: turned ? image.width : image.height,
    draw: (x, y, width, height) => void doc.image(image as unknown as Buffer, x, y, { width, height }),
  };
}
