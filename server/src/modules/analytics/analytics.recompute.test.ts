import { analyticsDefaults } from '@crm/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TestClock, type TestApp } from '../../test/harness.js';
import { lifetimeFactorBp, monthsBefore } from './analytics.compute.js';
import { runAnalyticsNow } from './analytics.runs.js';

/**
 * The set-based SQL against an independent recomputation of the documented rules in plain
 * TypeScript, on a generated data set (seeded, so a failure repeats): 400 customers with 0-12
 * purchases each over three years, some with a known cost, ties in every dimension.
 */
let t: TestApp;
const clock = new TestClock(new Date('2026-12-06T04:00:00Z'));
const asOf = '2026-12-06';
const s = analyticsDefaults;

/** mulberry32: a small seeded generator. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}
const dayMs = 86_400_000;
const dayOf = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / dayMs;
const isoOf = (day: number) => new Date(day * dayMs).toISOString().slice(0, 10);
const trunc = (a: number, b: number) => Math.trunc(a / b);

interface Tx { on: string; amount: number; cost: number | null }
const data = new Map<number, Tx[]>();

beforeAll(async () => {
  t = await createTestApp({ clock });
  const rnd = random(20261206);
  const now = clock.now().toISOString();
  const customers = Array.from({ length: 400 }, (_, i) => ({
    archive_no: `KH9${String(i).padStart(7, '0')}`, kind: 'organization', name: `生成客户${i}`, category: 'enterprise', status: 'potential', lifecycle_stage: 'exploration',
    owner_id: null, tags: '[]', person: '{}', organization: '{}', search_key: '', version: 1, created_at: now, updated_at: now,
  }));
  const ids = (await t.ctx.db.insertInto('customers').values(customers).returning('id').execute()).map((r) => r.id);
  const rows: Array<{ customer_id: number; purchased_on: string; amount: number; cost: number | null; product: string; source: string; created_at: string; created_by: null }> = [];
  const today = dayOf(asOf);
  for (const id of ids) {
    const n = Math.floor(rnd() * 13);
    const list: Tx[] = [];
    for (let k = 0; k < n; k++) {
      // Amounts from a few values so that ties happen; days within three years (some on the same day).
      const amount = [10_000, 50_000, 120_000, 500_000, 2_000_000][Math.floor(rnd() * 5)] ?? 10_000;
      const on = isoOf(today - Math.floor(rnd() * 1100));
      const cost = rnd() < 0.3 ? Math.floor(amount * 0.6) : null;
      list.push({ on, amount, cost });
      rows.push({ customer_id: id, purchased_on: on, amount, cost, product: 'p', source: 'generated', created_at: now, created_by: null });
    }
    if (n > 0) data.set(id, list);
  }
  for (let i = 0; i < rows.length; i += 200) await t.ctx.db.insertInto('purchase_history').values(rows.slice(i, i + 200)).execute();
}, 180_000);
afterAll(() => t.close());

/** NTILE(5) over rows already in order: the first n mod 5 buckets get one more. */
function ntile5<T>(ordered: T[]): Map<T, number> {
  const out = new Map<T, number>();
  const n = ordered.length;
  const small = Math.floor(n / 5);
  const big = n % 5;
  let i = 0;
  for (let b = 1; b <= 5; b++) {
    const size = small + (b <= big ? 1 : 0);
    for (let k = 0; k < size; k++) out.set(ordered[i++] as T, b);
  }
  return out;
}

