import { sql, type Kysely } from 'kysely';
import { withId } from './builders.js';
import type { Engine, Migration } from './migration.js';

/** Permissions added to the built-in roles that existed before this version. */
const addedPermissions: Record<string, string[]> = {
  administrator: ['analytics.view', 'analytics.manage'],
  sales_manager: ['analytics.view'],
  salesperson: ['analytics.view'],
  read_only: ['analytics.view'],
  finance: ['analytics.view'],
};

/**
 * Customer analytics (issue 14):
 * - analytics_runs: one computation of every customer's classes, with its progress; `active` is 1
 *   while it runs (a unique index: at most one run at a time, whoever asks), null afterwards;
 * - analytics_results: one row per run and customer with the figures and classes, kept per run so
 *   that a customer's movement between classes over time can be read;
 * - purchase_history: purchases imported from other systems (a shop or point-of-sale export),
 *   read with the signed contracts as the customer's transactions.
 */
export const analytics: Migration = {
  name: '20261206-0030-analytics',
  async up(db: Kysely<unknown>, engine: Engine) {
    await db.schema
      .createTable('analytics_runs')
      .$call(withId(engine))
      .addColumn('status', 'varchar(10)', (c) => c.notNull())
      .addColumn('reason', 'varchar(10)', (c) => c.notNull())
      .addColumn('as_of', 'varchar(10)', (c) => c.notNull())
      .addColumn('active', 'integer')
      .addColumn('steps_done', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('steps_total', 'integer', (c) => c.notNull())
      .addColumn('customers', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('settings', 'text', (c) => c.notNull())
      .addColumn('started_at', 'varchar(40)', (c) => c.notNull())
      .addColumn('heartbeat_at', 'varchar(40)', (c) => c.notNull())
      .addColumn('finished_at', 'varchar(40)')
      .addColumn('error', 'text')
      .addColumn('requested_by', 'integer')
      .execute();
    await db.schema.createIndex('analytics_runs_active').on('analytics_runs').column('active').unique().execute();
    await db.schema.createIndex('analytics_runs_done').on('analytics_runs').columns(['status', 'id']).execute();

    const money = (name: string) => (tb: ReturnType<typeof db.schema.createTable>) => tb.addColumn(name, 'bigint', (c) => c.notNull().defaultTo(0));
    const int = (name: string) => (tb: ReturnType<typeof db.schema.createTable>) => tb.addColumn(name, 'integer', (c) => c.notNull().defaultTo(0));
    const text = (name: string, size: number) => (tb: ReturnType<typeof db.schema.createTable>) => tb.addColumn(name, `varchar(${size})`, (c) => c.notNull().defaultTo(''));
    await db.schema
      .createTable('analytics_results')
      .addColumn('run_id', 'integer', (c) => c.notNull())
      .addColumn('customer_id', 'integer', (c) => c.notNull())
      .addColumn('owner_id', 'integer')
      .$call(money('revenue'))
      .$call(money('gross_profit'))
      .$call(money('received'))
      .$call(int('purchases'))
      .$call(text('first_on', 10))
      .$call(text('last_on', 10))
      .$call(int('recency_days'))
      .$call(int('frequency'))
      .$call(money('monetary'))
      .$call(money('previous_monetary'))
      .$call(money('window_profit'))
      .$call(money('abc_value'))
      .$call(int('abc_rank'))
      .$call(money('abc_cumulative'))
      .$call(money('abc_total'))
      .$call(int('abc_cumulative_bp'))
      .$call(text('abc_class', 1))
      .$call(int('value_rank'))
      .$call(text('value_class', 12))
      .$call(int('r_score'))
      .$call(int('f_score'))
      .$call(int('m_score'))
      .$call(text('rfm_segment', 20))
      .$call(money('historical_value'))
      .$call(money('current_value'))
      .$call(money('lifetime_value'))
      .addColumn('average_interval_days', 'integer')
      .$call(text('lifecycle_stage', 12))
      .$call(text('status', 16))
      .$call(int('churn_risk'))
      .addPrimaryKeyConstraint('analytics_results_pk', ['run_id', 'customer_id'])
      .execute();
    await db.schema.createIndex('analytics_results_customer').on('analytics_results').columns(['customer_id', 'run_id']).execute();
    await db.schema.createIndex('analytics_results_rank').on('analytics_results').columns(['run_id', 'abc_rank']).execute();
    await db.schema.createIndex('analytics_results_owner').on('analytics_results').columns(['run_id', 'owner_id', 'abc_rank']).execute();

    await db.schema
      .createTable('purchase_history')
      .$call(withId(engine))
      .addColumn('customer_id', 'integer', (c) => c.notNull())
      .addColumn('purchased_on', 'varchar(10)', (c) => c.notNull())
      .addColumn('amount', 'bigint', (c) => c.notNull())
      .addColumn('cost', 'bigint')
      .addColumn('product', 'varchar(200)')
      .addColumn('source', 'varchar(100)')
      .addColumn('created_at', 'varchar(40)', (c) => c.notNull())
      .addColumn('created_by', 'integer')
      .execute();
    await db.schema.createIndex('purchase_history_customer').on('purchase_history').columns(['customer_id', 'purchased_on']).execute();

    const roles = await sql<{ id: number; key: string; permissions: string }>`select id, key, permissions from roles where built_in = 1`.execute(db);
    for (const role of roles.rows) {
      const extra = addedPermissions[role.key];
      if (!extra) continue;
      const merged = [...new Set([...(JSON.parse(role.permissions) as string[]), ...extra])];
      await sql`update roles set permissions = ${JSON.stringify(merged)} where id = ${role.id}`.execute(db);
    }
  },
};
