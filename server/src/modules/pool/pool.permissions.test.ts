import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCustomer, createOrg, type Org } from '../../test/fixtures.js';
import { createTestApp, type Agent, type TestApp } from '../../test/harness.js';

/**
 * The pool routes in the permission matrix (allowed / denied per role, data scope) and the
 * bad-input rules (field-level messages, nothing changed, never a 500).
 */
let t: TestApp;
let org: Org;

type Who = 'admin' | keyof Org['as'];
const everyone: Who[] = ['admin', 'manager', 'eastLead', 'east1', 'east2', 'north1', 'agent', 'marketer', 'reader'];
const agent = (who: Who): Agent => (who === 'admin' ? org.admin : org.as[who]);

beforeAll(async () => {
  t = await createTestApp();
  org = await createOrg(t);
}, 120_000);
afterAll(() => t.close());

async function customer(ownerId: number | null): Promise<{ id: number; version: number }> {
  return (await org.admin.post('/api/v1/customers', buildCustomer({ ownerId }))).body;
}

describe('permission matrix: pool routes', () => {
  it('claim: roles with customers.claim, on a pool customer', async () => {
    const allowed: Who[] = ['admin', 'manager', 'east1', 'east2', 'north1'];
    for (const who of everyone) {
      const c = await customer(null);
      const res = await agent(who).post(`/api/v1/customers/${c.id}/claim`);
      expect(res.status, who).toBe(allowed.includes(who) ? 200 : 403);
    }
  });

  it('release: own customer with claim or assign; others in scope with assign only', async () => {
    const own: Record<Who, number> = { admin: 200, manager: 200, eastLead: 200, east1: 200, east2: 200, north1: 200, agent: 403, marketer: 403, reader: 403 };
    const ids = { admin: 0, manager: org.ids.manager, eastLead: org.ids.eastLead, east1: org.ids.east1, east2: org.ids.east2, north1: org.ids.north1, agent: org.ids.agent, marketer: org.ids.marketer, reader: org.ids.reader };
    for (const who of everyone) {
      if (who === 'admin') continue;
      const c = await customer(ids[who]);
      expect((await agent(who).post(`/api/v1/customers/${c.id}/release`)).status, `${who} own`).toBe(own[who]);
    }
    // A customer of east1: admin and manager (tree) and eastLead (department) may release it; the rest
    // either cannot see it (404) or lack the right (403).
    const others: Record<Who, number> = { admin: 200, manager: 200, eastLead: 200, east1: 0, east2: 404, north1: 404, agent: 403, marketer: 403, reader: 403 };
    for (const who of everyone) {
      if (who === 'east1') continue;
      const c = await customer(org.ids.east1);
      expect((await agent(who).post(`/api/v1/customers/${c.id}/release`)).status, `${who} other`).toBe(others[who]);
    }
  });

  it('transfer: roles with customers.assign, within their scope', async () => {
    const expected: Record<Who, number> = { admin: 200, manager: 200, eastLead: 200, east1: 403, east2: 403, north1: 403, agent: 403, marketer: 403, reader: 403 };
    for (const who of everyone) {
      const c = await customer(org.ids.east1);
      const res = await agent(who).post('/api/v1/customers/transfer', { customerIds: [c.id], ownerId: org.ids.east2 });
      expect(res.status, who).toBe(expected[who]);
    }
    // Out of scope: the customer (north1's) is unknown to the east lead; the user too.
    const north = await customer(org.ids.north1);
    expect((await org.as.eastLead.post('/api/v1/customers/transfer', { customerIds: [north.id], ownerId: org.ids.east2 })).body.error.details[0].path).toBe('customerIds.0');
    const east = await customer(org.ids.east1);
    expect((await org.as.eastLead.post('/api/v1/customers/transfer', { customerIds: [east.id], ownerId: org.ids.north1 })).body.error.details[0].path).toBe('ownerId');
  });

  it('follow-ups: roles with customers.edit, on visible customers', async () => {
    const c = await customer(org.ids.east1);
    const expected: Record<Who, number> = { admin: 201, manager: 201, eastLead: 201, east1: 201, east2: 404, north1: 404, agent: 403, marketer: 403, reader: 403 };
    for (const who of everyone) {
      expect((await agent(who).post(`/api/v1/customers/${c.id}/follow-ups`, { note: '跟进' })).status, who).toBe(expected[who]);
    }
  });

  it('pool rules: everyone signed in reads them, settings.edit writes and runs', async () => {
    for (const who of everyone) {
      expect((await agent(who).get('/api/v1/settings/pool-rules')).status, who).toBe(200);
      const put = await agent(who).put('/api/v1/settings/pool-rules', { version: 999 });
      expect(put.status, who).toBe(who === 'admin' ? 409 : 403);
      expect((await agent(who).post('/api/v1/settings/pool-rules/run')).status, who).toBe(who === 'admin' ? 200 : 403);
    }
  });

  it('signed-out callers get 401', async () => {
    const anon = t.anonymous();
    expect((await anon.post('/api/v1/customers/1/claim')).status).toBe(401);
    expect((await anon.post('/api/v1/customers/transfer', { customerIds: [1], ownerId: 1 })).status).toBe(401);
    expect((await anon.get('/api/v1/settings/pool-rules')).status).toBe(401);
  });
});

