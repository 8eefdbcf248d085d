import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCustomer, createOrg, type Org } from '../../test/fixtures.js';
import { createTestApp, type Agent, type TestApp } from '../../test/harness.js';

/**
 * Quotes and the catalogue in the permission matrix: 403 without the permission, 404 outside the
 * data scope (leaking no names), and exactly which quotes each role and scope lists and counts.
 */
let t: TestApp;
let org: Org;
let adminId: number;
let productId: number;

type Who = 'admin' | keyof Org['as'];
const everyone: Who[] = ['admin', 'manager', 'eastLead', 'east1', 'east2', 'north1', 'agent', 'marketer', 'reader'];
const agent = (who: Who): Agent => (who === 'admin' ? org.admin : org.as[who]);
const userId = (who: Who): number => (who === 'admin' ? adminId : org.ids[who]);

/** One customer and one quote per owner; the quote is titled after its owner. */
const customers: Partial<Record<Who, number>> = {};
const quotes: Partial<Record<Who, number>> = {};
const owners = ['admin', 'manager', 'east1', 'east2', 'north1'] as const;

beforeAll(async () => {
  t = await createTestApp();
  org = await createOrg(t);
  adminId = (await org.admin.get('/api/v1/auth/me')).body.user.id;
  productId = (await org.admin.post('/api/v1/products', { code: 'PERM-1', name: '权限产品', standardPrice: 100_00 })).body.id;
  for (const owner of owners) {
    customers[owner] = (await org.admin.post('/api/v1/customers', buildCustomer({ name: `报价范围客户-${owner}`, ownerId: userId(owner) }))).body.id;
    // Each owner quotes their own customer (the admin creates the admin's).
    const res = await agent(owner).post('/api/v1/quotes', { customerId: customers[owner], title: `范围报价-${owner}`, validUntil: '2027-01-31', lines: [{ productId, quantity: 1 }] });
    if (res.status !== 201) throw new Error(`${owner}: ${JSON.stringify(res.body)}`);
    quotes[owner] = res.body.id;
  }
}, 180_000);
afterAll(() => t.close());

/** Which quotes (by owner) each caller sees; null: 403. */
const sees: Record<Who, string[] | null> = {
  admin: ['admin', 'east1', 'east2', 'manager', 'north1'],
  agent: ['admin', 'east1', 'east2', 'manager', 'north1'],
  reader: ['admin', 'east1', 'east2', 'manager', 'north1'],
  marketer: null,
  manager: ['east1', 'east2', 'manager', 'north1'],
  east1: ['east1'],
  east2: ['east2'],
  north1: ['north1'],
  eastLead: null,
};
const titles = (items: Array<{ title: string }>) => items.map((i) => i.title.replace('范围报价-', '')).sort();

describe('data scope: exactly what each role sees', () => {
  for (const who of everyone) {
    it(`${who}: list, count, search, filters and reads`, async () => {
      const expected = sees[who];
      const list = await agent(who).get('/api/v1/quotes?pageSize=200');
      if (expected === null) {
        expect(list.status).toBe(403);
        expect((await agent(who).get(`/api/v1/quotes/${quotes.east1}`)).status).toBe(403);
        return;
      }
      expect(list.status).toBe(200);
      expect(titles(list.body.items)).toEqual(expected);
      expect(list.body.total).toBe(expected.length);
      const search = await agent(who).get(`/api/v1/quotes?pageSize=200&q=${encodeURIComponent('报价范围客户')}`);
      expect(titles(search.body.items)).toEqual(expected);
      expect(search.body.total).toBe(expected.length);
      for (const owner of owners) {
        const byCustomer = await agent(who).get(`/api/v1/quotes?customerId=${customers[owner]}`);
        expect(byCustomer.body.total).toBe(expected.includes(owner) ? 1 : 0);
        const byOwner = await agent(who).get(`/api/v1/quotes?ownerId=${userId(owner)}`);
        expect(byOwner.body.total).toBe(expected.includes(owner) ? 1 : 0);
        const read = await agent(who).get(`/api/v1/quotes/${quotes[owner]}`);
        expect(read.status).toBe(expected.includes(owner) ? 200 : 404);
        if (read.status === 404) expect(JSON.stringify(read.body)).not.toContain('范围');
        const revisions = await agent(who).get(`/api/v1/quotes/${quotes[owner]}/revisions`);
        expect(revisions.status).toBe(expected.includes(owner) ? 200 : 404);
      }
    });
  }
});

describe('writes', () => {
  it('roles without quotes.create or products.edit get 403', async () => {
    for (const who of ['agent', 'marketer', 'reader', 'eastLead'] as const) {
      const res = await agent(who).post('/api/v1/quotes', { customerId: customers.east1, title: 'x', validUntil: '2027-01-31' });
      expect(res.status, who).toBe(403);
    }
    for (const who of ['east1', 'agent', 'reader', 'marketer'] as const) {
      expect((await agent(who).post('/api/v1/products', { code: `NO-${who}`, name: 'x', standardPrice: 1 })).status, who).toBe(403);
      expect((await agent(who).post('/api/v1/price-lists', { name: 'x' })).status, who).toBe(403);
    }
    expect((await agent('manager').post('/api/v1/products', { code: 'MGR-1', name: '经理产品', standardPrice: 1 })).status).toBe(201);
  });

  it('a customer or deal outside the scope is refused as unknown, without its name', async () => {
    const res = await agent('east1').post('/api/v1/quotes', { customerId: customers.east2, title: 'x', validUntil: '2027-01-31' });
    expect(res.status).toBe(400);
    expect(res.body.error.details).toEqual([{ path: 'customerId', message: expect.any(String) }]);
    expect(JSON.stringify(res.body)).not.toContain('报价范围客户');

    const deal = (await org.admin.post('/api/v1/opportunities', { name: '东二的商机', customerId: customers.east1, ownerId: org.ids.east2, amount: 1, expectedCloseDate: '2027-06-30' })).body;
    // east1 owns the customer but not the deal.
    const hidden = await agent('east1').post('/api/v1/quotes', { customerId: customers.east1, opportunityId: deal.id, title: 'x', validUntil: '2027-01-31' });
    expect(hidden.status).toBe(400);
    expect(hidden.body.error.details).toEqual([{ path: 'opportunityId', message: expect.any(String) }]);
    expect(JSON.stringify(hidden.body)).not.toContain('东二的商机');

    const price = await agent('east1').get(`/api/v1/products/${productId}/price?customerId=${customers.east2}`);
    expect(price.status).toBe(404);
  });

  it('quotes outside the scope cannot be changed, moved, made current or deleted (404)', async () => {
    const q = (await org.admin.get(`/api/v1/quotes/${quotes.east2}`)).body;
    const east1 = agent('east1');
    expect((await east1.patch(`/api/v1/quotes/${q.id}`, { version: q.version, title: 'x' })).status).toBe(404);
    expect((await east1.post(`/api/v1/quotes/${q.id}/status`, { version: q.version, status: 'sent' })).status).toBe(404);
    expect((await east1.post(`/api/v1/quotes/${q.id}/current`, { version: q.version })).status).toBe(404);
    expect((await east1.delete(`/api/v1/quotes/${q.id}`)).status).toBe(404);
    expect((await org.admin.get(`/api/v1/quotes/${q.id}`)).body.version).toBe(q.version);
    // The manager's scope covers east2.
    expect((await agent('manager').patch(`/api/v1/quotes/${q.id}`, { version: q.version, title: '范围报价-east2' })).status).toBe(200);
  });
});
