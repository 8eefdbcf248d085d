import { type Kysely, type Selectable, type Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.js';

type Db = Kysely<DB> | Transaction<DB>;
export type AttachmentRow = Selectable<DB['attachments']>;
export type ListedRow = AttachmentRow & { contact_name: string | null };

export async function insert(db: Db, values: Omit<AttachmentRow, 'id'>): Promise<number> {
  const row = await db.insertInto('attachments').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export function findLive(db: Db, id: number) {
  return db.selectFrom('attachments').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
}

/**
 * Live files of a customer: its own, and (withContacts) those of its live contacts; or of one
 * contact; or of one contract. A contact in the recycle bin hides its files until it is restored.
 */
export async function list(db: Db, where: { customerId: number; withContacts: boolean } | { contactId: number } | { contractId: number }, limit: number, offset: number) {
  let query = db
    .selectFrom('attachments as a')
    .leftJoin('contacts as k', 'k.id', 'a.contact_id')
    .where('a.deleted_at', 'is', null);
  if ('contactId' in where) {
    query = query.where('a.contact_id', '=', where.contactId);
  } else if ('contractId' in where) {
    query = query.where('a.contract_id', '=', where.contractId);
  } else {
    // A contract's files are seen through the contract (its scope), not on the customer's list.
    query = query.where('a.customer_id', '=', where.customerId).where('a.contract_id', 'is', null);
    query = where.withContacts
      ? query.where((eb) => eb.or([eb('a.contact_id', 'is', null), eb('k.deleted_at', 'is', null)]))
      : query.where('a.contact_id', 'is', null);
  }
  const [rows, count] = await Promise.all([
    query.selectAll('a').select('k.name as contact_name').orderBy('a.id', 'desc').limit(limit).offset(offset).execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows: rows as ListedRow[], total: Number(count.n) };
}

export async function softDelete(db: Db, id: number, at: string, by: number): Promise<boolean> {
  const result = await db.updateTable('attachments').set({ deleted_at: at, deleted_by: by }).where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** A merge: the files of the merged customers (their contacts' included) belong to the survivor. */
export async function moveToCustomer(db: Db, fromIds: number[], toId: number): Promise<void> {
  if (fromIds.length === 0) return;
  await db.updateTable('attachments').set({ customer_id: toId }).where('customer_id', 'in', fromIds).execute();
}

/** Storage keys of every file of a customer (for a purge). */
export async function storageKeysOf(db: Db, customerId: number): Promise<string[]> {
  const rows = await db.selectFrom('attachments').select('storage_key').where('customer_id', '=', customerId).execute();
  return rows.map((r) => r.storage_key);
}

export async function deleteOfCustomer(db: Db, customerId: number): Promise<void> {
  await db.deleteFrom('attachments').where('customer_id', '=', customerId).execute();
}

/** Storage keys of a contract's files (for a purge). */
export async function storageKeysOfContract(db: Db, contractId: number): Promise<string[]> {
  const rows = await db.selectFrom('attachments').select('storage_key').where('contract_id', '=', contractId).execute();
  return rows.map((r) => r.storage_key);
}

export async function deleteOfContract(db: Db, contractId: number): Promise<void> {
  await db.deleteFrom('attachments').where('contract_id', '=', contractId).execute();
}
