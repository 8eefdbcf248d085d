import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCustomer, createOrg, type Org } from '../../test/fixtures.js';
import { createTestApp, type Agent, type TestApp } from '../../test/harness.js';

/**
 * Deals, pipelines and the sales settings in the permission matrix: 403 without the permission,
 * 404 outside the data scope, and exactly which deals each role and scope sees in the list, on
 * the board and in the forecast.
 */
let t: TestApp;
let org: Org;
let adminId: number;

type Who = 'admin' | keyof Org['as'];
const everyone: Who[] = ['admin', 'manager', 'eastLead', 'east1', 'east2', 'north1', 'agent', 'marketer', 'reader'];
const agent = (who: Who): Agent => (who === 'admin' ? org.admin : org.as[who]);
const userId = (who: Who): number => (who === 'admin' ? adminId : org.ids[who]);

/** One deal per owner, named after the owner. */
const deals: Partial<Record<Who, number>> = {};
let stageIds: Record<string, number>;

async function customerOf(ownerId: number): Promise<number> {
  return (await org.admin.post('/api/v1/customers', buildCustomer({ ownerId }))).body.id;
}

async function dealOf(owner: Who, name: string = owner): Promise<{ id: number; version: number }> {
  const res = await org.admin.post('/api/v1/opportunities', { name, customerId: await customerOf(userId(owner)), ownerId: userId(owner), amount: 1000_00, expectedCloseDate: '2026-12-10' });
  if (res.status !== 201) throw new Error(JSON.stringify(res.body));
  return res.body;
}

beforeAll(async () => {
  t = await createTestApp();
  org = await createOrg(t);
  adminId = (await org.admin.get('/api/v1/auth/me')).body.user.id;
  for (const owner of ['admin', 'manager', 'east1', 'east2', 'north1'] as const) deals[owner] = (await dealOf(owner)).id;
  const pipeline = ((await org.admin.get('/api/v1/pipelines')).body.items as Array<{ isDefault: boolean; stages: Array<{ id: number; key: string }> }>).find((p) => p.isDefault);
  stageIds = Object.fromEntries((pipeline?.stages ?? []).map((s) => [s.key, s.id]));
}, 120_000);
afterAll(() => t.close());

/** Which deals (by owner name) each caller sees; null: 403. */
const sees: Record<Who, string[] | null> = {
  admin: ['admin', 'east1', 'east2', 'manager', 'north1'],
  agent: ['admin', 'east1', 'east2', 'manager', 'north1'],
  marketer: ['admin', 'east1', 'east2', 'manager', 'north1'],
  reader: ['admin', 'east1', 'east2', 'manager', 'north1'],
  manager: ['east1', 'east2', 'manager', 'north1'],
  east1: ['east1'],
  east2: ['east2'],
  north1: ['north1'],
  eastLead: null,
};
const names = (items: Array<{ name: string }>) => items.map((i) => i.name).filter((n) => (everyone as string[]).includes(n)).sort();

describe('what each role sees', () => {
  it('in the list', async () => {
    for (const who of everyone) {
      const res = await agent(who).get('/api/v1/opportunities?pageSize=200');
      if (sees[who] === null) expect(res.status, who).toBe(403);
      else expect(names(res.body.items), who).toEqual(sees[who]);
    }
  });

  it('on the board (cards and counts)', async () => {
    for (const who of everyone) {
      const res = await agent(who).get('/api/v1/opportunities/board');
      if (sees[who] === null) {
        expect(res.status, who).toBe(403);
        continue;
      }
      const explore = res.body.columns[0];
      expect(names(explore.items), who).toEqual(sees[who]);
      expect(explore.count, who).toBe(sees[who]?.length);
    }
  });

  it('in the forecast', async () => {
    for (const who of everyone) {
      const res = await agent(who).get('/api/v1/forecast?from=2026-12&to=2026-12');
      if (sees[who] === null) {
        expect(res.status, who).toBe(403);
        continue;
      }
      const owners = (res.body.rows as Array<{ groupId: number }>).map((r) => r.groupId).sort((a, b) => a - b);
      expect(owners, who).toEqual((sees[who] ?? []).map((n) => userId(n as Who)).sort((a, b) => a - b));
      expect(res.body.totals[0].openCount, who).toBe(sees[who]?.length);
    }
  });

  it('one deal: 200 in scope, 404 outside, 403 without the permission', async () => {
    const id = deals.east1;
    const expected: Record<Who, number> = { admin: 200, manager: 200, eastLead: 403, east1: 200, east2: 404, north1: 404, agent: 200, marketer: 200, reader: 200 };
    for (const who of everyone) {
      expect((await agent(who).get(`/api/v1/opportunities/${id}`)).status, who).toBe(expected[who]);
      expect((await agent(who).get(`/api/v1/opportunities/${id}/stage-history`)).status, who).toBe(expected[who]);
    }
  });
});

