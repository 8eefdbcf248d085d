import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { AppError } from '../../platform/errors.js';

/** An import file read into text cells: the header row and the data rows (wholly empty rows left out). */
export interface ParsedFile {
  format: 'csv' | 'xlsx';
  encoding: string | null;
  delimiter: string | null;
  headers: string[];
  rows: string[][];
}

const badFile = (key: 'importBadFile' | 'importEmptyFile' | 'importBadCsv') => new AppError('VALIDATION_FAILED', 'validationFailed', [{ path: 'file', message: key }]);

/** .xlsx files are zip archives. */
export function isXlsx(bytes: Buffer): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** The text of a CSV file: UTF-8 (with or without BOM) when the bytes are valid UTF-8, UTF-16 with a BOM, else GB18030 (a superset of GBK). */
export function decodeText(bytes: Buffer): { text: string; encoding: string } {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8-bom' };
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' };
  }
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

function split(table: string[][], meta: Omit<ParsedFile, 'headers' | 'rows'>): ParsedFile {
  const [header, ...rest] = table.filter((row) => !isBlank(row));
  if (!header) throw badFile('importEmptyFile');
  // As wide as the last column holding a header or a value (spreadsheets pad rows with empty cells).
  let width = 0;
  for (const row of [header, ...rest]) {
    for (let i = row.length - 1; i >= width; i--) {
      if ((row[i] ?? '').trim() !== '') {
        width = i + 1;
        break;
      }
    }
  }
  const headers = Array.from({ length: width }, (_, i) => (header[i] ?? '').trim());
  const rows = rest.map((row) => (row.length === width ? row : Array.from({ length: width }, (_, i) => row[i] ?? '')));
  return { ...meta, headers, rows };
}

async function readXlsx(bytes: Buffer): Promise<ParsedFile> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw badFile('importBadFile');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw badFile('importEmptyFile');
  const table: string[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const values = row.values as ExcelJS.CellValue[];
    const cells: string[] = [];
    // row.values is 1-based.
    for (let i = 1; i < values.length; i++) cells.push(cellText(values[i]));
    table.push(cells);
  });
  return split(table, { format: 'xlsx', encoding: null, delimiter: null });
}

function readCsv(bytes: Buffer): ParsedFile {
  const { text, encoding } = decodeText(bytes);
  const delimiter = detectDelimiter(text);
  let table: string[][];
  try {
    table = parseCsv(text, { delimiter, relax_column_count: true, skip_empty_lines: true, relax_quotes: true }) as string[][];
  } catch {
    throw badFile('importBadCsv');
  }
  return split(table, { format: 'csv', encoding, delimiter });
}

/** Read an uploaded import file (.xlsx by its signature, else CSV). */
export async function readImportFile(bytes: Buffer): Promise<ParsedFile> {
  if (bytes.length === 0) throw badFile('importEmptyFile');
  return isXlsx(bytes) ? readXlsx(bytes) : readCsv(bytes);
}
