import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCustomer, createOrg, password, type Org } from '../../test/fixtures.js';
import { createTestApp, TestClock, type Agent, type TestApp } from '../../test/harness.js';
import { runCareReminders } from '../reminders/index.js';

/**
 * The calendar on both engines: exactly whose items each caller sees (themselves, a user in their
 * scope, their team; 404 outside it), what their permissions let them see, the range rules; and the
 * private iCalendar feed (parsed: events, summaries, start times in UTC or as company days, alarms),
 * rotated, revoked and closed with a deactivated user.
 */
// 2026-11-22 16:00 in Shanghai.
const clock = new TestClock(new Date('2026-11-22T08:00:00Z'));
let t: TestApp;
let org: Org;
const ids: Record<string, number> = {};
const range = 'from=2026-11-16&to=2026-11-29';

type Item = { key: string; kind: string; date: string; time: string | null; title: string; userId: number; userName: string | null; remindBeforeMinutes: number | null; careKind: string | null };
const keysOf = (items: Item[]) => items.map((i) => i.key).sort();
const calendar = async (as: Agent, query = '') => as.get<{ items: Item[]; users: Array<{ id: number; name: string }>; timeZone: string; truncated: boolean }>(`/api/v1/calendar?${range}${query}`);

/** The events of an iCalendar text: folded lines joined, each property by name (parameters dropped, kept in `raw`). */
function parseIcs(text: string): Array<Record<string, string>> {
  const lines = text.replace(/\r\n[ \t]/g, '').split(/\r\n/);
  const events: Array<Record<string, string>> = [];
  let current: Record<string, string> | null = null;
  let inAlarm = false;
  for (const line of lines) {
    if (line === 'BEGIN:VEVENT') current = {};
    else if (line === 'END:VEVENT' && current) {
      events.push(current);
      current = null;
    }
    else if (line === 'BEGIN:VALARM') inAlarm = true;
    else if (line === 'END:VALARM') inAlarm = false;
    else if (current) {
      const colon = line.indexOf(':');
      const head = line.slice(0, colon);
      const name = (inAlarm ? 'ALARM-' : '') + (head.split(';')[0] ?? '');
      current[name] = line.slice(colon + 1);
      current[`${name}@raw`] = head;
    }
  }
  return events;
}

beforeAll(async () => {
  t = await createTestApp({ clock });
  org = await createOrg(t);
  const task = async (as: Agent, body: Record<string, unknown>) => {
    const res = await as.post('/api/v1/tasks', { title: '任务', ...body });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.id as number;
  };
  ids.customer = (await org.as.east1.post('/api/v1/customers', buildCustomer({ name: '日历客户有限公司' }))).body.id;
  ids.person = (await org.as.east1.post('/api/v1/customers', buildCustomer({ kind: 'person', category: 'retail', name: '生日客户', person: { birthday: '1990-11-24' } }))).body.id;
  ids.timed = await task(org.as.east1, { title: '拜访前准备', dueOn: '2026-11-24', dueTime: '10:00', remindBeforeMinutes: 15, customerId: ids.customer });
  ids.allDay = await task(org.as.east1, { title: '整理报价', dueOn: '2026-11-25' });
  ids.outside = await task(org.as.east1, { title: '下月任务', dueOn: '2026-12-10' });
  const meeting = await org.as.east1.post('/api/v1/follow-ups', { customerId: ids.customer, kind: 'meeting', content: '需求会议\n细节', occurredAt: '2026-11-21T02:00:00Z', durationMinutes: 90, nextOn: '2026-11-26', nextAction: '发送方案' });
  expect(meeting.status, JSON.stringify(meeting.body)).toBe(201);
  ids.meeting = meeting.body.id;
  ids.nextTask = meeting.body.taskId;
  ids.call = (await org.as.east1.post('/api/v1/follow-ups', { customerId: ids.customer, kind: 'call', content: '电话', occurredAt: '2026-11-21T03:00:00Z' })).body.id;
  ids.east2Task = await task(org.as.east2, { title: '刘芳的任务', dueOn: '2026-11-24' });
  ids.north1Task = await task(org.as.north1, { title: 'Emma task', dueOn: '2026-11-24' });
  ids.managerTask = await task(org.as.manager, { title: '经理的任务', dueOn: '2026-11-23', dueTime: '09:30' });
  await runCareReminders(t.ctx);
  ids.care = (await t.ctx.db.selectFrom('care_reminders').select('id').where('record_id', '=', ids.person ?? 0).executeTakeFirstOrThrow()).id;
}, 180_000);
afterAll(() => t.close());

