import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCustomer, createOrg, type Org } from './fixtures.js';
import { createTestApp, type Agent, type TestApp } from './harness.js';

/**
 * For each built-in role and each endpoint: allowed or denied; and for list, search and count,
 * the exact set of records each data scope sees.
 */
let t: TestApp;
let org: Org;
const customers: Record<string, number> = {};
let contactOfEast1 = 0;

type Who = 'admin' | keyof Org['as'];
const agent = (who: Who): Agent => (who === 'admin' ? org.admin : org.as[who]);

beforeAll(async () => {
  t = await createTestApp();
  org = await createOrg(t);
  const make = async (key: string, ownerId: number | null) => {
    const res = await org.admin.post('/api/v1/customers', buildCustomer({ name: `范围客户-${key}`, ownerId }));
    customers[key] = res.body.id;
  };
  await make('east1', org.ids.east1);
  await make('east2', org.ids.east2);
  await make('north1', org.ids.north1);
  await make('manager', org.ids.manager);
  await make('agent', org.ids.agent);
  await make('pool', null);
  // north1's customer with east1's deal on it: east1 reads it through the deal (nobody else gains it).
  await make('dealt', org.ids.north1);
  const deal = await org.admin.post('/api/v1/opportunities', { name: '范围商机', customerId: customers.dealt, ownerId: org.ids.east1, amount: 100, expectedCloseDate: '2027-06-30' });
  expect(deal.status).toBe(201);
  const contact = await org.admin.post('/api/v1/contacts', { customerId: customers.east1, name: '范围联系人' });
  contactOfEast1 = contact.body.id;
}, 120_000);
afterAll(() => t.close());

const all = ['agent', 'dealt', 'east1', 'east2', 'manager', 'north1', 'pool'];
const visible: Record<Who, string[]> = {
  admin: all,
  manager: ['dealt', 'east1', 'east2', 'manager', 'north1', 'pool'], // department tree of 销售部
  eastLead: ['east1', 'east2', 'pool'], // 华东组 only: east1's deal does not widen his manager's scope
  east1: ['dealt', 'east1', 'pool'], // dealt through his own deal
  east2: ['east2', 'pool'],
  north1: ['dealt', 'north1', 'pool'],
  agent: all,
  marketer: all,
  reader: all,
};

describe('data scope: exactly what each role sees', () => {
  for (const [who, expected] of Object.entries(visible) as Array<[Who, string[]]>) {
    it(`${who} lists, searches and counts exactly ${expected.join(', ')}`, async () => {
      const list = await agent(who).get(`/api/v1/customers?pageSize=200&q=${encodeURIComponent('范围客户')}`);
      expect(list.status).toBe(200);
      const seen = (list.body.items as Array<{ name: string }>).map((c) => c.name.replace('范围客户-', '')).sort();
      expect(seen).toEqual(expected);
      expect(list.body.total).toBe(expected.length);
      // Filtering by another owner's id reveals nothing outside the scope.
      const byOwner = await agent(who).get(`/api/v1/customers?ownerId=${org.ids.agent}`);
      expect(byOwner.body.total).toBe(expected.includes('agent') ? 1 : 0);
      // Every record outside the scope is a 404 on read, not a 403.
      for (const key of all) {
        const res = await agent(who).get(`/api/v1/customers/${customers[key]}`);
        expect(res.status, `${who} GET customer ${key}`).toBe(expected.includes(key) ? 200 : 404);
        const history = await agent(who).get(`/api/v1/customers/${customers[key]}/history`);
        expect(history.status).toBe(expected.includes(key) ? 200 : 404);
      }
      // Contacts follow their customer's scope.
      const contacts = await agent(who).get(`/api/v1/contacts?q=${encodeURIComponent('范围联系人')}`);
      expect(contacts.body.total).toBe(expected.includes('east1') ? 1 : 0);
      expect((await agent(who).get(`/api/v1/contacts/${contactOfEast1}`)).status).toBe(expected.includes('east1') ? 200 : 404);
    });
  }

  it('an out-of-scope update or delete is a 404 and changes nothing', async () => {
    const res = await org.as.east1.patch(`/api/v1/customers/${customers.north1}`, { version: 1, name: 'hijack' });
    expect(res.status).toBe(404);
    expect((await org.as.east1.delete(`/api/v1/customers/${customers.north1}`)).status).toBe(404);
    expect((await org.admin.get(`/api/v1/customers/${customers.north1}`)).body.name).toBe('范围客户-north1');
  });

  it('a salesperson cannot give a customer to someone else; a manager only within their scope', async () => {
    const own = await org.as.east1.post('/api/v1/customers', buildCustomer({ ownerId: org.ids.east2 }));
    expect(own.status).toBe(400);
    expect(own.body.error.details[0].path).toBe('ownerId');
    const outside = await org.as.manager.post('/api/v1/customers', buildCustomer({ ownerId: org.ids.agent }));
    expect(outside.status).toBe(400);
    const inside = await org.as.manager.post('/api/v1/customers', buildCustomer({ ownerId: org.ids.east2 }));
    expect(inside.status).toBe(201);
    await org.admin.delete(`/api/v1/customers/${inside.body.id}`);
  });
});

