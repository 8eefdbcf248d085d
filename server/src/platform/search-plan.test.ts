import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, type TestApp } from '../test/harness.js';
import { archiveNumber } from '../modules/customers/customers.records.js';
import { list } from '../modules/customers/customers.repository.js';
import { unscoped } from './auth/scope.js';
import { buildSearchDocument, insertSearchIndexMany } from './search.js';
import { planSearch } from './search-plan.js';

/**
 * How a list answers a search text (planSearch) and the totals it gives: few index hits are
 * fetched once; many are counted by the index or estimated from a sample of them, and a count
 * below the cap stays exact when the index names more customers than really match.
 */
let t: TestApp;
const common = 30_000; // customers named 厚重…, three times the cap
const rare = 40;
/** Among the common ones: 13,000 hold "wxyv"; 9,000 hold "qxzv" and 3,500 only its trigrams ("qxzaxzvb"), interleaved. */
function extraOf(i: number): string | null {
  if (i < 13_000) return 'wxyv';
  if (i >= 25_500) return null;
  return (i - 13_000) % 25 < 18 ? 'qxzv' : 'qxza xzvb';
}

beforeAll(async () => {
  t = await createTestApp();
  const at = '2026-01-01T00:00:00.000Z';
  for (let start = 0; start < common + rare; start += 500) {
    const rows = Array.from({ length: Math.min(500, common + rare - start) }, (_, k) => {
      const i = start + k;
      const name = i < common ? `厚重${i}` : `稀少${i}`;
      const doc = buildSearchDocument([name, extraOf(i)]);
      return {
        archive_no: archiveNumber(700_000 + i), kind: 'organization', name, category: 'enterprise', status: 'potential', lifecycle_stage: 'exploration',
        owner_id: null, industry: null, province: null, city: null, district: null, address: null, phone: null, mobile: null, email: null,
        website: null, source: null, tags: '[]', notes: null, person: '{}', organization: '{}', search_key: doc.key, deleted_at: null, deleted_by: null,
        version: 1, created_at: at, updated_at: new Date(Date.parse(at) + i * 1000).toISOString(), created_by: null, updated_by: null,
      };
    });
    const ids = await t.ctx.db.insertInto('customers').values(rows).returning(['id', 'search_key']).execute();
    const grams = new Map(rows.map((r) => [r.search_key, buildSearchDocument([r.name, extraOf(Number(r.archive_no.slice(2)) - 700_000)]).grams]));
    await insertSearchIndexMany(t.ctx.db, t.ctx.engine, ids.map((r) => ({ customerId: r.id, grams: grams.get(r.search_key) ?? [] })));
  }
  if (t.ctx.engine === 'postgres') await sql`analyze customer_search`.execute(t.ctx.db);
}, 180_000);
afterAll(() => t.close());

const everyone = unscoped('the test reads every customer');
const search = (q: string, limit = 20) => list(t.ctx.db, t.ctx.engine, { scope: everyone, q }, { key: 'updatedAt', desc: true }, limit, 0);

describe('search plans', () => {
  it('fetches the ids of a rare term once, and finds none of a missing one', async () => {
    const plan = await planSearch(t.ctx.db, t.ctx.engine, '稀少');
    expect(plan.kind).toBe('ids');
    expect(plan.kind === 'ids' && plan.ids.length).toBe(rare);
    expect(await planSearch(t.ctx.db, t.ctx.engine, '不在')).toEqual({ kind: 'ids', ids: [] });
    const found = await search('稀少', 50);
    expect(found.total).toBe(rare);
    expect(found.rows.map((r) => r.name)).toEqual(Array.from({ length: rare }, (_, k) => `稀少${common + rare - 1 - k}`));
  });

  it('knows a common term is past the cap: counted on SQLite, estimated from statistics on PostgreSQL', async () => {
    const plan = await planSearch(t.ctx.db, t.ctx.engine, '厚重');
    if (plan.kind !== 'dense') throw new Error(`expected a dense plan, got ${plan.kind}`);
    if (t.ctx.engine === 'sqlite') {
      expect(plan).toMatchObject({ hits: common, exactHits: true });
    } else {
      expect(Math.abs(plan.estimate - common) / common).toBeLessThan(0.2);
      const target = await sql<{ n: number }>`select attstattarget as n from pg_attribute where attrelid = 'customer_search'::regclass and attname = 'grams'`.execute(t.ctx.db);
      expect(Number(target.rows[0]?.n)).toBe(1000);
    }
    const found = await search('厚重', 3);
    expect(found).toMatchObject({ total: 10_000, totalCapped: true });
    expect(found.rows.map((r) => r.name)).toEqual(['厚重29999', '厚重29998', '厚重29997']);
  });

  it('estimates a longer term from a sample of its hits, and caps it only well past the cap', async () => {
    const plan = await planSearch(t.ctx.db, t.ctx.engine, 'wxyv');
    expect(plan).toMatchObject({ kind: 'dense', exactHits: false });
    expect(plan.kind === 'dense' && plan.estimate).toBeGreaterThan(12_500);
    expect(await search('wxyv')).toMatchObject({ total: 10_000, totalCapped: true });
  });

  it('counts exactly below the cap a term whose grams name more customers than hold it', async () => {
    // 12,500 customers hold qxz and xzv, 9,000 of them "qxzv": more hits than the cap, fewer matches.
    const plan = await planSearch(t.ctx.db, t.ctx.engine, 'qxzv');
    expect(plan.kind).toBe('dense');
    expect(plan.kind === 'dense' && plan.hits).toBeGreaterThanOrEqual(12_500);
    const found = await search('qxzv', 2);
    expect(found.total).toBe(9000);
    expect(found.totalCapped).toBe(false);
    // The page is the newest real matches (厚重25499 holds only the trigrams).
    expect(found.rows.every((r) => r.search_key.includes('qxzv'))).toBe(true);
    expect(found.rows.map((r) => r.name)).toEqual(['厚重25492', '厚重25491']);
  });

  it('finds exactly the customers holding a term when its commonest grams are left out of the lookup (PostgreSQL)', async () => {
    // 厚重1 is a gram of more than a third of the customers: PostgreSQL looks up 重12, 123 and 234 alone.
    const found = await search('厚重1234', 20);
    expect(found.total).toBe(11);
    expect(found.rows.map((r) => r.name).sort()).toEqual(['厚重1234', ...Array.from({ length: 10 }, (_, k) => `厚重1234${k}`)].sort());
  });

  it('leaves a term too short for the index, or nothing searchable, to the row-by-row check', async () => {
    expect(await planSearch(t.ctx.db, t.ctx.engine, 'k')).toEqual({ kind: 'scan' });
    expect(await planSearch(t.ctx.db, t.ctx.engine, '--')).toEqual({ kind: 'scan' });
  });
});
