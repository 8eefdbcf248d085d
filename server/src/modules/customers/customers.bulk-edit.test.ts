import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCustomer, createOrg, type Org } from '../../test/fixtures.js';
import { createTestApp, errorPaths, type Agent, type TestApp } from '../../test/harness.js';

/**
 * Editing in the working lists: one field set on 1-500 customers at once (POST
 * /customers/bulk-update, all or none, within what the caller may edit), and the next follow-up
 * day set by hand on one customer (PATCH /customers/:id, version-checked like any edit).
 */
let t: TestApp;
let org: Org;

beforeAll(async () => {
  t = await createTestApp();
  org = await createOrg(t);
}, 120_000);
afterAll(() => t.close());

interface Stored { id: number; version: number; status: string; lifecycleStage: string; industry: string | null; source: string | null; nextFollowUpOn: string | null }
type Entry = { action: string; changes: Array<{ field: string; old: unknown; new: unknown }> };

async function customer(ownerId: number | null, extra: Record<string, unknown> = {}): Promise<Stored> {
  const res = await org.admin.post('/api/v1/customers', buildCustomer({ ownerId, ...extra }));
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}
const read = async (id: number): Promise<Stored> => (await org.admin.get(`/api/v1/customers/${id}`)).body;
const history = async (id: number): Promise<Entry[]> => (await org.admin.get(`/api/v1/customers/${id}/history?pageSize=100`)).body.items;
const bulk = (who: Agent, body: unknown) => who.post('/api/v1/customers/bulk-update', body);
const future = '2099-03-01';

