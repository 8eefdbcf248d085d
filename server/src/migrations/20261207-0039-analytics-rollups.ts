import { sql, type Kysely } from 'kysely';
import type { Engine, Migration } from './migration.js';

/**
 * The analytics dashboards' class counts without reading a million rows (issue 14: the summary,
 * the value pyramid, the quadrants and the RFM segments of the administrator took 1-5 s at
 * 1,000,000 customers, most of it reading every row of the run and its customer):
 * - analytics_rollups: a run's customers counted by owner and every combination of their classes,
 *   with the sums the dashboards show (about 11,000 rows at a million customers and 50 owners),
 *   written by the run before it is marked done. A dashboard sums the rows of the owners in the
 *   caller's scope;
 * - analytics_customer_moves: a customer whose owner changed, or that was deleted or restored,
 *   gets a row, written by the database itself (the triggers below) whichever code path makes the
 *   change. A run records the last row's id when it starts reading (analytics_runs.moves_mark); a
 *   dashboard moves the customers logged after it from the run's owner to the present one (or out,
 *   when deleted), so that the figures stay those of the live scope, exactly;
 * - analytics_results_churn: the churn-risk list in its order (a page read 1 s at a million).
 */
export const analyticsRollups: Migration = {
  name: '20261207-0039-analytics-rollups',
  async up(db: Kysely<unknown>, engine: Engine) {
    const money = (name: string) => (tb: ReturnType<typeof db.schema.createTable>) => tb.addColumn(name, 'bigint', (c) => c.notNull().defaultTo(0));
    const text = (name: string, size: number) => (tb: ReturnType<typeof db.schema.createTable>) => tb.addColumn(name, `varchar(${size})`, (c) => c.notNull().defaultTo(''));
    await db.schema
      .createTable('analytics_rollups')
      .addColumn('run_id', 'integer', (c) => c.notNull())
      .addColumn('owner_id', 'integer')
      .$call(text('abc_class', 1))
      .$call(text('value_class', 12))
      .$call(text('rfm_segment', 20))
      .$call(text('lifecycle_stage', 12))
      .$call(text('status', 16))
      .$call(text('quadrant', 10))
      .addColumn('churn_risk', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('customers', 'integer', (c) => c.notNull().defaultTo(0))
      .$call(money('revenue'))
      .$call(money('gross_profit'))
      .$call(money('monetary'))
      .$call(money('current_value'))
      .$call(money('potential_value'))
      .$call(money('abc_value'))
      .execute();
    await db.schema.createIndex('analytics_rollups_run_owner').on('analytics_rollups').columns(['run_id', 'owner_id']).execute();
    await db.schema.alterTable('analytics_runs').addColumn('moves_mark', 'integer').execute();
    // The churn-risk list, longest since the last purchase first: its first page is the index's first entries.
    await sql`create index analytics_results_churn on analytics_results (run_id, recency_days desc, customer_id) where churn_risk = 1`.execute(db);

    await db.schema
      .createTable('analytics_customer_moves')
      .addColumn('id', engine === 'postgres' ? 'bigserial' : 'integer', (c) => (engine === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement()))
      .addColumn('customer_id', 'integer', (c) => c.notNull())
      .execute();
    if (engine === 'postgres') {
      await sql`create function analytics_customer_moved() returns trigger language plpgsql as $$
        begin
          insert into analytics_customer_moves (customer_id) values (new.id);
          return null;
        end $$`.execute(db);
      await sql`create trigger analytics_customer_moved after update of owner_id, deleted_at on customers
        for each row when (old.owner_id is distinct from new.owner_id or old.deleted_at is distinct from new.deleted_at)
        execute function analytics_customer_moved()`.execute(db);
      return;
    }
    await sql`create trigger analytics_customer_moved after update of owner_id, deleted_at on customers
      when old.owner_id is not new.owner_id or old.deleted_at is not new.deleted_at
      begin insert into analytics_customer_moves (customer_id) values (new.id); end`.execute(db);
  },
};
