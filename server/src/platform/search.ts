import { sql, type Expression, type Kysely, type RawBuilder, type SqlBool, type Transaction } from 'kysely';
import type { SearchPlan } from './search-plan.js';
import type { Engine } from './config.js';
import { escapeLike } from './db/like.js';
import { parsePhone } from '@crm/contracts';
import type { DB } from './db/schema.js';
import { normalizeOrgName } from './normalize.js';
import { hasHan, pinyinForms, pinyinQueryForms } from './pinyin.js';

/**
 * Substring search for Chinese and Latin text, the one dialect-specific place for it.
 *
 * Each searchable value is normalised (NFKC, lower case, letters and digits only) and cut into
 * bigrams and trigrams. SQLite keeps them in a contentless FTS5 table, PostgreSQL in a text[]
 * under a GIN index. A query of two characters looks up its bigram; a longer one requires all its
 * trigrams; both are then confirmed with LIKE on the stored normalised text, so a hit is always a
 * real substring. A Chinese character is indexed alone too (a surname); other one-character
 * queries fall back to LIKE alone.
 */
export function normalizeForSearch(value: string): string {
  return value.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

const hanChar = /\p{Script=Han}/gu;

function gramsOfWord(word: string, out: Set<string>): void {
  // A Chinese character alone is a term people search (a surname: 王, 宋): indexed by itself.
  for (const han of word.match(hanChar) ?? []) out.add(han);
  // Without surrogate pairs (nearly always) a code unit is a character: plain substrings, no arrays.
  if (!/[\uD800-\uDFFF]/.test(word)) {
    for (const n of [2, 3]) {
      for (let i = 0; i + n <= word.length; i++) out.add(word.substring(i, i + n));
    }
    return;
  }
  const chars = Array.from(word);
  for (const n of [2, 3]) {
    for (let i = 0; i + n <= chars.length; i++) out.add(chars.slice(i, i + n).join(''));
  }
}

/**
 * The words a value is searched by: its normalised text and, for Chinese text, its pinyin forms
 * (full and initials; of a company name without its legal suffix: 星辰电子有限公司 -> xingchendianzi, xcdz).
 */
function wordsOf(value: string): string[] {
  const word = normalizeForSearch(value);
  if (!word) return [];
  if (!hasHan(word)) return [word];
  const stem = normalizeForSearch(normalizeOrgName(value) ?? '') || word;
  return [word, ...pinyinForms(stem)];
}

/** The normalised search key (values separated by spaces) and its grams. */
export function buildSearchDocument(values: Array<string | null | undefined>): { key: string; grams: string[] } {
  const words = values.filter((v): v is string => !!v).flatMap(wordsOf);
  const grams = new Set<string>();
  for (const word of words) {
    gramsOfWord(word, grams);
  }
  return { key: words.join(' '), grams: [...grams] };
}

/** The search key of a few values (a deal's name, a contact's name): normalised words and pinyin forms. */
export function searchKeyOf(...values: Array<string | null | undefined>): string {
  return buildSearchDocument(values).key;
}

/**
 * A phone number's searchable forms: as typed, its national significant number (13224942644,
 * 1088886666) and its E.164 digits (8613224942644), so that a query in any of the shapes people
 * write finds it. A number that cannot be read is searchable as typed.
 */
export function phoneSearchTerms(value: string | null | undefined): string[] {
  if (!value) return [];
  const number = parsePhone(value);
  if (!number) return [value];
  const forms = [value, number.nationalNumber, number.number];
  return forms.filter((form, i) => forms.findIndex((f) => normalizeForSearch(f) === normalizeForSearch(form)) === i);
}

/**
 * A query as it is matched against search documents: normalised text, except that a whole phone
 * number (+86 132 2494 2644, 008613224942644, 132-2494-2644) becomes its national significant
 * number, which every stored form of the number contains.
 */
export function searchTermOf(text: string): string {
  if (/^[\s\d+＋()（）.\-０-９]+$/.test(text) && text.replace(/\D/g, '').length >= 7) {
    const number = parsePhone(text);
    if (number) return number.nationalNumber;
  }
  return normalizeForSearch(text);
}

/**
 * The normalised terms a query matches, any of them: the term itself and, when it mixes Chinese
 * characters and Latin letters ("zhang伟"), its full pinyin forms (zhangwei). Empty when nothing
 * searchable is left.
 */
export function searchTermsOf(text: string): string[] {
  const term = searchTermOf(text);
  if (!term) return [];
  return [...new Set([term, ...pinyinQueryForms(term)])];
}

/** A normalised search key column matches a query (any of its terms), as SQL; null when nothing is searchable. */
export function searchKeyMatches(column: string, text: string): Expression<SqlBool> | null {
  const terms = searchTermsOf(text);
  if (terms.length === 0) return null;
  return sql<SqlBool>`(${sql.join(terms.map((term) => sql`${sql.ref(column)} like ${likePattern(term)} escape '\\'`), sql` or `)})`;
}

/** The grams a query must all match, or null when it is too short for the index. */
export function queryGrams(term: string): string[] | null {
  const chars = Array.from(term);
  if (chars.length < 2) return chars.length === 1 && /^\p{Script=Han}$/u.test(term) ? [term] : null;
  if (chars.length === 2) return [term];
  const grams: string[] = [];
  for (let i = 0; i + 3 <= chars.length; i++) grams.push(chars.slice(i, i + 3).join(''));
  // The LIKE check confirms the order; a handful of spread trigrams is selective enough.
  if (grams.length <= 6) return [...new Set(grams)];
  const step = (grams.length - 1) / 5;
  return [...new Set([0, 1, 2, 3, 4, 5].map((k) => grams[Math.round(k * step)] as string))];
}

type Db = Kysely<DB> | Transaction<DB>;

export async function writeSearchIndex(db: Db, engine: Engine, customerId: number, grams: string[]): Promise<void> {
  if (engine === 'postgres') {
    await sql`insert into customer_search (customer_id, grams) values (${customerId}, ${grams})
      on conflict (customer_id) do update set grams = excluded.grams`.execute(db);
    return;
  }
  await sql`delete from customer_search where rowid = ${customerId}`.execute(db);
  if (grams.length > 0) {
    await sql`insert into customer_search (rowid, grams) values (${customerId}, ${grams.join(' ')})`.execute(db);
  }
}

/** Index customers that have no entry yet (just created), many per statement (imports). */
export async function insertSearchIndexMany(db: Db, engine: Engine, entries: Array<{ customerId: number; grams: string[] }>): Promise<void> {
  const rows = entries.filter((e) => e.grams.length > 0);
  for (let i = 0; i < rows.length; i += 500) {
    const chunk = rows.slice(i, i + 500);
    const values =
      engine === 'postgres'
        ? sql.join(chunk.map((e) => sql`(${e.customerId}, ${e.grams}::text[])`))
        : sql.join(chunk.map((e) => sql`(${e.customerId}, ${e.grams.join(' ')})`));
    if (engine === 'postgres') await sql`insert into customer_search (customer_id, grams) values ${values}`.execute(db);
    else await sql`insert into customer_search (rowid, grams) values ${values}`.execute(db);
  }
}

/** Replace the entries of many indexed customers, a few statements per 500 (an import's updates). */
export async function writeSearchIndexMany(db: Db, engine: Engine, entries: Array<{ customerId: number; grams: string[] }>): Promise<void> {
  for (let i = 0; i < entries.length; i += 500) {
    const ids = entries.slice(i, i + 500).map((e) => e.customerId);
    if (engine === 'postgres') await sql`delete from customer_search where customer_id in (${sql.join(ids)})`.execute(db);
    else await sql`delete from customer_search where rowid in (${sql.join(ids)})`.execute(db);
  }
  await insertSearchIndexMany(db, engine, entries);
}

export async function deleteSearchIndex(db: Db, engine: Engine, customerId: number): Promise<void> {
  if (engine === 'postgres') {
    await sql`delete from customer_search where customer_id = ${customerId}`.execute(db);
  } else {
    await sql`delete from customer_search where rowid = ${customerId}`.execute(db);
  }
}

function likePattern(term: string): string {
  return `%${escapeLike(term)}%`;
}

/** `c.search_key` holds one of the terms: the check that makes every hit a real substring. */
function keyLike(terms: string[]): Expression<SqlBool> {
  return sql<SqlBool>`(${sql.join(terms.map((term) => sql`c.search_key like ${likePattern(term)} escape '\\'`), sql` or `)})`;
}

/** The FTS5 query for grams that must all match, any of several sets. */
export function ftsMatch(gramSets: string[][]): string {
  return gramSets.map((grams) => `(${grams.map((g) => `"${g}"`).join(' AND ')})`).join(' OR ');
}

/** PostgreSQL's condition on `customer_search` for grams that must all match, any of several sets. */
export function gramsAnyOf(gramSets: string[][]): RawBuilder<unknown> {
  return sql`(${sql.join(gramSets.map((grams) => sql`grams @> ${grams}::text[]`), sql` or `)})`;
}

/** The gram-index lookup of a query: each of its terms' grams, or null when a term is too short for the index. */
export function indexLookup(terms: string[]): string[][] | null {
  const sets: string[][] = [];
  for (const term of terms) {
    const grams = queryGrams(term);
    if (!grams) return null;
    sets.push(grams);
  }
  return sets.length > 0 ? sets : null;
}

/**
 * The condition "customer matches the search text", for a query over `customers` aliased `c`, as
 * a plan says (planSearch): the hits' ids, or each row's key (a dense text, the page walking the
 * sort index). Without a plan (an export's pages) the gram index is read in the query.
 * Returns null when the text has nothing searchable (only punctuation).
 */
export function customerSearchCondition(engine: Engine, text: string, plan?: SearchPlan): Expression<SqlBool> | null {
  const terms = searchTermsOf(text);
  if (terms.length === 0) return null;
  const like = keyLike(terms);
  if (plan?.kind === 'dense' || plan?.kind === 'scan') return like;
  if (plan?.kind === 'ids') {
    if (plan.ids.length === 0) return sql<SqlBool>`1 = 0`;
    // PostgreSQL: one array parameter; SQLite: a list it drives the query by (rowid lookups, then the sort).
    const ids = engine === 'postgres' ? sql<SqlBool>`c.id = any(${plan.ids}::int[])` : sql<SqlBool>`c.id in (${sql.join(plan.ids)})`;
    return sql<SqlBool>`(${ids} and ${like})`;
  }
  const sets = indexLookup(terms);
  if (!sets) return like;
  // The matches' ids first (an InitPlan on PostgreSQL), then just those rows, whatever the planner estimates.
  if (engine === 'postgres') return sql<SqlBool>`(c.id = any(array(select customer_id from customer_search where ${gramsAnyOf(sets)})) and ${like})`;
  return sql<SqlBool>`(c.id in (select rowid from customer_search where customer_search match ${ftsMatch(sets)}) and ${like})`;
}

/**
 * SQLite: the condition "customer matches the search text" for a query that walks another index
 * (the deleted customers): `+c.id` keeps SQLite from driving the query by the match list, so each
 * row is looked up in it (built once) and only the rows it names are read for their key.
 */
export function customerSearchProbe(engine: Engine, text: string): Expression<SqlBool> | null {
  const terms = searchTermsOf(text);
  const sets = indexLookup(terms);
  if (engine === 'postgres' || !sets) return customerSearchCondition(engine, text, { kind: 'scan' });
  const like = keyLike(terms);
  return sql<SqlBool>`(+c.id in (select rowid from customer_search where customer_search match ${ftsMatch(sets)}) and ${like})`;
}

/**
 * Whether the gram index answers a text exactly: one term of one to three characters is one gram,
 * and a gram is only ever cut from within a word, so the index's matches are the LIKE's matches.
 */
export function isExactSearch(text: string): boolean {
  const terms = searchTermsOf(text);
  if (terms.length !== 1) return false;
  const grams = queryGrams(terms[0] as string);
  return grams !== null && grams.length === 1 && grams[0] === terms[0];
}
