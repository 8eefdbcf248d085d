import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../test/harness.js';
import { createDatabase, type Database } from './database.js';
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
      checksum: 'broken',
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

  it('records the checksum of each migration it applies', async () => {
    const fresh = await freshDatabase();
    cleanup = fresh.drop;
    await migrate(fresh.database);
    const rows = await fresh.database.db.selectFrom('schema_migrations').select(['name', 'checksum']).orderBy('name').execute();
    expect(rows).toEqual(migrations.map((m) => ({ name: m.name, checksum: m.checksum })));
    expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.checksum ?? ''))).toBe(true);
  });

  it('refuses to start when a migration applied before has changed, and applies nothing', async () => {
    const fresh = await freshDatabase();
    cleanup = fresh.drop;
    await migrate(fresh.database, migrations.slice(0, 7));
    const edited = migrations.map((m) => (m.name === '20261122-0007-sales' ? { ...m, checksum: '0'.repeat(64) } : m));
    await expect(migrate(fresh.database, edited)).rejects.toThrow(
      /Migration 20261122-0007-sales is not the one this database was migrated with \(its checksum differs\)/,
    );
    const applied = await fresh.database.db.selectFrom('schema_migrations').select('name').execute();
    expect(applied).toHaveLength(7);
    // The registered migrations are still accepted.
    expect(await migrate(fresh.database)).toHaveLength(migrations.length - 7);
  });

  it('records the checksums of a database migrated before they were kept', async () => {
    const fresh = await freshDatabase();
    cleanup = fresh.drop;
    const { db } = fresh.database;
    await migrate(fresh.database);
    await sql`alter table schema_migrations drop column checksum`.execute(db);
    expect(await migrate(fresh.database)).toEqual([]);
    const rows = await db.selectFrom('schema_migrations').select(['name', 'checksum']).orderBy('name').execute();
    expect(rows).toEqual(migrations.map((m) => ({ name: m.name, checksum: m.checksum })));
  });

  it('servers started together on an empty database all come up, each migration applied once', async () => {
    const fresh = await freshDatabase();
    cleanup = fresh.drop;
    // Four servers: each its own connection (pool) to the same database.
    const servers: Database[] = [fresh.database];
    for (let i = 0; i < 3; i++) {
      servers.push(createDatabase({ engine: fresh.database.engine, databaseUrl: fresh.databaseUrl, dataDir: fresh.dataDir }, { poolSize: 2 }));
    }
    try {
      const results = await Promise.allSettled(servers.map((s) => migrate(s)));
      expect(results.map((r) => (r.status === 'rejected' ? String(r.reason) : 'ok'))).toEqual(['ok', 'ok', 'ok', 'ok']);
      const applied = results.flatMap((r) => (r.status === 'fulfilled' ? r.value : []));
      expect(applied.sort()).toEqual(migrations.map((m) => m.name));
    } finally {
      for (const s of servers.slice(1)) await s.close();
    }
    const rows = await fresh.database.db.selectFrom('schema_migrations').select('name').execute();
    expect(rows).toHaveLength(migrations.length);
  });
});
