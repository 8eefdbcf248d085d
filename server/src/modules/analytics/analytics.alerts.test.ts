import { formatMoney } from '@crm/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCustomer, createOrg, password, type Org } from '../../test/fixtures.js';
import { createTestApp, errorPaths, TestClock, type TestApp } from '../../test/harness.js';
import { runAnalyticsNow } from './analytics.runs.js';

/**
 * The owners' notices of the analytics runs (churn risk, win-back) and the won-back list, on a
 * hand-made data set. Default settings: churn beyond 2 × the usual interval or spend down 50 % or
 * more, lost after 365 days without a purchase, RFM window 12 months. Runs on the days below
 * (Shanghai):
 *
 * | customer (owner)     | purchases                           | run 1 2026-12-06      | run 2 2027-01-06                 | run 3 01-07     | run 4 01-08 | run 5 2027-04-08 |
 * |----------------------|-------------------------------------|-----------------------|----------------------------------|-----------------|-------------|------------------|
 * | 甲 (east1)           | 09-07, 10-07, 11-06 (every 30 days), 2027-01-08 | 30 days, no risk | 61 > 2 × 30: risk → told     | 62: still, quiet | bought: no risk (interval 123/3 = 41) | 90 > 82: risk → told again |
 * | 乙 (east2)           | 2025-11-01, then 2027-01-05          | 400 days > 365: lost  | bought: repeat → won back, told  |                 |             |                  |
 * | 丙 (east1)           | 2025-10-01, then 2027-01-05          | 431 days: lost        | won back, told                   |                 |             |                  |
 * | 丁 (public pool)     | 2025-09-01, then 2027-01-05          | lost                  | won back, recorded, nobody told  |                 |             |                  |
 * | 戊 (east2)           | 2026-06-01, 07-01 (30 days)          | 158 > 60: risk (the first run tells nobody) | still at risk: quiet |     |             |                  |
 * | 己 (public pool)     | like 甲 without the 2027 purchase    | no risk               | risk, nobody told                |                 |             |                  |
 *
 * The won-back customers' new purchase is no smaller than the old one, so their spend did not fall.
 */
let t: TestApp;
let org: Org;
const clock = new TestClock(new Date('2026-12-06T04:00:00Z'));
const ids = { a: 0, b: 0, c: 0, d: 0, e: 0, f: 0 };

async function customer(name: string, ownerId: number | null): Promise<number> {
  const res = await org.admin.post('/api/v1/customers', buildCustomer({ name, ownerId }));
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id as number;
}
async function purchases(customerId: number, rows: Array<[string, number]>): Promise<void> {
  for (const [on, amount] of rows) {
    await t.ctx.db.insertInto('purchase_history').values({ customer_id: customerId, purchased_on: on, amount, cost: null, product: '测试商品', source: 'test', created_at: clock.now().toISOString(), created_by: null }).execute();
  }
}
async function runOn(day: string): Promise<number> {
  const target = Date.parse(`${day}T04:00:00Z`);
  clock.advance(target - clock.now().getTime());
  return runAnalyticsNow(t.ctx, 'manual');
}
type Notice = { userId: number; kind: string; entityId: number | null; params: Record<string, string | number> };
async function notices(): Promise<Notice[]> {
  const rows = await t.ctx.db
    .selectFrom('notifications')
    .select(['user_id', 'kind', 'entity_id', 'params'])
    .where('kind', 'in', ['churn_risk', 'customer_won_back'])
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ userId: r.user_id, kind: r.kind, entityId: r.entity_id, params: JSON.parse(r.params) as Record<string, string | number> }));
}
const brief = (list: Notice[]) => list.map((n) => [n.userId, n.kind, n.entityId]);
/** A fresh session (the clock moves months ahead of the fixtures' sessions). */
const login = (email: string, lang = 'en') => t.login(email, password, lang);
const yuan = (fen: number) => formatMoney(fen, 'CNY', 'zh-CN');

