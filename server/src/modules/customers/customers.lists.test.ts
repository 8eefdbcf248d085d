import type { Customer, IndustriesState, LeadSourcesState, ListResponse } from '@crm/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCustomer } from '../../test/fixtures.js';
import { createTestApp, type Agent, type TestApp } from '../../test/harness.js';
import { download, readTable, runImport } from '../../test/imports.js';

/** Industry (行业) and source (客户来源) are items of managed lists: industries, and the sources leads use. */
let t: TestApp;
let admin: Agent;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login(undefined, undefined, 'zh-CN');
});
afterAll(() => t.close());

describe('customers: industries and sources are managed lists', () => {
  it('offers the GB/T 4754 sections by default, in both languages', async () => {
    const res = await admin.get<IndustriesState>('/api/v1/settings/customer-industries');
    expect(res.status).toBe(200);
    expect(res.body.items).toHaveLength(20);
    expect(res.body.items[0]).toEqual({ key: 'agriculture', labelZh: '农、林、牧、渔业', labelEn: 'Agriculture, forestry, animal husbandry and fishery', active: true });
    expect(res.body.items.at(-1)).toMatchObject({ labelZh: '国际组织', labelEn: 'International organisations' });
  });

  it('takes keys of the lists, refuses others field by field, and filters by them', async () => {
    const ok = await admin.post<Customer>('/api/v1/customers', buildCustomer({ name: '制造甲', industry: 'manufacturing', source: 'exhibition' }));
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ industry: 'manufacturing', source: 'exhibition' });
    const bad = await admin.post('/api/v1/customers', buildCustomer({ industry: '软件', source: 'word_of_mouth' }));
    expect(bad.status).toBe(400);
    expect(bad.body.error.details).toEqual([
      { path: 'industry', message: '请从列表中选择行业。' },
      { path: 'source', message: '请从列表中选择客户来源。' },
    ]);
    await admin.post('/api/v1/customers', buildCustomer({ name: '金融乙', industry: 'finance', source: 'referral' }));
    const made = await admin.get<ListResponse<Customer>>('/api/v1/customers?industry=manufacturing');
    expect(made.body.items.map((c) => c.name)).toEqual(['制造甲']);
    const referred = await admin.get<ListResponse<Customer>>('/api/v1/customers?source=referral');
    expect(referred.body.items.map((c) => c.name)).toEqual(['金融乙']);
  });

  it('an item in use can be switched off, not removed; a record keeps a switched-off value', async () => {
    const c = (await admin.post<Customer>('/api/v1/customers', buildCustomer({ name: '教育丙', industry: 'education', source: 'seminar' }))).body;
    const current = (await admin.get<IndustriesState>('/api/v1/settings/customer-industries')).body;
    const removed = await admin.put('/api/v1/settings/customer-industries', { version: current.version, items: current.items.filter((i) => i.key !== 'education') });
    expect(removed.status).toBe(400);
    expect(removed.body.error.details).toEqual([{ path: 'items', message: '仍有客户使用的行业不能删除，请改为停用。' }]);
    const off = await admin.put<IndustriesState>('/api/v1/settings/customer-industries', {
      version: current.version,
      items: current.items.map((i) => (i.key === 'education' ? { ...i, active: false } : i)),
    });
    expect(off.status).toBe(200);
    expect(off.body.items.find((i) => i.key === 'education')?.active).toBe(false);
    // Unchanged on an edit of something else; not offered for a new value.
    const edited = await admin.patch<Customer>(`/api/v1/customers/${c.id}`, { version: c.version, industry: 'education', notes: '改备注' });
    expect(edited.status).toBe(200);
    const fresh = await admin.post('/api/v1/customers', buildCustomer({ industry: 'education' }));
    expect(fresh.body.error.details).toEqual([{ path: 'industry', message: '该行业已停用，请选择其他行业。' }]);
    // A source customers use cannot leave the lead sources either.
    const sources = (await admin.get<LeadSourcesState>('/api/v1/settings/lead-sources')).body;
    const dropped = await admin.put('/api/v1/settings/lead-sources', { version: sources.version, items: sources.items.filter((s) => s.key !== 'seminar') });
    expect(dropped.status).toBe(400);
  });

  it('imports map labels in either language onto the lists; an unknown value leaves the field empty with a warning', async () => {
    const csv = '客户名称,行业,客户来源\n导入甲,制造业,展会\n导入乙,Finance,Web form\n导入丙,软件,朋友介绍\n';
    const job = await runImport(t, admin, 'customers', 'lists.csv', csv, { duplicateMode: 'create' });
    expect(job).toMatchObject({ created: 3, rejected: 0 });
    const byName = async (name: string) => (await admin.get<ListResponse<Customer>>(`/api/v1/customers?q=${encodeURIComponent(name)}`)).body.items[0];
    expect(await byName('导入甲')).toMatchObject({ industry: 'manufacturing', source: 'exhibition' });
    expect(await byName('导入乙')).toMatchObject({ industry: 'finance', source: 'web_form' });
    expect(await byName('导入丙')).toMatchObject({ industry: null, source: null });
  });

  it('exports write the labels in the reader\'s language, and an export read back changes nothing', async () => {
    const url = `/api/v1/customers/export?format=csv&q=${encodeURIComponent('导入')}&sort=name&columns=name,industry,source`;
    const zh = await readTable((await download(t, admin, url, 'zh-CN')).bytes);
    expect(zh.slice(1).map((r) => r.join('|')).sort()).toEqual(['导入丙||', '导入乙|金融业|网站表单', '导入甲|制造业|展会']);
    const en = await readTable((await download(t, admin, url, 'en')).bytes);
    expect(en.slice(1).map((r) => r.join('|')).sort()).toEqual(['导入丙||', '导入乙|Finance|Web form', '导入甲|Manufacturing|Exhibition']);
    const back = await runImport(t, admin, 'customers', 'back.csv', (await download(t, admin, url, 'zh-CN')).bytes, { duplicateMode: 'update' });
    expect(back).toMatchObject({ updated: 0, rejected: 0 });
  });
});
