import crypto from 'node:crypto';
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { importMapping, importValueMapping, type DuplicateMode, type ImportEntity, type Locale } from '@crm/contracts';
import type { FastifyInstance } from 'fastify';
import { sql, type Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import { can } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { analyzeCustomers, customerStatistics } from '../customers/index.js';
import { notify } from '../notifications/index.js';
import { actorOf } from '../users/index.js';
import * as repo from './imports.repository.js';
import { countOutcomes, importPermission, type SourceRow } from './plan.js';
import { buildPlan, processorFor, readJobFile } from './runner.js';

export interface WorkerOptions {
  /** The most rows per transaction. */
  batchSize: number;
  /** How long a batch's transaction should last; the rows per batch follow from the last one's speed. */
  batchMs: number;
  /** How long a claim on a job holds without being renewed (each batch renews it). */
  leaseMs: number;
  /** How often to look for queued or abandoned jobs (a started import wakes the worker at once). */
  pollMs: number;
  /** Called whenever the worker looked for a job and found none. */
  onIdle?: () => void;
  /** Called after each batch (the worker thread collects its garbage there). */
  afterBatch?: () => void;
}

const defaults: WorkerOptions = {
  batchSize: 1000,
  batchMs: 50,
  leaseMs: 15_000,
  pollMs: 2_000,
};

class LeaseLost extends Error {}

/**
 * One batch's transaction. On SQLite it commits with synchronous=NORMAL (the server's own
 * setting, FULL, is back for every other statement): in WAL mode a killed process still loses
 * nothing, and a power cut may lose the last batches only together with the cursor that counts
 * them, so the job redoes exactly those rows. It saves an fsync per batch. PostgreSQL likewise
 * commits the batch without waiting for its WAL flush (synchronous_commit off, this transaction
 * only): a crash of the database server may lose the last batches and their cursor, never one
 * without the other.
 */
async function batchTransaction(ctx: AppContext, work: (trx: Transaction<DB>) => Promise<void>): Promise<void> {
  if (ctx.engine !== 'sqlite') {
    return ctx.db.transaction().execute(async (trx) => {
      await sql`set local synchronous_commit = off`.execute(trx);
      await work(trx);
    });
  }
  await ctx.db.connection().execute(async (conn) => {
    const before = await sql<{ synchronous: number }>`pragma synchronous`.execute(conn);
    await sql`pragma synchronous = NORMAL`.execute(conn);
    try {
      await conn.transaction().execute(work);
    } finally {
      await sql.raw(`pragma synchronous = ${Number(before.rows[0]?.synchronous ?? 2)}`).execute(conn);
    }
  });
}

/**
 * Runs import jobs inside the server. A job is processed in batches, each in ONE transaction with
 * its records, its per-row results and the job's cursor and counters: a server killed at any moment
 * leaves the job at a batch boundary, and the next worker to claim it (after the dead one's claim
 * expires) resumes from the cursor, so no row is lost or written twice.
 */
export class ImportWorker {
  readonly id = `${os.hostname()}:${process.pid}:${crypto.randomBytes(4).toString('hex')}`;
  private readonly options: WorkerOptions;
  private timer: NodeJS.Timeout | null = null;
  private loop: Promise<void> | null = null;
  private again = false;
  private stopped = false;

  constructor(
    private readonly ctx: AppContext,
    options: Partial<WorkerOptions> = {},
  ) {
    this.options = { ...defaults, ...options };
  }

  start(): void {
    this.stopped = false;
    this.timer = setInterval(() => this.kick(), this.options.pollMs);
    this.timer.unref();
    this.kick();
  }

  /** Look for work now. */
  kick(): void {
    if (this.stopped) return;
    if (this.loop) {
      this.again = true;
      return;
    }
    this.loop = this.drain()
      .catch((error: unknown) => console.error('import worker:', error))
      .finally(() => {
        this.loop = null;
        if (this.again && !this.stopped) {
          this.again = false;
          this.kick();
        }
      });
  }

  /** Finish the batch in progress and stop (the job stays claimed until its lease runs out, then resumes). */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.loop;
  }

  private leaseUntil(): string {
    return new Date(this.ctx.clock.now().getTime() + this.options.leaseMs).toISOString();
  }

  private abandoned(): repo.Abandoned {
    return abandonedAt(this.ctx.clock.now(), this.options.leaseMs);
  }

  private async drain(): Promise<void> {
    while (!this.stopped) {
      this.again = false;
      const job = await repo.claimJob(this.ctx.db, this.id, this.abandoned(), this.leaseUntil());
      if (!job) {
        this.options.onIdle?.();
        return;
      }
      await this.run(job);
    }
  }

  private async run(job: repo.JobRow): Promise<void> {
    const { ctx } = this;
    const at = () => ctx.clock.now().toISOString();
    const locale = (job.locale ?? 'zh-CN') as Locale;
    try {
      const actor = await actorOf(ctx, job.created_by, locale);
      if (!actor || !can(actor, importPermission(job.entity as ImportEntity))) {
        await repo.failJob(ctx.db, job.id, this.id, 'importUserCannotImport', at());
        return;
      }
      const file = await readJobFile(ctx, job);
      const plan = await buildPlan(
        ctx,
        { id: job.id, entity: job.entity, headers: JSON.parse(job.headers) as string[] },
        actor,
        {
          mapping: importMapping.parse(JSON.parse(job.mapping ?? '{}')),
          duplicateMode: (job.duplicate_mode ?? 'skip') as DuplicateMode,
          values: importValueMapping.parse(JSON.parse(job.value_mapping ?? '{}')),
        },
        locale,
      );
      const processor = processorFor(plan);
      const stats = job.entity === 'customers' ? await customerStatistics(ctx.db, ctx.engine) : null;
      let processed = job.processed;
      let failures = 0;
      let size = ctx.engine === 'postgres' ? this.options.batchSize : Math.min(this.options.batchSize, 100);
      // The file streams: a batch holds only its own rows (and the next one's, read ahead); a
      // resumed job passes over those before its cursor.
      const source = file.rows(processed);
      let exhausted = false;
      // Reading and checking rows needs no transaction, matching and writing do: the next batch is
      // read and checked while this one is written (on PostgreSQL its statements run meanwhile).
      // A batch whose checking failed (a database error) is checked again with its attempts.
      const readAhead = async (count: number): Promise<{ slice: SourceRow[]; now: string; prepared: unknown[] | null }> => {
        const slice: SourceRow[] = [];
        while (!exhausted && slice.length < count) {
          const next = await source.next();
          if (next.done) exhausted = true;
          else slice.push(next.value);
        }
        const now = at();
        return { slice, now, prepared: slice.length > 0 ? await processor.prepare(slice, { at: now }).catch(() => null) : [] };
      };
      let ahead = readAhead(size);
      // Never an unhandled rejection: a failure surfaces where the batch is awaited.
      ahead.catch(() => undefined);
      let batch: Awaited<ReturnType<typeof readAhead>> | null = null;
      try {
        for (;;) {
          if (this.stopped) return;
          const from = processed;
          // A failed batch is tried again with the same rows; else the one read ahead is taken.
          if (!batch) {
            batch = await ahead;
            ahead = batch.slice.length > 0 && !exhausted ? readAhead(size) : Promise.resolve({ slice: [], now: at(), prepared: [] });
            ahead.catch(() => undefined);
          }
          const { slice, now } = batch;
          if (slice.length === 0) break;
          try {
            const prepared = batch.prepared ?? (batch.prepared = await processor.prepare(slice, { at: now }));
            // Let waiting requests in before the transaction, too.
            await yieldToEventLoop();
            const began = performance.now();
            let createdNow = 0;
            await batchTransaction(ctx, async (trx) => {
              const results = await processor.decide(trx, prepared, { dry: false, at: now });
              createdNow = results.filter((r) => r.outcome === 'created').length;
              await repo.insertResults(
                trx,
                results.map((r) => ({ job_id: job.id, row_no: r.rowNo, outcome: r.outcome, entity_id: r.entityId, messages: JSON.stringify(r.messages) })),
              );
              if (!(await repo.advance(trx, job.id, this.id, from, from + slice.length, countOutcomes(results), this.leaseUntil(), now))) throw new LeaseLost();
            });
            // SQLite has one connection: size the next batch so that its transaction lasts about
            // `batchMs`, long enough to amortise the commit, short enough that list requests hardly
            // wait for it. PostgreSQL serves other requests meanwhile: full batches.
            const perRow = (performance.now() - began) / slice.length;
            size = ctx.engine === 'postgres' ? this.options.batchSize : Math.max(20, Math.min(this.options.batchSize, Math.round(this.options.batchMs / Math.max(perRow, 0.001))));
            processed = from + slice.length;
            batch = null;
            failures = 0;
            if (stats) {
              // Once the table has doubled since the planner last looked, let it look again (doubling
              // keeps the total cost proportional to the rows loaded).
              stats.live += createdNow;
              if (stats.live >= Math.max(1000, 2 * stats.described)) {
                await analyzeCustomers(ctx.db);
                stats.described = stats.live;
              }
            }
          } catch (error) {
            if (error instanceof LeaseLost) return; // cancelled, or another worker took it over
            failures += 1;
            console.error(`import ${job.id}: batch from row ${from + 1} failed (attempt ${failures}):`, error);
            if (failures >= 3) {
              await repo.failJob(ctx.db, job.id, this.id, 'importFailed', at());
              return;
            }
            await new Promise((resolve) => setTimeout(resolve, 500 * failures));
          }
          this.options.afterBatch?.();
          // Let waiting requests use the database between batches.
          await yieldToEventLoop();
        }
      } finally {
        await ahead.catch(() => undefined);
        await source.return(undefined);
      }
      const now = at();
      await ctx.db.transaction().execute(async (trx) => {
        if (!(await repo.finishJob(trx, job.id, this.id, now))) return;
        const done = await repo.findJob(trx, job.id);
        if (!done) return;
        await notify(trx, {
          userId: done.created_by,
          kind: 'import_finished',
          params: { file: done.file_name, created: done.created, updated: done.updated, skipped: done.skipped, rejected: done.rejected },
          entityType: 'import',
          entityId: done.id,
          at: now,
        });
      });
    } catch (error) {
      const key = error instanceof AppError ? error.messageKey : 'importFailed';
      if (!(error instanceof AppError)) console.error(`import ${job.id} failed:`, error);
      await repo.failJob(ctx.db, job.id, this.id, key, at());
    }
  }
}

