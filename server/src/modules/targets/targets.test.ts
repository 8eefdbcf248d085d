import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCustomer, createOrg, type Org } from '../../test/fixtures.js';
import { createTestApp, TestClock, type Agent, type TestApp } from '../../test/harness.js';

/**
 * Sales targets: who sees and sets whose, what counts in which period (months in the company's
 * time zone), quarters and years from their months, departments rolling up from their members,
 * all-or-nothing saves and parallel saves of one target.
 */
let t: TestApp;
let org: Org;
let adminId: number;
const clock = new TestClock(new Date('2026-11-30T15:30:00Z'));

type Row = { subjectType: string; subjectId: number; name: string; target: number | null; targetFrom: string | null; membersTarget: number | null; actual: number; attainmentBp: number | null };
const rowOf = (rows: Row[], type: string, id: number) => rows.find((r) => r.subjectType === type && r.subjectId === id);
const put = (agent: Agent, items: Array<Record<string, unknown>>, year = 2026) => agent.put('/api/v1/targets', { year, metric: 'new_customers', items });
const user = (id: number, period: string, value: number | null) => ({ subjectType: 'user', subjectId: id, period, value });
const dept = (id: number, period: string, value: number | null) => ({ subjectType: 'department', subjectId: id, period, value });

beforeAll(async () => {
  t = await createTestApp({ clock });
  org = await createOrg(t);
  adminId = (await org.admin.get('/api/v1/auth/me')).body.user.id;
  // 2026-11-30 23:30 in Shanghai: November. One customer each for east1 and north1.
  for (const [owner, name] of [[org.ids.east1, '十一月客户甲'], [org.ids.north1, '十一月客户乙']] as const) {
    expect((await org.admin.post('/api/v1/customers', buildCustomer({ name, ownerId: owner }))).status).toBe(201);
  }
  // An hour later it is 1 December in Shanghai (still 30 November in UTC): December.
  clock.advance(60 * 60 * 1000);
  const december: Array<[number, string]> = [[org.ids.east1, '十二月客户一'], [org.ids.east1, '十二月客户二'], [org.ids.east2, '十二月客户三'], [org.ids.north1, '十二月客户四']];
  for (const [owner, name] of december) expect((await org.admin.post('/api/v1/customers', buildCustomer({ name, ownerId: owner }))).status).toBe(201);
  // A pool customer counts for nobody.
  expect((await org.admin.post('/api/v1/customers', buildCustomer({ name: '十二月公海客户', ownerId: null }))).status).toBe(201);
}, 180_000);
afterAll(() => t.close());

