import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.js';

type Db = Kysely<DB> | Transaction<DB>;

export interface DueCustomerRow {
  id: number;
  name: string;
  next_on: string;
  next_action: string | null;
  occurred_at: string;
}

/**
 * An owner's live customers whose latest follow-up (the one at the customer's follow-up clock)
 * planned a next follow-up on or before `day`: the owner's customers by the owner index, each
 * with one seek into follow_ups (customer, time). A later follow-up without a next step ends it.
 */
function dueQuery(db: Db, ownerId: number, day: string) {
  return db
    .selectFrom('customers as c')
    .innerJoin('follow_ups as fu', (join) => join.onRef('fu.customer_id', '=', 'c.id').onRef('fu.occurred_at', '=', 'c.last_followup_at'))
    .where('c.owner_id', '=', ownerId)
    .where('c.deleted_at', 'is', null)
    .where('fu.next_on', 'is not', null)
    .where('fu.next_on', '<=', day);
}

/** The first `limit` due customers, soonest planned first, and how many there are (counted only when there are more). */
export async function dueCustomers(db: Db, ownerId: number, day: string, limit: number): Promise<{ rows: DueCustomerRow[]; total: number }> {
  const rows = await dueQuery(db, ownerId, day)
    .select(['c.id', 'c.name', 'fu.next_on', 'fu.next_action', 'fu.occurred_at'])
    .orderBy('fu.next_on')
    .orderBy('c.id')
    .limit(limit)
    .execute();
  // Two follow-ups at the very same instant: the customer once.
  const seen = new Set<number>();
  const unique = rows.filter((r) => (seen.has(r.id) ? false : (seen.add(r.id), true))) as DueCustomerRow[];
  if (rows.length < limit) return { rows: unique, total: unique.length };
  const { n } = await dueQuery(db, ownerId, day).select((eb) => eb.fn.count<number>('c.id').distinct().as('n')).executeTakeFirstOrThrow();
  return { rows: unique, total: Number(n) };
}

/** Follow-ups an author logged in [fromIso, toIso): a range of the author index. */
export async function followUpsCountBy(db: Db, authorId: number, fromIso: string, toIso: string): Promise<number> {
  const row = await db
    .selectFrom('follow_ups')
    .where('author_id', '=', authorId)
    .where('occurred_at', '>=', fromIso)
    .where('occurred_at', '<', toIso)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
