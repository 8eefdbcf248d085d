import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCustomer, createOrg, type Org } from '../../test/fixtures.js';
import { createTestApp, type TestApp } from '../../test/harness.js';

/** Claims and transfers sent at the same time (PostgreSQL runs them at once): the limit per user holds. */
let t: TestApp;
let org: Org;

beforeAll(async () => {
  t = await createTestApp();
  org = await createOrg(t);
}, 120_000);
afterAll(() => t.close());

async function poolCustomers(n: number, ownerId: number | null = null): Promise<Array<{ id: number; version: number }>> {
  const out: Array<{ id: number; version: number }> = [];
  for (let i = 0; i < n; i++) {
    const res = await org.admin.post('/api/v1/customers', buildCustomer({ ownerId }));
    expect(res.status).toBe(201);
    out.push(res.body);
  }
  return out;
}

async function setLimit(maxCustomersPerUser: number | null): Promise<void> {
  const { version, ...rules } = (await org.admin.get('/api/v1/settings/pool-rules')).body;
  expect((await org.admin.put('/api/v1/settings/pool-rules', { ...rules, maxCustomersPerUser, version })).status).toBe(200);
}

const owned = async (userId: number) => (await org.admin.get(`/api/v1/customers?ownerId=${userId}&pageSize=1`)).body.total as number;

describe('parallel claims and transfers', () => {
  it('twelve claims at once by one salesperson never take them past the limit per user', async () => {
    await poolCustomers(1, org.ids.east1);
    await setLimit(4);
    const pool = await poolCustomers(12);
    const answers = await Promise.all(pool.map((c) => org.as.east1.post(`/api/v1/customers/${c.id}/claim`)));
    const statuses = answers.map((r) => r.status);
    expect(statuses.filter((s) => s === 200), JSON.stringify(statuses)).toHaveLength(3);
    expect(statuses.filter((s) => s === 400)).toHaveLength(9);
    for (const refused of answers.filter((r) => r.status === 400)) expect(refused.body.error.message).toMatch(/4/);
    expect(await owned(org.ids.east1)).toBe(4);
  });

  it('claims and transfers to one user at once stop at the limit together', async () => {
    await setLimit(3);
    const pool = await poolCustomers(6);
    const others = await poolCustomers(6, org.ids.manager);
    const answers = await Promise.all([
      ...pool.map((c) => org.as.north1.post(`/api/v1/customers/${c.id}/claim`)),
      ...others.map((c) => org.admin.post('/api/v1/customers/transfer', { customerIds: [c.id], ownerId: org.ids.north1 })),
    ]);
    const statuses = answers.map((r) => r.status);
    expect(statuses.filter((s) => s === 200), JSON.stringify(statuses)).toHaveLength(3);
    expect(statuses.filter((s) => s === 400)).toHaveLength(9);
    expect(await owned(org.ids.north1)).toBe(3);
  });

  it('ten claims of one customer at once: one wins, the others answer 409 with the customer as it is now', async () => {
    await setLimit(null);
    const [c] = await poolCustomers(1);
    if (!c) throw new Error('no customer');
    const answers = await Promise.all(Array.from({ length: 10 }, () => org.as.manager.post(`/api/v1/customers/${c.id}/claim`)));
    expect(answers.filter((r) => r.status === 200)).toHaveLength(1);
    const lost = answers.filter((r) => r.status === 409);
    expect(lost).toHaveLength(9);
    for (const r of lost) expect(r.body.error.current).toMatchObject({ id: c.id, ownerId: org.ids.manager, version: c.version + 1 });
    const claims = (await org.admin.get(`/api/v1/customers/${c.id}/history?pageSize=100`)).body.items.filter((e: { action: string }) => e.action === 'claim');
    expect(claims).toHaveLength(1);
  });
});
