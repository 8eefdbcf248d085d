import type { ImportJob, ImportPreview } from '@crm/contracts';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCustomer, createOrg, password, type Org } from '../../test/fixtures.js';
import { createTestApp, TestClock, type Agent, type TestApp } from '../../test/harness.js';
import { download, fixture, readTable, runImport, upload, waitForJob } from '../../test/imports.js';
import { actorOf } from '../users/index.js';
import { buildPlan, processorFor } from './runner.js';

/**
 * Importing purchase history (购买记录) from a shop's or point-of-sale export: an .xlsx and a GBK
 * CSV, customers named by archive number, credit code, phone or name, yuan amounts as people
 * write them, a cost or a gross margin, rows refused with their reason, the importer's data
 * scope, re-imports that double nothing, totals rows, and who may import.
 */
let t: TestApp;
let org: Org;
let adminZh: Agent;
const ids: Record<string, number> = {};
const archive: Record<string, string> = {};

// Today is 2026-06-15 for this file: the purchases below lie before it, 2099 after it.
const clock = new TestClock(new Date('2026-06-15T04:00:00Z'));

beforeAll(async () => {
  t = await createTestApp({ clock });
  org = await createOrg(t);
  adminZh = await t.login(undefined, undefined, 'zh-CN');
  const make = async (key: string, body: Record<string, unknown>) => {
    const res = await org.admin.post('/api/v1/customers', buildCustomer(body));
    if (res.status !== 201) throw new Error(JSON.stringify(res.body));
    ids[key] = res.body.id;
    archive[key] = res.body.archiveNo;
  };
  await make('hangzhou', { name: '杭州示例贸易有限公司', organization: { creditCode: '91330100MA2B3C4D5N' } });
  await make('ningbo', { name: '宁波示例有限公司', organization: { creditCode: '91330200MA2H7K8L97' } });
  await make('wenzhou', { name: '温州示例有限公司' });
  await make('chen', { kind: 'person', category: 'retail', name: '陈静', mobile: '13800000001' });
  await make('twin1', { name: '重名商店' });
  await make('twin2', { name: '重名商店', mobile: '13800000099' });
}, 120_000);
afterAll(() => t.close());

async function workbook(rows: Array<Array<string | number | Date>>): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('销售明细');
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** The customer's stored purchases, oldest first. */
async function purchasesOf(customerId: number) {
  return t.ctx.db
    .selectFrom('purchase_history')
    .select(['purchased_on', 'amount', 'cost', 'product', 'source', 'created_by'])
    .where('customer_id', '=', customerId)
    .orderBy('purchased_on')
    .orderBy('id')
    .execute();
}

