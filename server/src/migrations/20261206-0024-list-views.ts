import { sql, type Kysely } from 'kysely';
import { withId, withMeta } from './builders.js';
import type { Engine, Migration } from './migration.js';

/** Built-in roles that may share a view beyond themselves (a department, everyone). */
const sharers = ['administrator', 'sales_manager'];

/**
 * Saved list views (视图) and the follow-up dates of the customer list.
 *
 * - `customers.next_followup_on`: the next step's day (YYYY-MM-DD, company time zone) of the
 *   customer's latest follow-up, the one at `last_followup_at`; null when it planned none. Kept by
 *   the customers and activities modules; filled here from the follow-ups already recorded.
 * - Indexes to sort and filter live customers by last and next follow-up, for everyone's list and
 *   by owner. Nulls sort as "never": a customer never followed up comes first by oldest follow-up,
 *   one with nothing planned last by next follow-up, on both engines (SQLite puts nulls first
 *   ascending by itself; PostgreSQL is told so for the last follow-up).
 * - `list_views`: a named set of a list's filters, columns, sort and page size, personal or shared
 *   with a department or everyone; `list_view_defaults`: each user's default view of each list
 *   (a saved view, or a built-in one by key).
 */
export const listViews: Migration = {
  name: '20261206-0024-list-views',
  async up(db: Kysely<unknown>, engine: Engine) {
    await db.schema.alterTable('customers').addColumn('next_followup_on', 'varchar(10)').execute();
    await sql`
      update customers set next_followup_on = (
        select min(fu.next_on) from follow_ups fu
        where fu.customer_id = customers.id and fu.occurred_at = customers.last_followup_at
      )
      where id in (select customer_id from follow_ups where next_on is not null)`.execute(db);

    const live = sql`where deleted_at is null`;
    const lastAsNever = engine === 'postgres' ? sql`last_followup_at asc nulls first` : sql`last_followup_at asc`;
    await sql`create index customers_live_followup on customers (${lastAsNever}, id) ${live}`.execute(db);
    await sql`create index customers_live_owner_followup on customers (owner_id, ${lastAsNever}, id) ${live}`.execute(db);
    await sql`create index customers_live_next on customers (next_followup_on, id) ${live}`.execute(db);
    await sql`create index customers_live_owner_next on customers (owner_id, next_followup_on, id) ${live}`.execute(db);

    await db.schema
      .createTable('list_views')
      .$call(withId(engine))
      .addColumn('list', 'varchar(20)', (c) => c.notNull())
      .addColumn('name', 'varchar(60)', (c) => c.notNull())
      .addColumn('owner_id', 'integer', (c) => c.notNull())
      // personal | department | everyone
      .addColumn('visibility', 'varchar(12)', (c) => c.notNull())
      .addColumn('department_id', 'integer')
      // JSON: the list's query parameters (an object of strings) and the column keys in order.
      .addColumn('filters', 'text', (c) => c.notNull())
      .addColumn('columns', 'text', (c) => c.notNull())
      .addColumn('sort', 'varchar(40)')
      .addColumn('page_size', 'integer')
      .$call(withMeta)
      .execute();
    // One name per owner and list, whatever runs at the same time.
    await db.schema.createIndex('list_views_owner_name').on('list_views').columns(['owner_id', 'list', 'name']).unique().execute();
    await db.schema.createIndex('list_views_list').on('list_views').columns(['list', 'visibility']).execute();

    await db.schema
      .createTable('list_view_defaults')
      .addColumn('user_id', 'integer', (c) => c.notNull())
      .addColumn('list', 'varchar(20)', (c) => c.notNull())
      .addColumn('view_id', 'integer')
      .addColumn('built_in', 'varchar(20)')
      .addColumn('updated_at', 'varchar(40)', (c) => c.notNull())
      .addPrimaryKeyConstraint('list_view_defaults_pk', ['user_id', 'list'])
      .execute();
    await db.schema.createIndex('list_view_defaults_view').on('list_view_defaults').column('view_id').execute();

    const roles = await sql<{ id: number; key: string; permissions: string }>`select id, key, permissions from roles where built_in = 1`.execute(db);
    for (const role of roles.rows) {
      if (!sharers.includes(role.key)) continue;
      const merged = [...new Set([...(JSON.parse(role.permissions) as string[]), 'views.share'])];
      await sql`update roles set permissions = ${JSON.stringify(merged)} where id = ${role.id}`.execute(db);
    }
  },
};
