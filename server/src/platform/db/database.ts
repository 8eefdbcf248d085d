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

/** How long a statement waits for another connection's write lock before it fails. */
const lockWaitMs = 30_000;

/** One holder at a time, first come first served. */
class Mutex {
  private held = false;
  private readonly waiting: Array<() => void> = [];
  async lock(): Promise<void> {
    if (!this.held) {
      this.held = true;
      return;
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }
  unlock(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.held = false;
  }
}

/**
 * SQLite's one connection, shared through a mutex. Write transactions take the write lock up
 * front, so they never fail half-way on SQLITE_BUSY. When another connection (the import thread)
 * holds the lock, the wait is asynchronous and lets go of the connection meanwhile: SQLite's own
 * busy timeout would block the server's only thread, and every reader with it.
 */
class ImmediateSqliteDriver extends SqliteDriver {
  private readonly mutex = new Mutex();
  private connection: DatabaseConnection | null = null;

  constructor(private readonly sqlite: SQLite.Database) {
    super({ database: sqlite });
  }

  override async init(): Promise<void> {
    await super.init();
    // Kysely's driver keeps its connection behind its own mutex: take it once, share it through ours.
    const inner = await super.acquireConnection();
    this.connection = {
      executeQuery: (query) => this.whenUnlocked(() => inner.executeQuery(query)),
      streamQuery: (query, chunkSize) => inner.streamQuery(query, chunkSize),
    };
  }

  /** Run a statement; outside a transaction, SQLITE_BUSY means "wait for the lock, then again". */
  private async whenUnlocked<T>(run: () => Promise<T>): Promise<T> {
    const deadline = Date.now() + lockWaitMs;
    for (let pause = 2; ; pause = Math.min(pause * 2, 50)) {
      try {
        return await run();
      } catch (error) {
        if ((error as { code?: string }).code !== 'SQLITE_BUSY' || this.sqlite.inTransaction || Date.now() > deadline) throw error;
      }
      // Nothing of this statement ran: let other queries use the connection meanwhile.
      this.mutex.unlock();
      await new Promise((resolve) => setTimeout(resolve, pause));
      await this.mutex.lock();
    }
  }

  override async acquireConnection(): Promise<DatabaseConnection> {
    await this.mutex.lock();
    if (!this.connection) throw new Error('database not initialised');
    return this.connection;
  }

  override async releaseConnection(): Promise<void> {
    this.mutex.unlock();
  }

  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
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
  // Copy the write-ahead log back into the database every 10,000 pages (40 MB) rather than SQLite's
  // 1,000: an import's batch dirties thousands of scattered pages, and at 1,000 every batch paid for
  // a checkpoint (page copies and an fsync) of pages the next batch wrote again; with the server's
  // connection at 1,000 as well, its next small write (a session, a lease) ran that checkpoint on
  // the server's only thread. The import thread checkpoints what is left when it goes idle.
  sqlite.pragma('wal_autocheckpoint = 10000');
  sqlite.pragma('foreign_keys = ON');
  // No busy timeout: waiting for a lock is asynchronous (ImmediateSqliteDriver).
  sqlite.pragma('busy_timeout = 0');
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
