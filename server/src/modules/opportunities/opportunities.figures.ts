import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.js';

type Db = Kysely<DB> | Transaction<DB>;

export interface DealLine {
  id: number;
  name: string;
  customerName: string;
  /** Fen in the base currency: the amount, or the won amount of a won deal. */
  amount: number;
}

export interface DealFiguresOf {
  count: number;
  /** The sum over every deal counted, fen in the base currency. */
  amount: number;
  rows: DealLine[];
}

function ownDeals(db: Db, ownerId: number) {
  return db.selectFrom('opportunities as o').innerJoin('customers as oc', 'oc.id', 'o.customer_id').where('o.deleted_at', 'is', null).where('oc.deleted_at', 'is', null).where('o.owner_id', '=', ownerId);
}

/**
 * A user's live deals created in [fromIso, toIso) and those won in it (their won stage entered
 * then, and still won), oldest first (the first `limit` of each), with counts and sums in the base
 * currency: the deal figures of a work report (日报/周报).
 */
export async function dealFiguresOf(db: Db, ownerId: number, fromIso: string, toIso: string, limit: number): Promise<{ created: DealFiguresOf; won: DealFiguresOf }> {
  const created = ownDeals(db, ownerId).where('o.created_at', '>=', fromIso).where('o.created_at', '<', toIso);
  const won = ownDeals(db, ownerId).where('o.status', '=', 'won').where('o.stage_entered_at', '>=', fromIso).where('o.stage_entered_at', '<', toIso);
  const [createdRows, createdTotal, wonRows, wonTotal] = await Promise.all([
    created.select(['o.id', 'o.name', 'oc.name as customer_name', 'o.amount_base as amount']).orderBy('o.created_at').orderBy('o.id').limit(limit).execute(),
    created.select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.sum<number>('o.amount_base').as('amount')]).executeTakeFirstOrThrow(),
    won.select(['o.id', 'o.name', 'oc.name as customer_name', 'o.won_amount_base as amount']).orderBy('o.stage_entered_at').orderBy('o.id').limit(limit).execute(),
    won.select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.sum<number>('o.won_amount_base').as('amount')]).executeTakeFirstOrThrow(),
  ]);
  const lines = (rows: Array<{ id: number; name: string; customer_name: string; amount: number | null }>): DealLine[] =>
    rows.map((r) => ({ id: r.id, name: r.name, customerName: r.customer_name, amount: Number(r.amount ?? 0) }));
  return {
    created: { count: Number(createdTotal.n), amount: Number(createdTotal.amount ?? 0), rows: lines(createdRows) },
    won: { count: Number(wonTotal.n), amount: Number(wonTotal.amount ?? 0), rows: lines(wonRows) },
  };
}
