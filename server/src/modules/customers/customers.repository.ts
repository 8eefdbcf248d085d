import { isUnscoped, type Scope } from '../../platform/auth/scope.js';
import { sql, type Expression, type Insertable, type Selectable, type SelectQueryBuilder, type Kysely, type SqlBool, type Transaction } from 'kysely';
import type { CustomerStatus } from '@crm/contracts';
import type { Engine } from '../../platform/config.js';
import type { DB } from '../../platform/db/schema.js';
import { escapeLike } from '../../platform/db/like.js';
import { withPhoneColumns } from '../../platform/phone-columns.js';
import { customerSearchCondition, customerSearchProbe, deleteSearchIndex, writeSearchIndex } from '../../platform/search.js';
import { planSearch, type SearchPlan } from '../../platform/search-plan.js';
import { customFilterCondition, type CustomFilter } from '../custom-fields/index.js';

type Db = Kysely<DB> | Transaction<DB>;
export type CustomerRow = Selectable<DB['customers']>;
export type NewCustomerRow = Insertable<DB['customers']> & Omit<CustomerRow, 'id' | 'contact_count' | 'contact_terms' | 'custom' | 'completeness' | 'owner_since' | 'last_followup_at' | 'next_followup_on' | 'last_deal_at' | 'first_deal_at' | 'deal_count' | 'deal_total' | 'confirmed_at' | 'merged_into_id'>;

export interface CustomerFilter {
  scope: Scope;
  q?: string;
  kind?: string;
  category?: string;
  status?: CustomerStatus[];
  lifecycleStage?: string;
  ownerId?: number | 'none';
  province?: string;
  city?: string;
  district?: string;
  industry?: string;
  source?: string;
  tags?: string[];
  /** `cf_` filters on custom values, checked by the custom-fields module. */
  custom?: CustomFilter[];
  /** Set by `list`: how the search text is answered (see planSearch). */
  searchPlan?: SearchPlan;
  /** Instants (ISO, UTC): created in [createdFrom, createdBefore). */
  createdFrom?: string;
  createdBefore?: string;
  /** Instants: last followed up before this one or never; on or after this one. */
  lastFollowUpBefore?: string;
  lastFollowUpFrom?: string;
  /** Days (YYYY-MM-DD): next follow-up on, before, on or before. */
  nextFollowUpOn?: string;
  nextFollowUpBefore?: string;
  nextFollowUpUntil?: string;
  /** Customers the public-pool rules return soon: a condition on customer columns (see poolDueCondition). */
  poolDue?: Expression<SqlBool>;
}

export const sortColumns = {
  updatedAt: 'c.updated_at',
  createdAt: 'c.created_at',
  name: 'c.name',
  archiveNo: 'c.archive_no',
  lastFollowUpAt: 'c.last_followup_at',
  nextFollowUpOn: 'c.next_followup_on',
} as const;
export type SortKey = keyof typeof sortColumns;

/**
 * Where nulls sort, said the same on both engines and served by the indexes of migration 0024:
 * never followed up is the oldest follow-up (first ascending), nothing planned the furthest next
 * follow-up (last ascending). Columns that are never null leave it to the engine.
 */
export const nullsAs: Partial<Record<SortKey, 'smallest' | 'largest'>> = { lastFollowUpAt: 'smallest', nextFollowUpOn: 'largest' };

/** Order a customer query by a sort key, then by id in the same direction. */
export function orderCustomers<Q extends SelectQueryBuilder<DB & { c: DB['customers'] }, 'c', object>>(query: Q, sort: { key: SortKey; desc: boolean }): Q {
  const direction = sort.desc ? 'desc' : 'asc';
  const nulls = nullsAs[sort.key];
  const ordered =
    nulls === undefined
      ? query.orderBy(sortColumns[sort.key], direction)
      : // Smallest: first ascending, last descending; largest the other way round.
        query.orderBy(sortColumns[sort.key], (ob) => {
          const o = sort.desc ? ob.desc() : ob.asc();
          return (nulls === 'smallest') !== sort.desc ? o.nullsFirst() : o.nullsLast();
        });
  return ordered.orderBy('c.id', direction) as Q;
}


