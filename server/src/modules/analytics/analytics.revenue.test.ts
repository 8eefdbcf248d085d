import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCustomer, createOrg, type Org } from '../../test/fixtures.js';
import { createTestApp, testEngine, TestClock, type Agent, type TestApp } from '../../test/harness.js';
import { foldRevenue } from './analytics.revenue.js';

/**
 * Revenue by month over whole months reads each customer's stored months and their sums by owner
 * (kept by a fold of the customers the triggers marked); a range that cuts a month reads the
 * transactions. Every transaction here falls on days 5-25, so the range 2026-01-02 .. 2026-12-30
 * (read from the transactions) must give the same figures as 2026-01-01 .. 2026-12-31 (read from
 * the stored months), and a month's drill-down from its 2nd day the same list as the whole month's:
 * for every reader, with and without a department, after every kind of write, before the fold
 * (the marked customers counted again) and after it.
 */
let t: TestApp;
let org: Org;
const clock = new TestClock(new Date('2026-12-06T04:00:00Z'));
const ids: Record<string, number> = {};
const yuan = (v: number) => v * 100;

async function purchase(name: string, on: string, amount: number) {
  await t.ctx.db.insertInto('purchase_history').values({ customer_id: ids[name] as number, purchased_on: on, amount: yuan(amount), cost: null, product: null, source: 'test', created_at: clock.now().toISOString(), created_by: null }).execute();
}

async function customer(name: string, ownerId: number | null, purchases: Array<[string, number]>) {
  const res = await org.admin.post('/api/v1/customers', buildCustomer({ name, ownerId }));
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  ids[name] = res.body.id as number;
  for (const [on, amount] of purchases) await purchase(name, on, amount);
}

/** A contract of the customer signed on the day, moved through the statuses given. */
async function contract(name: string, amount: number, signedOn: string, statuses: string[]): Promise<{ id: number; version: number }> {
  let c = (await org.admin.post('/api/v1/contracts', { customerId: ids[name], title: `${name} ${signedOn}`, amount: yuan(amount), signedOn })).body as { id: number; version: number };
  expect(c.id, JSON.stringify(c)).toBeDefined();
  for (const status of statuses) {
    const res = await org.admin.post(`/api/v1/contracts/${c.id}/status`, { status, version: c.version });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    c = res.body;
  }
  return c;
}