describe('POST /customers/bulk-update', () => {
  it('sets the fields on every customer given; each changed one gets a new version and an update entry naming the fields', async () => {
    const a = await customer(org.ids.east1, { status: 'potential', lifecycleStage: 'exploration' });
    const b = await customer(org.ids.east1, { status: 'potential', lifecycleStage: 'exploration', industry: 'mining' });
    const res = await bulk(org.as.east1, { ids: [a.id, b.id], set: { status: 'target', lifecycleStage: 'formation', industry: 'manufacturing', nextFollowUpOn: future } });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toEqual({ updated: 2 });
    for (const before of [a, b]) {
      const now = await read(before.id);
      expect(now).toMatchObject({ status: 'target', lifecycleStage: 'formation', industry: 'manufacturing', nextFollowUpOn: future, version: before.version + 1 });
    }
    const [entry] = await history(b.id);
    expect(entry?.action).toBe('update');
    expect(entry?.changes).toEqual([
      { field: 'status', old: 'potential', new: 'target' },
      { field: 'lifecycleStage', old: 'exploration', new: 'formation' },
      { field: 'industry', old: 'mining', new: 'manufacturing' },
      { field: 'nextFollowUpOn', old: null, new: future },
    ]);
    // The list finds them by the day set.
    const listed = await org.as.east1.get(`/api/v1/customers?nextFollowUpOn=${future}`);
    expect(listed.body.items.map((c: Stored) => c.id).sort()).toEqual([a.id, b.id].sort());
  });

  it('leaves a customer that already has the values alone (no version, no entry); null clears a value', async () => {
    const same = await customer(org.ids.east1, { status: 'target' });
    const other = await customer(org.ids.east1, { status: 'potential', industry: 'mining' });
    const res = await bulk(org.as.east1, { ids: [same.id, other.id, other.id], set: { status: 'target' } });
    expect(res.body).toEqual({ updated: 1 });
    expect((await read(same.id)).version).toBe(same.version);
    expect((await history(same.id)).map((e) => e.action)).toEqual(['create']);
    const cleared = await bulk(org.as.east1, { ids: [other.id], set: { industry: null } });
    expect(cleared.body).toEqual({ updated: 1 });
    expect((await read(other.id)).industry).toBeNull();
  });

  it('exact data scope: a department-scoped lead edits its department\'s and (with the assign right) the pool\'s customers, nothing else', async () => {
    const owners = { east1: org.ids.east1, east2: org.ids.east2, north1: org.ids.north1, manager: org.ids.manager, pool: null } as const;
    const made = Object.fromEntries(await Promise.all(Object.entries(owners).map(async ([k, owner]) => [k, await customer(owner)] as const))) as Record<keyof typeof owners, Stored>;
    const accepted = async (who: Agent) => {
      const out: string[] = [];
      for (const [key, c] of Object.entries(made)) {
        const res = await bulk(who, { ids: [c.id], set: { lifecycleStage: 'formation' } });
        if (res.status === 200) out.push(key);
        else expect(res.status, `${key}: ${JSON.stringify(res.body)}`).toBe(404);
      }
      return out.sort();
    };
    expect(await accepted(org.as.eastLead)).toEqual(['east1', 'east2', 'pool']);
    // A salesperson ("own" scope, no assign right): his own only.
    expect(await accepted(org.as.east1)).toEqual(['east1']);
    // The administrator: every owned customer and the pool.
    expect(await accepted(org.admin)).toEqual(['east1', 'east2', 'manager', 'north1', 'pool']);
  });

  it('all or none: one customer outside the scope, missing or deleted is a 404 and nothing changes', async () => {
    const mine = await customer(org.ids.east1, { status: 'potential' });
    const north = await customer(org.ids.north1, { status: 'potential' });
    const res = await bulk(org.as.eastLead, { ids: [mine.id, north.id], set: { status: 'lost' } });
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('NOT_FOUND');
    expect((await bulk(org.as.east1, { ids: [mine.id, 2_000_000_000], set: { status: 'lost' } })).status).toBe(404);
    const gone = await customer(org.ids.east1);
    await org.admin.delete(`/api/v1/customers/${gone.id}`);
    expect((await bulk(org.as.east1, { ids: [mine.id, gone.id], set: { status: 'lost' } })).status).toBe(404);
    for (const c of [mine, north]) expect(await read(c.id)).toMatchObject({ status: 'potential', version: c.version });
  });

  it('bad input: field-level 400 in the caller\'s language, nothing written', async () => {
    const c = await customer(org.ids.east1, { status: 'potential' });
    const bad = async (body: unknown, path: string) => {
      const res = await org.admin.post('/api/v1/customers/bulk-update', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
      expect(errorPaths(res), JSON.stringify(body)).toContain(path);
    };
    await bad({ ids: [], set: { status: 'target' } }, 'ids');
    await bad({ ids: Array.from({ length: 501 }, (_, i) => i + 1), set: { status: 'target' } }, 'ids');
    await bad({ ids: ['1'], set: { status: 'target' } }, 'ids.0');
    await bad({ ids: [c.id] }, 'set');
    await bad({ ids: [c.id], set: {} }, 'set');
    await bad({ ids: [c.id], set: { status: 'happy' } }, 'set.status');
    await bad({ ids: [c.id], set: { ownerId: 1 } }, 'set.ownerId');
    await bad({ ids: [c.id], set: { tags: ['x'] } }, 'set.tags');
    await bad({ ids: [c.id], set: { nextFollowUpOn: 'soon' } }, 'set.nextFollowUpOn');
    await bad({ ids: [c.id], set: { nextFollowUpOn: '2001-01-01' } }, 'set.nextFollowUpOn');
    await bad({ ids: [c.id], set: { industry: 'no-such-industry' } }, 'set.industry');
    await bad({ ids: [c.id], set: { status: 'target' }, all: true }, 'all');
    const zh = await org.admin.request('POST', '/api/v1/customers/bulk-update', { ids: [c.id], set: { nextFollowUpOn: '2001-01-01' } }, { 'accept-language': 'zh-CN' });
    expect(zh.body.error.details[0].message).toBe('下次跟进日期不能早于今天。');
    const en = await org.admin.request('POST', '/api/v1/customers/bulk-update', { ids: [c.id], set: {} }, { 'accept-language': 'en' });
    expect(en.body.error.details[0].message).toBe('Choose a field to set.');
    expect(await read(c.id)).toMatchObject({ status: 'potential', version: c.version });
  });

  it('needs customers.edit', async () => {
    const c = await customer(org.ids.east1);
    for (const who of ['agent', 'marketer', 'reader'] as const) {
      expect((await bulk(org.as[who], { ids: [c.id], set: { status: 'target' } })).status, who).toBe(403);
    }
    expect((await t.anonymous().post('/api/v1/customers/bulk-update', { ids: [c.id], set: { status: 'target' } })).status).toBe(401);
    expect((await read(c.id)).version).toBe(c.version);
  });

  it('ten bulk edits of the same customers at once: each applies whole, one after the other (no lost version, one entry each)', async () => {
    const cs = await Promise.all(Array.from({ length: 5 }, () => customer(org.ids.east1, { status: 'potential' })));
    const ids = cs.map((c) => c.id);
    const statuses = ['target', 'lost', 'target', 'lost', 'target', 'lost', 'target', 'lost', 'target', 'lost'];
    // Alternating values: every request changes every customer whatever order they run in.
    const answers = await Promise.all(statuses.map((status, i) => bulk(org.as.east1, { ids: i % 2 ? [...ids].reverse() : ids, set: { status } })));
    expect(answers.map((r) => r.status), JSON.stringify(answers.map((r) => r.body))).toEqual(statuses.map(() => 200));
    const updated = answers.reduce((sum, r) => sum + (r.body.updated as number), 0);
    const finals = await Promise.all(ids.map(read));
    // All of one customer's changes are in its history, each once, and its version counts them.
    for (const [i, c] of cs.entries()) {
      const entries = (await history(c.id)).filter((e) => e.action === 'update');
      expect(finals[i]?.version).toBe(c.version + entries.length);
      // The last entry's value is what is stored.
      expect(entries[0]?.changes[0]?.new).toBe(finals[i]?.status);
    }
    expect(updated).toBe(finals.reduce((sum, f, i) => sum + ((f?.version ?? 0) - (cs[i]?.version ?? 0)), 0));
    // All five end with the same status: the requests ran one after the other, each whole.
    expect(new Set(finals.map((f) => f?.status)).size).toBe(1);
  });
});

describe('PATCH /customers/:id nextFollowUpOn (inline edit)', () => {
  it('sets and clears the next follow-up day with the version check; a day in the past is refused', async () => {
    const c = await customer(org.ids.east1);
    const set = await org.as.east1.patch(`/api/v1/customers/${c.id}`, { version: c.version, nextFollowUpOn: future });
    expect(set.status, JSON.stringify(set.body)).toBe(200);
    expect(set.body).toMatchObject({ nextFollowUpOn: future, version: c.version + 1 });
    const stale = await org.as.east1.patch(`/api/v1/customers/${c.id}`, { version: c.version, nextFollowUpOn: null });
    expect(stale.status).toBe(409);
    expect(stale.body.error.current).toMatchObject({ nextFollowUpOn: future, version: c.version + 1 });
    const past = await org.as.east1.patch(`/api/v1/customers/${c.id}`, { version: c.version + 1, nextFollowUpOn: '2001-01-01' });
    expect(past.status).toBe(400);
    expect(errorPaths(past)).toEqual(['nextFollowUpOn']);
    const cleared = await org.as.east1.patch(`/api/v1/customers/${c.id}`, { version: c.version + 1, nextFollowUpOn: null });
    expect(cleared.body).toMatchObject({ nextFollowUpOn: null, version: c.version + 2 });
    expect((await history(c.id)).filter((e) => e.action === 'update').map((e) => e.changes)).toEqual([
      [{ field: 'nextFollowUpOn', old: future, new: null }],
      [{ field: 'nextFollowUpOn', old: null, new: future }],
    ]);
  });

  it('a follow-up logged afterwards sets the next follow-up from its next step again', async () => {
    const c = await customer(org.ids.east1);
    await org.as.east1.patch(`/api/v1/customers/${c.id}`, { version: c.version, nextFollowUpOn: future });
    const logged = await org.as.east1.post('/api/v1/follow-ups', { customerId: c.id, kind: 'call', content: '电话沟通', nextOn: '2099-04-01' });
    expect(logged.status, JSON.stringify(logged.body)).toBe(201);
    expect((await read(c.id)).nextFollowUpOn).toBe('2099-04-01');
  });
});