/** Live customers matching a filter, as `c`; the one query behind list, count and (later) export. */
export function filtered(db: Db, engine: Engine, f: CustomerFilter) {
  let query = db.selectFrom('customers as c').where('c.deleted_at', 'is', null);
  if (!isUnscoped(f.scope)) query = query.where(f.scope);
  if (f.q) {
    const search = customerSearchCondition(engine, f.q, f.searchPlan);
    if (search) query = query.where(search);
  }
  if (f.kind) query = query.where('c.kind', '=', f.kind);
  if (f.category) query = query.where('c.category', '=', f.category);
  if (f.status && f.status.length > 0) query = query.where('c.status', 'in', f.status);
  if (f.lifecycleStage) query = query.where('c.lifecycle_stage', '=', f.lifecycleStage);
  if (f.ownerId === 'none') query = query.where('c.owner_id', 'is', null);
  else if (f.ownerId !== undefined) query = query.where('c.owner_id', '=', f.ownerId);
  if (f.province) query = query.where('c.province', '=', f.province);
  if (f.city) query = query.where('c.city', '=', f.city);
  if (f.district) query = query.where('c.district', '=', f.district);
  if (f.industry) query = query.where('c.industry', '=', f.industry);
  if (f.source) query = query.where('c.source', '=', f.source);
  for (const tag of f.tags ?? []) {
    // Tags are a JSON array of strings; a quoted match finds the whole tag only.
    query = query.where(sql<SqlBool>`c.tags like ${`%${escapeLike(JSON.stringify(tag))}%`} escape '\\'`);
  }
  for (const cf of f.custom ?? []) query = query.where(customFilterCondition(engine, 'c.custom', cf));
  if (f.createdFrom) query = query.where('c.created_at', '>=', f.createdFrom);
  if (f.createdBefore) query = query.where('c.created_at', '<', f.createdBefore);
  if (f.lastFollowUpBefore) {
    const before = f.lastFollowUpBefore;
    query = query.where((eb) => eb.or([eb('c.last_followup_at', 'is', null), eb('c.last_followup_at', '<', before)]));
  }
  if (f.lastFollowUpFrom) query = query.where('c.last_followup_at', '>=', f.lastFollowUpFrom);
  if (f.nextFollowUpOn) query = query.where('c.next_followup_on', '=', f.nextFollowUpOn);
  if (f.nextFollowUpBefore || f.nextFollowUpUntil) {
    // Said outright, though implied: SQLite then reads a range of the next-follow-up index instead
    // of counting the (many) customers without one as candidates and scanning the table.
    query = query.where('c.next_followup_on', 'is not', null);
    if (f.nextFollowUpBefore) query = query.where('c.next_followup_on', '<', f.nextFollowUpBefore);
    if (f.nextFollowUpUntil) query = query.where('c.next_followup_on', '<=', f.nextFollowUpUntil);
  }
  if (f.poolDue) query = query.where(f.poolDue);
  return query;
}

function isUnfiltered(f: CustomerFilter): boolean {
  return isUnscoped(f.scope) && !f.q && !f.kind && !f.category && !f.status?.length && !f.lifecycleStage && f.ownerId === undefined && !f.province && !f.city && !f.district && !f.industry && !f.source && !f.tags?.length && !f.custom?.length &&
    !f.createdFrom && !f.createdBefore && !f.lastFollowUpBefore && !f.lastFollowUpFrom && !f.nextFollowUpOn && !f.nextFollowUpBefore && !f.nextFollowUpUntil && !f.poolDue;
}

const liveCounter = 'live_customers';

/**
 * The number of live customers, kept in `counters` so that the unfiltered list (what an
 * administrator opens first) does not count a million rows. Created from a real count on first
 * use; every create, delete and restore adjusts it in the same transaction.
 */
async function liveCount(db: Db): Promise<number> {
  const row = await db.selectFrom('counters').select('value').where('name', '=', liveCounter).executeTakeFirst();
  if (row) return row.value;
  const counted = await db.selectFrom('customers').where('deleted_at', 'is', null).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  await db.insertInto('counters').values({ name: liveCounter, value: Number(counted.n) }).onConflict((oc) => oc.column('name').doNothing()).execute();
  return Number(counted.n);
}

