import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCustomer, createOrg, password, type Org } from '../../test/fixtures.js';
import { createTestApp, errorAt, errorPaths, TestClock, type Agent, type TestApp } from '../../test/harness.js';

/**
 * Visit check-in (拜访签到) on both engines: a visit saved with the phone's position keeps it with
 * the server's time; only a visit may carry one, bad coordinates are refused field by field and
 * nothing is written; a check-in can be removed, never moved; the day's visits (company time zone)
 * are read by exactly the users whose data scope covers their authors.
 */
// 2026-11-22 16:00 in Shanghai.
const now = '2026-11-22T08:00:00.000Z';
const clock = new TestClock(new Date(now));
let t: TestApp;
let org: Org;
const customers: Record<'east1' | 'east2' | 'north1' | 'shared', number> = { east1: 0, east2: 0, north1: 0, shared: 0 };
const here = { latitude: 31.230416, longitude: 121.473701, accuracyMeters: 12.5 };

const visit = (as: Agent, customerId: number, body: Record<string, unknown> = {}) =>
  as.post('/api/v1/follow-ups', { customerId, kind: 'visit', content: '上门拜访', ...body });
const ids = (res: { body: { items: Array<{ id: number }> } }) => res.body.items.map((f) => f.id).sort((a, b) => a - b);

beforeAll(async () => {
  t = await createTestApp({ clock });
  org = await createOrg(t);
  for (const who of ['east1', 'east2', 'north1'] as const) {
    customers[who] = (await org.as[who].post('/api/v1/customers', buildCustomer({ name: `签到客户-${who}` }))).body.id;
  }
  customers.shared = (await org.admin.post('/api/v1/customers', buildCustomer({ name: '签到客服客户' }))).body.id;
}, 180_000);
afterAll(() => t.close());

describe('a visit with a check-in', () => {
  it('keeps the position, its accuracy and the typed address with the server time, whatever time the visit says', async () => {
    const res = await visit(org.as.east1, customers.east1, { occurredAt: '2026-11-22T06:00:00Z', checkIn: { ...here, address: '  上海市黄浦区人民大道200号 ' } });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.checkIn).toEqual({ ...here, address: '上海市黄浦区人民大道200号', checkedInAt: now });
    expect(res.body.occurredAt).toBe('2026-11-22T06:00:00.000Z');
    expect((await org.as.manager.get(`/api/v1/follow-ups/${res.body.id}`)).body.checkIn).toEqual({ ...here, address: '上海市黄浦区人民大道200号', checkedInAt: now });
    const timeline = (await org.as.east1.get(`/api/v1/customers/${customers.east1}/follow-ups`)).body.items;
    expect(timeline.find((f: { id: number }) => f.id === res.body.id).checkIn.latitude).toBe(here.latitude);
    // Without an address, and a visit without a check-in.
    expect((await visit(org.as.east1, customers.east1, { checkIn: { latitude: -33.9, longitude: -180, accuracyMeters: 0 } })).body.checkIn).toEqual({ latitude: -33.9, longitude: -180, accuracyMeters: 0, address: null, checkedInAt: now });
    expect((await visit(org.as.east1, customers.east1)).body.checkIn).toBeNull();
  });

  it('refuses a check-in on other kinds and impossible positions, field by field in the caller language, writing nothing', async () => {
    const before = (await org.as.east1.get(`/api/v1/customers/${customers.east1}/follow-ups`)).body.total;
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ kind: 'call', checkIn: here }, 'checkIn'],
      [{ checkIn: { ...here, latitude: 90.0001 } }, 'checkIn.latitude'],
      [{ checkIn: { ...here, latitude: -91 } }, 'checkIn.latitude'],
      [{ checkIn: { ...here, longitude: 180.5 } }, 'checkIn.longitude'],
      [{ checkIn: { ...here, accuracyMeters: -1 } }, 'checkIn.accuracyMeters'],
      [{ checkIn: { ...here, accuracyMeters: 100_001 } }, 'checkIn.accuracyMeters'],
      [{ checkIn: { ...here, latitude: '31.2' } }, 'checkIn.latitude'],
      [{ checkIn: { longitude: 121.47, accuracyMeters: 5 } }, 'checkIn.latitude'],
      [{ checkIn: { ...here, address: 'x'.repeat(201) } }, 'checkIn.address'],
      [{ checkIn: { ...here, at: '2026-11-22T00:00:00Z' } }, 'checkIn.at'],
      [{ checkIn: 'here' }, 'checkIn'],
    ];
    for (const [body, path] of cases) {
      const res = await visit(org.as.east1, customers.east1, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(errorPaths(res), JSON.stringify(body)).toContain(path);
    }
    const zh = await t.login('east1@example.com', password, 'zh-CN');
    expect(errorAt(await visit(zh, customers.east1, { kind: 'call', checkIn: here }), 'checkIn')).toBe('只有拜访可以签到。');
    expect(errorAt(await visit(zh, customers.east1, { checkIn: { ...here, latitude: 95 } }), 'checkIn.latitude')).toBe('不能大于 90。');
    expect(errorAt(await visit(org.as.east1, customers.east1, { kind: 'note', checkIn: here }), 'checkIn')).toBe('Only a visit can carry a check-in.');
    expect((await org.as.east1.get(`/api/v1/customers/${customers.east1}/follow-ups`)).body.total).toBe(before);
  });

  it('can be removed but not moved; a visit keeps its kind while it has one', async () => {
    const created = (await visit(org.as.east1, customers.east1, { checkIn: here })).body;
    const moved = await org.as.east1.patch(`/api/v1/follow-ups/${created.id}`, { version: created.version, checkIn: { ...here, latitude: 30 } });
    expect(moved.status).toBe(400);
    expect(errorAt(moved, 'checkIn')).toBe('A check-in can only be removed (null), not moved.');
    const recast = await org.as.east1.patch(`/api/v1/follow-ups/${created.id}`, { version: created.version, kind: 'call' });
    expect(recast.status).toBe(400);
    expect(errorPaths(recast)).toEqual(['kind']);
    const unchanged = (await org.as.east1.get(`/api/v1/follow-ups/${created.id}`)).body;
    expect(unchanged).toMatchObject({ version: created.version, kind: 'visit', checkIn: { ...here, checkedInAt: now } });
    // Other changes keep it.
    const edited = (await org.as.east1.patch(`/api/v1/follow-ups/${created.id}`, { version: created.version, content: '拜访后补充' })).body;
    expect(edited.checkIn).toEqual({ ...here, address: null, checkedInAt: now });
    // The manager removes it (his scope covers the author) and makes it a call in the same change.
    const removed = await org.as.manager.patch(`/api/v1/follow-ups/${created.id}`, { version: edited.version, checkIn: null, kind: 'call' });
    expect(removed.status, JSON.stringify(removed.body)).toBe(200);
    expect(removed.body).toMatchObject({ kind: 'call', checkIn: null });
    expect((await org.as.east1.get(`/api/v1/follow-ups/${created.id}`)).body.checkIn).toBeNull();
    // A colleague outside the scope cannot reach it.
    expect((await org.as.east2.patch(`/api/v1/follow-ups/${created.id}`, { version: removed.body.version, checkIn: null })).status).toBe(404);
  });
});

