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
 * An owner's live customers whose next follow-up (the next step of their latest follow-up, kept
 * on the customer) is on or before `day`: a range of the (owner, next follow-up) index.
 */
function dueQuery(db: Db, ownerId: number, day: string) {
  return db
    .selectFrom('customers as c')
    .where('c.owner_id', '=', ownerId)
    .where('c.deleted_at', 'is', null)
    .where('c.next_followup_on', 'is not', null)
    .where('c.next_followup_on', '<=', day);
}

/** The first `limit` due customers, soonest planned first, with their latest follow-up's next step, and how many there are. */
export async function dueCustomers(db: Db, ownerId: number, day: string, limit: number): Promise<{ rows: DueCustomerRow[]; total: number }> {
  const rows = await dueQuery(db, ownerId, day)
    // The follow-up at the customer's clock says what the next step is (only for the rows shown).
    .leftJoin('follow_ups as fu', (join) => join.onRef('fu.customer_id', '=', 'c.id').onRef('fu.occurred_at', '=', 'c.last_followup_at').on('fu.next_on', 'is not', null))
    .select(['c.id', 'c.name', 'c.next_followup_on', 'c.last_followup_at', 'fu.next_action'])
    .orderBy('c.next_followup_on')
    .orderBy('c.id')
    .limit(limit + 1)
    .execute();
  // Two follow-ups at the very same instant: the customer once.
  const seen = new Set<number>();
  const unique = rows
    .filter((r) => (seen.has(r.id) ? false : (seen.add(r.id), true)))
    .slice(0, limit)
    .map((r) => ({ id: r.id, name: r.name, next_on: r.next_followup_on ?? '', next_action: r.next_action, occurred_at: r.last_followup_at ?? '' }));
  if (rows.length <= limit && unique.length === rows.length) return { rows: unique, total: unique.length };
  const { n } = await dueQuery(db, ownerId, day).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
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
