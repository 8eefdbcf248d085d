import type { LeadCreate } from '@crm/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCustomer, createOrg, type Org } from '../../test/fixtures.js';
import { createTestApp, type Agent, type TestApp } from '../../test/harness.js';

/** Lead conversion (customer new or existing, contact, opportunity) and the duplicate check. */
let t: TestApp;
let org: Org;

beforeAll(async () => {
  t = await createTestApp();
  org = await createOrg(t);
}, 120_000);
afterAll(() => t.close());

async function create(body: Partial<LeadCreate>, as: Agent = org.admin) {
  const res = await as.post('/api/v1/leads', { name: '转化线索', source: 'exhibition', ownerId: null, ...body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}
const customerCount = async () => Number((await t.ctx.db.selectFrom('customers').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

describe('conversion', () => {
  it('into a new organisation customer with a contact and an opportunity: source, region and details carry over; links and timeline', async () => {
    const lead = await create({
      kind: 'organization', name: '陈经理', company: '杭州西湖茶业有限公司', jobTitle: '采购经理', mobile: '13800138000', phone: '0571-88886666', email: 'chen@tea.example.com',
      wechat: 'chen_tea', province: '浙江', city: '杭州', district: '西湖区', address: '龙井路 1 号', industry: '制造业', ownerId: org.ids.east1,
    });
    await org.admin.patch(`/api/v1/leads/${lead.id}`, { version: 1, status: 'qualified', manMoney: true, manAuthority: true, manNeed: true });
    const res = await org.as.east1.post(`/api/v1/leads/${lead.id}/convert`, {
      version: 2, customer: { mode: 'new' },
      opportunity: { name: '年度茶叶采购', amount: 12_000_000, expectedCloseDate: '2027-03-31' },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const { customerId, contactId, opportunityId } = res.body;
    expect(contactId).toEqual(expect.any(Number));
    expect(opportunityId).toEqual(expect.any(Number));
    expect(res.body.lead).toMatchObject({
      status: 'converted', convertedCustomerId: customerId, convertedContactId: contactId, convertedOpportunityId: opportunityId,
      convertedAt: expect.any(String), version: 3, can: { convert: false },
    });

    const customer = (await org.as.east1.get(`/api/v1/customers/${customerId}`)).body;
    expect(customer).toMatchObject({
      kind: 'organization', name: '杭州西湖茶业有限公司', source: 'exhibition', province: '浙江', city: '杭州', district: '西湖区', address: '龙井路 1 号',
      industry: 'manufacturing', phone: '0571-88886666', mobile: '13800138000', email: 'chen@tea.example.com', ownerId: org.ids.east1, contactCount: 1,
    });
    const contact = (await org.as.east1.get(`/api/v1/contacts/${contactId}`)).body;
    expect(contact).toMatchObject({ customerId, name: '陈经理', title: '采购经理', mobile: '13800138000', email: 'chen@tea.example.com', wechat: 'chen_tea', isPrimary: true });

    const deal = await t.ctx.db.selectFrom('opportunities').selectAll().where('id', '=', opportunityId).executeTakeFirstOrThrow();
    expect(deal).toMatchObject({ name: '年度茶叶采购', customer_id: customerId, owner_id: org.ids.east1, source: 'exhibition', lead_id: lead.id, currency: 'CNY', expected_close_date: '2027-03-31' });
    expect(Number(deal.amount)).toBe(12_000_000);

    const timeline = (await org.as.east1.get(`/api/v1/customers/${customerId}/history?pageSize=100`)).body.items as Array<{ entityType: string; entityId: number; action: string }>;
    expect(timeline).toEqual(expect.arrayContaining([
      expect.objectContaining({ entityType: 'lead', entityId: lead.id, action: 'convert' }),
      expect.objectContaining({ entityType: 'customer', entityId: customerId, action: 'create' }),
    ]));
    const leadHistory = (await org.admin.get(`/api/v1/leads/${lead.id}/history`)).body.items;
    expect(leadHistory[0]).toMatchObject({ action: 'convert', changes: [
      { field: 'status', old: 'qualified', new: 'converted' }, { field: 'customerId', old: null, new: customerId },
      { field: 'contactId', old: null, new: contactId }, { field: 'opportunityId', old: null, new: opportunityId },
    ] });

    // Done once: not again, and its status stays.
    const again = await org.as.east1.post(`/api/v1/leads/${lead.id}/convert`, { version: 3, customer: { mode: 'new' } });
    expect(again.status).toBe(400);
    expect(again.body.error.message).toBe('Only a new, contacting or qualified lead can be converted.');
    const back = await org.admin.patch(`/api/v1/leads/${lead.id}`, { version: 3, status: 'qualified' });
    expect(back.status).toBe(400);
    expect(back.body.error.details).toEqual([{ path: 'status', message: 'A converted lead keeps its status.' }]);
    expect((await org.admin.patch(`/api/v1/leads/${lead.id}`, { version: 3, notes: '已成交' })).status).toBe(200);
    expect((await org.as.east1.post(`/api/v1/leads/${lead.id}/release`)).status).toBe(400);
  });

  it('into an existing customer in scope (a contact added, no opportunity); outside scope it is 404 and nothing changes', async () => {
    const mine = (await org.as.east1.post('/api/v1/customers', buildCustomer({ name: '已有客户甲' }))).body;
    const theirs = (await org.admin.post('/api/v1/customers', buildCustomer({ name: '华北客户', ownerId: org.ids.north1 }))).body;
    const lead = await create({ name: '新联系人', mobile: '13700001111', source: 'seminar', ownerId: org.ids.east1 });
    const before = await customerCount();

    const outside = await org.as.east1.post(`/api/v1/leads/${lead.id}/convert`, { version: 1, customer: { mode: 'existing', customerId: theirs.id } });
    expect(outside.status).toBe(404);
    expect((await org.admin.get(`/api/v1/leads/${lead.id}`)).body).toMatchObject({ status: 'new', version: 1 });

    const res = await org.as.east1.post(`/api/v1/leads/${lead.id}/convert`, { version: 1, customer: { mode: 'existing', customerId: mine.id } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ customerId: mine.id, opportunityId: null, lead: { status: 'converted', convertedCustomerId: mine.id } });
    expect(await customerCount()).toBe(before);
    const customer = (await org.as.east1.get(`/api/v1/customers/${mine.id}`)).body;
    expect(customer).toMatchObject({ contactCount: 1, source: null });
    const contacts = (await org.as.east1.get(`/api/v1/contacts?customerId=${mine.id}`)).body.items;
    expect(contacts).toEqual([expect.objectContaining({ id: res.body.contactId, name: '新联系人', mobile: '13700001111', isPrimary: false })]);
    const timeline = (await org.as.east1.get(`/api/v1/customers/${mine.id}/history?actions=convert`)).body.items;
    expect(timeline).toEqual([expect.objectContaining({ entityType: 'lead', entityId: lead.id, action: 'convert', label: '新联系人' })]);
  });

  it('a person lead becomes a person customer without a contact; a pool lead goes to the converter', async () => {
    const lead = await create({ kind: 'person', name: '王女士', gender: 'female', mobile: '13600002222', company: '个体', jobTitle: '店主', annualIncome: 30_000_000 });
    const res = await org.as.east2.post(`/api/v1/leads/${lead.id}/convert`, { version: 1, customer: { mode: 'new' } });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.contactId).toBeNull();
    expect(res.body.lead).toMatchObject({ ownerId: org.ids.east2, status: 'converted' });
    const customer = (await org.as.east2.get(`/api/v1/customers/${res.body.customerId}`)).body;
    expect(customer).toMatchObject({ kind: 'person', name: '王女士', ownerId: org.ids.east2, mobile: '13600002222', contactCount: 0, source: 'exhibition' });
    expect(customer.person).toMatchObject({ gender: 'female', employer: '个体', jobTitle: '店主', annualIncome: 30_000_000 });
  });

  it('the customer can be named and typed; a bad opportunity rolls everything back with fields under opportunity', async () => {
    const lead = await create({ kind: 'person', name: '李总', company: '李氏贸易' });
    const before = await customerCount();
    const bad = await org.admin.post(`/api/v1/leads/${lead.id}/convert`, {
      version: 1, customer: { mode: 'new', kind: 'organization', name: '李氏贸易有限公司' },
      opportunity: { name: '首单', amount: 100, expectedCloseDate: '2027-01-31', stageId: 999999 },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((d: { path: string }) => d.path)).toEqual(['opportunity.stageId']);
    expect(await customerCount()).toBe(before);
    expect((await org.admin.get(`/api/v1/leads/${lead.id}`)).body.status).toBe('new');

    const ok = await org.admin.post(`/api/v1/leads/${lead.id}/convert`, { version: 1, customer: { mode: 'new', kind: 'organization', name: '李氏贸易有限公司' } });
    expect(ok.status).toBe(200);
    const customer = (await org.admin.get(`/api/v1/customers/${ok.body.customerId}`)).body;
    expect(customer).toMatchObject({ kind: 'organization', name: '李氏贸易有限公司', ownerId: 1 });
    expect(ok.body.contactId).toEqual(expect.any(Number));
  });

  it('disqualified leads do not convert; a stale version is 409', async () => {
    const lead = await create({});
    expect((await org.admin.post(`/api/v1/leads/${lead.id}/convert`, { version: 9, customer: { mode: 'new' } })).status).toBe(409);
    await org.admin.post(`/api/v1/leads/${lead.id}/disqualify`, { reason: '无需求', version: 1 });
    const res = await org.admin.post(`/api/v1/leads/${lead.id}/convert`, { version: 2, customer: { mode: 'new' } });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('BAD_REQUEST');
  });
});

describe('duplicate check', () => {
  it('finds leads and customers by phone, email and organisation name; outside the scope only the owner', async () => {
    const lead = await create({ name: '重复甲', company: '苏州丝绸股份有限公司', mobile: '13512345678', email: 'dup@silk.example.com', ownerId: org.ids.east1 });
    const customer = (await org.admin.post('/api/v1/customers', buildCustomer({ name: '苏州丝绸有限公司', phone: '+86 135 1234 5678', ownerId: org.ids.north1 }))).body;
    const body = { name: '新线索', company: '苏州丝绸', mobile: '135-1234-5678', email: 'DUP@silk.example.com' };

    const admin = (await org.admin.post('/api/v1/leads/duplicate-check', body)).body.matches;
    expect(admin).toEqual([
      { type: 'lead', id: lead.id, name: '重复甲 (苏州丝绸股份有限公司)', ownerName: '张伟', matchedOn: ['phone', 'email', 'name'], visible: true },
      { type: 'customer', id: customer.id, name: '苏州丝绸有限公司', ownerName: 'Emma Smith', matchedOn: ['phone', 'name'], visible: true },
    ]);
    const east2 = (await org.as.east2.post('/api/v1/leads/duplicate-check', body)).body.matches;
    expect(east2).toEqual([
      { type: 'lead', ownerName: '张伟', matchedOn: ['phone', 'email', 'name'], visible: false },
      { type: 'customer', ownerName: 'Emma Smith', matchedOn: ['phone', 'name'], visible: false },
    ]);
    const east1 = (await org.as.east1.post('/api/v1/leads/duplicate-check', { ...body, excludeLeadId: lead.id })).body.matches;
    expect(east1).toEqual([expect.objectContaining({ type: 'customer', visible: false })]);
    expect((await org.admin.post('/api/v1/leads/duplicate-check', { name: '张三' })).body.matches).toEqual([]);
    expect((await org.admin.post('/api/v1/leads/duplicate-check', {})).body.matches).toEqual([]);
    // Creating stays allowed.
    expect((await org.admin.post('/api/v1/leads', { ...body, source: 'other' })).status).toBe(201);
  });
});
