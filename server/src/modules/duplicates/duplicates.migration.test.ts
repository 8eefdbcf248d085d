import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrations } from '../../migrations/index.js';
import type { Database } from '../../platform/db/database.js';
import { migrate } from '../../platform/db/migrate.js';
import { freshDatabase } from '../../test/harness.js';

/** Customers stored before the duplicate check existed get their keys and completeness. */
let fresh: Awaited<ReturnType<typeof freshDatabase>>;
let database: Database;

beforeAll(async () => {
  fresh = await freshDatabase();
  database = fresh.database;
  const before = migrations.findIndex((m) => m.name === '20261122-0005-duplicates');
  await migrate(database, migrations.slice(0, before));
});
afterAll(() => fresh.drop());

describe('migration 0005', () => {
  it('backfills duplicate-check keys of customers and their live contacts, and completeness', async () => {
    const { db } = database;
    const at = '2026-01-01T00:00:00.000Z';
    const base = { category: 'enterprise', status: 'potential', lifecycle_stage: 'exploration', tags: '[]', person: '{}', organization: '{}', search_key: '', version: 1, created_at: at, updated_at: at };
    const rows = [];
    for (let i = 0; i < 1203; i++) rows.push({ ...base, archive_no: `KH${String(i).padStart(8, '0')}`, kind: 'organization', name: `批量${i}有限公司`, phone: i === 7 ? '+86 138 0013 8000' : null });
    for (let i = 0; i < rows.length; i += 200) await db.insertInto('customers').values(rows.slice(i, i + 200)).execute();
    const person = await db.insertInto('customers').values({ ...base, archive_no: 'KH99999999', kind: 'person', name: '老客户', email: 'Old@Example.com', industry: 'x' }).returning('id').executeTakeFirstOrThrow();
    const last = await db.selectFrom('customers').select('id').where('name', '=', '批量1202有限公司').executeTakeFirstOrThrow();
    await db.insertInto('contacts').values([
      { customer_id: last.id, name: '在职', mobile: '139-1234-5678', is_primary: 0, version: 1, created_at: at, updated_at: at },
      { customer_id: last.id, name: '已删', mobile: '13700000000', is_primary: 0, version: 1, created_at: at, updated_at: at, deleted_at: at },
    ]).execute();

    await migrate(database);

    const keysOf = async (customerId: number) => (await db.selectFrom('dedupe_keys').select('key').where('customer_id', '=', customerId).execute()).map((k) => k.key).sort();
    expect(await keysOf(last.id)).toEqual(['n:批量1202', 'p:+8613912345678']);
    expect(await keysOf(person.id)).toEqual(['e:old@example.com']);
    const seventh = await db.selectFrom('customers').select('id').where('name', '=', '批量7有限公司').executeTakeFirstOrThrow();
    expect(await keysOf(seventh.id)).toEqual(['n:批量7', 'p:+8613800138000']);
    const count = await db.selectFrom('dedupe_keys').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(1203 + 1 + 1 + 1);
    const scored = await db.selectFrom('customers').select(['completeness']).where('id', 'in', [seventh.id, person.id]).orderBy('id').execute();
    expect(scored.map((s) => s.completeness)).toEqual([8, 11]); // 1 of 12 organisation fields, 1 of 9 person fields
    expect(await db.selectFrom('customer_merges').selectAll().execute()).toEqual([]);
  });
});
