import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCustomer, createOrg, type Org } from '../../test/fixtures.js';
import { createTestApp, TestClock, type Agent, type TestApp } from '../../test/harness.js';

/** Claim, release, transfer, owner moves by PATCH and follow-ups, through HTTP. */
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

async function customer(ownerId: number | null, name?: string): Promise<{ id: number; version: number; name: string }> {
  const res = await org.admin.post('/api/v1/customers', buildCustomer({ ownerId, ...(name ? { name } : {}) }));
  expect(res.status).toBe(201);
  return res.body;
}

async function history(id: number): Promise<Array<{ action: string; actorId: number | null; changes: Array<{ field: string; old: unknown; new: unknown }> }>> {
  return (await org.admin.get(`/api/v1/customers/${id}/history?pageSize=100`)).body.items;
}

async function notices(agent: Agent): Promise<Array<{ kind: string; entityId: number; message: string; params: Record<string, unknown> }>> {
  return (await agent.get('/api/v1/notifications?pageSize=200')).body.items;
}

async function setRules(rules: Record<string, unknown>): Promise<void> {
  const current = (await org.admin.get('/api/v1/settings/pool-rules')).body;
  const { version, ...rest } = current;
  const res = await org.admin.put('/api/v1/settings/pool-rules', { ...rest, ...rules, version });
  expect(res.status).toBe(200);
}

describe('claiming from the public pool', () => {
  it('a salesperson claims a pool customer: owner, ownership date, version and timeline', async () => {
    const c = await customer(null, '公海客户甲');
    const res = await org.as.east1.post(`/api/v1/customers/${c.id}/claim`);
    expect(res.status).toBe(200);
    expect(res.body.ownerId).toBe(org.ids.east1);
    expect(res.body.ownerName).toBe('张伟');
    expect(res.body.ownerSince).toBe(clock.now().toISOString());
    expect(res.body.version).toBe(c.version + 1);
    const [entry] = await history(c.id);
    expect(entry?.action).toBe('claim');
    expect(entry?.actorId).toBe(org.ids.east1);
    expect(entry?.changes).toEqual([{ field: 'ownerId', old: null, new: org.ids.east1 }]);
  });

  it('a customer already claimed answers 409 with the current record; one outside the scope 404', async () => {
    const c = await customer(null);
    expect((await org.as.east1.post(`/api/v1/customers/${c.id}/claim`)).status).toBe(200);
    const again = await org.as.manager.post(`/api/v1/customers/${c.id}/claim`);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('CONFLICT');
    expect(again.body.error.message).toMatch(/not in the public pool/);
    expect(again.body.error.current.ownerId).toBe(org.ids.east1);
    // east2 cannot see east1's customers: not found, not "taken".
    expect((await org.as.east2.post(`/api/v1/customers/${c.id}/claim`)).status).toBe(404);
    expect((await org.admin.get(`/api/v1/customers/${c.id}`)).body.ownerId).toBe(org.ids.east1);
  });

  it('roles without the claim right are refused and nothing changes', async () => {
    const c = await customer(null);
    for (const who of ['reader', 'agent', 'marketer', 'eastLead'] as const) {
      expect((await org.as[who].post(`/api/v1/customers/${c.id}/claim`)).status, who).toBe(403);
    }
    const after = (await org.admin.get(`/api/v1/customers/${c.id}`)).body;
    expect(after.ownerId).toBeNull();
    expect(after.version).toBe(c.version);
  });

  it('two people claiming at once: one gets it, one timeline entry', async () => {
    const c = await customer(null);
    const [a, b] = await Promise.all([org.as.east1.post(`/api/v1/customers/${c.id}/claim`), org.as.north1.post(`/api/v1/customers/${c.id}/claim`)]);
    expect([a.status, b.status].filter((s) => s === 200)).toHaveLength(1);
    // The loser no longer sees it (a salesperson sees their own and the pool): 404, else 409.
    expect([a.status, b.status].filter((s) => s === 404 || s === 409)).toHaveLength(1);
    expect((await org.admin.get(`/api/v1/customers/${c.id}`)).body.ownerId).toBe(a.status === 200 ? org.ids.east1 : org.ids.north1);
    expect((await history(c.id)).filter((e) => e.action === 'claim')).toHaveLength(1);
  });
});

