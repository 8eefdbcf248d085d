import type { Kysely } from 'kysely';
import type { Migration } from './migration.js';

/**
 * Visit check-in (拜访签到): a visit may carry where the salesperson's phone said they were when
 * they logged it (the browser's position, asked with their consent), how precise the phone said it
 * was (metres), an address they typed or confirmed, and the server's time of the check-in. All null
 * on other follow-ups and on visits without a check-in. One column per statement: SQLite adds
 * columns one at a time.
 */
export const visitCheckIn: Migration = {
  name: '20261206-0027-visit-check-in',
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('follow_ups').addColumn('check_in_latitude', 'double precision').execute();
    await db.schema.alterTable('follow_ups').addColumn('check_in_longitude', 'double precision').execute();
    await db.schema.alterTable('follow_ups').addColumn('check_in_accuracy_m', 'double precision').execute();
    await db.schema.alterTable('follow_ups').addColumn('check_in_address', 'varchar(200)').execute();
    await db.schema.alterTable('follow_ups').addColumn('checked_in_at', 'varchar(40)').execute();
  },
};
