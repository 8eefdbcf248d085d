import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../platform/db/migrate.js';
import { freshDatabase } from '../test/harness.js';
import { migrations } from './index.js';

/**
 * Migration 0030 on a database whose built-in roles predate customer analytics: they get
 * analytics.view (the administrator also analytics.manage), keep what they had, and a custom
 * role is left alone.
 */
const before = migrations.slice(0, migrations.findIndex((m) => m.name === '20261206-0030-analytics'));
const at = '2026-12-01T08:00:00.000Z';

let fresh: Awaited<ReturnType<typeof freshDatabase>>;
let db: Kysely<any>;

beforeAll(async () => {
  fresh = await freshDatabase();
  db = fresh.database.db as unknown as Kysely<any>;
  await migrate(fresh.database, before);
  const role = (key: string, builtIn: number, permissions: string[]) =>
    db.insertInto('roles').values({ key, name: key, description: '', built_in: builtIn, permissions: JSON.stringify(permissions), data_scope: 'own', version: 1, created_at: at, updated_at: at }).execute();
  await role('administrator', 1, ['customers.view']);
  await role('salesperson', 1, ['customers.view', 'analytics.view']);
  await role('marketing', 1, ['customers.view']);
  await role('my_role', 0, ['customers.view']);
  await migrate(fresh.database);
});
afterAll(() => fresh.drop());

describe('migration 0030: analytics permissions', () => {
  it('adds them to the built-in roles that get them, once, and to no other role', async () => {
    const rows = await db.selectFrom('roles').select(['key', 'permissions']).orderBy('key').execute();
    expect(Object.fromEntries(rows.map((r) => [r.key, JSON.parse(r.permissions)]))).toEqual({
      administrator: ['customers.view', 'analytics.view', 'analytics.manage'],
      marketing: ['customers.view'],
      my_role: ['customers.view'],
      salesperson: ['customers.view', 'analytics.view'],
    });
  });
});
