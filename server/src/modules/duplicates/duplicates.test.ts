import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCustomer, createOrg, type Org } from '../../test/fixtures.js';
import { createTestApp, type TestApp } from '../../test/harness.js';

let t: TestApp;
let org: Org;

beforeAll(async () => {
  t = await createTestApp();
  org = await createOrg(t);
}, 120_000);
afterAll(() => t.close());

const create = async (overrides: Parameters<typeof buildCustomer>[0]) => {
  const res = await org.admin.post('/api/v1/customers', buildCustomer(overrides));
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: number; archiveNo: string; version: number; name: string };
};
const check = (who: keyof Org['as'] | 'admin', body: unknown) => (who === 'admin' ? org.admin : org.as[who]).post('/api/v1/customers/duplicate-check', body);

describe('duplicate check', () => {
  let huawei: { id: number; archiveNo: string };
  let acme: { id: number };
  let withContact: { id: number };

  beforeAll(async () => {
    huawei = await create({ name: '华为技术有限公司', phone: '+86 138 0013 8000', email: 'Info@Huawei.example', ownerId: org.ids.east1 });
    acme = await create({ name: 'Acme Co., Ltd.', ownerId: null });
    withContact = await create({ name: '联系人查重客户有限公司', ownerId: org.ids.north1 });
    await org.admin.post('/api/v1/contacts', { customerId: withContact.id, name: '王五', mobile: '139 1234 5678', email: 'Wang.Wu@Example.com' });
    await create({ kind: 'person', name: '张三', category: 'retail', mobile: '186-0000-1111', ownerId: null });
  });

  it('finds organisations by name without their legal-form suffix, in Chinese and in English', async () => {
    const zh = await check('admin', { kind: 'organization', name: '华为技术股份有限公司' });
    expect(zh.status).toBe(200);
    expect(zh.body.matches).toEqual([{ visible: true, id: huawei.id, archiveNo: huawei.archiveNo, name: '华为技术有限公司', ownerName: '张伟', matchedOn: ['name'] }]);
    const en = await check('admin', { name: 'ACME Inc' });
    expect(en.body.matches.map((m: { id: number }) => m.id)).toEqual([acme.id]);
    expect((await check('admin', { name: '华为终端有限公司' })).body.matches).toEqual([]);
  });

  it('finds phone numbers written with +86, 0086, spaces and dashes, and emails in another case', async () => {
    for (const phone of ['13800138000', '+8613800138000', '0086 138-0013-8000', '138 0013 8000']) {
      const res = await check('admin', { mobile: phone });
      expect(res.body.matches, phone).toEqual([expect.objectContaining({ id: huawei.id, matchedOn: ['phone'] })]);
    }
    const email = await check('admin', { email: 'INFO@huawei.EXAMPLE' });
    expect(email.body.matches).toEqual([expect.objectContaining({ id: huawei.id, matchedOn: ['email'] })]);
    const both = await check('admin', { name: '华为技术', phone: '+86 13800138000', email: 'info@huawei.example' });
    expect(both.body.matches[0].matchedOn).toEqual(['phone', 'email', 'name']);
  });

  it("matches a contact's phone or email against customers, and a new contact against stored customers", async () => {
    const byContactPhone = await check('admin', { phone: '+86 139-1234-5678' });
    expect(byContactPhone.body.matches).toEqual([expect.objectContaining({ id: withContact.id, matchedOn: ['phone'] })]);
    const byContactEmail = await check('admin', { contacts: [{ email: 'wang.wu@example.COM' }] });
    expect(byContactEmail.body.matches).toEqual([expect.objectContaining({ id: withContact.id, matchedOn: ['email'] })]);
    const newContact = await check('admin', { name: '别的公司', contacts: [{ mobile: '13800138000' }] });
    expect(newContact.body.matches).toEqual([expect.objectContaining({ id: huawei.id })]);
  });

  it('matches people by phone and email only, and leaves out the record being edited', async () => {
    expect((await check('admin', { kind: 'person', name: '张三' })).body.matches).toEqual([]);
    expect((await check('admin', { kind: 'organization', name: '张三' })).body.matches).toEqual([]);
    expect((await check('admin', { kind: 'person', mobile: '18600001111' })).body.matches).toHaveLength(1);
    expect((await check('admin', { name: '华为技术', excludeId: huawei.id })).body.matches).toEqual([]);
  });

  it('shows records the user may not see by owner only, so two people do not chase one customer', async () => {
    const hidden = await check('east2', { name: '华为技术有限公司' });
    expect(hidden.status).toBe(200);
    expect(hidden.body.matches).toEqual([{ visible: false, ownerName: '张伟', matchedOn: ['name'] }]);
    expect(hidden.body.matches[0]).not.toHaveProperty('id');
    expect(hidden.body.matches[0]).not.toHaveProperty('archiveNo');
    const own = await check('east1', { name: '华为技术有限公司' });
    expect(own.body.matches[0]).toMatchObject({ visible: true, id: huawei.id });
    // The public pool is visible to everyone.
    const pool = await check('east2', { name: 'ACME Inc' });
    expect(pool.body.matches).toEqual([expect.objectContaining({ visible: true, id: acme.id, ownerName: null })]);
  });

  it('forgets deleted customers', async () => {
    const gone = await create({ name: '已删除查重有限公司' });
    await org.admin.delete(`/api/v1/customers/${gone.id}`);
    expect((await check('admin', { name: '已删除查重' })).body.matches).toEqual([]);
  });
});

