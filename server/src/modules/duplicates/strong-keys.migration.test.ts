import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrations } from '../../migrations/index.js';
import type { Database } from '../../platform/db/database.js';
import { migrate } from '../../platform/db/migrate.js';
import { freshDatabase } from '../../test/harness.js';

/** Customers stored before the credit code and the ID card were duplicate keys get those keys. */
let fresh: Awaited<ReturnType<typeof freshDatabase>>;
let database: Database;

beforeAll(async () => {
  fresh = await freshDatabase();
  database = fresh.database;
  const before = migrations.findIndex((m) => m.name === '20261204-0009-strong-keys');
  await migrate(database, migrations.slice(0, before));
});
afterAll(() => fresh.drop());

describe('migration 0009', () => {
  it('adds the credit-code keys of organisations and the ID-card keys of persons, keeping the other keys', async () => {
    const { db } = database;
    const at = '2026-01-01T00:00:00.000Z';
    const base = { category: 'enterprise', status: 'potential', lifecycle_stage: 'exploration', tags: '[]', person: '{}', organization: '{}', search_key: '', version: 1, created_at: at, updated_at: at };
    const org = await db
      .insertInto('customers')
      .values({ ...base, archive_no: 'KH00000001', kind: 'organization', name: '老公司', organization: JSON.stringify({ creditCode: '91310000 12345678 9x' }) })
      .returning('id')
      .executeTakeFirstOrThrow();
    const person = await db
      .insertInto('customers')
      .values({ ...base, archive_no: 'KH00000002', kind: 'person', name: '老客户', person: JSON.stringify({ idCardNumber: '11010519900101001x' }) })
      .returning('id')
      .executeTakeFirstOrThrow();
    const masked = await db
      .insertInto('customers')
      .values({ ...base, archive_no: 'KH00000003', kind: 'person', name: '掩码', person: JSON.stringify({ idCardNumber: '110105********001X' }) })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db.insertInto('dedupe_keys').values({ customer_id: org.id, contact_id: null, key: 'n:老' }).execute();

    await migrate(database);

    const keysOf = async (customerId: number) => (await db.selectFrom('dedupe_keys').select('key').where('customer_id', '=', customerId).execute()).map((k) => k.key).sort();
    expect(await keysOf(org.id)).toEqual(['c:91310000123456789X', 'n:老']);
    expect(await keysOf(person.id)).toEqual(['i:11010519900101001X']);
    expect(await keysOf(masked.id)).toEqual([]);
  });
});
