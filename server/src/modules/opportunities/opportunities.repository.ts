import { isUnscoped, type Scope } from '../../platform/auth/scope.js';
import { sql, type Expression, type Kysely, type Selectable, type SqlBool, type Transaction } from 'kysely';
import type { Engine } from '../../platform/config.js';
import type { DB } from '../../platform/db/schema.js';
import { escapeLike } from '../../platform/db/like.js';
import { searchKeyMatches } from '../../platform/search.js';
import { lastDealId, markSeen, moveTotals, totalsColumns, type TotalsFields } from './board-totals.repository.js';

type Db = Kysely<DB> | Transaction<DB>;
export type OpportunityRow = Selectable<DB['opportunities']>;
export type NewOpportunityRow = Omit<OpportunityRow, 'id'>;
/** A row as lists and the presenter read it: with its customer's name. */
export type OpportunityView = OpportunityRow & { customer_name: string | null };

/** Every filter of the table, the board and the forecast; `today` (UTC date) decides "overdue". */
export interface OpportunityFilter {
  scope: Scope;
  today: string;
  q?: string;
  pipelineId?: number;
  stageId?: number;
  status?: string;
  ownerId?: number;
  departmentId?: number;
  customerId?: number;
  closeFrom?: string;
  closeTo?: string;
  amountMin?: number;
  amountMax?: number;
  overdue?: boolean;
  forecastCategory?: string;
  forecastMonth?: string;
}

export const sortColumns = {
  updatedAt: 'o.updated_at',
  createdAt: 'o.created_at',
  amount: 'o.amount_base',
  expectedCloseDate: 'o.expected_close_date',
  name: 'o.name',
} as const;
export type SortKey = keyof typeof sortColumns;

/**
 * The owners of a department and of the departments below it, as a condition on an owner column.
 * Written like the data scope (`owner in (users subquery)`) so that the owner indexes serve it.
 */
function departmentOwners(column: string, departmentId: number): Expression<SqlBool> {
  return sql<SqlBool>`${sql.ref(column)} in (select du.id from users du join departments dd on dd.id = du.department_id where dd.path like (select dp.path from departments dp where dp.id = ${departmentId}) || '%')`;
}

/** Live deals matching a filter, as `o`: the one query behind the list, the board and the drill-down. */
export function filtered(db: Db, f: OpportunityFilter) {
  let query = db.selectFrom('opportunities as o').where('o.deleted_at', 'is', null);
  if (!isUnscoped(f.scope)) query = query.where(f.scope);
  if (f.q) {
    // The deal's name, or its customer's (names, contacts and numbers), with their pinyin forms.
    const deal = searchKeyMatches('o.search', f.q);
    const customer = searchKeyMatches('qc.search_key', f.q);
    if (deal && customer) query = query.where(sql<SqlBool>`(${deal} or o.customer_id in (select qc.id from customers qc where ${customer}))`);
  }
  if (f.pipelineId !== undefined) query = query.where('o.pipeline_id', '=', f.pipelineId);
  if (f.stageId !== undefined) query = query.where('o.stage_id', '=', f.stageId);
  if (f.status !== undefined) query = query.where('o.status', '=', f.status);
  if (f.ownerId !== undefined) query = query.where('o.owner_id', '=', f.ownerId);
  if (f.departmentId !== undefined) query = query.where(departmentOwners('o.owner_id', f.departmentId));
  if (f.customerId !== undefined) query = query.where('o.customer_id', '=', f.customerId);
  if (f.closeFrom !== undefined) query = query.where('o.expected_close_date', '>=', f.closeFrom);
  if (f.closeTo !== undefined) query = query.where('o.expected_close_date', '<=', f.closeTo);
  if (f.amountMin !== undefined) query = query.where('o.amount_base', '>=', f.amountMin);
  if (f.amountMax !== undefined) query = query.where('o.amount_base', '<=', f.amountMax);
  if (f.overdue === true) query = query.where('o.status', '=', 'open').where('o.expected_close_date', '<', f.today);
  if (f.overdue === false) query = query.where((eb) => eb.or([eb('o.status', '!=', 'open'), eb('o.expected_close_date', '>=', f.today)]));
  if (f.forecastCategory !== undefined) query = query.where('o.forecast_category', '=', f.forecastCategory);
  if (f.forecastMonth !== undefined) query = query.where('o.forecast_month', '=', f.forecastMonth);
  return query;
}

