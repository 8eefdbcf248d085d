import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.js';

type Db = Kysely<DB> | Transaction<DB>;

/**
 * Payments received on live contracts in [from, to) (calendar days), per owner at the time of
 * receipt: what sales targets count as collected. `ownerId`: that owner's only (the owner index).
 */
export async function collectedAmountByOwner(db: Db, from: string, to: string, ownerId?: number): Promise<Map<number, number>> {
  const rows = await db
    .selectFrom('payments as pm')
    .innerJoin('contracts as ct', 'ct.id', 'pm.contract_id')
    .select((eb) => ['pm.owner_id', eb.fn.sum<number>('pm.amount').as('total')])
    .where('ct.deleted_at', 'is', null)
    .where('pm.received_on', '>=', from)
    .where('pm.received_on', '<', to)
    .$if(ownerId !== undefined, (q) => q.where('pm.owner_id', '=', ownerId ?? 0))
    .groupBy('pm.owner_id')
    .execute();
  return new Map(rows.map((r) => [Number(r.owner_id), Number(r.total ?? 0)]));
}

/** What a customer still owes on its signed live contracts (their amounts less the payments received). */
export async function openReceivablesOf(db: Db, customerId: number): Promise<number> {
  const r = await sql<{ s: number | string | null }>`select sum(ct.amount - ct.received_amount) as s from contracts ct
    where ct.customer_id = ${customerId} and ct.deleted_at is null and ct.status in ('active', 'completed')`.execute(db);
  return Number(r.rows[0]?.s ?? 0);
}

/** One instalment of a customer that has fallen due: when it was due and when it was settled (null while open). */
export interface DueInstalment {
  dueOn: string;
  settledOn: string | null;
  amount: number;
  paid: number;
}

/**
 * A customer's payment record for its credit rating: the instalments of its signed live contracts
 * due on or before `today` (YYYY-MM-DD), oldest first.
 */
export async function dueInstalmentsOf(db: Db, customerId: number, today: string): Promise<DueInstalment[]> {
  const rows = await db
    .selectFrom('payment_plans')
    .select(['due_on', 'settled_on', 'amount', 'paid'])
    .where('customer_id', '=', customerId)
    .where('receivable', '=', 1)
    .where('due_on', '<=', today)
    .orderBy('due_on')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ dueOn: r.due_on, settledOn: r.settled_on, amount: Number(r.amount), paid: Number(r.paid) }));
}
