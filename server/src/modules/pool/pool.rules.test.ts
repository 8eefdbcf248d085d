import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createDatabase } from '../../platform/db/database.js';
import { Scheduler, takeLease } from '../../platform/scheduler.js';
import { buildCustomer, createOrg, type Org } from '../../test/fixtures.js';
import { createTestApp, TestClock, testEngine, type Agent, type TestApp } from '../../test/harness.js';
import { touchCustomer } from '../customers/index.js';
import { runPoolRules } from './index.js';

/** The pool rules on a controllable clock: warnings, returns, the clocks, and concurrent runs. */
let t: TestApp;
let org: Org;
const clock = new TestClock();
const day = 24 * 60 * 60 * 1000;

beforeAll(async () => {
  t = await createTestApp({ clock });
  // The clock jumps by days here: sessions must outlive the jumps.
  t.ctx.config.sessionTtlMinutes = 10 * 365 * 24 * 60;
  org = await createOrg(t);
}, 120_000);
afterAll(() => t.close());

async function setRules(rules: Record<string, unknown>): Promise<void> {
  const { version } = (await org.admin.get('/api/v1/settings/pool-rules')).body;
  // PUT replaces the rule set: what is not sent takes its default (the rules are off by default).
  const res = await org.admin.put('/api/v1/settings/pool-rules', { enabled: true, ...rules, version });
  expect(res.status).toBe(200);
}

async function customer(ownerId: number | null, extra: Record<string, unknown> = {}): Promise<number> {
  const res = await org.admin.post('/api/v1/customers', buildCustomer({ ownerId, ...extra }));
  expect(res.status).toBe(201);
  return res.body.id;
}

const get = async (id: number) => (await org.admin.get(`/api/v1/customers/${id}`)).body;
const notices = async (agent: Agent, id: number) =>
  ((await agent.get('/api/v1/notifications?pageSize=200')).body.items as Array<{ kind: string; entityId: number; message: string; params: Record<string, unknown> }>).filter((n) => n.entityId === id);
const actions = async (id: number) => ((await org.admin.get(`/api/v1/customers/${id}/history?pageSize=100`)).body.items as Array<{ action: string }>).map((e) => e.action);

/** Return every owned customer to the pool so that each test counts only its own. */
async function clearOwned(): Promise<void> {
  await setRules({ noFollowUpDays: 1, noDealDays: null, exemptStatuses: [], warnDaysBefore: 0 });
  clock.advance(2 * day);
  await runPoolRules(t.ctx);
}

beforeEach(async () => {
  await clearOwned();
});

