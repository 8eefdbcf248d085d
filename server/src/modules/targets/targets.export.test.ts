import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCustomer, createOrg, type Org } from '../../test/fixtures.js';
import { createTestApp, TestClock, type Agent, type TestApp } from '../../test/harness.js';
import { download, readTable, xlsxSheet } from '../../test/imports.js';

/**
 * The attainment report as a spreadsheet: the same rows and figures as the JSON report for each
 * role's data scope (exact sets), money in yuan with the ¥ format, counts as numbers, the
 * hierarchy indented, headers in the caller's language, CSV too, logged, and 403 without targets.view.
 */
let t: TestApp;
let org: Org;
const clock = new TestClock(new Date('2026-12-15T04:00:00Z'));

type Row = { subjectType: 'user' | 'department'; subjectId: number; name: string; parentId: number | null; target: number | null; actual: number; attainmentBp: number | null };
const user = (id: number, period: string, value: number | null) => ({ subjectType: 'user', subjectId: id, period, value });
const dept = (id: number, period: string, value: number | null) => ({ subjectType: 'department', subjectId: id, period, value });

beforeAll(async () => {
  t = await createTestApp({ clock });
  org = await createOrg(t);
  // December: three new customers for east1, one for east2, one for north1.
  const owners = [org.ids.east1, org.ids.east1, org.ids.east1, org.ids.east2, org.ids.north1];
  const customers: number[] = [];
  for (const [i, owner] of owners.entries()) {
    const res = await org.admin.post('/api/v1/customers', buildCustomer({ name: `导出客户${i}`, ownerId: owner }));
    expect(res.status).toBe(201);
    customers.push(res.body.id as number);
  }
  // Signed contracts in December: east1 123,456.78 yuan, north1 5,000 yuan.
  const sign = async (agent: Agent, customerId: number, amount: number) => {
    const c = (await agent.post('/api/v1/contracts', { customerId, title: `导出合同 ${amount}`, amount, signedOn: '2026-12-03' })).body;
    expect((await agent.post(`/api/v1/contracts/${c.id}/status`, { status: 'active', version: c.version })).status).toBe(200);
  };
  await sign(org.as.east1, customers[0] as number, 123_456_78);
  await sign(org.as.north1, customers[4] as number, 5_000_00);
  const put = async (metric: string, items: Array<Record<string, unknown>>) =>
    expect((await org.admin.put('/api/v1/targets', { year: 2026, metric, items })).status).toBe(200);
  await put('new_customers', [user(org.ids.east1, '2026-12', 4), user(org.ids.east2, '2026-12', 2), user(org.ids.north1, '2026-10', 1), user(org.ids.north1, '2026-11', 1), dept(org.ids.east, '2026-12', 5), dept(org.ids.sales, '2026-Q4', 20)]);
  await put('contract_amount', [user(org.ids.east1, '2026-12', 200_000_00), user(org.ids.north1, '2026-12', 3_000_00), dept(org.ids.sales, '2026-12', 250_000_00)]);
}, 180_000);
afterAll(() => t.close());

const sheetOf = (agent: Agent, url: string, lang = 'zh-CN') => xlsxSheet(t, agent, `/api/v1${url}`, '20261215', { lang, width: 5 });

const kindZh = { user: '人员', department: '部门' } as const;

/** What the sheet should hold for a report row: name, kind, target, actual (yuan for money), attainment in per cent. */
function expectedCells(r: Row, money: boolean): unknown[] {
  const amount = (v: number | null) => (v === null ? null : money ? v / 100 : v);
  return [r.name, kindZh[r.subjectType], amount(r.target), amount(r.actual), r.attainmentBp === null ? null : r.attainmentBp / 100];
}
const byName = (a: unknown[], b: unknown[]) => `${String(a[1])}${String(a[0])}`.localeCompare(`${String(b[1])}${String(b[0])}`);