interface RunningWorker {
  kick(): void;
}
const workers = new WeakMap<AppContext, RunningWorker>();

function abandonedAt(now: Date, leaseMs: number): repo.Abandoned {
  return { now: now.toISOString(), staleBefore: new Date(now.getTime() - leaseMs).toISOString() };
}

/**
 * Run the import worker with the server: started when the app is ready, stopped when it closes.
 * `thread` (the real server) runs it on a worker thread with its own connection(s): the server's
 * event loop keeps answering requests while rows are checked and matched, and the thread's heap
 * (collected after each batch) comes and goes with the import. SQLite's thread takes longer
 * batches, since the server's reads no longer wait for them. Otherwise (tests) it runs on the
 * server's own connection.
 */
export function runImportWorker(app: FastifyInstance, ctx: AppContext, options: Partial<WorkerOptions> & { thread?: boolean } = {}): void {
  // Tuning knobs for tests and the benchmark: CRM_IMPORT_BATCH_ROWS, CRM_IMPORT_BATCH_MS. The lease
  // length is the server's setting (CRM_IMPORT_LEASE_SECONDS, in the configuration).
  const knob = (name: string) => (Number(process.env[name]) > 0 ? Number(process.env[name]) : null);
  const rows = knob('CRM_IMPORT_BATCH_ROWS');
  const ms = knob('CRM_IMPORT_BATCH_MS');
  const { thread, ...rest } = options;
  const settings: Partial<WorkerOptions> = {
    // Only the SQLite thread takes long batches (they amortise its commits); PostgreSQL keeps
    // 1,000-row batches, each a transaction of its own beside the server's requests.
    ...(thread && ctx.engine === 'sqlite' ? threadDefaults : {}),
    leaseMs: ctx.config.importLeaseSeconds * 1000,
    ...(rows ? { batchSize: Math.floor(rows) } : {}),
    ...(ms ? { batchMs: ms } : {}),
    ...rest,
  };
  if (thread) {
    runOnThread(app, ctx, settings);
    return;
  }
  const worker = new ImportWorker(ctx, settings);
  workers.set(ctx, worker);
  app.addHook('onReady', async () => worker.start());
  app.addHook('onClose', async () => worker.stop());
}

