import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import { isUnscoped, type Scope } from '../../platform/auth/scope.js';
import { escapeLike } from '../../platform/db/like.js';
import type { DB } from '../../platform/db/schema.js';

type Db = Kysely<DB> | Transaction<DB>;
export type QuoteRow = Selectable<DB['quotes']>;
export type NewQuoteRow = Omit<QuoteRow, 'id'>;
export type QuoteLineRow = Selectable<DB['quote_lines']>;
export type NewQuoteLine = Omit<QuoteLineRow, 'id' | 'quote_id'>;
/** A quote as lists and the presenter read it: with its customer's and deal's names. */
export type QuoteView = QuoteRow & { customer_name: string | null; opportunity_name: string | null };

export interface QuoteFilter {
  scope: Scope;
  q?: string;
  customerId?: number;
  opportunityId?: number;
  ownerId?: number;
  status?: string;
}

export const sortColumns = { updatedAt: 'q.updated_at', createdAt: 'q.created_at', total: 'q.total', validUntil: 'q.valid_until', number: 'q.number' } as const;
export type SortKey = keyof typeof sortColumns;

/** Live quotes matching a filter, as `q`, within the scope: the one query behind the list and its count. */
export function filtered(db: Db, f: QuoteFilter) {
  let query = db.selectFrom('quotes as q').where('q.deleted_at', 'is', null);
  if (!isUnscoped(f.scope)) query = query.where(f.scope);
  if (f.q) {
    const like = `%${escapeLike(f.q.toLowerCase())}%`;
    query = query.where((eb) =>
      eb.or([
        eb('q.search', 'like', sql<string>`${like} escape '\\'`),
        eb('q.customer_id', 'in', sql<number>`(select qc.id from customers qc where lower(qc.name) like ${like} escape '\\')`),
      ]),
    );
  }
  if (f.customerId !== undefined) query = query.where('q.customer_id', '=', f.customerId);
  if (f.opportunityId !== undefined) query = query.where('q.opportunity_id', '=', f.opportunityId);
  if (f.ownerId !== undefined) query = query.where('q.owner_id', '=', f.ownerId);
  if (f.status !== undefined) query = query.where('q.status', '=', f.status);
  return query;
}

function withNames(db: Db) {
  return db
    .selectFrom('quotes as q')
    .leftJoin('customers as qcu', 'qcu.id', 'q.customer_id')
    .leftJoin('opportunities as qop', 'qop.id', 'q.opportunity_id')
    .selectAll('q')
    .select(['qcu.name as customer_name', 'qop.name as opportunity_name']);
}

