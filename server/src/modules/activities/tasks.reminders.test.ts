import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrg, password, type Org } from '../../test/fixtures.js';
import { createTestApp, TestClock, type Agent, type TestApp } from '../../test/harness.js';
import { runTaskReminders } from './index.js';

/**
 * Task reminders on both engines with a controlled clock: the assignee is told once when the
 * reminder time comes (company time zone; a day without a time counts as due at 09:00), again
 * after the due time moves, never for a done task, and the next occurrence of a recurring task
 * has its own; two job runners at once tell each reminder once.
 */
// 2026-11-22 16:00 in Shanghai.
const clock = new TestClock(new Date('2026-11-22T08:00:00Z'));
let t: TestApp;
let org: Org;
let east1: Agent;

const setClock = (iso: string) => clock.advance(Date.parse(iso) - clock.now().getTime());
const reminderNotices = async (userId: number) =>
  t.ctx.db.selectFrom('notifications').select(['entity_id', 'params']).where('user_id', '=', userId).where('kind', '=', 'task_reminder').orderBy('id').execute();
const create = async (body: Record<string, unknown>, as: Agent = east1) => {
  const res = await as.post('/api/v1/tasks', { title: '提醒任务', ...body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: number; version: number; remindAt: string | null; remindedAt: string | null; remindBeforeMinutes: number | null };
};

beforeAll(async () => {
  t = await createTestApp({ clock });
  org = await createOrg(t);
  east1 = org.as.east1;
}, 180_000);
afterAll(() => t.close());

describe('task reminders', () => {
  it('the reminder time in the company time zone: before the due time, 09:00 without one, a day before across the date line of UTC', async () => {
    expect((await create({ dueOn: '2026-11-22', dueTime: '17:00', remindBeforeMinutes: 15 })).remindAt).toBe('2026-11-22T08:45:00.000Z');
    expect((await create({ dueOn: '2026-11-23', remindBeforeMinutes: 0 })).remindAt).toBe('2026-11-23T01:00:00.000Z');
    // 07:30 on 1 December in Shanghai, a day before: 23:30 UTC on 29 November.
    expect((await create({ dueOn: '2026-12-01', dueTime: '07:30', remindBeforeMinutes: 1440 })).remindAt).toBe('2026-11-29T23:30:00.000Z');
    expect((await create({ dueOn: '2026-12-01' })).remindAt).toBeNull();
    const bad = await east1.post('/api/v1/tasks', { title: 'x', dueOn: '2026-12-01', remindBeforeMinutes: 10 });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((d: { path: string }) => d.path)).toEqual(['remindBeforeMinutes']);
    await t.ctx.db.deleteFrom('tasks').execute();
  });

  it('tells the assignee once when the time comes, in their language; a done task is not told; a moved due time is told again', async () => {
    setClock('2026-11-22T08:00:00Z');
    const soon = await create({ title: '给客户回电', dueOn: '2026-11-22', dueTime: '17:00', remindBeforeMinutes: 30 });
    const done = await create({ title: '已完成的', dueOn: '2026-11-22', dueTime: '16:20', remindBeforeMinutes: 5 });
    expect((await east1.patch(`/api/v1/tasks/${done.id}`, { version: done.version, status: 'done' })).status).toBe(200);
    const given = await create({ title: '经理交办', dueOn: '2026-11-22', dueTime: '16:40', remindBeforeMinutes: 15, assigneeId: org.ids.east2 }, org.as.manager);
    expect(await runTaskReminders(t.ctx)).toBe(0);
    setClock('2026-11-22T08:30:00Z');
    expect(await runTaskReminders(t.ctx)).toBe(2);
    expect(await runTaskReminders(t.ctx)).toBe(0);
    expect((await reminderNotices(org.ids.east1)).map((n) => n.entity_id)).toEqual([soon.id]);
    expect((await reminderNotices(org.ids.east2)).map((n) => n.entity_id)).toEqual([given.id]);
    const zh = await t.login('east1@example.com', password, 'zh-CN');
    const notice = (await zh.get('/api/v1/notifications')).body.items.find((n: { kind: string }) => n.kind === 'task_reminder');
    expect(notice).toMatchObject({ message: '任务提醒：「给客户回电」将于 2026-11-22 17:00 到期。', entityType: 'task', entityId: soon.id });
    const seen = (await east1.get(`/api/v1/tasks/${soon.id}`)).body;
    expect(seen).toMatchObject({ remindBeforeMinutes: 30, remindedAt: '2026-11-22T08:30:00.000Z' });
    // Moved to tomorrow: a new reminder, told when its time comes; a new title alone tells nothing again.
    const moved = (await east1.patch(`/api/v1/tasks/${soon.id}`, { version: seen.version, dueOn: '2026-11-23' })).body;
    expect(moved).toMatchObject({ remindAt: '2026-11-23T08:30:00.000Z', remindedAt: null });
    setClock('2026-11-23T08:31:00Z');
    expect(await runTaskReminders(t.ctx)).toBe(1);
    const fresh = await t.login('east1@example.com', password);
    expect((await fresh.patch(`/api/v1/tasks/${soon.id}`, { version: moved.version, title: '给客户回电（改）' })).body.remindedAt).toBe('2026-11-23T08:31:00.000Z');
    expect(await runTaskReminders(t.ctx)).toBe(0);
    expect((await reminderNotices(org.ids.east1)).map((n) => n.entity_id)).toEqual([soon.id, soon.id]);
    await t.ctx.db.deleteFrom('tasks').execute();
  });

  it('the next occurrence of a recurring task has its own reminder, across a month end', async () => {
    setClock('2027-01-30T02:00:00Z');
    const agent = await t.login('east1@example.com', password);
    const first = (await agent.post('/api/v1/tasks', { title: '月度回访', dueOn: '2027-01-31', dueTime: '10:00', recurrence: 'monthly', remindBeforeMinutes: 60 })).body;
    expect(first.remindAt).toBe('2027-01-31T01:00:00.000Z');
    expect((await agent.patch(`/api/v1/tasks/${first.id}`, { version: first.version, status: 'done' })).status).toBe(200);
    const open = (await agent.get('/api/v1/tasks?view=open')).body.items;
    expect(open.map((x: { dueOn: string; remindAt: string; remindBeforeMinutes: number }) => [x.dueOn, x.remindAt, x.remindBeforeMinutes])).toEqual([['2027-02-28', '2027-02-28T01:00:00.000Z', 60]]);
    // The done one is not told; the next one is, when its time comes.
    setClock('2027-02-28T01:00:00Z');
    expect(await runTaskReminders(t.ctx)).toBe(1);
    expect((await reminderNotices(org.ids.east1)).at(-1)?.entity_id).toBe(open[0].id);
    await t.ctx.db.deleteFrom('tasks').execute();
  });

  it('two job runners at once tell each of 30 reminders once', async () => {
    setClock('2027-03-01T00:00:00Z');
    const agent = await t.login('east2@example.com', password);
    const before = (await reminderNotices(org.ids.east2)).length;
    const ids: number[] = [];
    for (let i = 0; i < 30; i++) ids.push((await agent.post('/api/v1/tasks', { title: `并发提醒 ${i}`, dueOn: '2027-03-01', dueTime: '09:00', remindBeforeMinutes: 0 })).body.id);
    setClock('2027-03-01T01:00:00Z');
    const sent = await Promise.all([runTaskReminders(t.ctx), runTaskReminders(t.ctx), runTaskReminders(t.ctx)]);
    expect(sent.reduce((a, b) => a + b, 0)).toBe(30);
    const notices = (await reminderNotices(org.ids.east2)).slice(before).map((n) => n.entity_id);
    expect(notices.sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual(ids);
  });
});
