import type { LeadCreate } from '@crm/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCustomer, createOrg, password, type Org } from '../../test/fixtures.js';
import { createTestApp, type Agent, type TestApp } from '../../test/harness.js';

/**
 * The leads routes in the permission matrix: 403 without the permission, 404 outside the data
 * scope, and exactly which leads each role sees in the list, its count and one by one.
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

async function lead(ownerId: number | null, body: Partial<LeadCreate> = {}): Promise<{ id: number; version: number }> {
  const res = await org.admin.post('/api/v1/leads', { name: '权限线索', source: 'other', ownerId, ...body });
  expect(res.status).toBe(201);
  return res.body;
}
function each(expected: Record<Who, number>, run: (who: Who) => Promise<{ status: number }>) {
  return async () => {
    for (const who of everyone) expect((await run(who)).status, who).toBe(expected[who]);
  };
}

describe('data scope: who sees which leads', () => {
  it('list, count and get: own scope plus the lead pool', async () => {
    const marker = 'scopemark';
    const owned = {
      admin: await lead(1, { name: `${marker} admin` }),
      manager: await lead(org.ids.manager, { name: `${marker} manager` }),
      east1: await lead(org.ids.east1, { name: `${marker} east1` }),
      east2: await lead(org.ids.east2, { name: `${marker} east2` }),
      north1: await lead(org.ids.north1, { name: `${marker} north1` }),
      agent: await lead(org.ids.agent, { name: `${marker} agent` }),
      pool: await lead(null, { name: `${marker} pool` }),
    };
    const all = Object.values(owned).map((l) => l.id);
    const sees: Record<Who, number[] | 403> = {
      admin: all,
      manager: [owned.manager.id, owned.east1.id, owned.east2.id, owned.north1.id, owned.pool.id],
      east1: [owned.east1.id, owned.pool.id],
      east2: [owned.east2.id, owned.pool.id],
      north1: [owned.north1.id, owned.pool.id],
      marketer: all,
      reader: all,
      agent: 403,
      eastLead: 403,
    };
    for (const who of everyone) {
      const res = await agent(who).get(`/api/v1/leads?q=${marker}&pageSize=200&sort=createdAt`);
      const expected = sees[who];
      if (expected === 403) {
        expect(res.status, who).toBe(403);
        for (const id of all) expect((await agent(who).get(`/api/v1/leads/${id}`)).status, who).toBe(403);
        continue;
      }
      expect(res.status, who).toBe(200);
      expect(res.body.items.map((l: { id: number }) => l.id), who).toEqual(expected);
      expect(res.body.total, who).toBe(expected.length);
      for (const id of all) expect((await agent(who).get(`/api/v1/leads/${id}`)).status, `${who} get ${id}`).toBe(expected.includes(id) ? 200 : 404);
      for (const id of all) expect((await agent(who).get(`/api/v1/leads/${id}/history`)).status, `${who} history ${id}`).toBe(expected.includes(id) ? 200 : 404);
    }
    // The owner filter cannot reach outside the scope.
    expect((await org.as.east1.get(`/api/v1/leads?q=${marker}&ownerId=${org.ids.east2}`)).body.total).toBe(0);
    expect((await org.as.east1.get(`/api/v1/leads?q=${marker}&ownerId=none`)).body.total).toBe(1);
  });

  it('can flags follow the permissions', async () => {
    const pool = await lead(null);
    const flags = async (who: Who) => (await agent(who).get(`/api/v1/leads/${pool.id}`)).body.can;
    expect(await flags('admin')).toEqual({ edit: true, delete: true, convert: true, assign: true, claim: true });
    // A pool lead is edited after a claim, or with the assign right.
    expect(await flags('east1')).toEqual({ edit: false, delete: false, convert: true, assign: false, claim: true });
    expect(await flags('marketer')).toEqual({ edit: true, delete: false, convert: false, assign: true, claim: false });
    expect(await flags('reader')).toEqual({ edit: false, delete: false, convert: false, assign: false, claim: false });
  });
});

describe('permission matrix: every leads route', () => {
  it('create: leads.create', each(
    { admin: 201, manager: 201, eastLead: 403, east1: 201, east2: 201, north1: 201, agent: 403, marketer: 201, reader: 403 },
    (who) => agent(who).post('/api/v1/leads', { name: '新建', source: 'other' }),
  ));

  it('create for somebody else: leads.assign and within scope', async () => {
    const res = await org.as.east1.post('/api/v1/leads', { name: 'x', source: 'other', ownerId: org.ids.east2 });
    expect(res.status).toBe(400);
    expect(res.body.error.details).toEqual([{ path: 'ownerId', message: 'You can only give leads to users within your data scope.' }]);
    expect((await org.as.manager.post('/api/v1/leads', { name: 'x', source: 'other', ownerId: org.ids.agent })).status).toBe(400);
    expect((await org.as.manager.post('/api/v1/leads', { name: 'x', source: 'other', ownerId: org.ids.east2 })).status).toBe(201);
    expect((await org.as.marketer.post('/api/v1/leads', { name: 'x', source: 'other', ownerId: org.ids.agent })).status).toBe(201);
  });

  it('edit and disqualify: leads.edit, in scope', async () => {
    const expected: Record<Who, number> = { admin: 200, manager: 200, eastLead: 403, east1: 200, east2: 404, north1: 404, agent: 403, marketer: 200, reader: 403 };
    for (const who of everyone) {
      const l = await lead(org.ids.east1);
      expect((await agent(who).patch(`/api/v1/leads/${l.id}`, { version: l.version, notes: who })).status, who).toBe(expected[who]);
      const d = await lead(org.ids.east1);
      expect((await agent(who).post(`/api/v1/leads/${d.id}/disqualify`, { version: d.version, reason: '无效' })).status, who).toBe(expected[who]);
    }
  });

  it('delete: leads.delete, in scope', async () => {
    const expected: Record<Who, number> = { admin: 204, manager: 204, eastLead: 403, east1: 204, east2: 404, north1: 404, agent: 403, marketer: 403, reader: 403 };
    for (const who of everyone) {
      const l = await lead(org.ids.east1);
      expect((await agent(who).delete(`/api/v1/leads/${l.id}`)).status, who).toBe(expected[who]);
    }
  });

  it('claim: leads.claim, on a pool lead', each(
    { admin: 200, manager: 200, eastLead: 403, east1: 200, east2: 200, north1: 200, agent: 403, marketer: 403, reader: 403 },
    async (who) => agent(who).post(`/api/v1/leads/${(await lead(null)).id}/claim`),
  ));

  it('release: own lead with claim or assign; others in scope with assign only', async () => {
    const others: Record<Who, number> = { admin: 200, manager: 200, eastLead: 403, east1: 200, east2: 404, north1: 404, agent: 403, marketer: 200, reader: 403 };
    for (const who of everyone) {
      const l = await lead(org.ids.east1);
      expect((await agent(who).post(`/api/v1/leads/${l.id}/release`)).status, who).toBe(others[who]);
    }
    const manager = await lead(org.ids.manager);
    expect((await org.as.manager.post(`/api/v1/leads/${manager.id}/release`)).status).toBe(200);
    // A colleague's lead is outside a salesperson's scope: 404, not 403.
    const north = await lead(org.ids.north1);
    expect((await org.as.east1.post(`/api/v1/leads/${north.id}/release`)).status).toBe(404);
  });

  it('assign: leads.assign, leads and new owner within scope', async () => {
    const expected: Record<Who, number> = { admin: 200, manager: 200, eastLead: 403, east1: 403, east2: 403, north1: 403, agent: 403, marketer: 200, reader: 403 };
    for (const who of everyone) {
      const l = await lead(org.ids.east1);
      expect((await agent(who).post('/api/v1/leads/assign', { leadIds: [l.id], ownerId: org.ids.east2 })).status, who).toBe(expected[who]);
    }
    const outside = await lead(org.ids.agent);
    const res = await org.as.manager.post('/api/v1/leads/assign', { leadIds: [outside.id], ownerId: org.ids.east2 });
    expect(res.body.error.details).toEqual([{ path: 'leadIds.0', message: 'No such lead.' }]);
    const inside = await lead(org.ids.east1);
    const toOutsider = await org.as.manager.post('/api/v1/leads/assign', { leadIds: [inside.id], ownerId: org.ids.agent });
    expect(toOutsider.body.error.details).toEqual([{ path: 'ownerId', message: 'You can only give leads to users within your data scope.' }]);
  });

  it('convert: leads.convert (plus customers.create for a new customer), in scope', async () => {
    const expected: Record<Who, number> = { admin: 200, manager: 200, eastLead: 403, east1: 200, east2: 404, north1: 404, agent: 403, marketer: 403, reader: 403 };
    for (const who of everyone) {
      const l = await lead(org.ids.east1);
      expect((await agent(who).post(`/api/v1/leads/${l.id}/convert`, { version: l.version, customer: { mode: 'new' } })).status, who).toBe(expected[who]);
    }
    const role = (await org.admin.post('/api/v1/roles', { key: 'lead_converter', name: '转化员', permissions: ['leads.view', 'leads.convert', 'customers.view'], dataScope: 'all' })).body;
    await org.admin.post('/api/v1/users', { email: 'converter@example.com', name: '转化员', password, roleId: role.id, departmentId: org.ids.east });
    const converter = await t.login('converter@example.com', password);
    const l = await lead(org.ids.east1);
    expect((await converter.post(`/api/v1/leads/${l.id}/convert`, { version: 1, customer: { mode: 'new' } })).status).toBe(403);
    expect((await converter.post(`/api/v1/leads/${l.id}/convert`, { version: 1, customer: { mode: 'new' }, opportunity: { name: 'x', amount: 1, expectedCloseDate: '2027-01-01' } })).status).toBe(403);
    const customer = (await org.admin.post('/api/v1/customers', buildCustomer({ ownerId: org.ids.east1 }))).body;
    const res = await converter.post(`/api/v1/leads/${l.id}/convert`, { version: 1, customer: { mode: 'existing', customerId: customer.id } });
    expect(res.status).toBe(200);
    // The salesperson may not attach a lead to a customer outside their scope.
    const own = await lead(org.ids.east1);
    const north = (await org.admin.post('/api/v1/customers', buildCustomer({ ownerId: org.ids.north1 }))).body;
    expect((await org.as.east1.post(`/api/v1/leads/${own.id}/convert`, { version: 1, customer: { mode: 'existing', customerId: north.id } })).status).toBe(404);
  });

  it('duplicate check: leads.view', each(
    { admin: 200, manager: 200, eastLead: 403, east1: 200, east2: 200, north1: 200, agent: 403, marketer: 200, reader: 200 },
    (who) => agent(who).post('/api/v1/leads/duplicate-check', { mobile: '13800000000' }),
  ));

  it('lead sources: every signed-in user reads them; settings.edit writes', async () => {
    for (const who of everyone) {
      expect((await agent(who).get('/api/v1/settings/lead-sources')).status, who).toBe(200);
      expect((await agent(who).put('/api/v1/settings/lead-sources', { version: 999, items: [{ key: 'other', labelZh: '其他', labelEn: 'Other' }] })).status, who).toBe(who === 'admin' ? 409 : 403);
    }
  });

  it('assignment rules: settings.view reads, settings.edit writes', async () => {
    for (const who of everyone) {
      expect((await agent(who).get('/api/v1/settings/lead-assignment')).status, who).toBe(who === 'admin' || who === 'manager' ? 200 : 403);
      expect((await agent(who).put('/api/v1/settings/lead-assignment', { version: 999, rules: [] })).status, who).toBe(who === 'admin' ? 409 : 403);
    }
  });

  it('recycle bin: the recycle_bin rights', async () => {
    for (const who of everyone) {
      const l = await lead(org.ids.east1);
      await org.admin.delete(`/api/v1/leads/${l.id}`);
      const allowed = who === 'admin';
      expect((await agent(who).get('/api/v1/recycle-bin?type=lead')).status, who).toBe(allowed ? 200 : 403);
      expect((await agent(who).post(`/api/v1/recycle-bin/lead/${l.id}/restore`)).status, who).toBe(allowed ? 204 : 403);
      if (allowed) await org.admin.delete(`/api/v1/leads/${l.id}`);
      expect((await agent(who).delete(`/api/v1/recycle-bin/lead/${l.id}`)).status, who).toBe(allowed ? 204 : 403);
    }
  });

  it('signed-out callers get 401', async () => {
    const anon = t.anonymous();
    for (const [method, url] of [
      ['GET', '/api/v1/leads'], ['POST', '/api/v1/leads'], ['GET', '/api/v1/leads/1'], ['PATCH', '/api/v1/leads/1'], ['DELETE', '/api/v1/leads/1'],
      ['POST', '/api/v1/leads/1/claim'], ['POST', '/api/v1/leads/1/release'], ['POST', '/api/v1/leads/1/disqualify'], ['POST', '/api/v1/leads/1/convert'],
      ['POST', '/api/v1/leads/assign'], ['POST', '/api/v1/leads/duplicate-check'], ['GET', '/api/v1/leads/1/history'],
      ['GET', '/api/v1/settings/lead-sources'], ['PUT', '/api/v1/settings/lead-sources'], ['GET', '/api/v1/settings/lead-assignment'], ['PUT', '/api/v1/settings/lead-assignment'],
    ] as const) {
      expect((await anon.request(method, url, method === 'GET' || method === 'DELETE' ? undefined : {})).status, `${method} ${url}`).toBe(401);
    }
  });
});
