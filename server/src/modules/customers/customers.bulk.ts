import { isUnscoped, type Scope } from '../../platform/auth/scope.js';
import { canonicalRegion, canonicalRegionFilter, defaultCategoryOf, type Customer, type customerCreate, type customerListQuery } from '@crm/contracts';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { z } from 'zod';
import type { Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import type { DB } from '../../platform/db/schema.js';
import { normalizePhone } from '../../platform/normalize.js';
import { buildSearchDocument, insertSearchIndexMany, phoneSearchTerms } from '../../platform/search.js';
import { activeCustomKeys, customFiltersOf, visibleCustomValues } from '../custom-fields/index.js';
import { recordChanges } from '../history/index.js';
import { userNames } from '../users/index.js';
import { completenessOf, readQualitySettings } from './customers.completeness.js';
import { keysOf, type DedupeEntry } from './customers.dedupe.js';
import { presentCustomer } from './customers.presenter.js';
import * as repo from './customers.repository.js';
import { afterCursor, sortValueOf, type ExportCursor } from './customers.keyset.js';
import { followUpFilters } from './customers.follow-up-filters.js';
import { archiveNumber, compact, customerReadScope, searchDocument } from './customers.records.js';

/**
 * Many customers at once, for imports and exports: creation in one statement per chunk (archive
 * numbers, search index, duplicate keys, live count and timeline included), an import's update of
 * an existing customer, and keyset pages of a list view.
 */
type Db = Kysely<DB> | Transaction<DB>;
export type CustomerInput = z.output<typeof customerCreate>;

export interface BulkNewCustomer {
  input: CustomerInput;
  ownerId: number | null;
  /** Checked custom values as stored JSON (the custom-fields module parses them). */
  custom?: string;
}

/**
 * Reserve `count` archive numbers; the first one. Numbers are never reused. One upsert, so that
 * the first customers created at once (no counter yet) cannot both insert it.
 */
async function reserveArchiveNumbers(db: Db, count: number): Promise<number> {
  const reserved = await db
    .insertInto('counters')
    .values({ name: 'customer_archive_no', value: count })
    .onConflict((oc) => oc.column('name').doUpdateSet({ value: sql`counters.value + ${count}` }))
    .returning('value')
    .executeTakeFirstOrThrow();
  return reserved.value - count + 1;
}

// Rows per INSERT: under SQLite's 32,766 bound variables with every customer column.
const insertChunk = 200;

/**
 * A customer ready to insert but for its archive number: the row, its duplicate keys and its
 * search words, computed before the transaction so that the transaction itself stays short.
 */
export interface CustomerDraft {
  values: Omit<repo.NewCustomerRow, 'archive_no' | 'search_key'> & { custom: string; completeness: number };
  keys: DedupeEntry[];
  /** Normalised name and the other searchable values, and their grams (the archive number's are added on insert). */
  nameWord: string;
  restKey: string;
  grams: string[];
}

/** Draft new customers (no database writes; reads the data-quality settings). */
export async function draftCustomers(db: Db, items: BulkNewCustomer[], by: { actorId: number; at: string }): Promise<CustomerDraft[]> {
  const { value: quality } = await readQualitySettings(db);
  const now = by.at;
  return items.map((item) => {
    const input = { ...item.input, ...canonicalRegion({ province: item.input.province, city: item.input.city, district: item.input.district }) };
    const values = {
      kind: input.kind,
      name: input.name,
      category: input.category ?? defaultCategoryOf(input.kind),
      status: input.status,
      lifecycle_stage: input.lifecycleStage,
      owner_id: item.ownerId,
      owner_since: item.ownerId === null ? null : now,
      industry: input.industry ?? null,
      province: input.province ?? null,
      city: input.city ?? null,
      district: input.district ?? null,
      address: input.address ?? null,
      phone: input.phone ?? null,
      mobile: input.mobile ?? null,
      phone_e164: normalizePhone(input.phone),
      mobile_e164: normalizePhone(input.mobile),
      email: input.email ?? null,
      website: input.website ?? null,
      source: input.source ?? null,
      tags: JSON.stringify([...new Set(input.tags ?? [])]),
      notes: input.notes ?? null,
      person: JSON.stringify(compact(input.person)),
      organization: JSON.stringify(compact(input.organization)),
      custom: item.custom ?? '{}',
      completeness: 0,
      deleted_at: null,
      deleted_by: null,
      version: 1,
      created_at: now,
      updated_at: now,
      created_by: by.actorId,
      updated_by: by.actorId,
    };
    values.completeness = completenessOf(values, quality);
    // The same document as searchDocument(), less the archive number, which the insert adds.
    const doc = searchDocument({ ...values, archive_no: '', contact_terms: '' });
    return {
      values,
      keys: keysOf(values, []),
      nameWord: buildSearchDocument([values.name]).key,
      restKey: buildSearchDocument([...phoneSearchTerms(values.phone), ...phoneSearchTerms(values.mobile), values.email]).key,
      grams: doc.grams,
    };
  });
}

/**
 * Create drafted customers in the caller's transaction, as `createCustomer` does one by one
 * (archive number, search index, duplicate keys, live count, timeline entry with `action`).
 * Returns the new ids in input order.
 */
export async function insertCustomerDrafts(db: Db, ctx: AppContext, drafts: CustomerDraft[], by: { actorId: number; at: string; action: 'import' | 'create' }): Promise<Array<{ id: number; archiveNo: string }>> {
  if (drafts.length === 0) return [];
  const first = await reserveArchiveNumbers(db, drafts.length);
  const rows = drafts.map((draft, i) => {
    const archiveNo = archiveNumber(first + i);
    const archive = buildSearchDocument([archiveNo]);
    const key = [draft.nameWord, archive.key, draft.restKey].filter(Boolean).join(' ');
    return { draft, values: { ...draft.values, archive_no: archiveNo, search_key: key }, grams: [...draft.grams, ...archive.grams] };
  });
  const idByArchiveNo = new Map<string, number>();
  for (let i = 0; i < rows.length; i += insertChunk) {
    const inserted = await db
      .insertInto('customers')
      .values(rows.slice(i, i + insertChunk).map((r) => r.values))
      .returning(['id', 'archive_no'])
      .execute();
    for (const r of inserted) idByArchiveNo.set(r.archive_no, r.id);
  }
  const created = rows.map((r) => {
    const id = idByArchiveNo.get(r.values.archive_no);
    if (id === undefined) throw new Error(`bulk insert lost ${r.values.archive_no}`);
    return { id, ...r };
  });
  await insertSearchIndexMany(db, ctx.engine, created.map((c) => ({ customerId: c.id, grams: c.grams })));
  const keys = created.flatMap((c) => c.draft.keys.map((k) => ({ customer_id: c.id, contact_id: k.contactId, key: k.key })));
  for (let i = 0; i < keys.length; i += 1000) await db.insertInto('dedupe_keys').values(keys.slice(i, i + 1000)).execute();
  await repo.adjustLiveCount(db, created.length);
  const entries = created.map((c) => ({
    entityType: 'customer', entityId: c.id, customerId: c.id, action: by.action, actorId: by.actorId, at: by.at, label: c.values.name, changes: [],
  }));
  for (let i = 0; i < entries.length; i += 500) await recordChanges(db, entries.slice(i, i + 500));
  return created.map((c) => ({ id: c.id, archiveNo: c.values.archive_no }));
}

/** Draft and insert in one go (in the caller's transaction). */
export async function bulkCreateCustomers(db: Db, ctx: AppContext, items: BulkNewCustomer[], by: { actorId: number; at: string; action: 'import' | 'create' }): Promise<Array<{ id: number; archiveNo: string }>> {
  return insertCustomerDrafts(db, ctx, await draftCustomers(db, items, by), by);
}

/** Live customers by id, and which of them the actor may see. */
export async function customersByIds(db: Db, ids: number[], scope: Scope): Promise<{ rows: Map<number, repo.CustomerRow>; visible: Set<number> }> {
  const rows = new Map<number, repo.CustomerRow>();
  const visible = new Set<number>();
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    const found = (await db.selectFrom('customers as c').selectAll('c').where('c.id', 'in', chunk).where('c.deleted_at', 'is', null).execute()) as repo.CustomerRow[];
    for (const row of found) rows.set(row.id, row);
    if (found.length === 0) continue;
    let q = db.selectFrom('customers as c').select('c.id').where('c.id', 'in', found.map((r) => r.id));
    if (!isUnscoped(scope)) q = q.where(scope);
    for (const r of await q.execute()) visible.add(r.id);
  }
  return { rows, visible };
}

