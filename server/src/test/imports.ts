import type { ImportEntity, ImportJob } from '@crm/contracts';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { expect } from 'vitest';
import type { Agent, TestApp } from './harness.js';

/** Test helpers for imports and exports: uploads, waiting for a job, reading the files back. */
export const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), '../modules/imports/fixtures');

export function fixture(name: string): Buffer {
  return fs.readFileSync(path.join(fixtures, name));
}

export async function upload(t: TestApp, agent: Agent, entity: ImportEntity, fileName: string, bytes: Buffer | string, lang = 'zh-CN') {
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/v1/imports?entity=${entity}&fileName=${encodeURIComponent(fileName)}`,
    headers: { 'content-type': 'application/octet-stream', 'accept-language': lang, ...(agent.cookie ? { cookie: agent.cookie } : {}) },
    payload: typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes,
  });
  return { status: res.statusCode, body: JSON.parse(res.body) as any };
}

/** Poll a job until it ends (finished, failed or cancelled). */
export async function waitForJob(agent: Agent, id: number, timeoutMs = 30_000): Promise<ImportJob> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const res = await agent.get(`/api/v1/imports/${id}`);
    if (['finished', 'failed', 'cancelled'].includes(res.body.status)) return res.body;
    if (Date.now() > deadline) throw new Error(`import ${id} still ${res.body.status} (${res.body.processed}/${res.body.totalRows})`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Upload, start with the suggested (or given) mapping, wait for the end. */
export async function runImport(t: TestApp, agent: Agent, entity: ImportEntity, fileName: string, bytes: Buffer | string, options: { duplicateMode?: string; mapping?: Record<string, string | null> } = {}) {
  const uploaded = await upload(t, agent, entity, fileName, bytes);
  if (uploaded.status !== 201) throw new Error(`upload answered ${uploaded.status}: ${JSON.stringify(uploaded.body)}`);
  const started = await agent.post(`/api/v1/imports/${uploaded.body.id}/start`, { mapping: options.mapping ?? uploaded.body.suggestedMapping, duplicateMode: options.duplicateMode ?? 'skip' });
  if (started.status !== 200) throw new Error(`start answered ${started.status}: ${JSON.stringify(started.body)}`);
  return waitForJob(agent, uploaded.body.id);
}

/** GET a file download: status, headers and the raw bytes. */
export async function download(t: TestApp, agent: Agent, url: string, lang = 'zh-CN') {
  const res = await t.app.inject({ method: 'GET', url, headers: { 'accept-language': lang, ...(agent.cookie ? { cookie: agent.cookie } : {}) } });
  return { status: res.statusCode, headers: res.headers, bytes: res.rawPayload, json: () => JSON.parse(res.body) as any };
}

/** The rows of a downloaded CSV (BOM stripped) or the first sheet of an .xlsx, as text. */
/**
 * A downloaded .xlsx export, checked (200, a spreadsheet named for `day`) and read back: its first
 * sheet and each row's cells (padded to `width` when given, so that empty trailing cells are null).
 */
export async function xlsxSheet(t: TestApp, agent: Agent, url: string, day: string, options: { lang?: string; width?: number } = {}) {
  const res = await download(t, agent, url, options.lang ?? 'zh-CN');
  expect(res.status, res.bytes.toString()).toBe(200);
  expect(String(res.headers['content-type'])).toContain('spreadsheetml');
  expect(String(res.headers['content-disposition'])).toContain(`${day}.xlsx`);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(res.bytes as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error('no sheet');
  const rows: unknown[][] = [];
  sheet.eachRow((row) => {
    const values = (row.values as unknown[]).slice(1);
    rows.push(options.width === undefined ? values : Array.from({ length: options.width }, (_, i) => values[i] ?? null));
  });
  return { sheet, rows };
}

export async function readTable(bytes: Buffer): Promise<string[][]> {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    const rows: string[][] = [];
    workbook.worksheets[0]?.eachRow((row) => {
      rows.push((row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v))));
    });
    return rows;
  }
  const text = bytes.toString('utf8').replace(/^\ufeff/, '');
  return parseCsv(text, { relax_column_count: true }) as string[][];
}