/** Deals with their customers' names (a purged customer leaves none). */
function withCustomer(db: Db) {
  return db.selectFrom('opportunities as o').leftJoin('customers as c', 'c.id', 'o.customer_id').selectAll('o').select('c.name as customer_name');
}

export async function list(db: Db, f: OpportunityFilter, sort: { key: SortKey; desc: boolean }, limit: number, offset: number): Promise<{ rows: OpportunityView[]; total: number }> {
  const direction = sort.desc ? 'desc' : 'asc';
  const [page, total] = await Promise.all([
    filtered(db, f).select('o.id').orderBy(sortColumns[sort.key], direction).orderBy('o.id', direction).limit(limit).offset(offset).execute(),
    filtered(db, f).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const rows = await byIds(db, page.map((r) => r.id));
  return { rows, total: Number(total.n) };
}

/** Deals by id, in the order given (live or not: callers filtered them). */
export async function byIds(db: Db, ids: number[]): Promise<OpportunityView[]> {
  if (ids.length === 0) return [];
  const rows = (await withCustomer(db).where('o.id', 'in', ids).execute()) as OpportunityView[];
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** A deal by id within a scope; deleted ones only when asked. */
export async function findById(db: Db, id: number, scope: Scope, options: { deleted?: boolean } = {}): Promise<OpportunityView | undefined> {
  let query = withCustomer(db).where('o.id', '=', id);
  query = options.deleted ? query.where('o.deleted_at', 'is not', null) : query.where('o.deleted_at', 'is', null);
  if (!isUnscoped(scope)) query = query.where(scope);
  return (await query.executeTakeFirst()) as OpportunityView | undefined;
}

/** Live deals among `ids` within a scope. */
export async function visibleByIds(db: Db, ids: number[], scope: Scope): Promise<OpportunityRow[]> {
  const out: OpportunityRow[] = [];
  for (let i = 0; i < ids.length; i += 500) {
    let q = db.selectFrom('opportunities as o').selectAll('o').where('o.id', 'in', ids.slice(i, i + 500)).where('o.deleted_at', 'is', null);
    if (!isUnscoped(scope)) q = q.where(scope);
    out.push(...(await q.execute()));
  }
  return out;
}

// Every write below keeps the board figures (board-totals.repository.ts) in step, in the same transaction.

export async function insert(db: Db, values: NewOpportunityRow): Promise<number> {
  const previousMax = await lastDealId(db);
  const row = await db.insertInto('opportunities').values(values).returning('id').executeTakeFirstOrThrow();
  await moveTotals(db, null, values);
  await markSeen(db, row.id, previousMax);
  return row.id;
}

function totalsOf(db: Db, id: number): Promise<TotalsFields | undefined> {
  return db.selectFrom('opportunities').select(totalsColumns).where('id', '=', id).executeTakeFirst();
}

function merged(before: TotalsFields, values: Partial<OpportunityRow>): TotalsFields {
  return {
    pipeline_id: values.pipeline_id ?? before.pipeline_id,
    stage_id: values.stage_id ?? before.stage_id,
    owner_id: values.owner_id ?? before.owner_id,
    amount_base: values.amount_base ?? before.amount_base,
    probability: values.probability ?? before.probability,
    deleted_at: values.deleted_at !== undefined ? values.deleted_at : before.deleted_at,
  };
}

/** Versioned update of a live deal: false when the version is stale. */
export async function update(db: Db, id: number, version: number, values: Partial<OpportunityRow>): Promise<boolean> {
  const before = await totalsOf(db, id);
  const result = await db
    .updateTable('opportunities')
    .set({ ...values, version: sql`version + 1` })
    .where('id', '=', id)
    .where('version', '=', version)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  const updated = Number(result.numUpdatedRows) === 1;
  if (updated && before) await moveTotals(db, before, merged(before, values));
  return updated;
}

/**
 * Lock a deal until the transaction ends, before reading what an unversioned write rests on
 * (delete, restore: the board figures move by what the deal was). A concurrent locker waits, then
 * reads what the first one committed. PostgreSQL only: SQLite's write transactions run one at a time.
 */
export async function lock(db: Db, engine: Engine, id: number): Promise<void> {
  if (engine !== 'postgres') return;
  await db.selectFrom('opportunities').select('id').where('id', '=', id).forUpdate().execute();
}

export async function setFields(db: Db, id: number, values: Partial<OpportunityRow>): Promise<void> {
  const before = await totalsOf(db, id);
  await db.updateTable('opportunities').set(values).where('id', '=', id).execute();
  if (before) await moveTotals(db, before, merged(before, values));
}

export async function contactsOf(db: Db, opportunityId: number): Promise<Array<{ contact_id: number; role: string; name: string }>> {
  return db
    .selectFrom('opportunity_contacts as oc')
    .innerJoin('contacts as k', 'k.id', 'oc.contact_id')
    .select(['oc.contact_id', 'oc.role', 'k.name'])
    .where('oc.opportunity_id', '=', opportunityId)
    .where('k.deleted_at', 'is', null)
    .orderBy('k.name')
    .orderBy('k.id')
    .execute();
}

export async function replaceContacts(db: Db, opportunityId: number, contacts: Array<{ contactId: number; role: string }>): Promise<void> {
  await db.deleteFrom('opportunity_contacts').where('opportunity_id', '=', opportunityId).execute();
  if (contacts.length === 0) return;
  await db
    .insertInto('opportunity_contacts')
    .values(contacts.map((c) => ({ opportunity_id: opportunityId, contact_id: c.contactId, role: c.role })))
    .execute();
}

/** Leave the current stage (close its open history row) and enter another. */
export async function enterStage(db: Db, entry: { opportunityId: number; pipelineId: number; stageId: number; fromStageId: number | null; at: string; by: number | null }): Promise<void> {
  await db.updateTable('opportunity_stage_history').set({ left_at: entry.at }).where('opportunity_id', '=', entry.opportunityId).where('left_at', 'is', null).execute();
  await db
    .insertInto('opportunity_stage_history')
    .values({
      opportunity_id: entry.opportunityId,
      pipeline_id: entry.pipelineId,
      stage_id: entry.stageId,
      from_stage_id: entry.fromStageId,
      entered_at: entry.at,
      left_at: null,
      entered_by: entry.by,
    })
    .execute();
}

export function stageHistoryOf(db: Db, opportunityId: number) {
  return db
    .selectFrom('opportunity_stage_history')
    .selectAll()
    .where('opportunity_id', '=', opportunityId)
    .orderBy('entered_at')
    .orderBy('id')
    .execute();
}

/** Board totals: per stage, the count, the sum of base amounts and of base amount × probability. */
export function boardTotalsQuery(db: Db, f: OpportunityFilter) {
  return filtered(db, f)
    .select((eb) => [
      'o.stage_id',
      eb.fn.countAll<number>().as('n'),
      eb.fn.sum<number>('o.amount_base').as('amount'),
      eb.fn.sum<number>(sql`o.amount_base * o.probability`).as('weighted'),
    ])
    .groupBy('o.stage_id');
}

/**
 * The same figures from the kept sums, for the filters they can answer (pipeline, stage, scope,
 * department, owner); the table is aliased `o` so that the scope condition applies unchanged.
 */
export function boardSumsQuery(db: Db, f: OpportunityFilter) {
  let query = db.selectFrom('opportunity_board_totals as o');
  if (!isUnscoped(f.scope)) query = query.where(f.scope);
  if (f.pipelineId !== undefined) query = query.where('o.pipeline_id', '=', f.pipelineId);
  if (f.stageId !== undefined) query = query.where('o.stage_id', '=', f.stageId);
  if (f.ownerId !== undefined) query = query.where('o.owner_id', '=', f.ownerId);
  if (f.departmentId !== undefined) query = query.where(departmentOwners('o.owner_id', f.departmentId));
  return query
    .select((eb) => ['o.stage_id', eb.fn.sum<number>('o.n').as('n'), eb.fn.sum<number>('o.amount').as('amount'), eb.fn.sum<number>('o.weighted').as('weighted')])
    .groupBy('o.stage_id');
}

/** Whether the kept sums answer this filter (nothing but pipeline, stage, scope, department and owner). */
export function sumsAnswer(f: OpportunityFilter): boolean {
  return Object.entries(f).every(([key, value]) => value === undefined || sumsFilters.has(key));
}
const sumsFilters = new Set(['scope', 'today', 'pipelineId', 'stageId', 'ownerId', 'departmentId']);

export async function boardTotals(db: Db, f: OpportunityFilter): Promise<Map<number, { count: number; amount: number; weighted: number }>> {
  const rows = await (sumsAnswer(f) ? boardSumsQuery(db, f) : boardTotalsQuery(db, f)).execute();
  // PostgreSQL's sum of bigint is numeric, which arrives as text.
  return new Map(rows.map((r) => [r.stage_id, { count: Number(r.n), amount: Number(r.amount ?? 0), weighted: Number(r.weighted ?? 0) }]));
}

/**
 * The first cards of one stage of the board, by expected close date then id: the soonest first
 * in an open stage, the latest first in a closing one (ids only: one walk of the board index).
 */
export function boardCardsQuery(db: Db, f: OpportunityFilter, stageId: number, limit: number, latestFirst: boolean) {
  const direction = latestFirst ? 'desc' : 'asc';
  // The stage names its pipeline: without the pipeline condition the board index is the one to walk.
  return filtered(db, { ...f, pipelineId: undefined, stageId }).select('o.id').orderBy('o.expected_close_date', direction).orderBy('o.id', direction).limit(limit);
}

export async function boardCards(db: Db, f: OpportunityFilter, stageId: number, limit: number, latestFirst: boolean): Promise<number[]> {
  return (await boardCardsQuery(db, f, stageId, limit, latestFirst).execute()).map((r) => r.id);
}

export interface ForecastFilter {
  scope: Scope;
  from: string;
  to: string;
  pipelineId?: number;
  departmentId?: number;
  ownerId?: number;
}

/**
 * The forecast's sums per month, owner, status and forecast category (base currency, minor
 * units): plain sums in index order, which the caller folds into the figures. `weighted` is the
 * sum of amount × probability (divided by 100 by the caller); `won` the final amounts of won deals.
 */
export function forecastQuery(db: Db, f: ForecastFilter) {
  let query = db
    .selectFrom('opportunities as o')
    .where('o.forecast_month', '>=', f.from)
    .where('o.forecast_month', '<=', f.to)
    .where('o.deleted_at', 'is', null);
  if (!isUnscoped(f.scope)) query = query.where(f.scope);
  if (f.pipelineId !== undefined) query = query.where('o.pipeline_id', '=', f.pipelineId);
  if (f.ownerId !== undefined) query = query.where('o.owner_id', '=', f.ownerId);
  if (f.departmentId !== undefined) query = query.where(departmentOwners('o.owner_id', f.departmentId));
  return query
    .select((eb) => [
      'o.forecast_month',
      'o.owner_id',
      'o.status',
      'o.forecast_category',
      eb.fn.countAll<number>().as('n'),
      eb.fn.sum<number>('o.amount_base').as('amount'),
      eb.fn.sum<number>(sql`o.amount_base * o.probability`).as('weighted'),
      eb.fn.sum<number>(sql`coalesce(o.won_amount_base, o.amount_base)`).as('won'),
    ])
    .groupBy(['o.forecast_month', 'o.owner_id', 'o.status', 'o.forecast_category']);
}

export interface ForecastSum {
  month: string;
  ownerId: number;
  pipeline: number;
  weighted: number;
  bestCase: number;
  commit: number;
  won: number;
  openCount: number;
  wonCount: number;
}

/**
 * Per month and owner: pipeline, weighted, best case and commit of open deals not omitted
 * (best case includes commit), won of won deals; lost deals count nowhere.
 */
export async function forecastRows(db: Db, f: ForecastFilter): Promise<ForecastSum[]> {
  const out = new Map<string, ForecastSum>();
  for (const r of await forecastQuery(db, f).execute()) {
    const key = `${r.forecast_month}|${r.owner_id}`;
    const sum = out.get(key) ?? { month: r.forecast_month, ownerId: r.owner_id, pipeline: 0, weighted: 0, bestCase: 0, commit: 0, won: 0, openCount: 0, wonCount: 0 };
    out.set(key, sum);
    // PostgreSQL's sum of bigint is numeric, which arrives as text.
    const amount = Number(r.amount ?? 0);
    if (r.status === 'won') {
      sum.won += Number(r.won ?? 0);
      sum.wonCount += Number(r.n);
    } else if (r.status === 'open' && r.forecast_category !== 'omitted') {
      sum.pipeline += amount;
      sum.weighted += Number(r.weighted ?? 0);
      sum.openCount += Number(r.n);
      if (r.forecast_category === 'best_case' || r.forecast_category === 'commit') sum.bestCase += amount;
      if (r.forecast_category === 'commit') sum.commit += amount;
    }
  }
  return [...out.values()];
}

export async function listDeleted(db: Db, q: string | undefined, limit: number, offset: number) {
  let query = db.selectFrom('opportunities as o').leftJoin('customers as c', 'c.id', 'o.customer_id').where('o.deleted_at', 'is not', null);
  if (q) query = query.where(sql`lower(o.name)`, 'like', sql<string>`${`%${escapeLike(q.toLowerCase())}%`} escape '\\'`);
  const [rows, total] = await Promise.all([
    query.select(['o.id', 'o.name', 'o.deleted_at', 'o.deleted_by', 'c.name as customer_name']).orderBy('o.deleted_at', 'desc').orderBy('o.id', 'desc').limit(limit).offset(offset).execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

/** Every deal of a customer, deleted ones included. */
export async function idsOfCustomer(db: Db, customerId: number): Promise<number[]> {
  return (await db.selectFrom('opportunities').select('id').where('customer_id', '=', customerId).execute()).map((r) => r.id);
}

/** A customer's live deals, or (given `deletedAt`) those deleted at exactly that instant, with their versions. */
export async function dealsOfCustomer(db: Db, customerId: number, deletedAt: string | null): Promise<Array<{ id: number; version: number }>> {
  const query = db.selectFrom('opportunities').select(['id', 'version']).where('customer_id', '=', customerId);
  return (deletedAt === null ? query.where('deleted_at', 'is', null) : query.where('deleted_at', '=', deletedAt)).orderBy('id').execute();
}

/** Every deal of one customer (deleted ones too) now belongs to another; the board figures don't depend on the customer. */
export async function moveToCustomer(db: Db, fromId: number, intoId: number, at: string, by: number): Promise<void> {
  await db
    .updateTable('opportunities')
    .set({ customer_id: intoId, version: sql`version + 1`, updated_at: at, updated_by: by })
    .where('customer_id', '=', fromId)
    .execute();
}

export async function purge(db: Db, id: number): Promise<void> {
  await moveTotals(db, (await totalsOf(db, id)) ?? null, null);
  await db.deleteFrom('opportunity_contacts').where('opportunity_id', '=', id).execute();
  await db.deleteFrom('opportunity_stage_history').where('opportunity_id', '=', id).execute();
  await db.deleteFrom('opportunities').where('id', '=', id).execute();
}
