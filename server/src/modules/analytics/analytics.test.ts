import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { explanationInputKinds } from '@crm/contracts';
import { buildCustomer, createOrg, type Org } from '../../test/fixtures.js';
import { createTestApp, errorPaths, TestClock, type Agent, type TestApp } from '../../test/harness.js';
import { runAnalytics } from '../../test/analytics.js';

/**
 * Customer analytics against hand-worked examples: a 10-customer ABC table (revenue, then gross
 * profit with a contract whose product cost is known), an RFM table with every customer's scores,
 * segment, status, stage and churn risk worked out below, and lifetime values; the data scope of
 * every read; one run however many ask at once; bad input.
 *
 * Today is 2026-12-06 in Shanghai. Default settings: A ≤ 80 %, B ≤ 90 %, key top 1 %, major 5 %,
 * maintenance 20 %, RFM window 12 months (purchases after 2025-12-06), margin 20 %, lost after
 * 365 days, loyal from 5 purchases, stability after 12 months (first purchase on or before
 * 2025-12-06), churn at 2 × the usual interval or spend down 50 %, LTV 10 % over 5 years.
 */
let t: TestApp;
let org: Org;
const clock = new TestClock(new Date('2026-12-06T04:00:00Z'));
const yuan = (v: number) => v * 100;