describe('pool rules on a clock', () => {
  it('warns the owner once warnDaysBefore days ahead, then returns the customer after N days', async () => {
    await setRules({ noFollowUpDays: 10, noDealDays: null, warnDaysBefore: 3 });
    const id = await customer(org.ids.north1, { name: '规则客户' });
    clock.advance(6 * day);
    expect(await runPoolRules(t.ctx)).toEqual({ warned: 0, returned: 0 });
    clock.advance(day); // day 7: due on day 10
    expect(await runPoolRules(t.ctx)).toEqual({ warned: 1, returned: 0 });
    expect(await runPoolRules(t.ctx)).toEqual({ warned: 0, returned: 0 });
    const [warning] = await notices(org.as.north1, id);
    expect(warning?.kind).toBe('pool_warning');
    expect(warning?.message).toBe('Your customer 规则客户 goes back to the public pool in 3 days unless you follow up.');
    // Only the owner is told.
    expect(await notices(org.as.east1, id)).toEqual([]);
    expect(await notices(org.admin, id)).toEqual([]);

    clock.advance(3 * day - 1000);
    expect(await runPoolRules(t.ctx)).toEqual({ warned: 0, returned: 0 });
    clock.advance(1000); // exactly 10 days
    expect(await runPoolRules(t.ctx)).toEqual({ warned: 0, returned: 1 });
    const after = await get(id);
    expect(after.ownerId).toBeNull();
    expect(after.ownerSince).toBeNull();
    expect(await actions(id)).toEqual(['pool_return', 'create']);
    const history = (await org.admin.get(`/api/v1/customers/${id}/history`)).body.items;
    expect(history[0].actorId).toBeNull();
    expect(history[0].changes).toEqual([
      { field: 'ownerId', old: org.ids.north1, new: null },
      { field: 'reason', old: null, new: 'no_follow_up' },
      { field: 'days', old: null, new: 10 },
    ]);
    const returned = (await notices(org.as.north1, id)).find((n) => n.kind === 'pool_returned');
    // Written in the owner's language (zh-CN unless they chose English).
    expect(returned?.params.reason).toBe('10 天未跟进');
    // The lost customer counts as released: its former owner waits before claiming it back.
    expect((await org.as.north1.post(`/api/v1/customers/${id}/claim`)).status).toBe(400);
    expect((await org.as.east1.post(`/api/v1/customers/${id}/claim`)).status).toBe(200);
  });

  it('a follow-up restarts the follow-up clock (and earns a new warning later)', async () => {
    await setRules({ noFollowUpDays: 10, noDealDays: null, warnDaysBefore: 3 });
    const id = await customer(org.ids.east1);
    clock.advance(8 * day);
    expect((await runPoolRules(t.ctx)).warned).toBe(1);
    expect((await org.as.east1.post(`/api/v1/customers/${id}/follow-ups`, { note: '上门拜访' })).status).toBe(201);
    clock.advance(5 * day); // 13 days after it was given, 5 after the follow-up
    expect(await runPoolRules(t.ctx)).toEqual({ warned: 0, returned: 0 });
    clock.advance(2 * day); // 7 after the follow-up: due in 3
    expect(await runPoolRules(t.ctx)).toEqual({ warned: 1, returned: 0 });
    expect((await notices(org.as.east1, id)).filter((n) => n.kind === 'pool_warning')).toHaveLength(2);
    clock.advance(3 * day);
    expect((await runPoolRules(t.ctx)).returned).toBe(1);
    expect((await get(id)).ownerId).toBeNull();
  });

  it('the deal clock runs from the later of ownership and the last deal; follow-ups do not stop it', async () => {
    await setRules({ noFollowUpDays: 10, noDealDays: 20, warnDaysBefore: 0 });
    const id = await customer(org.ids.east1);
    for (let i = 0; i < 3; i++) {
      clock.advance(5 * day);
      await org.as.east1.post(`/api/v1/customers/${id}/follow-ups`, { note: `跟进 ${i}` });
      expect((await runPoolRules(t.ctx)).returned).toBe(0);
    }
    // Day 15: a deal (from the deals module, later) restarts the deal clock.
    await touchCustomer(t.ctx.db, id, { dealAt: clock.now().toISOString() });
    expect((await get(id)).lastDealAt).toBe(clock.now().toISOString());
    clock.advance(5 * day);
    await org.as.east1.post(`/api/v1/customers/${id}/follow-ups`, { note: '跟进' });
    expect((await runPoolRules(t.ctx)).returned).toBe(0); // day 20: deal 5 days ago
    for (let i = 0; i < 3; i++) {
      clock.advance(5 * day);
      await org.as.east1.post(`/api/v1/customers/${id}/follow-ups`, { note: '跟进' });
      const { returned } = await runPoolRules(t.ctx);
      expect(returned).toBe(i === 2 ? 1 : 0); // day 35 = deal + 20
    }
    const [entry] = (await org.admin.get(`/api/v1/customers/${id}/history`)).body.items;
    expect(entry.action).toBe('pool_return');
    expect(entry.changes[1]).toEqual({ field: 'reason', old: null, new: 'no_deal' });
  });

  it('a claim restarts the clocks; exempt statuses never go back; disabled rules do nothing', async () => {
    await setRules({ noFollowUpDays: 10, noDealDays: null, warnDaysBefore: 0 });
    const loyal = await customer(org.ids.east2, { status: 'loyal' });
    const pooled = await customer(null);
    clock.advance(9 * day);
    expect((await org.as.east2.post(`/api/v1/customers/${pooled}/claim`)).status).toBe(200);
    clock.advance(5 * day);
    expect(await runPoolRules(t.ctx)).toEqual({ warned: 0, returned: 0 });
    expect((await get(loyal)).ownerId).toBe(org.ids.east2);
    await setRules({ enabled: false, noFollowUpDays: 10, noDealDays: null });
    clock.advance(30 * day);
    expect(await runPoolRules(t.ctx)).toEqual({ warned: 0, returned: 0 });
    expect((await get(pooled)).ownerId).toBe(org.ids.east2);
    await setRules({ noFollowUpDays: 10, noDealDays: null, exemptStatuses: [] });
    expect(await runPoolRules(t.ctx)).toEqual({ warned: 0, returned: 2 });
  });

  it('the rules can be run now by an administrator over HTTP', async () => {
    await setRules({ noFollowUpDays: 5, noDealDays: null, warnDaysBefore: 0 });
    const id = await customer(org.ids.east1);
    clock.advance(5 * day);
    const res = await org.admin.post('/api/v1/settings/pool-rules/run');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ warned: 0, returned: 1 });
    expect((await get(id)).ownerId).toBeNull();
    expect((await org.as.manager.post('/api/v1/settings/pool-rules/run')).status).toBe(403);
  });
});

