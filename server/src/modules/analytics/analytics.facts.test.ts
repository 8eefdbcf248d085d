import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCustomer, createOrg, type Org } from '../../test/fixtures.js';
import { createTestApp, TestClock, type TestApp } from '../../test/harness.js';
import { runAnalyticsNow } from './analytics.runs.js';

/**
 * The facts of a run where contracts and imported purchases meet (the run reads the purchases in
 * one pass and adds the contracts to them): a day with both counts once for the average interval,
 * every transaction counts for the purchases, a customer with contracts only or purchases only has
 * its own row. Worked out by hand; today is 2026-12-06, the RFM window starts after 2025-12-06,
 * margin 20 % (no costs known).
 *
 *   customer  transactions                                            n  days  first       last        interval       revenue  recency
 *   Mixed     P 03-01 ¥100, P 09-01 ¥200, C 09-01 ¥1,000, C 11-01 ¥500   4  3     2026-03-01  2026-11-01  245 / 2 = 122  ¥1,800  35
 *             (a cancelled contract of 10-01 and a purchase of 2026-12-20, after today, do not count)
 *   Contracts C 2025-06-01 ¥300, C 2026-06-01 ¥300                      2  2     2025-06-01  2026-06-01  365 / 1 = 365  ¥600    188
 *   Purchases P 01-10 ¥50, P 01-10 ¥70                                  2  1     2026-01-10  2026-01-10  none           ¥120    330
 *
 * Window (after 2025-12-06): Mixed 4 purchases ¥1,800; Contracts 1 ¥300 (and ¥300 in the 12 months
 * before); Purchases 2 ¥120.
 */
let t: TestApp;
let org: Org;
const clock = new TestClock(new Date('2026-12-06T04:00:00Z'));
const yuan = (v: number) => v * 100;

beforeAll(async () => {
  t = await createTestApp({ clock });
  org = await createOrg(t);
}, 180_000);
afterAll(() => t.close());

async function customer(name: string): Promise<number> {
  const res = await org.admin.post('/api/v1/customers', buildCustomer({ name, ownerId: org.ids.east1 }));
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id as number;
}
async function contract(customerId: number, signedOn: string, amount: number, status: 'active' | 'cancelled' = 'active'): Promise<void> {
  const created = await org.admin.post('/api/v1/contracts', { customerId, title: `合同 ${signedOn}`, signedOn, amount: yuan(amount) });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const active = await org.admin.post(`/api/v1/contracts/${created.body.id}/status`, { status: 'active', version: created.body.version });
  expect(active.status, JSON.stringify(active.body)).toBe(200);
  if (status === 'cancelled') await t.ctx.db.updateTable('contracts').set({ status: 'cancelled' }).where('id', '=', created.body.id as number).execute();
}
async function purchase(customerId: number, on: string, amount: number): Promise<void> {
  await t.ctx.db.insertInto('purchase_history').values({ customer_id: customerId, purchased_on: on, amount: yuan(amount), cost: null, product: '商品', source: 'test', created_at: clock.now().toISOString(), created_by: null }).execute();
}

describe('facts from contracts and purchases together', () => {
  it('counts each transaction once and each day once, as worked out by hand', async () => {
    const mixed = await customer('混合客户');
    const contractsOnly = await customer('合同客户');
    const purchasesOnly = await customer('购买客户');
    await purchase(mixed, '2026-03-01', 100);
    await purchase(mixed, '2026-09-01', 200);
    await contract(mixed, '2026-09-01', 1000);
    await contract(mixed, '2026-11-01', 500);
    await contract(mixed, '2026-10-01', 700, 'cancelled');
    await purchase(mixed, '2026-12-20', 900);
    await contract(contractsOnly, '2025-06-01', 300);
    await contract(contractsOnly, '2026-06-01', 300);
    await purchase(purchasesOnly, '2026-01-10', 50);
    await purchase(purchasesOnly, '2026-01-10', 70);
    const runId = await runAnalyticsNow(t.ctx, 'manual');
    const rows = await t.ctx.db
      .selectFrom('analytics_results')
      .select(['customer_id', 'purchases', 'first_on', 'last_on', 'average_interval_days', 'revenue', 'gross_profit', 'recency_days', 'frequency', 'monetary', 'previous_monetary', 'window_profit', 'owner_id'])
      .where('run_id', '=', runId)
      .orderBy('customer_id')
      .execute();
    const facts = rows.map((r) => [
      r.customer_id, Number(r.purchases), r.first_on, r.last_on, r.average_interval_days === null ? null : Number(r.average_interval_days), Number(r.revenue) / 100,
      Number(r.gross_profit) / 100, Number(r.recency_days), Number(r.frequency), Number(r.monetary) / 100, Number(r.previous_monetary) / 100, Number(r.window_profit) / 100, r.owner_id,
    ]);
    expect(facts).toEqual([
      [mixed, 4, '2026-03-01', '2026-11-01', 122, 1800, 360, 35, 4, 1800, 0, 360, org.ids.east1],
      [contractsOnly, 2, '2025-06-01', '2026-06-01', 365, 600, 120, 188, 1, 300, 300, 60, org.ids.east1],
      [purchasesOnly, 2, '2026-01-10', '2026-01-10', null, 120, 24, 330, 2, 120, 0, 24, org.ids.east1],
    ]);
    // The run left no work table behind, and its progress says four steps.
    const run = await t.ctx.db.selectFrom('analytics_runs').select(['steps_done', 'steps_total', 'customers']).where('id', '=', runId).executeTakeFirstOrThrow();
    expect(run).toEqual({ steps_done: 4, steps_total: 4, customers: 3 });
  });
});