describe('independent recomputation', () => {
  it('every customer\'s figures and classes match', async () => {
    const runId = await runAnalyticsNow(t.ctx, 'manual');
    const today = dayOf(asOf);
    const windowStart = monthsBefore(asOf, s.rfmWindowMonths);
    const previousStart = monthsBefore(asOf, 2 * s.rfmWindowMonths);
    const tenureBefore = monthsBefore(asOf, s.stabilityMinMonths);
    const facts = [...data.entries()].map(([id, list]) => {
      const profit = (x: Tx) => (x.cost !== null ? x.amount - x.cost : trunc(x.amount * s.defaultMarginPercent, 100));
      const days = [...new Set(list.map((x) => x.on))].sort();
      const first = days[0] as string;
      const last = days[days.length - 1] as string;
      const inWindow = list.filter((x) => x.on > windowStart);
      return {
        id, revenue: list.reduce((a, x) => a + x.amount, 0), profit: list.reduce((a, x) => a + profit(x), 0), purchases: list.length, first, last,
        recency: today - dayOf(last), frequency: inWindow.length, monetary: inWindow.reduce((a, x) => a + x.amount, 0),
        previous: list.filter((x) => x.on > previousStart && x.on <= windowStart).reduce((a, x) => a + x.amount, 0),
        windowProfit: inWindow.reduce((a, x) => a + profit(x), 0),
        interval: days.length > 1 ? trunc(dayOf(last) - dayOf(first), days.length - 1) : null,
      };
    });
    type F = (typeof facts)[number];
    const n = facts.length;
    const byId = (a: F, b: F) => a.id - b.id;
    const abcOrder = [...facts].sort((a, b) => b.revenue - a.revenue || byId(a, b));
    const total = facts.reduce((a, f) => a + f.revenue, 0);
    const expected = new Map<number, Record<string, unknown>>();
    let cum = 0;
    abcOrder.forEach((f, i) => {
      cum += f.revenue;
      const abc = i === 0 || cum * 100 <= s.abcAPercent * total ? 'A' : cum * 100 <= s.abcBPercent * total ? 'B' : 'C';
      expected.set(f.id, { abcRank: i + 1, abcClass: abc, abcCumulativeBp: trunc(cum * 10000, total) });
    });
    const top = (p: number) => trunc(n * p + 99, 100);
    abcOrder.forEach((f, i) => {
      const rank = i + 1;
      const value = rank <= top(s.keyTopPercent) ? 'key' : rank <= top(s.majorTopPercent) ? 'major' : rank <= top(s.maintenanceTopPercent) ? 'maintenance' : 'opportunity';
      Object.assign(expected.get(f.id) as object, { valueClass: value });
    });
    const r = ntile5([...facts].sort((a, b) => b.recency - a.recency || byId(a, b)));
    const fq = ntile5([...facts].sort((a, b) => a.frequency - b.frequency || byId(a, b)));
    const m = ntile5([...facts].sort((a, b) => a.monetary - b.monetary || byId(a, b)));
    const factor = lifetimeFactorBp(s.discountRatePercent, s.horizonYears);
    for (const f of facts) {
      const [rs, fs, ms] = [r.get(f) ?? 0, fq.get(f) ?? 0, m.get(f) ?? 0];
      const segment = rs >= 4 && fs >= 4 && ms >= 4 ? 'champions' : rs <= 2 && fs >= 4 && ms >= 4 ? 'cannot_lose' : rs <= 2 && (fs >= 3 || ms >= 3) ? 'at_risk'
        : rs <= 2 ? 'hibernating' : fs >= 4 ? 'loyal' : rs >= 4 && fs <= 1 ? 'new' : rs >= 4 ? 'potential_loyalist' : 'needs_attention';
      const lost = f.recency > s.lostAfterDays;
      const churn = !lost && ((f.interval !== null && f.recency > s.churnFactor * f.interval) || (f.previous > 0 && f.monetary * 100 <= f.previous * (100 - s.spendDropPercent)));
      const current = trunc(f.windowProfit * 12, s.rfmWindowMonths);
      Object.assign(expected.get(f.id) as object, {
        revenue: f.revenue, grossProfit: f.profit, purchases: f.purchases, firstOn: f.first, lastOn: f.last, recencyDays: f.recency, frequency: f.frequency, monetary: f.monetary,
        averageIntervalDays: f.interval, rScore: rs, fScore: fs, mScore: ms, rfmSegment: segment,
        historicalValue: f.profit, currentValue: current, lifetimeValue: trunc((current - s.retentionCostPerYear) * factor, 10000) - s.acquisitionCost,
        status: lost ? 'lost' : f.purchases === 1 ? 'first_purchase' : f.purchases >= s.loyalMinPurchases ? 'loyal' : 'repeat',
        churnRisk: churn,
        lifecycleStage: lost || churn ? 'decline' : f.purchases <= 1 ? 'exploration' : f.purchases >= s.loyalMinPurchases && f.first <= tenureBefore ? 'stability' : 'formation',
      });
    }
    const admin = await t.login();
    const got = new Map<number, Record<string, unknown>>();
    for (let page = 1; ; page++) {
      const res = await admin.get(`/api/v1/analytics/customers?pageSize=200&page=${page}&runId=${runId}`);
      expect(res.status).toBe(200);
      for (const row of res.body.items as Array<Record<string, unknown>>) got.set(row.customerId as number, row);
      if (res.body.items.length < 200) break;
    }
    expect(got.size).toBe(n);
    expect(n).toBeGreaterThan(300);
    for (const [id, want] of expected) expect({ id, ...Object.fromEntries(Object.keys(want).map((k) => [k, got.get(id)?.[k]])) }).toEqual({ id, ...want });
    // Every class occurs, so the comparison covers each rule.
    const seen = (key: string) => new Set([...got.values()].map((g) => g[key]));
    expect(seen('abcClass').size).toBe(3);
    expect(seen('valueClass').size).toBe(4);
    expect(seen('rfmSegment').size).toBeGreaterThanOrEqual(7);
    expect(seen('lifecycleStage').size).toBe(4);
    expect(seen('status').size).toBe(4);
  });
});