const east1Keys = () => [`task:${ids.timed}`, `task:${ids.allDay}`, `next_follow_up:${ids.nextTask}`, `follow_up:${ids.meeting}`, `care_reminder:${ids.care}`].sort();

describe('calendar', () => {
  it('my days: tasks with their times, the planned follow-up, the meeting that happened, the birthday; in day order', async () => {
    const res = await calendar(org.as.east1);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.timeZone).toBe('Asia/Shanghai');
    expect(keysOf(res.body.items)).toEqual(east1Keys());
    const byKey = new Map(res.body.items.map((i) => [i.key, i]));
    expect(byKey.get(`task:${ids.timed}`)).toMatchObject({ date: '2026-11-24', time: '10:00', remindBeforeMinutes: 15, customerName: '日历客户有限公司', userName: '张伟', status: 'open' });
    expect(byKey.get(`follow_up:${ids.meeting}`)).toMatchObject({ date: '2026-11-21', time: '10:00', durationMinutes: 90, title: '需求会议', followUpKind: 'meeting' });
    expect(byKey.get(`next_follow_up:${ids.nextTask}`)).toMatchObject({ date: '2026-11-26', title: '发送方案' });
    expect(byKey.get(`care_reminder:${ids.care}`)).toMatchObject({ date: '2026-11-24', careKind: 'customer_birthday', title: '生日客户 turns 36' });
    expect(res.body.items.map((i) => i.date)).toEqual([...res.body.items.map((i) => i.date)].sort());
    // On 24 November the birthday (all day) comes before the 10:00 task.
    expect(res.body.items.filter((i) => i.date === '2026-11-24').map((i) => i.kind)).toEqual(['care_reminder', 'task']);
    const zh = await t.login('east1@example.com', password, 'zh-CN');
    expect((await calendar(zh)).body.items.find((i) => i.kind === 'care_reminder')?.title).toBe('客户 生日客户 的 36 岁生日');
  });

  it('whose days: a user in scope (the same set), the team (exact), 404 outside the scope or for nobody', async () => {
    expect(keysOf((await calendar(org.as.manager, `&userId=${org.ids.east1}`)).body.items)).toEqual(east1Keys());
    const team = (await calendar(org.as.manager, '&team=true')).body;
    expect(team.users.map((u) => u.id).sort((a, b) => a - b)).toEqual([org.ids.manager, org.ids.east1, org.ids.east2, org.ids.north1, org.ids.eastLead].sort((a, b) => a - b));
    expect(keysOf(team.items)).toEqual([...east1Keys(), `task:${ids.east2Task}`, `task:${ids.north1Task}`, `task:${ids.managerTask}`].sort());
    expect((await calendar(org.as.east2, '&team=true')).body.items.map((i) => i.key)).toEqual([`task:${ids.east2Task}`]);
    expect((await calendar(org.as.east2, `&userId=${org.ids.east1}`)).status).toBe(404);
    expect((await calendar(org.as.east1, `&userId=${org.ids.north1}`)).status).toBe(404);
    expect((await calendar(org.as.manager, `&userId=${org.ids.agent}`)).status).toBe(404);
    expect((await calendar(org.admin, '&userId=999999')).status).toBe(404);
    expect(keysOf((await calendar(org.as.reader, `&userId=${org.ids.east1}`)).body.items)).toEqual(east1Keys());
    // A role without tasks or follow-ups sees only the care reminders of its department.
    const lead = (await calendar(org.as.eastLead, '&team=true')).body;
    expect(lead.items.map((i) => i.key)).toEqual([`care_reminder:${ids.care}`]);
  });

  it('refuses a reversed, too long or impossible range and user with team, field by field', async () => {
    const paths = async (query: string) => {
      const res = await org.as.east1.get(`/api/v1/calendar?${query}`);
      expect(res.status, query).toBe(400);
      return res.body.error.details.map((d: { path: string }) => d.path);
    };
    expect(await paths('from=2026-11-29&to=2026-11-16')).toEqual(['to']);
    expect(await paths('from=2026-11-01&to=2026-12-13')).toEqual(['to']);
    expect(await paths('from=2026-02-30&to=2026-03-01')).toEqual(['from']);
    expect(await paths(`from=2026-11-01&to=2026-11-02&team=true&userId=${org.ids.east1}`)).toEqual(['team']);
    expect(await paths('from=2026-11-01')).toEqual(['to']);
    expect((await org.as.east1.get('/api/v1/calendar?from=2026-11-01&to=2026-12-12')).status).toBe(200);
    const zh = await t.login('east1@example.com', password, 'zh-CN');
    expect((await zh.get('/api/v1/calendar?from=2026-11-01&to=2026-12-13')).body.error.details[0].message).toBe('一次最多查看 42 天（六周）。');
  });
});

