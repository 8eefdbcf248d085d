import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import { parentPort, workerData } from 'node:worker_threads';
import { sql } from 'kysely';
import { Throttle } from '../../platform/auth/throttle.js';
import { systemClock } from '../../platform/clock.js';
import type { Config } from '../../platform/config.js';
import type { AppContext } from '../../platform/context.js';
import { createDatabase } from '../../platform/db/database.js';
import { createStorage } from '../../platform/storage/index.js';
import { ImportWorker, type WorkerOptions } from './worker.js';

/**
 * The import worker on its own thread with its own database connection (SQLite: in WAL mode the
 * server's connection keeps reading while a batch is being written). The import's work runs on
 * another core: lists stay fast during an import.
 */
const { config, options } = workerData as { config: Config; options: Partial<WorkerOptions> };
// PostgreSQL: a batch's transaction and the next batch's checks need two connections at most.
const database = createDatabase(config, { poolSize: 2 });
const ctx: AppContext = { db: database.db, engine: database.engine, clock: systemClock, config, throttle: new Throttle(database.db, systemClock), storage: await createStorage(config) };
/**
 * V8 lets a heap grow to several times what it holds before it collects: a batch's garbage left the
 * thread at 200 MB while 40 MB were live. After a batch that left more than `collectAboveMb` on the
 * heap, a full collection (about 20 ms) keeps the server's peak memory near what it needs.
 */
const collectAboveMb = 64;
v8.setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;
const afterBatch = () => {
  if (v8.getHeapStatistics().used_heap_size > collectAboveMb * 1024 * 1024) collect();
};
/**
 * Before the thread reports idle (and is ended), the pages its batches left in the write-ahead log
 * are copied back into the database here, off the server's thread (PASSIVE: readers are not held).
 */
const checkpoint = async () => {
  if (database.engine === 'sqlite') await sql`pragma wal_checkpoint(PASSIVE)`.execute(database.db).catch(() => undefined);
};
const worker = new ImportWorker(ctx, { ...options, onIdle: () => void checkpoint().finally(() => parentPort?.postMessage('idle')), afterBatch });
// A smaller page cache than the server's own connection: a batch touches scattered pages once, and
// the server's peak memory (both threads) stays low. The operating system caches the file anyway.
if (database.engine === 'sqlite') await sql`pragma cache_size = -8192`.execute(database.db);
worker.start();

parentPort?.on('message', (message: string) => {
  if (message === 'kick') worker.kick();
  if (message === 'stop') {
    void worker
      .stop()
      .then(() => database.close())
      .finally(() => parentPort?.postMessage('stopped'));
  }
});
