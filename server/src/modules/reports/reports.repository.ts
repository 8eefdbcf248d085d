import { shiftDate } from '@crm/contracts';
import type { Kysely, Selectable, Transaction } from 'kysely';
import { isUnscoped, type Scope } from '../../platform/auth/scope.js';
import type { Engine } from '../../platform/config.js';
import type { DB } from '../../platform/db/schema.js';

type Db = Kysely<DB> | Transaction<DB>;
export type ReportRow = Selectable<DB['work_reports']>;
export type CommentRow = Selectable<DB['work_report_comments']>;

/** One report by id, within the reader's scope (authors in it): undefined when missing or outside. */
export async function findReport(db: Db, id: number, scope: Scope): Promise<ReportRow | undefined> {
  let query = db.selectFrom('work_reports as wr').selectAll('wr').where('wr.id', '=', id);
  if (!isUnscoped(scope)) query = query.where(scope);
  return query.executeTakeFirst();
}

/** The author's report of a kind and period, if written. */
export async function findOfPeriod(db: Db, authorId: number, kind: string, period: string): Promise<ReportRow | undefined> {
  return db.selectFrom('work_reports').selectAll().where('author_id', '=', authorId).where('kind', '=', kind).where('period', '=', period).executeTakeFirst();
}

/**
 * Insert a report unless the author already has one of that kind and period: the unique index
 * decides, so two submissions at once keep one (the other gets undefined), on both engines.
 */
export async function insertReport(db: Db, values: Omit<ReportRow, 'id'>): Promise<number | undefined> {
  const row = await db
    .insertInto('work_reports')
    .values(values)
    .onConflict((oc) => oc.columns(['author_id', 'kind', 'period']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id;
}

/** Versioned update; false when the version moved on (or the report is gone). */
export async function updateReport(db: Db, id: number, version: number, values: Partial<ReportRow>): Promise<boolean> {
  const r = await db.updateTable('work_reports').set({ ...values, version: version + 1 }).where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/**
 * Whether a report still exists, holding its row until the transaction ends on PostgreSQL (SQLite
 * write transactions are serialised anyway): a comment and a delete at once do not leave a
 * comment without its report.
 */
export async function lockReport(db: Db, engine: Engine, id: number): Promise<boolean> {
  const query = db.selectFrom('work_reports').select('id').where('id', '=', id);
  return (await (engine === 'postgres' ? query.forUpdate() : query).executeTakeFirst()) !== undefined;
}

/** Delete a report with its comments and read receipts (lock it first); false when it was already gone. */
export async function deleteReport(db: Db, id: number): Promise<boolean> {
  await db.deleteFrom('work_report_comments').where('report_id', '=', id).execute();
  await db.deleteFrom('work_report_reads').where('report_id', '=', id).execute();
  const r = await db.deleteFrom('work_reports').where('id', '=', id).executeTakeFirst();
  return Number(r.numDeletedRows) === 1;
}

export interface ReportFilter {
  scope: Scope;
  authorId?: number;
  kind?: string;
  /** Periods overlapping these days: a weekly report counts for each day of its week. */
  from?: string;
  to?: string;
}

function filtered(db: Db, f: ReportFilter) {
  let query = db.selectFrom('work_reports as wr');
  if (!isUnscoped(f.scope)) query = query.where(f.scope);
  if (f.authorId !== undefined) query = query.where('wr.author_id', '=', f.authorId);
  if (f.kind !== undefined) query = query.where('wr.kind', '=', f.kind);
  if (f.from !== undefined) {
    const from = f.from;
    query = query.where((eb) => eb.or([eb('wr.period', '>=', from), eb.and([eb('wr.kind', '=', 'weekly'), eb('wr.period', '>=', shiftDate(from, -6))])]));
  }
  if (f.to !== undefined) query = query.where('wr.period', '<=', f.to);
  return query;
}

/** A page of reports, latest period first, and the total. */
export async function listReports(db: Db, f: ReportFilter, limit: number, offset: number): Promise<{ rows: ReportRow[]; total: number }> {
  const [rows, total] = await Promise.all([
    filtered(db, f).selectAll('wr').orderBy('wr.period', 'desc').orderBy('wr.id', 'desc').limit(limit).offset(offset).execute(),
    filtered(db, f).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

/** The number of comments of each report. */
export async function commentCounts(db: Db, reportIds: number[]): Promise<Map<number, number>> {
  if (reportIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('work_report_comments')
    .select((eb) => ['report_id', eb.fn.countAll<number>().as('n')])
    .where('report_id', 'in', reportIds)
    .groupBy('report_id')
    .execute();
  return new Map(rows.map((r) => [r.report_id, Number(r.n)]));
}

/** Which of these reports a user opened. */
export async function readBy(db: Db, reportIds: number[], userId: number): Promise<Set<number>> {
  if (reportIds.length === 0) return new Set();
  const rows = await db.selectFrom('work_report_reads').select('report_id').where('report_id', 'in', reportIds).where('user_id', '=', userId).execute();
  return new Set(rows.map((r) => r.report_id));
}

export async function commentsOf(db: Db, reportId: number): Promise<CommentRow[]> {
  return db.selectFrom('work_report_comments').selectAll().where('report_id', '=', reportId).orderBy('id').execute();
}

export async function findComment(db: Db, reportId: number, commentId: number): Promise<CommentRow | undefined> {
  return db.selectFrom('work_report_comments').selectAll().where('id', '=', commentId).where('report_id', '=', reportId).executeTakeFirst();
}

/** Change a comment's text if it is still at `version` and by `authorId`: false otherwise (stale, gone or another's). */
export async function updateComment(db: Db, c: { reportId: number; commentId: number; authorId: number; version: number; content: string; at: string }): Promise<boolean> {
  const r = await db
    .updateTable('work_report_comments')
    .set((eb) => ({ content: c.content, updated_at: c.at, version: eb('version', '+', 1) }))
    .where('id', '=', c.commentId)
    .where('report_id', '=', c.reportId)
    .where('author_id', '=', c.authorId)
    .where('version', '=', c.version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Delete a comment of `authorId`: false when it is gone or another's. */
export async function deleteComment(db: Db, c: { reportId: number; commentId: number; authorId: number }): Promise<boolean> {
  const r = await db.deleteFrom('work_report_comments').where('id', '=', c.commentId).where('report_id', '=', c.reportId).where('author_id', '=', c.authorId).executeTakeFirst();
  return Number(r.numDeletedRows) === 1;
}

export async function insertComment(db: Db, values: Omit<CommentRow, 'id' | 'version' | 'updated_at'>): Promise<number> {
  return (await db.insertInto('work_report_comments').values(values).returning('id').executeTakeFirstOrThrow()).id;
}

export async function readersOf(db: Db, reportId: number): Promise<Array<{ user_id: number; read_at: string }>> {
  return db.selectFrom('work_report_reads').select(['user_id', 'read_at']).where('report_id', '=', reportId).orderBy('read_at').execute();
}

/** A read receipt, the first time only (parallel reads keep the first). */
export async function markRead(db: Db, reportId: number, userId: number, at: string): Promise<void> {
  await db
    .insertInto('work_report_reads')
    .values({ report_id: reportId, user_id: userId, read_at: at })
    .onConflict((oc) => oc.columns(['report_id', 'user_id']).doNothing())
    .execute();
}
