import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCustomer } from '../../test/fixtures.js';
import { createTestApp, type Agent, type TestApp } from '../../test/harness.js';
import { writeSearchIndex } from '../../platform/search.js';
import { archiveNumber, searchDocument } from './customers.records.js';

/**
 * A search term that matches a great many customers takes another plan (walk the sort index) and
 * stops counting at 10,000; the page must still be exactly the newest matches.
 */
let t: TestApp;
let admin: Agent;
const common = 12_050; // customers named 密集…, more than the count cap

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login();
  const base = Date.parse('2026-01-01T00:00:00.000Z');
  for (let start = 0; start < common; start += 500) {
    await t.ctx.db.transaction().execute(async (trx) => {
      for (let i = start; i < Math.min(start + 500, common); i++) {
        const at = new Date(base + i * 60_000).toISOString();
        const name = `密集客户${i}`;
        const values = {
          archive_no: archiveNumber(900_000 + i), kind: 'organization', name, category: 'enterprise', status: 'potential', lifecycle_stage: 'exploration',
          owner_id: null, industry: null, province: null, city: null, district: null, address: null, phone: null, mobile: null, email: null,
          website: null, source: null, tags: '[]', notes: null, person: '{}', organization: '{}', search_key: '', deleted_at: null, deleted_by: null,
          version: 1, created_at: at, updated_at: at, created_by: null, updated_by: null,
        };
        const doc = searchDocument({ ...values, contact_terms: '' });
        const row = await trx.insertInto('customers').values({ ...values, search_key: doc.key }).returning('id').executeTakeFirstOrThrow();
        await writeSearchIndex(trx, t.ctx.engine, row.id, doc.grams);
      }
    });
  }
  // A few that do not match, newer than all the others.
  for (const name of ['稀疏一号', '稀疏二号']) await admin.post('/api/v1/customers', buildCustomer({ name, ownerId: null }));
}, 240_000);
afterAll(() => t.close());

describe('search over a common term', () => {
  it('returns the newest matches first and caps the count', async () => {
    const res = await admin.get(`/api/v1/customers?q=${encodeURIComponent('密集')}&pageSize=5`);
    expect(res.status).toBe(200);
    expect(res.body.items.map((c: { name: string }) => c.name)).toEqual([12049, 12048, 12047, 12046, 12045].map((i) => `密集客户${i}`));
    expect(res.body.total).toBe(10_000);
    expect(res.body.totalCapped).toBe(true);
  });

  it('pages deeper with the same order, and counts exactly below the cap', async () => {
    const page3 = await admin.get(`/api/v1/customers?q=${encodeURIComponent('密集')}&pageSize=5&page=3&sort=createdAt`);
    expect(page3.body.items.map((c: { name: string }) => c.name)).toEqual([10, 11, 12, 13, 14].map((i) => `密集客户${i}`));
    // "密集客户1" matches 1, 10-19, 100-199, 1000-1999, 10000-12049: 3,161 customers, above the dense threshold, below the cap.
    const narrower = await admin.get(`/api/v1/customers?q=${encodeURIComponent('密集客户1')}&pageSize=1`);
    expect(narrower.body.total).toBe(1 + 10 + 100 + 1000 + 2050);
    expect(narrower.body.totalCapped).toBeUndefined();
    const none = await admin.get(`/api/v1/customers?q=${encodeURIComponent('稀疏')}`);
    expect(none.body.total).toBe(2);
  });

  it('finds one Chinese character through the index, and counts a one-letter term up to the cap', async () => {
    // 密 alone (a surname-sized term) is indexed by itself: the newest matches, the count capped.
    const surname = await admin.get(`/api/v1/customers?q=${encodeURIComponent('密')}&pageSize=3`);
    expect(surname.body.items.map((c: { name: string }) => c.name)).toEqual([12049, 12048, 12047].map((i) => `密集客户${i}`));
    expect(surname.body.totalCapped).toBe(true);
    const sparse = await admin.get(`/api/v1/customers?q=${encodeURIComponent('疏')}`);
    expect(sparse.body.total).toBe(2);
    // "k" is in every archive number (KH…): checked row by row, counted up to 10,000 and no further.
    const letter = await admin.get('/api/v1/customers?q=k&pageSize=2');
    expect(letter.body.items.map((c: { name: string }) => c.name)).toEqual(['稀疏二号', '稀疏一号']);
    expect(letter.body.total).toBe(10_000);
    expect(letter.body.totalCapped).toBe(true);
  });

  it('counts a common term exactly once deleted customers bring it under the cap', async () => {
    // The 2,100 oldest go to the recycle bin (their index entries stay, as a delete leaves them).
    const deletedAt = new Date(Date.parse('2026-06-01T00:00:00.000Z')).toISOString();
    await t.ctx.db.updateTable('customers').set({ deleted_at: deletedAt }).where('archive_no', '>=', archiveNumber(900_000)).where('archive_no', '<', archiveNumber(902_100)).execute();
    const res = await admin.get(`/api/v1/customers?q=${encodeURIComponent('密集')}&pageSize=2`);
    expect(res.body.total).toBe(common - 2100);
    expect(res.body.totalCapped).toBeUndefined();
    expect(res.body.items.map((c: { name: string }) => c.name)).toEqual(['密集客户12049', '密集客户12048']);
  });
});
