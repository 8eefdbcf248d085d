import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCustomer, createOrg, password, type Org } from '../../test/fixtures.js';
import { createTestApp, type Agent, type TestApp } from '../../test/harness.js';

/**
 * Public-pool customers and pool leads are readable in scope; changing or deleting one (its
 * contacts included) takes a claim first, or the assign right.
 */
let t: TestApp;
let org: Org;
let auditor: Agent; // data scope all, may edit customers and contacts, no assign right

beforeAll(async () => {
  t = await createTestApp();
  org = await createOrg(t);
  const role = await org.admin.post('/api/v1/roles', {
    key: 'all_editor', name: '全局编辑', dataScope: 'all',
    permissions: ['customers.view', 'customers.edit', 'customers.delete', 'contacts.view', 'contacts.create', 'contacts.edit', 'leads.view', 'leads.edit', 'leads.delete'],
  });
  await org.admin.post('/api/v1/users', { email: 'all-editor@example.com', name: '全局编辑', password, roleId: role.body.id });
  auditor = await t.login('all-editor@example.com', password);
}, 120_000);
afterAll(() => t.close());

async function poolCustomer() {
  const c = (await org.admin.post('/api/v1/customers', buildCustomer({ ownerId: null }))).body as { id: number; version: number };
  const contact = (await org.admin.post('/api/v1/contacts', { customerId: c.id, name: '公海联系人' })).body as { id: number; version: number };
  return { ...c, contact };
}

describe('pool customers', () => {
  it('are read by everyone in scope but changed by nobody without a claim or the assign right', async () => {
    const c = await poolCustomer();
    for (const who of [org.as.east1, auditor]) {
      const read = await who.get(`/api/v1/customers/${c.id}`);
      expect(read.status).toBe(200);
      expect(read.body.can).toMatchObject({ edit: false, delete: false });
      expect((await who.get(`/api/v1/contacts/${c.contact.id}`)).status).toBe(200);
      expect((await who.patch(`/api/v1/customers/${c.id}`, { version: c.version, name: '抢改' })).status).toBe(404);
      expect((await who.delete(`/api/v1/customers/${c.id}`)).status).toBe(404);
      expect((await who.patch(`/api/v1/contacts/${c.contact.id}`, { version: c.contact.version, name: '抢改' })).status).toBe(404);
      const add = await who.post('/api/v1/contacts', { customerId: c.id, name: '新人' });
      expect(add.status).toBe(400);
      expect(add.body.error.details[0].path).toBe('customerId');
    }
    expect((await org.as.east1.post(`/api/v1/customers/${c.id}/follow-ups`, { note: '跟进' })).status).toBe(404);
    expect((await org.as.east1.delete(`/api/v1/contacts/${c.contact.id}`)).status).toBe(404);
    const deal = await org.as.east1.post('/api/v1/opportunities', { name: '公海商机', customerId: c.id, amount: 100, expectedCloseDate: '2026-12-31' });
    expect(deal.status).toBe(400);
    expect((await org.admin.get(`/api/v1/customers/${c.id}`)).body).toMatchObject({ version: c.version, ownerId: null });
  });

  it('are changed after a claim', async () => {
    const c = await poolCustomer();
    const claimed = await org.as.east1.post(`/api/v1/customers/${c.id}/claim`);
    expect(claimed.status).toBe(200);
    expect(claimed.body.can.edit).toBe(true);
    expect((await org.as.east1.patch(`/api/v1/customers/${c.id}`, { version: claimed.body.version, name: '认领后改名有限公司' })).status).toBe(200);
    expect((await org.as.east1.patch(`/api/v1/contacts/${c.contact.id}`, { version: c.contact.version, name: '认领后' })).status).toBe(200);
  });

  it('are changed with the assign right', async () => {
    const c = await poolCustomer();
    const read = await org.as.manager.get(`/api/v1/customers/${c.id}`);
    expect(read.body.can.edit).toBe(true);
    expect((await org.as.manager.patch(`/api/v1/customers/${c.id}`, { version: c.version, name: '经理改名有限公司' })).status).toBe(200);
    expect((await org.as.manager.delete(`/api/v1/customers/${c.id}`)).status).toBe(204);
  });
});

describe('pool leads', () => {
  const lead = async () => (await org.admin.post('/api/v1/leads', { name: '公海线索', source: 'other', ownerId: null })).body as { id: number; version: number };

  it('are read but not changed, disqualified or deleted without a claim or the assign right', async () => {
    const l = await lead();
    for (const who of [org.as.east1, auditor]) {
      expect((await who.get(`/api/v1/leads/${l.id}`)).body.can).toMatchObject({ edit: false, delete: false });
      expect((await who.patch(`/api/v1/leads/${l.id}`, { version: l.version, name: '抢改' })).status).toBe(404);
      expect((await who.post(`/api/v1/leads/${l.id}/disqualify`, { version: l.version, reason: '无效' })).status).toBe(404);
      expect((await who.delete(`/api/v1/leads/${l.id}`)).status).toBe(404);
    }
    expect((await org.admin.get(`/api/v1/leads/${l.id}`)).body).toMatchObject({ version: l.version, status: 'new', ownerId: null });
  });

  it('are changed after a claim, or with the assign right', async () => {
    const l = await lead();
    const claimed = await org.as.east1.post(`/api/v1/leads/${l.id}/claim`);
    expect(claimed.status).toBe(200);
    expect((await org.as.east1.patch(`/api/v1/leads/${l.id}`, { version: claimed.body.version, name: '认领后' })).status).toBe(200);
    const other = await lead();
    expect((await org.as.marketer.patch(`/api/v1/leads/${other.id}`, { version: other.version, name: '市场改' })).status).toBe(200);
  });
});