async function customer(name: string, ownerId: number | null): Promise<number> {
  const res = await org.admin.post('/api/v1/customers', buildCustomer({ name, ownerId }));
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id as number;
}
async function purchases(customerId: number, rows: Array<[string, number]>): Promise<void> {
  for (const [on, amount] of rows) {
    await t.ctx.db.insertInto('purchase_history').values({ customer_id: customerId, purchased_on: on, amount: yuan(amount), cost: null, product: '测试商品', source: 'test', created_at: clock.now().toISOString(), created_by: null }).execute();
  }
}
/** Start a run as the administrator and wait for it; its id. */
const run = () => runAnalytics(org.admin, clock);
type Row = { customerId: number; abcClass: string; abcRank: number; abcCumulativeBp: number; valueClass: string; rScore: number; fScore: number; mScore: number; rfmSegment: string; status: string; lifecycleStage: string; churnRisk: boolean; recencyDays: number; frequency: number; monetary: number; averageIntervalDays: number | null; historicalValue: number; currentValue: number; lifetimeValue: number; revenue: number; grossProfit: number };
async function rows(agent: Agent, query = ''): Promise<Map<number, Row>> {
  const res = await agent.get(`/api/v1/analytics/customers?pageSize=200${query}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return new Map((res.body.items as Row[]).map((r) => [r.customerId, r]));
}
async function settings(change: Record<string, unknown>) {
  const current = (await org.admin.get('/api/v1/settings/analytics')).body;
  const res = await org.admin.put('/api/v1/settings/analytics', { ...current, ...change });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

const c: number[] = [];
const d: number[] = [];
const must = <T>(v: T | undefined): T => {
  if (v === undefined) throw new Error('missing');
  return v;
};
const cid = (i: number) => must(c[i]);
const did = (i: number) => must(d[i]);
const get = (m: Map<number, Row>, id: number) => must(m.get(id));

beforeAll(async () => {
  t = await createTestApp({ clock });
  org = await createOrg(t);
}, 180_000);
afterAll(() => t.close());

describe('ABC and value classes: ten customers', () => {
  it('classifies by revenue as worked out by hand', async () => {
    // C1's ¥5,000 is a signed contract (a product costing ¥3,000, no tax); C2-C10 imported purchases.
    // C1-C5 are 张伟's (east1), C6-C10 Emma's (north1).
    for (let i = 1; i <= 10; i++) c.push(await customer(`ABC客户${i}`, i <= 5 ? org.ids.east1 : org.ids.north1));
    const product = await org.admin.post('/api/v1/products', { code: 'ABC-1', name: '分析产品', standardPrice: yuan(5000), cost: yuan(3000), taxRate: 0 });
    expect(product.status, JSON.stringify(product.body)).toBe(201);
    const contract = await org.admin.post('/api/v1/contracts', { customerId: c[0], title: 'ABC合同', signedOn: '2026-11-01', lines: [{ productId: product.body.id, quantity: 1 }] });
    expect(contract.status, JSON.stringify(contract.body)).toBe(201);
    expect(contract.body.amount).toBe(yuan(5000));
    expect((await org.admin.post(`/api/v1/contracts/${contract.body.id}/status`, { status: 'active', version: contract.body.version })).status).toBe(200);
    // A draft contract is no transaction.
    expect((await org.admin.post('/api/v1/contracts', { customerId: c[1], title: '草稿', signedOn: '2026-11-01', amount: yuan(99999) })).status).toBe(201);
    const amounts = [3000, 1000, 400, 250, 150, 100, 60, 30, 10];
    for (let i = 1; i < 10; i++) await purchases(cid(i), [['2026-11-15', amounts[i - 1] ?? 0]]);
    await run();

    //  rank  customer  revenue  cumulative  share     class (A ≤ 80 %, B ≤ 90 %)
    //   1    C1        5,000    5,000       50.00 %   A
    //   2    C2        3,000    8,000       80.00 %   A   (≤ 80 % counts)
    //   3    C3        1,000    9,000       90.00 %   B   (≤ 90 % counts)
    //   4    C4          400    9,400       94.00 %   C
    //   5    C5          250    9,650       96.50 %   C
    //   6    C6          150    9,800       98.00 %   C
    //   7    C7          100    9,900       99.00 %   C
    //   8    C8           60    9,960       99.60 %   C
    //   9    C9           30    9,990       99.90 %   C
    //  10    C10          10   10,000      100.00 %   C
    // Value classes, N = 10: key = ranks ≤ ⌈10 × 1 %⌉ = 1, major ≤ ⌈0.5⌉ = 1 (none more),
    // maintenance ≤ ⌈2⌉ = 2, the rest opportunity.
    const all = await rows(org.admin);
    const expected: Array<[string, number, string]> = [
      ['A', 5000, 'key'], ['A', 8000, 'maintenance'], ['B', 9000, 'opportunity'], ['C', 9400, 'opportunity'], ['C', 9650, 'opportunity'],
      ['C', 9800, 'opportunity'], ['C', 9900, 'opportunity'], ['C', 9960, 'opportunity'], ['C', 9990, 'opportunity'], ['C', 10000, 'opportunity'],
    ];
    expected.forEach(([abc, bp, value], i) => {
      const r = get(all, cid(i));
      expect({ rank: r.abcRank, abc: r.abcClass, bp: r.abcCumulativeBp, value: r.valueClass }).toEqual({ rank: i + 1, abc, bp, value });
    });
    // Gross profit: C1 from its product's cost (5,000 − 3,000), the others at the 20 % default margin.
    expect(get(all, cid(0)).grossProfit).toBe(yuan(2000));
    expect(get(all, cid(1)).grossProfit).toBe(yuan(600));
    expect(get(all, cid(1)).revenue).toBe(yuan(3000));

    const summary = (await org.admin.get('/api/v1/analytics/summary')).body;
    expect(summary.abc).toEqual({ A: 2, B: 1, C: 7 });
    expect(summary.valueClasses).toEqual({ key: 1, major: 0, maintenance: 1, opportunity: 8 });
    expect(summary.customers).toBe(10);
    expect(summary.revenue).toBe(yuan(10000));
  });

  it('explains each class with its inputs and formula, in the reader\'s language', async () => {
    const en = await org.admin.get(`/api/v1/analytics/customers/${c[1]}`);
    expect(en.status, JSON.stringify(en.body)).toBe(200);
    const abc = en.body.explanations.find((e: { key: string }) => e.key === 'abc');
    expect(abc.value).toBe('A');
    expect(abc.inputs).toMatchObject({ basis: 'revenue', rank: 2, customers: 10, cumulative: yuan(8000), total: yuan(10000), cumulativeSharePercent: 80 });
    expect(abc.formula).toBe('revenue rank 2 of 10, cumulative share ¥8,000.00 / ¥10,000.00 = 80.00 % ≤ 80 % → A');
    const zh = await (await t.login('admin@example.com', 'admin-password-1', 'zh-CN')).get(`/api/v1/analytics/customers/${c[3]}`);
    expect(zh.body.explanations.find((e: { key: string }) => e.key === 'abc').formula).toBe('收入排名第 4 / 10，累计占比 ¥9,400.00 / ¥10,000.00 = 94.00 % > 90 % → C');
    const value = en.body.explanations.find((e: { key: string }) => e.key === 'valueClass');
    expect(value.inputs).toMatchObject({ rank: 2, keyUpTo: 1, majorUpTo: 1, maintenanceUpTo: 2 });
  });

  it('ranks by gross profit when the basis says so, and keeps each run: C2 moves from A to B', async () => {
    await settings({ abcBasis: 'gross_profit' });
    await run();
    //  rank  customer  gross profit  cumulative  share     class
    //   1    C1        2,000 (cost)  2,000       66.67 %   A
    //   2    C2          600         2,600       86.67 %   B
    //   3    C3          200         2,800       93.33 %   C
    //   4-10 80, 50, 30, 20, 12, 6, 2 (20 % of revenue)  → C (total 3,000)
    const all = await rows(org.admin);
    expect([0, 1, 2, 3].map((i) => [get(all, cid(i)).abcClass, get(all, cid(i)).abcCumulativeBp])).toEqual([['A', 6666], ['B', 8666], ['C', 9333], ['C', 9600]]);
    const history = (await org.admin.get(`/api/v1/analytics/customers/${c[1]}`)).body.history;
    expect(history.map((h: { abcClass: string }) => h.abcClass)).toEqual(['B', 'A']);
    await settings({ abcBasis: 'revenue' });
  });

  it('shows each reader only the classes of the customers in his scope, counts included', async () => {
    const mine = await rows(org.as.east1);
    expect([...mine.keys()].sort((a, b) => a - b)).toEqual(c.slice(0, 5));
    expect([...(await rows(org.as.north1)).keys()].sort((a, b) => a - b)).toEqual(c.slice(5));
    expect([...(await rows(org.as.manager)).keys()].sort((a, b) => a - b)).toEqual(c);
    // Latest run (gross profit): east1's C1 A, C2 B, C3-C5 C.
    const summary = (await org.as.east1.get('/api/v1/analytics/summary')).body;
    expect(summary.customers).toBe(5);
    expect(summary.abc).toEqual({ A: 1, B: 1, C: 3 });
    expect((await org.as.east1.get('/api/v1/analytics/summary')).body.revenue).toBe(yuan(9650));
    // Another salesperson's customer is not found, as if it did not exist.
    expect((await org.as.east1.get(`/api/v1/analytics/customers/${c[6]}`)).status).toBe(404);
    expect((await org.as.east1.get(`/api/v1/analytics/customers/${c[0]}`)).status).toBe(200);
    // Filters within the scope.
    expect([...(await rows(org.as.east1, '&abcClass=C')).keys()].sort((a, b) => a - b)).toEqual(c.slice(2, 5));
    // No analytics permission: marketing.
    expect((await org.as.marketer.get('/api/v1/analytics/customers')).status).toBe(403);
    expect((await org.as.marketer.get('/api/v1/analytics/summary')).status).toBe(403);
  });
});

describe('RFM, values, status, lifecycle and churn: ten more customers', () => {
  it('scores and segments as worked out by hand', async () => {
    await t.ctx.db.deleteFrom('purchase_history').execute();
    await t.ctx.db.updateTable('contracts').set({ status: 'cancelled' }).execute();
    for (let i = 1; i <= 10; i++) d.push(await customer(`RFM客户${i}`, org.ids.east2));
    // customer  purchases (yuan each)                                     recency  F   M (window)
    // D1  2025-11-01, 2026-07-01 .. 2026-12-01 monthly (7 × 2,000)          5      6  12,000
    // D2  2026-06-20, 09-20, 11-20 (3 × 3,000)                              16      3   9,000
    // D3  2026-11-26 (500)                                                  10      1     500
    // D4  2025-04-10, 07-10, 10-10, 2026-02-10 (4 × 4,000)                 299      1   4,000 (previous window 12,000)
    // D5  2026-05-15, 10-15 (2 × 1,500)                                     52      2   3,000
    // D6  2025-06-01 (8,000)                                               553      0       0
    // D7  2026-06-01, 07-01, 08-01, 09-01 (4 × 1,100)                       96      4   4,400
    // D8  2026-11-15, 11-30 (2 × 200)                                        6      2     400
    // D9  2026-01-01, 04-01 (2 × 2,500)                                    249      2   5,000
    // D10 2026-12-05 (7,000)                                                 1      1   7,000
    await purchases(did(0), ['2025-11-01', '2026-07-01', '2026-08-01', '2026-09-01', '2026-10-01', '2026-11-01', '2026-12-01'].map((on) => [on, 2000]));
    await purchases(did(1), ['2026-06-20', '2026-09-20', '2026-11-20'].map((on) => [on, 3000]));
    await purchases(did(2), [['2026-11-26', 500]]);
    await purchases(did(3), ['2025-04-10', '2025-07-10', '2025-10-10', '2026-02-10'].map((on) => [on, 4000]));
    await purchases(did(4), ['2026-05-15', '2026-10-15'].map((on) => [on, 1500]));
    await purchases(did(5), [['2025-06-01', 8000]]);
    await purchases(did(6), ['2026-06-01', '2026-07-01', '2026-08-01', '2026-09-01'].map((on) => [on, 1100]));
    await purchases(did(7), ['2026-11-15', '2026-11-30'].map((on) => [on, 200]));
    await purchases(did(8), ['2026-01-01', '2026-04-01'].map((on) => [on, 2500]));
    await purchases(did(9), [['2026-12-05', 7000]]);
    await run();
    // Quintiles of 10 customers: 2 each, ties by customer id (D1 < D2 < ...).
    // R, most days first: D6 553, D4 299 → 1; D9 249, D7 96 → 2; D5 52, D2 16 → 3; D3 10, D8 6 → 4; D1 5, D10 1 → 5.
    // F, fewest first: D6 0, D3 1 → 1; D4 1, D10 1 → 2; D5 2, D8 2 → 3; D9 2, D2 3 → 4; D7 4, D1 6 → 5.
    // M, least first: D6 0, D8 400 → 1; D3 500, D5 3,000 → 2; D4 4,000, D7 4,400 → 3; D9 5,000, D10 7,000 → 4; D2 9,000, D1 12,000 → 5.
    // Segments: champions R,F,M ≥ 4; cannot_lose R ≤ 2, F,M ≥ 4; at_risk R ≤ 2, F or M ≥ 3; hibernating R ≤ 2;
    // loyal F ≥ 4; new R ≥ 4, F ≤ 1; potential_loyalist R ≥ 4; else needs_attention.
    // Status: lost > 365 days; 1 purchase first_purchase; ≥ 5 loyal; else repeat.
    // Usual interval = days from first to last purchase / (purchase days − 1):
    //   D1 395/6 = 65, D2 153/2 = 76, D4 306/3 = 102, D5 153, D7 92/3 = 30, D8 15, D9 90.
    // Churn risk (not lost): recency > 2 × interval — D4 299 > 204, D7 96 > 60, D9 249 > 180;
    //   or spend down ≥ 50 %: D4 4,000 ≤ 12,000 × 50 %.
    // Stage: lost or at risk → decline; 1 purchase → exploration; ≥ 5 purchases and first on or
    //   before 2025-12-06 → stability (D1); else formation.
    const expected: Array<[number, number, number, string, string, string, boolean, number | null]> = [
      [5, 5, 5, 'champions', 'loyal', 'stability', false, 65],
      [3, 4, 5, 'loyal', 'repeat', 'formation', false, 76],
      [4, 1, 2, 'new', 'first_purchase', 'exploration', false, null],
      [1, 2, 3, 'at_risk', 'repeat', 'decline', true, 102],
      [3, 3, 2, 'needs_attention', 'repeat', 'formation', false, 153],
      [1, 1, 1, 'hibernating', 'lost', 'decline', false, null],
      [2, 5, 3, 'at_risk', 'repeat', 'decline', true, 30],
      [4, 3, 1, 'potential_loyalist', 'repeat', 'formation', false, 15],
      [2, 4, 4, 'cannot_lose', 'repeat', 'decline', true, 90],
      [5, 2, 4, 'potential_loyalist', 'first_purchase', 'exploration', false, null],
    ];
    const all = await rows(org.admin);
    expect(all.size).toBe(10);
    expected.forEach(([r, f, m, segment, status, stage, churn, interval], i) => {
      const row = get(all, did(i));
      expect({ i, r: row.rScore, f: row.fScore, m: row.mScore, segment: row.rfmSegment, status: row.status, stage: row.lifecycleStage, churn: row.churnRisk, interval: row.averageIntervalDays })
        .toEqual({ i, r, f, m, segment, status, stage, churn, interval });
    });
    expect([get(all, did(0)).recencyDays, get(all, did(3)).recencyDays, get(all, did(5)).recencyDays, get(all, did(6)).recencyDays]).toEqual([5, 299, 553, 96]);
    const churned = await rows(org.admin, '&churnRisk=true');
    expect([...churned.keys()].sort((a, b) => a - b)).toEqual([d[3], d[6], d[8]]);
    const summary = (await org.as.east2.get('/api/v1/analytics/summary')).body;
    expect(summary.rfmSegments).toEqual({ champions: 1, loyal: 1, potential_loyalist: 2, new: 1, at_risk: 2, cannot_lose: 1, hibernating: 1, needs_attention: 1 });
    expect(summary.statuses).toEqual({ first_purchase: 2, repeat: 6, loyal: 1, lost: 1 });
    expect(summary.lifecycleStages).toEqual({ exploration: 2, formation: 3, stability: 1, decline: 4 });
    expect(summary.churnRisk).toBe(3);
    // The earlier customers have no transactions any more (purchases removed, contract cancelled): not classified.
    expect((await org.admin.get(`/api/v1/analytics/customers/${c[0]}`)).body.current).toBeNull();
  });

  it('values D1: historical, current and lifetime value with the default and changed parameters', async () => {
    // Historical: 7 × 2,000 × 20 % = 2,800. Current: the window's profit 6 × 2,000 × 20 % = 2,400 × 12 / 12.
    // Lifetime, 10 % over 5 years: Σ 1/1.1^t = 0.909091 + 0.826446 + 0.751315 + 0.683013 + 0.620921
    //   = 3.790787 → 3.7908; 240,000 fen × 37,908 / 10,000 = 909,792 fen.
    let d1 = get(await rows(org.admin), did(0));
    expect([d1.historicalValue, d1.currentValue, d1.lifetimeValue]).toEqual([280_000, 240_000, 909_792]);
    // 8 % over 3 years, retention ¥200 a year, acquisition ¥1,000:
    //   Σ 1/1.08^t = 0.925926 + 0.857339 + 0.793832 = 2.577097 → 2.5771;
    //   (240,000 − 20,000) × 25,771 / 10,000 − 100,000 = 566,962 − 100,000 = 466,962 fen.
    await settings({ discountRatePercent: 8, horizonYears: 3, retentionCostPerYear: 20_000, acquisitionCost: 100_000 });
    await run();
    d1 = get(await rows(org.admin), did(0));
    expect(d1.lifetimeValue).toBe(466_962);
    const explained = (await org.admin.get(`/api/v1/analytics/customers/${d[0]}`)).body;
    const ltv = explained.explanations.find((e: { key: string }) => e.key === 'lifetimeValue');
    expect(ltv.inputs).toMatchObject({ currentValue: 240_000, retentionCostPerYear: 20_000, acquisitionCost: 100_000, annuityFactor: 2.5771 });
    expect(ltv.formula).toContain('= ¥4,669.62');
    expect(explained.history).toHaveLength(2);
  });
});

describe('runs', () => {
  it('ten requests at once start one run; all get its id', async () => {
    clock.advance(61_000);
    const before = Number((await t.ctx.db.selectFrom('analytics_runs').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    const answers = await Promise.all(Array.from({ length: 10 }, () => org.admin.post('/api/v1/analytics/runs')));
    expect(answers.map((a) => a.status)).toEqual(Array(10).fill(202));
    expect(new Set(answers.map((a) => a.body.id)).size).toBe(1);
    const after = Number((await t.ctx.db.selectFrom('analytics_runs').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    expect(after).toBe(before + 1);
    for (let i = 0; i < 600; i++) {
      const state = (await org.admin.get(`/api/v1/analytics/runs/${answers[0]?.body.id}`)).body;
      if (state.status === 'done') break;
      await new Promise((r) => setTimeout(r, 20));
    }
    // Within the minute the finished run still answers; after it (run() moves the clock on) a new one starts.
    expect((await org.admin.post('/api/v1/analytics/runs')).body.id).toBe(answers[0]?.body.id);
    const next = await run();
    expect(next).toBeGreaterThan(answers[0]?.body.id);
  });

  it('only analytics.manage starts runs and changes settings', async () => {
    expect((await org.as.east1.post('/api/v1/analytics/runs')).status).toBe(403);
    expect((await org.as.manager.post('/api/v1/analytics/runs')).status).toBe(403);
    const current = (await org.as.east1.get('/api/v1/settings/analytics')).body;
    expect((await org.as.east1.put('/api/v1/settings/analytics', current)).status).toBe(403);
  });
});

describe('bad input', () => {
  it('settings: field-level 400 in the user\'s language, 409 when stale, nothing written', async () => {
    const current = (await org.admin.get('/api/v1/settings/analytics')).body;
    const zhAdmin = await t.login('admin@example.com', 'admin-password-1', 'zh-CN');
    const bad = await zhAdmin.put('/api/v1/settings/analytics', { ...current, abcAPercent: 85, abcBPercent: 85, keyTopPercent: 10, majorTopPercent: 5, churnFactor: '2', rfmWindowMonths: 0 });
    expect(bad.status).toBe(400);
    expect(errorPaths(bad).sort()).toEqual(['churnFactor', 'rfmWindowMonths']);
    const order = await zhAdmin.put('/api/v1/settings/analytics', { ...current, abcAPercent: 85, abcBPercent: 85, keyTopPercent: 10, majorTopPercent: 5 });
    expect(order.status).toBe(400);
    expect(errorPaths(order)).toEqual(['abcBPercent', 'majorTopPercent']);
    expect(order.body.error.details[0].message).toBe('必须大于前一个分界值。');
    expect((await org.admin.put('/api/v1/settings/analytics', { ...current, unknown: 1 })).status).toBe(400);
    expect((await org.admin.put('/api/v1/settings/analytics', { ...current, version: current.version - 1, abcAPercent: 70 })).status).toBe(409);
    expect((await org.admin.get('/api/v1/settings/analytics')).body).toEqual(current);
  });

  it('queries and ids', async () => {
    expect((await org.admin.get('/api/v1/analytics/customers?abcClass=D')).status).toBe(400);
    expect((await org.admin.get('/api/v1/analytics/customers?churnRisk=maybe')).status).toBe(400);
    expect((await org.admin.get('/api/v1/analytics/customers?pageSize=1000')).status).toBe(400);
    expect((await org.admin.get('/api/v1/analytics/runs/abc')).status).toBe(400);
    expect((await org.admin.get('/api/v1/analytics/runs/99999')).status).toBe(404);
    expect((await org.admin.get('/api/v1/analytics/customers/99999')).status).toBe(404);
    expect((await org.admin.get('/api/v1/analytics/summary?runId=0')).status).toBe(400);
  });
});

/**
 * Potential value, pyramid quadrants and the four-dimension evaluation, on five customers only (the
 * others are removed first). Today 2026-12-06, window after 2025-12-06, margin 20 % (current value
 * = 20 % of the window's spend), referral value ¥5,000, at least 3 peers.
 *
 *  cust  owner   industry / category         purchases (yuan)                                   current  gross profit
 *  P1    east1   manufacturing / enterprise 10,000 2022-01-10, 50,000 2026-06-01               10,000   12,000
 *  P2    east1   manufacturing / enterprise 20,000 2026-03-01                                   4,000    4,000
 *  P3    north1  manufacturing / enterprise 5,000 2025-01-15, 5,000 2025-06-01,                 6,000    8,000
 *                                           10,000 on 2026-02-01, 08-01 and 11-01
 *  P4    north1  manufacturing / enterprise 2,000 2026-10-01                                      400      400
 *  P5    east1   finance / distributor      30,000 2026-09-01                                   6,000    6,000
 *
 * Peers of P1-P4: 400, 4,000, 6,000, 10,000 → median (4,000 + 6,000) / 2 = 5,000; P5 alone (1 < 3: no gap).
 * Referrals: P1 two leads, P4 one (a third, deleted, for P2 does not count).
 * Potential: P1 0 + 2 × 5,000 = 10,000; P2 5,000 − 4,000 = 1,000; P3 0 (6,000 > 5,000); P4 4,600 + 5,000 = 9,600; P5 0.
 * Quadrants, N = 5: value cut = rank ⌈5 × 20 %⌉ = 1 from the top = 10,000 (P1); potential cut = rank
 * ⌈5 × 50 %⌉ = 3 from the bottom of 0 (P3), 0 (P5), 1,000 (P2), 9,600, 10,000 = 1,000.
 * P1 high/high platinum; P4 low/high iron; P2 (1,000 not > 1,000), P3, P5 lead. With the top 40 %:
 * cut = rank 2 = 6,000 (P3; P5 ties) → P3 and P5 gold.
 * Profit quintiles by gross profit: P4 1, P2 2, P5 3, P3 4, P1 5. Potential quintiles: P3 1, P5 2 → 1
 * (none), P2 3, P4 4, P1 5. Influence 1 + referrals: P1 3, P4 2, others 1. Loyalty: P1 1 + 2 (1,791
 * days) + 1 (repeat 1/2 = 50 %) = 4; P3 1 + 1 (690 days) + 2 (4/5 = 80 %) = 4; P2, P4, P5 1.
 */
describe('potential value, quadrants, four dimensions and service policies: five customers', () => {
  const p: number[] = [];
  const pid = (i: number) => must(p[i]);
  it('computes them as worked out by hand', async () => {
    await t.ctx.db.deleteFrom('purchase_history').execute();
    await t.ctx.db.updateTable('customers').set({ deleted_at: clock.now().toISOString() }).where('deleted_at', 'is', null).execute();
    const make = async (name: string, ownerId: number, industry: string, category: string, bought: Array<[string, number]>) => {
      const res = await org.admin.post('/api/v1/customers', buildCustomer({ name, ownerId, industry, category: category as 'enterprise' }));
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      p.push(res.body.id as number);
      await purchases(res.body.id as number, bought);
    };
    await make('P1', org.ids.east1, 'manufacturing', 'enterprise', [['2022-01-10', 10000], ['2026-06-01', 50000]]);
    await make('P2', org.ids.east1, 'manufacturing', 'enterprise', [['2026-03-01', 20000]]);
    await make('P3', org.ids.north1, 'manufacturing', 'enterprise', [['2025-01-15', 5000], ['2025-06-01', 5000], ['2026-02-01', 10000], ['2026-08-01', 10000], ['2026-11-01', 10000]]);
    await make('P4', org.ids.north1, 'manufacturing', 'enterprise', [['2026-10-01', 2000]]);
    await make('P5', org.ids.east1, 'finance', 'distributor', [['2026-09-01', 30000]]);
    const lead = async (name: string, referrer: number) => {
      const res = await org.admin.post('/api/v1/leads', { name, source: 'referral', referrerCustomerId: referrer });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return res.body.id as number;
    };
    await lead('推荐一', pid(0));
    await lead('推荐二', pid(0));
    await lead('推荐三', pid(3));
    const gone = await lead('推荐四', pid(1));
    await t.ctx.db.updateTable('leads').set({ deleted_at: clock.now().toISOString() }).where('id', '=', gone).execute();
    await run();

    const all = await rows(org.admin);
    expect(all.size).toBe(5);
    const table = p.map((id) => {
      const r = get(all, id) as Row & Record<string, unknown>;
      return [r.currentValue / 100, r.peerCount, (r.peerMedian as number) / 100, r.referrals, (r.potentialValue as number) / 100, r.quadrant, r.profitScore, r.influenceScore, r.loyaltyScore, r.potentialScore, r.tenureDays];
    });
    expect(table).toEqual([
      [10000, 4, 5000, 2, 10000, 'platinum', 5, 3, 4, 5, 1791],
      [4000, 4, 5000, 0, 1000, 'lead', 2, 1, 1, 3, 280],
      [6000, 4, 5000, 0, 0, 'lead', 4, 1, 4, 1, 690],
      [400, 4, 5000, 1, 9600, 'iron', 1, 2, 1, 4, 66],
      [6000, 1, 6000, 0, 0, 'lead', 3, 1, 1, 1, 96],
    ]);
    const summary = (await org.admin.get('/api/v1/analytics/summary')).body;
    expect(summary.quadrants).toEqual({ platinum: 1, gold: 0, iron: 1, lead: 3 });

    await settings({ quadrantValueTopPercent: 40 });
    await run();
    const wider = await rows(org.admin);
    expect(p.map((id) => (get(wider, id) as Row & { quadrant: string }).quadrant)).toEqual(['platinum', 'lead', 'gold', 'iron', 'gold']);
  });

  it('explains potential value, the quadrant and each score with inputs and formula', async () => {
    const en = (await org.admin.get(`/api/v1/analytics/customers/${pid(3)}`)).body;
    const find = (key: string) => en.explanations.find((e: { key: string }) => e.key === key);
    expect(find('potentialValue')).toEqual({
      key: 'potentialValue', value: '960000',
      inputs: { peerCount: 4, potentialMinPeers: 3, peerMedian: 500000, currentValue: 40000, gap: 460000, referrals: 1, referralValue: 500000 },
      formula: '4 customers of the same industry and category (this one included), median current value ¥5,000.00; cross-sell / up-sell gap max(0, ¥5,000.00 − ¥400.00) = ¥4,600.00; + 1 referred leads × ¥5,000.00 = ¥5,000.00; potential value = ¥9,600.00',
    });
    expect(find('quadrant').inputs).toMatchObject({ valueCut: 600000, valueTopPercent: 40, potentialCut: 100000, potentialPercentile: 50, highValue: false, highPotential: true });
    expect(find('quadrant').formula).toBe('current value ¥400.00 < the top-40 % cut ¥6,000.00 → low value; potential ¥9,600.00 > the 50th percentile ¥1,000.00 → high potential; high/high platinum IV, high/low gold III, low/high iron II, low/low lead I → iron II');
    expect(find('influenceScore').formula).toBe('1 + 1 referred leads, at most 5 → 2');
    // P5 has no peers: no gap counts.
    const alone = (await org.admin.get(`/api/v1/analytics/customers/${pid(4)}`)).body.explanations.find((e: { key: string }) => e.key === 'potentialValue');
    expect(alone.formula).toBe('1 customers of the same industry and category (this one included), median current value ¥6,000.00; fewer than 3 peers, no gap counted = ¥0.00; + 0 referred leads × ¥5,000.00 = ¥0.00; potential value = ¥0.00');
    expect(find('profitScore').formula).toBe('gross profit ¥400.00: its quintile among all 5 customers (low to high, 1-5) → 1');
    const zh = (await (await t.login('admin@example.com', 'admin-password-1', 'zh-CN')).get(`/api/v1/analytics/customers/${pid(2)}`)).body;
    expect(zh.explanations.find((e: { key: string }) => e.key === 'loyaltyScore').formula).toBe('1 + 合作时长 690 天（约 1.9 年）≥ 365 天 +1、≥ 1,095 天 +1 + 重复购买率 (5 − 1) / 5 = 80 % ≥ 50 % +1、≥ 80 % +1 → 4');
    expect(zh.explanations.find((e: { key: string }) => e.key === 'potentialScore').formula).toBe('潜在价值 ¥0.00 为 0 → 1 → 1');
    // Every input of every explanation is one the web knows how to name and format.
    const sent = new Set<string>(en.explanations.flatMap((e: { inputs: Record<string, unknown> }) => Object.keys(e.inputs)));
    expect(sent.size).toBeGreaterThan(30);
    expect([...sent].filter((key) => !(key in explanationInputKinds))).toEqual([]);
  });

  it('gives each class its service policy: on the card, to other modules, editable', async () => {
    // ABC by revenue: P1 60,000 (39.47 %) A, P3 40,000 (65.79 %) A, P5 30,000 (85.53 %) B, P2 and P4 C.
    // Value classes, N = 5: P1 key (rank ≤ 1), the rest opportunity.
    const card = async (i: number) => (await org.admin.get(`/api/v1/analytics/customers/${pid(i)}`)).body.servicePolicy;
    expect(await card(0)).toEqual({
      abc: { policyClass: 'A', tier: 'priority', text: 'Priority service with dedicated account management.' },
      value: { policyClass: 'key', tier: 'priority', text: 'Top priority: senior management contact, dedicated team, tailored offers; keep their value.' },
      tier: 'priority',
    });
    expect((await card(4)).tier).toBe('regular');
    expect((await card(1)).tier).toBe('basic');
    const current = (await org.admin.get('/api/v1/settings/analytics')).body;
    await settings({ servicePolicies: { ...current.servicePolicies, C: { tier: 'regular', text: '每季度电话回访一次' } } });
    expect(await card(1)).toMatchObject({ abc: { policyClass: 'C', tier: 'regular', text: '每季度电话回访一次' }, tier: 'regular' });
    const { servicePolicyOf } = await import('./index.js');
    expect(await servicePolicyOf(t.ctx.db, pid(4), 'zh-CN')).toEqual({
      abc: { policyClass: 'B', tier: 'regular', text: '定期拜访，重点培养，关注其升级或降级。' },
      value: { policyClass: 'opportunity', tier: 'basic', text: '低成本基础服务，从中发现可成长的客户。' },
      tier: 'regular',
    });
    expect(await servicePolicyOf(t.ctx.db, 999_999)).toBeNull();
    const bad = await org.admin.put('/api/v1/settings/analytics', { ...current, servicePolicies: { ...current.servicePolicies, A: { tier: 'gold', text: 'x' } } });
    expect(bad.status).toBe(400);
    expect(errorPaths(bad)).toContain('servicePolicies.A.tier');
  });

  it('filters by quadrant within each reader\'s scope, exactly', async () => {
    const ids = async (agent: Agent, q: string) => [...(await rows(agent, q)).keys()].sort((a, b) => a - b);
    expect(await ids(org.admin, '&quadrant=gold')).toEqual([pid(2), pid(4)]);
    expect(await ids(org.as.east1, '&quadrant=gold')).toEqual([pid(4)]);
    expect(await ids(org.as.north1, '&quadrant=gold')).toEqual([pid(2)]);
    expect(await ids(org.as.east1, '&quadrant=iron')).toEqual([]);
    expect(await ids(org.as.north1, '&quadrant=iron')).toEqual([pid(3)]);
    expect(await ids(org.as.manager, '&quadrant=lead')).toEqual([pid(1)]);
    expect((await org.as.east1.get('/api/v1/analytics/summary')).body.quadrants).toEqual({ platinum: 1, gold: 1, iron: 0, lead: 1 });
    expect((await org.admin.get('/api/v1/analytics/customers?quadrant=diamond')).status).toBe(400);
    await settings({ quadrantValueTopPercent: 20 });
  });
});

// Last: it moves the clock a month on (sessions expire).
describe('the daily run', () => {
  it('runs daily by the scheduler, and keeps the latest 31 runs and the last run of each month', async () => {
    const { analyticsTask } = await import('./analytics.runs.js');
    const task = analyticsTask(t.ctx, 24);
    expect(task.everyMs).toBe(24 * 60 * 60_000);
    clock.advance(61_000);
    await task.run();
    const latest = await t.ctx.db.selectFrom('analytics_runs').selectAll().orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
    expect({ reason: latest.reason, status: latest.status }).toEqual({ reason: 'schedule', status: 'done' });
    // 31 days of daily runs from 2026-12-07: with the runs so far (all of 2026-12), December's
    // last run before the 31 recent ones, and the 31 recent ones keep their results.
    for (let day = 0; day < 31; day++) {
      clock.advance(24 * 60 * 60_000);
      await task.run();
    }
    const withResults = await t.ctx.db.selectFrom('analytics_results').select('run_id').distinct().orderBy('run_id').execute();
    const done = await t.ctx.db.selectFrom('analytics_runs').select(['id', 'as_of']).where('status', '=', 'done').orderBy('id').execute();
    const recent = done.slice(-31).map((r) => r.id);
    const lastOfMonth = [...new Map(done.map((r) => [r.as_of.slice(0, 7), r.id])).values()];
    expect(withResults.map((r) => r.run_id)).toEqual([...new Set([...lastOfMonth, ...recent])].sort((a, b) => a - b));
    expect(withResults.length).toBeLessThan(done.length);
  });
});