type Call = [method: 'GET' | 'POST' | 'PATCH' | 'DELETE' | 'PUT', url: () => string, body?: () => unknown];
/** Endpoint -> the roles allowed (everyone else gets 403). */
const endpoints: Array<{ name: string; call: Call; allowed: Who[]; ok: number[] }> = [
  { name: 'list customers', call: ['GET', () => '/api/v1/customers'], allowed: ['admin', 'manager', 'eastLead', 'east1', 'agent', 'marketer', 'reader'], ok: [200] },
  { name: 'create customer', call: ['POST', () => '/api/v1/customers', () => buildCustomer({ ownerId: null })], allowed: ['admin', 'manager', 'eastLead', 'east1'], ok: [201] },
  { name: 'edit customer', call: ['PATCH', () => `/api/v1/customers/${customers.east1}`, () => ({ version: 999 })], allowed: ['admin', 'manager', 'eastLead', 'east1'], ok: [409] },
  { name: 'delete customer', call: ['DELETE', () => '/api/v1/customers/999999'], allowed: ['admin', 'manager', 'east1'], ok: [404] },
  { name: 'customer history', call: ['GET', () => `/api/v1/customers/${customers.pool}/history`], allowed: ['admin', 'manager', 'eastLead', 'east1', 'agent', 'marketer', 'reader'], ok: [200] },
  { name: 'list contacts', call: ['GET', () => '/api/v1/contacts'], allowed: ['admin', 'manager', 'eastLead', 'east1', 'agent', 'marketer', 'reader'], ok: [200] },
  { name: 'create contact', call: ['POST', () => '/api/v1/contacts', () => ({ customerId: customers.east1, name: '新联系人' })], allowed: ['admin', 'manager', 'east1', 'agent'], ok: [201] },
  { name: 'edit contact', call: ['PATCH', () => `/api/v1/contacts/${contactOfEast1}`, () => ({ version: 999 })], allowed: ['admin', 'manager', 'east1', 'agent'], ok: [409] },
  { name: 'delete contact', call: ['DELETE', () => '/api/v1/contacts/999999'], allowed: ['admin', 'manager', 'east1'], ok: [404] },
  { name: 'list users', call: ['GET', () => '/api/v1/users'], allowed: ['admin', 'manager', 'eastLead', 'east1', 'agent', 'marketer', 'reader'], ok: [200] },
  { name: 'create user', call: ['POST', () => '/api/v1/users', () => ({ email: `u${Math.random()}@example.com`.replace('0.', ''), name: 'x', password: 'test-password-2026', roleId: org.roleIds.read_only })], allowed: ['admin'], ok: [201] },
  { name: 'edit user', call: ['PATCH', () => `/api/v1/users/${org.ids.reader}`, () => ({ version: 999 })], allowed: ['admin'], ok: [409] },
  { name: 'delete user', call: ['DELETE', () => '/api/v1/users/999999'], allowed: ['admin'], ok: [404] },
  { name: 'list departments', call: ['GET', () => '/api/v1/departments'], allowed: ['admin', 'manager', 'east1', 'agent', 'marketer', 'reader'], ok: [200] },
  { name: 'create department', call: ['POST', () => '/api/v1/departments', () => ({ name: '新部门' })], allowed: ['admin'], ok: [201] },
  { name: 'edit department', call: ['PATCH', () => `/api/v1/departments/${org.ids.service}`, () => ({ version: 999 })], allowed: ['admin'], ok: [409] },
  { name: 'delete department', call: ['DELETE', () => '/api/v1/departments/999999'], allowed: ['admin'], ok: [404] },
  { name: 'list roles', call: ['GET', () => '/api/v1/roles'], allowed: ['admin', 'manager'], ok: [200] },
  { name: 'create role', call: ['POST', () => '/api/v1/roles', () => ({ key: `r${Date.now()}${Math.floor(Math.random() * 1e6)}`, name: 'r' })], allowed: ['admin'], ok: [201] },
  { name: 'edit role', call: ['PATCH', () => `/api/v1/roles/${org.roleIds.east_lead}`, () => ({ version: 999 })], allowed: ['admin'], ok: [409] },
  { name: 'delete role', call: ['DELETE', () => '/api/v1/roles/999999'], allowed: ['admin'], ok: [404] },
  { name: 'recycle bin', call: ['GET', () => '/api/v1/recycle-bin'], allowed: ['admin'], ok: [200] },
  { name: 'restore', call: ['POST', () => '/api/v1/recycle-bin/customer/999999/restore'], allowed: ['admin'], ok: [404] },
  { name: 'purge', call: ['DELETE', () => '/api/v1/recycle-bin/customer/999999'], allowed: ['admin'], ok: [404] },
  { name: 'me', call: ['GET', () => '/api/v1/auth/me'], allowed: ['admin', 'manager', 'eastLead', 'east1', 'agent', 'marketer', 'reader'], ok: [200] },
];
const roles: Who[] = ['admin', 'manager', 'eastLead', 'east1', 'agent', 'marketer', 'reader'];

