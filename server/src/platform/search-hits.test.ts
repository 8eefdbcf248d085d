import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, type TestApp } from '../test/harness.js';
import { archiveNumber } from '../modules/customers/customers.records.js';
import { insertSearchIndexMany, searchHitsCap, searchIndexHits } from './search.js';

/**
 * How many customers the gram index names for a term, the number the list uses to pick its plan
 * and its count. SQLite counts them; PostgreSQL counts up to the cap, and does not count at all a
 * gram ANALYZE's statistics put well past it (each counted hit is a heap row fetched).
 */
let t: TestApp;
const common = 30_000; // index entries with the gram 厚重, three times the cap
const rare = 40;

beforeAll(async () => {
  t = await createTestApp();
  const at = '2026-01-01T00:00:00.000Z';
  for (let start = 0; start < common + rare; start += 500) {
    const rows = Array.from({ length: Math.min(500, common + rare - start) }, (_, k) => {
      const i = start + k;
      const name = i < common ? `厚重${i}` : `稀少${i}`;
      return {
        archive_no: archiveNumber(700_000 + i), kind: 'organization', name, category: 'enterprise', status: 'potential', lifecycle_stage: 'exploration',
        owner_id: null, industry: null, province: null, city: null, district: null, address: null, phone: null, mobile: null, email: null,
        website: null, source: null, tags: '[]', notes: null, person: '{}', organization: '{}', search_key: name, deleted_at: null, deleted_by: null,
        version: 1, created_at: at, updated_at: at, created_by: null, updated_by: null,
      };
    });
    const ids = await t.ctx.db.insertInto('customers').values(rows).returning(['id', 'name']).execute();
    await insertSearchIndexMany(t.ctx.db, t.ctx.engine, ids.map((r) => ({ customerId: r.id, grams: r.name.startsWith('厚重') ? ['厚重', '厚', '重'] : ['稀少', '稀', '少'] })));
  }
  if (t.ctx.engine === 'postgres') await sql`analyze customer_search`.execute(t.ctx.db);
}, 120_000);
afterAll(() => t.close());

describe('gram-index hits', () => {
  it('counts a rare term exactly on both engines', async () => {
    expect(await searchIndexHits(t.ctx.db, t.ctx.engine, '稀少')).toBe(rare);
    expect(await searchIndexHits(t.ctx.db, t.ctx.engine, '不在')).toBe(0);
  });

  it('knows a common term is past the cap: counted on SQLite, estimated from statistics on PostgreSQL', async () => {
    const hits = await searchIndexHits(t.ctx.db, t.ctx.engine, '厚重');
    if (t.ctx.engine === 'sqlite') {
      expect(hits).toBe(common);
    } else {
      // Counting stops at 10,001: more than that is the planner's estimate, close to the truth.
      expect(hits).toBeGreaterThan(searchHitsCap + 1);
      expect(Math.abs((hits ?? 0) - common) / common).toBeLessThan(0.2);
      // The grams' statistics reach down to grams of 0.1% of customers (a surname's share).
      const target = await sql<{ n: number }>`select attstattarget as n from pg_attribute where attrelid = 'customer_search'::regclass and attname = 'grams'`.execute(t.ctx.db);
      expect(Number(target.rows[0]?.n)).toBe(1000);
    }
  });

  it('leaves a term too short for the index to the row-by-row check', async () => {
    expect(await searchIndexHits(t.ctx.db, t.ctx.engine, 'k')).toBeNull();
  });
});
