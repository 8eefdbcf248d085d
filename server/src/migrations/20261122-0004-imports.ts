import type { Kysely } from 'kysely';
import type { Engine, Migration } from './migration.js';
import { withId } from './builders.js';

/**
 * Import jobs (the uploaded file, its mapping, a cursor and counters), one result row per
 * processed file row, and the log of every export.
 */
export const imports: Migration = {
  name: '20261122-0004-imports',
  async up(db: Kysely<unknown>, engine: Engine) {
    const id = withId(engine);
    await db.schema
      .createTable('import_jobs')
      .$call(id)
      .addColumn('entity', 'varchar(20)', (c) => c.notNull())
      .addColumn('file_name', 'varchar(255)', (c) => c.notNull())
      // Name of the stored copy under <data folder>/imports/.
      .addColumn('stored_name', 'varchar(100)', (c) => c.notNull())
      .addColumn('format', 'varchar(10)', (c) => c.notNull())
      .addColumn('encoding', 'varchar(20)')
      .addColumn('delimiter', 'varchar(4)')
      .addColumn('headers', 'text', (c) => c.notNull())
      // The first rows, shown while mapping columns (JSON array of string arrays).
      .addColumn('sample', 'text', (c) => c.notNull())
      .addColumn('total_rows', 'integer', (c) => c.notNull())
      // uploaded -> queued -> running -> finished | failed | cancelled
      .addColumn('status', 'varchar(20)', (c) => c.notNull())
      .addColumn('duplicate_mode', 'varchar(10)')
      .addColumn('mapping', 'text')
      // The importer's language when starting: row messages are written in it.
      .addColumn('locale', 'varchar(10)')
      // Rows done: rows 1..processed have a result; the worker resumes after it.
      .addColumn('processed', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('updated', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('skipped', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('rejected', 'integer', (c) => c.notNull().defaultTo(0))
      // Which worker runs it and until when its claim holds (a killed server's claim expires).
      .addColumn('lease_owner', 'varchar(60)')
      .addColumn('lease_until', 'varchar(40)')
      .addColumn('error', 'varchar(200)')
      .addColumn('created_by', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'varchar(40)', (c) => c.notNull())
      .addColumn('updated_at', 'varchar(40)', (c) => c.notNull())
      .addColumn('started_at', 'varchar(40)')
      .addColumn('finished_at', 'varchar(40)')
      .execute();
    await db.schema.createIndex('import_jobs_status').on('import_jobs').columns(['status', 'id']).execute();
    await db.schema.createIndex('import_jobs_creator').on('import_jobs').columns(['created_by', 'id']).execute();

    await db.schema
      .createTable('import_results')
      .$call(id)
      .addColumn('job_id', 'integer', (c) => c.notNull())
      .addColumn('row_no', 'integer', (c) => c.notNull())
      // created | updated | skipped | rejected
      .addColumn('outcome', 'varchar(10)', (c) => c.notNull())
      .addColumn('entity_id', 'integer')
      // JSON array of {field, key, params}: translated when the report is read.
      .addColumn('messages', 'text', (c) => c.notNull())
      .addUniqueConstraint('import_results_job_row', ['job_id', 'row_no'])
      .execute();
    // "Duplicate of row N of this file": the row that created a customer a later row matches.
    await db.schema.createIndex('import_results_entity').on('import_results').columns(['job_id', 'entity_id']).execute();

    await db.schema
      .createTable('export_log')
      .$call(id)
      .addColumn('user_id', 'integer', (c) => c.notNull())
      .addColumn('at', 'varchar(40)', (c) => c.notNull())
      .addColumn('entity', 'varchar(20)', (c) => c.notNull())
      .addColumn('filter', 'text', (c) => c.notNull())
      .addColumn('columns', 'text', (c) => c.notNull())
      .addColumn('format', 'varchar(10)', (c) => c.notNull())
      .addColumn('row_count', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('finished_at', 'varchar(40)')
      .execute();
    await db.schema.createIndex('export_log_at').on('export_log').columns(['at', 'id']).execute();
  },
};