/** Adjust the live-customer count (a no-op until it has been created by a first count). */
export async function adjustLiveCount(db: Db, delta: number): Promise<void> {
  await db.updateTable('counters').set({ value: sql`value + ${delta}` }).where('name', '=', liveCounter).execute();
}

/** Counts stop here: past it the list says "10,000+" rather than counting every row. */
export const countCap = 10_000;

type Total = { n: number; capped: boolean };
const capped = (n: number): Total => (n > countCap ? { n: countCap, capped: true } : { n, capped: false });

/** Up to the cap, the rows of a query (a subquery selecting one column), counted. */
async function countUpToCap(db: Db, query: SelectQueryBuilder<DB & { c: DB['customers'] }, 'c', { one: number }>): Promise<Total> {
  const r = await db.selectFrom(query.limit(countCap + 1).as('m')).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return capped(Number(r.n));
}

/**
 * The count of a search alone (no other filter, every customer in scope) that the gram index
 * answers without reading every match: on SQLite a text of one gram is counted by the index,
 * less the deleted customers that match (the index keeps their entries; the recycle bin is small
 * beside the archive); a text whose estimate is past the cap even at its low bound (three standard
 * errors of its sample below) is "10,000+". Null when it must be counted.
 */
async function searchOnlyCount(db: Db, engine: Engine, q: string, plan: SearchPlan): Promise<Total | null> {
  if (plan.kind !== 'dense') return null;
  if (plan.exactHits) {
    const deletedRows = (query: SelectQueryBuilder<DB & { c: DB['customers'] }, 'c', object>) => query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const deleted = db.selectFrom('customers as c').where('c.deleted_at', 'is not', null);
    if (plan.hits - Number((await deletedRows(deleted)).n) > countCap) return { n: countCap, capped: true };
    const matching = await deletedRows(deleted.where(customerSearchProbe(engine, q) ?? sql<SqlBool>`true`));
    return capped(plan.hits - Number(matching.n));
  }
  return plan.atLeast > countCap ? { n: countCap, capped: true } : null;
}

export async function list(
  db: Db,
  engine: Engine,
  f: CustomerFilter,
  sort: { key: SortKey; desc: boolean },
  limit: number,
  offset: number,
): Promise<{ rows: CustomerRow[]; total: number; totalCapped: boolean }> {
  const plan = f.q ? await planSearch(db, engine, f.q) : null;
  const filter: CustomerFilter = plan ? { ...f, searchPlan: plan } : f;
  const count = async (): Promise<Total> => {
    if (isUnfiltered(filter)) return { n: await liveCount(db), capped: false };
    if (plan && f.q && isUnfiltered({ ...filter, q: undefined })) {
      const total = await searchOnlyCount(db, engine, f.q, plan);
      if (total) return total;
    }
    // Many matches (or a term too short for the index, checked row by row): counted up to the cap,
    // from the match list (not the sort index the page walks): up to 10,001 rows the gram index
    // names, each checked once, instead of scanning customers until 10,001 match.
    if (plan?.kind === 'dense') return countUpToCap(db, filtered(db, engine, { ...filter, searchPlan: undefined }).select(sql<number>`1`.as('one')));
    if (plan?.kind === 'scan') return countUpToCap(db, filtered(db, engine, filter).select(sql<number>`1`.as('one')));
    if (filter.lastFollowUpBefore) {
      // "No follow-up since" matches most of a large archive: counted up to the cap, walking the
      // last-follow-up index in its order (never followed up first), as the page does.
      return countUpToCap(db, orderCustomers(filtered(db, engine, filter).select(sql<number>`1`.as('one')), { key: 'lastFollowUpAt', desc: false }));
    }
    const r = await filtered(db, engine, filter).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return { n: Number(r.n), capped: false };
  };
  const [rows, total] = await Promise.all([
    orderCustomers(filtered(db, engine, filter).selectAll('c'), sort)
      .limit(limit)
      .offset(offset)
      .execute(),
    count(),
  ]);
  return { rows: rows as CustomerRow[], total: total.n, totalCapped: total.capped };
}

