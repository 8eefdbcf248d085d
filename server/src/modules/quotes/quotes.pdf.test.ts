import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { formatMoney } from '@crm/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cjkFontPath } from '../../platform/pdf.js';
import { buildCustomer, createOrg, type Org } from '../../test/fixtures.js';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { makePng } from '../../test/images.js';
import { download } from '../../test/imports.js';

/**
 * The quotation PDF: read back with poppler (pdftotext for its text, pdftoppm for its pictures,
 * pdffonts for its font), so the Chinese text is checked as a reader gets it: embedded as a subset
 * of the CJK font, mapped back to Unicode, drawn on the page. Scoped like GET /quotes/:id.
 * poppler-utils is required (CI installs it): without it this suite fails, it never skips.
 */
const poppler = ['pdftotext', 'pdftoppm', 'pdffonts', 'pdfinfo', 'pdfimages'];
const missing = poppler.filter((tool) => spawnSync(tool, ['-v']).error !== undefined);

let t: TestApp;
let org: Org;
let dir: string;
let quote: { id: number; number: string; revision: number; total: number; subtotal: number; taxTotal: number; lines: Array<{ total: number }> };
let longQuoteId: number;

const customerName = '杭州西湖智能家居有限公司';
const productNames = ['智能门锁（旗舰版）', '安装调试服务费'];
const companyName = '上海示例软件股份有限公司';
const companyNameEn = 'Shanghai Example Software Co., Ltd.';
const terms = '付款方式：合同签订后七个工作日内支付全款。\n本报价含运输及安装。';

/** A tool's output as text. */
const run = (tool: string, args: string[]) => execFileSync(tool, args, { encoding: 'utf8' });

function save(name: string, bytes: Buffer): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, bytes);
  return file;
}

/** The pictures of a PDF as pdfimages lists them: [type, width, height] (a picture's transparency is a row of type smask). */
function images(file: string): Array<[string, number, number]> {
  const rows = run('pdfimages', ['-list', file]).trim().split('\n').slice(2);
  return rows.map((row) => row.trim().split(/\s+/)).map((cells) => [cells[2] ?? '', Number(cells[3]), Number(cells[4])]);
}

/** Where on page 1 (points from the left) the first word containing `text` begins, as pdftotext -bbox places it. */
function leftOf(file: string, text: string): number {
  const words = [...run('pdftotext', ['-bbox', '-f', '1', '-l', '1', file, '-']).matchAll(/<word xMin="([\d.]+)"[^>]*>([^<]*)<\/word>/g)];
  const word = words.find((w) => (w[2] ?? '').includes(text));
  if (!word) throw new Error(`no word with ${text}`);
  return Number(word[1]);
}

/** The fraction of inked pixels (darker than light grey) of a binary greyscale PGM (P5, 8 bit), as pdftoppm -gray writes it. */
function darkShare(pgm: Buffer): number {
  // Header: "P5", width, height, maxval, each separated by whitespace, then one byte per pixel.
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(pgm.subarray(0, 64).toString('latin1'));
  if (!header) throw new Error('not a binary PGM');
  const [all = '', w = '0', h = '0'] = header;
  const pixels = pgm.subarray(all.length, all.length + Number(w) * Number(h));
  expect(pixels.length).toBe(Number(w) * Number(h));
  let dark = 0;
  for (const v of pixels) if (v < 192) dark++;
  return dark / pixels.length;
}

