import { PassThrough, Readable } from 'node:stream';
import { defaultTimeZone, fenToYuan, fenToYuanText, formatMoney } from '@crm/contracts';
import ExcelJS from 'exceljs';
import { localDateTime, wallClock } from '../../platform/company.js';

/**
 * One cell of an exported table. Plain strings are text and plain numbers are numbers; the typed
 * cells say what a value is, so each format can write it the way a spreadsheet reads it.
 */
export type Cell = string | number | null | TypedCell;
export type TypedCell =
  /** Integer fen, written in yuan. */
  | { type: 'money'; fen: number }
  /** A calendar date, YYYY-MM-DD. */
  | { type: 'date'; date: string }
  /** An instant (ISO), written as the company's wall-clock time. */
  | { type: 'instant'; at: string }
  /** An identifier written in digits (phone, postcode, ID number): text, never a number. */
  | { type: 'code'; text: string };

export const moneyCell = (fen: number): Cell => ({ type: 'money', fen });
export const dateCell = (date: string): Cell => ({ type: 'date', date });
export const instantCell = (at: string): Cell => ({ type: 'instant', at });
export const codeCell = (text: string): Cell => ({ type: 'code', text });

export interface TableOptions {
  /** The company's time zone: instants are written in it. */
  timeZone: string;
}

/**
 * A spreadsheet written as it is produced (rows come from an async source page by page): CSV in
 * UTF-8 with a BOM, so Excel opens Chinese text correctly, or .xlsx through exceljs's streaming
 * writer. Nothing holds every row in memory.
 */
export function tableStream(format: 'csv' | 'xlsx', sheetName: string, header: string[], rows: AsyncIterable<Cell[]>, options: TableOptions = { timeZone: defaultTimeZone }): Readable {
  return format === 'csv' ? csvStream(header, rows, options) : xlsxStream(sheetName, header, rows, options);
}

export const contentTypes = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

/** `attachment` with an ASCII fallback name and the real (Chinese) one per RFC 5987. */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/**
 * A text that a spreadsheet would run as a formula (it starts with = + - @, a tab or a carriage
 * return) gets a leading apostrophe, so it is shown instead. Text only: numbers are not touched.
 */
export function neutralize(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

// Text Excel would turn into a number and so lose digits (1.38E+10) or leading zeros (010010).
const numberLike = (text: string) => /^\d+$/.test(text) && (text.length >= 11 || (text.length > 1 && text.startsWith('0')));
// An identifier made of digits and the separators phone numbers use: Excel would read it as a number or a date.
const codeLike = (text: string) => /\d/.test(text) && /^[\d\s()+\-./]+$/.test(text);

/**
 * A cell's CSV text. Digits that must stay text are written ="0101" (the exporter's own wrapper,
 * which the importer takes off again); formula-like text is neutralised.
 */
export function csvText(cell: Cell, options: TableOptions): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return String(cell);
  if (typeof cell === 'string') return numberLike(cell) ? `="${cell}"` : neutralize(cell);
  switch (cell.type) {
    case 'money':
      return fenToYuanText(cell.fen);
    case 'date':
      return cell.date;
    case 'instant':
      return instantText(cell.at, options.timeZone);
    case 'code':
      return codeLike(cell.text) || numberLike(cell.text) ? `="${cell.text}"` : neutralize(cell.text);
  }
}

