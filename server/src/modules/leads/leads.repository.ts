import { isUnscoped, type Scope } from '../../platform/auth/scope.js';
import { sql, type Expression, type Kysely, type Selectable, type SqlBool, type Transaction } from 'kysely';
import type { LeadStatus, ManGrade } from '@crm/contracts';
import type { Engine } from '../../platform/config.js';
import type { DB } from '../../platform/db/schema.js';
import { escapeLike } from '../../platform/db/like.js';
import { searchKeyMatches } from '../../platform/search.js';
import { withPhoneColumns } from '../../platform/phone-columns.js';

/** The only SQL of the leads module: leads, their duplicate keys and their round-robin counters. */
type Db = Kysely<DB> | Transaction<DB>;
export type LeadRow = Selectable<DB['leads']>;
export type NewLeadRow = Omit<LeadRow, 'id'>;

export interface LeadFilter {
  scope: Scope;
  /** What the user typed in the search box, matched against `search` (see leads.records.ts) with its pinyin forms. */
  search?: string;
  status?: LeadStatus[];
  grade?: ManGrade[];
  rank?: number | 'none';
  source?: string;
  ownerId?: number | 'none';
  province?: string;
  gender?: string;
  creditStanding?: string;
  formId?: number;
  /** ISO instants: created_at >= from and < to. */
  createdFrom?: string;
  createdTo?: string;
}

export type SortKey = 'updatedAt' | 'createdAt' | 'name' | 'grade';

/** Live leads matching a filter, as `l`. */
function filtered(db: Db, f: LeadFilter) {
  let q = db.selectFrom('leads as l').where('l.deleted_at', 'is', null);
  if (!isUnscoped(f.scope)) q = q.where(f.scope);
  const search = f.search ? searchKeyMatches('l.search', f.search) : null;
  if (search) q = q.where(search);
  if (f.status && f.status.length > 0) q = q.where('l.status', 'in', f.status);
  if (f.grade && f.grade.length > 0) q = q.where('l.man_grade', 'in', f.grade);
  if (f.rank === 'none') q = q.where('l.man_rank', 'is', null);
  else if (f.rank !== undefined) q = q.where('l.man_rank', '=', f.rank);
  if (f.source) q = q.where('l.source', '=', f.source);
  if (f.ownerId === 'none') q = q.where('l.owner_id', 'is', null);
  else if (f.ownerId !== undefined) q = q.where('l.owner_id', '=', f.ownerId);
  if (f.province) q = q.where('l.province', '=', f.province);
  if (f.gender) q = q.where('l.gender', '=', f.gender);
  if (f.creditStanding) q = q.where('l.credit_standing', '=', f.creditStanding);
  if (f.formId !== undefined) q = q.where('l.form_id', '=', f.formId);
  if (f.createdFrom) q = q.where('l.created_at', '>=', f.createdFrom);
  if (f.createdTo) q = q.where('l.created_at', '<', f.createdTo);
  return q;
}