describe('attainment export', () => {
  const roles = { admin: () => org.admin, manager: () => org.as.manager, east1: () => org.as.east1 } as const;
  const scope: Record<keyof typeof roles, { users: number; departments: number }> = {
    admin: { users: 9, departments: 5 },
    manager: { users: 5, departments: 3 },
    east1: { users: 1, departments: 0 },
  };
  for (const metric of ['contract_amount', 'new_customers'] as const) {
    for (const who of Object.keys(roles) as Array<keyof typeof roles>) {
      it(`${who}, ${metric}: the same rows and figures as the report`, async () => {
        const agent = roles[who]();
        const json = await agent.get(`/api/v1/targets/attainment?period=2026-12&metric=${metric}`);
        expect(json.status).toBe(200);
        const report = json.body.rows as Row[];
        expect(report.filter((r) => r.subjectType === 'user')).toHaveLength(scope[who].users);
        expect(report.filter((r) => r.subjectType === 'department')).toHaveLength(scope[who].departments);
        const money = metric === 'contract_amount';
        const { sheet, rows } = await sheetOf(agent, `/targets/attainment/export?period=2026-12&metric=${metric}`);
        expect(rows[0]).toEqual(['部门 / 人员', '类型', '目标', '实际', '达成率（%）']);
        const body = rows.slice(1);
        // Exactly the report's rows (names without their indentation), nothing more.
        const got = body.map((r) => [String(r[0]).trimStart(), ...r.slice(1)]).sort(byName);
        expect(got).toEqual(report.map((r) => expectedCells(r, money)).sort(byName));
        // Money as a number with the ¥ format; counts plain.
        const actualFormats = body.map((_, i) => sheet.getRow(i + 2).getCell(4).numFmt ?? '');
        for (const f of actualFormats) expect(f.includes('¥')).toBe(money);
        // The hierarchy reads: a user under a visible department comes after it, indented one level deeper.
        const visible = new Set(report.filter((r) => r.subjectType === 'department').map((r) => r.subjectId));
        const depth = (name: string) => (name.length - name.trimStart().length) / 2;
        for (const r of report) {
          const at = body.findIndex((c) => String(c[0]).trimStart() === r.name && c[1] === kindZh[r.subjectType]);
          if (r.parentId === null || !visible.has(r.parentId) || (r.subjectType === 'department' && r.parentId === r.subjectId)) {
            expect(depth(String(body[at]?.[0]))).toBe(0);
            continue;
          }
          const parent = report.find((p) => p.subjectType === 'department' && p.subjectId === r.parentId) as Row;
          const parentAt = body.findIndex((c) => String(c[0]).trimStart() === parent.name && c[1] === '部门');
          expect(parentAt).toBeLessThan(at);
          expect(depth(String(body[at]?.[0]))).toBe(depth(String(body[parentAt]?.[0])) + 1);
        }
      });
    }
  }

  it('the figures themselves: yuan, counts, rolled-up departments, per cent', async () => {
    const money = (await sheetOf(org.as.manager, '/targets/attainment/export?period=2026-12&metric=contract_amount')).rows;
    expect(money).toContainEqual(['    张伟', '人员', 200000, 123456.78, 61.73]);
    expect(money).toContainEqual(['销售部', '部门', 250000, 128456.78, 51.38]);
    expect(money).toContainEqual(['    Emma Smith', '人员', 3000, 5000, 166.67]);
    const counts = (await sheetOf(org.as.manager, '/targets/attainment/export?period=2026-Q4&metric=new_customers', 'en')).rows;
    expect(counts[0]).toEqual(['Department / person', 'Kind', 'Target', 'Actual', 'Attainment (%)']);
    expect(counts).toContainEqual(['销售部', 'Department', 20, 5, 25]);
    expect(counts).toContainEqual(['    Emma Smith', 'User', 2, 1, 50]);
    expect(counts).toContainEqual(['  华北组', 'Department', null, 1, null]);
  });

  it('CSV too, with the same rows', async () => {
    const json = (await org.as.manager.get('/api/v1/targets/attainment?period=2026-12&metric=contract_amount')).body.rows as Row[];
    const res = await download(t, org.as.manager, '/api/v1/targets/attainment/export?period=2026-12&metric=contract_amount&format=csv');
    expect(res.status).toBe(200);
    expect(String(res.headers['content-type'])).toContain('text/csv');
    expect(String(res.headers['content-disposition'])).toContain('20261215.csv');
    const rows = await readTable(res.bytes);
    expect(rows[0]).toEqual(['部门 / 人员', '类型', '目标', '实际', '达成率（%）']);
    const yuan = (s: string | undefined) => (s === undefined || s === '' ? null : Number(s.replace(/[¥,]/g, '')));
    const got = rows.slice(1).map((r) => [String(r[0]).trimStart(), r[1], yuan(r[2]), yuan(r[3]), yuan(r[4])]).sort(byName);
    expect(got).toEqual(json.map((r) => expectedCells(r, true)).sort(byName));
  });

  it('is in the export log with its period and metric', async () => {
    const log = (await org.admin.get('/api/v1/exports?entity=analytics&pageSize=100')).body;
    const entries = (log.items as Array<{ userId: number; filter: Record<string, unknown>; format: string; rowCount: number; finishedAt: string | null }>).filter((e) => e.filter.chart === 'targets-attainment');
    expect(entries.length).toBeGreaterThan(0);
    const east1 = entries.find((e) => e.userId === org.ids.east1 && e.filter.metric === 'new_customers');
    expect(east1).toMatchObject({ format: 'xlsx', rowCount: 1, filter: { chart: 'targets-attainment', period: '2026-12', metric: 'new_customers' } });
    expect(east1?.finishedAt).not.toBeNull();
    expect(entries.some((e) => e.format === 'csv')).toBe(true);
  });

  it('403 without targets.view; 400 on a bad period, metric or format', async () => {
    for (const who of ['agent', 'marketer', 'eastLead'] as const) {
      expect((await org.as[who].get('/api/v1/targets/attainment/export?period=2026-12&metric=new_customers')).status, who).toBe(403);
    }
    for (const q of ['period=2026-13&metric=new_customers', 'period=2026-12&metric=happiness', 'period=2026-12&metric=new_customers&format=pdf', 'period=2026-12']) {
      expect((await org.as.manager.get(`/api/v1/targets/attainment/export?${q}`)).status, q).toBe(400);
    }
  });
});
