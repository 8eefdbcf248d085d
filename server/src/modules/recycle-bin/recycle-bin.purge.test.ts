import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAnalyticsNow } from '../analytics/index.js';
import { buildCustomer } from '../../test/fixtures.js';
import { createTestApp, TestClock, type Agent, type TestApp } from '../../test/harness.js';

/**
 * Erasing a customer for good (recycle bin, 彻底删除) takes what other modules keep about it:
 * credit assessments, imported purchases and the analytics runs' results, win-backs and kept
 * values, pool releases and warnings, care reminders. Deleting it to the bin keeps them all (a
 * restore brings the customer back whole); another customer's records are never touched.
 */
let t: TestApp;
let admin: Agent;
const clock = new TestClock(new Date('2026-12-06T04:00:00Z'));
const fen = (yuan: number) => yuan * 100;
const evidence = {
  currentAssets: fen(3_000_000), currentLiabilities: fen(2_500_000), inventory: fen(1_000_000),
  totalAssets: fen(10_000_000), totalLiabilities: fen(6_000_000), ownersEquity: fen(4_000_000),
  collateralValue: fen(300_000), requestedLimit: fen(500_000),
  conditionsRating: 4, conditionsNote: '行业平稳增长', relationshipStability: 4, note: '年度评估',
};
const tables = ['credit_assessments', 'purchase_history', 'analytics_results', 'analytics_keeps', 'pool_releases', 'pool_warnings', 'care_reminders'] as const;

async function company(name: string): Promise<number> {
  const res = await admin.post('/api/v1/customers', buildCustomer({ name, organization: { foundedYear: 2010 } }));
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id as number;
}

/** Rows of each table about the customer. */
async function kept(customerId: number): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of tables) {
    const r = await t.ctx.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).where('customer_id', '=', customerId).executeTakeFirstOrThrow();
    out[table] = Number(r.n);
  }
  return out;
}

/** One of everything about the customer. */
async function giveRecords(customerId: number, userId: number): Promise<void> {
  const at = clock.now().toISOString();
  const saved = await admin.put(`/api/v1/customers/${customerId}/credit-assessment`, { ...evidence, version: 0 });
  expect(saved.status, JSON.stringify(saved.body)).toBe(200);
  await t.ctx.db.insertInto('purchase_history').values({ customer_id: customerId, purchased_on: '2026-09-07', amount: 100_000, cost: null, product: '测试商品', source: 'test', created_at: at, created_by: null }).execute();
  await t.ctx.db.insertInto('pool_releases').values({ customer_id: customerId, user_id: userId, kind: 'release', released_at: at }).execute();
  await t.ctx.db.insertInto('pool_warnings').values({ customer_id: customerId, user_id: userId, due_at: '2026-12-20T00:00:00.000Z', warned_at: at }).execute();
  await t.ctx.db.insertInto('care_reminders').values({ kind: 'birthday', record_id: customerId, occurs_on: '2026-12-10', remind_on: '2026-12-08', user_id: userId, customer_id: customerId, contract_id: null, name: '生日', nth: null, created_at: at }).execute();
}

beforeAll(async () => {
  t = await createTestApp({ clock });
  admin = await t.login();
});
afterAll(() => t.close());

describe('purging a customer', () => {
  it('erases its credit assessments, purchases, analytics, pool records and care reminders; the bin alone keeps them', async () => {
    const me = (await t.ctx.db.selectFrom('users').select('id').orderBy('id').executeTakeFirstOrThrow()).id;
    const gone = await company('彻底删除样例有限公司');
    const other = await company('留存样例有限公司');
    await giveRecords(gone, me);
    await giveRecords(other, me);
    await runAnalyticsNow(t.ctx, 'manual');
    admin = await t.login();
    // Keep mine against the run's derived status (the record says potential, one purchase derives first purchase).
    const keep = await admin.post(`/api/v1/analytics/customers/${gone}/keep-record`, { status: 'first_purchase' });
    expect(keep.status, JSON.stringify(keep.body)).toBe(200);
    const all = { credit_assessments: 1, purchase_history: 1, analytics_results: 1, analytics_keeps: 1, pool_releases: 1, pool_warnings: 1, care_reminders: 1 };
    expect(await kept(gone)).toEqual(all);

    // To the recycle bin and back: everything stays.
    expect((await admin.delete(`/api/v1/customers/${gone}`)).status).toBe(204);
    expect(await kept(gone)).toEqual(all);
    expect((await admin.post(`/api/v1/recycle-bin/customer/${gone}/restore`)).status).toBe(204);
    expect((await admin.get(`/api/v1/customers/${gone}/credit-assessment`)).body.version).toBe(1);

    // Erased for good: nothing about it is left; the other customer keeps all of its own.
    expect((await admin.delete(`/api/v1/customers/${gone}`)).status).toBe(204);
    expect((await admin.delete(`/api/v1/recycle-bin/customer/${gone}`)).status).toBe(204);
    expect(await kept(gone)).toEqual(Object.fromEntries(tables.map((table) => [table, 0])));
    expect(await kept(other)).toEqual({ ...all, analytics_keeps: 0 });
    expect((await admin.get(`/api/v1/analytics/customers/${gone}`)).status).toBe(404);
  });
});
