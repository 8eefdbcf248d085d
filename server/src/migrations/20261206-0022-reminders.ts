import { sql, type Kysely } from 'kysely';
import { withId } from './builders.js';
import type { Engine, Migration } from './migration.js';

/**
 * Reminders and the calendar: a task's reminder (minutes before its due time, the instant it goes
 * out, and when it went: the job marks it once, conditionally), care reminders (关怀提醒) made
 * from the archive once per record and occurrence, and each user's private calendar feed (its
 * token kept hashed).
 */
export const reminders: Migration = {
  name: '20261206-0022-reminders',
  async up(db: Kysely<unknown>, engine: Engine) {
    const id = withId(engine);

    await db.schema.alterTable('tasks').addColumn('remind_before_minutes', 'integer').execute();
    await db.schema.alterTable('tasks').addColumn('remind_at', 'varchar(40)').execute();
    await db.schema.alterTable('tasks').addColumn('reminded_at', 'varchar(40)').execute();
    // The job reads the reminders not yet sent, earliest first.
    await db.schema.createIndex('tasks_reminders_due').on('tasks').column('remind_at').where(sql.ref('reminded_at'), 'is', null).execute();

    await db.schema
      .createTable('care_reminders')
      .$call(id)
      .addColumn('kind', 'varchar(30)', (c) => c.notNull())
      // The customer, contact or contract it is about (by kind).
      .addColumn('record_id', 'integer', (c) => c.notNull())
      // The day it falls on (company time zone), and the day it was made.
      .addColumn('occurs_on', 'varchar(10)', (c) => c.notNull())
      .addColumn('remind_on', 'varchar(10)', (c) => c.notNull())
      .addColumn('user_id', 'integer', (c) => c.notNull())
      .addColumn('customer_id', 'integer')
      .addColumn('contract_id', 'integer')
      // The name it was made with (a person, a contact, a contract number and title).
      .addColumn('name', 'varchar(300)', (c) => c.notNull())
      // Years since the date it repeats (age, years married), or the maintenance visit's number.
      .addColumn('nth', 'integer')
      .addColumn('created_at', 'varchar(40)', (c) => c.notNull())
      .execute();
    // Once per occurrence, whatever runs at the same time.
    await db.schema.createIndex('care_reminders_once').on('care_reminders').columns(['kind', 'record_id', 'occurs_on']).unique().execute();
    await db.schema.createIndex('care_reminders_user').on('care_reminders').columns(['user_id', 'occurs_on']).execute();

    await db.schema
      .createTable('calendar_feeds')
      .$call(id)
      .addColumn('user_id', 'integer', (c) => c.notNull())
      // SHA-256 of the token in the feed's address.
      .addColumn('token_hash', 'varchar(64)', (c) => c.notNull())
      .addColumn('created_at', 'varchar(40)', (c) => c.notNull())
      .addColumn('last_used_at', 'varchar(40)')
      .execute();
    await db.schema.createIndex('calendar_feeds_user').on('calendar_feeds').column('user_id').unique().execute();
    await db.schema.createIndex('calendar_feeds_token').on('calendar_feeds').column('token_hash').unique().execute();
  },
};