describe('setting targets', () => {
  it('a manager sets targets for the users and departments below him, and reads them back', async () => {
    const res = await put(org.as.manager, [
      user(org.ids.east1, '2026-12', 4),
      user(org.ids.east2, '2026-12', 2),
      user(org.ids.north1, '2026-10', 1),
      user(org.ids.north1, '2026-11', 2),
      user(org.ids.north1, '2026-12', 3),
      dept(org.ids.east, '2026-12', 5),
      dept(org.ids.sales, '2026-Q4', 20),
    ]);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.items).toHaveLength(7);
    const read = await org.as.manager.get('/api/v1/targets?year=2026&metric=new_customers');
    expect(read.status).toBe(200);
    expect(read.body.items).toContainEqual({ subjectType: 'user', subjectId: org.ids.east1, period: '2026-12', value: 4 });
    expect(read.body.items).toContainEqual({ subjectType: 'department', subjectId: org.ids.sales, period: '2026-Q4', value: 20 });
    // Another year holds none of them.
    expect((await org.as.manager.get('/api/v1/targets?year=2027&metric=new_customers')).body.items).toEqual([]);
  });

  it('a null clears a target', async () => {
    expect((await put(org.as.manager, [user(org.ids.east2, '2026-11', 9)])).status).toBe(200);
    const cleared = await put(org.as.manager, [user(org.ids.east2, '2026-11', null)]);
    expect(cleared.status).toBe(200);
    expect(cleared.body.items.filter((i: { subjectId: number; period: string }) => i.subjectId === org.ids.east2 && i.period === '2026-11')).toEqual([]);
  });

  it('refuses, field by field and saving nothing: subjects outside the scope, his own target, periods of another year, twice the same target', async () => {
    const before = (await org.admin.get('/api/v1/targets?year=2026&metric=new_customers')).body.items;
    const res = await put(org.as.manager, [
      user(org.ids.east1, '2026-12', 99),
      user(org.ids.agent, '2026-12', 1),
      dept(org.ids.service, '2026-12', 1),
      user(org.ids.manager, '2026-12', 1),
      user(org.ids.east2, '2027-01', 1),
      user(org.ids.east1, '2026-12', 98),
      user(999999, '2026-12', 1),
    ]);
    expect(res.status).toBe(400);
    const paths = (res.body.error.details as Array<{ path: string; message: string }>).map((d) => d.path);
    expect(paths).toEqual(['items.1.subjectId', 'items.2.subjectId', 'items.3.subjectId', 'items.4.period', 'items.5', 'items.6.subjectId']);
    // A user outside the scope and a user that does not exist get the same words: nothing leaks.
    const messages = res.body.error.details as Array<{ path: string; message: string }>;
    expect(messages.find((d) => d.path === 'items.1.subjectId')?.message).toBe(messages.find((d) => d.path === 'items.6.subjectId')?.message);
    expect((await org.admin.get('/api/v1/targets?year=2026&metric=new_customers')).body.items).toEqual(before);
  });

  it('checks the shape: a period that is not a month, quarter or year, negative values, an unknown metric', async () => {
    const res = await org.as.manager.put('/api/v1/targets', { year: 2026, metric: 'happiness', items: [{ subjectType: 'user', subjectId: org.ids.east1, period: '2026-13', value: -1 }] });
    expect(res.status).toBe(400);
    const paths = (res.body.error.details as Array<{ path: string }>).map((d) => d.path).sort();
    expect(paths).toEqual(['items.0.period', 'items.0.value', 'metric']);
    expect((await org.as.manager.get('/api/v1/targets?year=26&metric=new_customers')).status).toBe(400);
  });

  it('an administrator sets his own target; a salesperson sets none', async () => {
    expect((await put(org.admin, [user(adminId, '2026-12', 1)])).status).toBe(200);
    expect((await put(org.as.east1, [user(org.ids.east1, '2026-12', 100)])).status).toBe(403);
  });

  it('ten saves of one target at once end with one target, one of the values sent', async () => {
    const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => put(org.admin, [user(org.ids.eastLead, '2026-06', 10 + i)])));
    expect(answers.map((r) => r.status)).toEqual(Array(10).fill(200));
    const items = (await org.admin.get('/api/v1/targets?year=2026&metric=new_customers')).body.items.filter((i: { subjectId: number; period: string }) => i.subjectId === org.ids.eastLead && i.period === '2026-06');
    expect(items).toHaveLength(1);
    expect(items[0].value).toBeGreaterThanOrEqual(10);
    expect(items[0].value).toBeLessThan(20);
  });
});

