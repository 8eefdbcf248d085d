import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCustomer, createOrg, type Org } from '../../test/fixtures.js';
import { createTestApp, type Agent, type TestApp } from '../../test/harness.js';

/**
 * Contracts in the permission matrix: 403 without the permission, 404 outside the data scope
 * (leaking no names), exactly which contracts each role and scope lists, counts and reads, and
 * references (customer, deal, quote, contact) checked against the caller's scope.
 */
let t: TestApp;
let org: Org;
let adminId: number;

type Who = 'admin' | keyof Org['as'];
const everyone: Who[] = ['admin', 'manager', 'eastLead', 'east1', 'east2', 'north1', 'agent', 'marketer', 'reader'];
const agent = (who: Who): Agent => (who === 'admin' ? org.admin : org.as[who]);
const userId = (who: Who): number => (who === 'admin' ? adminId : org.ids[who]);

/** One customer and one active contract per owner, titled after its owner and ending soon. */
const customers: Partial<Record<Who, number>> = {};
const contracts: Partial<Record<Who, number>> = {};
const owners = ['admin', 'manager', 'east1', 'east2', 'north1'] as const;

beforeAll(async () => {
  t = await createTestApp();
  org = await createOrg(t);
  adminId = (await org.admin.get('/api/v1/auth/me')).body.user.id;
  const soon = new Date(Date.now() + 10 * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
  for (const owner of owners) {
    customers[owner] = (await org.admin.post('/api/v1/customers', buildCustomer({ name: `合同范围客户-${owner}`, ownerId: userId(owner) }))).body.id;
    const res = await agent(owner).post('/api/v1/contracts', { customerId: customers[owner], title: `范围合同-${owner}`, amount: 100, endsOn: soon });
    if (res.status !== 201) throw new Error(`${owner}: ${JSON.stringify(res.body)}`);
    const signed = await agent(owner).post(`/api/v1/contracts/${res.body.id}/status`, { status: 'active', version: res.body.version });
    if (signed.status !== 200) throw new Error(`${owner}: ${JSON.stringify(signed.body)}`);
    contracts[owner] = res.body.id;
  }
}, 180_000);
afterAll(() => t.close());

/** Which contracts (by owner) each caller sees; null: 403. */
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
const titles = (items: Array<{ title: string }>) => items.map((i) => i.title.replace('范围合同-', '')).sort();

describe('data scope: exactly what each role sees', () => {
  for (const who of everyone) {
    it(`${who}: list, count, search, filters, renewals and reads`, async () => {
      const expected = sees[who];
      const list = await agent(who).get('/api/v1/contracts?pageSize=200');
      if (expected === null) {
        expect(list.status).toBe(403);
        expect((await agent(who).get(`/api/v1/contracts/${contracts.east1}`)).status).toBe(403);
        expect((await agent(who).get('/api/v1/contracts/renewals')).status).toBe(403);
        return;
      }
      expect(list.status).toBe(200);
      expect(titles(list.body.items)).toEqual(expected);
      expect(list.body.total).toBe(expected.length);
      const search = await agent(who).get(`/api/v1/contracts?pageSize=200&q=${encodeURIComponent('合同范围客户')}`);
      expect(titles(search.body.items)).toEqual(expected);
      const renewals = await agent(who).get('/api/v1/contracts/renewals?pageSize=200');
      expect(titles(renewals.body.items)).toEqual(expected);
      expect(renewals.body.total).toBe(expected.length);
      for (const owner of owners) {
        const byCustomer = await agent(who).get(`/api/v1/contracts?customerId=${customers[owner]}`);
        expect(byCustomer.body.total).toBe(expected.includes(owner) ? 1 : 0);
        const byOwner = await agent(who).get(`/api/v1/contracts?ownerId=${userId(owner)}`);
        expect(byOwner.body.total).toBe(expected.includes(owner) ? 1 : 0);
        for (const url of [`/api/v1/contracts/${contracts[owner]}`, `/api/v1/contracts/${contracts[owner]}/history`, `/api/v1/contracts/${contracts[owner]}/attachments`]) {
          const read = await agent(who).get(url);
          expect(read.status, url).toBe(expected.includes(owner) ? 200 : 404);
          if (read.status === 404) expect(JSON.stringify(read.body)).not.toContain('范围');
        }
      }
    });
  }
});

describe('writes', () => {
  it('roles without contracts.create or contracts.edit get 403', async () => {
    for (const who of ['agent', 'marketer', 'reader', 'eastLead'] as const) {
      expect((await agent(who).post('/api/v1/contracts', { customerId: customers.east1, title: 'x' })).status, who).toBe(403);
      expect((await agent(who).post(`/api/v1/contracts/${contracts.east1}/status`, { status: 'completed', version: 1 })).status, who).toBe(403);
      expect((await agent(who).delete(`/api/v1/contracts/${contracts.east1}`)).status, who).toBe(403);
    }
    for (const who of ['east1', 'manager', 'agent'] as const) {
      expect((await agent(who).put('/api/v1/settings/contract-numbering', { pattern: 'X{SEQ3}', version: 0 })).status, who).toBe(403);
    }
  });

  it('a customer, deal, quote or contact outside the scope is refused as unknown, without its name', async () => {
    const res = await agent('east1').post('/api/v1/contracts', { customerId: customers.east2, title: 'x' });
    expect(res.status).toBe(400);
    expect(res.body.error.details).toEqual([{ path: 'customerId', message: expect.any(String) }]);
    expect(JSON.stringify(res.body)).not.toContain('合同范围客户');

    const deal = (await org.admin.post('/api/v1/opportunities', { name: '东二的商机', customerId: customers.east1, ownerId: org.ids.east2, amount: 1, expectedCloseDate: '2027-06-30' })).body;
    // east1 owns the customer but not the deal.
    const hidden = await agent('east1').post('/api/v1/contracts', { customerId: customers.east1, opportunityId: deal.id, title: 'x' });
    expect(hidden.body.error.details).toEqual([{ path: 'opportunityId', message: expect.any(String) }]);
    expect(JSON.stringify(hidden.body)).not.toContain('东二的商机');
    expect((await agent('east1').post(`/api/v1/opportunities/${deal.id}/contract`, {})).status).toBe(404);

    const quote = (await agent('east2').post('/api/v1/quotes', { customerId: customers.east2, title: '东二报价', validUntil: '2027-01-31' })).body;
    const fromQuote = await agent('east1').post(`/api/v1/quotes/${quote.id}/contract`, {});
    expect(fromQuote.status).toBe(404);
    expect(JSON.stringify(fromQuote.body)).not.toContain('东二报价');

    const contact = (await org.admin.post('/api/v1/contacts', { customerId: customers.east2, name: '东二联系人' })).body;
    const withContact = await agent('east1').post('/api/v1/contracts', { customerId: customers.east1, title: 'x', contacts: [{ contactId: contact.id, role: 'signatory' }] });
    expect(withContact.body.error.details).toEqual([{ path: 'contacts.0.contactId', message: expect.any(String) }]);
    expect(JSON.stringify(withContact.body)).not.toContain('东二联系人');
  });

  it('from a quote whose customer the caller may no longer edit: a field error, no name', async () => {
    const c = (await org.admin.post('/api/v1/customers', buildCustomer({ name: '易主客户', ownerId: org.ids.east1 }))).body;
    const quote = (await agent('east1').post('/api/v1/quotes', { customerId: c.id, title: '易主报价', validUntil: '2027-01-31' })).body;
    const sent = (await agent('east1').post(`/api/v1/quotes/${quote.id}/status`, { status: 'sent', version: quote.version })).body;
    await agent('east1').post(`/api/v1/quotes/${quote.id}/status`, { status: 'accepted', version: sent.version });
    // The customer goes to east2; east1 still owns (and sees) the quote.
    expect((await org.admin.patch(`/api/v1/customers/${c.id}`, { ownerId: org.ids.east2, version: c.version })).status).toBe(200);
    const refused = await agent('east1').post(`/api/v1/quotes/${quote.id}/contract`, {});
    expect(refused.status).toBe(400);
    expect(refused.body.error.details).toEqual([{ path: 'customerId', message: expect.any(String) }]);
    expect(JSON.stringify(refused.body)).not.toContain('易主客户');
    // The manager sees the quote and may edit the customer: the contract is theirs.
    const made = await agent('manager').post(`/api/v1/quotes/${quote.id}/contract`, {});
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    expect(made.body.ownerId).toBe(org.ids.manager);
  });

  it('contracts outside the scope cannot be changed, moved, attached to or deleted (404)', async () => {
    const c = (await org.admin.get(`/api/v1/contracts/${contracts.east2}`)).body;
    const east1 = agent('east1');
    expect((await east1.patch(`/api/v1/contracts/${c.id}`, { version: c.version, title: 'x' })).status).toBe(404);
    expect((await east1.post(`/api/v1/contracts/${c.id}/status`, { version: c.version, status: 'completed' })).status).toBe(404);
    expect((await east1.delete(`/api/v1/contracts/${c.id}`)).status).toBe(404);
    const upload = await t.app.inject({ method: 'POST', url: `/api/v1/contracts/${c.id}/attachments?fileName=a.txt`, payload: Buffer.from('hello'), headers: { cookie: east1.cookie ?? '', 'content-type': 'application/octet-stream' } });
    expect(upload.statusCode).toBe(404);
    expect((await org.admin.get(`/api/v1/contracts/${c.id}`)).body.version).toBe(c.version);
    // A file of east2's contract cannot be downloaded by east1, even though... nothing of it shows.
    const file = await t.app.inject({ method: 'POST', url: `/api/v1/contracts/${c.id}/attachments?fileName=scan.txt`, payload: Buffer.from('signed'), headers: { cookie: agent('east2').cookie ?? '', 'content-type': 'application/octet-stream' } });
    expect(file.statusCode, file.body).toBe(201);
    const fileId = JSON.parse(file.body).id as number;
    expect((await east1.get(`/api/v1/attachments/${fileId}/download`)).status).toBe(404);
    expect((await east1.delete(`/api/v1/attachments/${fileId}`)).status).toBe(404);
    expect((await agent('reader').get(`/api/v1/attachments/${fileId}/download`)).status).toBe(200);
    expect((await agent('manager').get(`/api/v1/attachments/${fileId}/download`)).status).toBe(200);
  });
});
