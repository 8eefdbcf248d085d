import { sql, type ExpressionBuilder, type Insertable, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.js';

type Db = Kysely<DB> | Transaction<DB>;
export type JobRow = Selectable<DB['import_jobs']>;
export type ResultRow = Selectable<DB['import_results']>;

export async function insertJob(db: Db, values: Insertable<DB['import_jobs']>): Promise<number> {
  const row = await db.insertInto('import_jobs').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function setStoredName(db: Db, id: number, storedName: string): Promise<void> {
  await db.updateTable('import_jobs').set({ stored_name: storedName }).where('id', '=', id).execute();
}

export async function deleteJob(db: Db, id: number): Promise<void> {
  await db.deleteFrom('import_jobs').where('id', '=', id).execute();
}

export function findJob(db: Db, id: number): Promise<JobRow | undefined> {
  return db.selectFrom('import_jobs').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listJobs(db: Db, f: { createdBy?: number; entity?: string; status?: string }, limit: number, offset: number): Promise<{ rows: JobRow[]; total: number }> {
  let q = db.selectFrom('import_jobs');
  if (f.createdBy !== undefined) q = q.where('created_by', '=', f.createdBy);
  if (f.entity) q = q.where('entity', '=', f.entity);
  if (f.status) q = q.where('status', '=', f.status);
  const [rows, total] = await Promise.all([
    q.selectAll().orderBy('id', 'desc').limit(limit).offset(offset).execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

/** uploaded -> queued, once: false when it was started already (or cancelled). */
export async function queueJob(db: Db, id: number, values: { mapping: string; valueMapping: string; duplicateMode: string; locale: string; at: string }): Promise<boolean> {
  const r = await db
    .updateTable('import_jobs')
    .set({ status: 'queued', mapping: values.mapping, value_mapping: values.valueMapping, duplicate_mode: values.duplicateMode, locale: values.locale, updated_at: values.at })
    .where('id', '=', id)
    .where('status', '=', 'uploaded')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/**
 * When a running job counts as abandoned (its server died): its claim ran out, or its last batch
 * (`updated_at`, renewed with the claim) is older than the lease length of the server asking. So a
 * server started with a longer CRM_IMPORT_LEASE_SECONDS than the others does not hold its jobs
 * longer than they would wait.
 */
export interface Abandoned {
  now: string;
  /** now minus the asking server's lease length */
  staleBefore: string;
}

const waiting = ({ now, staleBefore }: Abandoned) => (eb: ExpressionBuilder<DB, 'import_jobs'>) =>
  eb.or([eb('status', '=', 'queued'), eb.and([eb('status', '=', 'running'), eb.or([eb('lease_until', '<', now), eb('updated_at', '<', staleBefore)])])]);

/** Whether a job waits for a worker: queued, or running under a claim that was abandoned. */
export async function hasWaitingJob(db: Db, when: Abandoned): Promise<boolean> {
  const row = await db.selectFrom('import_jobs').select('id').where(waiting(when)).limit(1).executeTakeFirst();
  return row !== undefined;
}

/**
 * Claim the oldest job to run: queued, or running under an abandoned claim.
 * Compare-and-set, so two workers never hold the same job.
 */
export async function claimJob(db: Db, worker: string, when: Abandoned, leaseUntil: string): Promise<JobRow | undefined> {
  const { now } = when;
  const candidates = await db
    .selectFrom('import_jobs')
    .select(['id', 'status', 'lease_until'])
    .where(waiting(when))
    .orderBy('id')
    .limit(5)
    .execute();
  for (const c of candidates) {
    let q = db
      .updateTable('import_jobs')
      .set({ status: 'running', lease_owner: worker, lease_until: leaseUntil, updated_at: now, started_at: sql`coalesce(started_at, ${now})` })
      .where('id', '=', c.id)
      .where('status', '=', c.status);
    q = c.lease_until === null ? q.where('lease_until', 'is', null) : q.where('lease_until', '=', c.lease_until);
    const r = await q.executeTakeFirst();
    if (Number(r.numUpdatedRows) === 1) return findJob(db, c.id);
  }
  return undefined;
}

/**
 * Record a processed batch: move the cursor from `from` to `to`, add the counters and renew the
 * claim. False when the job is no longer this worker's to run (cancelled, or claimed by another).
 */
export async function advance(
  db: Db,
  id: number,
  worker: string,
  from: number,
  to: number,
  counts: { created: number; updated: number; skipped: number; rejected: number },
  leaseUntil: string,
  at: string,
): Promise<boolean> {
  const r = await db
    .updateTable('import_jobs')
    .set({
      processed: to,
      created: sql`created + ${counts.created}`,
      updated: sql`updated + ${counts.updated}`,
      skipped: sql`skipped + ${counts.skipped}`,
      rejected: sql`rejected + ${counts.rejected}`,
      lease_until: leaseUntil,
      updated_at: at,
    })
    .where('id', '=', id)
    .where('status', '=', 'running')
    .where('lease_owner', '=', worker)
    .where('processed', '=', from)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function finishJob(db: Db, id: number, worker: string, at: string): Promise<boolean> {
  const r = await db
    .updateTable('import_jobs')
    .set({ status: 'finished', finished_at: at, updated_at: at, lease_owner: null, lease_until: null })
    .where('id', '=', id)
    .where('status', '=', 'running')
    .where('lease_owner', '=', worker)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function failJob(db: Db, id: number, worker: string, error: string, at: string): Promise<void> {
  await db
    .updateTable('import_jobs')
    .set({ status: 'failed', error, finished_at: at, updated_at: at, lease_owner: null, lease_until: null })
    .where('id', '=', id)
    .where('status', '=', 'running')
    .where('lease_owner', '=', worker)
    .execute();
}

/** Stop a job that has not ended; rows already processed stay. */
export async function cancelJob(db: Db, id: number, at: string): Promise<boolean> {
  const r = await db
    .updateTable('import_jobs')
    .set({ status: 'cancelled', finished_at: at, updated_at: at, lease_owner: null, lease_until: null })
    .where('id', '=', id)
    .where('status', 'in', ['uploaded', 'queued', 'running'])
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function insertResults(db: Db, rows: Array<Insertable<DB['import_results']>>): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) await db.insertInto('import_results').values(rows.slice(i, i + 500)).execute();
}

/** Results in row order after `afterRow`, optionally of one outcome. */
export function resultsAfter(db: Db, jobId: number, afterRow: number, limit: number, outcome?: string): Promise<ResultRow[]> {
  let q = db.selectFrom('import_results').selectAll().where('job_id', '=', jobId).where('row_no', '>', afterRow);
  if (outcome) q = q.where('outcome', '=', outcome);
  return q.orderBy('row_no').limit(limit).execute();
}

/** Which of these records this job created, and from which row. */
export async function rowsThatCreated(db: Db, jobId: number, entityIds: number[]): Promise<Map<number, number>> {
  const out = new Map<number, number>();
  for (let i = 0; i < entityIds.length; i += 500) {
    const rows = await db
      .selectFrom('import_results')
      .select(['entity_id', 'row_no'])
      .where('job_id', '=', jobId)
      .where('entity_id', 'in', entityIds.slice(i, i + 500))
      // A literal, so that both engines use the partial index of created rows (migration 0043).
      .where('outcome', '=', sql.lit('created'))
      .execute();
    for (const r of rows) if (r.entity_id !== null) out.set(r.entity_id, r.row_no);
  }
  return out;
}
