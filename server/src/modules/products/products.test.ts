import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCustomer } from '../../test/fixtures.js';
import { createTestApp, type Agent, type TestApp } from '../../test/harness.js';

/** Products, categories and price lists over HTTP; the rule that picks a customer's price. */
let t: TestApp;
let admin: Agent;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login();
}, 120_000);
afterAll(() => t.close());

describe('products', () => {
  it('creates, lists by category subtree, searches, edits and refuses a second code', async () => {
    const hardware = (await admin.post('/api/v1/product-categories', { name: '硬件' })).body;
    const servers = (await admin.post('/api/v1/product-categories', { name: '服务器', parentId: hardware.id })).body;
    expect(servers.parentId).toBe(hardware.id);
    const p = await admin.post('/api/v1/products', { code: 'SRV-01', name: '机架服务器', categoryId: servers.id, unit: '台', standardPrice: 12_345_67, cost: 9_000_00, taxRate: 13 });
    expect(p.status, JSON.stringify(p.body)).toBe(201);
    expect(p.body).toMatchObject({ code: 'SRV-01', categoryName: '服务器', standardPrice: 1234567, cost: 900000, taxRate: 13, currency: 'CNY', active: true });

    const dup = await admin.post('/api/v1/products', { code: 'srv-01', name: '另一个', standardPrice: 1 });
    expect(dup.status).toBe(400);
    expect(dup.body.error.details).toEqual([{ path: 'code', message: expect.stringContaining('code') }]);

    const byTree = await admin.get(`/api/v1/products?categoryId=${hardware.id}`);
    expect(byTree.body.items.map((i: { code: string }) => i.code)).toEqual(['SRV-01']);
    expect((await admin.get('/api/v1/products?q=%E6%9C%BA%E6%9E%B6')).body.total).toBe(1);

    const edited = await admin.patch(`/api/v1/products/${p.body.id}`, { version: p.body.version, taxRate: 6.5, active: false });
    expect(edited.body).toMatchObject({ taxRate: 6.5, active: false, version: 2 });
    const stale = await admin.patch(`/api/v1/products/${p.body.id}`, { version: 1, name: 'x' });
    expect(stale.status).toBe(409);

    // A category with products or children stays; a cycle is refused.
    expect((await admin.delete(`/api/v1/product-categories/${hardware.id}`)).status).toBe(409);
    const cycle = await admin.patch(`/api/v1/product-categories/${hardware.id}`, { version: hardware.version, parentId: servers.id });
    expect(cycle.status).toBe(400);
    expect(cycle.body.error.details[0].path).toBe('parentId');
  });

  it('deletes an unused product; one in a price list is kept (409)', async () => {
    const unused = (await admin.post('/api/v1/products', { code: 'DEL-1', name: '删除', standardPrice: 100 })).body;
    expect((await admin.delete(`/api/v1/products/${unused.id}`)).status).toBe(204);
    expect((await admin.get(`/api/v1/products/${unused.id}`)).status).toBe(404);
    const used = (await admin.post('/api/v1/products', { code: 'DEL-2', name: '被引用', standardPrice: 100 })).body;
    await admin.post('/api/v1/price-lists', { name: '引用', items: [{ productId: used.id, price: 90 }] });
    expect((await admin.delete(`/api/v1/products/${used.id}`)).status).toBe(409);
  });

  it('refuses bad rates and codes with field messages in both languages', async () => {
    const res = await admin.post('/api/v1/products', { code: '编码 1', name: 'x', standardPrice: 1.5, taxRate: 13.333 });
    expect(res.status).toBe(400);
    expect(res.body.error.details.map((d: { path: string }) => d.path).sort()).toEqual(['code', 'standardPrice', 'taxRate']);
    const zh = await admin.request('POST', '/api/v1/products', { code: 'ok', name: 'x', standardPrice: 1, taxRate: 13.333 }, { 'accept-language': 'zh-CN' });
    expect(zh.body.error.details[0].message).toContain('百分比');
  });
});

describe('the price a customer gets', () => {
  it('most specific valid price list, else the standard price', async () => {
    const product = (await admin.post('/api/v1/products', { code: 'PRICE-1', name: '定价产品', standardPrice: 1000_00 })).body;
    const distributorGd = (await admin.post('/api/v1/customers', buildCustomer({ name: '广东分销商有限公司', category: 'distributor', province: '广东省' }))).body;
    const distributorBj = (await admin.post('/api/v1/customers', buildCustomer({ name: '北京分销商有限公司', category: 'distributor', province: '北京市' }))).body;
    const retail = (await admin.post('/api/v1/customers', buildCustomer({ name: '零售客户有限公司', category: 'retail', province: '上海市' }))).body;
    const price = async (customerId: number, date: string) => (await admin.get(`/api/v1/products/${product.id}/price?customerId=${customerId}&date=${date}`)).body;

    expect(await price(retail.id, '2026-06-01')).toMatchObject({ price: 1000_00, priceListId: null });

    const everyone = (await admin.post('/api/v1/price-lists', { name: '全员价', items: [{ productId: product.id, price: 950_00 }] })).body;
    const distributors = (await admin.post('/api/v1/price-lists', { name: '分销价', customerCategory: 'distributor', validFrom: '2026-01-01', validTo: '2026-12-31', items: [{ productId: product.id, price: 800_00 }] })).body;
    const gdDistributors = (await admin.post('/api/v1/price-lists', { name: '广东分销价', customerCategory: 'distributor', province: '广东省', validFrom: '2026-03-01', items: [{ productId: product.id, price: 700_00 }] })).body;
    // Inactive lists never apply.
    await admin.post('/api/v1/price-lists', { name: '停用价', active: false, customerCategory: 'distributor', province: '广东省', items: [{ productId: product.id, price: 1 }] });

    expect(await price(retail.id, '2026-06-01')).toMatchObject({ price: 950_00, priceListId: everyone.id, priceListName: '全员价' });
    expect(await price(distributorBj.id, '2026-06-01')).toMatchObject({ price: 800_00, priceListId: distributors.id });
    expect(await price(distributorGd.id, '2026-06-01')).toMatchObject({ price: 700_00, priceListId: gdDistributors.id });
    // Before the Guangdong list starts, the distributor list; after the distributor list ends, the list for everyone.
    expect(await price(distributorGd.id, '2026-02-01')).toMatchObject({ price: 800_00 });
    expect(await price(distributorBj.id, '2027-01-01')).toMatchObject({ price: 950_00 });

    const read = await admin.get(`/api/v1/price-lists/${gdDistributors.id}`);
    expect(read.body.items).toEqual([{ productId: product.id, productCode: 'PRICE-1', productName: '定价产品', standardPrice: 1000_00, price: 700_00 }]);
    const badDates = await admin.patch(`/api/v1/price-lists/${gdDistributors.id}`, { version: gdDistributors.version, validTo: '2026-01-01' });
    expect(badDates.status).toBe(400);
    expect(badDates.body.error.details).toEqual([{ path: 'validTo', message: expect.any(String) }]);
    const twice = await admin.post('/api/v1/price-lists', { name: '重复', items: [{ productId: product.id, price: 1 }, { productId: product.id, price: 2 }] });
    expect(twice.body.error.details).toEqual([{ path: 'items.1.productId', message: expect.any(String) }]);
  });
});