/** One CSV field: the cell's text, quoted when it holds a quote, comma or line break. */
export function csvField(cell: Cell, options: TableOptions = { timeZone: defaultTimeZone }): string {
  const text = csvText(cell, options);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function instantText(at: string, timeZone: string): string {
  const date = new Date(at);
  return Number.isNaN(date.getTime()) ? at : localDateTime(date, timeZone);
}

function csvStream(header: string[], rows: AsyncIterable<Cell[]>, options: TableOptions): Readable {
  async function* lines(): AsyncGenerator<Buffer> {
    let chunk = `\ufeff${header.map((h) => csvField(h, options)).join(',')}\r\n`;
    for await (const row of rows) {
      chunk += `${row.map((c) => csvField(c, options)).join(',')}\r\n`;
      if (chunk.length > 64 * 1024) {
        yield Buffer.from(chunk, 'utf8');
        chunk = '';
      }
    }
    if (chunk) yield Buffer.from(chunk, 'utf8');
  }
  return Readable.from(lines(), { objectMode: false });
}

export const xlsxFormats = {
  money: '"¥"#,##0.00',
  date: 'yyyy-mm-dd',
  instant: 'yyyy-mm-dd hh:mm:ss',
} as const;

/** A cell's .xlsx value and number format: money in yuan, dates as dates, times in the company's zone. */
function xlsxValue(cell: Cell, options: TableOptions): { value: ExcelJS.CellValue; numFmt?: string } {
  if (cell === null || typeof cell === 'number') return { value: cell };
  // A string cell is never a formula in .xlsx; neutralised all the same, so it reads as in the CSV.
  if (typeof cell === 'string') return { value: neutralize(cell) };
  switch (cell.type) {
    case 'money':
      return { value: fenToYuan(cell.fen), numFmt: xlsxFormats.money };
    case 'date': {
      const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(cell.date);
      return m ? { value: new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))), numFmt: xlsxFormats.date } : { value: neutralize(cell.date) };
    }
    case 'instant': {
      const date = new Date(cell.at);
      if (Number.isNaN(date.getTime())) return { value: neutralize(cell.at) };
      // Spreadsheets have no time zones: write the company's wall-clock time.
      const w = wallClock(date, options.timeZone);
      return { value: new Date(Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second)), numFmt: xlsxFormats.instant };
    }
    case 'code':
      return { value: codeLike(cell.text) ? cell.text : neutralize(cell.text) };
  }
}

/** How wide a text shows: CJK characters take two columns. */
function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += /[\u1100-\uffff]/.test(ch) ? 2 : 1;
  return width;
}

const widthSample = 100;

/** Column widths from the header and the first rows: at least 8, at most 60 characters. */
function columnWidths(header: string[], sample: Cell[][], options: TableOptions): number[] {
  return header.map((h, i) => {
    let width = displayWidth(h);
    for (const row of sample) {
      const cell = row[i] ?? null;
      const text = cell !== null && typeof cell === 'object' && cell.type === 'money' ? formatMoney(cell.fen, 'CNY', 'en') : csvText(cell, options).replace(/^="(.*)"$/, '$1');
      width = Math.max(width, displayWidth(text));
    }
    return Math.min(60, Math.max(8, width + 2));
  });
}

function xlsxStream(sheetName: string, header: string[], rows: AsyncIterable<Cell[]>, options: TableOptions): Readable {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  // The header row stays in view while scrolling.
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31), { views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }] });
  const write = (row: Cell[]) => {
    const values = row.map((c) => xlsxValue(c, options));
    const added = sheet.addRow(values.map((v) => v.value));
    values.forEach((v, i) => {
      if (v.numFmt) added.getCell(i + 1).numFmt = v.numFmt;
    });
    added.commit();
  };
  void (async () => {
    // The first rows set the column widths, which .xlsx writes before any row.
    const iterator = rows[Symbol.asyncIterator]();
    const sample: Cell[][] = [];
    let exhausted = false;
    while (sample.length < widthSample) {
      const next = await iterator.next();
      if (next.done) {
        exhausted = true;
        break;
      }
      sample.push(next.value);
    }
    sheet.columns = columnWidths(header, sample, options).map((width) => ({ width }));
    const headerRow = sheet.addRow(header);
    headerRow.font = { bold: true };
    headerRow.commit();
    for (const row of sample) write(row);
    if (!exhausted) {
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
        if (out.destroyed) {
          await iterator.return?.();
          return; // the download was abandoned
        }
        write(next.value);
        // Let the zip writer drain into the response before taking the next rows.
        if (out.writableNeedDrain) await new Promise((resolve) => out.once('drain', resolve));
      }
    }
    sheet.commit();
    await workbook.commit();
  })().catch((error: unknown) => out.destroy(error instanceof Error ? error : new Error(String(error))));
  return out;
}
