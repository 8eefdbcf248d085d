import { type Kysely } from 'kysely';
import { withId } from './builders.js';
import type { Engine, Migration } from './migration.js';

/**
 * Email (issue 13): the outbox every email goes through, and each user's choice of which
 * notification kinds also arrive by email (a row only where the user changed the default).
 * An outbox row is written in the transaction of the change that causes it and leaves the queue
 * only as sent or, after its last attempt, failed; instants are ISO strings in UTC.
 */
export const email: Migration = {
  name: '20261206-0021-email',
  async up(db: Kysely<unknown>, engine: Engine) {
    await db.schema
      .createTable('email_outbox')
      .$call(withId(engine))
      // notification | customer | test
      .addColumn('kind', 'varchar(20)', (c) => c.notNull())
      // queued | sending | sent | failed
      .addColumn('status', 'varchar(10)', (c) => c.notNull())
      .addColumn('to_address', 'varchar(254)', (c) => c.notNull())
      .addColumn('reply_to', 'varchar(254)')
      .addColumn('reply_to_name', 'varchar(100)')
      .addColumn('subject', 'varchar(300)', (c) => c.notNull())
      .addColumn('text_body', 'text', (c) => c.notNull())
      .addColumn('html_body', 'text')
      // A path of the web app (/customers/12): the sender puts the CRM's address in front.
      .addColumn('link_path', 'varchar(300)')
      .addColumn('locale', 'varchar(10)', (c) => c.notNull())
      .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
      // When a queued email is due; null once sent or failed.
      .addColumn('next_attempt_at', 'varchar(40)')
      // When a sender took it (status sending): a sender that died leaves it to be taken again.
      .addColumn('claimed_at', 'varchar(40)')
      .addColumn('last_error', 'varchar(1000)')
      .addColumn('user_id', 'integer')
      .addColumn('notification_kind', 'varchar(40)')
      .addColumn('customer_id', 'integer')
      .addColumn('follow_up_id', 'integer')
      .addColumn('created_at', 'varchar(40)', (c) => c.notNull())
      .addColumn('created_by', 'integer')
      .addColumn('sent_at', 'varchar(40)')
      .execute();
    await db.schema.createIndex('email_outbox_due').on('email_outbox').columns(['status', 'next_attempt_at']).execute();

    await db.schema
      .createTable('notification_preferences')
      .addColumn('user_id', 'integer', (c) => c.notNull())
      .addColumn('kind', 'varchar(40)', (c) => c.notNull())
      .addColumn('email', 'integer', (c) => c.notNull())
      .addColumn('updated_at', 'varchar(40)', (c) => c.notNull())
      .addPrimaryKeyConstraint('notification_preferences_pk', ['user_id', 'kind'])
      .execute();
  },
};
