import type { Customer, HistoryEntry, ListResponse } from '@crm/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCustomer, createOrg, type Org } from '../../test/fixtures.js';
import { createTestApp, type Agent, type TestApp } from '../../test/harness.js';
import { runImport } from '../../test/imports.js';

let t: TestApp;
let org: Org;
let admin: Agent;

beforeAll(async () => {
  t = await createTestApp();
  org = await createOrg(t);
  admin = org.admin;
  for (const f of [
    { key: 'region_code', type: 'text', labelZh: '区域编码', labelEn: 'Region code' },
    { key: 'vip_level', type: 'number', labelZh: 'VIP 等级', labelEn: 'VIP level' },
  ]) {
    const res = await admin.post('/api/v1/custom-fields', { entity: 'customer', ...f });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
  }
}, 120_000);
afterAll(() => t.close());

const fullPerson = {
  gender: 'female',
  birthday: '1990-03-07',
  idCardNumber: '11010519491231002X',
  wechat: 'wang_fang',
  qq: '123456',
  employer: '杭州银行',
  jobTitle: '经理',
  annualIncome: 50_000_000,
  maritalStatus: 'married',
  health: '过敏体质',
  hobbies: '羽毛球',
} as const;

async function history(agent: Agent, id: number): Promise<HistoryEntry[]> {
  return (await agent.get<ListResponse<HistoryEntry>>(`/api/v1/customers/${id}/history`)).body.items;
}

describe('customers: a PATCH changes only what it sends', () => {
  it('person: one key sent, the other keys stay; the history records that one key only', async () => {
    const c = (await admin.post<Customer>('/api/v1/customers', buildCustomer({ kind: 'person', name: '王芳', category: 'retail', person: fullPerson }))).body;
    const res = await admin.patch<Customer>(`/api/v1/customers/${c.id}`, { version: c.version, person: { hobbies: '网球' } });
    expect(res.status).toBe(200);
    expect(res.body.person).toEqual({ ...fullPerson, hobbies: '网球' });
    const [latest] = await history(admin, c.id);
    expect(latest?.changes).toEqual([{ field: 'person.hobbies', old: '羽毛球', new: '网球' }]);
    // null clears one key, and only that one.
    const cleared = await admin.patch<Customer>(`/api/v1/customers/${c.id}`, { version: res.body.version, person: { qq: null } });
    const { qq: _qq, ...withoutQq } = fullPerson;
    expect(cleared.body.person).toEqual({ ...withoutQq, hobbies: '网球' });
  });

  it('organization and custom values: one key sent, the others stay', async () => {
    const c = (await admin.post<Customer>('/api/v1/customers', buildCustomer({
      organization: { creditCode: '91350100M000100Y43', legalRepresentative: '李雷', employees: 120, scale: 'medium', postcode: '310000' },
      custom: { region_code: 'HZ-01', vip_level: 3 },
    }))).body;
    const res = await admin.patch<Customer>(`/api/v1/customers/${c.id}`, { version: c.version, organization: { employees: 150 }, custom: { vip_level: 4 } });
    expect(res.status).toBe(200);
    expect(res.body.organization).toEqual({ creditCode: '91350100M000100Y43', legalRepresentative: '李雷', employees: 150, scale: 'medium', postcode: '310000' });
    expect(res.body.custom).toEqual({ region_code: 'HZ-01', vip_level: 4 });
    const [latest] = await history(admin, c.id);
    expect(latest?.changes).toEqual(expect.arrayContaining([{ field: 'organization.employees', old: 120, new: 150 }]));
    expect(latest?.changes?.map((ch) => ch.field).sort()).toEqual(['custom.vip_level', 'organization.employees']);
  });

  it('a masked sensitive value sent back unchanged never overwrites the stored one', async () => {
    // east1 (sales) may edit own customers but not see ID cards or health notes.
    const c = (await org.as.east1.post<Customer>('/api/v1/customers', buildCustomer({ kind: 'person', name: '赵敏', category: 'retail' }))).body;
    const seeded = await admin.patch<Customer>(`/api/v1/customers/${c.id}`, { version: c.version, person: fullPerson });
    expect(seeded.status).toBe(200);
    const masked = (await org.as.east1.get<Customer>(`/api/v1/customers/${c.id}`)).body;
    expect(masked.person.idCardNumber).toContain('*');
    // The whole section sent back as read (masked), with one real change.
    const res = await org.as.east1.patch<Customer>(`/api/v1/customers/${c.id}`, { version: masked.version, person: { ...masked.person, wechat: 'zhaomin' } });
    expect(res.status).toBe(200);
    const stored = (await admin.get<Customer>(`/api/v1/customers/${c.id}`)).body;
    expect(stored.person).toEqual({ ...fullPerson, wechat: 'zhaomin' });
    expect((await history(admin, c.id))[0]?.changes).toEqual([{ field: 'person.wechat', old: 'wang_fang', new: 'zhaomin' }]);
    // Without the right, a plain value is ignored too; with it, a masked one still means "unchanged".
    await org.as.east1.patch(`/api/v1/customers/${c.id}`, { version: stored.version, person: { idCardNumber: '110101199003074477', health: null } });
    const afterSales = (await admin.get<Customer>(`/api/v1/customers/${c.id}`)).body;
    expect(afterSales.person).toMatchObject({ idCardNumber: fullPerson.idCardNumber, health: fullPerson.health });
    const byAdmin = await admin.patch<Customer>(`/api/v1/customers/${c.id}`, { version: afterSales.version, person: { idCardNumber: '1101**********002X', hobbies: '游泳' } });
    expect(byAdmin.body.person).toMatchObject({ idCardNumber: fullPerson.idCardNumber, hobbies: '游泳' });
    expect((await history(admin, c.id))[0]?.changes).toEqual([{ field: 'person.hobbies', old: '羽毛球', new: '游泳' }]);
  });

  it('an import update with one person column leaves the other person fields alone', async () => {
    const c = (await admin.post<Customer>('/api/v1/customers', buildCustomer({ kind: 'person', name: '钱多多', category: 'retail', mobile: '13912345670', person: fullPerson }))).body;
    const csv = '客户名称,手机,爱好\n钱多多,13912345670,登山\n';
    const job = await runImport(t, admin, 'customers', 'hobbies.csv', csv, { duplicateMode: 'update', mapping: { '0': 'name', '1': 'mobile', '2': 'person.hobbies' } });
    expect(job).toMatchObject({ updated: 1, rejected: 0 });
    const after = (await admin.get<Customer>(`/api/v1/customers/${c.id}`)).body;
    expect(after.person).toEqual({ ...fullPerson, hobbies: '登山' });
    expect((await history(admin, c.id))[0]?.changes).toEqual([{ field: 'person.hobbies', old: '羽毛球', new: '登山' }]);
  });
});
