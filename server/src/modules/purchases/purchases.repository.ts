import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.js';

type Db = Kysely<DB> | Transaction<DB>;

/** A purchase to record: money in fen, the day as YYYY-MM-DD. */
export interface NewPurchase {
  customerId: number;
  purchasedOn: string;
  amount: number;
  cost: number | null;
  product: string | null;
  /** Where it came from: `import:<job id>` for an import. */
  source: string;
  createdAt: string;
  createdBy: number | null;
}

/** A stored purchase as a duplicate check compares it. */
export interface StoredPurchase {
  id: number;
  customerId: number;
  purchasedOn: string;
  amount: number;
  product: string | null;
}

/**
 * The purchases of these customers between two days (inclusive), except those of one source: the
 * candidates an import's rows are compared with. Served by the (customer, day, ...) index.
 */
export async function purchasesBetween(db: Db, customerIds: number[], from: string, to: string, exceptSource: string | null): Promise<StoredPurchase[]> {
  const out: StoredPurchase[] = [];
  for (let i = 0; i < customerIds.length; i += 500) {
    let q = db
      .selectFrom('purchase_history')
      .select(['id', 'customer_id', 'purchased_on', 'amount', 'product'])
      .where('customer_id', 'in', customerIds.slice(i, i + 500))
      .where('purchased_on', '>=', from)
      .where('purchased_on', '<=', to);
    // A null source is not "another" source in SQL's three-valued logic: keep it explicitly.
    if (exceptSource !== null) q = q.where((eb) => eb.or([eb('source', 'is', null), eb('source', '!=', exceptSource)]));
    for (const r of await q.execute()) out.push({ id: r.id, customerId: r.customer_id, purchasedOn: r.purchased_on, amount: Number(r.amount), product: r.product });
  }
  return out;
}

/** Insert purchases; their ids in input order. */
export async function insertPurchases(db: Db, rows: NewPurchase[]): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < rows.length; i += 500) {
    const inserted = await db
      .insertInto('purchase_history')
      .values(
        rows.slice(i, i + 500).map((r) => ({
          customer_id: r.customerId,
          purchased_on: r.purchasedOn,
          amount: r.amount,
          cost: r.cost,
          product: r.product,
          source: r.source,
          created_at: r.createdAt,
          created_by: r.createdBy,
        })),
      )
      .returning('id')
      .execute();
    // A statement takes its ids in the order of its rows: sorted, they line up with the input.
    ids.push(...inserted.map((r) => r.id).sort((a, b) => a - b));
  }
  return ids;
}

/** Purchase id -> its customer's id (an import report shows a row only to who may read that customer). */
export async function customersOfPurchases(db: Db, ids: number[]): Promise<Map<number, number>> {
  const out = new Map<number, number>();
  for (let i = 0; i < ids.length; i += 500) {
    for (const r of await db.selectFrom('purchase_history').select(['id', 'customer_id']).where('id', 'in', ids.slice(i, i + 500)).execute()) out.set(r.id, r.customer_id);
  }
  return out;
}

/** A customer erased for good takes its purchases with it. */
export async function purgePurchasesOf(db: Db, customerId: number): Promise<void> {
  await db.deleteFrom('purchase_history').where('customer_id', '=', customerId).execute();
}
