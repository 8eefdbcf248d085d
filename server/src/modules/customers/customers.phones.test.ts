import type { ErrorAnswer } from '../../test/harness.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCustomer, createOrg, type Org } from '../../test/fixtures.js';
import { createTestApp, errorAt, type TestApp } from '../../test/harness.js';
import { runImport } from '../../test/imports.js';

/** Phone numbers: what a mobile and a phone field take, their E.164 form, search and duplicate check in every shape. */
let t: TestApp;
let org: Org;

beforeAll(async () => {
  t = await createTestApp();
  org = await createOrg(t);
}, 120_000);
afterAll(() => t.close());

const shapes = ['+86 13224942644', '8613224942644', '008613224942644', '132 2494 2644', '132-2494-2644', '13224942644'];

describe('phone validation', () => {
  // [value, accepted as a mobile, accepted as a phone]
  const table: Array<[string, boolean, boolean]> = [
    ['13812345678', true, true],
    ['+86 138 1234 5678', true, true],
    ['0086 138-1234-5678', true, true],
    ['19912345678', true, true],
    ['1381234', false, false],
    ['23800138000', false, false],
    ['12012345678', false, false],
    ['010-8888 6666', false, true],
    ['0755 2345 6789', false, true],
    ['021-12345678-123', false, true],
    ['021-12345678转123', false, true],
    ['(010)88886666', false, true],
    ['88886666', false, false],
    ['021-1234567', false, false],
    ['+1 650 253 0000', true, true],
    ['+44 20 7946 0958', false, true],
    ['+44 7911 123456', true, true],
    ['+44 123', false, false],
    ['call me', false, false],
  ];
  it.each(table)('%s: mobile %s, phone %s', async (value, asMobile, asPhone) => {
    const res = await org.admin.post('/api/v1/customers', buildCustomer({ mobile: value, phone: value }));
    if (asMobile && asPhone) {
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return;
    }
    expect(res.status).toBe(400);
    const answer = res.body as ErrorAnswer;
    expect(errorAt({ body: answer }, 'mobile') !== undefined).toBe(!asMobile);
    expect(errorAt({ body: answer }, 'phone') !== undefined).toBe(!asPhone);
  });

  it('says what is wrong, in the caller\'s language', async () => {
    const zh = await t.login(undefined, undefined, 'zh-CN');
    const bad = await zh.post('/api/v1/customers', buildCustomer({ mobile: '1381234', phone: '88886666' }));
    expect(bad.status).toBe(400);
    expect(errorAt(bad, 'mobile')).toBe('手机号应为 11 位，以 13-19 开头（国外手机号请以 + 和国家代码开头）。');
    expect(errorAt(bad, 'phone')).toContain('固定电话须带区号');
    const landline = await org.admin.post('/api/v1/customers', buildCustomer({ mobile: '010-8888 6666' }));
    expect(errorAt(landline, 'mobile')).toBe('This is a landline number: enter it as the phone. A China mobile number has 11 digits and starts with 13 to 19.');
    const foreign = await org.admin.post('/api/v1/contacts', { customerId: 1, name: 'X', phone: '+44 123' });
    expect(errorAt(foreign, 'phone')).toContain('does not fit its country');
    const letters = await org.admin.post('/api/v1/leads', { kind: 'person', name: '线索', source: 'exhibition', mobile: 'call me' });
    expect(errorAt(letters, 'mobile')).toContain('only digits');
  });

  it('keeps what the user typed (trimmed) as the display value', async () => {
    const res = await org.admin.post('/api/v1/customers', buildCustomer({ phone: '  010-8888 6666 ', mobile: '+86 139 0000 1111' }));
    expect(res.status).toBe(201);
    expect(res.body.phone).toBe('010-8888 6666');
    expect(res.body.mobile).toBe('+86 139 0000 1111');
    const row = await t.ctx.db.selectFrom('customers').select(['phone_e164', 'mobile_e164']).where('id', '=', res.body.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ phone_e164: '+861088886666', mobile_e164: '+8613900001111' });
  });
});

