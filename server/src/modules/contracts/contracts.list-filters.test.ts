import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCustomer, createOrg, type Org } from '../../test/fixtures.js';
import { createTestApp, TestClock, type Agent, type TestApp } from '../../test/harness.js';

/**
 * GET /contracts by signing days (signedFrom / signedTo, both included) and by several statuses
 * (comma-separated or repeated): exact sets within the caller's data scope, field-level 400s for
 * bad values, and the same contracts whose sum the targets report counts as signed.
 */
let t: TestApp;
let org: Org;
const clock = new TestClock(new Date('2026-06-15T04:00:00Z'));
const ids: Record<string, number> = {};

/** title → [owner, signed on, final status, amount] */
const plan: Record<string, ['east1' | 'north1', string, 'draft' | 'active' | 'completed' | 'cancelled', number]> = {
  first: ['east1', '2026-05-01', 'active', 100],
  last: ['east1', '2026-05-31', 'completed', 250],
  before: ['east1', '2026-04-30', 'active', 1000],
  after: ['east1', '2026-06-01', 'active', 2000],
  cancelled: ['east1', '2026-05-15', 'cancelled', 4000],
  draft: ['east1', '2026-05-20', 'draft', 8000],
  north: ['north1', '2026-05-15', 'active', 300],
};

beforeAll(async () => {
  t = await createTestApp({ clock });
  org = await createOrg(t);
  for (const [title, [owner, signedOn, status, amount]] of Object.entries(plan)) {
    const customerId = (await org.admin.post('/api/v1/customers', buildCustomer({ name: `签约筛选客户-${title}`, ownerId: org.ids[owner] }))).body.id;
    const res = await org.as[owner].post('/api/v1/contracts', { customerId, title, amount, signedOn });
    if (res.status !== 201) throw new Error(`${title}: ${JSON.stringify(res.body)}`);
    let c = res.body;
    for (const step of status === 'draft' ? [] : status === 'active' ? ['active'] : ['active', status]) {
      const moved = await org.as[owner].post(`/api/v1/contracts/${c.id}/status`, { status: step, version: c.version });
      if (moved.status !== 200) throw new Error(`${title} → ${step}: ${JSON.stringify(moved.body)}`);
      c = moved.body;
    }
    expect(c.signedOn).toBe(signedOn);
    ids[title] = c.id;
  }
}, 180_000);
afterAll(() => t.close());

const titles = async (agent: Agent, query: string): Promise<string[]> => {
  const res = await agent.get(`/api/v1/contracts?pageSize=200&${query}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  expect(res.body.total).toBe(res.body.items.length);
  return (res.body.items as Array<{ title: string }>).map((i) => i.title).sort();
};
const may = 'signedFrom=2026-05-01&signedTo=2026-05-31';

describe('GET /contracts by signing days and several statuses', () => {
  it('signing days, both included', async () => {
    expect(await titles(org.admin, may)).toEqual(['cancelled', 'draft', 'first', 'last', 'north']);
    expect(await titles(org.admin, 'signedFrom=2026-05-31')).toEqual(['after', 'last']);
    expect(await titles(org.admin, 'signedTo=2026-04-30')).toEqual(['before']);
    expect(await titles(org.admin, 'signedFrom=2026-05-02&signedTo=2026-05-30')).toEqual(['cancelled', 'draft', 'north']);
  });

  it('several statuses, comma-separated or repeated; one still works', async () => {
    expect(await titles(org.admin, 'status=active,completed')).toEqual(['after', 'before', 'first', 'last', 'north']);
    expect(await titles(org.admin, 'status=active&status=completed')).toEqual(['after', 'before', 'first', 'last', 'north']);
    expect(await titles(org.admin, 'status=completed')).toEqual(['last']);
    expect(await titles(org.admin, 'status=draft,cancelled')).toEqual(['cancelled', 'draft']);
  });

  it('owner, days and statuses together: the contracts the targets report sums as signed', async () => {
    const exact = `ownerId=${org.ids.east1}&${may}&status=active,completed`;
    expect(await titles(org.admin, exact)).toEqual(['first', 'last']);
    const report = await org.admin.get('/api/v1/targets/attainment?period=2026-05&metric=contract_amount');
    expect(report.status).toBe(200);
    const row = (report.body.rows as Array<{ subjectType: string; subjectId: number; actual: number }>).find((r) => r.subjectType === 'user' && r.subjectId === org.ids.east1);
    const listed = (await org.admin.get(`/api/v1/contracts?pageSize=200&${exact}`)).body.items as Array<{ amount: number }>;
    expect(row?.actual).toBe(listed.reduce((sum, c) => sum + c.amount, 0));
  });

  it('the data scope still applies', async () => {
    const both = `${may}&status=active,completed`;
    expect(await titles(org.as.manager, both)).toEqual(['first', 'last', 'north']);
    expect(await titles(org.as.east1, both)).toEqual(['first', 'last']);
    expect(await titles(org.as.north1, both)).toEqual(['north']);
    expect(await titles(org.as.east2, both)).toEqual([]);
    expect(await titles(org.as.north1, `ownerId=${org.ids.east1}&${both}`)).toEqual([]);
  });

  it('bad values are field-level 400s', async () => {
    for (const [query, path] of [
      ['status=active,bogus', 'status'],
      ['status=active&status=nope', 'status'],
      ['status=', 'status'],
      ['signedFrom=2026-13-40', 'signedFrom'],
      ['signedTo=May', 'signedTo'],
    ] as const) {
      const res = await org.admin.get(`/api/v1/contracts?${query}`);
      expect(res.status, query).toBe(400);
      expect([...new Set(res.body.error.details.map((d: { path: string }) => d.path.split('.')[0]))], query).toEqual([path]);
    }
  });
});
