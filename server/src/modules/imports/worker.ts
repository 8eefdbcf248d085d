import crypto from 'node:crypto';
import os from 'node:os';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { importMapping, type DuplicateMode, type Locale } from '@crm/contracts';
import type { FastifyInstance } from 'fastify';
import { can } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { notify } from '../notifications/index.js';
import { actorOf } from '../users/index.js';
import * as repo from './imports.repository.js';
import { countOutcomes } from './plan.js';
import { buildPlan, processorFor, readJobFile } from './runner.js';

export interface WorkerOptions {
  /** Rows per transaction: small enough that other requests wait little for the database. */
  batchSize: number;
  /** How long a claim on a job holds without being renewed (each batch renews it). */
  leaseMs: number;
  /** How often to look for queued or abandoned jobs (a started import wakes the worker at once). */
  pollMs: number;
}

const defaults: WorkerOptions = {
  batchSize: 250,
  leaseMs: 15_000,
  pollMs: 2_000,
};

class LeaseLost extends Error {}

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

  private async drain(): Promise<void> {
    while (!this.stopped) {
      this.again = false;
      const job = await repo.claimJob(this.ctx.db, this.id, this.ctx.clock.now().toISOString(), this.leaseUntil());
      if (!job) return;
      await this.run(job);
    }
  }

  private async run(job: repo.JobRow): Promise<void> {
    const { ctx } = this;
    const at = () => ctx.clock.now().toISOString();
    const locale = (job.locale ?? 'zh-CN') as Locale;
    try {
      const actor = await actorOf(ctx, job.created_by, locale);
      if (!actor || !can(actor, job.entity === 'customers' ? 'customers.import' : 'contacts.import')) {
        await repo.failJob(ctx.db, job.id, this.id, 'importUserCannotImport', at());
        return;
      }
      const file = await readJobFile(ctx, job);
      const plan = await buildPlan(
        ctx,
        { id: job.id, entity: job.entity, headers: JSON.parse(job.headers) as string[] },
        actor,
        { mapping: importMapping.parse(JSON.parse(job.mapping ?? '{}')), duplicateMode: (job.duplicate_mode ?? 'skip') as DuplicateMode },
        locale,
      );
      const processor = processorFor(plan);
      let processed = job.processed;
      let failures = 0;
      while (processed < file.rows.length) {
        if (this.stopped) return;
        const from = processed;
        const slice = file.rows.slice(from, from + this.options.batchSize).map((cells, i) => ({ rowNo: from + i + 1, cells }));
        try {
          // Reading and checking the rows needs no transaction; matching and writing do.
          const prepared = await processor.prepare(slice);
          const now = at();
          await ctx.db.transaction().execute(async (trx) => {
            const results = await processor.decide(trx, prepared, { dry: false, at: now });
            await repo.insertResults(
              trx,
              results.map((r) => ({ job_id: job.id, row_no: r.rowNo, outcome: r.outcome, entity_id: r.entityId, messages: JSON.stringify(r.messages) })),
            );
            if (!(await repo.advance(trx, job.id, this.id, from, from + slice.length, countOutcomes(results), this.leaseUntil(), now))) throw new LeaseLost();
          });
          processed = from + slice.length;
          failures = 0;
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
        // Let waiting requests use the database between batches.
        await yieldToEventLoop();
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

const workers = new WeakMap<AppContext, ImportWorker>();

/** Run the import worker with the server: started when the app is ready, stopped when it closes. */
export function runImportWorker(app: FastifyInstance, ctx: AppContext, options: Partial<WorkerOptions> = {}): ImportWorker {
  const fromEnv = Number(process.env.CRM_IMPORT_LEASE_SECONDS);
  const worker = new ImportWorker(ctx, { ...(fromEnv > 0 ? { leaseMs: fromEnv * 1000 } : {}), ...options });
  workers.set(ctx, worker);
  app.addHook('onReady', async () => worker.start());
  app.addHook('onClose', async () => worker.stop());
  return worker;
}

/** Wake the worker of this app (after a job was queued). */
export function kickImportWorker(ctx: AppContext): void {
  workers.get(ctx)?.kick();
}
