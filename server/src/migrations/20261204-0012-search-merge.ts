import { sql, type Kysely } from 'kysely';
import type { Engine, Migration } from './migration.js';

/**
 * SQLite's full-text index of customers merges its segments less eagerly (FTS5 `automerge` 16
 * instead of 4). An import that rewrites the search words of thousands of customers per batch
 * otherwise spends most of its time re-merging a large index: at 1,000,000 customers, rewriting
 * 2,000 documents took 0.1 to 8 s per batch with the default and about 0.12 s with 16. A search
 * then reads a few more segments, each an index seek. PostgreSQL's search has no such setting.
 */
export const searchMerge: Migration = {
  name: '20261204-0012-search-merge',
  async up(db: Kysely<unknown>, engine: Engine) {
    if (engine !== 'sqlite') return;
    await sql`insert into customer_search(customer_search, rank) values ('automerge', 16)`.execute(db);
  },
};