beforeAll(async () => {
  t = await createTestApp({ clock });
  org = await createOrg(t);
  ids.a = await customer('甲商贸', org.ids.east1);
  ids.b = await customer('乙科技', org.ids.east2);
  ids.c = await customer('丙实业', org.ids.east1);
  ids.d = await customer('丁公海', null);
  ids.e = await customer('戊物流', org.ids.east2);
  ids.f = await customer('己公海', null);
  await purchases(ids.a, [['2026-09-07', 100_000], ['2026-10-07', 100_000], ['2026-11-06', 100_000]]);
  await purchases(ids.b, [['2025-11-01', 50_000]]);
  await purchases(ids.c, [['2025-10-01', 80_000]]);
  await purchases(ids.d, [['2025-09-01', 30_000]]);
  await purchases(ids.e, [['2026-06-01', 20_000], ['2026-07-01', 20_000]]);
  await purchases(ids.f, [['2026-09-07', 10_000], ['2026-10-07', 10_000], ['2026-11-06', 10_000]]);
}, 180_000);
afterAll(() => t.close());

describe('churn-risk and win-back notices', () => {
  it('tells each owner once when a customer falls into risk, again only after it recovered; records and tells win-backs', async () => {
    const run1 = await runOn('2026-12-06');
    const first = await t.ctx.db.selectFrom('analytics_results').select(['customer_id', 'churn_risk', 'status', 'recency_days']).where('run_id', '=', run1).execute();
    const at1 = new Map(first.map((r) => [r.customer_id, r]));
    expect([at1.get(ids.a)?.churn_risk, at1.get(ids.e)?.churn_risk, at1.get(ids.f)?.churn_risk]).toEqual([0, 1, 0]);
    expect([ids.b, ids.c, ids.d].map((id) => at1.get(id)?.status)).toEqual(['lost', 'lost', 'lost']);
    expect(at1.get(ids.b)?.recency_days).toBe(400);
    // The first run of all is the baseline: 戊 is at risk already, nobody is told.
    expect(await notices()).toEqual([]);

    await purchases(ids.b, [['2027-01-05', 60_000]]);
    await purchases(ids.c, [['2027-01-05', 80_000]]);
    await purchases(ids.d, [['2027-01-05', 30_000]]);
    const run2 = await runOn('2027-01-06');
    const after2 = await notices();
    expect(brief(after2)).toEqual([
      [org.ids.east1, 'churn_risk', ids.a],
      [org.ids.east2, 'customer_won_back', ids.b],
      [org.ids.east1, 'customer_won_back', ids.c],
    ]);
    // 甲: last purchase 2026-11-06, 61 days before 2027-01-06; interval (11-06 − 09-07) / 2 = 60 / 2 = 30; ¥3,000 in the 12 months, nothing before.
    expect(after2[0]?.params).toEqual({ customer: '甲商贸', lastOn: '2026-11-06', days: 61, interval: 30, factor: 2, spend: yuan(300_000), previousSpend: yuan(0), months: 12, drop: 50 });
    expect(after2[1]?.params).toEqual({ customer: '乙科技', date: '2027-01-05', previousAsOf: '2026-12-06', lostDays: 400, lostAfter: 365 });
    expect(after2[2]?.params).toEqual({ customer: '丙实业', date: '2027-01-05', previousAsOf: '2026-12-06', lostDays: 431, lostAfter: 365 });
    const winbacks = await t.ctx.db.selectFrom('analytics_winbacks').select(['customer_id', 'run_id', 'won_back_on', 'owner_id', 'previous_run_id', 'lost_days']).orderBy('customer_id').execute();
    expect(winbacks).toEqual([
      { customer_id: ids.b, run_id: run2, won_back_on: '2027-01-05', owner_id: org.ids.east2, previous_run_id: run1, lost_days: 400 },
      { customer_id: ids.c, run_id: run2, won_back_on: '2027-01-05', owner_id: org.ids.east1, previous_run_id: run1, lost_days: 431 },
      { customer_id: ids.d, run_id: run2, won_back_on: '2027-01-05', owner_id: null, previous_run_id: run1, lost_days: 461 },
    ]);

    // Each owner reads only the notices of his own customers, every number in the text.
    const east1 = await login('east1@example.com');
    const mine = (await east1.get('/api/v1/notifications?pageSize=50')).body.items as Array<{ kind: string; entityId: number; message: string }>;
    expect(mine.filter((n) => n.kind === 'churn_risk' || n.kind === 'customer_won_back').map((n) => [n.kind, n.entityId])).toEqual([['customer_won_back', ids.c], ['churn_risk', ids.a]]);
    expect(mine.find((n) => n.kind === 'churn_risk')?.message).toBe(
      `Your customer 甲商贸 is at churn risk: its last purchase was on 2026-11-06, 61 days ago, and it usually buys every 30 days (at risk beyond 2 × that interval); it spent ${yuan(300_000)} in the last 12 months against ${yuan(0)} in the 12 months before (at risk when spend falls by 50% or more).`,
    );
    const east2zh = await login('east2@example.com', 'zh-CN');
    const theirs = (await east2zh.get('/api/v1/notifications?pageSize=50')).body.items as Array<{ kind: string; entityId: number; message: string }>;
    expect(theirs.filter((n) => n.kind === 'churn_risk' || n.kind === 'customer_won_back').map((n) => [n.kind, n.entityId])).toEqual([['customer_won_back', ids.b]]);
    expect(theirs[0]?.message).toBe('您的客户「乙科技」已赢回：于 2027-01-05 再次购买。在 2026-12-06 的分析中，它已 400 天未购买，被判定为流失（超过 365 天未购买即为流失）。');

    // Still at risk the next day: nobody is told again, and no customer is won back twice.
    await runOn('2027-01-07');
    expect(await notices()).toEqual(after2);
    expect(await t.ctx.db.selectFrom('analytics_winbacks').select('customer_id').execute()).toHaveLength(3);

    // 甲 buys again (no risk), then stays away 90 days, beyond 2 × its new interval (2027-01-08 − 2026-09-07 = 123 days / 3 = 41): told again.
    await purchases(ids.a, [['2027-01-08', 100_000]]);
    const run4 = await runOn('2027-01-08');
    const a4 = await t.ctx.db.selectFrom('analytics_results').select(['churn_risk', 'average_interval_days']).where('run_id', '=', run4).where('customer_id', '=', ids.a).executeTakeFirstOrThrow();
    expect(a4).toEqual({ churn_risk: 0, average_interval_days: 41 });
    expect(await notices()).toEqual(after2);
    await runOn('2027-04-08');
    const after5 = await notices();
    expect(brief(after5.slice(after2.length))).toEqual([[org.ids.east1, 'churn_risk', ids.a]]);
    expect(after5[after2.length]?.params).toMatchObject({ customer: '甲商贸', lastOn: '2027-01-08', days: 90, interval: 41 });
  });

  it('lists the won-back customers in the caller\'s data scope, with the day', async () => {
    const listed = async (email: string | null, query = 'wonBack=true') => {
      const agent = email === null ? await t.login() : await login(email);
      const res = await agent.get(`/api/v1/analytics/customers?pageSize=100&${query}`);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return (res.body.items as Array<{ customerId: number; wonBackOn: string | null }>).map((r) => [r.customerId, r.wonBackOn]).sort((x, y) => Number(x[0]) - Number(y[0]));
    };
    const on = '2027-01-05';
    expect(await listed(null)).toEqual([[ids.b, on], [ids.c, on], [ids.d, on]]);
    expect(await listed('east1@example.com')).toEqual([[ids.c, on]]);
    expect(await listed('east2@example.com')).toEqual([[ids.b, on]]);
    expect(await listed('north1@example.com')).toEqual([]);
    expect(await listed('manager@example.com')).toEqual([[ids.b, on], [ids.c, on]]);
    expect(await listed('east1@example.com', 'wonBack=false')).toEqual([[ids.a, null]]);
    // An earlier run: nothing had been won back at run 1.
    const run1 = await t.ctx.db.selectFrom('analytics_runs').select('id').orderBy('id').limit(1).executeTakeFirstOrThrow();
    expect(await listed(null, `wonBack=true&runId=${run1.id}`)).toEqual([]);
    const bad = await (await t.login()).get('/api/v1/analytics/customers?wonBack=yes');
    expect(bad.status).toBe(400);
    expect(errorPaths(bad)).toEqual(['wonBack']);
  });
});