export async function list(db: Db, f: LeadFilter, sort: { key: SortKey; desc: boolean }, limit: number, offset: number): Promise<{ rows: LeadRow[]; total: number }> {
  const direction = sort.desc ? 'desc' : 'asc';
  let q = filtered(db, f).selectAll('l');
  if (sort.key === 'grade') {
    // Best grade first (rank 1) ascending, worst first descending; ungraded leads last either way
    // (the engines disagree on where NULLs sort, so say it).
    q = q.orderBy(sql`case when l.man_rank is null then 1 else 0 end`).orderBy('l.man_rank', direction).orderBy('l.updated_at', 'desc').orderBy('l.id', 'desc');
  } else {
    const column = ({ updatedAt: 'l.updated_at', createdAt: 'l.created_at', name: 'l.name' } as const)[sort.key];
    q = q.orderBy(column, direction).orderBy('l.id', direction);
  }
  const [rows, count] = await Promise.all([
    q.limit(limit).offset(offset).execute(),
    filtered(db, f).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

/** A lead by id within a scope; deleted ones only when asked. */
export async function findById(db: Db, id: number, scope: Scope, options: { deleted?: boolean } = {}): Promise<LeadRow | undefined> {
  let q = db.selectFrom('leads as l').selectAll('l').where('l.id', '=', id);
  q = options.deleted ? q.where('l.deleted_at', 'is not', null) : q.where('l.deleted_at', 'is', null);
  if (!isUnscoped(scope)) q = q.where(scope);
  return q.executeTakeFirst();
}

/** Live leads among `ids` within a scope. */
export async function findByIds(db: Db, ids: number[], scope: Scope): Promise<LeadRow[]> {
  const out: LeadRow[] = [];
  for (let i = 0; i < ids.length; i += 500) {
    let q = db.selectFrom('leads as l').selectAll('l').where('l.id', 'in', ids.slice(i, i + 500)).where('l.deleted_at', 'is', null);
    if (!isUnscoped(scope)) q = q.where(scope);
    out.push(...(await q.execute()));
  }
  return out;
}

// Rows per INSERT: well under SQLite's 32,766 bound variables with every lead column.
const insertChunk = 200;

/**
 * Insert leads; their ids in input order. Ids are handed out in VALUES order within one statement
 * on both engines (rowid / sequence), while RETURNING order is not promised: sort them.
 */
export async function insertMany(db: Db, rows: NewLeadRow[]): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < rows.length; i += insertChunk) {
    const inserted = await db.insertInto('leads').values(rows.slice(i, i + insertChunk).map(withPhoneColumns)).returning('id').execute();
    ids.push(...inserted.map((r) => r.id).sort((a, b) => a - b));
  }
  return ids;
}

/** Versioned update of a live lead: false when the version is stale (or the lead gone). */
export async function update(db: Db, id: number, version: number, values: Partial<LeadRow>, guard?: Expression<SqlBool>): Promise<boolean> {
  let q = db
    .updateTable('leads')
    .set({ ...withPhoneColumns(values), version: sql`version + 1` })
    .where('id', '=', id)
    .where('version', '=', version)
    .where('deleted_at', 'is', null);
  if (guard) q = q.where(guard);
  const result = await q.executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * Lock a lead until the transaction ends, before reading what a decision rests on (conversion,
 * delete, restore): a concurrent locker waits, then reads what the first one committed.
 * PostgreSQL only: SQLite's write transactions begin IMMEDIATE and run one at a time.
 */
export async function lock(db: Db, engine: Engine, id: number): Promise<void> {
  if (engine !== 'postgres') return;
  await db.selectFrom('leads').select('id').where('id', '=', id).forUpdate().execute();
}

export async function setFields(db: Db, id: number, values: Partial<LeadRow>): Promise<void> {
  await db.updateTable('leads').set(withPhoneColumns(values)).where('id', '=', id).execute();
}

export async function insertKeys(db: Db, keys: Array<{ leadId: number; key: string }>): Promise<void> {
  for (let i = 0; i < keys.length; i += 1000) {
    await db.insertInto('lead_keys').values(keys.slice(i, i + 1000).map((k) => ({ lead_id: k.leadId, key: k.key }))).execute();
  }
}

export async function replaceKeys(db: Db, leadId: number, keys: string[]): Promise<void> {
  await db.deleteFrom('lead_keys').where('lead_id', '=', leadId).execute();
  await insertKeys(db, keys.map((key) => ({ leadId, key })));
}

/** Live leads holding any of these keys: lead id -> the keys it matched. */
export async function leadsWithKeys(db: Db, keys: string[], excludeId?: number): Promise<Map<number, Set<string>>> {
  const found = new Map<number, Set<string>>();
  if (keys.length === 0) return found;
  // Keys first, then which of those leads are live: two indexed lookups, as for customers.
  for (let i = 0; i < keys.length; i += 500) {
    let q = db.selectFrom('lead_keys').select(['lead_id', 'key']).where('key', 'in', keys.slice(i, i + 500));
    if (excludeId !== undefined) q = q.where('lead_id', '!=', excludeId);
    for (const row of await q.execute()) {
      const set = found.get(row.lead_id) ?? new Set<string>();
      set.add(row.key);
      found.set(row.lead_id, set);
    }
  }
  const ids = [...found.keys()];
  const live = new Set<number>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db.selectFrom('leads').select('id').where('id', 'in', ids.slice(i, i + 500)).where('deleted_at', 'is', null).execute();
    for (const r of rows) live.add(r.id);
  }
  for (const id of ids) if (!live.has(id)) found.delete(id);
  return found;
}

/** Every duplicate key of these leads. */
export async function keysOfLeads(db: Db, ids: number[]): Promise<Map<number, Set<string>>> {
  const out = new Map<number, Set<string>>();
  for (let i = 0; i < ids.length; i += 500) {
    for (const row of await db.selectFrom('lead_keys').select(['lead_id', 'key']).where('lead_id', 'in', ids.slice(i, i + 500)).execute()) {
      const set = out.get(row.lead_id) ?? new Set<string>();
      set.add(row.key);
      out.set(row.lead_id, set);
    }
  }
  return out;
}

/** Which of these source keys leads (deleted ones included: they can be restored) still use. */
export async function sourcesInUse(db: Db, keys: string[]): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const rows = await db.selectFrom('leads').select('source').distinct().where('source', 'in', keys).execute();
  return new Set(rows.map((r) => r.source));
}

/**
 * Read a counter under a row lock (created with `initial` if missing), for a read-modify-write
 * inside the caller's transaction: a concurrent transaction waits at this update until ours ends
 * (PostgreSQL row lock; SQLite write transactions begin IMMEDIATE and are serialised anyway).
 */
export async function lockCounter(db: Db, name: string, initial: number): Promise<number> {
  await db.insertInto('counters').values({ name, value: initial }).onConflict((oc) => oc.column('name').doNothing()).execute();
  const row = await db.updateTable('counters').set({ value: sql`value` }).where('name', '=', name).returning('value').executeTakeFirstOrThrow();
  return Number(row.value);
}

export async function setCounter(db: Db, name: string, value: number): Promise<void> {
  await db.updateTable('counters').set({ value }).where('name', '=', name).execute();
}

export async function listDeleted(db: Db, q: string | undefined, limit: number, offset: number) {
  let query = db.selectFrom('leads').where('deleted_at', 'is not', null);
  if (q) query = query.where(sql<SqlBool>`name like ${`%${escapeLike(q)}%`} escape '\\'`);
  const [rows, total] = await Promise.all([
    query.select(['id', 'name', 'company', 'deleted_at', 'deleted_by']).orderBy('deleted_at', 'desc').orderBy('id', 'desc').limit(limit).offset(offset).execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

/** Leads converted into, or referred by, one customer now point at another (a merge), deleted ones too. */
export async function moveCustomerReferences(db: Db, fromId: number, intoId: number, at: string, by: number): Promise<void> {
  const touched = { version: sql<number>`version + 1`, updated_at: at, updated_by: by };
  await db.updateTable('leads').set({ converted_customer_id: intoId, ...touched }).where('converted_customer_id', '=', fromId).execute();
  await db.updateTable('leads').set({ referrer_customer_id: intoId, ...touched }).where('referrer_customer_id', '=', fromId).execute();
}

export async function purge(db: Db, id: number): Promise<void> {
  await db.deleteFrom('lead_keys').where('lead_id', '=', id).execute();
  await db.deleteFrom('leads').where('id', '=', id).execute();
}