describe('bad input: pool routes', () => {
  const bad = async (res: { status: number; body: any }, path: string) => {
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect(res.body.error.details.map((d: { path: string }) => d.path)).toContain(path);
    for (const d of res.body.error.details) expect(d.message).toBeTruthy();
  };

  it('claim and release', async () => {
    const c = await customer(org.ids.east1);
    await bad(await org.admin.post('/api/v1/customers/abc/claim'), 'id');
    await bad(await org.admin.post(`/api/v1/customers/${c.id}/release`, { reason: 'x'.repeat(501) }), 'reason');
    await bad(await org.admin.post(`/api/v1/customers/${c.id}/release`, { why: 'x' }), 'why');
    const malformed = await org.admin.request('POST', `/api/v1/customers/${c.id}/release`, '{"reason":');
    expect(malformed.status).toBe(400);
    const got = (await org.admin.get(`/api/v1/customers/${c.id}`)).body;
    expect(got.ownerId).toBe(org.ids.east1);
    expect(got.version).toBe(c.version);
    expect((await org.admin.post('/api/v1/customers/999999/claim')).status).toBe(404);
  });

  it('transfer', async () => {
    const c = await customer(org.ids.east1);
    await bad(await org.admin.post('/api/v1/customers/transfer', { customerIds: [], ownerId: org.ids.east2 }), 'customerIds');
    await bad(await org.admin.post('/api/v1/customers/transfer', { customerIds: Array.from({ length: 501 }, (_, i) => i + 1), ownerId: org.ids.east2 }), 'customerIds');
    await bad(await org.admin.post('/api/v1/customers/transfer', { customerIds: ['x'], ownerId: org.ids.east2 }), 'customerIds.0');
    await bad(await org.admin.post('/api/v1/customers/transfer', { customerIds: [c.id] }), 'ownerId');
    await bad(await org.admin.post('/api/v1/customers/transfer', { customerIds: [c.id], ownerId: 999999 }), 'ownerId');
    await bad(await org.admin.post('/api/v1/customers/transfer', { customerIds: [c.id, 999999], ownerId: org.ids.east2 }), 'customerIds.1');
    await bad(await org.admin.post('/api/v1/customers/transfer', { customerIds: [c.id], ownerId: org.ids.east2, note: 'x'.repeat(501) }), 'note');
    const got = (await org.admin.get(`/api/v1/customers/${c.id}`)).body;
    expect(got.ownerId).toBe(org.ids.east1);
    expect(got.version).toBe(c.version);
  });

  it('follow-ups', async () => {
    const c = await customer(org.ids.east1);
    await bad(await org.admin.post(`/api/v1/customers/${c.id}/follow-ups`, {}), 'note');
    await bad(await org.admin.post(`/api/v1/customers/${c.id}/follow-ups`, { note: '   ' }), 'note');
    await bad(await org.admin.post(`/api/v1/customers/${c.id}/follow-ups`, { note: 'x'.repeat(2001) }), 'note');
    await bad(await org.admin.post(`/api/v1/customers/${c.id}/follow-ups`, { note: 'ok', at: 'yesterday' }), 'at');
    const future = await org.admin.post(`/api/v1/customers/${c.id}/follow-ups`, { note: 'ok', at: '2999-01-01T00:00:00Z' });
    await bad(future, 'at');
    expect(future.body.error.details[0].message).toBe('A follow-up cannot be in the future.');
    const got = (await org.admin.get(`/api/v1/customers/${c.id}`)).body;
    expect(got.lastFollowUpAt).toBeNull();
    const history = (await org.admin.get(`/api/v1/customers/${c.id}/history`)).body.items;
    expect(history.map((e: { action: string }) => e.action)).toEqual(['create']);
  });

  it('pool rules', async () => {
    const before = (await org.admin.get('/api/v1/settings/pool-rules')).body;
    const put = (body: Record<string, unknown>) => org.admin.put('/api/v1/settings/pool-rules', { version: before.version, ...body });
    await bad(await put({ noFollowUpDays: 0 }), 'noFollowUpDays');
    await bad(await put({ noDealDays: 'many' }), 'noDealDays');
    await bad(await put({ warnDaysBefore: -1 }), 'warnDaysBefore');
    await bad(await put({ maxCustomersPerUser: 0 }), 'maxCustomersPerUser');
    await bad(await put({ reclaimWaitDays: 1.5 }), 'reclaimWaitDays');
    await bad(await put({ exemptStatuses: ['vip'] }), 'exemptStatuses.0');
    await bad(await put({ enabled: 'yes' }), 'enabled');
    await bad(await put({ colour: 'red' }), 'colour');
    await bad(await org.admin.put('/api/v1/settings/pool-rules', { enabled: true }), 'version');
    expect((await org.admin.get('/api/v1/settings/pool-rules')).body).toEqual(before);

    // Defaults first, then a save, then a stale save: 409 with the current rules.
    expect(before).toMatchObject({ enabled: false, noFollowUpDays: 30, noDealDays: 90, warnDaysBefore: 3, maxCustomersPerUser: null, reclaimWaitDays: 7, version: 0 });
    const saved = await put({ noFollowUpDays: 15, exemptStatuses: ['loyal', 'loyal'] });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ noFollowUpDays: 15, noDealDays: 90, exemptStatuses: ['loyal'], version: 1 });
    const stale = await put({ noFollowUpDays: 20 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.current).toMatchObject({ noFollowUpDays: 15, version: 1 });
  });
});
