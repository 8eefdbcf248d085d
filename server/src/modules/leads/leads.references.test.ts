import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCustomer, createOrg, type Org } from '../../test/fixtures.js';
import { createTestApp, type TestApp } from '../../test/harness.js';

/**
 * References to other records are checked against the caller's scope when written (one outside
 * it answers exactly as an id that does not exist) and named only to those who may read them.
 */
let t: TestApp;
let org: Org;
let hidden = 0; // north1's customer: unknown to east1
let hiddenContact = 0;
let own = 0; // east1's customer
const missing = 999_999;

beforeAll(async () => {
  t = await createTestApp();
  org = await createOrg(t);
  hidden = (await org.admin.post('/api/v1/customers', buildCustomer({ name: '华北引荐客户有限公司', ownerId: org.ids.north1 }))).body.id;
  hiddenContact = (await org.admin.post('/api/v1/contacts', { customerId: hidden, name: '华北联系人' })).body.id;
  own = (await org.admin.post('/api/v1/customers', buildCustomer({ ownerId: org.ids.east1 }))).body.id;
}, 120_000);
afterAll(() => t.close());

describe('lead referrers', () => {
  it('a referrer outside the scope is refused as an unknown one, on create and on edit', async () => {
    const unknown = await org.as.east1.post('/api/v1/leads', { name: '甲', source: 'referral', referrerCustomerId: missing });
    const outside = await org.as.east1.post('/api/v1/leads', { name: '甲', source: 'referral', referrerCustomerId: hidden });
    expect(outside.status).toBe(400);
    expect(outside.body.error).toEqual(unknown.body.error);
    const lead = await org.as.east1.post('/api/v1/leads', { name: '乙', source: 'referral', referrerCustomerId: own, ownerId: org.ids.east1 });
    expect(lead.status).toBe(201);
    const edit = await org.as.east1.patch(`/api/v1/leads/${lead.body.id}`, { version: lead.body.version, referrerCustomerId: hidden });
    expect(edit.status).toBe(400);
    expect(edit.body.error.details).toEqual([{ path: 'referrerCustomerId', message: unknown.body.error.details[0].message }]);
  });

  it('a referrer the reader may not see is not named; a stored one does not block other edits', async () => {
    const lead = await org.admin.post('/api/v1/leads', { name: '丙', source: 'referral', referrerCustomerId: hidden, ownerId: org.ids.east1 });
    expect(lead.body.referrerCustomerName).toBe('华北引荐客户有限公司');
    const seen = await org.as.east1.get(`/api/v1/leads/${lead.body.id}`);
    expect(seen.body.referrerCustomerName).toBeNull();
    const listed = await org.as.east1.get(`/api/v1/leads?q=${encodeURIComponent('丙')}`);
    expect(JSON.stringify(listed.body)).not.toContain('华北引荐');
    const edit = await org.as.east1.patch(`/api/v1/leads/${lead.body.id}`, { version: seen.body.version, notes: '跟进中' });
    expect(edit.status).toBe(200);
    expect(edit.body.referrerCustomerName).toBeNull();
  });
});

describe('deal and contact references', () => {
  it('a contact or a deal on a customer outside the scope is refused as an unknown one', async () => {
    const unknown = await org.as.east1.post('/api/v1/contacts', { customerId: missing, name: '某人' });
    const outside = await org.as.east1.post('/api/v1/contacts', { customerId: hidden, name: '某人' });
    expect(outside.status).toBe(400);
    expect(outside.body.error).toEqual(unknown.body.error);
    const deal = { name: '商机', amount: 100, expectedCloseDate: '2026-12-31' };
    const unknownDeal = await org.as.east1.post('/api/v1/opportunities', { ...deal, customerId: missing });
    const outsideDeal = await org.as.east1.post('/api/v1/opportunities', { ...deal, customerId: hidden });
    expect(outsideDeal.status).toBe(400);
    expect(outsideDeal.body.error).toEqual(unknownDeal.body.error);
  });

  it('a deal names only contacts its writer may read', async () => {
    // east1 owns a deal on north1's customer (given by the administrator) without contacts.
    const deal = await org.admin.post('/api/v1/opportunities', { name: '跨组商机', customerId: hidden, ownerId: org.ids.east1, amount: 100, expectedCloseDate: '2026-12-31' });
    const add = await org.as.east1.patch(`/api/v1/opportunities/${deal.body.id}`, { version: deal.body.version, contacts: [{ contactId: hiddenContact, role: 'user' }] });
    const unknown = await org.as.east1.patch(`/api/v1/opportunities/${deal.body.id}`, { version: deal.body.version, contacts: [{ contactId: missing, role: 'user' }] });
    expect(add.status).toBe(400);
    expect(add.body.error).toEqual(unknown.body.error);
    // Once the administrator adds the contact, its owner keeps it through other edits.
    const withContact = await org.admin.patch(`/api/v1/opportunities/${deal.body.id}`, { version: deal.body.version, contacts: [{ contactId: hiddenContact, role: 'user' }] });
    expect(withContact.status).toBe(200);
    const kept = await org.as.east1.patch(`/api/v1/opportunities/${deal.body.id}`, { version: withContact.body.version, contacts: [{ contactId: hiddenContact, role: 'decision_maker' }] });
    expect(kept.status).toBe(200);
  });
});