describe('merge', () => {
  async function scenario(ownerId: number) {
    const survivor = await create({ name: '合并主客户有限公司', industry: 'manufacturing', tags: ['重点'], ownerId, organization: { creditCode: '91350100M000100Y43' } });
    const other = await create({ name: '合并主客户股份有限公司', phone: '021-55550000', industry: 'wholesale_retail', tags: ['展会'], ownerId, organization: { employees: 50 } });
    const third = await create({ name: '合并第三有限公司', email: 'third@merge.example', website: 'merge.example', ownerId: null });
    const contact = async (customerId: number, name: string, mobile?: string) =>
      (await org.admin.post('/api/v1/contacts', { customerId, name, ...(mobile ? { mobile } : {}) })).body as { id: number; version: number };
    await contact(survivor.id, '主联系人');
    const moved = await contact(other.id, '被合并联系人甲', '13700001111');
    await contact(other.id, '被合并联系人乙');
    await contact(third.id, '第三联系人');
    await org.admin.patch(`/api/v1/contacts/${moved.id}`, { version: moved.version, title: '采购经理' });
    await org.admin.patch(`/api/v1/customers/${other.id}`, { version: 1, notes: '被合并前的备注' });
    return { survivor, other, third };
  }

  it('keeps every contact and history entry, takes the chosen values, and is traceable from both ids', async () => {
    const { survivor, other, third } = await scenario(org.ids.east1);
    const totalBefore = (await org.admin.get('/api/v1/customers')).body.total;
    const historyBefore = [survivor, other, third].map(async (c) => (await org.admin.get(`/api/v1/customers/${c.id}/history?pageSize=200`)).body.total as number);
    const entriesBefore = (await Promise.all(historyBefore)).reduce((a, b) => a + b, 0);

    const res = await org.as.manager.post('/api/v1/customers/merge', {
      survivorId: survivor.id,
      mergedIds: [other.id, third.id],
      fields: { industry: other.id, notes: other.id, 'organization.creditCode': survivor.id },
      version: survivor.version,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const merged = res.body;
    expect(merged.version).toBe(survivor.version + 1);
    expect(merged.name).toBe('合并主客户有限公司');
    expect(merged.industry).toBe('wholesale_retail'); // chosen
    expect(merged.notes).toBe('被合并前的备注'); // chosen
    expect(merged.phone).toBe('021-55550000'); // empty on the survivor: filled from the first merged
    expect(merged.email).toBe('third@merge.example');
    expect(merged.tags).toEqual(['重点', '展会']);
    expect(merged.organization).toEqual({ creditCode: '91350100M000100Y43', employees: 50 });
    expect(merged.ownerId).toBe(org.ids.east1);
    expect(merged.contactCount).toBe(4);

    const contacts = await org.admin.get(`/api/v1/contacts?customerId=${survivor.id}&pageSize=50`);
    expect(contacts.body.items.map((c: { name: string }) => c.name).sort()).toEqual(['主联系人', '第三联系人', '被合并联系人乙', '被合并联系人甲'].sort());

    const history = await org.admin.get(`/api/v1/customers/${survivor.id}/history?pageSize=200`);
    const actions = history.body.items.map((h: { action: string }) => h.action);
    expect(history.body.total).toBe(entriesBefore + 3); // every earlier entry, plus merge and two merged
    expect(actions[0]).toBe('merged');
    expect(actions).toContain('merge');
    const mergeEntry = history.body.items.find((h: { action: string }) => h.action === 'merge');
    expect(mergeEntry.changes).toEqual(expect.arrayContaining([{ field: 'mergedIds', old: null, new: [other.id, third.id] }, { field: 'industry', old: 'manufacturing', new: 'wholesale_retail' }]));
    expect(history.body.items.filter((h: { entityType: string; action: string }) => h.entityType === 'contact' && h.action === 'update')).toHaveLength(1);

    // Traceable from the merged id: a 404 pointing to the survivor, and the merge records.
    const gone = await org.as.manager.get(`/api/v1/customers/${other.id}`);
    expect(gone.status).toBe(404);
    expect(gone.body.error.current).toEqual({ mergedInto: survivor.id });
    const fromMerged = await org.as.manager.get(`/api/v1/customers/${other.id}/merges`);
    expect(fromMerged.status).toBe(200);
    expect(fromMerged.body.items).toHaveLength(1);
    expect(fromMerged.body.items[0]).toMatchObject({ survivorId: survivor.id, mergedId: other.id, mergedName: '合并主客户股份有限公司', actorName: '王经理', choices: { industry: other.id } });
    expect(fromMerged.body.items[0].snapshot).toMatchObject({ id: other.id, phone: '021-55550000', industry: 'wholesale_retail' });
    const fromSurvivor = await org.as.manager.get(`/api/v1/customers/${survivor.id}/merges`);
    expect(fromSurvivor.body.items.map((m: { mergedId: number }) => m.mergedId).sort()).toEqual([other.id, third.id].sort());
    // Someone who cannot see the survivor learns nothing.
    const outsider = await org.as.north1.get(`/api/v1/customers/${other.id}`);
    expect(outsider.status).toBe(404);
    expect(outsider.body.error.current).toBeUndefined();
    expect((await org.as.north1.get(`/api/v1/customers/${other.id}/merges`)).status).toBe(404);

    // The list total, the search and the duplicate check follow.
    expect((await org.admin.get('/api/v1/customers')).body.total).toBe(totalBefore - 2);
    const found = await org.admin.get(`/api/v1/customers?q=${encodeURIComponent('被合并联系人甲')}`);
    expect(found.body.items.map((c: { id: number }) => c.id)).toEqual([survivor.id]);
    const dup = await check('admin', { phone: '13700001111' });
    expect(dup.body.matches.map((m: { id: number }) => m.id)).toEqual([survivor.id]);
    // Merged records are not in the recycle bin and cannot be restored: they live on in the survivor.
    const bin = await org.admin.get(`/api/v1/recycle-bin?type=customer&q=${encodeURIComponent('合并第三')}`);
    expect(bin.body.total).toBe(0);
    expect((await org.admin.post(`/api/v1/recycle-bin/customer/${third.id}/restore`)).status).toBe(404);
  });

  it('is refused without the merge right, outside the data scope and on a stale version, changing nothing', async () => {
    const { survivor, other } = await scenario(org.ids.east1);
    const body = { survivorId: survivor.id, mergedIds: [other.id], version: survivor.version };
    expect((await org.as.east1.post('/api/v1/customers/merge', body)).status).toBe(403);
    expect((await org.as.eastLead.post('/api/v1/customers/merge', body)).status).toBe(403);
    const outside = await create({ name: '客服部的客户有限公司', ownerId: org.ids.agent });
    const out = await org.as.manager.post('/api/v1/customers/merge', { ...body, mergedIds: [outside.id] });
    expect(out.status).toBe(404);
    const stale = await org.as.manager.post('/api/v1/customers/merge', { ...body, version: survivor.version + 5 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.current).toMatchObject({ id: survivor.id, version: survivor.version });
    for (const id of [survivor.id, other.id, outside.id]) expect((await org.admin.get(`/api/v1/customers/${id}`)).status).toBe(200);
    expect((await org.admin.get(`/api/v1/customers/${survivor.id}`)).body.contactCount).toBe(1);
    expect((await org.admin.get(`/api/v1/customers/${other.id}/merges`)).body.total).toBe(0);
  });

  it('refuses bad choices field by field', async () => {
    const { survivor, other } = await scenario(org.ids.east2);
    const send = (extra: object) => org.admin.post('/api/v1/customers/merge', { survivorId: survivor.id, mergedIds: [other.id], version: survivor.version, ...extra });
    const self = await send({ mergedIds: [survivor.id, other.id, other.id] });
    expect(self.status).toBe(400);
    expect(self.body.error.details.map((d: { path: string }) => d.path)).toEqual(['mergedIds', 'mergedIds']);
    const fields = await send({ fields: { password: other.id, phone: 999999, 'person.gender': other.id } });
    expect(fields.status).toBe(400);
    expect(fields.body.error.details).toEqual([
      { path: 'fields.password', message: 'Not a field a merge can choose.' },
      { path: 'fields.phone', message: 'Take the value from the customer kept or one of those merged.' },
    ]);
    expect((await send({ mergedIds: [] })).status).toBe(400);
    expect((await send({ mergedIds: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] })).status).toBe(400);
    const person = await create({ kind: 'person', name: '个人保留者', category: 'retail' });
    const toPerson = await org.admin.post('/api/v1/customers/merge', { survivorId: person.id, mergedIds: [other.id], version: 1 });
    expect(toPerson.status).toBe(400);
    expect(toPerson.body.error.details[0].path).toBe('survivorId');
    expect((await org.admin.get(`/api/v1/customers/${other.id}`)).status).toBe(200);
  });

  it('a manager gives the survivor the owner of a merged record only within the rules', async () => {
    const a = await create({ name: '归属甲有限公司', ownerId: null });
    const b = await create({ name: '归属乙有限公司', ownerId: org.ids.east2 });
    const res = await org.as.manager.post('/api/v1/customers/merge', { survivorId: a.id, mergedIds: [b.id], fields: { ownerId: b.id }, version: a.version });
    expect(res.status).toBe(200);
    expect(res.body.ownerId).toBe(org.ids.east2);
    expect(res.body.ownerSince).not.toBeNull();
  });
});