/**
 * The worker on a thread of its own, started when there is work (a job started, or one left
 * unfinished by a stopped server) and ended when it finds none, so that an idle server does not
 * carry a second JavaScript engine.
 */
function runOnThread(app: FastifyInstance, ctx: AppContext, settings: Partial<WorkerOptions>): void {
  let running: Worker | null = null;
  let closed = false;
  let whenStopped: (() => void) | null = null;
  const pollMs = settings.pollMs ?? defaults.pollMs;

  const start = () => {
    if (running || closed) return;
    // A larger young generation: a batch makes a lot of short-lived garbage.
    const w = new Worker(new URL('./worker-thread.mjs', import.meta.url), { workerData: { config: ctx.config, options: settings }, resourceLimits: { maxYoungGenerationSizeMb: 16 } });
    running = w;
    w.on('message', (message: string) => {
      if (message === 'idle' && running === w) void retire();
      if (message === 'stopped') whenStopped?.();
    });
    w.on('error', (error) => app.log.error({ err: error }, 'import worker thread failed'));
    w.on('exit', () => {
      if (running === w) running = null;
    });
  };
  const waiting = () => repo.hasWaitingJob(ctx.db, abandonedAt(ctx.clock.now(), settings.leaseMs ?? defaults.leaseMs));
  // Let the batch in progress finish; a stuck thread is ended after 10 s (its job resumes later).
  const retire = async () => {
    const w = running;
    if (!w) return;
    running = null;
    const stopped = new Promise<void>((resolve) => (whenStopped = resolve));
    w.postMessage('stop');
    await Promise.race([stopped, new Promise((resolve) => setTimeout(resolve, 10_000).unref())]);
    await w.terminate();
    // A job started meanwhile. The server may close during the check (its database with it):
    // then there is nothing to start, and the failed check is no error.
    const more = closed ? false : await waiting().catch((error: unknown) => {
      if (!closed) app.log.error({ err: error }, 'import worker could not look for waiting jobs');
      return false;
    });
    if (more && !closed) start();
  };

  workers.set(ctx, { kick: () => (running ? running.postMessage('kick') : start()) });
  const timer = setInterval(() => {
    if (!running && !closed) void waiting().then((yes) => yes && start(), () => undefined);
  }, pollMs);
  timer.unref();
  app.addHook('onReady', async () => {
    if (await waiting()) start();
  });
  app.addHook('onClose', async () => {
    closed = true;
    clearInterval(timer);
    await retire();
  });
}

/**
 * On its own thread a batch no longer holds up the server's reads: longer batches, fewer commits.
 * A write of the server waits for the batch in progress (up to about a second, asynchronously).
 */
const threadDefaults: Partial<WorkerOptions> = { batchSize: 10_000, batchMs: 1000 };

/** Wake the worker of this app (after a job was queued). */
export function kickImportWorker(ctx: AppContext): void {
  workers.get(ctx)?.kick();
}
