import type { Kysely } from 'kysely';
import type { Migration } from './migration.js';

/**
 * Throttle counters (failed logins per account and per address, password checks, web-form
 * submissions per address) live in the database, so their limits hold across restarts and across
 * servers sharing it. One row per key, stored as its SHA-256 (no email or address is kept): the
 * attempts counted in the window that ends at `reset_at`.
 */
export const throttles: Migration = {
  name: '20261204-0013-throttles',
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('throttles')
      .addColumn('key_hash', 'varchar(64)', (c) => c.primaryKey())
      .addColumn('count', 'integer', (c) => c.notNull())
      .addColumn('reset_at', 'varchar(40)', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('throttles_reset_at').on('throttles').column('reset_at').execute();
  },
};