/** Live customers by exact archive number or name, within a scope (contacts imports name their customer). */
export async function customersByReference(db: Db, refs: string[], scope: Scope): Promise<Array<Pick<repo.CustomerRow, 'id' | 'archive_no' | 'name' | 'kind'>>> {
  const out: Array<Pick<repo.CustomerRow, 'id' | 'archive_no' | 'name' | 'kind'>> = [];
  for (let i = 0; i < refs.length; i += 400) {
    const chunk = refs.slice(i, i + 400);
    let q = db
      .selectFrom('customers as c')
      .select(['c.id', 'c.archive_no', 'c.name', 'c.kind'])
      .where('c.deleted_at', 'is', null)
      .where((eb) => eb.or([eb('c.archive_no', 'in', chunk), eb('c.name', 'in', chunk)]));
    if (!isUnscoped(scope)) q = q.where(scope);
    out.push(...(await q.execute()));
  }
  return out;
}

/** The list filter of a list query (the same one GET /customers applies), for exports. */
export async function customerListFilter(ctx: AppContext, actor: Actor, query: z.output<typeof customerListQuery>): Promise<repo.CustomerFilter> {
  return {
    scope: customerReadScope(actor),
    q: query.q,
    kind: query.kind,
    category: query.category,
    status: query.status,
    lifecycleStage: query.lifecycleStage,
    ownerId: query.ownerId,
    // 市辖区 or 北京 in a filter finds the rows written in the canonical form.
    ...canonicalRegionFilter(query.province, query.city),
    district: query.district,
    industry: query.industry,
    source: query.source,
    tags: query.tags,
    custom: await customFiltersOf(ctx.db, 'customer', query),
    ...(await followUpFilters(ctx, query)),
  };
}