export async function list(db: Db, f: QuoteFilter, sort: { key: SortKey; desc: boolean }, limit: number, offset: number): Promise<{ rows: QuoteView[]; total: number }> {
  const dir = sort.desc ? 'desc' : 'asc';
  const [page, total] = await Promise.all([
    filtered(db, f).select('q.id').orderBy(sortColumns[sort.key], dir).orderBy('q.id', dir).limit(limit).offset(offset).execute(),
    filtered(db, f).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const ids = page.map((r) => r.id);
  if (ids.length === 0) return { rows: [], total: Number(total.n) };
  const rows = (await withNames(db).where('q.id', 'in', ids).execute()) as QuoteView[];
  const byId = new Map(rows.map((r) => [r.id, r]));
  return { rows: ids.flatMap((id) => byId.get(id) ?? []), total: Number(total.n) };
}

/** A live quote by id within a scope. */
export async function findById(db: Db, id: number, scope: Scope): Promise<QuoteView | undefined> {
  let query = withNames(db).where('q.id', '=', id).where('q.deleted_at', 'is', null);
  if (!isUnscoped(scope)) query = query.where(scope);
  return (await query.executeTakeFirst()) as QuoteView | undefined;
}

export async function insert(db: Db, values: NewQuoteRow): Promise<number> {
  return (await db.insertInto('quotes').values(values).returning('id').executeTakeFirstOrThrow()).id;
}

/** Versioned update of a live quote: false when the version is stale. */
export async function update(db: Db, id: number, version: number, values: Partial<QuoteRow>): Promise<boolean> {
  const r = await db
    .updateTable('quotes')
    .set({ ...values, version: sql`version + 1` })
    .where('id', '=', id)
    .where('version', '=', version)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function linesOf(db: Db, quoteId: number): Promise<QuoteLineRow[]> {
  return db.selectFrom('quote_lines').selectAll().where('quote_id', '=', quoteId).orderBy('position').execute();
}

export async function replaceLines(db: Db, quoteId: number, lines: NewQuoteLine[]): Promise<void> {
  await db.deleteFrom('quote_lines').where('quote_id', '=', quoteId).execute();
  if (lines.length === 0) return;
  await db.insertInto('quote_lines').values(lines.map((l) => ({ ...l, quote_id: quoteId }))).execute();
}

export async function insertRevision(db: Db, values: { quote_id: number; revision: number; document: string; saved_at: string; saved_by: number | null }): Promise<void> {
  await db.insertInto('quote_revisions').values(values).execute();
}

export async function revisionsOf(db: Db, quoteId: number) {
  return db.selectFrom('quote_revisions').selectAll().where('quote_id', '=', quoteId).orderBy('revision').execute();
}

/**
 * The next number of the year's sequence, reserved with one upsert on the year's counter row: the
 * row lock (PostgreSQL) or the single writer (SQLite) makes parallel creates take different numbers.
 */
export async function reserveNumber(db: Db, year: number): Promise<number> {
  const row = await db
    .insertInto('counters')
    .values({ name: `quote_no:${year}`, value: 1 })
    .onConflict((oc) => oc.column('name').doUpdateSet({ value: sql`counters.value + 1` }))
    .returning('value')
    .executeTakeFirstOrThrow();
  return row.value;
}

/**
 * Serialise "which quote is the deal's current one" per deal until the transaction ends: an upsert
 * of the deal's counter row takes its row lock on PostgreSQL (SQLite's write transactions already
 * run one at a time), so a second writer waits and then reads what the first committed.
 */
export async function lockDealQuotes(db: Db, opportunityId: number): Promise<void> {
  await db
    .insertInto('counters')
    .values({ name: `quote_current:${opportunityId}`, value: 1 })
    .onConflict((oc) => oc.column('name').doUpdateSet({ value: sql`counters.value + 1` }))
    .execute();
}

/** The current live quote of a deal, if any (read after lockDealQuotes). */
export async function currentOf(db: Db, opportunityId: number): Promise<number | undefined> {
  return (await db.selectFrom('quotes').select('id').where('opportunity_id', '=', opportunityId).where('is_current', '=', 1).where('deleted_at', 'is', null).executeTakeFirst())?.id;
}

/** Clear the current mark of the deal's quotes other than `keepId` (each cleared quote's version moves). */
export async function clearCurrent(db: Db, opportunityId: number, keepId: number, at: string, by: number): Promise<void> {
  await db
    .updateTable('quotes')
    .set({ is_current: 0, version: sql`version + 1`, updated_at: at, updated_by: by })
    .where('opportunity_id', '=', opportunityId)
    .where('is_current', '=', 1)
    .where('id', '!=', keepId)
    .execute();
}

/** Quotes follow their customer: deleted with it (same deleted_at), restored with it, moved to a merge's survivor. */
export async function deleteWithCustomer(db: Db, customerId: number, at: string, by: number): Promise<void> {
  await db
    .updateTable('quotes')
    .set({ deleted_at: at, deleted_by: by, updated_at: at, updated_by: by, version: sql`version + 1` })
    .where('customer_id', '=', customerId)
    .where('deleted_at', 'is', null)
    .execute();
}

export async function restoreWithCustomer(db: Db, customerId: number, deletedAt: string, at: string, by: number): Promise<void> {
  await db
    .updateTable('quotes')
    .set({ deleted_at: null, deleted_by: null, updated_at: at, updated_by: by, version: sql`version + 1` })
    .where('customer_id', '=', customerId)
    .where('deleted_at', '=', deletedAt)
    .execute();
}

export async function moveToCustomer(db: Db, fromId: number, intoId: number, at: string, by: number): Promise<void> {
  await db
    .updateTable('quotes')
    .set({ customer_id: intoId, updated_at: at, updated_by: by, version: sql`version + 1` })
    .where('customer_id', '=', fromId)
    .execute();
}

/** Erase every quote of a customer erased for good, with their lines and revisions (in the purge's transaction). */
export async function purgeOfCustomer(db: Db, customerId: number): Promise<void> {
  const ids = (await db.selectFrom('quotes').select('id').where('customer_id', '=', customerId).execute()).map((r) => r.id);
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    await db.deleteFrom('quote_lines').where('quote_id', 'in', chunk).execute();
    await db.deleteFrom('quote_revisions').where('quote_id', 'in', chunk).execute();
    await db.deleteFrom('quotes').where('id', 'in', chunk).execute();
  }
}

/** Move a quote from one status to another (an approval's outcome), whatever its version; false when it was not in `from`. */
export async function moveStatus(db: Db, id: number, from: string, to: string, at: string, by: number): Promise<boolean> {
  const r = await db
    .updateTable('quotes')
    .set({ status: to, updated_at: at, updated_by: by, version: sql`version + 1` })
    .where('id', '=', id)
    .where('status', '=', from)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Ids of every quote of a customer, deleted ones included. */
export async function idsOfCustomer(db: Db, customerId: number): Promise<number[]> {
  return (await db.selectFrom('quotes').select('id').where('customer_id', '=', customerId).execute()).map((r) => r.id);
}