describe('permission matrix', () => {
  for (const endpoint of endpoints) {
    it(endpoint.name, async () => {
      for (const who of roles) {
        const [method, url, body] = endpoint.call;
        const res = await agent(who).request(method, url(), body?.());
        const expected = endpoint.allowed.includes(who) ? endpoint.ok : [403];
        expect(expected, `${who} ${method} ${url()} -> ${res.status} ${JSON.stringify(res.body)}`).toContain(res.status);
      }
      const anonymous = await t.anonymous().request(endpoint.call[0], endpoint.call[1](), endpoint.call[2]?.());
      expect(anonymous.status).toBe(401);
    });
  }
});

describe('sensitive fields', () => {
  it('ID-card numbers are masked unless the role may view sensitive fields, in records and history', async () => {
    const c = await org.admin.post('/api/v1/customers', buildCustomer({ kind: 'person', name: '敏感客户', ownerId: org.ids.east1, category: 'retail', person: { idCardNumber: '11010519491231002X', health: '良好' } }));
    expect(c.body.person.idCardNumber).toBe('11010519491231002X');
    const seenBySales = await org.as.east1.get(`/api/v1/customers/${c.body.id}`);
    expect(seenBySales.body.person.idCardNumber).toBe('******'); // that there is one, nothing of it
    expect(seenBySales.body.person.health).not.toBe('良好');
    expect(seenBySales.body.can.viewSensitive).toBe(false);
    expect((await org.as.manager.get(`/api/v1/customers/${c.body.id}`)).body.person.idCardNumber).toBe('11010519491231002X');
    // Saving the masked form back does not overwrite the real value.
    const saved = await org.as.east1.patch(`/api/v1/customers/${c.body.id}`, { version: 1, person: { ...seenBySales.body.person, hobbies: '登山' } });
    expect(saved.status).toBe(200);
    expect((await org.admin.get(`/api/v1/customers/${c.body.id}`)).body.person.idCardNumber).toBe('11010519491231002X');
    await org.admin.patch(`/api/v1/customers/${c.body.id}`, { version: 2, person: { idCardNumber: '110105198001010016' } });
    const history = await org.as.east1.get(`/api/v1/customers/${c.body.id}/history`);
    const change = history.body.items[0].changes.find((ch: { field: string }) => ch.field === 'person.idCardNumber');
    expect(change.old).toBe('******');
  });
});
