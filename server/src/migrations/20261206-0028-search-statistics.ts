import { sql, type Kysely } from 'kysely';
import type { Engine, Migration } from './migration.js';

/**
 * PostgreSQL keeps the frequencies of the 1,000 most common grams of the search index by default
 * (a gram then needs about 3.5% of customers to be listed); a surname such as 宋 (1.4% of a
 * million customers) fell outside and was estimated at a third of its hits, so every search for
 * it counted 10,001 index rows one heap row at a time. Ten times the statistics: about 7,000 grams
 * down to 0.1%, and ANALYZE samples 300,000 rows (seconds at a million customers). SQLite's
 * full-text index counts its own hits: nothing to do there.
 */
export const searchStatistics: Migration = {
  name: '20261206-0028-search-statistics',
  async up(db: Kysely<unknown>, engine: Engine) {
    if (engine !== 'postgres') return;
    await sql`alter table customer_search alter column grams set statistics 1000`.execute(db);
  },
};
