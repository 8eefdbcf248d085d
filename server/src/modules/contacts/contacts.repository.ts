import { isUnscoped, type Scope } from '../../platform/auth/scope.js';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Insertable, Selectable } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import { escapeLike } from '../../platform/db/like.js';
import { normalizePhone } from '../../platform/normalize.js';
import { withPhoneColumns } from '../../platform/phone-columns.js';
import { searchKeyMatches, searchKeyOf } from '../../platform/search.js';
import type { Engine } from '../../platform/config.js';
import { customFilterCondition, type CustomFilter } from '../custom-fields/index.js';

type Db = Kysely<DB> | Transaction<DB>;
export type ContactRow = Selectable<DB['contacts']>;

export interface ContactFilter {
  /** Customer data scope, written on `c` (the contact's customer). */
  scope: Scope;
  customerId?: number;
  /** The owner of the contact's customer. */
  ownerId?: number;
  q?: string;
  /** `cf_` filters on custom values, checked by the custom-fields module. */
  custom?: { engine: Engine; filters: CustomFilter[] };
}


// Contacts are seen through their customer: the join applies the customer's scope and liveness.
export function filtered(db: Db, f: ContactFilter) {
  let query = db
    .selectFrom('contacts as k')
    .innerJoin('customers as c', 'c.id', 'k.customer_id')
    .where('k.deleted_at', 'is', null)
    .where('c.deleted_at', 'is', null);
  if (!isUnscoped(f.scope)) query = query.where(f.scope);
  if (f.customerId !== undefined) query = query.where('k.customer_id', '=', f.customerId);
  if (f.ownerId !== undefined) query = query.where('c.owner_id', '=', f.ownerId);
  for (const cf of f.custom?.filters ?? []) query = query.where(customFilterCondition(f.custom?.engine ?? 'sqlite', 'k.custom', cf));
  if (f.q) {
    const like = `%${escapeLike(f.q.toLowerCase())}%`;
    // A whole phone number in any shape (+86, 0086, spaces, dashes) matches its E.164 form.
    const e164 = normalizePhone(f.q);
    const search = searchKeyMatches('k.search_key', f.q);
    query = query.where((eb) =>
      eb.or([
        eb(sql`lower(k.name)`, 'like', sql`${like} escape '\\'`),
        // Pinyin: zhangwei, zw, zhang伟 (the key holds the name's pinyin forms).
        ...(search ? [search] : []),
        eb(sql`lower(k.email)`, 'like', sql`${like} escape '\\'`),
        eb('k.mobile', 'like', sql<string>`${like} escape '\\'`),
        eb('k.phone', 'like', sql<string>`${like} escape '\\'`),
        ...(e164 ? [eb('k.mobile_e164', '=', e164), eb('k.phone_e164', '=', e164)] : []),
      ]),
    );
  }
  return query;
}

export async function list(db: Db, f: ContactFilter, sort: { key: 'name' | 'updatedAt'; desc: boolean }, limit: number, offset: number) {
  const column = sort.key === 'name' ? 'k.name' : 'k.updated_at';
  const direction = sort.desc ? 'desc' : 'asc';
  const [rows, total] = await Promise.all([
    filtered(db, f)
      .selectAll('k')
      .select('c.name as customer_name')
      .orderBy('k.is_primary', 'desc')
      .orderBy(column, direction)
      .orderBy('k.id', direction)
      .limit(limit)
      .offset(offset)
      .execute(),
    filtered(db, f).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

export async function findVisible(db: Db, id: number, scope: Scope) {
  return filtered(db, { scope }).selectAll('k').select('c.name as customer_name').where('k.id', '=', id).executeTakeFirst();
}

/** A write's values with what derives from them: the E.164 phone columns and the name's search key. */
function withDerived<T extends { name?: string; phone?: string | null; mobile?: string | null; search_key?: string }>(values: T): T {
  const out = withPhoneColumns(values);
  if (values.name !== undefined) out.search_key = searchKeyOf(values.name);
  return out;
}

export async function insert(db: Db, values: Insertable<DB['contacts']>): Promise<number> {
  const row = await db.insertInto('contacts').values(withDerived(values)).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** Insert many contacts in one statement; their ids in input order (one statement's ids ascend in row order). */
export async function insertMany(db: Db, rows: Array<Insertable<DB['contacts']>>): Promise<number[]> {
  if (rows.length === 0) return [];
  const inserted = await db.insertInto('contacts').values(rows.map((r) => withDerived(r))).returning('id').execute();
  return inserted.map((r) => r.id).sort((a, b) => a - b);
}

export async function update(db: Db, id: number, version: number, values: Partial<ContactRow>): Promise<boolean> {
  const result = await db
    .updateTable('contacts')
    .set({ ...withDerived(values), version: sql`version + 1` })
    .where('id', '=', id)
    .where('version', '=', version)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function setFields(db: Db, id: number, values: Partial<ContactRow>): Promise<void> {
  await db.updateTable('contacts').set(withDerived(values)).where('id', '=', id).execute();
}

export async function clearPrimary(db: Db, customerId: number, exceptId: number): Promise<void> {
  await db.updateTable('contacts').set({ is_primary: 0 }).where('customer_id', '=', customerId).where('id', '!=', exceptId).where('is_primary', '=', 1).execute();
}

/** Each customer's primary contact is the one kept; its others stop being primary. */
export async function clearPrimaryExcept(db: Db, keep: Array<{ customerId: number; keep: number }>): Promise<void> {
  for (let i = 0; i < keep.length; i += 500) {
    const chunk = keep.slice(i, i + 500);
    await db
      .updateTable('contacts')
      .set({ is_primary: 0 })
      .where('customer_id', 'in', chunk.map((k) => k.customerId))
      .where('id', 'not in', chunk.map((k) => k.keep))
      .where('is_primary', '=', 1)
      .execute();
  }
}

/** Move every contact (deleted ones too) of some customers to another; moved contacts are not primary. */
export async function moveToCustomer(db: Db, fromIds: number[], toId: number): Promise<void> {
  if (fromIds.length === 0) return;
  await db.updateTable('contacts').set({ customer_id: toId, is_primary: 0 }).where('customer_id', 'in', fromIds).execute();
}

export async function listDeleted(db: Db, q: string | undefined, limit: number, offset: number) {
  let query = db.selectFrom('contacts as k').innerJoin('customers as c', 'c.id', 'k.customer_id').where('k.deleted_at', 'is not', null);
  if (q) query = query.where('k.name', 'like', `%${escapeLike(q)}%`);
  const [rows, total] = await Promise.all([
    query.select(['k.id', 'k.name', 'k.deleted_at', 'k.deleted_by', 'c.name as customer_name']).orderBy('k.deleted_at', 'desc').limit(limit).offset(offset).execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

export function findDeleted(db: Db, id: number) {
  return db.selectFrom('contacts').selectAll().where('id', '=', id).where('deleted_at', 'is not', null).executeTakeFirst();
}

export async function purge(db: Db, id: number): Promise<void> {
  await db.deleteFrom('contacts').where('id', '=', id).execute();
}
