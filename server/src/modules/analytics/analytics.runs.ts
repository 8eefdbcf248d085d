import type { AnalyticsRun, AnalyticsSettingsValue } from '@crm/contracts';
import { Worker } from 'node:worker_threads';
import { sql, type SqlBool } from 'kysely';
import type { Actor } from '../../platform/auth/actor.js';
import { companyTimeZone, localDate } from '../../platform/company.js';
import type { AppContext } from '../../platform/context.js';
import type { DB } from '../../platform/db/schema.js';
import { notFound } from '../../platform/errors.js';
import type { ScheduledTask } from '../../platform/scheduler.js';
import { alertOwners } from './analytics.alerts.js';
import { assessQuadrants, classifyCustomers, insertFacts } from './analytics.compute.js';
import { markMoves, pruneMoves, writeRollups } from './analytics.rollups.js';
import { readAnalyticsSettings } from './analytics.settings.js';
import { createWork, dropWork, publishWork } from './analytics.work.js';

type Db = AppContext['db'];
export type RunRow = DB['analytics_runs'] & { id: number; steps_done: number; customers: number };

/** Facts, classes and potential value, quadrants and scores, then the rows published. */
const stepsTotal = 4;
/** A run whose server stopped beating for this long is given up, so that a new one may start. */
const abandonedAfterMs = 15 * 60_000;
/** Results kept: every run of the last `keepRecentRuns`, and before them the last run of each month (the movement between classes). */
export const keepRecentRuns = 31;
/** Requests within this long of a run's start (same settings) get that run instead of a new one. */
const coalesceMs = 60_000;

export function presentRun(row: RunRow): AnalyticsRun {
  return {
    id: row.id,
    status: row.status as AnalyticsRun['status'],
    reason: row.reason as AnalyticsRun['reason'],
    asOf: row.as_of,
    stepsDone: row.steps_done,
    stepsTotal: row.steps_total,
    progress: row.status === 'done' ? 100 : Math.floor((row.steps_done * 100) / row.steps_total),
    customers: row.customers,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    error: row.error,
    requestedBy: row.requested_by,
  };
}

export async function findRun(db: Db, id: number): Promise<RunRow | undefined> {
  return (await db.selectFrom('analytics_runs').selectAll().where('id', '=', id).executeTakeFirst()) as RunRow | undefined;
}

/** The latest finished run (the one lists and summaries read), or the given one when it finished. */
export async function finishedRun(db: Db, id?: number): Promise<RunRow | undefined> {
  let q = db.selectFrom('analytics_runs').selectAll().where('status', '=', 'done');
  if (id !== undefined) q = q.where('id', '=', id);
  return (await q.orderBy('id', 'desc').limit(1).executeTakeFirst()) as RunRow | undefined;
}

/** The settings a run used (stored with it, so that its explanations quote the thresholds it applied). */
export function runSettings(row: RunRow): AnalyticsSettingsValue {
  return JSON.parse(row.settings) as AnalyticsSettingsValue;
}

/**
 * Start a run unless one is running or one started less than a minute ago with the same settings:
 * the insert of the one active row decides (a unique index on `active`), so of any number of
 * callers at once exactly one starts it and the others get that run. A run whose server stopped
 * (no heartbeat for 15 minutes) is marked failed first.
 */
export async function startRun(ctx: AppContext, reason: 'schedule' | 'manual', userId: number | null): Promise<{ run: RunRow; started: boolean }> {
  const now = ctx.clock.now();
  await ctx.db
    .updateTable('analytics_runs')
    .set({ status: 'failed', active: null, error: 'abandoned', finished_at: now.toISOString() })
    .where('active', '=', 1)
    .where('heartbeat_at', '<', new Date(now.getTime() - abandonedAfterMs).toISOString())
    .execute();
  const settings = await readAnalyticsSettings(ctx.db);
  // A run started less than a minute ago with the same settings answers for a new one (many users or clicks at once).
  const latest = (await ctx.db.selectFrom('analytics_runs').selectAll().orderBy('id', 'desc').limit(1).executeTakeFirst()) as RunRow | undefined;
  if (latest && latest.status !== 'failed' && latest.settings === JSON.stringify(settings) && now.getTime() - Date.parse(latest.started_at) < coalesceMs) {
    return { run: latest, started: false };
  }
  const asOf = localDate(now, await companyTimeZone(ctx.db));
  const inserted = await ctx.db
    .insertInto('analytics_runs')
    .values({ status: 'running', reason, as_of: asOf, active: 1, steps_total: stepsTotal, settings: JSON.stringify(settings), started_at: now.toISOString(), heartbeat_at: now.toISOString(), requested_by: userId })
    .onConflict((oc) => oc.column('active').doNothing())
    .returning('id')
    .executeTakeFirst();
  const mine = inserted ? await findRun(ctx.db, inserted.id) : undefined;
  if (mine) return { run: mine, started: true };
  const running = (await ctx.db.selectFrom('analytics_runs').selectAll().where('active', '=', 1).executeTakeFirst()) as RunRow | undefined;
  // The running one finished between the insert and this read: start again.
  if (!running) return startRun(ctx, reason, userId);
  return { run: running, started: false };
}

