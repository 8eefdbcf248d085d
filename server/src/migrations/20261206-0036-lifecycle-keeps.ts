import type { Kysely } from 'kysely';
import type { Migration } from './migration.js';

/**
 * "Keep mine" on the lifecycle suggestion (issue 14, lifecycle and churn): one row per customer
 * whose user chose to keep the record's hand-set lifecycle stage or status against the value the
 * analytics derived from its purchase trend.
 * - lifecycle_stage / status: the derived value that was declined (null: none declined); the
 *   suggestion stays hidden while the latest run derives that same value, and a run that derives
 *   another value clears it (so the suggestion comes back when the derived value changes);
 * - kept_by / kept_at: who chose last, and when.
 */
export const lifecycleKeeps: Migration = {
  name: '20261206-0036-lifecycle-keeps',
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('analytics_keeps')
      .addColumn('customer_id', 'integer', (c) => c.primaryKey())
      .addColumn('lifecycle_stage', 'varchar(20)')
      .addColumn('status', 'varchar(20)')
      .addColumn('kept_by', 'integer')
      .addColumn('kept_at', 'varchar(40)', (c) => c.notNull())
      .execute();
  },
};
