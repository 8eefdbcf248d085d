import type { Customer, Lead, ListResponse } from '@crm/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCustomer } from '../../test/fixtures.js';
import { createTestApp, type Agent, type TestApp } from '../../test/harness.js';
import { runImport } from '../../test/imports.js';

/** One spelling of the municipalities on every write, and the category that follows the kind. */
let t: TestApp;
let admin: Agent;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login(undefined, undefined, 'zh-CN');
});
afterAll(() => t.close());

const region = (c: { province: string | null; city: string | null; district: string | null }) => [c.province, c.city, c.district];

async function names(query: string): Promise<string[]> {
  const res = await admin.get<ListResponse<Customer>>(`/api/v1/customers?pageSize=100&${query}`);
  expect(res.status).toBe(200);
  return res.body.items.map((c) => c.name).sort();
}

describe('regions: the municipalities in one canonical form', () => {
  it('the cascader form (北京市 / 市辖区) and the import form (北京 / 北京市) are stored alike, and found alike', async () => {
    const byForm = await admin.post<Customer>('/api/v1/customers', buildCustomer({ name: '京东方甲', province: '北京市', city: '市辖区', district: '朝阳区' }));
    expect(region(byForm.body)).toEqual(['北京市', '北京市', '朝阳区']);
    const county = await admin.post<Customer>('/api/v1/customers', buildCustomer({ name: '重庆乙', province: '重庆市', city: '县', district: '城口县' }));
    expect(region(county.body)).toEqual(['重庆市', '重庆市', '城口县']);
    const short = await admin.post<Customer>('/api/v1/customers', buildCustomer({ name: '京东方丙', province: '北京', district: '海淀区' }));
    expect(region(short.body)).toEqual(['北京市', '北京市', '海淀区']);
    const other = await admin.post<Customer>('/api/v1/customers', buildCustomer({ name: '杭州丁', province: '浙江省', city: '杭州市', district: '西湖区' }));
    expect(region(other.body)).toEqual(['浙江省', '杭州市', '西湖区']);

    const job = await runImport(t, admin, 'customers', 'beijing.csv', '客户名称,省份,城市,区县\n京东方戊,北京市,北京市,东城区\n京东方己,北京市,市辖区,西城区\n', { duplicateMode: 'create' });
    expect(job).toMatchObject({ created: 2, rejected: 0 });

    const beijing = ['京东方丙', '京东方己', '京东方戊', '京东方甲'];
    expect(await names(`province=${encodeURIComponent('北京市')}&city=${encodeURIComponent('北京市')}`)).toEqual(beijing);
    // A filter written the old way finds the same rows.
    expect(await names(`province=${encodeURIComponent('北京市')}&city=${encodeURIComponent('市辖区')}`)).toEqual(beijing);
    expect(await names(`province=${encodeURIComponent('北京')}`)).toEqual(beijing);
  });

  it('an edit of the city alone, or of the province alone, keeps the canonical form', async () => {
    const c = (await admin.post<Customer>('/api/v1/customers', buildCustomer({ name: '沪上庚', province: '上海市', district: '浦东新区' }))).body;
    expect(region(c)).toEqual(['上海市', '上海市', '浦东新区']);
    const edited = await admin.patch<Customer>(`/api/v1/customers/${c.id}`, { version: c.version, city: '市辖区' });
    expect(edited.status).toBe(200);
    expect(region(edited.body)).toEqual(['上海市', '上海市', '浦东新区']);
    expect(edited.body.version).toBe(c.version); // nothing changed
    const moved = await admin.patch<Customer>(`/api/v1/customers/${c.id}`, { version: c.version, province: '天津市', city: '市辖区', district: '和平区' });
    expect(region(moved.body)).toEqual(['天津市', '天津市', '和平区']);
  });

  it('leads are written the same way, on create and on edit', async () => {
    const lead = await admin.post<Lead>('/api/v1/leads', { name: '线索甲', source: 'exhibition', ownerId: null, province: '天津市', city: '市辖区', district: '南开区' });
    expect(lead.status, JSON.stringify(lead.body)).toBe(201);
    expect(region(lead.body)).toEqual(['天津市', '天津市', '南开区']);
    const edited = await admin.patch<Lead>(`/api/v1/leads/${lead.body.id}`, { version: lead.body.version, province: '重庆市', city: '县', district: '巫山县' });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    expect(region(edited.body)).toEqual(['重庆市', '重庆市', '巫山县']);
    const found = await admin.get<ListResponse<Lead>>(`/api/v1/leads?province=${encodeURIComponent('重庆')}`);
    expect(found.body.items.map((l) => l.name)).toEqual(['线索甲']);
  });
});

describe('customer category (客户角色) follows the kind', () => {
  it('a person without a category is a retail consumer, an organisation an enterprise buyer; a given category stays', async () => {
    const person = await admin.post<Customer>('/api/v1/customers', { kind: 'person', name: '周星' });
    expect(person.body.category).toBe('retail');
    const company = await admin.post<Customer>('/api/v1/customers', { kind: 'organization', name: '星辰科技有限公司' });
    expect(company.body.category).toBe('enterprise');
    const agent = await admin.post<Customer>('/api/v1/customers', { kind: 'person', name: '代理人', category: 'distributor' });
    expect(agent.body.category).toBe('distributor');
    const job = await runImport(t, admin, 'customers', 'people.csv', '客户名称,客户性质\n吴宇,个人\n', { duplicateMode: 'create' });
    expect(job).toMatchObject({ created: 1, rejected: 0 });
    expect((await admin.get<ListResponse<Customer>>(`/api/v1/customers?q=${encodeURIComponent('吴宇')}`)).body.items[0]?.category).toBe('retail');
  });
});
