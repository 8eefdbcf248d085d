import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.js';

type Db = Kysely<DB> | Transaction<DB>;

export interface TargetKey {
  subjectType: string;
  subjectId: number;
  period: string;
}
export interface TargetRow extends TargetKey {
  value: number;
}

/** The targets of one metric in the given periods. */
export async function inPeriods(db: Db, metric: string, periods: string[]): Promise<TargetRow[]> {
  if (periods.length === 0) return [];
  const rows = await db
    .selectFrom('sales_targets')
    .select(['subject_type', 'subject_id', 'period', 'value'])
    .where('metric', '=', metric)
    .where('period', 'in', periods)
    .execute();
  return rows.map((r) => ({ subjectType: r.subject_type, subjectId: r.subject_id, period: r.period, value: Number(r.value) }));
}

/** Set targets: one statement per row, an upsert on (metric, subject, period), so parallel saves of one target end with one row. */
export async function upsert(db: Db, metric: string, rows: TargetRow[], by: { userId: number; at: string }): Promise<void> {
  for (const r of rows) {
    await db
      .insertInto('sales_targets')
      .values({ subject_type: r.subjectType, subject_id: r.subjectId, metric, period: r.period, value: r.value, version: 1, created_at: by.at, updated_at: by.at, created_by: by.userId, updated_by: by.userId })
      .onConflict((oc) =>
        oc.columns(['metric', 'subject_type', 'subject_id', 'period']).doUpdateSet({ value: r.value, version: sql`sales_targets.version + 1`, updated_at: by.at, updated_by: by.userId }),
      )
      .execute();
  }
}

export async function remove(db: Db, metric: string, keys: TargetKey[]): Promise<void> {
  for (const k of keys) {
    await db.deleteFrom('sales_targets').where('metric', '=', metric).where('subject_type', '=', k.subjectType).where('subject_id', '=', k.subjectId).where('period', '=', k.period).execute();
  }
}

/** One user's targets of one period (a month), by metric: a range of the key index per metric. */
export async function userPeriodTargets(db: Db, userId: number, period: string, metrics: readonly string[]): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('sales_targets')
    .select(['metric', 'value'])
    .where('metric', 'in', metrics)
    .where('subject_type', '=', 'user')
    .where('subject_id', '=', userId)
    .where('period', '=', period)
    .execute();
  return new Map(rows.map((r) => [r.metric, Number(r.value)]));
}
