import { parentPort, workerData } from 'node:worker_threads';
import { sql } from 'kysely';
import { systemClock } from '../../platform/clock.js';
import type { Config } from '../../platform/config.js';
import { createDatabase } from '../../platform/db/database.js';
import { computeRun, findRun } from './analytics.runs.js';

/**
 * One analytics run on a thread of its own, with its own SQLite connection: the run's statements
 * aggregate every customer's transactions and take seconds at a million customers; on the
 * server's connection they held its only thread, and every request with it. Here the server keeps
 * answering (WAL: its reads go on; its writes wait for the lock asynchronously). The thread ends
 * with the run.
 */
const { config, runId } = workerData as { config: Config; runId: number };
const database = createDatabase(config);
try {
  if (database.engine === 'sqlite') {
    // Sorting and grouping spill to temporary files rather than the process's memory, and a small
    // page cache: the run reads each page about once.
    await sql`pragma temp_store = FILE`.execute(database.db);
    await sql`pragma cache_size = -16384`.execute(database.db);
  }
  const run = await findRun(database.db, runId);
  if (run?.status === 'running') await computeRun({ db: database.db, engine: database.engine, clock: systemClock }, run);
  parentPort?.postMessage({ ok: true });
} catch (error) {
  parentPort?.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) });
} finally {
  await database.close();
}
