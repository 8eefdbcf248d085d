import { sql, type Kysely } from 'kysely';
import { withId, withMeta } from './builders.js';
import type { Engine, Migration } from './migration.js';

/** Permissions added to the built-in roles that existed before this version. */
const addedPermissions: Record<string, string[]> = {
  administrator: ['reports.view', 'reports.create'],
  sales_manager: ['reports.view', 'reports.create'],
  salesperson: ['reports.view', 'reports.create'],
};

/**
 * Work reports (工作日报 / 周报): one per author, kind and period (the day, or the Monday of the
 * week, in the company's time zone), enforced by a unique index so that parallel submissions keep
 * one. `figures` is the JSON snapshot of the period's activity taken when the report was written.
 * Comments and read receipts belong to a report.
 */
export const workReports: Migration = {
  name: '20261206-0023-work-reports',
  async up(db: Kysely<unknown>, engine: Engine) {
    const id = withId(engine);

    await db.schema
      .createTable('work_reports')
      .$call(id)
      .addColumn('author_id', 'integer', (c) => c.notNull())
      .addColumn('kind', 'varchar(10)', (c) => c.notNull())
      .addColumn('period', 'varchar(10)', (c) => c.notNull())
      .addColumn('summary', 'text', (c) => c.notNull())
      .addColumn('plan', 'text')
      .addColumn('problems', 'text')
      .addColumn('figures', 'text', (c) => c.notNull())
      .$call(withMeta)
      .execute();
    await db.schema.createIndex('work_reports_one_per_period').on('work_reports').columns(['author_id', 'kind', 'period']).unique().execute();
    await db.schema.createIndex('work_reports_period').on('work_reports').columns(['period', 'id']).execute();

    await db.schema
      .createTable('work_report_comments')
      .$call(id)
      .addColumn('report_id', 'integer', (c) => c.notNull())
      .addColumn('author_id', 'integer', (c) => c.notNull())
      .addColumn('content', 'text', (c) => c.notNull())
      .addColumn('created_at', 'varchar(40)', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('work_report_comments_report').on('work_report_comments').columns(['report_id', 'id']).execute();

    await db.schema
      .createTable('work_report_reads')
      .addColumn('report_id', 'integer', (c) => c.notNull())
      .addColumn('user_id', 'integer', (c) => c.notNull())
      .addColumn('read_at', 'varchar(40)', (c) => c.notNull())
      .addPrimaryKeyConstraint('work_report_reads_pk', ['report_id', 'user_id'])
      .execute();

    const roles = await sql<{ id: number; key: string; permissions: string }>`select id, key, permissions from roles where built_in = 1`.execute(db);
    for (const role of roles.rows) {
      const extra = addedPermissions[role.key];
      if (!extra) continue;
      const merged = [...new Set([...(JSON.parse(role.permissions) as string[]), ...extra])];
      await sql`update roles set permissions = ${JSON.stringify(merged)} where id = ${role.id}`.execute(db);
    }
  },
};
