import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCustomer, createOrg, type Org } from '../../test/fixtures.js';
import { createTestApp, testEngine, TestClock, type Agent, type TestApp } from '../../test/harness.js';
import { runAnalytics as runAnalyticsAs } from '../../test/analytics.js';
import { markMoves } from './analytics.rollups.js';

/**
 * The dashboards' class counts come from the run's counts by owner (analytics_rollups) plus the
 * customers moved since the run (owner changed, deleted, restored, merged, erased: logged by a
 * trigger on customers). Each figure must equal what the same grouping over the run's rows joined
 * to the live customers gives, for every scope: after each kind of move, every dashboard that
 * reads the counts is asked once from the counts and once with the run's mark taken away (which
 * makes the server read the rows), and the two answers must be the same. The expected totals of a
 * few moves are also written out.
 */
let t: TestApp;
let org: Org;
const clock = new TestClock(new Date('2026-12-06T04:00:00Z'));
const ids: Record<string, number> = {};
let runId = 0;

async function customer(name: string, ownerId: number | null, purchases: Array<[string, number]>) {
  const res = await org.admin.post('/api/v1/customers', buildCustomer({ name, ownerId }));
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  ids[name] = res.body.id as number;
  for (const [on, yuan] of purchases) {
    await t.ctx.db.insertInto('purchase_history').values({ customer_id: res.body.id, purchased_on: on, amount: yuan * 100, cost: null, product: null, source: 'test', created_at: clock.now().toISOString(), created_by: null }).execute();
  }
}

const runAnalytics = () => runAnalyticsAs(org.admin, clock);

