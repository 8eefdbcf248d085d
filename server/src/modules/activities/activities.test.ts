import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCustomer, createOrg, password, type Org } from '../../test/fixtures.js';
import { createTestApp, TestClock, type TestApp } from '../../test/harness.js';

/**
 * Follow-up records and tasks on both engines: a follow-up moves the customer's follow-up clock,
 * lands on its timeline and makes its next step a task; the contact guard names the colleagues
 * who called; bad input changes nothing; scope decides who sees and changes what; recurring
 * tasks keep their day across month ends and leap years.
 */
const hour = 60 * 60 * 1000;
// 2026-11-22 16:00 in Shanghai.
const clock = new TestClock(new Date('2026-11-22T08:00:00Z'));
let t: TestApp;
let org: Org;
let customerId: number;
let contactId: number;
let otherContactId: number;

const log = (body: Record<string, unknown>, as = org.as.east1) => as.post('/api/v1/follow-ups', { customerId, kind: 'call', content: '电话沟通需求', ...body });

beforeAll(async () => {
  t = await createTestApp({ clock });
  org = await createOrg(t);
  customerId = (await org.as.east1.post('/api/v1/customers', buildCustomer({ name: '跟进测试客户有限公司' }))).body.id;
  contactId = (await org.as.east1.post('/api/v1/contacts', { customerId, name: '李采购' })).body.id;
  const other = (await org.as.east1.post('/api/v1/customers', buildCustomer({ name: '另一家客户' }))).body.id;
  otherContactId = (await org.as.east1.post('/api/v1/contacts', { customerId: other, name: '王别家' })).body.id;
}, 180_000);
afterAll(() => t.close());

