import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../test/harness.js';
import { migrate, MigrationError } from './migrate.js';
import { migrations } from '../../migrations/index.js';

let cleanup: (() => Promise<void>) | null = null;
afterEach(async () => {
  await cleanup?.();
  cleanup = null;
});

describe('migrations', () => {
  it('a failing migration is rolled back whole and the previous schema stays', async () => {
    const fresh = await freshDatabase();
    cleanup = fresh.drop;
    await migrate(fresh.database);
    const broken = {
      name: '29990101-broken',
      async up(db: Parameters<(typeof migrations)[number]['up']>[0]) {
        await db.schema.createTable('half_done').addColumn('id', 'integer').execute();
        await sql`select * from table_that_does_not_exist`.execute(db);
      },
    };
    await expect(migrate(fresh.database, [...migrations, broken])).rejects.toThrow(MigrationError);
    const tables = fresh.database.engine === 'sqlite'
      ? await sql<{ name: string }>`select name from sqlite_master where name = 'half_done'`.execute(fresh.database.db)
      : await sql<{ name: string }>`select table_name as name from information_schema.tables where table_name = 'half_done'`.execute(fresh.database.db);
    expect(tables.rows).toEqual([]);
    const applied = await fresh.database.db.selectFrom('schema_migrations').select('name').execute();
    expect(applied.map((r) => r.name)).toEqual(migrations.map((m) => m.name));
    // Running again is a no-op.
    expect(await migrate(fresh.database)).toEqual([]);
  });

  it('refuses a database written by a newer version', async () => {
    const fresh = await freshDatabase();
    cleanup = fresh.drop;
    await migrate(fresh.database);
    await fresh.database.db.insertInto('schema_migrations').values({ name: '29990101-future', applied_at: new Date().toISOString() }).execute();
    await expect(migrate(fresh.database)).rejects.toThrow(/newer version/);
  });
});
