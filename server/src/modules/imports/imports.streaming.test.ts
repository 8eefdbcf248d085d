import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Agent, type TestApp } from '../../test/harness.js';
import { fixture, runImport, upload } from '../../test/imports.js';
import { describeImportFile, fileRows, type FileRow } from './file-reader.js';

/**
 * Import files are read as streams: the upload counts the rows in one pass and keeps only the
 * first ones, the worker, the preview and the report read the stored file again row by row.
 * Rows, row numbers and encodings must come out as a whole-file read gives them.
 */
let t: TestApp;
let admin: Agent;
let dir = '';

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login(undefined, undefined, 'zh-CN');
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crm-stream-'));
});
afterAll(async () => {
  fs.rmSync(dir, { recursive: true, force: true });
  await t.close();
});

/** The GBK fixture's data lines repeated `times` times (a newline byte never occurs inside a GBK character). */
function bigGbk(times: number): { bytes: Buffer; header: Buffer; lines: Buffer[] } {
  const bytes = fixture('customers-gbk.csv');
  const parts: Buffer[] = [];
  let start = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] === 0x0a) {
      parts.push(bytes.subarray(start, i + 1));
      start = i + 1;
    }
  }
  if (start < bytes.length) parts.push(Buffer.concat([bytes.subarray(start), Buffer.from('\n')]));
  const [header, ...lines] = parts;
  if (!header) throw new Error('empty fixture');
  const out: Buffer[] = [header];
  for (let k = 0; k < times; k++) out.push(...lines, k % 7 === 0 ? Buffer.from('\n,,\n') : Buffer.alloc(0));
  return { bytes: Buffer.concat(out), header, lines };
}

/** A file on disk as the stored files are read: opened anew, as a stream, for each pass. */
const onDisk = (file: string) => async () => fs.createReadStream(file);

async function collect(rows: AsyncIterable<FileRow>): Promise<FileRow[]> {
  const out: FileRow[] = [];
  for await (const row of rows) out.push(row);
  return out;
}

/** What reading the whole file at once gives: blank rows dropped, rows as wide as the header. */
function wholeFileRows(text: string, width: number): string[][] {
  const table = (parseCsv(text, { relax_column_count: true, skip_empty_lines: true, relax_quotes: true }) as string[][]).filter((r) => r.some((c) => c.trim() !== ''));
  return table.slice(1).map((r) => Array.from({ length: width }, (_, i) => r[i] ?? ''));
}