describe("the day's visits", () => {
  // 2026-11-21 in Shanghai is [2026-11-20T16:00Z, 2026-11-21T16:00Z).
  const day = '/api/v1/follow-ups?kind=visit&from=2026-11-21&to=2026-11-21&pageSize=200';
  const made = {} as Record<'east1Early' | 'east1DayBefore' | 'east1Call' | 'east2Late' | 'north1' | 'agent', number>;
  beforeAll(async () => {
    const log = async (name: keyof typeof made, as: Agent, customerId: number, body: Record<string, unknown>) => {
      const res = await visit(as, customerId, body);
      if (res.status !== 201) throw new Error(JSON.stringify(res.body));
      made[name] = res.body.id;
    };
    await log('east1Early', org.as.east1, customers.east1, { occurredAt: '2026-11-20T16:30:00Z', checkIn: here });
    await log('east1DayBefore', org.as.east1, customers.east1, { occurredAt: '2026-11-20T15:30:00Z', checkIn: here });
    await log('east1Call', org.as.east1, customers.east1, { occurredAt: '2026-11-21T02:00:00Z', kind: 'call' });
    await log('east2Late', org.as.east2, customers.east2, { occurredAt: '2026-11-21T15:59:00Z', checkIn: { ...here, address: '南京西路' } });
    await log('north1', org.as.north1, customers.north1, { occurredAt: '2026-11-21T03:00:00Z' });
    await log('agent', org.as.agent, customers.shared, { occurredAt: '2026-11-21T04:00:00Z', checkIn: here });
  });

  it('a salesperson reads only his own; a manager his department tree; an administrator everyone', async () => {
    expect(ids(await org.as.east1.get(day))).toEqual([made.east1Early]);
    expect(ids(await org.as.east2.get(day))).toEqual([made.east2Late]);
    expect(ids(await org.as.east1.get(`${day}&authorId=${org.ids.east2}`))).toEqual([]);
    expect(ids(await org.as.manager.get(day))).toEqual([made.east1Early, made.east2Late, made.north1].sort((a, b) => a - b));
    expect(ids(await org.as.manager.get(`${day}&authorId=${org.ids.east1}`))).toEqual([made.east1Early]);
    expect(ids(await org.as.manager.get(`${day}&authorId=${org.ids.agent}`))).toEqual([]);
    expect(ids(await org.admin.get(day))).toEqual([made.east1Early, made.east2Late, made.north1, made.agent].sort((a, b) => a - b));
    // The day before holds the visit at 23:30 Shanghai time only.
    expect(ids(await org.as.east1.get('/api/v1/follow-ups?kind=visit&from=2026-11-20&to=2026-11-20'))).toEqual([made.east1DayBefore]);
  });

  it('each visit says who, which customer and the check-in', async () => {
    const items = (await org.as.manager.get(`${day}&authorId=${org.ids.east2}`)).body.items;
    expect(items).toEqual([
      expect.objectContaining({ id: made.east2Late, authorId: org.ids.east2, authorName: '刘芳', customerId: customers.east2, customerName: '签到客户-east2', checkIn: { ...here, address: '南京西路', checkedInAt: now } }),
    ]);
    const north = (await org.as.manager.get(`${day}&authorId=${org.ids.north1}`)).body.items;
    expect(north).toEqual([expect.objectContaining({ authorName: 'Emma Smith', checkIn: null })]);
  });
});
