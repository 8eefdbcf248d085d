import { quoteLineAmounts } from '@crm/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCustomer } from '../../test/fixtures.js';
import { createTestApp, type Agent, type TestApp } from '../../test/harness.js';

/** Quotations over HTTP: totals in fen, numbering, statuses, revisions, the deal's current quote. */
let t: TestApp;
let admin: Agent;
let customerId: number;
const products: Record<string, number> = {};

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login();
  customerId = (await admin.post('/api/v1/customers', buildCustomer({ name: '报价客户有限公司', category: 'enterprise', province: '浙江省' }))).body.id;
  const make = async (code: string, standardPrice: number, taxRate = 13) => {
    const res = await admin.post('/api/v1/products', { code, name: `产品${code}`, standardPrice, taxRate, unit: '件' });
    if (res.status !== 201) throw new Error(JSON.stringify(res.body));
    products[code] = res.body.id;
  };
  await make('DIME', 10, 0);
  await make('TWENTY', 20, 0);
  await make('YUAN', 100, 0);
  await make('BIG', 99_999_99, 13);
  await make('LISTED', 500_00, 6);
}, 120_000);
afterAll(() => t.close());

const quote = (body: Record<string, unknown>) => admin.post('/api/v1/quotes', { customerId, title: '报价', validUntil: '2027-01-31', ...body });

describe('line amounts (pure)', () => {
  it('round half up once per line from the exact product', () => {
    expect(quoteLineAmounts({ unitPrice: 100, quantityMilli: 1000, discountBp: 3300, taxBp: 0 })).toEqual({ net: 67, tax: 0, total: 67 });
    expect(quoteLineAmounts({ unitPrice: 100, quantityMilli: 1000, discountBp: 3333, taxBp: 0 })).toEqual({ net: 67, tax: 0, total: 67 });
    // 0.5 fen rounds up: 1 fen × 0.5 = 0.5 -> 1; 1.005 yuan × 1 with 13 % = 113.565 -> 114
    expect(quoteLineAmounts({ unitPrice: 1, quantityMilli: 500, discountBp: 0, taxBp: 0 })).toEqual({ net: 1, tax: 0, total: 1 });
    expect(quoteLineAmounts({ unitPrice: 101, quantityMilli: 1000, discountBp: 0, taxBp: 1250 })).toEqual({ net: 101, tax: 13, total: 114 });
    // Exact past 2^53 in the intermediate product: 9,999,999,000,000 × 0.9999 = 9,998,999,000,100.0; × 1.13 = 11,298,868,870,113.0
    expect(quoteLineAmounts({ unitPrice: 99_999_99, quantityMilli: 1_000_000 * 1000, discountBp: 1, taxBp: 1300 })).toEqual({
      net: 9_998_999_000_100, tax: 1_299_869_870_013, total: 11_298_868_870_113,
    });
  });
});

