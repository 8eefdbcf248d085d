import { sql, type ControlledTransaction, type Kysely } from 'kysely';
import type { Engine } from '../config.js';
import { migrations, type RegisteredMigration } from '../../migrations/index.js';
import type { Database } from './database.js';
import type { DB } from './schema.js';

export class MigrationError extends Error {
  override name = 'MigrationError';
}

/** Runs one migration's work atomically: a failure undoes that migration only. */
type Step = (body: (db: Kysely<DB>) => Promise<void>) => Promise<void>;

/**
 * Apply pending migrations in order, each atomically: a failure rolls that one back, keeps the ones
 * before it and is reported as a MigrationError. One server at a time: PostgreSQL runs under an
 * advisory lock (a second server waits, then finds nothing left to do), SQLite in one write
 * transaction (BEGIN IMMEDIATE) with a savepoint per migration. A migration applied before whose
 * source has changed since (its checksum differs) stops the start.
 */
export async function migrate({ db, engine }: Database, list: RegisteredMigration[] = migrations): Promise<string[]> {
  if (engine === 'postgres') {
    return db.connection().execute(async (conn) => {
      await sql`select pg_advisory_lock(hashtext('schema_migrations'))`.execute(conn);
      try {
        return await run(conn, engine, list, (body) => conn.transaction().execute(body));
      } finally {
        await sql`select pg_advisory_unlock(hashtext('schema_migrations'))`.execute(conn);
      }
    });
  }
  const trx = await db.startTransaction().execute();
  let done: string[];
  try {
    done = await run(trx, engine, list, (body) => underSavepoint(trx, body));
  } finally {
    // What ran before a failure stays: the failed migration went back to its savepoint.
    await trx.commit().execute();
  }
  if (done.length > 0) {
    const problems = await sql`pragma foreign_key_check`.execute(db);
    if (problems.rows.length > 0) throw new MigrationError('Foreign key check failed after migration.');
  }
  return done;
}

async function underSavepoint(trx: ControlledTransaction<DB>, body: (db: Kysely<DB>) => Promise<void>): Promise<void> {
  const savepoint = await trx.savepoint('migration').execute();
  try {
    await body(savepoint);
    await savepoint.releaseSavepoint('migration').execute();
  } catch (error) {
    await savepoint.rollbackToSavepoint('migration').execute();
    throw error;
  }
}

async function run(db: Kysely<DB>, engine: Engine, list: RegisteredMigration[], step: Step): Promise<string[]> {
  await prepareTable(db, engine);
  const applied = new Map((await db.selectFrom('schema_migrations').select(['name', 'checksum']).execute()).map((r) => [r.name, r.checksum]));
  const unknown = [...applied.keys()].filter((name) => !list.some((m) => m.name === name));
  if (unknown.length > 0) {
    throw new MigrationError(
      `The database has migrations this version does not know (${unknown.join(', ')}): it was written by a newer version. Refusing to start.`,
    );
  }
  const edited = list.filter((m) => (applied.get(m.name) ?? m.checksum) !== m.checksum);
  if (edited.length > 0) {
    throw new MigrationError(
      `Migration ${edited.map((m) => m.name).join(', ')} is not the one this database was migrated with (its checksum differs): a migration was edited after it was applied. Refusing to start. Restore it as it was released and put the change in a new migration.`,
    );
  }
  // Databases migrated before checksums were kept get them now.
  for (const m of list.filter((m) => applied.get(m.name) === null)) {
    await db.updateTable('schema_migrations').set({ checksum: m.checksum }).where('name', '=', m.name).execute();
  }
  const done: string[] = [];
  for (const migration of list) {
    if (applied.has(migration.name)) continue;
    try {
      await step(async (trx) => {
        await migration.up(trx as unknown as Kysely<unknown>, engine);
        await trx
          .insertInto('schema_migrations')
          .values({ name: migration.name, applied_at: new Date().toISOString(), checksum: migration.checksum })
          .execute();
      });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new MigrationError(
        `Migration ${migration.name} failed and was rolled back; the database keeps its previous schema. Reason: ${reason}`,
      );
    }
    done.push(migration.name);
  }
  return done;
}

/** The table of applied migrations; one written before checksums were kept gets the column (nullable: older servers still write it). */
async function prepareTable(db: Kysely<DB>, engine: Engine): Promise<void> {
  await db.schema
    .createTable('schema_migrations')
    .ifNotExists()
    .addColumn('name', 'varchar(200)', (c) => c.primaryKey())
    .addColumn('applied_at', 'varchar(40)', (c) => c.notNull())
    .addColumn('checksum', 'varchar(64)')
    .execute();
  if (engine === 'postgres') {
    await sql`alter table schema_migrations add column if not exists checksum varchar(64)`.execute(db);
  } else if ((await sql`select 1 from pragma_table_info('schema_migrations') where name = 'checksum'`.execute(db)).rows.length === 0) {
    await sql`alter table schema_migrations add column checksum varchar(64)`.execute(db);
  }
}