async function get(agent: Agent, url: string) {
  const res = await agent.get(`/api/v1${url}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as Record<string, unknown>;
}

/** What each reader sees on every dashboard that reads the counts. */
async function figures(): Promise<Record<string, unknown>> {
  const readers: Record<string, Agent> = { admin: org.admin, manager: org.as.manager, east1: org.as.east1, east2: org.as.east2, north1: org.as.north1, eastLead: org.as.eastLead };
  const out: Record<string, unknown> = {};
  for (const [who, agent] of Object.entries(readers)) {
    if (who === 'eastLead') {
      // A custom role without analytics.view: refused, and stays so.
      out[who] = (await agent.get('/api/v1/analytics/summary')).status;
      continue;
    }
    const summary = await get(agent, '/analytics/summary');
    delete summary.run;
    out[`${who} summary`] = summary;
    for (const path of ['value-pyramid', 'quadrants', 'rfm', `value-pyramid?departmentId=${org.ids.east}`]) {
      const body = await get(agent, `/analytics/dashboard/${path}`);
      delete body.run;
      out[`${who} ${path}`] = body;
    }
    const abc = await get(agent, '/analytics/dashboard/abc');
    delete abc.run;
    out[`${who} abc`] = abc;
    out[`${who} abc, 3 points`] = { ...(await get(agent, '/analytics/dashboard/abc?limit=3')), run: null };
    out[`${who} abc, east, 2 points`] = { ...(await get(agent, `/analytics/dashboard/abc?limit=2&departmentId=${org.ids.east}`)), run: null };
    for (const filter of ['', 'abcClass=A', 'churnRisk=true', `ownerId=${org.ids.east1}`, `departmentId=${org.ids.east}&valueClass=opportunity`, 'quadrant=lead&status=lost']) {
      // A page holds them all: the total (from the counts) is the number of rows listed.
      const list = await get(agent, `/analytics/customers?pageSize=100&${filter}`);
      const listed = (list.items as Array<{ customerId: number }>).map((i) => i.customerId);
      expect(list.total, `${who} ${filter}`).toBe(listed.length);
      out[`${who} list ${filter}`] = listed;
    }
    const churn = await get(agent, '/analytics/dashboard/churn');
    out[`${who} churn`] = { total: churn.total, items: churn.items };
  }
  return out;
}

/** The figures from the counts, then from the rows (the run's mark taken away), which must agree. */
async function bothWays(): Promise<Record<string, unknown>> {
  const fromCounts = await figures();
  const run = await t.ctx.db.selectFrom('analytics_runs').select('moves_mark').where('id', '=', runId).executeTakeFirstOrThrow();
  expect(run.moves_mark).not.toBeNull();
  await t.ctx.db.updateTable('analytics_runs').set({ moves_mark: null }).where('id', '=', runId).execute();
  try {
    const fromRows = await figures();
    expect(fromCounts).toEqual(fromRows);
  } finally {
    await t.ctx.db.updateTable('analytics_runs').set({ moves_mark: run.moves_mark }).where('id', '=', runId).execute();
  }
  return fromCounts;
}

const customersOf = (f: Record<string, unknown>, key: string) => (f[key] as { customers: number }).customers;

beforeAll(async () => {
  t = await createTestApp({ clock });
  org = await createOrg(t);
  const { east1, east2, north1 } = org.ids;
  await customer('E1', east1, [['2026-11-15', 5000], ['2026-10-01', 800]]);
  await customer('E2', east1, [['2026-11-15', 3000]]);
  await customer('E3', east1, [['2026-01-01', 400], ['2026-02-01', 300], ['2026-03-03', 300]]);
  await customer('E4', east2, [['2026-11-15', 500]]);
  await customer('E5', east2, [['2025-06-01', 2500], ['2026-09-09', 100]]);
  await customer('N1', north1, [['2026-06-01', 200], ['2026-06-11', 200]]);
  await customer('N2', north1, [['2026-11-15', 100]]);
  await customer('N3', north1, [['2026-12-01', 1200], ['2026-11-01', 1200], ['2026-10-01', 1200]]);
  await customer('P1', null, [['2026-11-15', 2000]]);
  await customer('P2', null, [['2024-01-15', 700]]);
  runId = await runAnalytics();
}, 180_000);
afterAll(() => t.close());

describe('dashboard counts by owner, and the customers moved since the run', () => {
  it('agree with the rows right after the run: the run wrote its counts', async () => {
    const rollups = await t.ctx.db.selectFrom('analytics_rollups').select((eb) => eb.fn.sum<number>('customers').as('n')).where('run_id', '=', runId).executeTakeFirstOrThrow();
    expect(Number(rollups.n)).toBe(10);
    const f = await bothWays();
    expect(customersOf(f, 'admin summary')).toBe(10);
    expect(customersOf(f, 'manager summary')).toBe(8);
    expect(customersOf(f, 'east1 summary')).toBe(3);
    expect(f.eastLead).toBe(403);
  });

  it('a transfer moves the customer from its old owner to the new one', async () => {
    const res = await org.admin.post('/api/v1/customers/transfer', { customerIds: [ids.E1], ownerId: org.ids.north1 });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const moves = await t.ctx.db.selectFrom('analytics_customer_moves').select('customer_id').execute();
    expect(moves.map((m) => m.customer_id)).toEqual([ids.E1]);
    const f = await bothWays();
    expect(customersOf(f, 'east1 summary')).toBe(2);
    expect(customersOf(f, 'north1 summary')).toBe(4);
    expect(customersOf(f, 'admin summary')).toBe(10);
  });

  it('a release to the pool takes it out of every scope but everyone\'s; a claim brings one in', async () => {
    expect((await org.admin.post(`/api/v1/customers/${ids.N1}/release`, { reason: '不再跟进' })).status).toBe(200);
    expect((await org.as.east2.post(`/api/v1/customers/${ids.P1}/claim`)).status).toBe(200);
    const f = await bothWays();
    expect(customersOf(f, 'north1 summary')).toBe(3);
    expect(customersOf(f, 'east2 summary')).toBe(3);
    expect(customersOf(f, 'manager summary')).toBe(8);
    expect(customersOf(f, 'admin summary')).toBe(10);
  });

  it('a deletion takes it out, a restore brings it back, an erased customer leaves the counts for good', async () => {
    expect((await org.admin.delete(`/api/v1/customers/${ids.E2}`)).status).toBe(204);
    expect((await org.admin.delete(`/api/v1/customers/${ids.E3}`)).status).toBe(204);
    expect((await org.admin.post(`/api/v1/recycle-bin/customer/${ids.E3}/restore`)).status).toBe(204);
    const deleted = await bothWays();
    expect(customersOf(deleted, 'admin summary')).toBe(9);
    // E2 (3,000 yuan) is gone from everyone's Pareto: E1 (5,800), N3 (3,600) and E5 (2,600) lead it now.
    const top = (deleted['admin abc, 3 points'] as { points: Array<{ customerId: number; rank: number }> }).points;
    expect(top.map((p) => [p.rank, p.customerId])).toEqual([[1, ids.E1], [2, ids.N3], [3, ids.E5]]);
    expect((await org.admin.delete(`/api/v1/customers/${ids.E4}`)).status).toBe(204);
    expect((await org.admin.delete(`/api/v1/recycle-bin/customer/${ids.E4}`)).status).toBe(204);
    const f = await bothWays();
    expect(customersOf(f, 'admin summary')).toBe(8);
    expect(customersOf(f, 'east1 summary')).toBe(1);
    expect(customersOf(f, 'east2 summary')).toBe(2);
  });

  it('a merge takes the merged customer out', async () => {
    const survivor = (await org.admin.get(`/api/v1/customers/${ids.N2}`)).body as { version: number };
    const res = await org.admin.post('/api/v1/customers/merge', { survivorId: ids.N2, mergedIds: [ids.N3], version: survivor.version });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const f = await bothWays();
    expect(customersOf(f, 'admin summary')).toBe(7);
  });

  it('the next run counts afresh; the moves its mark covers are dropped once no run needs them', async () => {
    const before = await t.ctx.db.selectFrom('analytics_customer_moves').select('id').execute();
    expect(before.length).toBeGreaterThan(0);
    runId = await runAnalytics();
    const f = await bothWays();
    expect(customersOf(f, 'admin summary')).toBe(7);
    // The first run still has its counts (it is one of the recent runs kept), so its moves stay.
    expect((await t.ctx.db.selectFrom('analytics_customer_moves').select('id').execute()).length).toBe(before.length);
    await t.ctx.db.deleteFrom('analytics_rollups').where('run_id', '<', runId).execute();
    clock.advance(61_000);
    runId = await runAnalytics();
    // Pruned after the run is marked done (with the results of runs no longer kept).
    await expect.poll(async () => (await t.ctx.db.selectFrom('analytics_customer_moves').select('id').execute()).length, { timeout: 10_000 }).toBe(0);
    expect(customersOf(await bothWays(), 'admin summary')).toBe(7);
  });
});

describe('the run\'s mark of the moves', () => {
  // PostgreSQL only: SQLite has one writer, whose moves commit in id order before any later read.
  it.runIf(testEngine === 'postgres')('waits for an owner change still being written, so that no move up to it is left uncommitted', async () => {
    const before = await t.ctx.db.selectFrom('analytics_runs').select('moves_mark').where('id', '=', runId).executeTakeFirstOrThrow();
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let written!: () => void;
    const inserted = new Promise<void>((r) => (written = r));
    const transfer = t.ctx.db.transaction().execute(async (trx) => {
      await trx.updateTable('customers').set({ owner_id: org.ids.north1 }).where('id', '=', Number(ids.E5)).execute();
      written();
      await held;
    });
    await inserted;
    let marked = false;
    const marking = markMoves(t.ctx.db, t.ctx.engine, runId).then(() => (marked = true));
    await new Promise((r) => setTimeout(r, 300));
    const waited = !marked;
    release();
    expect(waited).toBe(true);
    await transfer;
    await marking;
    const move = await t.ctx.db.selectFrom('analytics_customer_moves').select((eb) => eb.fn.max('id').as('id')).where('customer_id', '=', Number(ids.E5)).executeTakeFirstOrThrow();
    const after = await t.ctx.db.selectFrom('analytics_runs').select('moves_mark').where('id', '=', runId).executeTakeFirstOrThrow();
    expect(Number(after.moves_mark)).toBeGreaterThanOrEqual(Number(move.id));
    await t.ctx.db.updateTable('analytics_runs').set({ moves_mark: before.moves_mark }).where('id', '=', runId).execute();
  });
});
