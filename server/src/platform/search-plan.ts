import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import type { Engine } from './config.js';
import type { DB } from './db/schema.js';
import { ftsMatch, gramsAnyOf, indexLookup, isExactSearch, searchKeyMatches, searchTermsOf } from './search.js';

type Db = Kysely<DB> | Transaction<DB>;

/**
 * How a list answers a search text, chosen once per request from the gram index:
 * - `scan`: no index for it (one letter or digit): every row's key is checked;
 * - `ids`: few index hits (at most `sparseHits`), fetched once and used by the page and the count
 *   alike, so the index is read once, not three times;
 * - `dense`: many hits: the page walks the sort index checking each row's key (a page of matches
 *   is a few hundred rows away), and the count needs `hits`, the index's figure (entries of live
 *   and deleted customers), `estimate`, the live matches it stands for, and `atLeast`, a bound
 *   the live matches are above but for a chance of about one in a thousand (matchesAtLeast).
 */
export type SearchPlan =
  | { kind: 'scan' }
  | { kind: 'ids'; ids: number[] }
  | {
      kind: 'dense';
      hits: number;
      /** The index counted its entries exactly and they are the matches (one gram, the term itself; SQLite). */
      exactHits: boolean;
      /** Live matches the hits stand for: the hits times the share of a sample of them that are live matches. */
      estimate: number;
      /** Live matches there are at least (from the sample: matchesAtLeast; the exact hits; the planner's figure less a fifth). */
      atLeast: number;
    };

/** Up to this many gram-index hits a search fetches their ids; past it the page walks the sort index. */
export const sparseHits = 2000;

/** Hits checked to estimate the share of them that are live matches (a standard error of about 2%). */
const sampleSize = 500;

/**
 * The live matches that `hits` index entries hold at least, when `matched` of a sample of
 * `sampled` of them are live matches: the low end of the share's Wilson interval at three standard
 * errors (one-sided, it holds about 999 times in 1,000 for a sample that has nothing to do with the
 * text; unlike the share less three standard errors it stays below 1 when every sampled hit
 * matches: 500 of 500 give 98.2%). PostgreSQL's hits may count a few row versions not yet vacuumed
 * (indexEntries), which that margin also covers while they are fewer than about 2%.
 */
export function matchesAtLeast(hits: number, matched: number, sampled: number): number {
  if (sampled === 0) return 0;
  const share = matched / sampled;
  const z2 = 9;
  const centre = share + z2 / (2 * sampled);
  const spread = 3 * Math.sqrt((share * (1 - share)) / sampled + z2 / (4 * sampled * sampled));
  return Math.max(0, Math.floor((hits * (centre - spread)) / (1 + z2 / sampled)));
}

/** Past this many rows by the planner's estimate, PostgreSQL's gram hits are not looked at at all. */
export const plannedPastCap = 12_500;

/** The number of rows PostgreSQL's planner expects a query to return (from ANALYZE's statistics; no row is read). */
async function plannedRows(db: Db, query: RawBuilder<unknown>): Promise<number> {
  const r = await sql<{ 'QUERY PLAN': Array<{ Plan?: { 'Plan Rows'?: number } }> }>`explain (format json) ${query}`.execute(db);
  return Number(r.rows[0]?.['QUERY PLAN']?.[0]?.Plan?.['Plan Rows'] ?? 0);
}

interface PlanNode {
  'Node Type'?: string;
  'Actual Rows'?: number;
  Plans?: PlanNode[];
}

function bitmapIndexRows(node: PlanNode | undefined): number {
  if (!node) return 0;
  if (node['Node Type'] === 'Bitmap Index Scan') return Number(node['Actual Rows'] ?? 0);
  return (node.Plans ?? []).reduce((n, child) => n + bitmapIndexRows(child), 0);
}

/**
 * PostgreSQL: how many entries the gram index holds for a lookup, read from the index alone. A GIN
 * index has no index-only scans, so `count(*)` would fetch a heap row per entry (10,000 rows, a
 * hundred milliseconds and more at a million customers); the bitmap of matching entries is built
 * whole before the first heap row is read, and EXPLAIN ANALYZE reports its size: the query stops
 * after one row. An upper bound of the visible entries (an entry of a row version not yet vacuumed
 * counts; several grams sets add up), good for an estimate, never taken as an exact count.
 */
async function indexEntries(db: Db, anyOf: RawBuilder<unknown>): Promise<number> {
  const run = async (trx: Db) => {
    // The bitmap is what is counted: a sequential scan (which the planner might take for a LIMIT 1) has none.
    await sql`set local enable_seqscan = off`.execute(trx);
    const r = await sql<{ 'QUERY PLAN': Array<{ Plan?: PlanNode }> }>`explain (analyze, timing off, costs off, format json) select 1 from customer_search where ${anyOf} limit 1`.execute(trx);
    await sql`set local enable_seqscan = on`.execute(trx);
    return bitmapIndexRows(r.rows[0]?.['QUERY PLAN']?.[0]?.Plan);
  };
  return db.isTransaction ? run(db) : db.transaction().execute(run);
}

/** Grams in more than this share of customers are left out of a PostgreSQL lookup that has others. */
const commonGram = 0.1;
const statisticsTtlMs = 10 * 60_000;
const gramStatistics = new WeakMap<object, { at: number; frequencies: Map<string, number> }>();