/** Servers whose runs go to a thread of their own (SQLite; see analytics-thread.ts). */
const threaded = new WeakSet<AppContext>();

/**
 * Run this server's analytics on a thread with its own connection (the real server on SQLite;
 * tests compute on their own connection). PostgreSQL computes in the database server: nothing
 * holds the server's thread meanwhile.
 */
export function runAnalyticsOnThread(ctx: AppContext): void {
  if (ctx.engine === 'sqlite') threaded.add(ctx);
}

/** Compute a run: on its thread when the server runs them there, else here. */
export async function executeRun(ctx: AppContext, run: RunRow): Promise<void> {
  if (!threaded.has(ctx)) return computeRun(ctx, run);
  const answer = await new Promise<{ ok: boolean; message?: string }>((resolve) => {
    const worker = new Worker(new URL('./analytics-thread.mjs', import.meta.url), { workerData: { config: ctx.config, runId: run.id } });
    let answered = false;
    worker.once('message', (message: { ok: boolean; message?: string }) => {
      answered = true;
      resolve(message);
    });
    worker.once('error', (error) => {
      answered = true;
      resolve({ ok: false, message: error.message });
    });
    worker.once('exit', (code) => {
      if (!answered) resolve({ ok: false, message: `analytics thread exited with code ${code}` });
    });
  });
  if (answer.ok) return;
  // The thread marks a run it failed; one that never began (the thread did not start) is marked here.
  await ctx.db
    .updateTable('analytics_runs')
    .set({ status: 'failed', active: null, error: (answer.message ?? 'failed').slice(0, 1000), finished_at: ctx.clock.now().toISOString() })
    .where('id', '=', run.id)
    .where('status', '=', 'running')
    .execute();
  throw new Error(answer.message ?? `analytics run ${run.id} failed`);
}

/**
 * Compute every customer's classes: three set-based steps (facts; classes and potential value;
 * quadrants and the four-dimension scores) in the run's temporary work table, then the rows
 * published into analytics_results a chunk at a time (analytics.work.ts), the run's progress
 * written after each step and its heartbeat while publishing. All of it on one connection (the
 * work table is the connection's own). On failure the run's rows are removed and the run marked
 * failed. Ends the run (active back to null) either way.
 */
export async function computeRun(ctx: Pick<AppContext, 'db' | 'engine' | 'clock'>, run: RunRow): Promise<void> {
  await ctx.db.connection().execute((db) => computeOn({ ...ctx, db }, run));
}

