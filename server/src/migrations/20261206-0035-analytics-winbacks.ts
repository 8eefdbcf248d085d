import type { Kysely } from 'kysely';
import type { Migration } from './migration.js';

/**
 * Won-back customers (issue 14, lifecycle and churn): one row per run and customer whose analytics
 * status was `lost` in the finished run before it and is not any more (the customer bought again):
 * - won_back_on: the customer's last purchase day as of the run (the purchase that won it back);
 * - owner_id: its owner then (null for the public pool);
 * - previous_run_id and lost_days: the run in which it counted as lost, and its days without a
 *   purchase there (the numbers its owner's notice quotes).
 */
export const analyticsWinbacks: Migration = {
  name: '20261206-0035-analytics-winbacks',
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('analytics_winbacks')
      .addColumn('run_id', 'integer', (c) => c.notNull())
      .addColumn('customer_id', 'integer', (c) => c.notNull())
      .addColumn('won_back_on', 'varchar(10)', (c) => c.notNull())
      .addColumn('owner_id', 'integer')
      .addColumn('previous_run_id', 'integer', (c) => c.notNull())
      .addColumn('lost_days', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('analytics_winbacks_pk', ['run_id', 'customer_id'])
      .execute();
    await db.schema.createIndex('analytics_winbacks_customer').on('analytics_winbacks').columns(['customer_id', 'run_id']).execute();
  },
};