describe('attainment', () => {
  it('counts a month in the company time zone, per user, with the department rolling up from its members', async () => {
    const res = await org.as.manager.get('/api/v1/targets/attainment?period=2026-12&metric=new_customers');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ period: '2026-12', from: '2026-12-01', to: '2027-01-01' });
    const rows = res.body.rows as Row[];
    expect(rowOf(rows, 'user', org.ids.east1)).toMatchObject({ target: 4, targetFrom: 'period', actual: 2, attainmentBp: 5000 });
    expect(rowOf(rows, 'user', org.ids.east2)).toMatchObject({ target: 2, actual: 1, attainmentBp: 5000 });
    expect(rowOf(rows, 'user', org.ids.north1)).toMatchObject({ target: 3, actual: 1, attainmentBp: 3333 });
    expect(rowOf(rows, 'department', org.ids.east)).toMatchObject({ target: 5, membersTarget: 6, actual: 3, attainmentBp: 6000 });
    // 销售部 has no December target of its own; it holds 华东组 and 华北组.
    expect(rowOf(rows, 'department', org.ids.sales)).toMatchObject({ target: null, membersTarget: 9, actual: 4, attainmentBp: null });
    expect(res.body.total.actual).toBe(4);
    const november = (await org.as.manager.get('/api/v1/targets/attainment?period=2026-11&metric=new_customers')).body.rows as Row[];
    expect(rowOf(november, 'user', org.ids.east1)).toMatchObject({ actual: 1, target: null });
    expect(rowOf(november, 'user', org.ids.north1)).toMatchObject({ actual: 1, target: 2 });
  });

  it('a quarter takes its own target, else the sum of its months; a year sums the months it has', async () => {
    const q4 = (await org.as.manager.get('/api/v1/targets/attainment?period=2026-Q4&metric=new_customers')).body.rows as Row[];
    expect(rowOf(q4, 'department', org.ids.sales)).toMatchObject({ target: 20, targetFrom: 'period', actual: 6, attainmentBp: 3000 });
    expect(rowOf(q4, 'user', org.ids.north1)).toMatchObject({ target: 6, targetFrom: 'months', actual: 2, attainmentBp: 3333 });
    const year = (await org.as.manager.get('/api/v1/targets/attainment?period=2026&metric=new_customers')).body.rows as Row[];
    expect(rowOf(year, 'user', org.ids.east1)).toMatchObject({ target: 4, targetFrom: 'months', actual: 3 });
    const q3 = (await org.as.manager.get('/api/v1/targets/attainment?period=2026-Q3&metric=new_customers')).body.rows as Row[];
    expect(rowOf(q3, 'user', org.ids.east1)).toMatchObject({ target: null, actual: 0, attainmentBp: null });
  });

  it('deleted customers no longer count', async () => {
    const c = (await org.admin.post('/api/v1/customers', buildCustomer({ name: '十二月将删客户', ownerId: org.ids.east2 }))).body;
    const actual = async () => rowOf((await org.admin.get('/api/v1/targets/attainment?period=2026-12&metric=new_customers')).body.rows, 'user', org.ids.east2)?.actual;
    expect(await actual()).toBe(2);
    expect((await org.admin.delete(`/api/v1/customers/${c.id}`)).status).toBe(204);
    expect(await actual()).toBe(1);
  });
});

describe('signed contract amounts', () => {
  it('count active and completed contracts by signing date for their owner, never drafts or cancelled ones', async () => {
    const customer = (await org.admin.post('/api/v1/customers', buildCustomer({ name: '签约目标客户', ownerId: org.ids.east1 }))).body;
    const sign = async (amount: number, signedOn: string, to: string[]) => {
      let c = (await org.as.east1.post('/api/v1/contracts', { customerId: customer.id, title: `目标合同 ${amount}`, amount, signedOn })).body;
      expect(c.id, JSON.stringify(c)).toBeDefined();
      for (const status of to) {
        const res = await org.as.east1.post(`/api/v1/contracts/${c.id}/status`, { status, version: c.version });
        expect(res.status, JSON.stringify(res.body)).toBe(200);
        c = res.body;
      }
    };
    await sign(100_000_00, '2026-12-03', ['active']);
    await sign(50_000_00, '2026-12-20', ['active', 'completed']);
    await sign(70_000_00, '2026-12-21', ['active', 'cancelled']);
    await sign(30_000_00, '2026-12-22', []);
    await sign(9_000_00, '2026-11-30', ['active']);
    expect((await org.as.manager.put('/api/v1/targets', { year: 2026, metric: 'contract_amount', items: [user(org.ids.east1, '2026-12', 300_000_00)] })).status).toBe(200);
    const rows = (await org.as.manager.get('/api/v1/targets/attainment?period=2026-12&metric=contract_amount')).body.rows as Row[];
    expect(rowOf(rows, 'user', org.ids.east1)).toMatchObject({ target: 300_000_00, actual: 150_000_00, attainmentBp: 5000 });
    expect(rowOf(rows, 'department', org.ids.sales)).toMatchObject({ actual: 150_000_00, membersTarget: 300_000_00 });
    // The new-customer targets are another metric: untouched.
    expect(rowOf(rows, 'user', org.ids.east2)).toMatchObject({ target: null, actual: 0 });
  });
});