describe('quotes', () => {
  it('0.1 + 0.2 yuan is 0.30 yuan; 33 % off 1 yuan is 0.67; tax per line; the document total is the sum of the rounded lines', async () => {
    const res = await quote({
      lines: [
        { productId: products.DIME, quantity: 1 },
        { productId: products.TWENTY, quantity: 1 },
        { productId: products.YUAN, quantity: 1, discountPercent: 33 },
        { productId: products.YUAN, quantity: 3, discountPercent: 33.33, taxRate: 13 },
      ],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const lines = res.body.lines as Array<{ net: number; tax: number; total: number; unitPrice: number }>;
    // 3 × 100 × 0.6667 = 200.01 -> 200 net; × 1.13 = 226.0113 -> 226 total, 26 tax.
    expect(lines.map((l) => [l.net, l.tax, l.total])).toEqual([[10, 0, 10], [20, 0, 20], [67, 0, 67], [200, 26, 226]]);
    expect(res.body.total).toBe(323);
    expect(res.body.subtotal).toBe(lines.reduce((s, l) => s + l.net, 0));
    expect(res.body.taxTotal).toBe(lines.reduce((s, l) => s + l.tax, 0));
    expect(res.body.total).toBe(lines.reduce((s, l) => s + l.total, 0));
    expect(res.body).toMatchObject({ status: 'draft', revision: 1, currency: 'CNY', customerName: '报价客户有限公司', isCurrent: false });
    expect(res.body.number).toMatch(/^BJ-\d{4}-\d{6}$/);
  });

  it('large quantities stay exact; a line beyond the limit is a field error and nothing is written', async () => {
    const big = await quote({ lines: [{ productId: products.BIG, quantity: 1_000_000, discountPercent: 0.01 }] });
    expect(big.status).toBe(201);
    expect(big.body.total).toBe(11_298_868_870_113);
    const before = (await admin.get('/api/v1/quotes?pageSize=200')).body.total;
    const huge = await quote({ lines: [{ productId: products.BIG, quantity: 999_999_999 }] });
    expect(huge.status).toBe(400);
    expect(huge.body.error.details).toEqual([{ path: 'lines.0.quantity', message: expect.any(String) }]);
    expect((await admin.get('/api/v1/quotes?pageSize=200')).body.total).toBe(before);
  });

  it('a unit price left out comes from the customer\'s price list, then the standard price', async () => {
    const list = await admin.post('/api/v1/price-lists', { name: '浙江企业价', customerCategory: 'enterprise', province: '浙江省', items: [{ productId: products.LISTED, price: 450_00 }] });
    const res = await quote({ lines: [{ productId: products.LISTED, quantity: 2 }, { productId: products.YUAN, quantity: 1 }, { productId: products.LISTED, quantity: 1, unitPrice: 400_00 }] });
    expect(res.body.lines).toMatchObject([
      { unitPrice: 450_00, priceListId: list.body.id, taxRate: 6, net: 900_00, tax: 54_00, total: 954_00 },
      { unitPrice: 100, priceListId: null },
      { unitPrice: 400_00, priceListId: null },
    ]);
  });

  it('numbers are unique and consecutive', async () => {
    const a = (await quote({})).body.number as string;
    const b = (await quote({})).body.number as string;
    expect(Number(b.slice(-6))).toBe(Number(a.slice(-6)) + 1);
  });

  it('statuses move as allowed; editing a sent quote keeps v1 and makes v2; accepted is final', async () => {
    const q = (await quote({ lines: [{ productId: products.YUAN, quantity: 1 }] })).body;
    expect(q.nextStatuses).toEqual(['awaiting_approval', 'sent']);
    const wrong = await admin.post(`/api/v1/quotes/${q.id}/status`, { status: 'accepted', version: q.version });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.details).toEqual([{ path: 'status', message: expect.any(String) }]);
    const sent = await admin.post(`/api/v1/quotes/${q.id}/status`, { status: 'sent', version: q.version });
    expect(sent.body).toMatchObject({ status: 'sent', nextStatuses: ['accepted', 'rejected', 'expired'] });

    const revised = await admin.patch(`/api/v1/quotes/${q.id}`, { version: sent.body.version, lines: [{ productId: products.YUAN, quantity: 2 }] });
    expect(revised.status, JSON.stringify(revised.body)).toBe(200);
    expect(revised.body).toMatchObject({ revision: 2, status: 'draft', total: 200, number: q.number });
    // A draft edit stays in its revision.
    const again = await admin.patch(`/api/v1/quotes/${q.id}`, { version: revised.body.version, title: '报价二' });
    expect(again.body).toMatchObject({ revision: 2, title: '报价二' });

    const revisions = (await admin.get(`/api/v1/quotes/${q.id}/revisions`)).body.items;
    expect(revisions.map((r: { revision: number; current: boolean }) => [r.revision, r.current])).toEqual([[1, false], [2, true]]);
    expect(revisions[0].document).toMatchObject({ status: 'sent', total: 100, title: '报价' });

    const sent2 = await admin.post(`/api/v1/quotes/${q.id}/status`, { status: 'sent', version: again.body.version });
    const accepted = await admin.post(`/api/v1/quotes/${q.id}/status`, { status: 'accepted', version: sent2.body.version });
    expect(accepted.body).toMatchObject({ status: 'accepted', nextStatuses: [], can: { edit: false, delete: false } });
    expect((await admin.patch(`/api/v1/quotes/${q.id}`, { version: accepted.body.version, title: 'x' })).status).toBe(409);
    expect((await admin.delete(`/api/v1/quotes/${q.id}`)).status).toBe(409);
  });

  it('one current quote per deal: the first is current, making another current un-currents it', async () => {
    const deal = (await admin.post('/api/v1/opportunities', { name: '报价商机', customerId, amount: 1000_00, expectedCloseDate: '2027-06-30' })).body;
    const a = (await quote({ opportunityId: deal.id })).body;
    const b = (await quote({ opportunityId: deal.id })).body;
    expect([a.isCurrent, b.isCurrent]).toEqual([true, false]);
    expect(b.opportunityName).toBe('报价商机');
    const made = await admin.post(`/api/v1/quotes/${b.id}/current`, { version: b.version });
    expect(made.body.isCurrent).toBe(true);
    expect((await admin.get(`/api/v1/quotes/${a.id}`)).body.isCurrent).toBe(false);
    const current = (await admin.get(`/api/v1/quotes?opportunityId=${deal.id}`)).body.items.filter((q: { isCurrent: boolean }) => q.isCurrent);
    expect(current.map((q: { id: number }) => q.id)).toEqual([b.id]);

    const noDeal = (await quote({})).body;
    const refused = await admin.post(`/api/v1/quotes/${noDeal.id}/current`, { version: noDeal.version });
    expect(refused.status).toBe(400);

    // A deal of another customer is refused on the field, without a name.
    const other = (await admin.post('/api/v1/customers', buildCustomer())).body;
    const otherDeal = (await admin.post('/api/v1/opportunities', { name: '别家商机', customerId: other.id, amount: 1, expectedCloseDate: '2027-06-30' })).body;
    const wrongDeal = await quote({ opportunityId: otherDeal.id });
    expect(wrongDeal.status).toBe(400);
    expect(wrongDeal.body.error.details).toEqual([{ path: 'opportunityId', message: expect.any(String) }]);
    expect(JSON.stringify(wrongDeal.body)).not.toContain('别家商机');
  });

  it('the customer\'s quotes: every one, found by customer and by search', async () => {
    const mine = await admin.get(`/api/v1/quotes?customerId=${customerId}&pageSize=200`);
    expect(mine.body.total).toBeGreaterThan(5);
    expect(mine.body.items.every((q: { customerId: number; lines: unknown[] }) => q.customerId === customerId && q.lines.length === 0)).toBe(true);
    expect((await admin.get(`/api/v1/quotes?q=${encodeURIComponent('报价客户')}&pageSize=1`)).body.total).toBe(mine.body.total);
    const deleted = (await quote({})).body;
    expect((await admin.delete(`/api/v1/quotes/${deleted.id}`)).status).toBe(204);
    expect((await admin.get(`/api/v1/quotes/${deleted.id}`)).status).toBe(404);
  });

  it('the company name printed on quotes: saved in both languages, kept when a later save leaves it out', async () => {
    const before = (await admin.get('/api/v1/settings/company')).body;
    expect(before).toMatchObject({ name: '', nameEn: '' });
    const saved = await admin.put('/api/v1/settings/company', { timeZone: before.timeZone, name: ' 杭州示例科技有限公司 ', nameEn: 'Example Co.', version: before.version });
    expect(saved.body).toMatchObject({ name: '杭州示例科技有限公司', nameEn: 'Example Co.' });
    const again = await admin.put('/api/v1/settings/company', { timeZone: 'UTC', version: saved.body.version });
    expect(again.body).toMatchObject({ timeZone: 'UTC', name: '杭州示例科技有限公司', nameEn: 'Example Co.' });
    const tooLong = await admin.put('/api/v1/settings/company', { timeZone: 'UTC', name: 'x'.repeat(121), version: again.body.version });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.error.details[0].path).toBe('name');
    await admin.put('/api/v1/settings/company', { timeZone: before.timeZone, version: again.body.version });
  });

  it('quotes follow their customer: deleted and restored with it, moved to the survivor of a merge', async () => {
    const a = (await admin.post('/api/v1/customers', buildCustomer())).body;
    const b = (await admin.post('/api/v1/customers', buildCustomer())).body;
    const qa = (await admin.post('/api/v1/quotes', { customerId: a.id, title: '随客户', validUntil: '2027-01-31' })).body;
    const qb = (await admin.post('/api/v1/quotes', { customerId: b.id, title: '被合并', validUntil: '2027-01-31' })).body;
    expect((await admin.delete(`/api/v1/customers/${a.id}`)).status).toBe(204);
    expect((await admin.get(`/api/v1/quotes/${qa.id}`)).status).toBe(404);
    expect((await admin.post(`/api/v1/recycle-bin/customer/${a.id}/restore`)).status).toBe(204);
    expect((await admin.get(`/api/v1/quotes/${qa.id}`)).status).toBe(200);

    const survivor = (await admin.get(`/api/v1/customers/${a.id}`)).body;
    const merged = await admin.post('/api/v1/customers/merge', { survivorId: a.id, mergedIds: [b.id], version: survivor.version });
    expect(merged.status, JSON.stringify(merged.body)).toBe(200);
    const ofSurvivor = (await admin.get(`/api/v1/quotes?customerId=${a.id}`)).body.items.map((q: { id: number }) => q.id).sort();
    expect(ofSurvivor).toEqual([qa.id, qb.id].sort());
  });

  it('a customer erased for good from the recycle bin takes its quotes, lines and revisions with it', async () => {
    const c = (await admin.post('/api/v1/customers', buildCustomer())).body;
    const q = (await admin.post('/api/v1/quotes', { customerId: c.id, title: '将被清除', validUntil: '2027-01-31', lines: [{ productId: products.YUAN, quantity: 2 }] })).body;
    expect((await t.ctx.db.selectFrom('quote_lines').select('id').where('quote_id', '=', q.id).execute()).length).toBe(1);
    const kept = (await admin.post('/api/v1/customers', buildCustomer())).body;
    const other = (await admin.post('/api/v1/quotes', { customerId: kept.id, title: '保留', validUntil: '2027-01-31' })).body;
    expect((await admin.delete(`/api/v1/customers/${c.id}`)).status).toBe(204);
    expect((await admin.delete(`/api/v1/recycle-bin/customer/${c.id}`)).status).toBe(204);
    const left = await t.ctx.db.selectFrom('quotes').select('id').where('customer_id', '=', c.id).execute();
    expect(left).toEqual([]);
    expect(await t.ctx.db.selectFrom('quote_lines').select('id').where('quote_id', '=', q.id).execute()).toEqual([]);
    expect((await admin.get(`/api/v1/quotes/${other.id}`)).status).toBe(200);
  });
});