export type ExportSort = { key: repo.SortKey; desc: boolean };
export type { ExportCursor };

/**
 * One page of a list view in its sort order, after `cursor` (keyset paging: each page is one
 * short query, so an export of 100,000 rows never holds the database for long).
 */
export async function customerExportPage(db: Db, ctx: AppContext, filter: repo.CustomerFilter, sort: ExportSort, cursor: ExportCursor, limit: number): Promise<{ rows: repo.CustomerRow[]; next: ExportCursor }> {
  let q = repo.filtered(db, ctx.engine, filter).selectAll('c');
  if (cursor) q = q.where(afterCursor(sort, cursor));
  const rows = (await repo.orderCustomers(q, sort).limit(limit).execute()) as repo.CustomerRow[];
  const last = rows[rows.length - 1];
  return { rows, next: rows.length === limit && last ? { value: sortValueOf(last, sort.key), id: last.id } : null };
}

/** Customers as the API presents them to this actor (sensitive fields masked without the right). */
export async function presentCustomerRows(ctx: AppContext, actor: Actor, rows: repo.CustomerRow[]): Promise<Customer[]> {
  const names = await userNames(ctx, rows.map((r) => r.owner_id));
  const customKeys = await activeCustomKeys(ctx.db, 'customer');
  const now = ctx.clock.now();
  return rows.map((row) => ({ ...presentCustomer(row, actor, names, true, now), custom: visibleCustomValues(row.custom, customKeys) }));
}

/**
 * The planner's idea of the customers table: the row count its statistics describe (0 when none
 * were ever taken) and the live rows now. A bulk load into a fresh database leaves SQLite without
 * statistics, and it then sorts the whole table for the first page of the list.
 */
export async function customerStatistics(db: Db, engine: 'sqlite' | 'postgres'): Promise<{ described: number; live: number }> {
  let described = 0;
  if (engine === 'sqlite') {
    const exists = await sql<{ n: number }>`select count(*) as n from sqlite_master where name = 'sqlite_stat1'`.execute(db);
    if (Number(exists.rows[0]?.n) > 0) {
      const stat = await sql<{ stat: string }>`select stat from sqlite_stat1 where tbl = 'customers' limit 1`.execute(db);
      described = Number.parseInt(stat.rows[0]?.stat ?? '0', 10) || 0;
    }
  } else {
    const stat = await sql<{ n: number }>`select reltuples as n from pg_class where relname = 'customers'`.execute(db);
    described = Math.max(0, Number(stat.rows[0]?.n ?? 0));
  }
  const counter = await db.selectFrom('counters').select('value').where('name', '=', 'live_customers').executeTakeFirst();
  const live = counter ? counter.value : Number((await db.selectFrom('customers').select((eb) => eb.fn.countAll<number>().as('n')).where('deleted_at', 'is', null).executeTakeFirstOrThrow()).n);
  return { described, live };
}

/** Refresh the planner's statistics of customers and their duplicate keys (after a bulk load). */
export async function analyzeCustomers(db: Db): Promise<void> {
  await sql`analyze customers`.execute(db);
  await sql`analyze dedupe_keys`.execute(db);
}