async function get(agent: Agent, url: string) {
  const res = await agent.get(`/api/v1${url}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as Record<string, unknown>;
}

interface Revenue { revenue: number; customers: number; months: Array<{ month: string; revenue: number; customers: number }> }
interface Buyers { total: number; items: Array<{ customerId: number; revenue: number; purchases: number; ownerId: number | null }> }

/** Every reader's figures, stored and counted, which must agree; returns the administrator's. */
async function agree(label: string): Promise<Revenue> {
  const readers: Record<string, Agent> = { admin: org.admin, manager: org.as.manager, east1: org.as.east1, east2: org.as.east2, north1: org.as.north1 };
  let admin: Revenue | null = null;
  for (const [who, agent] of Object.entries(readers)) {
    for (const department of ['', `&departmentId=${org.ids.east}`]) {
      const at = `${label}: ${who} ${department}`;
      const stored = (await get(agent, `/analytics/dashboard/revenue?from=2026-01-01&to=2026-12-31${department}`)) as unknown as Revenue;
      const counted = (await get(agent, `/analytics/dashboard/revenue?from=2026-01-02&to=2026-12-30${department}`)) as unknown as Revenue;
      expect(stored, at).toEqual(counted);
      // The default range is the last 12 months up to this one: the same months.
      expect(await get(agent, `/analytics/dashboard/revenue${department ? `?${department.slice(1)}` : ''}`), at).toEqual(stored);
      if (who === 'admin' && department === '') admin = stored;
      for (const m of stored.months.filter((x) => x.customers > 0)) {
        const whole = (await get(agent, `/analytics/dashboard/revenue/customers?month=${m.month}&pageSize=100${department}`)) as unknown as Buyers;
        const cut = (await get(agent, `/analytics/dashboard/revenue/customers?month=${m.month}&from=${m.month}-02&pageSize=100${department}`)) as unknown as Buyers;
        expect(whole, `${at} ${m.month}`).toEqual(cut);
        expect(whole.total, `${at} ${m.month}`).toBe(m.customers);
        expect(whole.items.reduce((s, i) => s + i.revenue, 0), `${at} ${m.month}`).toBe(m.revenue);
        const second = (await get(agent, `/analytics/dashboard/revenue/customers?month=${m.month}&pageSize=1&page=2${department}`)) as unknown as Buyers;
        expect(second.items, `${at} ${m.month}`).toEqual(whole.items.slice(1, 2));
      }
    }
  }
  return admin as unknown as Revenue;
}

/** Agreement with the marks pending, then after the fold (which leaves none). */
async function agreeBothWays(label: string): Promise<Revenue> {
  const marked = await agree(`${label}, marked`);
  await foldRevenue(t.ctx.db, t.ctx.engine);
  expect((await t.ctx.db.selectFrom('revenue_dirty').select('customer_id').execute()).length, label).toBe(0);
  const folded = await agree(`${label}, folded`);
  expect(folded, label).toEqual(marked);
  return folded;
}

const month = (r: Revenue, m: string) => r.months.find((x) => x.month === m);

beforeAll(async () => {
  t = await createTestApp({ clock });
  org = await createOrg(t);
  const { east1, east2, north1 } = org.ids;
  await customer('E1', east1, [['2025-11-20', 300], ['2026-01-05', 1000], ['2026-03-10', 500], ['2026-03-20', 50]]);
  await customer('E2', east1, [['2026-03-12', 200]]);
  await customer('E3', east2, []);
  await customer('N1', north1, [['2026-06-06', 400], ['2026-06-20', 100]]);
  await customer('N2', north1, [['2026-11-15', 100]]);
  await customer('P1', null, [['2026-05-05', 700], ['2026-11-15', 90]]);
  await contract('E3', 8000, '2026-02-14', ['active']);
}, 180_000);
afterAll(() => t.close());

describe('revenue by month from the stored months', () => {
  it('agrees with the transactions from the start, and the fold stores each customer\'s months', async () => {
    const admin = await agreeBothWays('start');
    // Hand-worked: 1,000 + 500 + 50 + 200 + 8,000 + 400 + 100 + 100 + 700 + 90 in 2026; E1's 2025 purchase is outside.
    expect([admin.revenue, admin.customers]).toEqual([yuan(11_140), 6]);
    expect(month(admin, '2026-03')).toEqual({ month: '2026-03', revenue: yuan(750), customers: 2 });
    expect(month(admin, '2026-11')).toEqual({ month: '2026-11', revenue: yuan(190), customers: 2 });
    const e1 = await t.ctx.db.selectFrom('revenue_months').select(['month', 'revenue', 'purchases', 'prev_month']).where('customer_id', '=', Number(ids.E1)).orderBy('month').execute();
    expect(e1.map((r) => [r.month, Number(r.revenue), Number(r.purchases), r.prev_month])).toEqual([
      ['2025-11', yuan(300), 1, ''], ['2026-01', yuan(1000), 1, '2025-11'], ['2026-03', yuan(550), 2, '2026-01'],
    ]);
    const east1 = (await get(org.as.east1, '/analytics/dashboard/revenue')) as unknown as Revenue;
    expect([east1.revenue, east1.customers]).toEqual([yuan(1750), 2]);
  });

  it('follows purchases added, changed and removed, and contracts signed, cancelled and deleted', async () => {
    await purchase('E2', '2026-07-07', 300);
    await purchase('N2', '2026-11-25', 10);
    await t.ctx.db.updateTable('purchase_history').set({ amount: yuan(600) }).where('customer_id', '=', Number(ids.N1)).where('purchased_on', '=', '2026-06-06').execute();
    await t.ctx.db.updateTable('purchase_history').set({ purchased_on: '2026-08-08' }).where('customer_id', '=', Number(ids.P1)).where('purchased_on', '=', '2026-05-05').execute();
    await t.ctx.db.deleteFrom('purchase_history').where('customer_id', '=', Number(ids.E1)).where('purchased_on', '=', '2026-03-20').execute();
    await contract('N1', 1200, '2026-09-09', ['active', 'completed']);
    await contract('E2', 999, '2026-10-10', ['active', 'cancelled']);
    await contract('E2', 555, '2026-10-11', []);
    const dropped = await contract('N2', 333, '2026-04-04', ['active']);
    let admin = await agree('written');
    expect(month(admin, '2026-04')?.revenue).toBe(yuan(333));
    expect((await org.admin.delete(`/api/v1/contracts/${dropped.id}`)).status).toBe(204);
    admin = await agreeBothWays('written');
    expect(month(admin, '2026-04')?.revenue).toBe(0);
    expect(month(admin, '2026-09')).toEqual({ month: '2026-09', revenue: yuan(1200), customers: 1 });
    expect(month(admin, '2026-10')).toEqual({ month: '2026-10', revenue: 0, customers: 0 });
    expect(month(admin, '2026-11')).toEqual({ month: '2026-11', revenue: yuan(200), customers: 2 });
  });

  it('follows a transfer, a release to the pool and a claim', async () => {
    expect((await org.admin.post('/api/v1/customers/transfer', { customerIds: [ids.E1], ownerId: org.ids.north1 })).status).toBe(200);
    expect((await org.admin.post(`/api/v1/customers/${ids.N1}/release`, { reason: '不再跟进' })).status).toBe(200);
    expect((await org.as.east2.post(`/api/v1/customers/${ids.P1}/claim`)).status).toBe(200);
    await agreeBothWays('moved');
    const north1 = (await get(org.as.north1, '/analytics/dashboard/revenue')) as unknown as Revenue;
    // E1's 1,500 of 2026 and N2's 100 + 10.
    expect([north1.revenue, north1.customers]).toEqual([yuan(1610), 2]);
  });

  it('follows a deletion, a restore, an erasure and a merge', async () => {
    expect((await org.admin.delete(`/api/v1/customers/${ids.E2}`)).status).toBe(204);
    await agree('E2 deleted');
    expect((await org.admin.post(`/api/v1/recycle-bin/customer/${ids.E2}/restore`)).status).toBe(204);
    await agreeBothWays('E2 restored');
    await foldRevenue(t.ctx.db, t.ctx.engine);
    expect((await org.admin.delete(`/api/v1/customers/${ids.E2}`)).status).toBe(204);
    await agreeBothWays('E2 deleted and folded');
    expect((await org.admin.post(`/api/v1/recycle-bin/customer/${ids.E2}/restore`)).status).toBe(204);
    await agreeBothWays('E2 restored after the fold');
    expect((await org.admin.delete(`/api/v1/customers/${ids.N2}`)).status).toBe(204);
    expect((await org.admin.delete(`/api/v1/recycle-bin/customer/${ids.N2}`)).status).toBe(204);
    await agreeBothWays('N2 erased');
    expect(await t.ctx.db.selectFrom('revenue_months').select('month').where('customer_id', '=', Number(ids.N2)).execute()).toEqual([]);
    const survivor = (await org.admin.get(`/api/v1/customers/${ids.E2}`)).body as { version: number };
    const merged = await org.admin.post('/api/v1/customers/merge', { survivorId: ids.E2, mergedIds: [ids.E3], version: survivor.version });
    expect(merged.status, JSON.stringify(merged.body)).toBe(200);
    const admin = await agreeBothWays('E3 merged into E2');
    // E3's contract follows it to E2, which bought in February now.
    expect(month(admin, '2026-02')).toEqual({ month: '2026-02', revenue: yuan(8000), customers: 1 });
  });

  it('a transfer of customers that never bought marks nothing', async () => {
    await customer('X1', org.ids.east1, []);
    expect((await org.admin.post('/api/v1/customers/transfer', { customerIds: [ids.X1], ownerId: org.ids.east2 })).status).toBe(200);
    expect(await t.ctx.db.selectFrom('revenue_dirty').select('customer_id').execute()).toEqual([]);
  });

  // PostgreSQL only: SQLite has one writer, so no purchase can be written while a fold runs.
  it.runIf(testEngine === 'postgres')('keeps the mark of a purchase written while the fold ran, and folds it next time', async () => {
    await purchase('E1', '2026-12-05', 40);
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let written!: () => void;
    const inserted = new Promise<void>((r) => (written = r));
    // A second purchase of E1, uncommitted while the fold reads E1's mark and its transactions.
    const writer = t.ctx.db.transaction().execute(async (trx) => {
      await trx.insertInto('purchase_history').values({ customer_id: Number(ids.E1), purchased_on: '2026-12-05', amount: yuan(60), cost: null, product: null, source: 'test', created_at: clock.now().toISOString(), created_by: null }).execute();
      written();
      await held;
    });
    await inserted;
    const folding = foldRevenue(t.ctx.db, t.ctx.engine);
    await new Promise((r) => setTimeout(r, 300));
    release();
    await writer;
    await folding;
    const marks = await t.ctx.db.selectFrom('revenue_dirty').select('customer_id').execute();
    expect(marks.map((m) => m.customer_id)).toEqual([ids.E1]);
    const admin = await agreeBothWays('written during a fold');
    expect(month(admin, '2026-12')).toEqual({ month: '2026-12', revenue: yuan(100), customers: 1 });
  });

  it.runIf(testEngine === 'postgres')('two folds at once count each customer once', async () => {
    await purchase('E2', '2026-12-06', 70);
    await purchase('P1', '2026-12-06', 30);
    await Promise.all([foldRevenue(t.ctx.db, t.ctx.engine), foldRevenue(t.ctx.db, t.ctx.engine), sql`select 1`.execute(t.ctx.db)]);
    const admin = await agreeBothWays('two folds');
    expect(month(admin, '2026-12')?.customers).toBe(3);
  });
});