describe('releasing to the pool and the wait before claiming back', () => {
  it('the owner releases with a reason; they wait reclaimWaitDays to claim it back, others do not', async () => {
    await setRules({ reclaimWaitDays: 7 });
    const c = await customer(org.ids.east1, '释放客户');
    const res = await org.as.east1.post(`/api/v1/customers/${c.id}/release`, { reason: '客户暂无需求' });
    expect(res.status).toBe(200);
    expect(res.body.ownerId).toBeNull();
    expect(res.body.ownerSince).toBeNull();
    const [entry] = await history(c.id);
    expect(entry?.action).toBe('release');
    expect(entry?.changes).toEqual([
      { field: 'ownerId', old: org.ids.east1, new: null },
      { field: 'reason', old: null, new: '客户暂无需求' },
    ]);

    const early = await org.as.east1.post(`/api/v1/customers/${c.id}/claim`);
    expect(early.status).toBe(400);
    expect(early.body.error.message).toContain('You may claim it back after');
    clock.advance(6 * day);
    expect((await org.as.east1.post(`/api/v1/customers/${c.id}/claim`)).status).toBe(400);
    clock.advance(day);
    const later = await org.as.east1.post(`/api/v1/customers/${c.id}/claim`);
    expect(later.status).toBe(200);
    expect(later.body.ownerId).toBe(org.ids.east1);
  });

  it('someone else may claim a released customer at once; a zero wait lets the owner too', async () => {
    const c = await customer(org.ids.east1);
    expect((await org.as.east1.post(`/api/v1/customers/${c.id}/release`)).status).toBe(200);
    expect((await org.as.north1.post(`/api/v1/customers/${c.id}/claim`)).status).toBe(200);
    await setRules({ reclaimWaitDays: 0 });
    const d = await customer(org.ids.east1);
    expect((await org.as.east1.post(`/api/v1/customers/${d.id}/release`)).status).toBe(200);
    expect((await org.as.east1.post(`/api/v1/customers/${d.id}/claim`)).status).toBe(200);
    await setRules({ reclaimWaitDays: 7 });
  });

  it('a manager releases a customer of someone in their tree, and that owner must wait', async () => {
    const c = await customer(org.ids.north1);
    const res = await org.as.manager.post(`/api/v1/customers/${c.id}/release`, { reason: '调整' });
    expect(res.status).toBe(200);
    expect((await history(c.id))[0]?.actorId).toBe(org.ids.manager);
    expect((await org.as.north1.post(`/api/v1/customers/${c.id}/claim`)).status).toBe(400);
  });

  it('nobody releases what they may not: 403 without the right, 404 outside the scope, 409 from the pool', async () => {
    const c = await customer(org.ids.east1);
    expect((await org.as.reader.post(`/api/v1/customers/${c.id}/release`)).status).toBe(403);
    expect((await org.as.agent.post(`/api/v1/customers/${c.id}/release`)).status).toBe(403);
    expect((await org.as.east2.post(`/api/v1/customers/${c.id}/release`)).status).toBe(404);
    const outside = await customer(org.ids.agent);
    expect((await org.as.manager.post(`/api/v1/customers/${outside.id}/release`)).status).toBe(404);
    expect((await org.admin.get(`/api/v1/customers/${c.id}`)).body.ownerId).toBe(org.ids.east1);
    const pooled = await customer(null);
    const res = await org.as.east1.post(`/api/v1/customers/${pooled.id}/release`);
    expect(res.status).toBe(409);
    expect(res.body.error.message).toMatch(/already in the public pool/);
  });
});