async function computeOn(ctx: Pick<AppContext, 'db' | 'engine' | 'clock'>, run: RunRow): Promise<void> {
  const step = async (done: number) => {
    await ctx.db.updateTable('analytics_runs').set({ steps_done: done, heartbeat_at: ctx.clock.now().toISOString() }).where('id', '=', run.id).execute();
  };
  let beat = Date.now();
  try {
    const settings = runSettings(run);
    await createWork(ctx.db, ctx.engine);
    await markMoves(ctx.db, ctx.engine, run.id);
    await insertFacts(ctx.db, ctx.engine, run.id, run.as_of, settings);
    await step(1);
    await classifyCustomers(ctx.db, ctx.engine, run.id, run.as_of, settings);
    await step(2);
    await assessQuadrants(ctx.db, ctx.engine, run.id, settings);
    await step(3);
    const count = await publishWork(ctx.db, ctx.engine, run.id, async () => {
      if (Date.now() - beat < 1000) return;
      beat = Date.now();
      await step(3);
    });
    await writeRollups(ctx.db, run.id);
    await dropWork(ctx.db);
    // PostgreSQL plans the dashboards from the tables' statistics: a million new rows of the run not
    // yet analysed looked like 3,000, and a salesperson's Pareto hashed every row of the run (1.1 s, 0.2 s after).
    if (ctx.engine === 'postgres') await sql`analyze analytics_results, analytics_rollups`.execute(ctx.db);
    await ctx.db
      .updateTable('analytics_runs')
      .set({ status: 'done', active: null, steps_done: stepsTotal, customers: count, finished_at: ctx.clock.now().toISOString(), heartbeat_at: ctx.clock.now().toISOString() })
      .where('id', '=', run.id)
      .execute();
    await forgetOutdatedKeeps(ctx.db, run.id);
    await pruneResults(ctx.db);
    await pruneMoves(ctx.db);
    // The owners of customers newly at churn risk, and of lost customers who bought again, are told (analytics.alerts.ts).
    await alertOwners(ctx, run, settings);
  } catch (error) {
    await dropWork(ctx.db);
    await ctx.db.deleteFrom('analytics_results').where('run_id', '=', run.id).execute();
    await ctx.db.deleteFrom('analytics_rollups').where('run_id', '=', run.id).execute();
    await ctx.db
      .updateTable('analytics_runs')
      .set({ status: 'failed', active: null, error: error instanceof Error ? error.message.slice(0, 1000) : String(error), finished_at: ctx.clock.now().toISOString() })
      .where('id', '=', run.id)
      .execute();
    throw error;
  }
}

/**
 * "Keep mine" holds while the derived value stays the one declined: a run that derives another
 * stage (status) for the customer forgets the kept one, so the next change is suggested again
 * (analytics.suggestions.ts).
 */
export async function forgetOutdatedKeeps(db: Db, runId: number): Promise<void> {
  for (const column of ['lifecycle_stage', 'status'] as const) {
    await db
      .updateTable('analytics_keeps')
      .set({ [column]: null })
      .where(column, 'is not', null)
      .where(sql<SqlBool>`exists (select 1 from analytics_results ar where ar.run_id = ${runId} and ar.customer_id = analytics_keeps.customer_id and ${sql.ref(`ar.${column}`)} <> ${sql.ref(`analytics_keeps.${column}`)})`)
      .execute();
  }
}

/**
 * Drop the results of finished runs other than the latest `keepRecentRuns` and the last run of
 * each month (the run rows stay, with their figures gone; history lists the runs with results).
 */
export async function pruneResults(db: Db): Promise<void> {
  const recent = await db.selectFrom('analytics_runs').select('id').where('status', '=', 'done').orderBy('id', 'desc').offset(keepRecentRuns - 1).limit(1).executeTakeFirst();
  if (!recent) return;
  const monthly = db.selectFrom('analytics_runs').select((eb) => eb.fn.max('id').as('id')).where('status', '=', 'done').groupBy(sql`substr(as_of, 1, 7)`);
  for (const table of ['analytics_results', 'analytics_rollups'] as const) {
    await db.deleteFrom(table).where('run_id', '<', recent.id).where('run_id', 'not in', monthly).execute();
  }
}

/** POST /analytics/runs: start a run now (or join the running one) and answer at once; its progress is read with GET /analytics/runs/:id. */
export async function requestRun(ctx: AppContext, actor: Actor): Promise<AnalyticsRun> {
  const { run, started } = await startRun(ctx, 'manual', actor.userId);
  if (started) void executeRun(ctx, run).catch((error: unknown) => console.error(`analytics run ${run.id} failed:`, error));
  return presentRun(run);
}

export async function getRun(ctx: AppContext, id: number): Promise<AnalyticsRun> {
  const row = await findRun(ctx.db, id);
  if (!row) throw notFound();
  return presentRun(row);
}

/** Start a run and wait for it (the scheduled task, and tests); the running one's id when another was running. */
export async function runAnalyticsNow(ctx: AppContext, reason: 'schedule' | 'manual' = 'schedule', userId: number | null = null): Promise<number> {
  const { run, started } = await startRun(ctx, reason, userId);
  if (started) await executeRun(ctx, run);
  return run.id;
}

/** The daily recomputation (the scheduler's lease makes it one server's). */
export function analyticsTask(ctx: AppContext, hours: number): ScheduledTask {
  return { name: 'customer-analytics', everyMs: hours * 60 * 60_000, run: () => runAnalyticsNow(ctx, 'schedule') };
}
