import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import {
  CompiledQuery,
  Kysely,
  PostgresDialect,
  SqliteDialect,
  SqliteDriver,
  type DatabaseConnection,
  type Driver,
} from 'kysely';
import pg from 'pg';
import type { Config, Engine } from '../config.js';
import type { DB } from './schema.js';

export interface Database {
  db: Kysely<DB>;
  engine: Engine;
  close(): Promise<void>;
}

const busyTimeoutMs = 5000;
const lockWaitMs = 30_000;

/**
 * SQLite write transactions take the write lock up front, so they never fail half-way on
 * SQLITE_BUSY. When another connection (the import thread) holds it, the wait is asynchronous:
 * SQLite's own busy timeout would block the server's only thread, and every reader with it.
 */
class ImmediateSqliteDriver extends SqliteDriver {
  constructor(private readonly sqlite: SQLite.Database) {
    super({ database: sqlite });
  }

  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    const deadline = Date.now() + lockWaitMs;
    this.sqlite.pragma('busy_timeout = 0');
    try {
      for (let pause = 2; ; pause = Math.min(pause * 2, 50)) {
        try {
          await connection.executeQuery(CompiledQuery.raw('begin immediate'));
          return;
        } catch (error) {
          if ((error as { code?: string }).code !== 'SQLITE_BUSY' || Date.now() > deadline) throw error;
          await new Promise((resolve) => setTimeout(resolve, pause));
        }
      }
    } finally {
      this.sqlite.pragma(`busy_timeout = ${busyTimeoutMs}`);
    }
  }
}

class ImmediateSqliteDialect extends SqliteDialect {
  constructor(private readonly sqlite: SQLite.Database) {
    super({ database: sqlite });
  }
  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.sqlite);
  }
}

/**
 * Reuse compiled statements: Kysely prepares every query it runs, and compiling is a good part
 * of a short query's cost. Safe on one connection whose queries run one at a time.
 */
function cacheStatements(sqlite: SQLite.Database, size = 200): void {
  const cache = new Map<string, SQLite.Statement>();
  const prepare = sqlite.prepare.bind(sqlite);
  sqlite.prepare = ((source: string) => {
    const hit = cache.get(source);
    if (hit) {
      cache.delete(source); // most recently used last
      cache.set(source, hit);
      return hit;
    }
    const statement = prepare(source);
    cache.set(source, statement);
    if (cache.size > size) cache.delete(cache.keys().next().value as string);
    return statement;
  }) as typeof sqlite.prepare;
}

export function openSqlite(file: string): SQLite.Database {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  // FULL: an acknowledged commit survives power loss, not only a process crash.
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma(`busy_timeout = ${busyTimeoutMs}`);
  sqlite.pragma('cache_size = -65536');
  sqlite.pragma('temp_store = MEMORY');
  cacheStatements(sqlite);
  return sqlite;
}

/** Open the configured database: PostgreSQL when DATABASE_URL says so, else SQLite in the data folder. */
export function createDatabase(
  config: Pick<Config, 'engine' | 'databaseUrl' | 'dataDir'>,
  options: { sqliteFile?: string; poolSize?: number } = {},
): Database {
  if (config.engine === 'postgres' && config.databaseUrl) {
    // Integer columns come back as numbers (counts are bigint in PostgreSQL).
    pg.types.setTypeParser(20, (v: string) => Number(v));
    const pool = new pg.Pool({ connectionString: config.databaseUrl, max: options.poolSize ?? 10 });
    // An idle connection closed by the server (restart, admin command) must not crash the process;
    // the pool opens a new one on the next query.
    pool.on('error', (error) => console.warn(`PostgreSQL idle connection closed: ${error.message}`));
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    return { db, engine: 'postgres', close: () => db.destroy() };
  }
  const file = options.sqliteFile ?? path.join(config.dataDir, 'crm.sqlite');
  const sqlite = openSqlite(file);
  const db = new Kysely<DB>({ dialect: new ImmediateSqliteDialect(sqlite) });
  return { db, engine: 'sqlite', close: () => db.destroy() };
}