describe('amounts collected', () => {
  it('count payments by the date received for the contract owner at the time, never payments of deleted contracts', async () => {
    const customer = (await org.admin.post('/api/v1/customers', buildCustomer({ name: '回款目标客户', ownerId: org.ids.east2 }))).body;
    const contract = async (title: string) => {
      const c = (await org.as.east2.post('/api/v1/contracts', { customerId: customer.id, title, amount: 100_000_00, signedOn: '2026-10-01' })).body;
      return (await org.as.east2.post(`/api/v1/contracts/${c.id}/status`, { status: 'active', version: c.version })).body as { id: number; version: number };
    };
    const kept = await contract('回款目标合同');
    const dropped = await contract('将删除的合同');
    const pay = async (id: number, amount: number, receivedOn: string) => expect((await org.as.east2.post(`/api/v1/contracts/${id}/payments`, { amount, receivedOn })).status).toBe(201);
    await pay(kept.id, 20_000_00, '2026-11-03');
    await pay(kept.id, 15_000_00, '2026-11-30');
    await pay(kept.id, 5_000_00, '2026-10-31');
    await pay(dropped.id, 7_000_00, '2026-11-10');
    expect((await org.as.east2.delete(`/api/v1/contracts/${dropped.id}`)).status).toBe(204);
    expect((await org.as.manager.put('/api/v1/targets', { year: 2026, metric: 'amount_collected', items: [user(org.ids.east2, '2026-11', 70_000_00)] })).status).toBe(200);
    const rows = (await org.as.manager.get('/api/v1/targets/attainment?period=2026-11&metric=amount_collected')).body.rows as Row[];
    expect(rowOf(rows, 'user', org.ids.east2)).toMatchObject({ target: 70_000_00, actual: 35_000_00, attainmentBp: 5000 });
    expect(rowOf(rows, 'department', org.ids.east)).toMatchObject({ actual: 35_000_00 });
  });
});

describe('data scope: exactly whose targets and figures each role sees', () => {
  type Who = 'admin' | keyof Org['as'];
  const agentOf = (who: Who): Agent => (who === 'admin' ? org.admin : org.as[who]);
  const expected: Record<Who, { users: string[]; departments: string[] } | null> = {
    admin: { users: ['admin', 'agent', 'east1', 'east2', 'eastLead', 'manager', 'marketer', 'north1', 'reader'], departments: ['east', 'hq', 'north', 'sales', 'service'] },
    reader: { users: ['admin', 'agent', 'east1', 'east2', 'eastLead', 'manager', 'marketer', 'north1', 'reader'], departments: ['east', 'hq', 'north', 'sales', 'service'] },
    manager: { users: ['east1', 'east2', 'eastLead', 'manager', 'north1'], departments: ['east', 'north', 'sales'] },
    east1: { users: ['east1'], departments: [] },
    east2: { users: ['east2'], departments: [] },
    north1: { users: ['north1'], departments: [] },
    agent: null,
    marketer: null,
    eastLead: null,
  };
  const departmentKeys = new Set(['hq', 'sales', 'east', 'north', 'service']);
  /** Users and departments have ids of their own: one map per type. */
  const names = (type: string) => {
    const byId = new Map<number, string>(type === 'user' ? [[adminId, 'admin']] : []);
    for (const [k, v] of Object.entries(org.ids)) if (departmentKeys.has(k) === (type === 'department')) byId.set(v, k);
    return byId;
  };
  for (const who of Object.keys(expected) as Who[]) {
    it(`${who}`, async () => {
      const want = expected[who];
      const year = await agentOf(who).get('/api/v1/targets?year=2026&metric=new_customers');
      const figures = await agentOf(who).get('/api/v1/targets/attainment?period=2026-12&metric=new_customers');
      if (want === null) {
        expect(year.status).toBe(403);
        expect(figures.status).toBe(403);
        return;
      }
      const pick = (list: Array<{ type?: string; subjectType?: string; id?: number; subjectId?: number }>, type: string) =>
        list.filter((s) => (s.type ?? s.subjectType) === type).map((s) => names(type).get((s.id ?? s.subjectId) as number)).sort();
      expect(pick(year.body.subjects, 'user')).toEqual(want.users);
      expect(pick(year.body.subjects, 'department')).toEqual(want.departments);
      expect(pick(figures.body.rows, 'user')).toEqual(want.users);
      expect(pick(figures.body.rows, 'department')).toEqual(want.departments);
      // Targets of subjects outside the scope never show.
      const visible = new Set([...want.users, ...want.departments]);
      for (const item of year.body.items as Array<{ subjectType: string; subjectId: number }>) expect(visible.has(names(item.subjectType).get(item.subjectId) as string)).toBe(true);
      // A salesperson's total is his own figure only (two December customers and the contracts test's one).
      if (who === 'east1') expect(figures.body.total.actual).toBe(3);
    });
  }
});
