import { sql, type Insertable, type Selectable } from 'kysely';
import type { EmailStatus } from '@crm/contracts';
import type { AppContext } from '../../platform/context.js';
import type { DB } from '../../platform/db/schema.js';

type Db = AppContext['db'];
export type OutboxRow = Selectable<DB['email_outbox']>;

export async function insertEmail(db: Db, row: Insertable<DB['email_outbox']>): Promise<number> {
  const inserted = await db.insertInto('email_outbox').values(row).returning('id').executeTakeFirstOrThrow();
  return inserted.id;
}

export function findEmail(db: Db, id: number): Promise<OutboxRow | undefined> {
  return db.selectFrom('email_outbox').selectAll().where('id', '=', id).executeTakeFirst();
}

/** A page of the outbox, newest first, with the total of the filter. */
export async function listEmails(db: Db, status: EmailStatus | undefined, limit: number, offset: number): Promise<{ rows: OutboxRow[]; total: number }> {
  let q = db.selectFrom('email_outbox');
  if (status) q = q.where('status', '=', status);
  const [rows, total] = await Promise.all([
    q.selectAll().orderBy('id', 'desc').limit(limit).offset(offset).execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

export async function countByStatus(db: Db): Promise<Record<EmailStatus, number>> {
  const rows = await db.selectFrom('email_outbox').select(['status', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('status').execute();
  const counts: Record<EmailStatus, number> = { queued: 0, sending: 0, sent: 0, failed: 0 };
  for (const r of rows) if (r.status in counts) counts[r.status as EmailStatus] = Number(r.n);
  return counts;
}

/** Ids of queued emails that are due, oldest due first. */
export async function dueIds(db: Db, now: string, limit: number): Promise<number[]> {
  const rows = await db.selectFrom('email_outbox').select('id').where('status', '=', 'queued').where('next_attempt_at', '<=', now).orderBy('next_attempt_at').orderBy('id').limit(limit).execute();
  return rows.map((r) => r.id);
}

/**
 * Take one due email for this sender: a conditional update, so of two senders (two servers, or a
 * run that overlaps the next) exactly one takes it; PostgreSQL re-checks the condition after the
 * row lock, so the second finds it no longer queued. Counts the attempt.
 */
export async function claim(db: Db, id: number, now: string): Promise<boolean> {
  const r = await db
    .updateTable('email_outbox')
    .set({ status: 'sending', claimed_at: now, attempts: sql`attempts + 1` })
    .where('id', '=', id)
    .where('status', '=', 'queued')
    .where('next_attempt_at', '<=', now)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** The outcome of an attempt, written only by the sender that claimed it (at `claimedAt`). */
export async function settle(db: Db, id: number, claimedAt: string, values: { status: 'sent' | 'queued' | 'failed'; next_attempt_at: string | null; last_error: string | null; sent_at: string | null }): Promise<void> {
  await db.updateTable('email_outbox').set({ ...values, claimed_at: null }).where('id', '=', id).where('status', '=', 'sending').where('claimed_at', '=', claimedAt).execute();
}

/**
 * Emails a sender took and never settled (its server stopped mid-send) are due again. The SMTP
 * server may have accepted one before the stop: such an email can arrive twice, never not at all.
 */
export async function releaseStale(db: Db, claimedBefore: string, now: string): Promise<number> {
  const r = await db
    .updateTable('email_outbox')
    .set({ status: 'queued', claimed_at: null, next_attempt_at: now })
    .where('status', '=', 'sending')
    .where('claimed_at', '<', claimedBefore)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** Queue a failed (or waiting) email again now, with its attempts anew; false when it is sending or sent. */
export async function requeue(db: Db, id: number, now: string): Promise<boolean> {
  const r = await db
    .updateTable('email_outbox')
    .set({ status: 'queued', attempts: 0, next_attempt_at: now })
    .where('id', '=', id)
    .where('status', 'in', ['failed', 'queued'])
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
