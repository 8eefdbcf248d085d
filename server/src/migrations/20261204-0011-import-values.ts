import { sql, type Kysely } from 'kysely';
import type { Migration } from './migration.js';

/**
 * An import job keeps the value mapping it runs with (企业客户 -> organization, VIP -> loyal...)
 * beside its column mapping: a job resumed after a restart reads its values as it started.
 */
export const importValues: Migration = {
  name: '20261204-0011-import-values',
  async up(db: Kysely<unknown>) {
    await sql`alter table import_jobs add column value_mapping text`.execute(db);
  },
};
