import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.js';

type Db = Kysely<DB> | Transaction<DB>;

export interface AssessmentRow {
  version: number;
  rating: string;
  total_score: number;
  evidence: string;
  result: string;
  assessed_at: string;
  assessed_by: number | null;
}

/** A customer's assessments, newest first (the first is the current one). */
export async function assessmentsOf(db: Db, customerId: number, limit: number): Promise<AssessmentRow[]> {
  return db
    .selectFrom('credit_assessments')
    .select(['version', 'rating', 'total_score', 'evidence', 'result', 'assessed_at', 'assessed_by'])
    .where('customer_id', '=', customerId)
    .orderBy('version', 'desc')
    .limit(limit)
    .execute();
}

/** The current assessment's version, 0 before the first. */
export async function currentVersion(db: Db, customerId: number): Promise<number> {
  const row = await db.selectFrom('credit_assessments').select((eb) => eb.fn.max('version').as('v')).where('customer_id', '=', customerId).executeTakeFirst();
  return Number(row?.v ?? 0);
}

/** Add an assessment as the customer's new current one (unique per customer and version). */
export async function insertAssessment(db: Db, row: AssessmentRow & { customer_id: number }): Promise<void> {
  await db.insertInto('credit_assessments').values(row).execute();
}

/** Erase a customer's assessments (the customer is erased for good). */
export async function purgeOfCustomer(db: Db, customerId: number): Promise<void> {
  await db.deleteFrom('credit_assessments').where('customer_id', '=', customerId).execute();
}

/** Move a merged customer's assessments to the survivor when the survivor has none of its own (else they stay with the merged id). */
export async function moveToSurvivor(db: Db, fromId: number, intoId: number): Promise<void> {
  if ((await currentVersion(db, intoId)) > 0) return;
  await db.updateTable('credit_assessments').set({ customer_id: intoId }).where('customer_id', '=', fromId).execute();
}