beforeAll(async () => {
  if (missing.length > 0) {
    throw new Error(`poppler-utils is not installed (${missing.join(', ')} missing): the quote PDF tests read the PDF with it. Install it: apt-get install -y poppler-utils`);
  }
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crm-quote-pdf-'));
  t = await createTestApp();
  org = await createOrg(t);
  const settings = (await org.admin.get('/api/v1/settings/company')).body;
  const saved = await org.admin.put('/api/v1/settings/company', { timeZone: settings.timeZone, name: companyName, nameEn: companyNameEn, version: settings.version });
  if (saved.status !== 200) throw new Error(JSON.stringify(saved.body));
  const product = async (code: string, name: string, standardPrice: number, unit: string) => {
    const res = await org.admin.post('/api/v1/products', { code, name, standardPrice, taxRate: 13, unit });
    if (res.status !== 201) throw new Error(JSON.stringify(res.body));
    return res.body.id as number;
  };
  const lock = await product('PDF-LOCK', productNames[0] as string, 3333, '套');
  const service = await product('PDF-SVC', productNames[1] as string, 10, '次');
  const customerId = (await org.admin.post('/api/v1/customers', buildCustomer({ name: customerName, ownerId: org.ids.east1 }))).body.id;
  // Awkward amounts: 33.33 yuan × 3 at 33.33 % off, 0.10 yuan × 0.125, tax 13 % and 6 % per line.
  const res = await org.as.east1.post('/api/v1/quotes', {
    customerId,
    title: '门锁及安装报价',
    validUntil: '2027-03-31',
    terms,
    lines: [
      { productId: lock, quantity: 3, discountPercent: 33.33 },
      { productId: service, quantity: 0.125, taxRate: 6 },
      { productId: lock, quantity: 1_000, unitPrice: 1_234_57, discountPercent: 0.01 },
    ],
  });
  if (res.status !== 201) throw new Error(JSON.stringify(res.body));
  quote = res.body;
  // Enough lines for a second page.
  const long = await org.as.east1.post('/api/v1/quotes', {
    customerId,
    title: '多页报价',
    validUntil: '2027-03-31',
    lines: Array.from({ length: 60 }, (_, i) => ({ productId: i % 2 ? lock : service, quantity: i + 1 })),
  });
  if (long.status !== 201) throw new Error(JSON.stringify(long.body));
  longQuoteId = long.body.id;
}, 180_000);

afterAll(async () => {
  if (dir && !process.env.CRM_KEEP_PDF) fs.rmSync(dir, { recursive: true, force: true });
  if (t) await t.close();
});

