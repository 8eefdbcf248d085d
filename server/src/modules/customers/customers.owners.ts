import { sql, type Expression, type Kysely, type SqlBool, type Transaction } from 'kysely';
import { isUnscoped, type Scope } from '../../platform/auth/scope.js';
import type { DB } from '../../platform/db/schema.js';

type Db = Kysely<DB> | Transaction<DB>;

/*
 * Owners and clocks of customers, for the public pool (claims, releases, transfers, the rules'
 * returns) and for the modules that record follow-ups and deals. Owner moves change no derived
 * piece of the record (search words, keys, completeness do not read the owner); the caller records
 * the move on the timeline with its own reason (claim, release, assign, return).
 */

/** Live customers the given user owns. */
export async function ownedCount(db: Db, userId: number): Promise<number> {
  const row = await db
    .selectFrom('customers')
    .where('owner_id', '=', userId)
    .where('deleted_at', 'is', null)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Move a customer from the owner read to another (null = the pool), only if nobody changed it
 * since it was read (same owner, same version) and `guard` still holds: false otherwise. This
 * conditional update is what makes two concurrent moves of one customer impossible.
 */
export async function moveCustomerOwner(
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
export async function movableCustomers(db: Db, ids: number[], scope: Scope): Promise<MovableRow[]> {
  if (ids.length === 0) return [];
  let query = db.selectFrom('customers as c').select(['c.id', 'c.name', 'c.owner_id', 'c.version']).where('c.id', 'in', ids).where('c.deleted_at', 'is', null);
  if (!isUnscoped(scope)) query = query.where(scope);
  return query.execute();
}

/**
 * Move a customer's follow-up / deal time forward (never back); no new version: not an edit. The
 * follow-up that moves the clock is the latest: its next step (`nextFollowUpOn`, none when left
 * out) becomes the customer's next follow-up in the same statement.
 */
export async function touchCustomer(db: Db, customerId: number, times: { followUpAt?: string; nextFollowUpOn?: string | null; dealAt?: string }): Promise<void> {
  if (times.followUpAt !== undefined) {
    await db
      .updateTable('customers')
      .set({ last_followup_at: times.followUpAt, next_followup_on: times.nextFollowUpOn ?? null })
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

/**
 * Set the next follow-up of a customer whose latest follow-up is at `lastFollowUpAt` (a follow-up
 * changed or deleted: the caller locked the customer and read its follow-ups); nothing when the
 * clock moved on meanwhile. No new version: not an edit.
 */
export async function setNextFollowUp(db: Db, customerId: number, lastFollowUpAt: string | null, nextFollowUpOn: string | null): Promise<void> {
  let query = db.updateTable('customers').set({ next_followup_on: nextFollowUpOn }).where('id', '=', customerId);
  query = lastFollowUpAt === null ? query.where('last_followup_at', 'is', null) : query.where('last_followup_at', '=', lastFollowUpAt);
  await query.execute();
}

export interface ClockRow extends MovableRow {
  owner_id: number;
  owner_since: string | null;
  created_at: string;
  last_followup_at: string | null;
  last_deal_at: string | null;
}

/** The next batch (by id, after `afterId`) of owned customers matching a condition on customer columns (the pool's clocks). */
export async function customersMatching(db: Db, condition: Expression<SqlBool>, afterId: number, limit: number): Promise<ClockRow[]> {
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

/**
 * Live customers created in [from, to) (ISO instants), counted per current owner: the "new
 * customers" of sales targets. Pool customers count for nobody. `ownerId`: that owner's only.
 */
export async function newCustomersByOwner(db: Db, from: string, to: string, ownerId?: number): Promise<Map<number, number>> {
  const rows = await db
    .selectFrom('customers')
    .where('created_at', '>=', from)
    .where('created_at', '<', to)
    .where('deleted_at', 'is', null)
    .where('owner_id', 'is not', null)
    .$if(ownerId !== undefined, (q) => q.where('owner_id', '=', ownerId ?? 0))
    .groupBy('owner_id')
    .select((eb) => ['owner_id', eb.fn.countAll<number>().as('n')])
    .execute();
  return new Map(rows.map((r) => [Number(r.owner_id), Number(r.n)]));
}

/**
 * An owner's live customers matching a condition on customer columns (the pool's clocks), by
 * the owner index: at most `limit` rows, and how many match.
 */
export async function ownedCustomersMatching(db: Db, ownerId: number, condition: Expression<SqlBool>, limit: number): Promise<{ rows: ClockRow[]; total: number }> {
  const matching = () => db.selectFrom('customers').where('owner_id', '=', ownerId).where('deleted_at', 'is', null).where(condition);
  const rows = (await matching()
    .select(['id', 'name', 'owner_id', 'version', 'owner_since', 'created_at', 'last_followup_at', 'last_deal_at'])
    .limit(limit)
    .execute()).filter((r): r is ClockRow => r.owner_id !== null);
  if (rows.length < limit) return { rows, total: rows.length };
  const { n } = await matching().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return { rows, total: Number(n) };
}
