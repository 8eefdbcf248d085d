import type { Workbench } from '@crm/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCustomer, createOrg, password, type Org } from '../../test/fixtures.js';
import { createTestApp, TestClock, type Agent, type TestApp } from '../../test/harness.js';
import { notify } from '../notifications/index.js';

/**
 * GET /workbench on both engines: each section holds exactly the caller's own records (tasks,
 * customers due a follow-up, unread reminders, approvals waiting, recent records still in scope,
 * customers near the pool), this month's figures count in the company's time zone (Asia/Shanghai)
 * against the month's targets, and sections without their permission are null.
 */
const clock = new TestClock(new Date('2026-10-20T02:00:00Z'));
let t: TestApp;
let org: Org;
let nobody: Agent;
type Key = 'A' | 'B' | 'C' | 'D' | 'E' | 'F' | 'G' | 'H' | 'I' | 'J' | 'K' | 'X' | 'L' | 'O';
const ids = {} as Record<Key, number>;
/** Move the clock, and sign everyone in again (a month away, the sessions have expired). */
async function at(iso: string): Promise<void> {
  clock.advance(Date.parse(iso) - clock.now().getTime());
  org.admin = await t.login();
  for (const [who, email] of [['manager', 'manager'], ['east1', 'east1'], ['east2', 'east2'], ['marketer', 'marketer'], ['reader', 'reader']] as const) org.as[who] = await t.login(`${email}@example.com`, password);
}

