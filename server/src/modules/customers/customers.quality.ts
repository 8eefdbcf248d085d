import { isUnscoped, type Scope } from '../../platform/auth/scope.js';
import { sql, type Kysely, type Selectable, type SqlBool, type Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.js';

type Db = Kysely<DB> | Transaction<DB>;

/*
 * The customer queries behind the data-quality lists (the quality module's), exported as
 * `customerQuality`: the quality module decides what to list, the customers module runs SQL on
 * its own tables (customers, dedupe_keys).
 */

/** What the quality lists show of a customer and what completeness reads. */
const columns = [
  'c.id', 'c.archive_no', 'c.kind', 'c.name', 'c.owner_id', 'c.completeness', 'c.confirmed_at', 'c.updated_at',
] as const;
export type QualityRow = { id: number; archive_no: string; kind: string; name: string; owner_id: number | null; completeness: number; confirmed_at: string | null; updated_at: string };

/** The later of the last change and the last confirmation (ISO text compares in time order). */
const freshSince = sql<string>`case when c.confirmed_at is not null and c.confirmed_at > c.updated_at then c.confirmed_at else c.updated_at end`;

function live(db: Db, scope: Scope) {
  let q = db.selectFrom('customers as c').where('c.deleted_at', 'is', null);
  if (!isUnscoped(scope)) q = q.where(scope);
  return q;
}

function incompleteQuery(db: Db, scope: Scope, below: number) {
  return live(db, scope).where('c.completeness', '<', below);
}

function staleQuery(db: Db, scope: Scope, before: string) {
  return live(db, scope).where(freshSince, '<', before);
}

async function count(q: ReturnType<typeof live>): Promise<number> {
  const row = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function incomplete(db: Db, scope: Scope, below: number, limit: number, offset: number) {
  const q = incompleteQuery(db, scope, below);
  const [rows, total] = await Promise.all([
    q.select(columns).orderBy('c.completeness', 'asc').orderBy('c.id', 'asc').limit(limit).offset(offset).execute(),
    count(q),
  ]);
  return { rows: rows as QualityRow[], total };
}

export async function stale(db: Db, scope: Scope, before: string, limit: number, offset: number) {
  const q = staleQuery(db, scope, before);
  const [rows, total] = await Promise.all([
    q.select(columns).orderBy(freshSince, 'asc').orderBy('c.id', 'asc').limit(limit).offset(offset).execute(),
    count(q),
  ]);
  return { rows: rows as QualityRow[], total };
}

export async function countIncomplete(db: Db, scope: Scope, below: number): Promise<number> {
  return count(incompleteQuery(db, scope, below));
}

export async function countStale(db: Db, scope: Scope, before: string): Promise<number> {
  return count(staleQuery(db, scope, before));
}

/**
 * Every (key, customer) pair of a duplicate-check key that two or more live customers within the
 * scope share. Both sides of a pair are within the scope.
 */
export async function sharedKeys(db: Db, scope: Scope): Promise<Array<{ key: string; customer_id: number }>> {
  const keyed = (inner: Db) => {
    let q = inner.selectFrom('dedupe_keys as k').innerJoin('customers as c', 'c.id', 'k.customer_id').where('c.deleted_at', 'is', null);
    if (!isUnscoped(scope)) q = q.where(scope);
    return q;
  };
  const shared = keyed(db).select('k.key').groupBy('k.key').having(sql<SqlBool>`count(distinct k.customer_id) > 1`);
  return keyed(db).select(['k.key', 'k.customer_id']).where('k.key', 'in', shared).distinct().orderBy('k.customer_id').execute();
}

export async function byIds(db: Db, ids: number[]): Promise<QualityRow[]> {
  if (ids.length === 0) return [];
  return (await db.selectFrom('customers as c').select(columns).where('c.id', 'in', ids).execute()) as QualityRow[];
}

/** Stored rows by id (what completeness and missing fields read). */
export async function fullRows(db: Db, ids: number[]) {
  if (ids.length === 0) return new Map<number, Selectable<DB['customers']>>();
  const rows = await db.selectFrom('customers').selectAll().where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r]));
}
