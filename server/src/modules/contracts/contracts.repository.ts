import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import { isUnscoped, type Scope } from '../../platform/auth/scope.js';
import { escapeLike } from '../../platform/db/like.js';
import type { DB } from '../../platform/db/schema.js';
import { emitContractsPurged } from './contracts.purge-events.js';

type Db = Kysely<DB> | Transaction<DB>;
export type ContractRow = Selectable<DB['contracts']>;
export type NewContractRow = Omit<ContractRow, 'id' | 'planned_amount' | 'received_amount' | 'payment_count' | 'invoiced_amount' | 'plan_version'>;
export type ContractLineRow = Selectable<DB['contract_lines']>;
export type NewContractLine = Omit<ContractLineRow, 'id' | 'contract_id'>;
/** A contract as lists and the presenter read it: with its customer's, deal's and quote's names. */
export type ContractView = ContractRow & { customer_name: string | null; opportunity_name: string | null; quote_number: string | null };

export interface ContractFilter {
  scope: Scope;
  q?: string;
  kind?: string;
  /** Any of these statuses. */
  statuses?: readonly string[];
  customerId?: number;
  opportunityId?: number;
  quoteId?: number;
  ownerId?: number;
  /** Signed from / to these days (YYYY-MM-DD, both included). */
  signedFrom?: string;
  signedTo?: string;
  /** Active contracts ending from `from` to `to` (YYYY-MM-DD, both included). */
  ending?: { from: string; to: string };
}

export const sortColumns = {
  updatedAt: 'ct.updated_at', createdAt: 'ct.created_at', amount: 'ct.amount', endsOn: 'ct.ends_on', signedOn: 'ct.signed_on', number: 'ct.number',
} as const;
export type SortKey = keyof typeof sortColumns;

/** Live contracts matching a filter, as `ct`, within the scope: the one query behind the list and its count. */
export function filtered(db: Db, f: ContractFilter) {
  let query = db.selectFrom('contracts as ct').where('ct.deleted_at', 'is', null);
  if (!isUnscoped(f.scope)) query = query.where(f.scope);
  if (f.q) {
    const like = `%${escapeLike(f.q.toLowerCase())}%`;
    query = query.where((eb) =>
      eb.or([
        eb('ct.search', 'like', sql<string>`${like} escape '\\'`),
        eb('ct.customer_id', 'in', sql<number>`(select ctc.id from customers ctc where lower(ctc.name) like ${like} escape '\\')`),
      ]),
    );
  }
  if (f.kind !== undefined) query = query.where('ct.kind', '=', f.kind);
  if (f.statuses !== undefined && f.statuses.length > 0) query = query.where('ct.status', 'in', [...new Set(f.statuses)]);
  if (f.customerId !== undefined) query = query.where('ct.customer_id', '=', f.customerId);
  if (f.opportunityId !== undefined) query = query.where('ct.opportunity_id', '=', f.opportunityId);
  if (f.quoteId !== undefined) query = query.where('ct.quote_id', '=', f.quoteId);
  if (f.ownerId !== undefined) query = query.where('ct.owner_id', '=', f.ownerId);
  if (f.signedFrom !== undefined) query = query.where('ct.signed_on', '>=', f.signedFrom);
  if (f.signedTo !== undefined) query = query.where('ct.signed_on', '<=', f.signedTo);
  if (f.ending) query = query.where('ct.status', '=', 'active').where('ct.ends_on', '>=', f.ending.from).where('ct.ends_on', '<=', f.ending.to);
  return query;
}

function withNames(db: Db) {
  return db
    .selectFrom('contracts as ct')
    .leftJoin('customers as ctcu', 'ctcu.id', 'ct.customer_id')
    .leftJoin('opportunities as ctop', 'ctop.id', 'ct.opportunity_id')
    .leftJoin('quotes as ctq', 'ctq.id', 'ct.quote_id')
    .selectAll('ct')
    .select(['ctcu.name as customer_name', 'ctop.name as opportunity_name', 'ctq.number as quote_number']);
}