describe('one number in every shape', () => {
  let customerId: number;
  let contactCustomerId: number;
  let contactId: number;
  let leadId: number;
  let landlineId: number;

  beforeAll(async () => {
    customerId = (await org.admin.post('/api/v1/customers', buildCustomer({ name: '形状测试有限公司', mobile: '132 2494 2644' }))).body.id;
    contactCustomerId = (await org.admin.post('/api/v1/customers', buildCustomer({ name: '联系人号码有限公司' }))).body.id;
    const contact = await org.admin.post('/api/v1/contacts', { customerId: contactCustomerId, name: '钱七', mobile: '+86 135-5555-6666', phone: '0755 2345 6789' });
    expect(contact.status, JSON.stringify(contact.body)).toBe(201);
    contactId = contact.body.id;
    const lead = await org.admin.post('/api/v1/leads', { kind: 'person', name: '号码线索', source: 'exhibition', mobile: '8613224942644', ownerId: org.ids.east1 });
    expect(lead.status, JSON.stringify(lead.body)).toBe(201);
    leadId = lead.body.id;
    landlineId = (await org.admin.post('/api/v1/customers', buildCustomer({ name: '座机测试有限公司', phone: '(010) 6666-8888' }))).body.id;
  });

  it('stores E.164 beside the display form for contacts and leads', async () => {
    const contact = await t.ctx.db.selectFrom('contacts').select(['mobile', 'mobile_e164', 'phone_e164']).where('id', '=', contactId).executeTakeFirstOrThrow();
    expect(contact).toEqual({ mobile: '+86 135-5555-6666', mobile_e164: '+8613555556666', phone_e164: '+8675523456789' });
    const lead = await t.ctx.db.selectFrom('leads').select(['mobile', 'mobile_e164']).where('id', '=', leadId).executeTakeFirstOrThrow();
    expect(lead).toEqual({ mobile: '8613224942644', mobile_e164: '+8613224942644' });
    const keys = await t.ctx.db.selectFrom('dedupe_keys').select('key').where('customer_id', '=', customerId).execute();
    expect(keys.map((k) => k.key)).toContain('p:+8613224942644');
  });

  it.each(shapes)('customer search finds %s', async (shape) => {
    const res = await org.admin.get(`/api/v1/customers?q=${encodeURIComponent(shape)}`);
    expect(res.status).toBe(200);
    expect(res.body.items.map((c: { id: number }) => c.id)).toEqual([customerId]);
  });

  it('customer search finds a landline with or without +86 and the area code zero, and a contact\'s number', async () => {
    for (const shape of ['010-6666 8888', '+86 10 6666 8888', '01066668888', '861066668888']) {
      const res = await org.admin.get(`/api/v1/customers?q=${encodeURIComponent(shape)}`);
      expect(res.body.items.map((c: { id: number }) => c.id), shape).toEqual([landlineId]);
    }
    for (const shape of ['13555556666', '+86 135 5555 6666', '0086-135-5555-6666']) {
      const res = await org.admin.get(`/api/v1/customers?q=${encodeURIComponent(shape)}`);
      expect(res.body.items.map((c: { id: number }) => c.id), shape).toEqual([contactCustomerId]);
    }
  });

  it.each(['+86 13555556666', '8613555556666', '008613555556666', '135 5555 6666', '135-5555-6666'])('contact search finds %s', async (shape) => {
    const res = await org.admin.get(`/api/v1/contacts?q=${encodeURIComponent(shape)}`);
    expect(res.status).toBe(200);
    expect(res.body.items.map((c: { id: number }) => c.id)).toEqual([contactId]);
  });

  it.each(shapes)('lead search finds %s', async (shape) => {
    const res = await org.admin.get(`/api/v1/leads?q=${encodeURIComponent(shape)}`);
    expect(res.status).toBe(200);
    expect(res.body.items.map((l: { id: number }) => l.id)).toEqual([leadId]);
  });

  it.each(shapes)('customer duplicate check finds %s', async (shape) => {
    const res = await org.admin.post('/api/v1/customers/duplicate-check', { kind: 'person', name: '某人', phone: shape });
    expect(res.status).toBe(200);
    expect(res.body.matches).toEqual([expect.objectContaining({ id: customerId, matchedOn: ['phone'] })]);
  });

  it('customer duplicate check finds a contact\'s landline written another way', async () => {
    const res = await org.admin.post('/api/v1/customers/duplicate-check', { kind: 'person', name: '某人', contacts: [{ phone: '+86 755 2345 6789' }] });
    expect(res.body.matches).toEqual([expect.objectContaining({ id: contactCustomerId, matchedOn: ['phone'] })]);
  });

  it.each(shapes)('lead duplicate check finds the lead and the customer for %s', async (shape) => {
    const res = await org.admin.post('/api/v1/leads/duplicate-check', { mobile: shape });
    expect(res.status).toBe(200);
    const found = (res.body.matches as Array<{ type: string; id: number }>).map((m) => `${m.type}:${m.id}`).sort();
    expect(found).toEqual([`customer:${customerId}`, `lead:${leadId}`].sort());
  });

  it('editing a number updates its E.164 form and keys', async () => {
    const before = await org.admin.get(`/api/v1/customers/${landlineId}`);
    const res = await org.admin.patch(`/api/v1/customers/${landlineId}`, { phone: '021-12345678-123', version: before.body.version });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const row = await t.ctx.db.selectFrom('customers').select(['phone', 'phone_e164']).where('id', '=', landlineId).executeTakeFirstOrThrow();
    expect(row).toEqual({ phone: '021-12345678-123', phone_e164: '+862112345678' });
    const keys = await t.ctx.db.selectFrom('dedupe_keys').select('key').where('customer_id', '=', landlineId).where('key', 'like', 'p:%').execute();
    expect(keys.map((k) => k.key)).toEqual(['p:+862112345678']);
    const found = await org.admin.get(`/api/v1/customers?q=${encodeURIComponent('+86 21 1234 5678')}`);
    expect(found.body.items.map((c: { id: number }) => c.id)).toEqual([landlineId]);
  });

  it('an import matches the stored number in another shape: skipped, not created again', async () => {
    const csv = '客户名称,手机,电话\n形状导入客户,0086-132-2494-2644,\n座机导入客户,,+86 21 1234 5678\n';
    const job = await runImport(t, org.admin, 'customers', 'phones.csv', csv, { duplicateMode: 'skip' });
    expect(job).toMatchObject({ created: 0, skipped: 2, rejected: 0 });
    const found = await org.admin.get(`/api/v1/customers?q=${encodeURIComponent('形状导入客户')}`);
    expect(found.body.total).toBe(0);
  });
});
