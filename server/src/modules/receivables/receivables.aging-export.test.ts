import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCustomer, createOrg, type Org } from '../../test/fixtures.js';
import { createTestApp, TestClock, type Agent, type TestApp } from '../../test/harness.js';
import { download, readTable, xlsxSheet } from '../../test/imports.js';

/**
 * GET /receivables/aging/export on both engines: the downloaded sheet has every row of the aging
 * report (all its pages) in yuan, the same rows as the JSON report for the administrator, a
 * manager and a salesperson (only his own), with a department filter, as CSV too; the DSO in a
 * last line; logged; 403 without receivables.view.
 */
const dayMs = 24 * 60 * 60 * 1000;
// 08:00 UTC is 16:00 in Shanghai: the company's today is 2026-11-22.
const clock = new TestClock(new Date('2026-11-22T08:00:00Z'));
const day = (offset: number) => new Date(Date.parse('2026-11-22T00:00:00Z') + offset * dayMs).toISOString().slice(0, 10);
let t: TestApp;
let org: Org;

const buckets = ['notDue', 'days1to30', 'days31to60', 'days61to90', 'over90', 'unplanned', 'total'] as const;
interface AgingRowBody { id: number | null; name: string | null; notDue: number; days1to30: number; days31to60: number; days61to90: number; over90: number; unplanned: number; total: number }
interface AgingBody { rows: AgingRowBody[]; total: number; dso: { days: number | null; periodDays: number }; totals: AgingRowBody }

async function signedContract(as: Agent, customer: number, amount: number, instalments: Array<{ dueOn: string; amount: number }>, paid = 0): Promise<void> {
  const created = await as.post('/api/v1/contracts', { customerId: customer, title: '账龄导出合同', amount, signedOn: '2026-11-01' });
  if (created.status !== 201) throw new Error(JSON.stringify(created.body));
  const signed = await as.post(`/api/v1/contracts/${created.body.id}/status`, { status: 'active', version: created.body.version });
  if (signed.status !== 200) throw new Error(JSON.stringify(signed.body));
  const planned = await as.put(`/api/v1/contracts/${created.body.id}/payment-plan`, { planVersion: 0, instalments });
  if (planned.status !== 200) throw new Error(JSON.stringify(planned.body));
  if (paid > 0) {
    const payment = await as.post(`/api/v1/contracts/${created.body.id}/payments`, { amount: paid, receivedOn: '2026-11-20', method: 'bank_transfer', reference: 'TX-EXPORT' });
    if (payment.status !== 201) throw new Error(JSON.stringify(payment.body));
  }
}

