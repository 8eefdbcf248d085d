import { isUnscoped, type Scope } from '../../platform/auth/scope.js';
import { sql, type Expression, type Kysely, type SqlBool, type Transaction } from 'kysely';
import type { Engine } from '../../platform/config.js';
import type { DB } from '../../platform/db/schema.js';

type Db = Kysely<DB> | Transaction<DB>;

/**
 * SQL of the public pool: owner moves on customers (the customers module owns the other
 * changes), release memory and sent warnings. Times are ISO-8601 UTC strings of one format
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

/** Live customers the given user owns. */
export async function countOwned(db: Db, userId: number): Promise<number> {
  const row = await db
    .selectFrom('customers')
    .where('owner_id', '=', userId)
    .where('deleted_at', 'is', null)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
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

/**
 * Move a customer from the owner read to another (null = the pool), only if nobody changed it
 * since it was read (same owner, same version) and `guard` still holds: false otherwise. This
 * conditional update is what makes two concurrent moves of one customer impossible.
 */
export async function moveOwner(
  db: Db,
  m: { id: number; from: number | null; version: number; to: number | null; at: string; by: number | null; guard?: Expression<SqlBool> },
): Promise<boolean> {
  let query = db
    .updateTable('customers')
    .set({ owner_id: m.to, owner_since: m.to === null ? null : m.at, version: sql`version + 1`, updated_at: m.at, updated_by: m.by })
    .where('id', '=', m.id)
    .where('version', '=', m.version)
    .where('deleted_at', 'is', null);
  query = m.from === null ? query.where('owner_id', 'is', null) : query.where('owner_id', '=', m.from);
  if (m.guard) query = query.where(m.guard);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export interface MovableRow {
  id: number;
  name: string;
  owner_id: number | null;
  version: number;
}

/** Live customers among `ids` within a scope condition on `c`. */
export async function customersByIds(db: Db, ids: number[], scope: Scope): Promise<MovableRow[]> {
  if (ids.length === 0) return [];
  let query = db.selectFrom('customers as c').select(['c.id', 'c.name', 'c.owner_id', 'c.version']).where('c.id', 'in', ids).where('c.deleted_at', 'is', null);
  if (!isUnscoped(scope)) query = query.where(scope);
  return query.execute();
}

/** Move a customer's follow-up / deal time forward (never back); no new version: not an edit. */
export async function touch(db: Db, customerId: number, times: { followUpAt?: string; dealAt?: string }): Promise<void> {
  if (times.followUpAt !== undefined) {
    await db
      .updateTable('customers')
      .set({ last_followup_at: times.followUpAt })
      .where('id', '=', customerId)
      .where((eb) => eb.or([eb('last_followup_at', 'is', null), eb('last_followup_at', '<', times.followUpAt ?? '')]))
      .execute();
  }
  if (times.dealAt !== undefined) {
    await db
      .updateTable('customers')
      .set({ last_deal_at: times.dealAt })
      .where('id', '=', customerId)
      .where((eb) => eb.or([eb('last_deal_at', 'is', null), eb('last_deal_at', '<', times.dealAt ?? '')]))
      .execute();
  }
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

export interface ClockRow extends MovableRow {
  owner_id: number;
  owner_since: string | null;
  created_at: string;
  last_followup_at: string | null;
  last_deal_at: string | null;
}

/** The next batch (by id, after `afterId`) of customers matching a clock condition. */
export async function clockBatch(db: Db, condition: Expression<SqlBool>, afterId: number, limit: number): Promise<ClockRow[]> {
  const rows = await db
    .selectFrom('customers')
    .select(['id', 'name', 'owner_id', 'version', 'owner_since', 'created_at', 'last_followup_at', 'last_deal_at'])
    .where('id', '>', afterId)
    .where(condition)
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.filter((r): r is ClockRow => r.owner_id !== null);
}

/** The language each user reads in (their notices are written in it). */
export async function userLocales(db: Db, userIds: number[]): Promise<Map<number, string | null>> {
  if (userIds.length === 0) return new Map();
  const rows = await db.selectFrom('users').select(['id', 'locale']).where('id', 'in', [...new Set(userIds)]).execute();
  return new Map(rows.map((r) => [r.id, r.locale]));
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