export async function list(db: Db, f: ContractFilter, sort: { key: SortKey; desc: boolean }, limit: number, offset: number): Promise<{ rows: ContractView[]; total: number }> {
  const dir = sort.desc ? 'desc' : 'asc';
  const [page, total] = await Promise.all([
    filtered(db, f).select('ct.id').orderBy(sortColumns[sort.key], dir).orderBy('ct.id', dir).limit(limit).offset(offset).execute(),
    filtered(db, f).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const ids = page.map((r) => r.id);
  if (ids.length === 0) return { rows: [], total: Number(total.n) };
  const rows = (await withNames(db).where('ct.id', 'in', ids).execute()) as ContractView[];
  const byId = new Map(rows.map((r) => [r.id, r]));
  return { rows: ids.flatMap((id) => byId.get(id) ?? []), total: Number(total.n) };
}

/** A contract by id within a scope: live, or deleted with `deleted: true`. */
export async function findById(db: Db, id: number, scope: Scope, options: { deleted?: boolean } = {}): Promise<ContractView | undefined> {
  let query = withNames(db).where('ct.id', '=', id).where('ct.deleted_at', options.deleted ? 'is not' : 'is', null);
  if (!isUnscoped(scope)) query = query.where(scope);
  return (await query.executeTakeFirst()) as ContractView | undefined;
}

export async function insert(db: Db, values: NewContractRow): Promise<number> {
  return (await db.insertInto('contracts').values(values).returning('id').executeTakeFirstOrThrow()).id;
}

/** Versioned update of a live contract (and, with `status`, only while it still has that status): false otherwise. */
export async function update(db: Db, id: number, version: number, values: Partial<ContractRow>, status?: string): Promise<boolean> {
  let query = db
    .updateTable('contracts')
    .set({ ...values, version: sql`version + 1` })
    .where('id', '=', id)
    .where('version', '=', version)
    .where('deleted_at', 'is', null);
  if (status !== undefined) query = query.where('status', '=', status);
  const r = await query.executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Set columns of a contract read (and locked) in this transaction, live or deleted. */
export async function setFields(db: Db, id: number, values: Partial<ContractRow>): Promise<void> {
  await db.updateTable('contracts').set(values).where('id', '=', id).execute();
}

/** Lock a contract's row until the transaction ends (PostgreSQL; SQLite writes one at a time). */
export async function lock(db: Db, engine: 'sqlite' | 'postgres', id: number): Promise<void> {
  if (engine !== 'postgres') return;
  await db.selectFrom('contracts').select('id').where('id', '=', id).forUpdate().execute();
}

export async function linesOf(db: Db, contractId: number): Promise<ContractLineRow[]> {
  return db.selectFrom('contract_lines').selectAll().where('contract_id', '=', contractId).orderBy('position').execute();
}

export async function replaceLines(db: Db, contractId: number, lines: NewContractLine[]): Promise<void> {
  await db.deleteFrom('contract_lines').where('contract_id', '=', contractId).execute();
  if (lines.length === 0) return;
  await db.insertInto('contract_lines').values(lines.map((l) => ({ ...l, contract_id: contractId }))).execute();
}

/** A contract's contacts with their names (live contacts only). */
export async function contactsOf(db: Db, contractId: number): Promise<Array<{ contact_id: number; role: string; name: string }>> {
  return db
    .selectFrom('contract_contacts as cc')
    .innerJoin('contacts as ck', 'ck.id', 'cc.contact_id')
    .select(['cc.contact_id', 'cc.role', 'ck.name'])
    .where('cc.contract_id', '=', contractId)
    .where('ck.deleted_at', 'is', null)
    .orderBy('ck.name')
    .orderBy('ck.id')
    .execute();
}

export async function contactIdsOf(db: Db, contractId: number): Promise<Set<number>> {
  const rows = await db.selectFrom('contract_contacts').select('contact_id').where('contract_id', '=', contractId).execute();
  return new Set(rows.map((r) => r.contact_id));
}

export async function replaceContacts(db: Db, contractId: number, contacts: Array<{ contactId: number; role: string }>): Promise<void> {
  await db.deleteFrom('contract_contacts').where('contract_id', '=', contractId).execute();
  if (contacts.length === 0) return;
  await db
    .insertInto('contract_contacts')
    .values(contacts.map((c) => ({ contract_id: contractId, contact_id: c.contactId, role: c.role })))
    .execute();
}

/**
 * The next value of a numbering sequence, reserved with one upsert on its counter row: the row
 * lock (PostgreSQL) or the single writer (SQLite) makes parallel creates take different values.
 */
export async function reserveSequence(db: Db, key: string): Promise<number> {
  const row = await db
    .insertInto('counters')
    .values({ name: `contract_no:${key}`, value: 1 })
    .onConflict((oc) => oc.column('name').doUpdateSet({ value: sql`counters.value + 1` }))
    .returning('value')
    .executeTakeFirstOrThrow();
  return row.value;
}

export async function numberTaken(db: Db, number: string): Promise<boolean> {
  return (await db.selectFrom('contracts').select('id').where('number', '=', number).executeTakeFirst()) !== undefined;
}

/**
 * Serialise "is there a contract of this quote yet" per quote until the transaction ends: an
 * upsert of the quote's counter row takes its row lock on PostgreSQL, so a second writer waits
 * and then sees what the first committed.
 */
export async function lockQuoteContracts(db: Db, quoteId: number): Promise<void> {
  await db
    .insertInto('counters')
    .values({ name: `contract_quote:${quoteId}`, value: 1 })
    .onConflict((oc) => oc.column('name').doUpdateSet({ value: sql`counters.value + 1` }))
    .execute();
}

/** The contract made from a quote, live or in the recycle bin. */
export async function ofQuote(db: Db, quoteId: number): Promise<number | undefined> {
  return (await db.selectFrom('contracts').select('id').where('quote_id', '=', quoteId).executeTakeFirst())?.id;
}

/**
 * A customer's transactions: its live active and completed contracts counted and summed, with
 * the first and last signing dates (an active contract always has one).
 */
export async function dealFiguresOf(db: Db, customerId: number, statuses: readonly string[]): Promise<{ count: number; total: number; first: string | null; last: string | null }> {
  const row = await db
    .selectFrom('contracts')
    .select((eb) => [
      eb.fn.countAll<number>().as('n'),
      eb.fn.sum<number>('amount').as('total'),
      eb.fn.min<string>('signed_on').as('first'),
      eb.fn.max<string>('signed_on').as('last'),
    ])
    .where('customer_id', '=', customerId)
    .where('deleted_at', 'is', null)
    .where('status', 'in', [...statuses])
    .executeTakeFirstOrThrow();
  return { count: Number(row.n), total: Number(row.total ?? 0), first: row.first ?? null, last: row.last ?? null };
}

/** Live active contracts ending from `from` to `to` whose owner was not yet told about this end date (a batch after `afterId`). */
export async function renewalsDue(db: Db, from: string, to: string, afterId: number, limit: number): Promise<ContractRow[]> {
  return db
    .selectFrom('contracts')
    .selectAll()
    .where('status', '=', 'active')
    .where('deleted_at', 'is', null)
    .where('ends_on', '>=', from)
    .where('ends_on', '<=', to)
    .where((eb) => eb.or([eb('renewal_notified_for', 'is', null), eb('renewal_notified_for', '!=', eb.ref('ends_on'))]))
    .where('id', '>', afterId)
    .orderBy('id')
    .limit(limit)
    .execute();
}

/** Mark a renewal as told: true for the one caller that marks it (a run elsewhere at the same time gets false). */
export async function claimRenewal(db: Db, id: number, endsOn: string): Promise<boolean> {
  const r = await db
    .updateTable('contracts')
    .set({ renewal_notified_for: endsOn })
    .where('id', '=', id)
    .where('ends_on', '=', endsOn)
    .where((eb) => eb.or([eb('renewal_notified_for', 'is', null), eb('renewal_notified_for', '!=', endsOn)]))
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Contracts follow their customer: deleted with it (same deleted_at), restored with it, moved to a merge's survivor. */
export async function deleteWithCustomer(db: Db, customerId: number, at: string, by: number): Promise<void> {
  await db
    .updateTable('contracts')
    .set({ deleted_at: at, deleted_by: by, updated_at: at, updated_by: by, version: sql`version + 1` })
    .where('customer_id', '=', customerId)
    .where('deleted_at', 'is', null)
    .execute();
}

export async function restoreWithCustomer(db: Db, customerId: number, deletedAt: string, at: string, by: number): Promise<void> {
  await db
    .updateTable('contracts')
    .set({ deleted_at: null, deleted_by: null, updated_at: at, updated_by: by, version: sql`version + 1` })
    .where('customer_id', '=', customerId)
    .where('deleted_at', '=', deletedAt)
    .execute();
}

export async function moveToCustomer(db: Db, fromId: number, intoId: number, at: string, by: number): Promise<void> {
  await db
    .updateTable('contracts')
    .set({ customer_id: intoId, updated_at: at, updated_by: by, version: sql`version + 1` })
    .where('customer_id', '=', fromId)
    .execute();
}

/** Deleted contracts for the recycle bin, newest first, with their customer's name. */
export async function listDeleted(db: Db, q: string | undefined, limit: number, offset: number) {
  let query = db.selectFrom('contracts as ct').leftJoin('customers as ctcu', 'ctcu.id', 'ct.customer_id').where('ct.deleted_at', 'is not', null);
  if (q) {
    const like = `%${escapeLike(q.toLowerCase())}%`;
    query = query.where('ct.search', 'like', sql<string>`${like} escape '\\'`);
  }
  const [rows, total] = await Promise.all([
    query.select(['ct.id', 'ct.number', 'ct.title', 'ct.deleted_at', 'ct.deleted_by', 'ctcu.name as customer_name']).orderBy('ct.deleted_at', 'desc').orderBy('ct.id', 'desc').limit(limit).offset(offset).execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

/** Erase contracts for good, with their lines and contacts and what other modules keep under them (in the caller's transaction). */
export async function purge(db: Db, ids: number[]): Promise<void> {
  await emitContractsPurged(db, ids);
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    await db.deleteFrom('contract_lines').where('contract_id', 'in', chunk).execute();
    await db.deleteFrom('contract_contacts').where('contract_id', 'in', chunk).execute();
    await db.deleteFrom('contracts').where('id', 'in', chunk).execute();
  }
}

export async function idsOfCustomer(db: Db, customerId: number): Promise<number[]> {
  return (await db.selectFrom('contracts').select('id').where('customer_id', '=', customerId).execute()).map((r) => r.id);
}

/**
 * The amount of live contracts signed in [from, to) (calendar days) that are active or completed,
 * per owner: what sales targets count as signed. `ownerId`: that owner's only.
 */
export async function signedAmountByOwner(db: Db, from: string, to: string, ownerId?: number): Promise<Map<number, number>> {
  const rows = await db
    .selectFrom('contracts')
    .select((eb) => ['owner_id', eb.fn.sum<number>('amount').as('total')])
    .where('deleted_at', 'is', null)
    .where('status', 'in', ['active', 'completed'])
    .where('signed_on', '>=', from)
    .where('signed_on', '<', to)
    .$if(ownerId !== undefined, (q) => q.where('owner_id', '=', ownerId ?? 0))
    .groupBy('owner_id')
    .execute();
  return new Map(rows.map((r) => [Number(r.owner_id), Number(r.total ?? 0)]));
}

/** The receivables' sums of a contract (locked by the caller), with the plan's version when the plan changed. */
export async function writeReceivableSums(db: Db, id: number, sums: { planned: number; received: number; payments: number; invoiced: number; planChanged: boolean }): Promise<void> {
  await db
    .updateTable('contracts')
    .set({
      planned_amount: sums.planned,
      received_amount: sums.received,
      payment_count: sums.payments,
      invoiced_amount: sums.invoiced,
      ...(sums.planChanged ? { plan_version: sql`plan_version + 1` } : {}),
    })
    .where('id', '=', id)
    .execute();
}