describe('the most customers one user may own', () => {
  it('refuses a claim and a transfer over the limit, with the limit in the message', async () => {
    const owned = (await org.admin.get(`/api/v1/customers?ownerId=${org.ids.east2}`)).body.total as number;
    await setRules({ maxCustomersPerUser: owned + 1 });
    const a = await customer(null);
    const b = await customer(null);
    expect((await org.as.east2.post(`/api/v1/customers/${a.id}/claim`)).status).toBe(200);
    const refused = await org.as.east2.post(`/api/v1/customers/${b.id}/claim`);
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toContain(`${owned + 1} customers`);
    const zh = await t.login('east2@example.com', 'test-password-2026', 'zh-CN');
    expect((await zh.post(`/api/v1/customers/${b.id}/claim`)).body.error.message).toContain('已达每人上限');

    // A transfer counts the whole batch against the new owner's limit; all or nothing.
    const x = await customer(org.ids.east1);
    const over = await org.as.manager.post('/api/v1/customers/transfer', { customerIds: [x.id, b.id], ownerId: org.ids.east2 });
    expect(over.status).toBe(400);
    expect(over.body.error.message).toContain('刘芳 would then own');
    expect((await org.admin.get(`/api/v1/customers/${x.id}`)).body.ownerId).toBe(org.ids.east1);
    expect((await org.admin.get(`/api/v1/customers/${b.id}`)).body.ownerId).toBeNull();
    await setRules({ maxCustomersPerUser: null });
    expect((await org.as.east2.post(`/api/v1/customers/${b.id}/claim`)).status).toBe(200);
  });
});

describe('transferring customers', () => {
  it('a manager moves customers (owned and pooled) to a user in their tree: timeline and one notice each', async () => {
    const a = await customer(org.ids.east1, '转移客户A');
    const b = await customer(null, '转移客户B');
    const before = (await notices(org.as.east2)).length;
    const res = await org.as.manager.post('/api/v1/customers/transfer', { customerIds: [a.id, b.id, a.id], ownerId: org.ids.east2, note: '区域调整' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ moved: 2 });
    for (const c of [a, b]) {
      const got = (await org.admin.get(`/api/v1/customers/${c.id}`)).body;
      expect(got.ownerId).toBe(org.ids.east2);
      expect(got.version).toBe(c.version + 1);
    }
    expect((await history(a.id))[0]).toMatchObject({
      action: 'assign',
      actorId: org.ids.manager,
      changes: [{ field: 'ownerId', old: org.ids.east1, new: org.ids.east2 }, { field: 'note', old: null, new: '区域调整' }],
    });
    expect((await history(b.id))[0]?.changes[0]).toEqual({ field: 'ownerId', old: null, new: org.ids.east2 });
    const got = (await notices(org.as.east2)).slice(0, (await notices(org.as.east2)).length - before);
    expect(got.map((n) => [n.kind, n.entityId]).sort()).toEqual([['customer_assigned', a.id], ['customer_assigned', b.id]].sort());
    expect(got.find((n) => n.entityId === a.id)?.message).toBe('王经理 gave you the customer 转移客户A.');
    // Nobody else is told.
    expect((await notices(org.as.east1)).filter((n) => n.entityId === a.id)).toEqual([]);
    expect((await notices(org.as.manager)).filter((n) => n.entityId === a.id)).toEqual([]);
  });

  it('a customer already with the new owner is not moved again', async () => {
    const a = await customer(org.ids.east2);
    const res = await org.as.manager.post('/api/v1/customers/transfer', { customerIds: [a.id], ownerId: org.ids.east2 });
    expect(res.body).toEqual({ moved: 0 });
    expect((await history(a.id)).map((e) => e.action)).toEqual(['create']);
  });

  it('a manager cannot give to, or take from, outside their tree; all or nothing', async () => {
    const mine = await customer(org.ids.east1);
    const outside = await customer(org.ids.agent);
    const toOutsider = await org.as.manager.post('/api/v1/customers/transfer', { customerIds: [mine.id], ownerId: org.ids.agent });
    expect(toOutsider.status).toBe(400);
    expect(toOutsider.body.error.details[0].path).toBe('ownerId');
    const fromOutside = await org.as.manager.post('/api/v1/customers/transfer', { customerIds: [mine.id, outside.id], ownerId: org.ids.east2 });
    expect(fromOutside.status).toBe(400);
    expect(fromOutside.body.error.details).toEqual([{ path: 'customerIds.1', message: 'No such customer.' }]);
    expect((await org.admin.get(`/api/v1/customers/${mine.id}`)).body.ownerId).toBe(org.ids.east1);
    // The department-scoped lead moves within 华东组 only.
    expect((await org.as.eastLead.post('/api/v1/customers/transfer', { customerIds: [mine.id], ownerId: org.ids.east2 })).status).toBe(200);
    expect((await org.as.eastLead.post('/api/v1/customers/transfer', { customerIds: [mine.id], ownerId: org.ids.north1 })).status).toBe(400);
  });

  it('salespeople and readers cannot transfer', async () => {
    const mine = await customer(org.ids.east1);
    for (const who of ['east1', 'reader', 'agent', 'marketer'] as const) {
      expect((await org.as[who].post('/api/v1/customers/transfer', { customerIds: [mine.id], ownerId: org.ids.east2 })).status, who).toBe(403);
    }
    expect((await org.admin.get(`/api/v1/customers/${mine.id}`)).body.ownerId).toBe(org.ids.east1);
  });

  it('a changed owner by PATCH is an assignment too: timeline entry and notice', async () => {
    const c = await customer(org.ids.east1, 'PATCH 分配客户');
    const res = await org.as.manager.patch(`/api/v1/customers/${c.id}`, { version: c.version, ownerId: org.ids.north1, notes: '换人跟进' });
    expect(res.status).toBe(200);
    expect(res.body.ownerSince).toBe(clock.now().toISOString());
    const entries = await history(c.id);
    expect(entries.map((e) => e.action).slice(0, 2).sort()).toEqual(['assign', 'update']);
    expect(entries.find((e) => e.action === 'assign')?.changes).toEqual([{ field: 'ownerId', old: org.ids.east1, new: org.ids.north1 }]);
    expect(entries.find((e) => e.action === 'update')?.changes.map((ch) => ch.field)).toEqual(['notes']);
    expect((await notices(org.as.north1)).filter((n) => n.entityId === c.id).map((n) => n.kind)).toEqual(['customer_assigned']);
  });
});