describe('imports: files are read as streams', () => {
  it('a GBK file of many chunks (characters split between chunks, blank rows between) reads as the whole file does', async () => {
    const { bytes } = bigGbk(4000);
    expect(bytes.length).toBeGreaterThan(4 * 256 * 1024);
    const file = path.join(dir, 'big-gbk.csv');
    fs.writeFileSync(file, bytes);
    const shape = await describeImportFile(onDisk(file), 5);
    const expected = wholeFileRows(new TextDecoder('gb18030').decode(bytes), shape.width);
    expect(shape).toMatchObject({ format: 'csv', encoding: 'gb18030', delimiter: ',', width: 10, totalRows: expected.length });
    expect(shape.sample).toEqual(expected.slice(0, 5));
    const rows = await collect(fileRows(onDisk(file), shape));
    expect(rows.map((r) => r.cells)).toEqual(expected);
    expect(rows.map((r) => r.rowNo)).toEqual(expected.map((_, i) => i + 1));
    // Resuming after row 12,345 gives the same rows with the same numbers.
    const resumed = await collect(fileRows(onDisk(file), shape, 12_345));
    expect(resumed[0]).toEqual(rows[12_345]);
    expect(resumed).toHaveLength(rows.length - 12_345);
  });

  it('a file that is UTF-8 for its first megabyte and GBK after is read as GBK, as a whole-file check decides', async () => {
    const ascii = Buffer.from(`客户名称,手机\n${Array.from({ length: 40_000 }, (_, i) => `Company ${i},1390000${String(i).padStart(4, '0')}\n`).join('')}`, 'utf8');
    const { lines } = bigGbk(1);
    const bytes = Buffer.concat([ascii, ...lines.map((l) => Buffer.concat([l.subarray(0, l.indexOf(0x2c)), Buffer.from(',13800000000\n')]))]);
    const res = await upload(t, admin, 'customers', 'mixed.csv', bytes);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ encoding: 'gb18030', totalRows: 40_000 + lines.length });
    const file = path.join(dir, 'mixed.csv');
    fs.writeFileSync(file, bytes);
    const rows = await collect(fileRows(onDisk(file), { format: 'csv', encoding: res.body.encoding, delimiter: ',', width: 2 }, 40_000));
    expect(rows[0]?.cells[0]).toBe('杭州云帆科技有限公司');
  });

  it('an .xlsx file streams too: the sample, the count and every row as the whole workbook reads them', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('客户');
    sheet.addRow(['客户名称', '手机', '成立日期', '年收入']);
    for (let i = 1; i <= 3000; i++) {
      if (i % 500 === 0) sheet.addRow([]);
      sheet.addRow([`流式客户${i}有限公司`, 13900000000 + i, new Date(Date.UTC(2020, 0, 1 + (i % 300))), i * 1.5]);
    }
    const bytes = Buffer.from(await book.xlsx.writeBuffer());
    const file = path.join(dir, 'big.xlsx');
    fs.writeFileSync(file, bytes);
    const shape = await describeImportFile(onDisk(file), 5);
    expect(shape).toMatchObject({ format: 'xlsx', width: 4, totalRows: 3000, headers: ['客户名称', '手机', '成立日期', '年收入'] });
    expect(shape.sample[0]).toEqual(['流式客户1有限公司', '13900000001', '2020-01-02', '1.5']);
    const rows = await collect(fileRows(onDisk(file), shape, 2990));
    expect(rows[0]).toEqual({ rowNo: 2991, cells: ['流式客户2991有限公司', '13900002991', '2020-10-18', '4486.5'] });
    expect(rows).toHaveLength(10);
  });

  it('reading a large file holds a few rows at a time, not the file', async () => {
    const file = path.join(dir, 'large.csv');
    const out = fs.createWriteStream(file);
    out.write('客户名称,类型,手机,邮箱,省份,城市,区县,行业,来源,备注\n');
    for (let i = 0; i < 150_000; i++) out.write(`内存测试客户${i}有限公司,企业客户,139${String(i).padStart(8, '0')},m${i}@example.com,浙江省,杭州市,西湖区,软件,展会,第${i}行的备注\n`);
    await new Promise((resolve) => out.end(resolve));
    const size = fs.statSync(file).size;
    expect(size).toBeGreaterThan(15 * 1024 * 1024);
    // What stays reachable, after a full collection: garbage does not count.
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as () => void;
    const retained = () => {
      gc();
      return process.memoryUsage().heapUsed;
    };
    const before = retained();
    let peak = 0;
    const shape = await describeImportFile(onDisk(file), 5);
    expect(shape.totalRows).toBe(150_000);
    let n = 0;
    for await (const row of fileRows(onDisk(file), shape)) {
      n += 1;
      if (n % 30_000 === 0) peak = Math.max(peak, retained() - before);
      if (n === 150_000) expect(row.cells[0]).toBe('内存测试客户149999有限公司');
    }
    expect(n).toBe(150_000);
    // Every row at once would take several times the file's size (a JavaScript string per cell).
    expect(peak).toBeLessThan(size / 10);
  });

  it('a job over a file of several chunks imports every row once, and the report pairs each result with its own row', async () => {
    const lines = ['客户名称,手机,城市'];
    for (let i = 1; i <= 3000; i++) {
      lines.push(`分块导入客户${i}有限公司,${i % 1000 === 0 ? 'bad-phone' : `137${String(i).padStart(8, '0')}`},杭州市`);
      if (i % 400 === 0) lines.push(',,');
    }
    const job = await runImport(t, admin, 'customers', '分块.csv', Buffer.from(lines.join('\r\n'), 'utf8'));
    expect(job).toMatchObject({ status: 'finished', totalRows: 3000, processed: 3000, created: 2997, rejected: 3 });
    const report = await t.app.inject({ method: 'GET', url: `/api/v1/imports/${job.id}/report?format=csv&only=rejected`, headers: { cookie: admin.cookie ?? '', 'accept-language': 'zh-CN' } });
    const table = parseCsv(report.body.replace(/^\ufeff/, ''), { relax_column_count: true }) as string[][];
    expect(table.slice(1).map((r) => [r[0], r[1], r[2]])).toEqual([
      ['1000', '分块导入客户1000有限公司', 'bad-phone'],
      ['2000', '分块导入客户2000有限公司', 'bad-phone'],
      ['3000', '分块导入客户3000有限公司', 'bad-phone'],
    ]);
  });
});