describe('calendar feed', () => {
  it('made, read without a session as iCalendar, rotated and revoked', async () => {
    expect((await org.as.east1.get('/api/v1/me/calendar-feed')).body).toEqual({ active: false, createdAt: null, lastUsedAt: null });
    const made = await org.as.east1.post('/api/v1/me/calendar-feed', {});
    expect(made.status).toBe(201);
    const path = new URL(made.body.url as string).pathname;
    expect(path).toMatch(/^\/api\/v1\/ical\/[A-Za-z0-9_-]{43}\.ics$/);
    const feed = await t.anonymous().get<string>(path);
    expect(feed.status).toBe(200);
    expect(feed.headers['content-type']).toContain('text/calendar');
    const events = parseIcs(feed.body);
    // Everything of mine from 30 days back to 180 ahead: the five items above and next month's task.
    expect(events).toHaveLength(6);
    const timed = events.find((e) => e.SUMMARY === '拜访前准备');
    expect(timed).toMatchObject({ DTSTART: '20261124T020000Z', DTEND: '20261124T023000Z', 'ALARM-TRIGGER': '-PT15M' });
    expect(events.find((e) => e.SUMMARY === '整理报价')).toMatchObject({ DTSTART: '20261125', 'DTSTART@raw': 'DTSTART;VALUE=DATE' });
    expect(events.find((e) => e.SUMMARY === '需求会议')).toMatchObject({ DTSTART: '20261121T020000Z', DTEND: '20261121T033000Z' });
    expect(events.find((e) => e.DTSTART === '20261124' && e.SUMMARY?.includes('生日客户'))).toBeDefined();
    expect(events.find((e) => e.SUMMARY === '下月任务')?.DTSTART).toBe('20261210');
    expect(new Set(events.map((e) => e.UID)).size).toBe(6);
    expect((await org.as.east1.get('/api/v1/me/calendar-feed')).body).toMatchObject({ active: true, lastUsedAt: '2026-11-22T08:00:00.000Z' });
    // Rotated: the old address is gone, the new one works; revoked: gone too.
    const rotated = await org.as.east1.post('/api/v1/me/calendar-feed', {});
    const newPath = new URL(rotated.body.url as string).pathname;
    expect(newPath).not.toBe(path);
    expect((await t.anonymous().get(path)).status).toBe(404);
    expect((await t.anonymous().get(newPath)).status).toBe(200);
    expect((await org.as.east1.delete('/api/v1/me/calendar-feed')).status).toBe(204);
    expect((await t.anonymous().get(newPath)).status).toBe(404);
    expect((await org.as.east1.delete('/api/v1/me/calendar-feed')).status).toBe(404);
    expect((await org.as.east1.get('/api/v1/me/calendar-feed')).body.active).toBe(false);
    for (const wrong of ['/api/v1/ical/nothing.ics', `/api/v1/ical/${'a'.repeat(43)}.ics`, `/api/v1/ical/${'a'.repeat(90)}`]) expect((await t.anonymous().get(wrong)).status).toBe(404);
  });

  it('follows the owner as they are now: a role without tasks shows none; a deactivated user\'s feed is gone', async () => {
    const lead = await org.as.eastLead.post('/api/v1/me/calendar-feed', {});
    const events = parseIcs((await t.anonymous().get<string>(new URL(lead.body.url).pathname)).body);
    expect(events).toEqual([]);
    const made = await org.as.north1.post('/api/v1/me/calendar-feed', {});
    const path = new URL(made.body.url).pathname;
    expect(parseIcs((await t.anonymous().get<string>(path)).body).map((e) => e.SUMMARY)).toEqual(['Emma task']);
    const user = (await org.admin.get(`/api/v1/users/${org.ids.north1}`)).body;
    expect((await org.admin.patch(`/api/v1/users/${org.ids.north1}`, { active: false, version: user.version })).status).toBe(200);
    expect((await t.anonymous().get(path)).status).toBe(404);
  });
});