describe('what each role may change', () => {
  // East1's deal: editable by those with opportunities.edit who see it.
  const onEast1: Record<Who, number> = { admin: 200, manager: 200, eastLead: 403, east1: 200, east2: 404, north1: 404, agent: 403, marketer: 403, reader: 403 };

  it('create: roles with opportunities.create, on their own customers, as owner themselves', async () => {
    const expected: Record<Who, number> = { admin: 201, manager: 201, eastLead: 403, east1: 201, east2: 201, north1: 201, agent: 403, marketer: 403, reader: 403 };
    for (const who of everyone) {
      const res = await agent(who).post('/api/v1/opportunities', { name: `new ${who}`, customerId: await customerOf(userId(who)), amount: 1, expectedCloseDate: '2027-01-01' });
      expect(res.status, who).toBe(expected[who]);
    }
    // Someone else as owner needs opportunities.assign, and the owner within one's scope.
    const forEast2 = { name: 'x', customerId: await customerOf(org.ids.east2), ownerId: org.ids.east2, amount: 1, expectedCloseDate: '2027-01-01' };
    expect((await org.as.east1.post('/api/v1/opportunities', forEast2)).body.error.details).toEqual([expect.objectContaining({ path: 'customerId' }), expect.objectContaining({ path: 'ownerId' })]);
    expect((await org.as.manager.post('/api/v1/opportunities', forEast2)).status).toBe(201);
    const forAdmin = { name: 'x', customerId: await customerOf(org.ids.east2), ownerId: adminId, amount: 1, expectedCloseDate: '2027-01-01' };
    expect((await org.as.manager.post('/api/v1/opportunities', forAdmin)).body.error.details).toEqual([expect.objectContaining({ path: 'ownerId' })]);
  });

  it('edit', async () => {
    for (const who of everyone) {
      const d = await dealOf('east1', `edit ${who}`);
      expect((await agent(who).patch(`/api/v1/opportunities/${d.id}`, { nextStep: '电话', version: d.version })).status, who).toBe(onEast1[who]);
    }
    // Changing the owner is an assignment.
    const d = await dealOf('east1');
    expect((await org.as.east1.patch(`/api/v1/opportunities/${d.id}`, { ownerId: org.ids.east2, version: d.version })).body.error.details[0].path).toBe('ownerId');
    expect((await org.as.manager.patch(`/api/v1/opportunities/${d.id}`, { ownerId: org.ids.east2, version: d.version })).body.ownerId).toBe(org.ids.east2);
  });

  it('move', async () => {
    for (const who of everyone) {
      const d = await dealOf('east1', `move ${who}`);
      expect((await agent(who).post(`/api/v1/opportunities/${d.id}/move`, { stageId: stageIds.contact, version: d.version })).status, who).toBe(onEast1[who]);
    }
  });

  it('delete', async () => {
    const expected = { ...onEast1, admin: 204, manager: 204, east1: 204 };
    for (const who of everyone) {
      const d = await dealOf('east1', `delete ${who}`);
      expect((await agent(who).delete(`/api/v1/opportunities/${d.id}`)).status, who).toBe(expected[who]);
    }
  });

  it('transfer: roles with opportunities.assign, deals and owner within their scope', async () => {
    const expected: Record<Who, number> = { admin: 200, manager: 200, eastLead: 403, east1: 403, east2: 403, north1: 403, agent: 403, marketer: 403, reader: 403 };
    for (const who of everyone) {
      const d = await dealOf('east1', `transfer ${who}`);
      expect((await agent(who).post('/api/v1/opportunities/transfer', { opportunityIds: [d.id], ownerId: org.ids.north1 })).status, who).toBe(expected[who]);
    }
    const admins = await dealOf('admin');
    expect((await org.as.manager.post('/api/v1/opportunities/transfer', { opportunityIds: [admins.id], ownerId: org.ids.east1 })).body.error.details[0].path).toBe('opportunityIds.0');
    const east = await dealOf('east1');
    expect((await org.as.manager.post('/api/v1/opportunities/transfer', { opportunityIds: [east.id], ownerId: adminId })).body.error.details[0].path).toBe('ownerId');
  });
});

describe('pipelines and sales settings', () => {
  it('pipelines: read with opportunities.view or settings.view, written with settings.edit', async () => {
    const stages = [
      { nameZh: '甲', nameEn: 'A', probability: 10 },
      { nameZh: '赢', nameEn: 'Won', probability: 100, kind: 'won' },
      { nameZh: '输', nameEn: 'Lost', probability: 0, kind: 'lost' },
    ];
    const read: Record<Who, number> = { admin: 200, manager: 200, eastLead: 403, east1: 200, east2: 200, north1: 200, agent: 200, marketer: 200, reader: 200 };
    for (const who of everyone) {
      expect((await agent(who).get('/api/v1/pipelines')).status, who).toBe(read[who]);
      expect((await agent(who).post('/api/v1/pipelines', { name: `p ${who}`, stages })).status, who).toBe(who === 'admin' ? 201 : 403);
      const [first] = (await org.admin.get('/api/v1/pipelines')).body.items;
      expect((await agent(who).patch(`/api/v1/pipelines/${first.id}`, { name: first.name, version: first.version })).status, who).toBe(who === 'admin' ? 200 : 403);
    }
  });

  it('sales settings: read by everyone signed in, written with settings.edit', async () => {
    for (const who of everyone) {
      expect((await agent(who).get('/api/v1/settings/sales')).status, who).toBe(200);
      const { version, ...rest } = (await org.admin.get('/api/v1/settings/sales')).body;
      expect((await agent(who).put('/api/v1/settings/sales', { ...rest, version: version + 7 })).status, who).toBe(who === 'admin' ? 409 : 403);
    }
    expect((await t.anonymous().get('/api/v1/settings/sales')).status).toBe(401);
    expect((await t.anonymous().get('/api/v1/opportunities')).status).toBe(401);
  });
});