/** PostgreSQL: the share of customers holding each of the commonest grams (ANALYZE's element statistics), read every ten minutes. */
async function gramFrequencies(db: Db): Promise<Map<string, number>> {
  const cached = gramStatistics.get(db);
  if (cached && Date.now() - cached.at < statisticsTtlMs) return cached.frequencies;
  const r = await sql<{ e: string; f: number }>`select e, f from pg_stats s, unnest(s.most_common_elems::text::text[], s.most_common_elem_freqs) as t(e, f)
    where s.tablename = 'customer_search' and s.attname = 'grams' and s.schemaname = current_schema()`.execute(db);
  const frequencies = new Map(r.rows.map((row) => [row.e, Number(row.f)]));
  gramStatistics.set(db, { at: Date.now(), frequencies });
  return frequencies;
}

/**
 * PostgreSQL: each set of grams without those most customers hold ("ong", a syllable of every
 * third name), as long as two others remain: the GIN index would read its long list of entries
 * only to intersect it with short ones (songtao: 54 ms with it, 11 ms without). The key's LIKE
 * check makes every hit a real substring either way.
 */
async function withoutCommonGrams(db: Db, sets: string[][]): Promise<string[][]> {
  if (sets.every((grams) => grams.length <= 2)) return sets;
  const frequencies = await gramFrequencies(db);
  return sets.map((grams) => {
    const rare = grams.filter((g) => (frequencies.get(g) ?? 0) <= commonGram);
    return rare.length >= 2 ? rare : grams;
  });
}

/** The ids of up to `limit` customers the gram index names for a lookup (live or deleted). */
async function hitIds(db: Db, engine: Engine, sets: string[][], limit: number): Promise<number[]> {
  if (engine === 'postgres') {
    const r = await sql<{ id: number }>`select customer_id as id from customer_search where ${gramsAnyOf(sets)} limit ${limit}`.execute(db);
    return r.rows.map((row) => Number(row.id));
  }
  const r = await sql<{ id: number }>`select rowid as id from customer_search where customer_search match ${ftsMatch(sets)} limit ${limit}`.execute(db);
  return r.rows.map((row) => Number(row.id));
}

/** How many of some index hits are live customers whose key really holds the text. */
async function liveMatches(db: Db, text: string, ids: number[]): Promise<number> {
  if (ids.length === 0) return 0;
  const matches = searchKeyMatches('c.search_key', text);
  const r = await db
    .selectFrom('customers as c')
    .where('c.id', 'in', ids)
    .select(sql<number>`count(case when c.deleted_at is null and ${matches} then 1 end)`.as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Choose how a list answers a search text (see SearchPlan); a text with nothing searchable (only punctuation) matches everything. */
export async function planSearch(db: Db, engine: Engine, text: string): Promise<SearchPlan> {
  const lookup = indexLookup(searchTermsOf(text));
  if (!lookup) return { kind: 'scan' };
  const sets = engine === 'postgres' ? await withoutCommonGrams(db, lookup) : lookup;
  if (engine === 'postgres') {
    // A gram in a good share of the archive ("电子", "st", "宋"): ANALYZE's element statistics of the
    // grams say so (about 7,000 grams down to 0.1% of customers, migration 0028) within a few
    // percent. Several grams are estimated as independent, which errs low: those are looked at.
    const planned = await plannedRows(db, sql`select 1 from customer_search where ${gramsAnyOf(sets)}`);
    if (planned > plannedPastCap) return { kind: 'dense', hits: Math.round(planned), exactHits: false, estimate: Math.round(planned), atLeast: Math.floor(planned * 0.8) };
  }
  let ids: number[];
  let entries: number | null = null;
  if (engine === 'postgres') {
    // The index's entries (the bitmap, no heap row) beside a sample's worth of ids, on two
    // connections. Each id costs a heap row of the wide index table: 2,001 of them took 35-150 ms
    // for "1378" at a million customers, 500 about 1 ms more than the bitmap. All the ids only
    // when the entries say they are few.
    [ids, entries] = await Promise.all([hitIds(db, engine, sets, sampleSize), indexEntries(db, gramsAnyOf(sets))]);
    if (ids.length < sampleSize) return { kind: 'ids', ids };
    if (entries <= sparseHits) {
      const all = await hitIds(db, engine, sets, sparseHits + 1);
      if (all.length <= sparseHits) return { kind: 'ids', ids: all };
    }
  } else {
    ids = await hitIds(db, engine, sets, sparseHits + 1);
    if (ids.length <= sparseHits) return { kind: 'ids', ids };
  }
  const exactHits = engine === 'sqlite' && isExactSearch(text);
  const hits = entries ?? Number((await sql<{ n: number }>`select count(*) as n from customer_search where customer_search match ${ftsMatch(sets)}`.execute(db)).rows[0]?.n ?? 0);
  // The ids fetched stand for all the hits (the oldest customers on SQLite, the table's physical
  // order on PostgreSQL: neither has to do with the text).
  if (exactHits) return { kind: 'dense', hits, exactHits, estimate: hits, atLeast: hits };
  const sample = ids.slice(0, sampleSize);
  const matched = await liveMatches(db, text, sample);
  return { kind: 'dense', hits, exactHits, estimate: Math.round((hits * matched) / sample.length), atLeast: matchesAtLeast(hits, matched, sample.length) };
}
