/**
 * What a file really is: the allowed extension must agree with the first bytes, so a renamed
 * executable or HTML page is refused. Extensions an administrator adds without a known signature
 * are accepted as opaque bytes (always served as application/octet-stream, as a download).
 */
const ooxml = 'application/vnd.openxmlformats-officedocument';
const jpeg = { mime: 'image/jpeg', check: (b: Buffer) => b.length > 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff };
const types: Record<string, { mime: string; check: (b: Buffer) => boolean }> = {
  pdf: { mime: 'application/pdf', check: (b) => starts(b, '%PDF-') },
  png: { mime: 'image/png', check: (b) => starts(b, '\x89PNG\r\n\x1a\n') },
  jpg: jpeg,
  jpeg,
  gif: { mime: 'image/gif', check: (b) => starts(b, 'GIF87a') || starts(b, 'GIF89a') },
  webp: { mime: 'image/webp', check: (b) => starts(b, 'RIFF') && b.subarray(8, 12).toString('latin1') === 'WEBP' },
  zip: { mime: 'application/zip', check: isZip },
  docx: { mime: `${ooxml}.wordprocessingml.document`, check: (b) => isOfficeZip(b, 'word/') },
  xlsx: { mime: `${ooxml}.spreadsheetml.sheet`, check: (b) => isOfficeZip(b, 'xl/') },
  pptx: { mime: `${ooxml}.presentationml.presentation`, check: (b) => isOfficeZip(b, 'ppt/') },
  doc: { mime: 'application/msword', check: isOle },
  xls: { mime: 'application/vnd.ms-excel', check: isOle },
  ppt: { mime: 'application/vnd.ms-powerpoint', check: isOle },
  txt: { mime: 'text/plain', check: (b) => textEncoding(b) !== null },
  csv: { mime: 'text/csv', check: (b) => textEncoding(b) !== null },
};

function starts(b: Buffer, magic: string): boolean {
  return b.length >= magic.length && b.subarray(0, magic.length).toString('latin1') === magic;
}

function isZip(b: Buffer): boolean {
  return starts(b, 'PK\x03\x04') || starts(b, 'PK\x05\x06');
}

/** Office Open XML: a zip whose (never compressed) entry names include the content types and the part folder. */
function isOfficeZip(b: Buffer, folder: string): boolean {
  return starts(b, 'PK\x03\x04') && b.includes('[Content_Types].xml', 0, 'latin1') && b.includes(folder, 0, 'latin1');
}

function isOle(b: Buffer): boolean {
  return b.length >= 8 && b.subarray(0, 8).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]));
}

/** 'utf-8' or 'gbk' for plain text (no NUL or other control bytes but tab, CR, LF, FF), else null. */
export function textEncoding(b: Buffer): 'utf-8' | 'gbk' | null {
  for (const byte of b) {
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c) return null;
    if (byte === 0x7f) return null;
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(b);
    return 'utf-8';
  } catch {
    try {
      new TextDecoder('gbk', { fatal: true }).decode(b);
      return 'gbk';
    } catch {
      return null;
    }
  }
}

/** The extension of a file name, lowercase, or null. */
export function extensionOf(fileName: string): string | null {
  const m = /\.([^.]+)$/.exec(fileName);
  return m?.[1] ? m[1].toLowerCase() : null;
}

/**
 * Whether the bytes are what the extension says, and the content type to serve them with
 * (text with its detected charset; unknown extensions as application/octet-stream).
 */
export function checkContent(ext: string, file: Buffer): { ok: boolean; mime: string } {
  const type = types[ext];
  if (!type) return { ok: true, mime: 'application/octet-stream' };
  if (!type.check(file)) return { ok: false, mime: type.mime };
  if (type.mime.startsWith('text/')) return { ok: true, mime: `${type.mime}; charset=${textEncoding(file) ?? 'utf-8'}` };
  return { ok: true, mime: type.mime };
}

/** Content-Disposition for a download: an ASCII fallback name and the real one (RFC 5987 / 6266). */
export function contentDisposition(fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
