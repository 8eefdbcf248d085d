import { unscoped } from '../server/src/platform/auth/scope.js';
import type { Database } from '../server/src/platform/db/database.js';
import { localDate, startOfLocalDay } from '../server/src/platform/company.js';
import { list, type CustomerFilter, type SortKey } from '../server/src/modules/customers/customers.repository.js';
import type { SearchTerms } from './dataset.js';

export type QueryKind = 'list' | 'search';

export interface BenchQuery {
  name: string;
  kind: QueryKind;
  /** The API request, under /api/v1. */
  path: string;
  /** The same filter for the repository, with the administrator's scope (everything). */
  filter: CustomerFilter;
  /** The list's order (by last update, newest first, unless said). */
  sort?: { key: SortKey; desc: boolean };
}

const pageSize = 20;
/** The benchmark times the administrator's queries: every customer. */
const everything = unscoped('the benchmark times the administrator, who sees every customer');

export function benchQueries(terms: SearchTerms, ownerId: number): BenchQuery[] {
  const search = (name: string, q: string): BenchQuery => ({
    name: `${name} "${q}"`, kind: 'search', path: `/customers?q=${encodeURIComponent(q)}`, filter: { scope: everything, q },
  });
  return [
    { name: 'first list page', kind: 'list', path: `/customers?page=1&pageSize=${pageSize}`, filter: { scope: everything } },
    { name: `owner ${ownerId}, by last update`, kind: 'list', path: `/customers?ownerId=${ownerId}&sort=-updatedAt`, filter: { scope: everything, ownerId } },
    search('search 2 Chinese chars', terms.chinese2),
    search('search 2 Chinese chars, frequent', terms.chinese2Frequent),
    search('search 4 Chinese chars', terms.chinese4),
    search('search Latin', terms.latin),
    search('search phone digits', terms.digits),
    search('search phone fragment, 4 digits', terms.digits4),
    search('search full pinyin', terms.pinyin),
    search('search pinyin initials', terms.initials),
    search('search pinyin mixed with characters', terms.mixed),
    search('search a surname (1 character)', terms.surname),
    ...followUpQueries(ownerId),
  ];
}

/** The company's days (Asia/Shanghai, the default), as the server reads the follow-up filters. */
const zone = 'Asia/Shanghai';
const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** The working lists: by last and next follow-up, due today, nothing for 30 days, new this month. */
function followUpQueries(ownerId: number): BenchQuery[] {
  const today = localDate(new Date(), zone);
  const since30 = startOfLocalDay(addDays(today, -29), zone).toISOString();
  const q = (name: string, path: string, filter: Omit<CustomerFilter, 'scope'>, sort: BenchQuery['sort']): BenchQuery => ({ name, kind: 'list', path, filter: { scope: everything, ...filter }, sort });
  return [
    q('by next follow-up', '/customers?sort=nextFollowUpOn', {}, { key: 'nextFollowUpOn', desc: false }),
    q('by last follow-up, never first', '/customers?sort=lastFollowUpAt', {}, { key: 'lastFollowUpAt', desc: false }),
    q('by last follow-up, latest first', '/customers?sort=-lastFollowUpAt', {}, { key: 'lastFollowUpAt', desc: true }),
    q('due for follow-up today (all)', '/customers?nextFollowUpWithinDays=0&sort=nextFollowUpOn', { nextFollowUpUntil: today }, { key: 'nextFollowUpOn', desc: false }),
    q(`owner ${ownerId}, due for follow-up today`, `/customers?ownerId=${ownerId}&nextFollowUpWithinDays=0&sort=nextFollowUpOn`, { ownerId, nextFollowUpUntil: today }, { key: 'nextFollowUpOn', desc: false }),
    q('no follow-up for 30 days (all)', '/customers?noFollowUpDays=30&sort=lastFollowUpAt', { lastFollowUpBefore: since30 }, { key: 'lastFollowUpAt', desc: false }),
    q(`owner ${ownerId}, no follow-up for 30 days`, `/customers?ownerId=${ownerId}&noFollowUpDays=30&sort=lastFollowUpAt`, { ownerId, lastFollowUpBefore: since30 }, { key: 'lastFollowUpAt', desc: false }),
    q('created in the last 30 days, newest first', `/customers?createdFrom=${addDays(today, -29)}&sort=-createdAt`, { createdFrom: since30 }, { key: 'createdAt', desc: true }),
  ];
}

/**
 * The raw query behind a list request: the repository's own page and count queries (the same SQL
 * the server runs), default sort -updatedAt, first page.
 */
export function rawQuery(database: Database, query: BenchQuery): () => Promise<{ total: number; rows: number }> {
  return async () => {
    const result = await list(database.db, database.engine, query.filter, query.sort ?? { key: 'updatedAt', desc: true }, pageSize, 0);
    return { total: result.total, rows: result.rows.length };
  };
}

/** The owner with the most live customers: the heaviest owner filter. */
export async function busiestOwner(database: Database): Promise<number> {
  const row = await database.db
    .selectFrom('customers')
    .select(['owner_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('deleted_at', 'is', null)
    .where('owner_id', 'is not', null)
    .groupBy('owner_id')
    .orderBy('n', 'desc')
    .limit(1)
    .executeTakeFirstOrThrow();
  if (row.owner_id === null) throw new Error('no owned customers');
  return row.owner_id;
}