/** Every row of the JSON report, read page by page (two rows a page), as the export should write them: name, buckets and total in yuan. */
async function reportRows(as: Agent, query: string): Promise<{ rows: unknown[][]; body: AgingBody }> {
  const rows: unknown[][] = [];
  let body: AgingBody | undefined;
  for (let page = 1; ; page += 1) {
    const res = await as.get(`/api/v1/receivables/aging?${query}&page=${page}&pageSize=2`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    body = res.body as AgingBody;
    for (const r of body.rows) rows.push([r.name, ...buckets.map((b) => r[b] / 100)]);
    if (page * 2 >= body.total) break;
  }
  return { rows, body };
}

const sheetOf = (as: Agent, query: string, lang = 'zh-CN') => xlsxSheet(t, as, `/api/v1/receivables/aging/export?${query}`, '20261122', { lang });

beforeAll(async () => {
  t = await createTestApp({ clock });
  org = await createOrg(t);
  const customer = async (as: Agent, name: string) => (await as.post('/api/v1/customers', buildCustomer({ name }))).body.id as number;
  const e1a = await customer(org.as.east1, '华东甲有限公司');
  const e1b = await customer(org.as.east1, '华东乙有限公司');
  const e2 = await customer(org.as.east2, '华东丙有限公司');
  const n1 = await customer(org.as.north1, '华北丁有限公司');
  // Amounts with fen, to see that yuan keep their cents; a part of each without a due date (unplanned).
  await signedContract(org.as.east1, e1a, 100_000_55, [{ dueOn: day(10), amount: 30_000_00 }, { dueOn: day(-10), amount: 20_000_25 }, { dueOn: day(-100), amount: 10_000_00 }], 5_000_00);
  await signedContract(org.as.east1, e1b, 8_000_00, [{ dueOn: day(-45), amount: 8_000_00 }]);
  await signedContract(org.as.east2, e2, 50_000_00, [{ dueOn: day(-70), amount: 25_000_10 }]);
  await signedContract(org.as.north1, n1, 12_345_67, [{ dueOn: day(-5), amount: 2_345_67 }, { dueOn: day(40), amount: 10_000_00 }]);
}, 180_000);
afterAll(() => t.close());

describe('receivables aging export', () => {
  it('the administrator downloads every row of the report, in yuan with the ¥ format, headers in his language, and the DSO', async () => {
    const { rows: expected, body } = await reportRows(org.admin, 'groupBy=customer');
    expect(expected).toHaveLength(4);
    const { sheet, rows } = await sheetOf(org.admin, 'groupBy=customer');
    expect(rows[0]).toEqual(['客户', '未到期', '逾期 1–30 天', '逾期 31–60 天', '逾期 61–90 天', '逾期 90 天以上', '未排期', '合计']);
    expect(rows.slice(1, -1)).toEqual(expected);
    expect(rows.at(-1)?.[0]).toBe(`应收账款周转天数（DSO）：${body.dso.days} 天 = 应收账款 ÷ 近 90 天签约金额 × 90`);
    // The first customer: 100,000.55 signed, 5,000 paid on the oldest instalment.
    expect(rows).toContainEqual(['华东甲有限公司', 30_000, 20_000.25, 0, 0, 5_000, 40_000.3, 95_000.55]);
    const amount = sheet.getRow(2).getCell(2);
    expect(typeof amount.value).toBe('number');
    expect(String(amount.numFmt)).toContain('¥');
    // The money columns sum to the report's totals.
    const sums = buckets.map((_, i) => rows.slice(1, -1).reduce((s, r) => s + Number(r[i + 1]), 0));
    expect(sums.map((s) => Math.round(s * 100))).toEqual(buckets.map((b) => body.totals[b]));

    const english = await sheetOf(org.admin, 'groupBy=owner', 'en');
    expect(english.rows[0]).toEqual(['Owner', 'Not due', '1–30 days', '31–60 days', '61–90 days', 'Over 90 days', 'No due date', 'Total']);
    expect(english.rows.slice(1, -1)).toEqual((await reportRows(org.admin, 'groupBy=owner')).rows);
    expect(String(english.rows.at(-1)?.[0])).toMatch(/^DSO \(days sales outstanding\): [\d.]+ days/);
  });

  it('a manager downloads his departments, a salesperson only his own rows', async () => {
    const managerRows = await sheetOf(org.as.manager, 'groupBy=owner');
    expect(managerRows.rows.slice(1, -1)).toEqual((await reportRows(org.as.manager, 'groupBy=owner')).rows);
    expect(managerRows.rows.slice(1, -1).map((r) => r[0]).sort()).toEqual(['Emma Smith', '刘芳', '张伟'].sort());

    const east1 = await sheetOf(org.as.east1, 'groupBy=customer');
    expect(east1.rows.slice(1, -1)).toEqual((await reportRows(org.as.east1, 'groupBy=customer')).rows);
    expect(east1.rows.slice(1, -1).map((r) => r[0]).sort()).toEqual(['华东乙有限公司', '华东甲有限公司'].sort());
    const east1Owners = await sheetOf(org.as.east1, 'groupBy=owner');
    expect(east1Owners.rows.slice(1, -1).map((r) => r[0])).toEqual(['张伟']);
    const north1 = await sheetOf(org.as.north1, 'groupBy=customer');
    expect(north1.rows.slice(1, -1)).toEqual([['华北丁有限公司', 10_000, 2_345.67, 0, 0, 0, 0, 12_345.67]]);
  });

  it('a department filter gives the filtered report; by department; CSV too; logged', async () => {
    const east = await sheetOf(org.as.manager, `groupBy=customer&departmentId=${org.ids.east}`);
    const expected = (await reportRows(org.as.manager, `groupBy=customer&departmentId=${org.ids.east}`)).rows;
    expect(east.rows.slice(1, -1)).toEqual(expected);
    expect(expected.map((r) => r[0]).sort()).toEqual(['华东丙有限公司', '华东乙有限公司', '华东甲有限公司'].sort());

    const departments = await sheetOf(org.admin, 'groupBy=department');
    expect(departments.rows[0]?.[0]).toBe('部门');
    expect(departments.rows.slice(1, -1)).toEqual((await reportRows(org.admin, 'groupBy=department')).rows);
    expect(departments.rows.slice(1, -1).map((r) => r[0]).sort()).toEqual(['华东组', '华北组'].sort());

    const csv = await download(t, org.as.east1, '/api/v1/receivables/aging/export?groupBy=customer&format=csv');
    expect(csv.status).toBe(200);
    expect(String(csv.headers['content-type'])).toContain('text/csv');
    expect(String(csv.headers['content-disposition'])).toContain('20261122.csv');
    const table = await readTable(csv.bytes);
    expect(table[0]?.[0]).toBe('客户');
    const expectedCsv = (await reportRows(org.as.east1, 'groupBy=customer')).rows;
    expect(table.slice(1, -1).map((r) => [r[0], ...r.slice(1, 8).map(Number)])).toEqual(expectedCsv);
    expect(table.at(-1)?.[0]).toMatch(/^应收账款周转天数（DSO）/);

    const log = await org.admin.get('/api/v1/exports?entity=receivables&pageSize=100');
    expect(log.status, JSON.stringify(log.body)).toBe(200);
    const mine = (log.body.items as Array<{ format: string; rowCount: number; filter: Record<string, unknown> }>).filter((e) => e.format === 'csv');
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ rowCount: 2, filter: { report: 'aging', groupBy: 'customer' } });
  });

  it('a role without receivables.view gets 403; bad filters 400', async () => {
    expect((await download(t, org.as.marketer, '/api/v1/receivables/aging/export')).status).toBe(403);
    expect((await download(t, org.admin, '/api/v1/receivables/aging/export?format=pdf')).status).toBe(400);
    expect((await download(t, org.admin, '/api/v1/receivables/aging/export?page=2')).status).toBe(400);
  });
});
