import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCustomer } from '../../test/fixtures.js';
import { createTestApp, type Agent, type TestApp } from '../../test/harness.js';

let t: TestApp;
let admin: Agent;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login();
});
afterAll(() => t.close());

describe('contacts', () => {
  it('belong to organisations, keep one primary contact, and make their customer findable', async () => {
    const org = (await admin.post('/api/v1/customers', buildCustomer({ name: '宁波博创机械有限公司' }))).body;
    const a = await admin.post('/api/v1/contacts', { customerId: org.id, name: '欧阳娜娜', mobile: '13912345678', isPrimary: true });
    expect(a.status).toBe(201);
    expect(a.body.customerName).toBe('宁波博创机械有限公司');
    const b = (await admin.post('/api/v1/contacts', { customerId: org.id, name: 'Lukas Müller', email: 'lukas@example.de', isPrimary: true })).body;
    const list = (await admin.get(`/api/v1/contacts?customerId=${org.id}`)).body;
    expect(list.items.filter((c: { isPrimary: boolean }) => c.isPrimary).map((c: { id: number }) => c.id)).toEqual([b.id]);
    expect((await admin.get(`/api/v1/customers/${org.id}`)).body.contactCount).toBe(2);
    const byContact = await admin.get(`/api/v1/customers?q=${encodeURIComponent('欧阳')}`);
    expect(byContact.body.items.map((c: { id: number }) => c.id)).toEqual([org.id]);
    expect((await admin.get('/api/v1/customers?q=12345678')).body.total).toBe(1);
    expect((await admin.get('/api/v1/customers?q=m%C3%BCller')).body.total).toBe(1);

    const person = (await admin.post('/api/v1/customers', buildCustomer({ kind: 'person', name: '个人', category: 'retail' }))).body;
    const refused = await admin.post('/api/v1/contacts', { customerId: person.id, name: 'x' });
    expect(refused.status).toBe(400);
    expect(refused.body.error.details[0].path).toBe('customerId');
  });

  it('edits with a version check and show in the customer history', async () => {
    const org = (await admin.post('/api/v1/customers', buildCustomer())).body;
    const c = (await admin.post('/api/v1/contacts', { customerId: org.id, name: '周杰' })).body;
    const ok = await admin.patch(`/api/v1/contacts/${c.id}`, { version: 1, title: '采购经理' });
    expect(ok.body.version).toBe(2);
    const stale = await admin.patch(`/api/v1/contacts/${c.id}`, { version: 1, title: '总经理' });
    expect(stale.status).toBe(409);
    expect(stale.body.error.current.title).toBe('采购经理');
    const history = (await admin.get(`/api/v1/customers/${org.id}/history`)).body.items;
    expect(history[0]).toMatchObject({ entityType: 'contact', label: '周杰', action: 'update', changes: [{ field: 'title', old: null, new: '采购经理' }] });
  });

  it('deleted contacts go to the recycle bin; a contact of a deleted customer is restored after it', async () => {
    const org = (await admin.post('/api/v1/customers', buildCustomer({ name: '回收站公司' }))).body;
    const c = (await admin.post('/api/v1/contacts', { customerId: org.id, name: '钱多多' })).body;
    await admin.delete(`/api/v1/contacts/${c.id}`);
    expect((await admin.get(`/api/v1/customers?q=${encodeURIComponent('钱多多')}`)).body.total).toBe(0);
    expect((await admin.get(`/api/v1/customers/${org.id}`)).body.contactCount).toBe(0);
    const bin = (await admin.get('/api/v1/recycle-bin?type=contact')).body.items;
    expect(bin).toEqual(expect.arrayContaining([expect.objectContaining({ id: c.id, parentName: '回收站公司' })]));
    await admin.delete(`/api/v1/customers/${org.id}`);
    expect((await admin.post(`/api/v1/recycle-bin/contact/${c.id}/restore`)).status).toBe(409);
    await admin.post(`/api/v1/recycle-bin/customer/${org.id}/restore`);
    expect((await admin.post(`/api/v1/recycle-bin/contact/${c.id}/restore`)).status).toBe(204);
    expect((await admin.get(`/api/v1/customers?q=${encodeURIComponent('钱多多')}`)).body.total).toBe(1);
    await admin.delete(`/api/v1/customers/${org.id}`);
    expect((await admin.delete(`/api/v1/recycle-bin/customer/${org.id}`)).status).toBe(204);
    expect((await admin.get(`/api/v1/contacts/${c.id}`)).status).toBe(404);
  });
});
