import { isUtf8 } from 'node:buffer';
import { pipeline, Readable } from 'node:stream';
import { CsvError, parse as parseCsv } from 'csv-parse';
import ExcelJS from 'exceljs';
import { AppError } from '../../platform/errors.js';

const badFile = (key: 'importBadFile' | 'importEmptyFile' | 'importBadCsv') => new AppError('VALIDATION_FAILED', 'validationFailed', [{ path: 'file', message: key }]);

/** .xlsx files are zip archives. */
export function isXlsx(bytes: Buffer): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** Comma, tab or semicolon: whichever occurs most in the header line outside quotes. */
export function detectDelimiter(text: string): string {
  const counts: Record<string, number> = { ',': 0, '\t': 0, ';': 0 };
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && ch in counts) counts[ch] = (counts[ch] ?? 0) + 1;
  }
  let best = ',';
  for (const d of ['\t', ';']) if ((counts[d] ?? 0) > (counts[best] ?? 0)) best = d;
  return best;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** A spreadsheet cell as text: dates as YYYY-MM-DD (with the time when it has one), formulas as their result. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return '';
    const date = `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`;
    const h = value.getUTCHours();
    const m = value.getUTCMinutes();
    const s = value.getUTCSeconds();
    return h === 0 && m === 0 && s === 0 ? date : `${date} ${pad(h)}:${pad(m)}:${pad(s)}`;
  }
  if (typeof value === 'number') {
    // Integers print in full (phone numbers stored as numbers); fractions without float noise.
    return Number.isInteger(value) ? value.toFixed(0) : String(Number(value.toPrecision(15)));
  }
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'object') {
    if ('richText' in value && Array.isArray(value.richText)) return value.richText.map((r) => r.text).join('');
    if ('formula' in value || 'sharedFormula' in value) return 'result' in value ? cellText(value.result as ExcelJS.CellValue) : '';
    if ('text' in value && 'hyperlink' in value) return typeof value.text === 'string' ? value.text : cellText(value.text as ExcelJS.CellValue);
    if ('error' in value) return '';
  }
  return String(value);
}

function isBlank(row: string[]): boolean {
  return row.every((cell) => cell.trim() === '');
}

/** Where an import file's bytes come from: an upload still in memory, or a way to open the stored file as a stream (each read opens it anew). */
export type FileSource = Buffer | (() => Promise<Readable>);

/** How to read a stored file's rows again: what the upload's pass found. */
export interface FileLayout {
  format: 'csv' | 'xlsx';
  /** CSV only: the text encoding (`utf-8`, `utf-8-bom`, `utf-16le`, `utf-16be`, `gb18030`). */
  encoding: string | null;
  delimiter: string | null;
  /** Cells per row: the header row's (padded) width. */
  width: number;
}

/** What one streaming pass over an uploaded file finds: its layout, header row, first rows and row count. */
export interface FileShape extends FileLayout {
  headers: string[];
  sample: string[][];
  totalRows: number;
}

/** A data row of the file (row 1 is the first row after the header), as wide as the header. */
export interface FileRow {
  rowNo: number;
  cells: string[];
}

const chunkBytes = 256 * 1024;

async function byteStream(source: FileSource): Promise<Readable> {
  if (!Buffer.isBuffer(source)) return source();
  function* chunks(bytes: Buffer): Generator<Buffer> {
    for (let i = 0; i < bytes.length; i += chunkBytes) yield bytes.subarray(i, i + chunkBytes);
  }
  return Readable.from(chunks(source), { objectMode: false });
}

async function firstBytes(source: FileSource, n: number): Promise<Buffer> {
  if (Buffer.isBuffer(source)) return source.subarray(0, n);
  const bytes = await source();
  const held: Buffer[] = [];
  let length = 0;
  try {
    for await (const chunk of bytes) {
      held.push(chunk as Buffer);
      length += (chunk as Buffer).length;
      if (length >= n) break;
    }
  } finally {
    bytes.destroy();
  }
  return Buffer.concat(held).subarray(0, n);
}

/**
 * The encoding of a CSV file, as decodeText decides it: a BOM, else UTF-8 when every byte of the
 * file is valid UTF-8, else GB18030. A stored file is checked chunk by chunk.
 */
