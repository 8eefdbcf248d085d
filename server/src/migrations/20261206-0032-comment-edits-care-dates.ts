import { sql, type Kysely } from 'kysely';
import type { Engine, Migration } from './migration.js';

/** A date in a person customer's profile (JSON text), written exactly as the reminders' scan writes it, so the index serves it. */
function personDate(engine: Engine, field: 'birthday' | 'weddingAnniversary'): string {
  return engine === 'postgres' ? `substr((person::jsonb ->> '${field}'), 6, 5)` : `substr(json_extract(person, '$.${field}'), 6, 5)`;
}

/**
 * Two small changes of issue 13:
 * - A comment on a work report can be edited by its author: a version (the edit is conditional on
 *   it) and `updated_at` (null until the first edit; shown as "edited").
 * - The daily care-reminder scan looks birthdays and wedding anniversaries up by month-day (MM-DD)
 *   of a stored YYYY-MM-DD date; it read every contact and every person customer. Indexes on the
 *   month-day expressions themselves (both engines index expressions) let it read only the rows of
 *   the days it asks for, and stay right whatever code path writes the dates: nothing to keep in
 *   step on write. The scan's queries use the same expressions, literally.
 */
export const commentEditsCareDates: Migration = {
  name: '20261206-0032-comment-edits-care-dates',
  async up(db: Kysely<unknown>, engine: Engine) {
    await db.schema.alterTable('work_report_comments').addColumn('version', 'integer', (c) => c.notNull().defaultTo(1)).execute();
    await db.schema.alterTable('work_report_comments').addColumn('updated_at', 'varchar(40)').execute();

    await db.schema.createIndex('contacts_birthday_month_day').on('contacts').expression(sql`substr(birthday, 6, 5)`).execute();
    await db.schema.createIndex('customers_birthday_month_day').on('customers').expression(sql.raw(personDate(engine, 'birthday'))).execute();
    await db.schema.createIndex('customers_wedding_month_day').on('customers').expression(sql.raw(personDate(engine, 'weddingAnniversary'))).execute();
  },
};