/** A customer by id within a scope; deleted ones only when asked (`any`: live or deleted). */
export async function findById(db: Db, id: number, scope: Scope, options: { deleted?: boolean; any?: boolean } = {}) {
  let query = db.selectFrom('customers as c').selectAll('c').where('c.id', '=', id);
  if (!options.any) query = options.deleted ? query.where('c.deleted_at', 'is not', null) : query.where('c.deleted_at', 'is', null);
  if (!isUnscoped(scope)) query = query.where(scope);
  return (await query.executeTakeFirst()) as CustomerRow | undefined;
}

/**
 * Lock customers until the transaction ends, before reading what a decision rests on (merge,
 * delete, restore): a concurrent locker waits, then reads what the first one committed. In id
 * order, so that two lockers of overlapping sets cannot deadlock. PostgreSQL only: SQLite's write
 * transactions begin IMMEDIATE and run one at a time.
 */
export async function lock(db: Db, engine: Engine, ids: number[]): Promise<void> {
  if (engine !== 'postgres' || ids.length === 0) return;
  await db.selectFrom('customers').select('id').where('id', 'in', ids).orderBy('id').forUpdate().execute();
}

/** Name, number and owner of customers by id, and whether each is within a scope. */
export async function summaries(db: Db, ids: number[], scope: Scope) {
  if (ids.length === 0) return [];
  const visible = isUnscoped(scope) ? sql<number>`1` : sql<number>`case when ${scope} then 1 else 0 end`;
  return db
    .selectFrom('customers as c')
    .select(['c.id', 'c.archive_no', 'c.name', 'c.owner_id', visible.as('visible')])
    .where('c.id', 'in', ids)
    .execute();
}

/** Whether any customer row exists (live or deleted). */
export async function any(db: Db): Promise<boolean> {
  return (await db.selectFrom('customers').select('id').limit(1).executeTakeFirst()) !== undefined;
}

/** Which of these customers lie within a scope (all of them when the scope is everything). */
export async function idsWithin(db: Db, ids: number[], scope: Scope): Promise<Set<number>> {
  if (isUnscoped(scope) || ids.length === 0) return new Set(ids);
  const rows = await db.selectFrom('customers as c').select('c.id').where('c.id', 'in', ids).where(scope).execute();
  return new Set(rows.map((r) => r.id));
}

