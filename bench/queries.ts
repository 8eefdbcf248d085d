import { unscoped } from '../server/src/platform/auth/scope.js';
import type { Database } from '../server/src/platform/db/database.js';
import { list, type CustomerFilter } from '../server/src/modules/customers/customers.repository.js';
import type { SearchTerms } from './dataset.js';

export type QueryKind = 'list' | 'search';

export interface BenchQuery {
  name: string;
  kind: QueryKind;
  /** The API request, under /api/v1. */
  path: string;
  /** The same filter for the repository, with the administrator's scope (everything). */
  filter: CustomerFilter;
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
  ];
}

/**
 * The raw query behind a list request: the repository's own page and count queries (the same SQL
 * the server runs), default sort -updatedAt, first page.
 */
export function rawQuery(database: Database, query: BenchQuery): () => Promise<{ total: number; rows: number }> {
  return async () => {
    const result = await list(database.db, database.engine, query.filter, { key: 'updatedAt', desc: true }, pageSize, 0);
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