describe('follow-up records', () => {
  it('a call with a contact and a next step: the customer clock moves, the timeline says so, the next step is a task', async () => {
    const res = await log({ contactIds: [contactId], durationMinutes: 15, outcome: '有意向', occurredAt: '2026-11-22T06:30:00Z', nextOn: '2026-11-25', nextAction: '发送报价' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ kind: 'call', customerName: '跟进测试客户有限公司', contacts: [{ id: contactId, name: '李采购' }], durationMinutes: 15, outcome: '有意向', authorName: '张伟', nextOn: '2026-11-25', can: { edit: true, delete: true } });
    const customer = (await org.as.east1.get(`/api/v1/customers/${customerId}`)).body;
    expect(customer.lastFollowUpAt).toBe('2026-11-22T06:30:00.000Z');
    const task = (await org.as.east1.get(`/api/v1/tasks/${res.body.taskId}`)).body;
    expect(task).toMatchObject({ title: '发送报价', dueOn: '2026-11-25', assigneeId: org.ids.east1, customerId, followUpId: res.body.id, status: 'open' });
    const history = (await org.as.east1.get(`/api/v1/customers/${customerId}/history`)).body.items as Array<{ action: string; changes: Array<{ field: string; new: unknown }> }>;
    const entry = history.find((h) => h.action === 'follow_up');
    expect(entry?.changes).toEqual(expect.arrayContaining([{ field: 'kind', old: null, new: 'call' }, { field: 'note', old: null, new: '电话沟通需求' }]));
    const list = (await org.as.east1.get(`/api/v1/customers/${customerId}/follow-ups`)).body;
    expect(list.items.map((f: { id: number }) => f.id)).toContain(res.body.id);
  });

  it('refuses bad input field by field and writes nothing', async () => {
    const before = (await org.as.east1.get(`/api/v1/customers/${customerId}/follow-ups`)).body.total;
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ occurredAt: '2026-11-23T08:00:00Z' }, 'occurredAt'],
      [{ contactIds: [otherContactId] }, 'contactIds.0'],
      [{ nextAction: '回访' }, 'nextOn'],
      [{ nextOn: '2026-11-21' }, 'nextOn'],
      [{ kind: 'fax' }, 'kind'],
      [{ content: '' }, 'content'],
      [{ durationMinutes: -1 }, 'durationMinutes'],
    ];
    for (const [body, path] of cases) {
      const res = await log(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.details.map((d: { path: string }) => d.path), JSON.stringify(body)).toContain(path);
    }
    const zh = await t.login('east1@example.com', password, 'zh-CN');
    const message = (await zh.post('/api/v1/follow-ups', { customerId, kind: 'call', content: 'x', nextAction: '回访' })).body.error.details[0].message as string;
    expect(message).toContain('下次跟进日期');
    expect((await org.as.east1.get(`/api/v1/customers/${customerId}/follow-ups`)).body.total).toBe(before);
  });

  it('the contact guard names the colleague who called within the days set, not oneself; 0 turns it off', async () => {
    // The manager sees east1's customer (department tree) and is warned that 张伟 called.
    const guard = (await org.as.manager.get(`/api/v1/customers/${customerId}/contact-guard`)).body;
    expect(guard.days).toBe(7);
    expect(guard.recent).toEqual([{ userId: org.ids.east1, userName: '张伟', at: '2026-11-22T08:00:00.000Z', kind: 'call' }].map((r) => ({ ...r, at: expect.any(String) })));
    expect((await org.as.east1.get(`/api/v1/customers/${customerId}/contact-guard`)).body.recent).toEqual([]);
    const settings = (await org.admin.get('/api/v1/settings/contact-guard')).body;
    expect((await org.as.east1.put('/api/v1/settings/contact-guard', { days: 0, version: settings.version })).status).toBe(403);
    const off = await org.admin.put('/api/v1/settings/contact-guard', { days: 0, version: settings.version });
    expect(off.status).toBe(200);
    expect((await org.as.manager.get(`/api/v1/customers/${customerId}/contact-guard`)).body.recent).toEqual([]);
    await org.admin.put('/api/v1/settings/contact-guard', { days: 7, version: off.body.version });
    // Eight days later the call is out of the window.
    clock.advance(8 * 24 * hour);
    try {
      // A fresh session: the old ones end with the jump.
      const manager = await t.login('manager@example.com', password);
      expect((await manager.get(`/api/v1/customers/${customerId}/contact-guard`)).body.recent).toEqual([]);
    } finally {
      clock.advance(-8 * 24 * hour);
    }
  });

  it('who sees and changes what: a colleague outside the scope sees nothing; the manager edits; a reader only reads', async () => {
    const mine = (await log({ content: '拜访', kind: 'visit' })).body;
    expect((await log({}, org.as.east2)).status).toBe(404);
    expect((await org.as.east2.get(`/api/v1/customers/${customerId}/follow-ups`)).status).toBe(404);
    expect((await org.as.east2.get(`/api/v1/follow-ups/${mine.id}`)).status).toBe(404);
    expect((await org.as.east2.patch(`/api/v1/follow-ups/${mine.id}`, { version: mine.version, content: '改' })).status).toBe(404);
    expect((await org.as.east2.get('/api/v1/follow-ups?pageSize=100')).body.items.map((f: { id: number }) => f.id)).not.toContain(mine.id);
    expect((await org.as.reader.get(`/api/v1/customers/${customerId}/follow-ups`)).status).toBe(200);
    expect((await log({}, org.as.reader)).status).toBe(403);
    const edited = await org.as.manager.patch(`/api/v1/follow-ups/${mine.id}`, { version: mine.version, content: '拜访（经理补充）' });
    expect(edited.status).toBe(200);
    expect((await org.as.east1.patch(`/api/v1/follow-ups/${mine.id}`, { version: mine.version, content: '旧版本' })).status).toBe(409);
    expect((await org.as.east1.delete(`/api/v1/follow-ups/${mine.id}`)).status).toBe(204);
    expect((await org.as.east1.get(`/api/v1/follow-ups/${mine.id}`)).status).toBe(404);
  });
});

