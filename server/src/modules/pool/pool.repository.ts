import { sql, type Expression, type Kysely, type SqlBool, type Transaction } from 'kysely';
import type { Engine } from '../../platform/config.js';
import type { DB } from '../../platform/db/schema.js';

type Db = Kysely<DB> | Transaction<DB>;

/**
 * SQL of the public pool: release memory and sent warnings (owner moves on customers are the
 * customers module's: moveCustomerOwner). Times are ISO-8601 UTC strings of one format
 * (`Date.toISOString()`), so text comparison orders them.
 */

/**
 * Serialise the decisions that give customers to one user (claims, transfers) until the
 * transaction ends, so that two at once cannot both pass the limit per user. PostgreSQL only:
 * SQLite runs one write transaction at a time anyway.
 */
export async function lockOwner(db: Db, engine: Engine, userId: number): Promise<void> {
  if (engine !== 'postgres') return;
  await sql`select pg_advisory_xact_lock(hashtext('customer_owner'), ${userId})`.execute(db);
}

/** The latest time the user released or lost the customer, if after `since`. */
export async function lastRelease(db: Db, customerId: number, userId: number, since: string): Promise<string | null> {
  const row = await db
    .selectFrom('pool_releases')
    .where('customer_id', '=', customerId)
    .where('user_id', '=', userId)
    .where('released_at', '>', since)
    .select((eb) => eb.fn.max('released_at').as('at'))
    .executeTakeFirst();
  return row?.at ?? null;
}

export async function rememberRelease(db: Db, r: { customerId: number; userId: number; kind: 'release' | 'return'; at: string }): Promise<void> {
  await db.insertInto('pool_releases').values({ customer_id: r.customerId, user_id: r.userId, kind: r.kind, released_at: r.at }).execute();
}

/** Cut-offs of the rules in force: a clock that started at or before one has run out. */
export interface Cutoffs {
  followUp: string | null;
  deal: string | null;
}

/**
 * Owned customers whose follow-up or deal clock started at or before the cut-off, as a condition
 * on unqualified customer columns (used by the select and again by the conditional update).
 */
export function clockExpired(c: Cutoffs, exemptStatuses: string[]): Expression<SqlBool> | null {
  const start = sql`coalesce(owner_since, created_at)`;
  const parts: Expression<SqlBool>[] = [];
  if (c.followUp !== null) {
    parts.push(sql<SqlBool>`(${start} <= ${c.followUp} and (last_followup_at is null or last_followup_at <= ${c.followUp}))`);
  }
  if (c.deal !== null) {
    parts.push(sql<SqlBool>`(${start} <= ${c.deal} and (last_deal_at is null or last_deal_at <= ${c.deal}))`);
  }
  if (parts.length === 0) return null;
  const exempt = exemptStatuses.length > 0 ? sql<SqlBool>` and status not in (${sql.join(exemptStatuses)})` : sql``;
  return sql<SqlBool>`(owner_id is not null and deleted_at is null${exempt} and (${sql.join(parts, sql` or `)}))`;
}

/** Record a warning; false when this one was already sent (by this run or another). */
export async function claimWarning(db: Db, w: { customerId: number; userId: number; dueAt: string; at: string }): Promise<boolean> {
  const inserted = await db
    .insertInto('pool_warnings')
    .values({ customer_id: w.customerId, user_id: w.userId, due_at: w.dueAt, warned_at: w.at })
    .onConflict((oc) => oc.columns(['customer_id', 'user_id', 'due_at']).doNothing())
    .returning('customer_id')
    .executeTakeFirst();
  return inserted !== undefined;
}

/** Forget warnings whose date has passed and releases older than the wait period. */
export async function housekeep(db: Db, now: string, releasesBefore: string): Promise<void> {
  await db.deleteFrom('pool_warnings').where('due_at', '<', now).execute();
  await db.deleteFrom('pool_releases').where('released_at', '<', releasesBefore).execute();
}