const bench = async (who: Agent): Promise<Workbench> => {
  const res = await who.get('/api/v1/workbench');
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as Workbench;
};
async function customer(as: Agent, name: string, body: Record<string, unknown> = {}): Promise<number> {
  const res = await as.post('/api/v1/customers', buildCustomer({ name, ...body }));
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id as number;
}
async function followUp(as: Agent, customerId: number, body: Record<string, unknown> = {}): Promise<void> {
  const res = await as.post('/api/v1/follow-ups', { customerId, kind: 'call', content: '电话沟通', ...body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
}
async function task(as: Agent, title: string, dueOn: string, assigneeId?: number): Promise<number> {
  const res = await as.post('/api/v1/tasks', { title, dueOn, ...(assigneeId ? { assigneeId } : {}) });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id as number;
}
async function sentQuote(as: Agent, customerId: number, productId: number): Promise<void> {
  const q = (await as.post('/api/v1/quotes', { customerId, title: '工作台报价', validUntil: '2027-01-31', lines: [{ productId, quantity: 3 }] })).body;
  const sent = await as.post(`/api/v1/quotes/${q.id}/status`, { status: 'sent', version: q.version });
  expect(sent.body.status, JSON.stringify(sent.body)).toBe('awaiting_approval');
}

beforeAll(async () => {
  t = await createTestApp({ clock });
  org = await createOrg(t);
  // October: customers the administrator gives east1 (and east2) that nobody follows up.
  ids.H = await customer(org.admin, '十月客户H', { ownerId: org.ids.east1 });
  ids.K = await customer(org.admin, '忠诚客户K', { ownerId: org.ids.east1, status: 'loyal' });
  ids.X = await customer(org.admin, '别人的客户X', { ownerId: org.ids.east2 });
  await at('2026-10-25T02:00:00Z');
  ids.I = await customer(org.admin, '十月客户I', { ownerId: org.ids.east1 });
  await at('2026-10-30T02:00:00Z');
  ids.J = await customer(org.admin, '十月客户J', { ownerId: org.ids.east1 });

  // 2026-11-20 10:00 in Shanghai.
  await at('2026-11-20T02:00:00Z');
  const { east1, east2, manager } = org.as;
  for (const name of ['A', 'B', 'C', 'D', 'F', 'G'] as const) ids[name] = await customer(east1, `客户${name}`);
  ids.E = await customer(east2, '客户E');
  await followUp(east1, ids.A, { nextOn: '2026-11-20', nextAction: '回访A' });
  await followUp(east1, ids.B, { nextOn: '2026-11-22', nextAction: '回访B' });
  await followUp(east1, ids.C, { nextOn: '2026-11-30', nextAction: '回访C' });
  // D's next step is ended by a later follow-up without one.
  await followUp(east1, ids.D, { occurredAt: '2026-11-20T01:00:00Z', nextOn: '2026-11-21', nextAction: '回访D' });
  await followUp(east1, ids.D, { occurredAt: '2026-11-20T01:30:00Z' });
  await followUp(manager, ids.F, { nextOn: '2026-11-21', nextAction: '经理回访F' });
  await followUp(east2, ids.E, { nextOn: '2026-11-20', nextAction: '回访E' });
  // November begins at 2026-10-31T16:00Z in Shanghai: the first counts, the second is October's.
  await followUp(east1, ids.C, { occurredAt: '2026-10-31T17:00:00Z' });
  await followUp(east1, ids.C, { occurredAt: '2026-10-31T15:00:00Z' });

  const lead = await east1.post('/api/v1/leads', { kind: 'person', name: '线索L', mobile: '13900001111', source: 'web_form' });
  expect(lead.status, JSON.stringify(lead.body)).toBe(201);
  ids.L = lead.body.id;
  const deal = (await east1.post('/api/v1/opportunities', { name: '成交商机O', customerId: ids.A, amount: 20_000_000, expectedCloseDate: '2026-12-31' })).body;
  ids.O = deal.id;
  const pipelines = (await east1.get('/api/v1/pipelines')).body.items as Array<{ id: number; stages: Array<{ id: number; kind: string }> }>;
  const won = pipelines.flatMap((p) => (p.id === deal.pipelineId ? p.stages : [])).find((s) => s.kind === 'won');
  expect((await east1.post(`/api/v1/opportunities/${ids.O}/move`, { stageId: won?.id, version: deal.version, wonAmount: 12_345_600 })).status).toBe(200);
  // G leaves east1's scope.
  expect((await org.admin.post('/api/v1/customers/transfer', { customerIds: [ids.G], ownerId: org.ids.east2 })).status).toBe(200);

  await task(east1, '今天的任务', '2026-11-22');
  await task(manager, '经理布置', '2026-11-22', org.ids.east1);
  await task(east1, '明天的任务', '2026-11-23');
  await task(east2, '别人的任务', '2026-11-22');
  const done = (await east1.get(`/api/v1/tasks/${await task(east1, '做完的任务', '2026-11-22')}`)).body;
  expect((await east1.patch(`/api/v1/tasks/${done.id}`, { status: 'done', version: done.version })).status).toBe(200);

  // Quotes above ¥1 wait for the manager.
  const productId = (await org.admin.post('/api/v1/products', { code: 'WB-1', name: '工作台产品', standardPrice: 100, taxRate: 0 })).body.id;
  const flow = await org.admin.post('/api/v1/approval-flows', { name: '报价审批', recordType: 'quote', conditions: [{ kind: 'amount_above', amount: 100 }], steps: [{ kind: 'user', userId: org.ids.manager }] });
  expect(flow.status, JSON.stringify(flow.body)).toBe(201);
  await sentQuote(east1, ids.A, productId);
  await sentQuote(east2, ids.E, productId);

  const db = t.ctx.db;
  const now = clock.now().toISOString();
  await notify(db, { userId: org.ids.east1, kind: 'pool_warning', params: { customer: '客户A', days: 2 }, entityType: 'customer', entityId: ids.A, at: now });
  await notify(db, { userId: org.ids.east1, kind: 'contract_renewal', params: { contract: 'HT-1', days: 30 }, entityType: 'contract', entityId: 1, at: now });
  await notify(db, { userId: org.ids.east1, kind: 'instalment_overdue', params: { contract: 'HT-2', position: 1, days: 3 }, entityType: 'contract', entityId: 2, at: now });
  await notify(db, { userId: org.ids.east2, kind: 'pool_warning', params: { customer: '客户E', days: 1 }, entityType: 'customer', entityId: ids.E, at: now });
  const read = ((await east1.get('/api/v1/notifications?pageSize=100')).body.items as Array<{ id: number; kind: string }>).find((n) => n.kind === 'instalment_overdue');
  expect((await east1.post(`/api/v1/notifications/${read?.id}/read`)).status).toBe(204);

  const rules = (await org.admin.get('/api/v1/settings/pool-rules')).body;
  expect((await org.admin.put('/api/v1/settings/pool-rules', { enabled: true, noFollowUpDays: 30, noDealDays: null, warnDaysBefore: 3, version: rules.version })).status).toBe(200);
  for (const [metric, period, value] of [['new_customers', '2026-11', 10], ['contract_amount', '2026-11', 1_000_000], ['amount_collected', '2026-Q4', 900_000]] as const) {
    const res = await org.admin.put('/api/v1/targets', { year: 2026, metric, items: [{ subjectType: 'user', subjectId: org.ids.east1, period, value }] });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  }
  const role = await org.admin.post('/api/v1/roles', { key: 'directory_only', name: '通讯录', permissions: ['users.view'], dataScope: 'own' });
  await org.admin.post('/api/v1/users', { email: 'nobody@example.com', name: '无权限', password, roleId: role.body.id, departmentId: org.ids.east });
  // 2026-11-22 16:00 in Shanghai.
  await at('2026-11-22T08:00:00Z');
  nobody = await t.login('nobody@example.com', password);
}, 240_000);
afterAll(() => t.close());

const titles = (s: { items: Array<{ title: string }> }) => s.items.map((i) => i.title).sort();

describe('GET /workbench', () => {
  it("lists a salesperson's own tasks due today and overdue, open ones only", async () => {
    const w = await bench(org.as.east1);
    expect(w.today).toBe('2026-11-22');
    expect(titles(w.tasks?.today ?? { items: [] })).toEqual(['今天的任务', '回访B', '经理布置'].sort());
    expect(w.tasks?.today.total).toBe(3);
    expect(w.tasks?.overdue.items.map((i) => i.title)).toEqual(['回访A', '回访D']);
    expect(w.tasks?.overdue.items.every((i) => i.overdue && i.assigneeId === org.ids.east1)).toBe(true);
    // The manager's scope covers east1's tasks; his workbench shows his own.
    const m = await bench(org.as.manager);
    expect(m.tasks?.today.items).toEqual([]);
    expect(m.tasks?.overdue.items.map((i) => i.title)).toEqual(['经理回访F']);
  });

  it('lists the customers I own whose latest follow-up planned a next one today or before', async () => {
    const w = await bench(org.as.east1);
    expect(w.dueCustomers?.items.map((c) => [c.name, c.nextOn, c.overdue])).toEqual([['客户A', '2026-11-20', true], ['客户F', '2026-11-21', true], ['客户B', '2026-11-22', false]]);
    expect(w.dueCustomers?.total).toBe(3);
    expect(w.dueCustomers?.items[0]).toMatchObject({ id: ids.A, nextAction: '回访A' });
    expect((await bench(org.as.east2)).dueCustomers?.items.map((c) => c.id)).toEqual([ids.E]);
    expect((await bench(org.as.manager)).dueCustomers).toEqual({ items: [], total: 0 });
  });

  it('lists my unread reminders only, newest first, in my language', async () => {
    const w = await bench(org.as.east1);
    expect(w.reminders.items.map((n) => n.kind)).toEqual(['contract_renewal', 'pool_warning']);
    expect(w.reminders.total).toBe(2);
    expect(w.reminders.items[1]?.message).toContain('客户A');
    expect((await bench(org.as.east2)).reminders.items.map((n) => n.entityId)).toEqual([ids.E]);
    expect((await bench(org.as.manager)).reminders).toEqual({ items: [], total: 0 });
  });

  it('lists the approvals waiting for my decision, oldest first', async () => {
    const m = await bench(org.as.manager);
    expect(m.approvals.items.map((r) => r.customerName)).toEqual(['客户A', '客户E']);
    expect(m.approvals.total).toBe(2);
    expect(m.approvals.items.every((r) => r.can.decide)).toBe(true);
    expect((await bench(org.as.east1)).approvals).toEqual({ items: [], total: 0 });
  });

  it('lists the records I touched last, once each, newest first, only those I may still see', async () => {
    const w = await bench(org.as.east1);
    expect(w.recent?.items.map((r) => `${r.type}:${r.id}:${r.action}`)).toEqual([
      `opportunity:${ids.O}:won`,
      `lead:${ids.L}:create`,
      `customer:${ids.C}:follow_up`,
      `customer:${ids.D}:follow_up`,
      `customer:${ids.B}:follow_up`,
      `customer:${ids.A}:follow_up`,
      `customer:${ids.F}:create`,
    ]);
    expect(w.recent?.items[0]?.name).toBe('成交商机O');
    expect((await bench(org.as.manager)).recent?.items.map((r) => `${r.type}:${r.id}`)).toEqual([`customer:${ids.F}`]);
    expect((await bench(org.as.reader)).recent).toEqual({ items: [] });
  });

  it('lists my customers the pool rules return within the warning days, soonest first', async () => {
    const w = await bench(org.as.east1);
    expect(w.poolRisk).toEqual({
      enabled: true,
      warnDays: 3,
      total: 2,
      items: [
        { id: ids.H, name: '十月客户H', reason: 'no_follow_up', dueAt: '2026-11-19T02:00:00.000Z', daysLeft: 0 },
        { id: ids.I, name: '十月客户I', reason: 'no_follow_up', dueAt: '2026-11-24T02:00:00.000Z', daysLeft: 2 },
      ],
    });
    expect((await bench(org.as.east2)).poolRisk?.items.map((c) => c.id)).toEqual([ids.X]);
    expect((await bench(org.as.manager)).poolRisk?.items).toEqual([]);
  });

  it("counts this month's figures in the company's time zone against my month's targets", async () => {
    const w = await bench(org.as.east1);
    expect(w.figures).toEqual({
      month: '2026-11',
      followUps: { actual: 6, target: null },
      newCustomers: { actual: 5, target: 10 },
      dealsWon: { actual: 1, target: null },
      wonAmount: { actual: 12_345_600, target: null },
      signedAmount: { actual: 0, target: 1_000_000 },
      collected: { actual: 0, target: null },
    });
    // Marketing reads no contracts, receivables or targets.
    expect((await bench(org.as.marketer)).figures).toEqual({
      month: '2026-11', followUps: { actual: 0, target: null }, newCustomers: { actual: 0, target: null }, dealsWon: { actual: 0, target: null }, wonAmount: { actual: 0, target: null }, signedAmount: null, collected: null,
    });
  });

  it('leaves out every section its permission does not allow; signed in only', async () => {
    expect(await bench(nobody)).toEqual({
      today: '2026-11-22', tasks: null, dueCustomers: null, reminders: { items: [], total: 0 }, approvals: { items: [], total: 0 }, recent: null, poolRisk: null, figures: null,
    });
    expect((await t.anonymous().get('/api/v1/workbench')).status).toBe(401);
  });
});
