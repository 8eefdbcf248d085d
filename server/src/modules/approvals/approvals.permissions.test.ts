import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCustomer, createOrg, type Org } from '../../test/fixtures.js';
import { createTestApp, type Agent, type TestApp } from '../../test/harness.js';

/**
 * Who sees which approval request: exactly the requests each role and scope lists, reads and can
 * look up by record; outside that a 404 that names nothing.
 */
let t: TestApp;
let org: Org;

type Who = 'admin' | keyof Org['as'];
const everyone: Who[] = ['admin', 'manager', 'eastLead', 'east1', 'east2', 'north1', 'agent', 'marketer', 'reader'];
const agent = (who: Who): Agent => (who === 'admin' ? org.admin : org.as[who]);

const owners = ['east1', 'east2', 'north1'] as const;
type Owner = (typeof owners)[number];
const quotes: Partial<Record<Owner, number>> = {};
const requests: Partial<Record<Owner, number>> = {};

beforeAll(async () => {
  t = await createTestApp();
  org = await createOrg(t);
  const productId = (await org.admin.post('/api/v1/products', { code: 'APS-1', name: '范围审批产品', standardPrice: 100_00, taxRate: 0 })).body.id;
  const sales = (await org.admin.get(`/api/v1/departments/${org.ids.sales}`)).body;
  await org.admin.patch(`/api/v1/departments/${org.ids.sales}`, { version: sales.version, managerId: org.ids.manager });
  const flow = await org.admin.post('/api/v1/approval-flows', { name: '范围流程', recordType: 'quote', conditions: [{ kind: 'amount_above', amount: 1000 }], steps: [{ kind: 'manager' }, { kind: 'user', userId: org.ids.reader }] });
  expect(flow.status).toBe(201);
  for (const owner of owners) {
    const customerId = (await agent(owner).post('/api/v1/customers', buildCustomer({ name: `审批范围客户-${owner}` }))).body.id;
    const q = (await agent(owner).post('/api/v1/quotes', { customerId, title: `审批范围-${owner}`, validUntil: '2027-01-31', lines: [{ productId, quantity: 1 }] })).body;
    const sent = await agent(owner).post(`/api/v1/quotes/${q.id}/status`, { status: 'sent', version: q.version });
    if (sent.body.status !== 'awaiting_approval') throw new Error(JSON.stringify(sent.body));
    quotes[owner] = q.id;
    requests[owner] = (await org.admin.get(`/api/v1/approvals?recordType=quote&recordId=${q.id}`)).body.items[0].id;
  }
}, 180_000);
afterAll(() => t.close());

/** Whose requests each caller sees. */
const sees: Record<Who, Owner[]> = {
  admin: ['east1', 'east2', 'north1'], // approvals.admin
  manager: ['east1', 'east2', 'north1'], // step 1 of each, and their department tree
  reader: ['east1', 'east2', 'north1'], // step 2 of each
  agent: ['east1', 'east2', 'north1'], // approvals.view, quotes.view, all records
  east1: ['east1'], // submitted it
  east2: ['east2'],
  north1: ['north1'],
  marketer: [], // no approvals.view, no step
  eastLead: [], // a custom role without approvals.view
};
/** Whose quotes each caller may see (the record lookup follows them). */
const seesQuote: Record<Who, Owner[]> = {
  admin: ['east1', 'east2', 'north1'],
  manager: ['east1', 'east2', 'north1'],
  reader: ['east1', 'east2', 'north1'],
  agent: ['east1', 'east2', 'north1'],
  east1: ['east1'],
  east2: ['east2'],
  north1: ['north1'],
  marketer: [],
  eastLead: [],
};
const ownersOf = (items: Array<{ recordTitle: string }>) => items.map((i) => i.recordTitle.replace('审批范围-', '')).sort();

describe('data scope of approval requests', () => {
  for (const who of everyone) {
    it(`${who} sees exactly ${sees[who].join(', ') || 'nothing'}`, async () => {
      const list = await agent(who).get('/api/v1/approvals?pageSize=200');
      expect(list.status).toBe(200);
      expect(ownersOf(list.body.items)).toEqual(sees[who]);
      expect(list.body.total).toBe(sees[who].length);
      for (const owner of owners) {
        const one = await agent(who).get(`/api/v1/approvals/${requests[owner]}`);
        expect(one.status, `${who} reads ${owner}'s request`).toBe(sees[who].includes(owner) ? 200 : 404);
        if (one.status === 404) expect(JSON.stringify(one.body)).not.toContain('审批范围');
        const byRecord = await agent(who).get(`/api/v1/approvals?recordType=quote&recordId=${quotes[owner]}`);
        expect(byRecord.status, `${who} looks up ${owner}'s quote`).toBe(seesQuote[who].includes(owner) ? 200 : 404);
        if (byRecord.status === 404) expect(JSON.stringify(byRecord.body)).not.toContain('审批范围');
        const decision = await agent(who).post(`/api/v1/approvals/${requests[owner]}/decision`, { decision: 'reject', comment: '越权', version: 999 });
        // Only the manager decides step 1 (here with a stale version: 409, nothing decided); whoever
        // else sees it is refused, whoever does not gets a 404.
        const expected = who === 'manager' ? 409 : sees[who].includes(owner) ? 403 : 404;
        expect(decision.status, `${who} decides ${owner}'s request`).toBe(expected);
      }
    });
  }

  it('the queues: waiting for me, submitted by me', async () => {
    const pending = async (who: Who) => ownersOf((await agent(who).get('/api/v1/approvals?mine=pending')).body.items);
    expect(await pending('manager')).toEqual(['east1', 'east2', 'north1']);
    for (const who of ['admin', 'reader', 'east1', 'agent', 'marketer'] as const) expect(await pending(who), who).toEqual([]);
    expect(ownersOf((await agent('east1').get('/api/v1/approvals?mine=submitted')).body.items)).toEqual(['east1']);
    expect(ownersOf((await agent('manager').get('/api/v1/approvals?mine=submitted')).body.items)).toEqual([]);
    expect((await agent('east1').get('/api/v1/approvals?recordType=quote')).status).toBe(400);
    expect((await agent('east1').get('/api/v1/approvals?recordType=planet&recordId=1')).status).toBe(400);
  });
});
