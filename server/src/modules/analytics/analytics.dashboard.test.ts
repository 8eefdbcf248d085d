import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCustomer, createOrg, type Org } from '../../test/fixtures.js';
import { createTestApp, errorPaths, TestClock, type Agent, type TestApp } from '../../test/harness.js';
import { runAnalytics as runAnalyticsAs } from '../../test/analytics.js';
import { download, xlsxSheet } from '../../test/imports.js';

/**
 * The dashboards against a hand-made set of seven customers. Today is 2026-12-06 in Shanghai
 * (UTC+8). 张伟 (east1) owns E1-E3, 刘芳 (east2) E4 — both 华东组; Emma (north1) N1 and N2 in
 * 华北组; P1 is in the public pool. The manager (销售部 and below) sees E1-E4, N1, N2; the
 * administrator (all) also P1; a salesperson his own.
 *
 *  cust  kind          category     industry       province/city     created (Shanghai)  purchases (yuan)
 *  E1    organization  enterprise   manufacturing  浙江省/杭州市      2026-10-10          5,000 on 11-15
 *  E2    person        retail       —              浙江省/宁波市      2026-11-20          3,000 on 11-15
 *  E3    organization  distributor  finance        浙江省/杭州市      2026-12-02 00:30    400 01-01, 300 02-01, 300 03-03
 *  E4    organization  enterprise   manufacturing  江苏省/南京市      2026-12-03          500 on 11-15
 *  N1    organization  enterprise   finance        广东省/广州市      2026-11-01 00:30    200 06-01, 200 06-11
 *  N2    person        retail       —              —                 2026-12-04          100 on 11-15
 *  P1    organization  enterprise   manufacturing  浙江省/杭州市      2026-11-30 (UTC: 16:30 on 11-29)  2,000 on 11-15
 *
 * ABC by revenue over everyone: E1 5,000 · E2 3,000 · P1 2,000 · E3 1,000 · E4 500 · N1 400 · N2 100
 * (total 12,000). Value classes, N = 7: key ≤ ⌈0.07⌉ = 1 (E1), major ≤ ⌈0.35⌉ = 1 (none),
 * maintenance ≤ ⌈1.4⌉ = 2 (E2), the rest opportunity. Churn: E3's usual interval is
 * (2026-03-03 − 2026-01-01) / 2 = 61 / 2 = 30 days and it last bought 278 days ago (> 2 × 30);
 * N1's interval is 10 days, last bought 178 days ago (> 20). Nobody else has two purchase days.
 */
let t: TestApp;
let org: Org;
const clock = new TestClock(new Date('2026-12-06T04:00:00Z'));
const yuan = (v: number) => v * 100;
const ids: Record<string, number> = {};

async function customer(name: string, ownerId: number | null, fields: Record<string, unknown>, createdAt: string, purchases: Array<[string, number]>) {
  const res = await org.admin.post('/api/v1/customers', buildCustomer({ name, ownerId, ...fields }));
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  ids[name] = res.body.id as number;
  await t.ctx.db.updateTable('customers').set({ created_at: createdAt }).where('id', '=', res.body.id).execute();
  for (const [on, amount] of purchases) {
    await t.ctx.db.insertInto('purchase_history').values({ customer_id: res.body.id, purchased_on: on, amount: yuan(amount), cost: null, product: '测试商品', source: 'test', created_at: clock.now().toISOString(), created_by: null }).execute();
  }
}

const runAnalytics = () => runAnalyticsAs(org.admin, clock);

