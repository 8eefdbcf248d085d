import { sql, type Kysely } from 'kysely';
import type { Engine } from '../config.js';
import { migrations } from '../../migrations/index.js';
import type { Database } from './database.js';

export class MigrationError extends Error {
  override name = 'MigrationError';
}

/**
 * Apply pending migrations in order, each in its own transaction: a failure rolls that one back,
 * leaves the previous schema in place and is reported as a MigrationError.
 */
export async function migrate({ db, engine }: Database, list: Migration[] = migrations): Promise<string[]> {
  await db.schema
    .createTable('schema_migrations')
    .ifNotExists()
    .addColumn('name', 'varchar(200)', (c) => c.primaryKey())
    .addColumn('applied_at', 'varchar(40)', (c) => c.notNull())
    .execute();
  const applied = new Set(
    (await db.selectFrom('schema_migrations').select('name').execute()).map((r) => r.name),
  );
  const known = new Set(list.map((m) => m.name));
  const unknown = [...applied].filter((name) => !known.has(name));
  if (unknown.length > 0) {
    throw new MigrationError(
      `The database has migrations this version does not know (${unknown.join(', ')}): it was written by a newer version. Refusing to start.`,
    );
  }
  const done: string[] = [];
  for (const migration of list) {
    if (applied.has(migration.name)) continue;
    try {
      await db.transaction().execute(async (trx) => {
        await migration.up(trx as unknown as Kysely<unknown>, engine);
        await trx
          .insertInto('schema_migrations')
          .values({ name: migration.name, applied_at: new Date().toISOString() })
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
  if (engine === 'sqlite' && done.length > 0) {
    const problems = await sql`pragma foreign_key_check`.execute(db);
    if (problems.rows.length > 0) throw new MigrationError('Foreign key check failed after migration.');
  }
  return done;
}

export interface Migration {
  name: string;
  up(db: Kysely<unknown>, engine: Engine): Promise<void>;
}