describe('follow-ups', () => {
  it('records a note on the timeline and moves the follow-up time forward, never back', async () => {
    const c = await customer(org.ids.east1);
    const res = await org.as.east1.post(`/api/v1/customers/${c.id}/follow-ups`, { note: '电话沟通，客户有意向' });
    expect(res.status).toBe(201);
    const now = clock.now().toISOString();
    expect(res.body.lastFollowUpAt).toBe(now);
    expect(res.body.version).toBe(c.version);
    const [entry] = await history(c.id);
    expect(entry).toMatchObject({ action: 'follow_up', actorId: org.ids.east1, changes: [{ field: 'note', old: null, new: '电话沟通，客户有意向' }] });
    const earlier = new Date(clock.now().getTime() - 2 * day).toISOString();
    const back = await org.as.east1.post(`/api/v1/customers/${c.id}/follow-ups`, { note: '补记上周拜访', at: earlier });
    expect(back.status).toBe(201);
    expect(back.body.lastFollowUpAt).toBe(now);
    expect((await history(c.id))[0]?.changes).toContainEqual({ field: 'at', old: null, new: earlier });
  });

  it('needs the edit right and a visible customer', async () => {
    const c = await customer(org.ids.east1);
    expect((await org.as.reader.post(`/api/v1/customers/${c.id}/follow-ups`, { note: 'x' })).status).toBe(403);
    expect((await org.as.east2.post(`/api/v1/customers/${c.id}/follow-ups`, { note: 'x' })).status).toBe(404);
    expect((await org.as.eastLead.post(`/api/v1/customers/${c.id}/follow-ups`, { note: 'x' })).status).toBe(201);
  });
});