async function get(agent: Agent, url: string) {
  const res = await agent.get(`/api/v1${url}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}
const slices = (buckets: Array<{ key: string; customers: number }>) => Object.fromEntries(buckets.map((b) => [b.key, b.customers]));
const names = (items: Array<{ name?: string; customerName?: string; customerId?: number; id?: number }>) =>
  items.map((i) => i.name ?? i.customerName ?? '').sort();

beforeAll(async () => {
  t = await createTestApp({ clock });
  org = await createOrg(t);
}, 180_000);
afterAll(() => t.close());

describe('dashboards before any run', () => {
  it('answer empty figures with no run, and the composition from the archive', async () => {
    const abc = await get(org.admin, '/analytics/dashboard/abc');
    expect(abc).toMatchObject({ run: null, customers: 0, total: 0, points: [], reachA: 0 });
    const pyramid = await get(org.admin, '/analytics/dashboard/value-pyramid');
    expect(pyramid.run).toBeNull();
    expect(pyramid.rows.map((r: { customers: number }) => r.customers)).toEqual([0, 0, 0, 0]);
    expect((await get(org.admin, '/analytics/dashboard/churn')).items).toEqual([]);
  });
});

describe('dashboards on a hand-made data set', () => {
  beforeAll(async () => {
    const { east1, east2, north1 } = org.ids;
    await customer('E1', east1, { kind: 'organization', category: 'enterprise', industry: 'manufacturing', province: '浙江省', city: '杭州市', status: 'potential', lifecycleStage: 'exploration' }, '2026-10-10T02:00:00.000Z', [['2026-11-15', 5000]]);
    await customer('E2', east1, { kind: 'person', category: 'retail', province: '浙江省', city: '宁波市', status: 'first_purchase', lifecycleStage: 'formation' }, '2026-11-20T02:00:00.000Z', [['2026-11-15', 3000]]);
    await customer('E3', east1, { kind: 'organization', category: 'distributor', industry: 'finance', province: '浙江省', city: '杭州市', status: 'repeat', lifecycleStage: 'stability' }, '2026-12-01T16:30:00.000Z', [['2026-01-01', 400], ['2026-02-01', 300], ['2026-03-03', 300]]);
    await customer('E4', east2, { kind: 'organization', category: 'enterprise', industry: 'manufacturing', province: '江苏省', city: '南京市', status: 'potential', lifecycleStage: 'exploration' }, '2026-12-03T02:00:00.000Z', [['2026-11-15', 500]]);
    await customer('N1', north1, { kind: 'organization', category: 'enterprise', industry: 'finance', province: '广东省', city: '广州市', status: 'repeat', lifecycleStage: 'formation' }, '2026-10-31T16:30:00.000Z', [['2026-06-01', 200], ['2026-06-11', 200]]);
    await customer('N2', north1, { kind: 'person', category: 'retail', status: 'potential', lifecycleStage: 'exploration' }, '2026-12-04T02:00:00.000Z', [['2026-11-15', 100]]);
    await customer('P1', null, { kind: 'organization', category: 'enterprise', industry: 'manufacturing', province: '浙江省', city: '杭州市', status: 'potential', lifecycleStage: 'exploration' }, '2026-11-29T16:30:00.000Z', [['2026-11-15', 2000]]);
    await runAnalytics();
  }, 120_000);

  it('composition: exact slices for the administrator, the manager and a salesperson', async () => {
    const admin = await get(org.admin, '/analytics/dashboard/composition?province=浙江省');
    expect(admin.customers).toBe(7);
    expect(slices(admin.byKind)).toEqual({ organization: 5, person: 2 });
    expect(slices(admin.byCategory)).toEqual({ enterprise: 4, retail: 2, distributor: 1 });
    expect(slices(admin.byIndustry)).toEqual({ manufacturing: 3, finance: 2, '': 2 });
    expect(slices(admin.byStatus)).toEqual({ potential: 4, first_purchase: 1, repeat: 2 });
    expect(slices(admin.byLifecycleStage)).toEqual({ exploration: 4, formation: 2, stability: 1 });
    expect(slices(admin.byProvince)).toEqual({ 浙江省: 4, 江苏省: 1, 广东省: 1, '': 1 });
    expect(admin.byProvince[0]).toEqual({ key: '浙江省', customers: 4 });
    expect(slices(admin.byCity)).toEqual({ 杭州市: 3, 宁波市: 1 });
    // Months in Shanghai time: E3 (UTC 12-01 16:30) is December's, N1 (UTC 10-31 16:30) November's, P1 (UTC 11-29 16:30) November's.
    expect(admin.newByMonth).toHaveLength(12);
    expect(admin.newByMonth[0]).toEqual({ month: '2026-01', customers: 0 });
    expect(admin.newByMonth.slice(9)).toEqual([{ month: '2026-10', customers: 1 }, { month: '2026-11', customers: 3 }, { month: '2026-12', customers: 3 }]);

    const manager = await get(org.as.manager, '/analytics/dashboard/composition?province=浙江省');
    expect(manager.customers).toBe(6);
    expect(slices(manager.byProvince)).toEqual({ 浙江省: 3, 江苏省: 1, 广东省: 1, '': 1 });
    expect(slices(manager.byCity)).toEqual({ 杭州市: 2, 宁波市: 1 });

    const east1 = await get(org.as.east1, '/analytics/dashboard/composition');
    expect(east1.customers).toBe(3);
    expect(slices(east1.byKind)).toEqual({ organization: 2, person: 1 });
    expect(slices(east1.byProvince)).toEqual({ 浙江省: 3 });
    expect(east1.byCity).toEqual([]);
    expect(east1.newByMonth.slice(9).map((m: { customers: number }) => m.customers)).toEqual([1, 1, 1]);
    const north1 = await get(org.as.north1, '/analytics/dashboard/composition');
    expect(north1.customers).toBe(2);
    expect(slices(north1.byIndustry)).toEqual({ finance: 1, '': 1 });
  });

  it('composition filters: a date range in company days, a department (within the scope only)', async () => {
    // November in Shanghai: E2, N1 (00:30 on 11-01), P1; not E3 (00:30 on 12-02).
    const nov = await get(org.admin, '/analytics/dashboard/composition?from=2026-11-01&to=2026-11-30');
    expect(nov.customers).toBe(3);
    expect(slices(nov.byKind)).toEqual({ organization: 2, person: 1 });
    expect(nov.newByMonth).toEqual([{ month: '2026-11', customers: 3 }]);
    const fromDec2 = await get(org.admin, '/analytics/dashboard/composition?from=2026-12-02');
    expect(fromDec2.customers).toBe(3);
    expect(fromDec2.newByMonth).toEqual([{ month: '2026-12', customers: 3 }]);
    // The department: its owners' customers (the pool is nobody's department).
    const east = await get(org.admin, `/analytics/dashboard/composition?departmentId=${org.ids.east}`);
    expect(east.customers).toBe(4);
    const sales = await get(org.admin, `/analytics/dashboard/composition?departmentId=${org.ids.sales}`);
    expect(sales.customers).toBe(6);
    // Another department than one's own gives nothing beyond the scope.
    expect((await get(org.as.east1, `/analytics/dashboard/composition?departmentId=${org.ids.north}`)).customers).toBe(0);
    expect((await get(org.as.manager, `/analytics/dashboard/composition?departmentId=${org.ids.hq}`)).customers).toBe(6);
  });

  it('composition drill-down: each slice lists exactly the customers it counts', async () => {
    const list = async (agent: Agent, query: string) => {
      const body = await get(agent, `/analytics/dashboard/composition/customers?pageSize=200&${query}`);
      expect(body.total).toBe(body.items.length);
      return names(body.items);
    };
    expect(await list(org.as.east1, `dimension=province&key=${encodeURIComponent('浙江省')}`)).toEqual(['E1', 'E2', 'E3']);
    expect(await list(org.admin, `dimension=city&key=${encodeURIComponent('杭州市')}&province=${encodeURIComponent('浙江省')}`)).toEqual(['E1', 'E3', 'P1']);
    expect(await list(org.as.manager, `dimension=city&key=${encodeURIComponent('杭州市')}&province=${encodeURIComponent('浙江省')}`)).toEqual(['E1', 'E3']);
    expect(await list(org.admin, 'dimension=industry&key=')).toEqual(['E2', 'N2']);
    expect(await list(org.admin, 'dimension=province&key=')).toEqual(['N2']);
    expect(await list(org.admin, 'dimension=month&key=2026-11')).toEqual(['E2', 'N1', 'P1']);
    expect(await list(org.as.north1, 'dimension=month&key=2026-11')).toEqual(['N1']);
    expect(await list(org.admin, `dimension=kind&key=person&departmentId=${org.ids.north}`)).toEqual(['N2']);
    const item = (await get(org.as.east1, '/analytics/dashboard/composition/customers?dimension=status&key=repeat')).items[0];
    expect(item).toMatchObject({ name: 'E3', ownerId: org.ids.east1, ownerName: '张伟', industry: 'finance', city: '杭州市' });
  });

  it('revenue per month of the range: contracts and purchases by their day, per scope, with its drill-down', async () => {
    const months = (body: { months: Array<{ month: string; revenue: number; customers: number }> }) =>
      Object.fromEntries(body.months.filter((m) => m.revenue > 0 || m.customers > 0).map((m) => [m.month, [m.revenue / 100, m.customers]]));
    const admin = await get(org.admin, '/analytics/dashboard/revenue');
    expect(admin.months.map((m: { month: string }) => m.month)).toEqual(['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11', '2026-12']);
    expect(months(admin)).toEqual({ '2026-01': [400, 1], '2026-02': [300, 1], '2026-03': [300, 1], '2026-06': [400, 1], '2026-11': [10600, 5] });
    expect([admin.revenue, admin.customers]).toEqual([yuan(12000), 7]);
    const east1 = await get(org.as.east1, '/analytics/dashboard/revenue?from=2026-01-01&to=2026-12-31');
    expect(months(east1)).toEqual({ '2026-01': [400, 1], '2026-02': [300, 1], '2026-03': [300, 1], '2026-11': [8000, 2] });
    expect([east1.revenue, east1.customers]).toEqual([yuan(9000), 3]);
    // The range cuts its first month: N1's purchase of 06-01 is before it, that of 06-11 inside.
    const north1 = await get(org.as.north1, '/analytics/dashboard/revenue?from=2026-06-05&to=2026-11-30');
    expect(north1.months).toHaveLength(6);
    expect(months(north1)).toEqual({ '2026-06': [200, 1], '2026-11': [100, 1] });
    expect([north1.revenue, north1.customers]).toEqual([yuan(300), 2]);
    expect((await get(org.admin, `/analytics/dashboard/revenue?departmentId=${org.ids.north}`)).revenue).toBe(yuan(500));

    const buyers = async (agent: Agent, q: string) => {
      const body = await get(agent, `/analytics/dashboard/revenue/customers?${q}`);
      expect(body.total).toBe(body.items.length);
      return (body.items as Array<{ customerName: string; revenue: number; purchases: number }>).map((i) => [i.customerName, i.revenue / 100, i.purchases]);
    };
    expect(await buyers(org.admin, 'month=2026-11')).toEqual([['E1', 5000, 1], ['E2', 3000, 1], ['P1', 2000, 1], ['E4', 500, 1], ['N2', 100, 1]]);
    expect(await buyers(org.as.manager, 'month=2026-11')).toEqual([['E1', 5000, 1], ['E2', 3000, 1], ['E4', 500, 1], ['N2', 100, 1]]);
    expect(await buyers(org.as.east1, 'month=2026-01')).toEqual([['E3', 400, 1]]);
    expect(await buyers(org.as.north1, 'month=2026-06')).toEqual([['N1', 400, 2]]);
    expect(await buyers(org.as.north1, 'month=2026-06&from=2026-06-05')).toEqual([['N1', 200, 1]]);
    expect(await buyers(org.as.east2, 'month=2026-01')).toEqual([]);
    expect(errorPaths(await org.admin.get('/api/v1/analytics/dashboard/revenue/customers?month=2026-13'))).toEqual(['month']);
  });

  it('ABC Pareto: cumulative shares and the 80 / 90 % reach within the scope', async () => {
    const admin = await get(org.admin, '/analytics/dashboard/abc');
    expect(admin).toMatchObject({ basis: 'revenue', customers: 7, total: yuan(12000), aPercent: 80, bPercent: 90, reachA: 3, reachB: 4 });
    expect(admin.points.map((p: { customerName: string; value: number; cumulativeBp: number; abcClass: string; rank: number }) => [p.rank, p.customerName, p.value / 100, p.cumulativeBp, p.abcClass])).toEqual([
      [1, 'E1', 5000, 4166, 'A'], [2, 'E2', 3000, 6666, 'A'], [3, 'P1', 2000, 8333, 'B'], [4, 'E3', 1000, 9166, 'C'],
      [5, 'E4', 500, 9583, 'C'], [6, 'N1', 400, 9916, 'C'], [7, 'N2', 100, 10000, 'C'],
    ]);
    expect(admin.rest).toEqual({ customers: 0, value: 0 });
    // 张伟's three: 5,000 / 9,000 = 55.55 %, 8,000 / 9,000 = 88.88 %: 80 % is reached at the second, 90 % at the third.
    const east1 = await get(org.as.east1, '/analytics/dashboard/abc?limit=2');
    expect(east1).toMatchObject({ customers: 3, total: yuan(9000), reachA: 2, reachB: 3, rest: { customers: 1, value: yuan(1000) } });
    expect(east1.points.map((p: { customerName: string; cumulativeBp: number }) => [p.customerName, p.cumulativeBp])).toEqual([['E1', 5555], ['E2', 8888]]);
    const manager = await get(org.as.manager, `/analytics/dashboard/abc?departmentId=${org.ids.north}`);
    expect(manager).toMatchObject({ customers: 2, total: yuan(500), reachA: 1, reachB: 2 });
  });

  it('value pyramid and RFM segments: exact counts and money per scope', async () => {
    const pyramid = async (agent: Agent, q = '') => Object.fromEntries(((await get(agent, `/analytics/dashboard/value-pyramid${q}`)).rows as Array<{ valueClass: string; customers: number; revenue: number; grossProfit: number }>).map((r) => [r.valueClass, [r.customers, r.revenue / 100, r.grossProfit / 100]]));
    expect(await pyramid(org.admin)).toEqual({ key: [1, 5000, 1000], major: [0, 0, 0], maintenance: [1, 3000, 600], opportunity: [5, 4000, 800] });
    expect(await pyramid(org.as.manager)).toEqual({ key: [1, 5000, 1000], major: [0, 0, 0], maintenance: [1, 3000, 600], opportunity: [4, 2000, 400] });
    expect(await pyramid(org.as.east1)).toEqual({ key: [1, 5000, 1000], major: [0, 0, 0], maintenance: [1, 3000, 600], opportunity: [1, 1000, 200] });
    expect(await pyramid(org.as.north1)).toEqual({ key: [0, 0, 0], major: [0, 0, 0], maintenance: [0, 0, 0], opportunity: [2, 500, 100] });
    expect(await pyramid(org.admin, `?departmentId=${org.ids.east}`)).toEqual({ key: [1, 5000, 1000], major: [0, 0, 0], maintenance: [1, 3000, 600], opportunity: [2, 1500, 300] });

    // RFM: each segment's count and revenue equal those of the scope's customers listed with that segment.
    for (const agent of [org.admin, org.as.manager, org.as.east1]) {
      const rfm = (await get(agent, '/analytics/dashboard/rfm')).rows as Array<{ segment: string; customers: number; revenue: number }>;
      const listed = (await get(agent, '/analytics/customers?pageSize=200')).items as Array<{ rfmSegment: string; revenue: number }>;
      for (const row of rfm) {
        const mine = listed.filter((l) => l.rfmSegment === row.segment);
        expect([row.segment, row.customers, row.revenue]).toEqual([row.segment, mine.length, mine.reduce((s, l) => s + l.revenue, 0)]);
      }
      expect(rfm.reduce((s, r) => s + r.customers, 0)).toBe(listed.length);
    }
    expect((await get(org.as.east1, '/analytics/dashboard/rfm')).rows.reduce((s: number, r: { customers: number }) => s + r.customers, 0)).toBe(3);
  });

  it('pyramid quadrants: counts, values and drill-down per scope, as worked out by hand', async () => {
    // Current value = 20 % of the year's spend: E1 1,000 · E2 600 · P1 400 · E3 200 · E4 100 · N1 80 · N2 20.
    // Peers: manufacturing/enterprise E1, E4, P1 → median 400 (3 peers: the gap counts) → E4 400 − 100 = 300;
    // retail E2, N2 (2 < 3), E3 and N1 alone: no gap; no referrals. Potential: E4 300, the rest 0.
    // N = 7: value cut = rank ⌈7 × 20 %⌉ = 2 from the top = 600 (E2) → E1, E2 high; potential cut =
    // rank ⌈7 × 50 %⌉ = 4 from the bottom = 0 → only E4 high. E1, E2 gold; E4 iron; E3, N1, N2, P1 lead.
    const chart = async (agent: Agent, q = '') => {
      const body = await get(agent, `/analytics/dashboard/quadrants${q}`);
      expect([body.valueTopPercent, body.potentialPercentile, body.valueCut, body.potentialCut]).toEqual([20, 50, yuan(600), 0]);
      return Object.fromEntries((body.rows as Array<{ quadrant: string; customers: number; currentValue: number; potentialValue: number }>).map((r) => [r.quadrant, [r.customers, r.currentValue / 100, r.potentialValue / 100]]));
    };
    expect(await chart(org.admin)).toEqual({ platinum: [0, 0, 0], gold: [2, 1600, 0], iron: [1, 100, 300], lead: [4, 700, 0] });
    expect(await chart(org.as.manager)).toEqual({ platinum: [0, 0, 0], gold: [2, 1600, 0], iron: [1, 100, 300], lead: [3, 300, 0] });
    expect(await chart(org.as.east1)).toEqual({ platinum: [0, 0, 0], gold: [2, 1600, 0], iron: [0, 0, 0], lead: [1, 200, 0] });
    expect(await chart(org.as.north1)).toEqual({ platinum: [0, 0, 0], gold: [0, 0, 0], iron: [0, 0, 0], lead: [2, 100, 0] });
    expect(await chart(org.admin, `?departmentId=${org.ids.north}`)).toEqual({ platinum: [0, 0, 0], gold: [0, 0, 0], iron: [0, 0, 0], lead: [2, 100, 0] });
    // The drill-down lists exactly the customers a quadrant counts, in the same scope.
    const drill = async (agent: Agent, q: string) => names((await get(agent, `/analytics/customers?pageSize=200&quadrant=${q}`)).items);
    expect(await drill(org.admin, 'lead')).toEqual(['E3', 'N1', 'N2', 'P1']);
    expect(await drill(org.as.manager, 'lead')).toEqual(['E3', 'N1', 'N2']);
    expect(await drill(org.as.east1, 'lead')).toEqual(['E3']);
    expect(await drill(org.as.east1, 'gold')).toEqual(['E1', 'E2']);
    expect(await drill(org.as.north1, 'gold')).toEqual([]);
    expect(await drill(org.as.manager, `iron&departmentId=${org.ids.east}`)).toEqual(['E4']);
    expect((await org.as.marketer.get('/api/v1/analytics/dashboard/quadrants')).status).toBe(403);
  });

  it('churn-risk list: owner, usual interval, days since the last purchase, per scope', async () => {
    const admin = await get(org.admin, '/analytics/dashboard/churn');
    expect(admin.total).toBe(2);
    expect(admin.items.map((r: Record<string, unknown>) => [r.customerName, r.ownerName, r.averageIntervalDays, r.daysSinceLastPurchase, r.lastOn, r.revenue])).toEqual([
      ['E3', '张伟', 30, 278, '2026-03-03', yuan(1000)],
      ['N1', 'Emma Smith', 10, 178, '2026-06-11', yuan(400)],
    ]);
    expect(names((await get(org.as.east1, '/analytics/dashboard/churn')).items)).toEqual(['E3']);
    expect(names((await get(org.as.north1, '/analytics/dashboard/churn')).items)).toEqual(['N1']);
    expect(names((await get(org.as.east2, '/analytics/dashboard/churn')).items)).toEqual([]);
    expect(names((await get(org.as.manager, `/analytics/dashboard/churn?departmentId=${org.ids.north}`)).items)).toEqual(['N1']);
  });

  it('class drill-down: GET /analytics/customers with the chart filter and the department', async () => {
    const list = async (agent: Agent, q: string) => {
      const body = await get(agent, `/analytics/customers?pageSize=200&${q}`);
      return (body.items as Array<{ customerName: string }>).map((i) => i.customerName).sort();
    };
    expect(await list(org.as.manager, `valueClass=opportunity&departmentId=${org.ids.east}`)).toEqual(['E3', 'E4']);
    expect(await list(org.as.manager, 'valueClass=opportunity')).toEqual(['E3', 'E4', 'N1', 'N2']);
    expect(await list(org.as.east1, 'churnRisk=true')).toEqual(['E3']);
    expect(await list(org.admin, 'abcClass=B')).toEqual(['P1']);
    expect(await list(org.as.manager, 'abcClass=B')).toEqual([]);
  });

  it('exports each chart as a real .xlsx with money in yuan, in the scope of the caller', async () => {
    const sheetOf = (agent: Agent, url: string, lang = 'zh-CN') => xlsxSheet(t, agent, `/api/v1${url}`, '20261206', { lang });
    const abc = await sheetOf(org.as.east1, '/analytics/dashboard/abc/export');
    expect(abc.rows).toEqual([
      ['排名', '客户', '收入', '累计占比（%）', 'ABC分类', '价值类别'],
      [1, 'E1', 5000, 55.55, 'A', '关键客户'],
      [2, 'E2', 3000, 88.88, 'A', '维持客户'],
      [3, 'E3', 1000, 100, 'C', '机会客户'],
    ]);
    expect(abc.sheet.getRow(2).getCell(3).numFmt).toContain('¥');

    const pyramid = await sheetOf(org.as.manager, '/analytics/dashboard/value-pyramid/export', 'en');
    expect(pyramid.rows).toEqual([
      ['Value class', 'Customers', 'Revenue', 'Gross profit'],
      ['Key', 1, 5000, 1000], ['Major', 0, 0, 0], ['Maintenance', 1, 3000, 600], ['Opportunity', 4, 2000, 400],
    ]);

    const quadrants = await sheetOf(org.as.manager, '/analytics/dashboard/quadrants/export');
    expect(quadrants.rows).toEqual([
      ['象限', '客户数', '当前价值', '潜在价值'],
      ['白金 IV（高价值、高潜力：发展）', 0, 0, 0], ['黄金 III（高价值、低潜力：保持忠诚）', 2, 1600, 0],
      ['钢铁 II（低价值、高潜力：培养）', 1, 100, 300], ['铅 I（低价值、低潜力：标准服务）', 3, 300, 0],
    ]);

    const churn = await sheetOf(org.as.north1, '/analytics/dashboard/churn/export');
    expect(churn.rows).toHaveLength(2);
    expect(churn.rows[1]?.slice(0, 4)).toEqual(['N1', 'Emma Smith', 10, 178]);
    expect(churn.rows[1]?.[5]).toBe(400);

    const composition = await sheetOf(org.as.east1, `/analytics/dashboard/composition/export?province=${encodeURIComponent('浙江省')}`);
    expect(composition.rows[0]).toEqual(['维度', '取值', '客户数']);
    expect(composition.rows).toContainEqual(['省份', '浙江省', 3]);
    expect(composition.rows).toContainEqual(['城市', '杭州市', 2]);
    expect(composition.rows).toContainEqual(['类型', '个人客户', 1]);
    expect(composition.rows.slice(1).reduce((s, r) => s + (r[0] === '类型' ? Number(r[2]) : 0), 0)).toBe(3);

    const months = await sheetOf(org.admin, '/analytics/dashboard/new-customers/export?from=2026-10-01&to=2026-12-31');
    expect(months.rows).toEqual([['月份', '客户数'], ['2026-10', 1], ['2026-11', 3], ['2026-12', 3]]);

    const revenue = await sheetOf(org.as.east1, '/analytics/dashboard/revenue/export?from=2026-01-01&to=2026-03-31');
    expect(revenue.rows).toEqual([['月份', '收入', '购买客户数'], ['2026-01', 400, 1], ['2026-02', 300, 1], ['2026-03', 300, 1]]);

    const rfm = await sheetOf(org.as.east1, '/analytics/dashboard/rfm/export');
    expect(rfm.rows).toHaveLength(9);
    expect(rfm.rows.slice(1).reduce((s, r) => s + Number(r[1]), 0)).toBe(3);
    expect(rfm.rows.slice(1).reduce((s, r) => s + Number(r[2]), 0)).toBe(9000);

    const csv = await download(t, org.as.east1, '/api/v1/analytics/dashboard/value-pyramid/export?format=csv');
    expect(csv.status).toBe(200);
    expect(csv.bytes.toString('utf8')).toContain('5000');

    // Each download is in the export log beside the list exports: who, which chart, its filters, how many rows.
    const log = (await org.admin.get('/api/v1/exports?entity=analytics&pageSize=100')).body;
    expect(log.total).toBe(9);
    const entries = log.items as Array<{ userId: number; filter: Record<string, unknown>; format: string; rowCount: number; finishedAt: string | null; columns: string[] }>;
    const abcEntry = entries.find((e) => e.filter.chart === 'abc');
    expect(abcEntry).toMatchObject({ userId: org.ids.east1, format: 'xlsx', rowCount: 3, columns: ['排名', '客户', '收入', '累计占比（%）', 'ABC分类', '价值类别'] });
    expect(abcEntry?.finishedAt).not.toBeNull();
    expect(entries.find((e) => e.filter.chart === 'composition')?.filter).toMatchObject({ province: '浙江省' });
    expect(entries.find((e) => e.filter.chart === 'churn')).toMatchObject({ userId: org.ids.north1, rowCount: 1 });
    expect(entries.filter((e) => e.format === 'csv')).toHaveLength(1);
    // The list exports' filter leaves them out.
    expect((await org.admin.get('/api/v1/exports?entity=customers')).body.items.some((e: { filter: Record<string, unknown> }) => 'chart' in e.filter)).toBe(false);
  });

  it('permissions and bad input: 403 without analytics.view, field-level messages, nothing else', async () => {
    for (const url of ['/analytics/dashboard/composition', '/analytics/dashboard/revenue', '/analytics/dashboard/revenue/customers?month=2026-11', '/analytics/dashboard/abc', '/analytics/dashboard/value-pyramid', '/analytics/dashboard/rfm', '/analytics/dashboard/churn', '/analytics/dashboard/composition/customers?dimension=kind', '/analytics/dashboard/abc/export']) {
      expect((await org.as.eastLead.get(`/api/v1${url}`)).status, url).toBe(403);
    }
    const reversed = await org.admin.get('/api/v1/analytics/dashboard/composition?from=2026-12-01&to=2026-11-01');
    expect(reversed.status).toBe(400);
    expect(errorPaths(reversed)).toEqual(['to']);
    expect(JSON.stringify(reversed.body)).toContain('Must not be before the start of the range.');
    const tooLong = await org.admin.get('/api/v1/analytics/dashboard/composition?from=2000-01-01&to=2026-12-01');
    expect(tooLong.status).toBe(400);
    expect(errorPaths(tooLong)).toEqual(['from']);
    expect(errorPaths(await org.admin.get('/api/v1/analytics/dashboard/composition?from=2026-13-01'))).toEqual(['from']);
    expect(errorPaths(await org.admin.get('/api/v1/analytics/dashboard/composition/customers?dimension=owner'))).toEqual(['dimension']);
    expect(errorPaths(await org.admin.get('/api/v1/analytics/dashboard/composition/customers?dimension=month&key=2026'))).toEqual(['key']);
    expect(errorPaths(await org.admin.get('/api/v1/analytics/dashboard/abc?limit=0'))).toEqual(['limit']);
    expect(errorPaths(await org.admin.get('/api/v1/analytics/dashboard/churn?departmentId=abc'))).toEqual(['departmentId']);
    expect((await org.admin.get('/api/v1/analytics/dashboard/pie/export')).status).toBe(400);
    expect((await org.admin.get('/api/v1/analytics/dashboard/abc/export?format=pdf')).status).toBe(400);
  });
});
