import type { Kysely } from 'kysely';
import type { Engine, Migration } from './migration.js';
import { withId } from './builders.js';

/**
 * The public pool: who released or lost which customer when (for the wait before claiming it
 * back), the warnings already sent (once each), and the leases that let one server at a time run
 * a scheduled task.
 */
export const pool: Migration = {
  name: '20261122-0003-pool',
  async up(db: Kysely<unknown>, engine: Engine) {
    await db.schema
      .createTable('pool_releases')
      .$call(withId(engine))
      .addColumn('customer_id', 'integer', (c) => c.notNull())
      .addColumn('user_id', 'integer', (c) => c.notNull())
      // 'release' (by its owner or a manager) or 'return' (by a pool rule)
      .addColumn('kind', 'varchar(20)', (c) => c.notNull())
      .addColumn('released_at', 'varchar(40)', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('pool_releases_customer_user').on('pool_releases').columns(['customer_id', 'user_id', 'released_at']).execute();
    await db.schema.createIndex('pool_releases_at').on('pool_releases').column('released_at').execute();

    // One warning per customer, owner and return date: the unique key makes concurrent runs send it once.
    await db.schema
      .createTable('pool_warnings')
      .addColumn('customer_id', 'integer', (c) => c.notNull())
      .addColumn('user_id', 'integer', (c) => c.notNull())
      .addColumn('due_at', 'varchar(40)', (c) => c.notNull())
      .addColumn('warned_at', 'varchar(40)', (c) => c.notNull())
      .addPrimaryKeyConstraint('pool_warnings_pk', ['customer_id', 'user_id', 'due_at'])
      .execute();

    await db.schema
      .createTable('leases')
      .addColumn('name', 'varchar(80)', (c) => c.primaryKey())
      .addColumn('holder', 'varchar(80)', (c) => c.notNull())
      .addColumn('expires_at', 'varchar(40)', (c) => c.notNull())
      .execute();
  },
};
