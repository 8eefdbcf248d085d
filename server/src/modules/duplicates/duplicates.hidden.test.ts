import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCustomer, createOrg, type Org } from '../../test/fixtures.js';
import { createTestApp, type TestApp } from '../../test/harness.js';

/** Duplicate checks: a match the caller may not read says only that it exists and who owns it. */
let t: TestApp;
let org: Org;
const mobile = '13912345678';
let hiddenCustomer = 0;
let hiddenLead = 0;

beforeAll(async () => {
  t = await createTestApp();
  org = await createOrg(t);
  hiddenCustomer = (await org.admin.post('/api/v1/customers', buildCustomer({ name: '华北秘密客户有限公司', mobile, ownerId: org.ids.north1 }))).body.id;
  hiddenLead = (await org.admin.post('/api/v1/leads', { name: '华北秘密线索', company: '秘密公司', mobile, source: 'other', ownerId: org.ids.north1 })).body.id;
}, 120_000);
afterAll(() => t.close());

const leaks = (body: unknown) => JSON.stringify(body).match(/秘密|"id"|archiveNo|KH\d/g);

describe('duplicate checks outside the scope', () => {
  it('customers: exists, owned by somebody; no id, archive number or name', async () => {
    const res = await org.as.east1.post('/api/v1/customers/duplicate-check', { kind: 'organization', name: '新客户', mobile });
    expect(res.status).toBe(200);
    expect(res.body.matches).toEqual([{ visible: false, ownerName: 'Emma Smith', matchedOn: ['phone'] }]);
    expect(leaks(res.body)).toBeNull();
    // Its owner sees it in full.
    const own = await org.as.north1.post('/api/v1/customers/duplicate-check', { kind: 'organization', name: '新客户', mobile });
    expect(own.body.matches[0]).toMatchObject({ visible: true, id: hiddenCustomer, name: '华北秘密客户有限公司' });
  });

  it('leads: hidden leads and customers say who owns them, nothing more', async () => {
    const res = await org.as.east1.post('/api/v1/leads/duplicate-check', { mobile });
    expect(res.status).toBe(200);
    expect(res.body.matches).toEqual([
      { type: 'lead', visible: false, ownerName: 'Emma Smith', matchedOn: ['phone'] },
      { type: 'customer', visible: false, ownerName: 'Emma Smith', matchedOn: ['phone'] },
    ]);
    expect(leaks(res.body)).toBeNull();
    const own = await org.as.north1.post('/api/v1/leads/duplicate-check', { mobile });
    expect(own.body.matches).toEqual([
      expect.objectContaining({ type: 'lead', visible: true, id: hiddenLead, name: '华北秘密线索 (秘密公司)' }),
      expect.objectContaining({ type: 'customer', visible: true, id: hiddenCustomer, name: '华北秘密客户有限公司' }),
    ]);
  });
});
