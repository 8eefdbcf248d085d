import type { UnreadablePhone } from '@crm/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unreadablePhoneList } from '@crm/contracts';
import { buildCustomer, createOrg, type Org } from '../../test/fixtures.js';
import { createTestApp, type Agent, type TestApp } from '../../test/harness.js';

/**
 * Numbers that cannot be read are listed on the data-quality page, within the caller's data scope.
 * They come from before numbers were checked: written here straight into the tables, as they were.
 */
let t: TestApp;
let org: Org;
const ids: Record<string, number> = {};

beforeAll(async () => {
  t = await createTestApp();
  org = await createOrg(t);
  const { db } = t.ctx;
  const customer = async (key: string, ownerId: number | null, values: { phone?: string; mobile?: string }) => {
    const res = await org.admin.post('/api/v1/customers', buildCustomer({ name: `${key}号码有限公司`, ownerId }));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    ids[key] = res.body.id;
    // The old shape: the value as typed, no E.164 form.
    await db.updateTable('customers').set({ phone: values.phone ?? null, mobile: values.mobile ?? null, phone_e164: null, mobile_e164: null }).where('id', '=', res.body.id).execute();
  };
  await customer('east1', org.ids.east1, { phone: '8888-666', mobile: '13800138000' });
  await customer('east2', org.ids.east2, { mobile: '1381234' });
  await customer('pool', null, { phone: '010-8888 6666' });
  await customer('north', org.ids.north1, { phone: 'n/a' });
  await customer('deleted', org.ids.east1, { phone: '123' });
  expect((await org.admin.delete(`/api/v1/customers/${ids.deleted}`)).status).toBe(204);
  // A readable number that was never given its E.164 form is not listed either: only ones that cannot be read.
  await db.updateTable('customers').set({ phone_e164: '+861088886666' }).where('id', '=', ids.pool ?? 0).execute();

  const contact = await org.admin.post('/api/v1/contacts', { customerId: ids.east2, name: '老联系人' });
  ids.contact = contact.body.id;
  await db.updateTable('contacts').set({ mobile: '138-0013', mobile_e164: null }).where('id', '=', contact.body.id).execute();

  const lead = async (key: string, ownerId: number | null, mobile: string) => {
    const res = await org.admin.post('/api/v1/leads', { name: `${key}线索`, source: 'exhibition', ownerId });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    ids[key] = res.body.id;
    await db.updateTable('leads').set({ mobile, mobile_e164: null }).where('id', '=', res.body.id).execute();
  };
  await lead('leadEast1', org.ids.east1, '139');
  await lead('leadNorth', org.ids.north1, '139 0000');
}, 120_000);
afterAll(() => t.close());

const list = async (agent: Agent, query = '') => {
  const res = await agent.get(`/api/v1/data-quality/unreadable-phones${query}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return unreadablePhoneList.parse(res.body);
};
const summary = (items: UnreadablePhone[]) => items.map((i) => `${i.recordType}:${i.name}:${i.field}:${i.value}`).sort();

describe('phone numbers that cannot be read', () => {
  it('lists the record, the field and the value as typed, for customers, contacts and leads', async () => {
    const all = await list(org.admin);
    expect(summary(all.items)).toEqual([
      'contact:老联系人:mobile:138-0013',
      'customer:east1号码有限公司:mobile:13800138000',
      'customer:east1号码有限公司:phone:8888-666',
      'customer:east2号码有限公司:mobile:1381234',
      'customer:north号码有限公司:phone:n/a',
      'lead:leadEast1线索:mobile:139',
      'lead:leadNorth线索:mobile:139 0000',
    ]);
    expect(all.total).toBe(7);
    const contact = all.items.find((i) => i.recordType === 'contact');
    expect(contact).toMatchObject({ recordId: ids.contact, customerId: ids.east2, customerName: 'east2号码有限公司' });
    // Never destroyed: the stored values are untouched.
    const row = await t.ctx.db.selectFrom('customers').select(['phone', 'mobile']).where('id', '=', ids.east1 ?? 0).executeTakeFirstOrThrow();
    expect(row).toEqual({ phone: '8888-666', mobile: '13800138000' });
  });

  it('keeps to the caller\'s data scope, and shows leads only to those who see leads', async () => {
    expect(summary((await list(org.as.east1)).items)).toEqual([
      'customer:east1号码有限公司:mobile:13800138000',
      'customer:east1号码有限公司:phone:8888-666',
      'lead:leadEast1线索:mobile:139',
    ]);
    expect(summary((await list(org.as.eastLead)).items)).toEqual([
      'contact:老联系人:mobile:138-0013',
      'customer:east1号码有限公司:mobile:13800138000',
      'customer:east1号码有限公司:phone:8888-666',
      'customer:east2号码有限公司:mobile:1381234',
    ]);
    const agent = await list(org.as.agent);
    expect(agent.items.some((i) => i.recordType === 'lead')).toBe(false);
    expect(agent.total).toBe(5);
  });

  it('pages through all of them', async () => {
    const seen: UnreadablePhone[] = [];
    for (let page = 1; page <= 4; page++) {
      const res = await list(org.admin, `?page=${page}&pageSize=2`);
      expect(res.total).toBe(7);
      seen.push(...res.items);
    }
    expect(summary(seen)).toEqual(summary((await list(org.admin)).items));
  });

  it('drops a number once it is corrected', async () => {
    const before = await org.admin.get(`/api/v1/customers/${ids.east2}`);
    const fixed = await org.admin.patch(`/api/v1/customers/${ids.east2}`, { mobile: '138 1234 5678', version: before.body.version });
    expect(fixed.status, JSON.stringify(fixed.body)).toBe(200);
    expect(summary((await list(org.admin)).items)).not.toContain('customer:east2号码有限公司:mobile:1381234');
  });
});
