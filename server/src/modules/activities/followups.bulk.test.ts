import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCustomer, createOrg, type Org } from '../../test/fixtures.js';
import { createTestApp, errorPaths, type Agent, type TestApp } from '../../test/harness.js';

/**
 * Bulk follow-up from the customer list (POST /follow-ups/bulk): the same call, visit or note
 * logged on many customers at once, all or none, each as if logged one by one.
 */
let t: TestApp;
let org: Org;

beforeAll(async () => {
  t = await createTestApp();
  org = await createOrg(t);
}, 120_000);
afterAll(() => t.close());

interface FollowUp { id: number; customerId: number; kind: string; content: string; nextOn: string | null; taskId: number | null; authorId: number }
const customer = async (ownerId: number | null): Promise<{ id: number; name: string; version: number }> => {
  const res = await org.admin.post('/api/v1/customers', buildCustomer({ ownerId }));
  expect(res.status).toBe(201);
  return res.body;
};
const followUpsOf = async (id: number): Promise<FollowUp[]> => (await org.admin.get(`/api/v1/customers/${id}/follow-ups?pageSize=100`)).body.items;
const bulk = (who: Agent, body: unknown) => who.post('/api/v1/follow-ups/bulk', body);

describe('POST /follow-ups/bulk', () => {
  it('logs one follow-up per customer with its task, moves each clock and next follow-up, writes each timeline', async () => {
    const a = await customer(org.ids.east1);
    const b = await customer(org.ids.east1);
    const res = await bulk(org.as.east1, { customerIds: [a.id, b.id, a.id], kind: 'call', content: '年底回访：确认明年采购计划', outcome: '有意向', nextOn: '2099-01-15', nextAction: '发送报价' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toEqual({ created: 2 });
    for (const c of [a, b]) {
      const [one, ...rest] = await followUpsOf(c.id);
      expect(rest).toEqual([]);
      expect(one).toMatchObject({ customerId: c.id, kind: 'call', content: '年底回访：确认明年采购计划', outcome: '有意向', nextOn: '2099-01-15', nextAction: '发送报价', authorId: org.ids.east1 });
      const task = (await org.as.east1.get(`/api/v1/tasks/${one?.taskId}`)).body;
      expect(task).toMatchObject({ title: '发送报价', dueOn: '2099-01-15', assigneeId: org.ids.east1, customerId: c.id });
      const stored = (await org.admin.get(`/api/v1/customers/${c.id}`)).body;
      expect(stored.nextFollowUpOn).toBe('2099-01-15');
      expect(stored.lastFollowUpAt).not.toBeNull();
      // Not an edit of the customer: no new version.
      expect(stored.version).toBe(c.version);
      const timeline = (await org.admin.get(`/api/v1/customers/${c.id}/history`)).body.items as Array<{ action: string; changes: Array<{ field: string; new: unknown }> }>;
      expect(timeline[0]?.action).toBe('follow_up');
      expect(timeline[0]?.changes.find((ch) => ch.field === 'note')?.new).toBe('年底回访：确认明年采购计划');
    }
  });

  it('without a next step: no task, and the next follow-up is cleared as a single follow-up does', async () => {
    const c = await customer(org.ids.east1);
    await bulk(org.as.east1, { customerIds: [c.id], kind: 'note', content: '第一次', nextOn: '2099-01-15' });
    const res = await bulk(org.as.east1, { customerIds: [c.id], kind: 'visit', content: '第二次' });
    expect(res.status).toBe(201);
    const [latest] = await followUpsOf(c.id);
    expect(latest).toMatchObject({ kind: 'visit', nextOn: null, taskId: null });
    expect((await org.admin.get(`/api/v1/customers/${c.id}`)).body.nextFollowUpOn).toBeNull();
  });

  it('exact data scope: the customers one may see (own, the pool; a manager\'s whole scope), nothing else', async () => {
    const owners = { east1: org.ids.east1, east2: org.ids.east2, north1: org.ids.north1, manager: org.ids.manager, pool: null } as const;
    const made: Array<[string, { id: number }]> = [];
    for (const [key, owner] of Object.entries(owners)) made.push([key, await customer(owner)]);
    const accepted = async (who: Agent) => {
      const out: string[] = [];
      for (const [key, c] of made) {
        const res = await bulk(who, { customerIds: [c.id], kind: 'note', content: '范围' });
        if (res.status === 201) out.push(key);
        else expect(res.status, `${key}: ${JSON.stringify(res.body)}`).toBe(404);
      }
      return out.sort();
    };
    expect(await accepted(org.as.east1)).toEqual(['east1', 'pool']);
    expect(await accepted(org.as.manager)).toEqual(['east1', 'east2', 'manager', 'north1', 'pool']);
  });

  it('all or none: one customer out of sight, missing or deleted is a 404 and nothing is logged', async () => {
    const mine = await customer(org.ids.east1);
    const theirs = await customer(org.ids.east2);
    const res = await bulk(org.as.east1, { customerIds: [mine.id, theirs.id], kind: 'call', content: '不该记下', nextOn: '2099-01-15' });
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('NOT_FOUND');
    expect((await bulk(org.as.east1, { customerIds: [mine.id, 2_000_000_000], kind: 'call', content: '不该记下' })).status).toBe(404);
    const gone = await customer(org.ids.east1);
    await org.admin.delete(`/api/v1/customers/${gone.id}`);
    expect((await bulk(org.as.east1, { customerIds: [mine.id, gone.id], kind: 'call', content: '不该记下' })).status).toBe(404);
    expect(await followUpsOf(mine.id)).toEqual([]);
    expect(await followUpsOf(theirs.id)).toEqual([]);
    const tasks = (await org.as.east1.get('/api/v1/tasks?view=open&pageSize=100')).body.items as Array<{ customerId: number | null }>;
    expect(tasks.filter((x) => x.customerId === mine.id)).toEqual([]);
    expect((await org.admin.get(`/api/v1/customers/${mine.id}`)).body.lastFollowUpAt).toBeNull();
  });

  it('bad input: field-level 400 in the caller\'s language, nothing logged', async () => {
    const c = await customer(org.ids.east1);
    const bad = async (body: Record<string, unknown>, path: string) => {
      const res = await bulk(org.admin, { customerIds: [c.id], kind: 'call', content: '内容', ...body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
      expect(errorPaths(res), JSON.stringify(body)).toContain(path);
    };
    await bad({ customerIds: [] }, 'customerIds');
    await bad({ customerIds: Array.from({ length: 201 }, (_, i) => i + 1) }, 'customerIds');
    await bad({ customerIds: [0] }, 'customerIds.0');
    await bad({ kind: 'fax' }, 'kind');
    await bad({ content: '' }, 'content');
    await bad({ content: 'x'.repeat(4001) }, 'content');
    await bad({ nextOn: '2001-01-01' }, 'nextOn');
    await bad({ nextOn: 'tomorrow' }, 'nextOn');
    await bad({ nextAction: '报价' }, 'nextOn');
    await bad({ occurredAt: '2099-01-01T00:00:00Z' }, 'occurredAt');
    await bad({ durationMinutes: -1 }, 'durationMinutes');
    await bad({ contactIds: [1] }, 'contactIds');
    await bad({ customerId: c.id }, 'customerId');
    const zh = await org.admin.request('POST', '/api/v1/follow-ups/bulk', { customerIds: [c.id], kind: 'call', content: '内容', nextOn: '2001-01-01' }, { 'accept-language': 'zh-CN' });
    expect(zh.body.error.details[0].message).toBe('下次跟进日期不能早于今天。');
    expect(await followUpsOf(c.id)).toEqual([]);
  });

  it('needs followups.create', async () => {
    const c = await customer(org.ids.east1);
    expect((await bulk(org.as.reader, { customerIds: [c.id], kind: 'call', content: '只读' })).status).toBe(403);
    expect((await t.anonymous().post('/api/v1/follow-ups/bulk', { customerIds: [c.id], kind: 'call', content: '匿名' })).status).toBe(401);
    expect(await followUpsOf(c.id)).toEqual([]);
  });

  it('ten bulk follow-ups of the same customers at once: all kept, each clock at the latest, its next follow-up from the latest', async () => {
    const cs = await Promise.all(Array.from({ length: 4 }, () => customer(org.ids.east1)));
    const ids = cs.map((c) => c.id);
    const times = Array.from({ length: 10 }, (_, i) => new Date(Date.UTC(2026, 0, 1 + i, 3)).toISOString());
    const answers = await Promise.all(
      times.map((occurredAt, i) => bulk(org.as.east1, { customerIds: i % 2 ? [...ids].reverse() : ids, kind: 'call', content: `并发 ${i}`, occurredAt, nextOn: `2099-02-${String(i + 1).padStart(2, '0')}` })),
    );
    expect(answers.map((r) => r.status), JSON.stringify(answers.map((r) => r.body))).toEqual(Array(10).fill(201));
    for (const c of cs) {
      expect(await followUpsOf(c.id)).toHaveLength(10);
      const stored = (await org.admin.get(`/api/v1/customers/${c.id}`)).body;
      expect(stored.lastFollowUpAt).toBe(times[9]);
      expect(stored.nextFollowUpOn).toBe('2099-02-10');
    }
  });
});