/** Versioned update of a live customer: false when the version is stale. */
export async function update(db: Db, id: number, version: number, values: Partial<CustomerRow>): Promise<boolean> {
  const result = await db
    .updateTable('customers')
    .set({ ...withPhoneColumns(values), version: sql`version + 1` })
    .where('id', '=', id)
    .where('version', '=', version)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Integer columns of customers (PostgreSQL types the values of a VALUES list as text unless told). */
const integerColumns = new Set(['owner_id', 'completeness', 'updated_by', 'contact_count', 'deleted_by', 'created_by', 'merged_into_id', 'deal_count']);
const bigintColumns = new Set(['deal_total']);

/**
 * Versioned updates of many customers in one statement per group of rows that change the same
 * columns (UPDATE ... FROM VALUES): a row whose version moved on, or that was deleted, is left as
 * it is. Returns the ids updated. Each customer at most once per call.
 */
export async function updateMany(db: Db, engine: Engine, items: Array<{ id: number; version: number; values: Partial<CustomerRow> }>): Promise<Set<number>> {
  const done = new Set<number>();
  const groups = new Map<string, Array<{ id: number; version: number; values: Record<string, unknown> }>>();
  for (const item of items) {
    const values = withPhoneColumns(item.values) as Record<string, unknown>;
    const key = Object.keys(values).sort().join(',');
    groups.set(key, [...(groups.get(key) ?? []), { ...item, values }]);
  }
  for (const [key, rows] of groups) {
    const columns = key.split(',').filter(Boolean);
    if (columns.length === 0) continue;
    // Within SQLite's 32,766 bound values.
    const size = Math.max(1, Math.min(500, Math.floor(30_000 / (columns.length + 2))));
    for (let i = 0; i < rows.length; i += size) {
      const chunk = rows.slice(i, i + size);
      let result: { rows: Array<{ id: number }> };
      if (engine === 'postgres') {
        const cell = (column: string, value: unknown) =>
          integerColumns.has(column) ? sql`${value ?? null}::integer` : bigintColumns.has(column) ? sql`${value ?? null}::bigint` : sql`${value ?? null}::text`;
        const values = sql.join(chunk.map((r) => sql`(${r.id}::integer, ${r.version}::integer, ${sql.join(columns.map((c) => cell(c, r.values[c])))})`));
        const names = sql.join([sql.ref('id'), sql.ref('version'), ...columns.map((c) => sql.ref(`v_${c}`))]);
        const set = sql.join(columns.map((c) => sql`${sql.ref(c)} = v.${sql.ref(`v_${c}`)}`));
        result = await sql<{ id: number }>`update customers as c set ${set}, version = c.version + 1 from (values ${values}) as v(${names}) where c.id = v.id and c.version = v.version and c.deleted_at is null returning c.id`.execute(db);
      } else {
        const values = sql.join(chunk.map((r) => sql`(${r.id}, ${r.version}, ${sql.join(columns.map((c) => sql`${r.values[c] ?? null}`))})`));
        const set = sql.join(columns.map((c, j) => sql`${sql.ref(c)} = v.${sql.raw(`column${j + 3}`)}`));
        result = await sql<{ id: number }>`update customers set ${set}, version = customers.version + 1 from (values ${values}) as v where customers.id = v.column1 and customers.version = v.column2 and customers.deleted_at is null returning id`.execute(db);
      }
      for (const r of result.rows) done.add(Number(r.id));
    }
  }
  return done;
}

/** A batch of stored customers (live or not) after an id, in id order: for passes over all of them. */
export async function batchAfter(db: Db, afterId: number, size: number): Promise<CustomerRow[]> {
  return db.selectFrom('customers').selectAll().where('id', '>', afterId).orderBy('id').limit(size).execute();
}

export async function setFields(db: Db, id: number, values: Partial<CustomerRow>): Promise<void> {
  await db.updateTable('customers').set(withPhoneColumns(values)).where('id', '=', id).execute();
}

export async function purge(db: Db, engine: Engine, id: number): Promise<void> {
  await deleteSearchIndex(db, engine, id);
  await db.deleteFrom('dedupe_keys').where('customer_id', '=', id).execute();
  await db.deleteFrom('customers').where('id', '=', id).execute();
}

export async function writeSearch(db: Db, engine: Engine, id: number, grams: string[]): Promise<void> {
  await writeSearchIndex(db, engine, id, grams);
}

export async function listDeleted(db: Db, q: string | undefined, limit: number, offset: number) {
  // Merged customers are not in the bin: they are traced through their merge, not restored.
  let query = db.selectFrom('customers').where('deleted_at', 'is not', null).where('merged_into_id', 'is', null);
  if (q) query = query.where('name', 'like', `%${escapeLike(q)}%`);
  const [rows, total] = await Promise.all([
    query.select(['id', 'name', 'deleted_at', 'deleted_by']).orderBy('deleted_at', 'desc').limit(limit).offset(offset).execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

/** Which of these keys of a managed list customers (deleted ones included: they can be restored) still use. */
export async function listValuesInUse(db: Db, column: 'industry' | 'source', keys: string[]): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const rows = await db.selectFrom('customers').select(column).distinct().where(column, 'in', keys).execute();
  return new Set(rows.map((r) => r[column]).filter((v): v is string => v !== null));
}

/** Live customers by id within a scope (those outside it, deleted or missing are left out). */
export async function findLiveByIds(db: Db, ids: number[], scope: Scope): Promise<CustomerRow[]> {
  if (ids.length === 0) return [];
  let query = db.selectFrom('customers as c').selectAll('c').where('c.id', 'in', ids).where('c.deleted_at', 'is', null);
  if (!isUnscoped(scope)) query = query.where(scope);
  return (await query.orderBy('c.id').execute()) as CustomerRow[];
}
