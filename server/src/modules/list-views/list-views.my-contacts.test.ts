import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCustomer, createOrg, type Org } from '../../test/fixtures.js';
import { createTestApp, type Agent, type TestApp } from '../../test/harness.js';

/**
 * The built-in "my contacts" view (我的联系人): the live contacts of the live customers the reader
 * owns, exactly, on both engines; a view's filter never widens the data scope.
 */
let t: TestApp;
let org: Org;
const mine: number[] = [];
let ownedByEast2 = 0;

const customer = async (who: Agent, overrides: Parameters<typeof buildCustomer>[0] = {}) => {
  const res = await who.post('/api/v1/customers', buildCustomer(overrides));
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id as number;
};
const contact = async (who: Agent, customerId: number, name: string) => {
  const res = await who.post('/api/v1/contacts', { customerId, name });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id as number;
};
const ids = async (who: Agent, query: string) => {
  const res = await who.get(`/api/v1/contacts?pageSize=200&${query}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  expect(res.body.total).toBe(res.body.items.length);
  return (res.body.items as Array<{ id: number }>).map((c) => c.id).sort((a, b) => a - b);
};

beforeAll(async () => {
  t = await createTestApp();
  org = await createOrg(t);
  const a = await customer(org.as.east1);
  const b = await customer(org.as.east1);
  mine.push(await contact(org.as.east1, a, '王采购'), await contact(org.as.east1, a, '李工'), await contact(org.as.east1, b, '赵总'));
  // Not mine: a colleague's customer, a pool customer, a deleted contact, a deleted customer's contact.
  ownedByEast2 = await contact(org.as.east2, await customer(org.as.east2), '刘经理');
  await contact(org.admin, await customer(org.admin, { ownerId: null }), '公海联系人');
  const gone = await contact(org.as.east1, b, '已删除');
  expect((await org.as.east1.delete(`/api/v1/contacts/${gone}`)).status).toBe(204);
  const deletedCustomer = await customer(org.as.east1);
  await contact(org.as.east1, deletedCustomer, '客户已删');
  expect((await org.admin.delete(`/api/v1/customers/${deletedCustomer}`)).status).toBe(204);
  mine.sort((x, y) => x - y);
}, 180_000);
afterAll(() => t.close());

describe('my contacts', () => {
  it('is a built-in contacts view of the reader: the contacts of the customers they own, exactly', async () => {
    const views = (await org.as.east1.get('/api/v1/list-views?list=contacts')).body;
    const view = views.builtIn.find((v: { key: string }) => v.key === 'mine');
    expect(view).toEqual({ key: 'mine', name: 'My contacts', filters: { ownerId: String(org.ids.east1) }, sort: null });
    const query = new URLSearchParams(view.filters as Record<string, string>).toString();
    expect(await ids(org.as.east1, query)).toEqual(mine);
    // The same set for a manager over the department; the search still narrows it.
    expect(await ids(org.as.manager, query)).toEqual(mine);
    expect(await ids(org.as.east1, `${query}&q=${encodeURIComponent('王采购')}`)).toEqual([mine[0]]);
    // Someone else's "mine" is theirs.
    expect(await ids(org.as.east2, `ownerId=${org.ids.east2}`)).toEqual([ownedByEast2]);
  });

  it("never widens the data scope: a colleague's customers stay out of sight", async () => {
    expect(await ids(org.as.east2, `ownerId=${org.ids.east1}`)).toEqual([]);
    expect((await org.as.east1.get('/api/v1/contacts?ownerId=abc')).status).toBe(400);
  });

  it('can be the default contacts view', async () => {
    const res = await org.as.east1.put('/api/v1/list-views/default', { list: 'contacts', viewId: 'mine' });
    expect(res.status, JSON.stringify(res.body)).toBeLessThan(300);
    expect((await org.as.east1.get('/api/v1/list-views?list=contacts')).body.defaultView).toBe('mine');
  });
});