describe('tasks', () => {
  it('lists today, overdue, upcoming and done in the company time zone; a task goes only to users in scope', async () => {
    const make = async (body: Record<string, unknown>, as = org.as.east2) => {
      const res = await as.post('/api/v1/tasks', { title: '任务', ...body });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return res.body as { id: number; version: number; overdue: boolean };
    };
    const late = await make({ title: '昨天的', dueOn: '2026-11-21' });
    const now = await make({ title: '今天下午', dueOn: '2026-11-22', dueTime: '17:00', priority: 'high' });
    const passed = await make({ title: '今天上午', dueOn: '2026-11-22', dueTime: '09:00' });
    const later = await make({ title: '下周', dueOn: '2026-11-29' });
    expect(late.overdue).toBe(true);
    expect(now.overdue).toBe(false);
    expect(passed.overdue).toBe(true);
    const view = async (v: string) => ((await org.as.east2.get(`/api/v1/tasks?view=${v}`)).body.items as Array<{ id: number }>).map((x) => x.id);
    expect(await view('today')).toEqual([passed.id, now.id]);
    expect(await view('overdue')).toEqual([late.id]);
    expect(await view('upcoming')).toEqual([later.id]);
    const done = await org.as.east2.patch(`/api/v1/tasks/${late.id}`, { version: late.version, status: 'done' });
    expect(done.body).toMatchObject({ status: 'done', overdue: false });
    expect(await view('done')).toEqual([late.id]);
    // Scope: east2 sees none of east1's tasks; gives none to north1; the manager gives one to east2.
    expect((await org.as.east1.get(`/api/v1/tasks/${now.id}`)).status).toBe(404);
    const refused = await org.as.east2.post('/api/v1/tasks', { title: 'x', dueOn: '2026-11-23', assigneeId: org.ids.north1 });
    expect(refused.status).toBe(400);
    expect(refused.body.error.details[0].path).toBe('assigneeId');
    expect((await org.as.east2.post('/api/v1/tasks', { title: 'x', dueOn: '2026-11-23', customerId })).body.error.details[0].path).toBe('customerId');
    const given = await make({ title: '经理分配', dueOn: '2026-11-23', assigneeId: org.ids.east2 }, org.as.manager);
    expect((await org.as.east2.get(`/api/v1/tasks/${given.id}`)).body.assigneeName).toBe('刘芳');
  });

  it('a monthly task keeps its day across month ends; a yearly one on 29 February comes back in the leap year; done twice makes one next', async () => {
    const series = async (first: string, recurrence: string, steps: number): Promise<string[]> => {
      let task = (await org.as.east1.post('/api/v1/tasks', { title: `重复 ${recurrence}`, dueOn: first, recurrence })).body;
      const dates = [task.dueOn as string];
      for (let i = 0; i < steps; i += 1) {
        const done = await org.as.east1.patch(`/api/v1/tasks/${task.id}`, { version: task.version, status: 'done' });
        expect(done.status, JSON.stringify(done.body)).toBe(200);
        // Done again (after reopening): still one next occurrence.
        const reopened = await org.as.east1.patch(`/api/v1/tasks/${task.id}`, { version: done.body.version, status: 'open' });
        await org.as.east1.patch(`/api/v1/tasks/${task.id}`, { version: reopened.body.version, status: 'done' });
        const open = (await org.as.east1.get('/api/v1/tasks?view=open&pageSize=100')).body.items as Array<{ id: number; version: number; title: string; dueOn: string }>;
        const next = open.filter((x) => x.title === `重复 ${recurrence}` && x.id !== task.id);
        expect(next).toHaveLength(1);
        task = next[0];
        dates.push(task.dueOn);
      }
      await org.as.east1.delete(`/api/v1/tasks/${task.id}`);
      return dates;
    };
    expect(await series('2027-01-31', 'monthly', 3)).toEqual(['2027-01-31', '2027-02-28', '2027-03-31', '2027-04-30']);
    expect(await series('2028-02-29', 'yearly', 4)).toEqual(['2028-02-29', '2029-02-28', '2030-02-28', '2031-02-28', '2032-02-29']);
    expect(await series('2026-12-30', 'daily', 2)).toEqual(['2026-12-30', '2026-12-31', '2027-01-01']);
  });
});