describe('GET /quotes/:id/pdf', () => {
  it('is a PDF download named after the quote (RFC 5987 for the Chinese name)', async () => {
    const res = await download(t, org.as.east1, `/api/v1/quotes/${quote.id}/pdf`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const disposition = String(res.headers['content-disposition']);
    const name = `报价单-${quote.number}-v${quote.revision}.pdf`;
    expect(disposition).toBe(`attachment; filename="___-${quote.number}-v1.pdf"; filename*=UTF-8''${encodeURIComponent(name)}`);
    expect(res.headers['cache-control']).toBe('private, no-store');
    const english = await download(t, org.as.east1, `/api/v1/quotes/${quote.id}/pdf`, 'en');
    expect(String(english.headers['content-disposition'])).toContain(`filename="Quotation-${quote.number}-v1.pdf"`);
  });

  it('has its text, Chinese included, as a reader extracts it: names, number, lines, totals in yuan, the rounding rule, the terms', async () => {
    const file = save('zh.pdf', (await download(t, org.as.east1, `/api/v1/quotes/${quote.id}/pdf`)).bytes);
    const text = run('pdftotext', ['-enc', 'UTF-8', file, '-']);
    for (const expected of [
      '报价单', companyName, companyNameEn, customerName, ...productNames, quote.number, '第 1 版', '门锁及安装报价', '2027-03-31',
      '不含税金额', '含税总额', '有效期至', '每行四舍五入到分一次', '总额为各行舍入后金额之和',
      '付款方式：合同签订后七个工作日内支付全款。', '本报价含运输及安装。',
      formatMoney(quote.subtotal, 'CNY', 'zh-CN'), formatMoney(quote.taxTotal, 'CNY', 'zh-CN'), formatMoney(quote.total, 'CNY', 'zh-CN'),
      ...quote.lines.map((l) => formatMoney(l.total, 'CNY', 'zh-CN')),
      '33.33%', '13%', '6%', '0.125', '1,000', '¥33.33', '¥1,234.57',
    ]) {
      expect(text, expected).toContain(expected);
    }
    // Worked out by hand: 33.33 × 3 × 0.6667 = 66.663333 -> 66.66 net, × 1.13 = 75.329566 -> 75.33;
    // 0.10 × 0.125 = 0.0125 -> 0.01 net, × 1.06 -> 0.01; 1,234.57 × 1,000 × 0.9999 = 1,234,446.543
    // -> 1,234,446.54, × 1.13 = 1,394,924.59359 -> 1,394,924.59. The total is the sum of the rounded lines.
    expect(quote.lines.map((l) => l.total)).toEqual([7533, 1, 139_492_459]);
    expect(quote.total).toBe(139_499_993);
    expect(text).toContain('¥1,394,999.93');
  });

  it('is labelled in English for an English reader (lang, else Accept-Language)', async () => {
    for (const [url, lang] of [[`/api/v1/quotes/${quote.id}/pdf?lang=en`, 'zh-CN'], [`/api/v1/quotes/${quote.id}/pdf`, 'en']] as const) {
      const res = await download(t, org.as.east1, url, lang);
      expect(res.status).toBe(200);
      const text = run('pdftotext', ['-enc', 'UTF-8', save('en.pdf', res.bytes), '-']);
      for (const expected of ['Quotation', companyNameEn, companyName, customerName, 'Valid until', 'Total (incl. tax)', 'revision 1', 'rounded half up to the fen', 'Page 1 of 1']) {
        expect(text, expected).toContain(expected);
      }
      expect(text.indexOf(companyNameEn)).toBeLessThan(text.indexOf(companyName));
      expect(text).not.toContain('含税总额');
    }
    const zh = await download(t, org.as.east1, `/api/v1/quotes/${quote.id}/pdf?lang=zh-CN`, 'en');
    expect(run('pdftotext', ['-enc', 'UTF-8', save('zh2.pdf', zh.bytes), '-'])).toContain('含税总额');
    expect((await download(t, org.as.east1, `/api/v1/quotes/${quote.id}/pdf?lang=fr`)).status).toBe(400);
  });

  it('renders to a picture with ink on it (pdftoppm)', async () => {
    const file = save('render.pdf', (await download(t, org.as.east1, `/api/v1/quotes/${quote.id}/pdf`)).bytes);
    run('pdftoppm', ['-png', '-r', '50', '-f', '1', '-l', '1', '-singlefile', file, path.join(dir, 'page')]);
    const png = fs.readFileSync(path.join(dir, 'page.png'));
    expect(png.subarray(0, 8).toString('latin1')).toBe('\x89PNG\r\n\x1a\n');
    // A4 (595 × 842 pt) at 50 dpi: about 413 × 585 pixels.
    expect(Math.abs(png.readUInt32BE(16) - 413.4)).toBeLessThan(1);
    expect(Math.abs(png.readUInt32BE(20) - 584.6)).toBeLessThan(1);
    run('pdftoppm', ['-gray', '-r', '50', '-f', '1', '-l', '1', '-singlefile', file, path.join(dir, 'page')]);
    const share = darkShare(fs.readFileSync(path.join(dir, 'page.pgm')));
    // Text and rules, not a blank page, nor a black one.
    expect(share).toBeGreaterThan(0.01);
    expect(share).toBeLessThan(0.3);
  });

  it('embeds only a subset of the CJK font: one font, embedded, subset, Unicode-mapped, the file far smaller than the font', async () => {
    const res = await download(t, org.as.east1, `/api/v1/quotes/${quote.id}/pdf`);
    const file = save('fonts.pdf', res.bytes);
    const rows = run('pdffonts', [file]).trim().split('\n').slice(2);
    expect(rows).toHaveLength(1);
    // name, type (two words: "CID Type 0C"), encoding, emb, sub, uni, object id.
    const row = (rows[0] as string).trim().split(/\s+/);
    expect(row[0]).toMatch(/^[A-Z]{6}\+NotoSansHans-Regular$/);
    expect(row.slice(-5, -2)).toEqual(['yes', 'yes', 'yes']);
    const fontSize = fs.statSync(cjkFontPath()).size;
    expect(fontSize).toBeGreaterThan(5_000_000);
    expect(res.bytes.length).toBeLessThan(fontSize / 20);
  });

  it('draws the company logo at the top left with the name beside it when there is one (pdfimages lists it); no picture without', async () => {
    const plain = save('no-logo.pdf', (await download(t, org.as.east1, `/api/v1/quotes/${quote.id}/pdf`)).bytes);
    expect(images(plain)).toEqual([]);
    const nameAlone = leftOf(plain, companyName);
    expect(nameAlone).toBeCloseTo(48, 0);
    // An opaque logo (one picture) and one with an alpha channel (a picture and its mask).
    for (const [logo, rows] of [[makePng({ width: 40, height: 20, colorType: 2 }), [['image', 40, 20]]], [makePng({ width: 30, height: 30 }), [['image', 30, 30], ['smask', 30, 30]]]] as const) {
      const { version } = (await org.admin.get('/api/v1/settings/company')).body;
      const saved = await org.admin.put('/api/v1/settings/company/logo', { image: logo.toString('base64'), contentType: 'image/png', version });
      expect(saved.status, JSON.stringify(saved.body)).toBe(200);
      const file = save('logo.pdf', (await download(t, org.as.east1, `/api/v1/quotes/${quote.id}/pdf`)).bytes);
      expect(images(file)).toEqual(rows);
      // The name moves right of the logo, drawn 40 pt high (aspect kept) with a gap of 12 pt.
      const [, width, height] = rows[0];
      expect(leftOf(file, companyName)).toBeCloseTo(48 + (40 * width) / height + 12, 0);
      expect(run('pdftotext', ['-enc', 'UTF-8', file, '-'])).toContain(companyNameEn);
    }
    const { version } = (await org.admin.get('/api/v1/settings/company')).body;
    expect((await org.admin.delete(`/api/v1/settings/company/logo?version=${version}`)).status).toBe(204);
    expect(images(save('removed.pdf', (await download(t, org.as.east1, `/api/v1/quotes/${quote.id}/pdf`)).bytes))).toEqual([]);
  });

  it('continues the lines on further pages, numbered', async () => {
    const file = save('long.pdf', (await download(t, org.as.east1, `/api/v1/quotes/${longQuoteId}/pdf`)).bytes);
    const pages = Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', [file]))?.[1]);
    expect(pages).toBeGreaterThanOrEqual(2);
    const text = run('pdftotext', ['-enc', 'UTF-8', file, '-']);
    expect(text).toContain(`第 ${pages} 页，共 ${pages} 页`);
    // The header row is repeated on the next page.
    const second = run('pdftotext', ['-enc', 'UTF-8', '-f', '2', '-l', '2', file, '-']);
    expect(second).toContain('含税金额');
    expect(second).toContain(productNames[0]);
  });

  it('is scoped like GET /quotes/:id: 404 outside the data scope (no name leaks), 403 without quotes.view, 404 when missing', async () => {
    for (const who of ['east2', 'north1'] as const) {
      const res = await download(t, org.as[who], `/api/v1/quotes/${quote.id}/pdf`);
      expect(res.status, who).toBe(404);
      expect(res.json().error.code).toBe('NOT_FOUND');
      expect(res.bytes.toString('utf8')).not.toContain(customerName);
    }
    for (const who of ['manager', 'reader'] as const) expect((await download(t, org.as[who], `/api/v1/quotes/${quote.id}/pdf`)).status, who).toBe(200);
    expect((await download(t, org.admin, `/api/v1/quotes/${quote.id}/pdf`)).status).toBe(200);
    expect((await download(t, org.as.marketer, `/api/v1/quotes/${quote.id}/pdf`)).status).toBe(403);
    expect((await download(t, t.anonymous(), `/api/v1/quotes/${quote.id}/pdf`)).status).toBe(401);
    const missingQuote = await download(t, org.admin, '/api/v1/quotes/99999999/pdf');
    expect(missingQuote.status).toBe(404);
    expect(missingQuote.json().error.code).toBe('NOT_FOUND');
    // A deleted quote is gone too.
    const doomed = await org.as.east1.post('/api/v1/quotes', { customerId: (await org.admin.get(`/api/v1/quotes/${quote.id}`)).body.customerId, title: '将删除', validUntil: '2027-03-31' });
    expect((await org.as.east1.delete(`/api/v1/quotes/${doomed.body.id}`)).status).toBe(204);
    expect((await download(t, org.as.east1, `/api/v1/quotes/${doomed.body.id}/pdf`)).status).toBe(404);
  });
});