export async function sniffEncoding(source: FileSource): Promise<string> {
  const head = await firstBytes(source, 3);
  if (head.length >= 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8-bom';
  if (head.length >= 2 && head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head.length >= 2 && head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  if (Buffer.isBuffer(source)) return isUtf8(source) ? 'utf-8' : 'gb18030';
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const bytes = await byteStream(source);
  try {
    for await (const chunk of bytes) decoder.decode(chunk as Buffer, { stream: true });
    decoder.decode();
    return 'utf-8';
  } catch {
    return 'gb18030';
  } finally {
    bytes.destroy();
  }
}

/** The file's text, decoded chunk by chunk (a character split between two chunks is kept whole; BOMs are dropped). */
async function* textChunks(source: FileSource, encoding: string): AsyncGenerator<string> {
  const decoder = new TextDecoder(encoding === 'utf-8-bom' ? 'utf-8' : encoding);
  const bytes = await byteStream(source);
  try {
    for await (const chunk of bytes) {
      const text = decoder.decode(chunk as Buffer, { stream: true });
      if (text) yield text;
    }
    const rest = decoder.decode();
    if (rest) yield rest;
  } finally {
    bytes.destroy();
  }
}

/** The delimiter of the header line (from the first 64 KB of text). */
async function sniffDelimiter(source: FileSource, encoding: string): Promise<string> {
  let text = '';
  for await (const chunk of textChunks(source, encoding)) {
    text += chunk;
    if (text.length >= 64 * 1024) break;
  }
  return detectDelimiter(text);
}

/** Every record of a CSV file, wholly empty lines left out, parsed as the text streams by. */
async function* csvRecords(source: FileSource, encoding: string, delimiter: string): AsyncGenerator<string[]> {
  const parser = parseCsv({ delimiter, relax_column_count: true, skip_empty_lines: true, relax_quotes: true });
  const text = Readable.from(textChunks(source, encoding));
  pipeline(text, parser, () => undefined);
  try {
    for await (const record of parser) yield record as string[];
  } catch (error) {
    if (error instanceof CsvError) throw badFile('importBadCsv');
    throw error;
  } finally {
    parser.destroy();
    text.destroy();
  }
}

/**
 * The rows of an .xlsx file's first sheet. exceljs's streaming pass sometimes loses the archive's
 * last entries (exceljs issue 3064: about one read in a hundred here, Node 22), and its own writer
 * stores xl/workbook.xml last, so such a read fails before its first row ("reading 'sheets'"):
 * the file is then read again, up to three times in all. A failure after a row stands.
 */
async function* xlsxRecords(source: FileSource): AsyncGenerator<string[]> {
  for (let attempt = 1; ; attempt++) {
    let yielded = false;
    try {
      for await (const cells of xlsxPass(source)) {
        yielded = true;
        yield cells;
      }
      return;
    } catch (error) {
      if (yielded || attempt >= 3 || !(error instanceof AppError)) throw error;
    }
  }
}

/** One streaming pass over an .xlsx file's first sheet (shared strings and styles cached, for dates). */
async function* xlsxPass(source: FileSource): AsyncGenerator<string[]> {
  const bytes = await byteStream(source);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(bytes, { sharedStrings: 'cache', worksheets: 'emit', styles: 'cache', hyperlinks: 'ignore', entries: 'ignore' });
  let reading = true;
  try {
    for await (const sheet of reader) {
      for await (const row of sheet) {
        reading = false;
        const values = row.values as ExcelJS.CellValue[];
        const cells: string[] = [];
        // row.values is 1-based.
        for (let i = 1; i < values.length; i++) cells.push(cellText(values[i]));
        yield cells;
        reading = true;
      }
      return; // the first sheet only
    }
  } catch (error) {
    // A broken archive fails inside the reader; an error of the consumer passes through.
    if (reading) throw badFile('importBadFile');
    throw error;
  } finally {
    bytes.destroy();
  }
}

/** The records of a file in its layout, wholly empty rows left out (the header row first). */
function records(source: FileSource, layout: Omit<FileLayout, 'width'>): AsyncGenerator<string[]> {
  return layout.format === 'xlsx' ? xlsxRecords(source) : csvRecords(source, layout.encoding ?? 'utf-8', layout.delimiter ?? ',');
}

async function* nonBlank(rows: AsyncIterable<string[]>): AsyncGenerator<string[]> {
  for await (const row of rows) if (!isBlank(row)) yield row;
}

/** A row as wide as the header: padded with empty cells, or cut (what lies beyond is empty by the width rule). */
function fit(row: string[], width: number): string[] {
  return row.length === width ? row : Array.from({ length: width }, (_, i) => row[i] ?? '');
}

/**
 * Read an uploaded import file (.xlsx by its signature, else CSV) in one streaming pass: its
 * layout, header row, first `sampleSize` data rows and the number of data rows. No more than the
 * sample is held; the rows are read again, streaming, by `fileRows`.
 */
export async function describeImportFile(source: FileSource, sampleSize: number): Promise<FileShape> {
  const head = await firstBytes(source, 4);
  if (head.length === 0) throw badFile('importEmptyFile');
  let layout: Omit<FileLayout, 'width'>;
  if (isXlsx(head)) layout = { format: 'xlsx', encoding: null, delimiter: null };
  else {
    const encoding = await sniffEncoding(source);
    layout = { format: 'csv', encoding, delimiter: await sniffDelimiter(source, encoding) };
  }
  let header: string[] | null = null;
  const sample: string[][] = [];
  let totalRows = 0;
  // As wide as the last column holding a header or a value (spreadsheets pad rows with empty cells).
  let width = 0;
  for await (const row of nonBlank(records(source, layout))) {
    for (let i = row.length - 1; i >= width; i--) {
      if ((row[i] ?? '').trim() !== '') {
        width = i + 1;
        break;
      }
    }
    if (header === null) header = row;
    else {
      totalRows += 1;
      if (sample.length < sampleSize) sample.push(row);
    }
  }
  if (header === null) throw badFile('importEmptyFile');
  const headers = fit(header, width).map((h) => h.trim());
  return { ...layout, width, headers, sample: sample.map((row) => fit(row, width)), totalRows };
}

/**
 * The data rows of a file read as `describeImportFile` found it, streaming, each as wide as the
 * header and numbered as the upload counted them; the first `skip` rows are passed over (a job
 * resuming after its cursor).
 */
export async function* fileRows(source: FileSource, layout: FileLayout, skip = 0): AsyncGenerator<FileRow> {
  let rowNo = -1; // the header row is row 0
  for await (const row of nonBlank(records(source, layout))) {
    rowNo += 1;
    if (rowNo === 0 || rowNo <= skip) continue;
    yield { rowNo, cells: fit(row, layout.width) };
  }
}