describe('concurrent runs', () => {
  it('two runs at once move each customer once, with one entry, one notice and one warning each', async () => {
    await setRules({ noFollowUpDays: 10, noDealDays: null, warnDaysBefore: 3 });
    const ids: number[] = [];
    for (let i = 0; i < 12; i++) ids.push(await customer(i % 2 === 0 ? org.ids.east1 : org.ids.north1));
    clock.advance(8 * day);
    const warned = await Promise.all([runPoolRules(t.ctx), runPoolRules(t.ctx), runPoolRules(t.ctx)]);
    expect(warned.reduce((n, r) => n + r.warned, 0)).toBe(12);
    clock.advance(2 * day);
    const runs = await Promise.all([runPoolRules(t.ctx), runPoolRules(t.ctx), runPoolRules(t.ctx)]);
    expect(runs.reduce((n, r) => n + r.returned, 0)).toBe(12);
    for (const id of ids) {
      expect((await actions(id)).filter((a) => a === 'pool_return')).toHaveLength(1);
    }
    const east1 = (await org.as.east1.get('/api/v1/notifications?pageSize=200')).body.items as Array<{ kind: string; entityId: number }>;
    for (const id of ids.filter((_, i) => i % 2 === 0)) {
      expect(east1.filter((n) => n.entityId === id).map((n) => n.kind).sort()).toEqual(['pool_returned', 'pool_warning']);
    }
  });

  // PostgreSQL only: two servers share one database there; SQLite is one process's embedded file.
  it.runIf(testEngine === 'postgres')('two servers (two connection pools) at once move each customer once', async () => {
    await setRules({ noFollowUpDays: 10, noDealDays: null, warnDaysBefore: 0 });
    const ids: number[] = [];
    for (let i = 0; i < 20; i++) ids.push(await customer(org.ids.east2));
    clock.advance(10 * day);
    const second = createDatabase(t.ctx.config, { poolSize: 4 });
    try {
      const other = { ...t.ctx, db: second.db };
      const runs = await Promise.all([runPoolRules(t.ctx), runPoolRules(other), runPoolRules(t.ctx), runPoolRules(other)]);
      expect(runs.reduce((n, r) => n + r.returned, 0)).toBe(20);
    } finally {
      await second.close();
    }
    for (const id of ids) expect((await actions(id)).filter((a) => a === 'pool_return')).toHaveLength(1);
  });
});

describe('scheduler', () => {
  it('one lease holder per period: of two schedulers ticking at once exactly one runs the task', async () => {
    let runs = 0;
    const task = { name: 'test-task', everyMs: 60_000, run: async () => { runs += 1; } };
    const a = new Scheduler(t.ctx.db, clock);
    const b = new Scheduler(t.ctx.db, clock);
    const ran = await Promise.all([a.tick(task), b.tick(task), a.tick(task)]);
    expect(ran.filter(Boolean)).toHaveLength(1);
    expect(runs).toBe(1);
    // Within the period nobody (the holder included) runs it again; after it, one does.
    expect(await b.tick(task)).toBe(false);
    clock.advance(60_000);
    expect(await Promise.all([b.tick(task), a.tick(task)])).toContain(true);
    expect(runs).toBe(2);
    const now = clock.now().toISOString();
    expect(await takeLease(t.ctx.db, 'other', 'x', now, new Date(clock.now().getTime() + 1000).toISOString())).toBe(true);
    expect(await takeLease(t.ctx.db, 'other', 'y', now, now)).toBe(false);
  });

  it('a failing task is reported and does not keep the scheduler from running it next period', async () => {
    const errors: string[] = [];
    const s = new Scheduler(t.ctx.db, clock, (name) => errors.push(name));
    let calls = 0;
    const task = { name: 'failing', everyMs: 1000, run: async () => { calls += 1; throw new Error('boom'); } };
    expect(await s.tick(task)).toBe(false);
    clock.advance(1000);
    await s.tick(task);
    expect(calls).toBe(2);
    expect(errors).toEqual(['failing', 'failing']);
  });
});
