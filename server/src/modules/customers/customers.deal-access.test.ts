import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCustomer, createOrg, type Org } from '../../test/fixtures.js';
import { createTestApp, type TestApp } from '../../test/harness.js';

/**
 * The deal-owner rule: the owner of a live deal reads the deal's customer and the deal's contacts
 * (read-only), in lists, search, counts and single reads alike; nothing else of the customer.
 */
let t: TestApp;
let org: Org;
const ids = { own: 0, pool: 0, dealt: 0, other: 0, dealContact: 0, otherContact: 0, deal: 0 };
const marker = '商机范围';

beforeAll(async () => {
  t = await createTestApp();
  org = await createOrg(t);
  const customer = async (name: string, ownerId: number | null) => (await org.admin.post('/api/v1/customers', buildCustomer({ name: `${marker}-${name}`, ownerId }))).body.id as number;
  ids.own = await customer('own', org.ids.east1);
  ids.pool = await customer('pool', null);
  ids.dealt = await customer('dealt', org.ids.north1); // north1's, with east1's deal on it
  ids.other = await customer('other', org.ids.north1);
  ids.dealContact = (await org.admin.post('/api/v1/contacts', { customerId: ids.dealt, name: '商机联系人' })).body.id;
  ids.otherContact = (await org.admin.post('/api/v1/contacts', { customerId: ids.dealt, name: '另一联系人' })).body.id;
  const deal = await org.admin.post('/api/v1/opportunities', {
    name: '跨部门商机', customerId: ids.dealt, ownerId: org.ids.east1, amount: 100_000_00, expectedCloseDate: '2026-12-31',
    contacts: [{ contactId: ids.dealContact, role: 'decision_maker' }],
  });
  expect(deal.status).toBe(201);
  ids.deal = deal.body.id;
}, 120_000);
afterAll(() => t.close());

const names = (items: Array<{ name: string }>) => items.map((c) => c.name.replace(`${marker}-`, '')).sort();

describe('the owner of a deal reads its customer', () => {
  it('lists, searches and counts exactly the customers in scope, the pool and the deal\'s customer', async () => {
    const list = await org.as.east1.get(`/api/v1/customers?pageSize=200&q=${encodeURIComponent(marker)}`);
    expect(names(list.body.items)).toEqual(['dealt', 'own', 'pool']);
    expect(list.body.total).toBe(3);
    expect((await org.as.east1.get(`/api/v1/customers?ownerId=${org.ids.north1}`)).body.total).toBe(1);
    // Somebody without a deal on it sees nothing of it.
    const east2 = await org.as.east2.get(`/api/v1/customers?pageSize=200&q=${encodeURIComponent(marker)}`);
    expect(names(east2.body.items)).toEqual(['pool']);
  });

  it('reads it marked read-only, with its history; edits stay 404', async () => {
    const res = await org.as.east1.get(`/api/v1/customers/${ids.dealt}`);
    expect(res.status).toBe(200);
    expect(res.body.viaDeal).toBe(true);
    expect(res.body.can).toMatchObject({ edit: false, delete: false });
    expect((await org.as.east1.get(`/api/v1/customers/${ids.own}`)).body).toMatchObject({ viaDeal: false, can: { edit: true } });
    expect((await org.as.east1.get(`/api/v1/customers/${ids.dealt}/history`)).status).toBe(200);
    expect((await org.as.east1.patch(`/api/v1/customers/${ids.dealt}`, { version: res.body.version, name: '改名' })).status).toBe(404);
    expect((await org.as.east1.delete(`/api/v1/customers/${ids.dealt}`)).status).toBe(404);
    expect((await org.as.east1.post(`/api/v1/customers/${ids.dealt}/follow-ups`, { note: '跟进' })).status).toBe(404);
    expect((await org.as.east1.post(`/api/v1/customers/${ids.dealt}/release`)).status).toBe(404);
    expect((await org.as.east1.get(`/api/v1/customers/${ids.other}`)).status).toBe(404);
    expect((await org.as.east2.get(`/api/v1/customers/${ids.dealt}`)).status).toBe(404);
  });

  it('reads the deal\'s contacts only, read-only', async () => {
    const list = await org.as.east1.get(`/api/v1/contacts?customerId=${ids.dealt}`);
    expect(list.body.items.map((c: { id: number }) => c.id)).toEqual([ids.dealContact]);
    expect(list.body.total).toBe(1);
    expect((await org.as.east1.get(`/api/v1/contacts/${ids.dealContact}`)).status).toBe(200);
    expect((await org.as.east1.get(`/api/v1/contacts/${ids.otherContact}`)).status).toBe(404);
    expect((await org.as.east1.patch(`/api/v1/contacts/${ids.dealContact}`, { version: 1, name: '改名' })).status).toBe(404);
    expect((await org.as.east1.delete(`/api/v1/contacts/${ids.dealContact}`)).status).toBe(404);
    const add = await org.as.east1.post('/api/v1/contacts', { customerId: ids.dealt, name: '新联系人' });
    expect(add.status).toBe(400);
    expect(add.body.error.details[0]).toMatchObject({ path: 'customerId' });
  });

  it('loses it with the deal', async () => {
    const other = await org.admin.post('/api/v1/opportunities', { name: '临时商机', customerId: ids.other, ownerId: org.ids.east1, amount: 100, expectedCloseDate: '2026-12-31' });
    expect((await org.as.east1.get(`/api/v1/customers/${ids.other}`)).status).toBe(200);
    expect((await org.admin.delete(`/api/v1/opportunities/${other.body.id}`)).status).toBe(204);
    expect((await org.as.east1.get(`/api/v1/customers/${ids.other}`)).status).toBe(404);
    expect((await org.as.east1.get(`/api/v1/customers?pageSize=200&q=${encodeURIComponent(marker)}`)).body.total).toBe(3);
  });
});
