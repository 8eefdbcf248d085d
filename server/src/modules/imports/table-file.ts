import { PassThrough, Readable } from 'node:stream';
import ExcelJS from 'exceljs';

export type Cell = string | number | null;

/**
 * A spreadsheet written as it is produced (rows come from an async source page by page): CSV in
 * UTF-8 with a BOM, so Excel opens Chinese text correctly, or .xlsx through exceljs's streaming
 * writer. Nothing holds every row in memory.
 */
export function tableStream(format: 'csv' | 'xlsx', sheetName: string, header: string[], rows: AsyncIterable<Cell[]>): Readable {
  return format === 'csv' ? csvStream(header, rows) : xlsxStream(sheetName, header, rows);
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
 * One CSV field. A text starting like a formula (=, @, or + / - not followed by a number) gets a
 * leading apostrophe, so a spreadsheet shows it instead of evaluating it.
 */
export function csvField(value: Cell): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^(?:[=@\t\r]|[+-](?![\d\s(]))/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function csvStream(header: string[], rows: AsyncIterable<Cell[]>): Readable {
  async function* lines(): AsyncGenerator<Buffer> {
    let chunk = `\ufeff${header.map(csvField).join(',')}\r\n`;
    for await (const row of rows) {
      chunk += `${row.map(csvField).join(',')}\r\n`;
      if (chunk.length > 64 * 1024) {
        yield Buffer.from(chunk, 'utf8');
        chunk = '';
      }
    }
    if (chunk) yield Buffer.from(chunk, 'utf8');
  }
  return Readable.from(lines(), { objectMode: false });
}

function xlsxStream(sheetName: string, header: string[], rows: AsyncIterable<Cell[]>): Readable {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: false, useSharedStrings: false });
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31));
  void (async () => {
    sheet.addRow(header).commit();
    for await (const row of rows) {
      if (out.destroyed) return; // the download was abandoned
      sheet.addRow(row).commit();
      // Let the zip writer drain into the response before taking the next rows.
      if (out.writableNeedDrain) await new Promise((resolve) => out.once('drain', resolve));
    }
    sheet.commit();
    await workbook.commit();
  })().catch((error: unknown) => out.destroy(error instanceof Error ? error : new Error(String(error))));
  return out;
}