async function purchaseCount(): Promise<number> {
  const row = await t.ctx.db.selectFrom('purchase_history').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

async function start(agent: Agent, id: number, body: Record<string, unknown>): Promise<ImportJob> {
  const res = await agent.post(`/api/v1/imports/${id}/start`, body);
  if (res.status !== 200) throw new Error(`start answered ${res.status}: ${JSON.stringify(res.body)}`);
  return waitForJob(agent, id);
}

const headers = ['客户名称', '购买日期', '实付金额', '成本', '毛利率', '商品名称'];
const march5 = new Date(Date.UTC(2026, 2, 5));
const sheetRows = (): Array<Array<string | number | Date>> => [
  headers,
  // 1: by exact name, an Excel date cell, a number cell, the cost from a 35% margin.
  ['杭州示例贸易有限公司', march5, 500000, '', '35%', '办公桌'],
  // 2: by credit code; the cost given.
  ['91330100MA2B3C4D5N', '2026/3/5', '500,000.00', '300000', '', '办公椅'],
  // 3: by phone written another way; a margin as a fraction (a percentage cell reads so); half a fen rounds up.
  ['138-0000-0001', '2026年3月5日', '¥1,200.50', '', 0.35, '咖啡豆'],
  // 4: by archive number (filled in below); the cost wins over the margin.
  ['', '2026-03-06', '50万', '100000', '20%', '茶叶'],
  ['重名商店', '2026-03-07', 100, '', '', ''],
  ['不存在的客户', '2026-03-07', 100, '', '', ''],
  ['陈静', '2026-13-40', 100, '', '', ''],
  ['陈静', '2026-03-08', 'abc', '', '', ''],
  ['陈静', '2026-03-08', 100, '', '150%', ''],
  ['陈静', '2099-01-01', 100, '', '', ''],
  // 11: the same as row 1 in the same file: a second purchase, not a duplicate.
  ['杭州示例贸易有限公司', march5, 500000, '', '35%', '办公桌'],
  ['合计', '', 1051300.5, '', '', ''],
];

describe('purchase import: an .xlsx file', () => {
  let bytes: Buffer;
  let jobId = 0;

  it('recognises the headers and previews in the importer\'s language without writing', async () => {
    const rows = sheetRows();
    (rows[4] as Array<string | number | Date>)[0] = archive.wenzhou ?? '';
    bytes = await workbook(rows);
    const up = await upload(t, org.admin, 'purchases', '销售明细.xlsx', bytes);
    expect(up.status, JSON.stringify(up.body)).toBe(201);
    expect(up.body).toMatchObject({ entity: 'purchases', format: 'xlsx', totalRows: 12 });
    expect(up.body.suggestedMapping).toEqual({ '0': 'customer', '1': 'purchasedOn', '2': 'amount', '3': 'cost', '4': 'margin', '5': 'product' });
    expect(up.body.fields.filter((f: { required: boolean }) => f.required).map((f: { key: string }) => f.key)).toEqual(['customer', 'purchasedOn', 'amount']);
    jobId = up.body.id;

    const before = await purchaseCount();
    const preview = await org.admin.post<ImportPreview>(`/api/v1/imports/${jobId}/preview`, { mapping: up.body.suggestedMapping, duplicateMode: 'skip' });
    expect(preview.status).toBe(200);
    const rowsOut = preview.body.rows;
    expect(rowsOut.map((r) => r.outcome)).toEqual(['created', 'created', 'created', 'created', 'rejected', 'rejected', 'rejected', 'rejected', 'rejected', 'rejected', 'created', 'skipped']);
    const said = (i: number) => (rowsOut[i]?.messages ?? []).map((m) => `${m.field}: ${m.message}`);
    expect(said(0)).toEqual(['cost: Cost ¥325,000.00, from the gross margin 35%.']);
    expect(said(1)).toEqual([]);
    expect(said(2)).toEqual(['cost: Cost ¥780.33, from the gross margin 35%.']);
    expect(said(4)).toEqual(['customer: Several customers have this name: use the archive number.']);
    expect(said(5)).toEqual(['customer: No customer has this archive number, unified social credit code, phone number or name.']);
    expect(said(6)).toEqual(['purchasedOn: Not a date (use YYYY-MM-DD).']);
    expect(said(7)[0]).toMatch(/^amount: Not an amount in yuan/);
    expect(said(8)).toEqual(['margin: Not a gross margin: write a percentage (35%) or a fraction (0.35), from -100% to 100%.']);
    expect(said(9)).toEqual(['purchasedOn: The date is after today (2026-06-15).']);
    expect(said(11)[0]).toMatch(/^row: A totals row/);
    // The file's own cells come back as they were: yuan.
    expect(rowsOut[0]?.values.slice(0, 3)).toEqual(['杭州示例贸易有限公司', '2026-03-05', '500000']);

    const zh = await adminZh.post<ImportPreview>(`/api/v1/imports/${jobId}/preview`, { mapping: up.body.suggestedMapping, duplicateMode: 'skip' });
    expect(zh.body.rows[4]?.messages[0]?.message).toBe('有多个客户的名称与此相同，请填写客户编号。');
    expect(zh.body.rows[0]?.messages[0]?.message).toBe('成本 ¥325,000.00，按毛利率 35% 计算。');
    expect(await purchaseCount()).toBe(before);
  });

  it('a mapping without the amount is a field-level 400', async () => {
    const res = await org.admin.post(`/api/v1/imports/${jobId}/start`, { mapping: { '0': 'customer', '1': 'purchasedOn' }, duplicateMode: 'skip' });
    expect(res.status).toBe(400);
    expect(res.body.error.details).toEqual([{ path: 'mapping', message: 'Map a column to the amount.' }]);
  });

  it('writes each purchase to its customer in fen, with its cost, source and importer', async () => {
    const job = await start(org.admin, jobId, { mapping: (await org.admin.get(`/api/v1/imports/${jobId}`)).body.suggestedMapping, duplicateMode: 'skip' });
    expect(job).toMatchObject({ status: 'finished', processed: 12, created: 5, updated: 0, skipped: 1, rejected: 6 });
    const by = { source: `import:${jobId}`, created_by: (await org.admin.get('/api/v1/auth/me')).body.user.id };
    const hangzhou = await purchasesOf(ids.hangzhou ?? 0);
    expect(hangzhou.map((p) => ({ ...p, amount: Number(p.amount), cost: p.cost === null ? null : Number(p.cost) }))).toEqual([
      { purchased_on: '2026-03-05', amount: 50_000_000, cost: 32_500_000, product: '办公桌', ...by },
      { purchased_on: '2026-03-05', amount: 50_000_000, cost: 30_000_000, product: '办公椅', ...by },
      { purchased_on: '2026-03-05', amount: 50_000_000, cost: 32_500_000, product: '办公桌', ...by },
    ]);
    const chen = await purchasesOf(ids.chen ?? 0);
    expect(chen.map((p) => [p.purchased_on, Number(p.amount), Number(p.cost), p.product])).toEqual([['2026-03-05', 120_050, 78_033, '咖啡豆']]);
    const wenzhou = await purchasesOf(ids.wenzhou ?? 0);
    expect(wenzhou.map((p) => [p.purchased_on, Number(p.amount), Number(p.cost), p.product])).toEqual([['2026-03-06', 50_000_000, 10_000_000, '茶叶']]);
    expect(await purchasesOf(ids.twin1 ?? 0)).toEqual([]);
    expect(await purchasesOf(ids.twin2 ?? 0)).toEqual([]);
  });

  it('the report lists every row in yuan as the file had it, with the reason and the customer\'s archive number', async () => {
    const report = await readTable((await download(t, adminZh, `/api/v1/imports/${jobId}/report`)).bytes);
    expect(report[0]).toEqual(['行号', ...headers, '结果', '原因', '客户编号']);
    expect(report[1]).toEqual(['1', '杭州示例贸易有限公司', '2026-03-05', '500000', '', '35%', '办公桌', '新建', '成本: Cost ¥325,000.00, from the gross margin 35%.', archive.hangzhou]);
    expect(report[3]?.at(-1)).toBe(archive.chen);
    expect(report[5]?.slice(-3)).toEqual(['拒绝', '客户: Several customers have this name: use the archive number.', '']);
    expect(report[12]?.slice(-3, -1)).toEqual(['跳过', 'row: A totals row (合计): skipped.']);
  });

  it('importing the same file again adds nothing: its rows are skipped as duplicates', async () => {
    const before = await purchaseCount();
    const job = await runImport(t, org.admin, 'purchases', '销售明细.xlsx', bytes);
    expect(job).toMatchObject({ status: 'finished', created: 0, skipped: 6, rejected: 6 });
    expect(await purchaseCount()).toBe(before);
    const preview = await org.admin.post<ImportPreview>(`/api/v1/imports/${job.id}/preview`, { mapping: job.mapping, duplicateMode: 'skip' });
    expect(preview.body.rows[0]?.messages).toEqual([
      { field: 'duplicate', message: `Already in the purchase history of the customer 杭州示例贸易有限公司 (${archive.hangzhou}): same date, amount and product.` },
    ]);
    // "Create anyway" is the way to record a second, identical purchase.
    const again = await org.admin.post<ImportPreview>(`/api/v1/imports/${job.id}/preview`, { mapping: job.mapping, duplicateMode: 'create' });
    expect(again.status, JSON.stringify(again.body)).toBe(200);
    expect(again.body.rows.filter((r) => r.outcome === 'created')).toHaveLength(5);
  });
});

describe('purchase import: a GBK CSV', () => {
  it('reads the encoding and the Chinese headers; yuan, margins and dates as people write them', async () => {
    const job = await runImport(t, adminZh, 'purchases', '会员消费.csv', fixture('purchases-gbk.csv'));
    expect(job).toMatchObject({ status: 'finished', encoding: 'gb18030', created: 4, skipped: 1, rejected: 0 });
    expect(job.mapping).toEqual({ '0': 'customer', '1': 'purchasedOn', '2': 'amount', '3': 'cost', '4': 'margin', '5': 'product' });
    const chen = (await purchasesOf(ids.chen ?? 0)).filter((p) => p.purchased_on >= '2026-04-01');
    expect(chen.map((p) => [p.purchased_on, Number(p.amount), p.cost === null ? null : Number(p.cost), p.product])).toEqual([
      ['2026-04-01', 128_800, 77_280, '保温杯'],
      ['2026-04-02', 9_990, 5_000, '咖啡豆'],
    ]);
    const ningbo = await purchasesOf(ids.ningbo ?? 0);
    expect(ningbo.map((p) => [p.purchased_on, Number(p.amount), p.cost === null ? null : Number(p.cost), p.product])).toEqual([
      ['2026-04-03', 2_500_000, 1_750_000, '服务器'],
      ['2026-04-03', 200_000, null, null],
    ]);
    const again = await runImport(t, adminZh, 'purchases', '会员消费.csv', fixture('purchases-gbk.csv'));
    expect(again).toMatchObject({ status: 'finished', created: 0, skipped: 5, rejected: 0 });
    const report = await readTable((await download(t, adminZh, `/api/v1/imports/${again.id}/report`)).bytes);
    expect(report[1]?.slice(-3)).toEqual(['跳过', `客户「陈静」（${archive.chen}）已有日期、金额和商品都相同的购买记录。`, archive.chen]);
  });
});

describe('purchase import: two imports of the same rows at once', () => {
  it('write them once: the second waits for the first (PostgreSQL locks the customers) and finds its rows', async () => {
    const actor = await actorOf(t.ctx, (await org.admin.get('/api/v1/auth/me')).body.user.id, 'en');
    if (!actor) throw new Error('no actor');
    const at = clock.now().toISOString();
    const rows = [
      { rowNo: 1, cells: ['温州示例有限公司', '2026-05-20', '777'] },
      { rowNo: 2, cells: ['陈静', '2026-05-20', '12.5'] },
    ];
    const run = async (jobId: number) => {
      const plan = await buildPlan(t.ctx, { id: jobId, entity: 'purchases', headers: ['客户', '日期', '金额'] }, actor, { mapping: { '0': 'customer', '1': 'purchasedOn', '2': 'amount' }, duplicateMode: 'skip' }, 'en');
      const processor = processorFor(plan);
      const prepared = await processor.prepare(rows, { at });
      return t.ctx.db.transaction().execute((trx) => processor.decide(trx, prepared, { dry: false, at }));
    };
    const [a, b] = await Promise.all([run(9001), run(9002)]);
    expect([...a, ...b].map((r) => r.outcome).sort()).toEqual(['created', 'created', 'skipped', 'skipped']);
    const written = await t.ctx.db.selectFrom('purchase_history').select('id').where('purchased_on', '=', '2026-05-20').execute();
    expect(written).toHaveLength(2);
  });
});

describe('purchase import: the importer\'s data scope', () => {
  let north: Agent;

  beforeAll(async () => {
    const role = await org.admin.post('/api/v1/roles', { key: 'north_importer', name: '华北导入', permissions: ['customers.view', 'customers.edit', 'customers.import'], dataScope: 'department' });
    expect(role.status).toBe(201);
    expect((await org.admin.post('/api/v1/users', { email: 'northimport@example.com', name: '周北', password, roleId: role.body.id, departmentId: org.ids.north })).status).toBe(201);
    north = await t.login('northimport@example.com', password, 'zh-CN');
    for (const [key, name, ownerId] of [['east1s', '张伟的客户有限公司', org.ids.east1], ['norths', '华北客户有限公司', org.ids.north1], ['pools', '公海客户有限公司', null]] as const) {
      const res = await org.admin.post('/api/v1/customers', buildCustomer({ name, ownerId }));
      expect(res.status).toBe(201);
      ids[key] = res.body.id;
    }
  });

  it('a customer outside it is refused for its row, naming only its owner; nothing is written for it', async () => {
    const csv = `客户,日期,金额\n张伟的客户有限公司,2026-05-01,100\n华北客户有限公司,2026-05-01,200\n公海客户有限公司,2026-05-01,300\n${archive.hangzhou},2026-05-01,400\n`;
    const job = await runImport(t, north, 'purchases', 'scope.csv', csv);
    expect(job).toMatchObject({ status: 'finished', created: 1, rejected: 3 });
    expect(await purchasesOf(ids.east1s ?? 0)).toEqual([]);
    expect(await purchasesOf(ids.pools ?? 0)).toEqual([]);
    expect((await purchasesOf(ids.norths ?? 0)).map((p) => [Number(p.amount), p.created_by])).toEqual([[20_000, (await north.get('/api/v1/auth/me')).body.user.id]]);
    const report = await readTable((await download(t, north, `/api/v1/imports/${job.id}/report`)).bytes);
    expect(report[1]?.slice(-3)).toEqual(['拒绝', '客户: 该客户已存在，由 张伟 负责（不在您的数据范围内），未导入。', '']);
    expect(report[3]?.slice(-2, -1)).toEqual(['客户: 该客户在公海中：请先领取，再导入其购买记录。']);
    // Owned by the administrator, outside 华北组: the message names the owner and nothing else.
    expect(report[4]?.at(-2)).toBe('客户: 该客户已存在，由 系统管理员 负责（不在您的数据范围内），未导入。');
    expect(report.flat().join('|')).not.toContain('杭州示例贸易');
  });
});

describe('purchase import: who may', () => {
  it('needs customers.import', async () => {
    const csv = '客户,日期,金额\n陈静,2026-05-02,10\n';
    const cases: Array<[string, Agent, number]> = [
      ['admin', org.admin, 201], ['manager', org.as.manager, 201],
      ['east1', org.as.east1, 403], ['marketer', org.as.marketer, 403], ['agent', org.as.agent, 403], ['reader', org.as.reader, 403], ['eastLead', org.as.eastLead, 403],
    ];
    for (const [who, agent, status] of cases) expect((await upload(t, agent, 'purchases', 'a.csv', csv)).status, who).toBe(status);
  });
});
