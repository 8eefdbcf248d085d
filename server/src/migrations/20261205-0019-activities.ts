import { sql, type Kysely } from 'kysely';
import { withId, withMeta } from './builders.js';
import type { Engine, Migration } from './migration.js';

/** Permissions added to the built-in roles that existed before this version. */
const sales = ['followups.view', 'followups.create', 'followups.edit', 'followups.delete', 'tasks.view', 'tasks.create', 'tasks.edit', 'tasks.delete'];
const addedPermissions: Record<string, string[]> = {
  administrator: sales,
  sales_manager: sales,
  salesperson: sales,
  service_agent: sales,
  marketing: ['followups.view', 'tasks.view', 'tasks.create', 'tasks.edit', 'tasks.delete'],
  read_only: ['followups.view', 'tasks.view'],
  finance: ['followups.view', 'tasks.view', 'tasks.create', 'tasks.edit', 'tasks.delete'],
};

/**
 * Follow-up records (跟进记录) with the contacts who took part, and tasks (任务). Instants are
 * ISO strings in UTC; a task's due date is a calendar day in the company's time zone.
 */
export const activities: Migration = {
  name: '20261205-0019-activities',
  async up(db: Kysely<unknown>, engine: Engine) {
    const id = withId(engine);

    await db.schema
      .createTable('follow_ups')
      .$call(id)
      .addColumn('customer_id', 'integer', (c) => c.notNull())
      .addColumn('author_id', 'integer', (c) => c.notNull())
      .addColumn('kind', 'varchar(20)', (c) => c.notNull())
      .addColumn('occurred_at', 'varchar(40)', (c) => c.notNull())
      .addColumn('duration_minutes', 'integer')
      .addColumn('opportunity_id', 'integer')
      .addColumn('contract_id', 'integer')
      .addColumn('content', 'text', (c) => c.notNull())
      .addColumn('outcome', 'varchar(200)')
      .addColumn('next_on', 'varchar(10)')
      .addColumn('next_action', 'varchar(200)')
      .addColumn('task_id', 'integer')
      .$call(withMeta)
      .execute();
    await db.schema.createIndex('follow_ups_customer').on('follow_ups').columns(['customer_id', 'occurred_at']).execute();
    await db.schema.createIndex('follow_ups_author').on('follow_ups').columns(['author_id', 'occurred_at']).execute();

    await db.schema
      .createTable('follow_up_contacts')
      .addColumn('follow_up_id', 'integer', (c) => c.notNull())
      .addColumn('contact_id', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('follow_up_contacts_pk', ['follow_up_id', 'contact_id'])
      .execute();
    await db.schema.createIndex('follow_up_contacts_contact').on('follow_up_contacts').column('contact_id').execute();

    await db.schema
      .createTable('tasks')
      .$call(id)
      .addColumn('title', 'varchar(200)', (c) => c.notNull())
      .addColumn('due_on', 'varchar(10)', (c) => c.notNull())
      .addColumn('due_time', 'varchar(5)')
      .addColumn('priority', 'varchar(10)', (c) => c.notNull())
      .addColumn('status', 'varchar(10)', (c) => c.notNull())
      .addColumn('assignee_id', 'integer', (c) => c.notNull())
      .addColumn('customer_id', 'integer')
      .addColumn('opportunity_id', 'integer')
      .addColumn('contract_id', 'integer')
      .addColumn('follow_up_id', 'integer')
      .addColumn('notes', 'text')
      .addColumn('recurrence', 'varchar(10)')
      // The first due date of a recurring series: months and years keep its day.
      .addColumn('recurrence_anchor', 'varchar(10)')
      // The task this one follows in its series (the next is made once, when this one is done).
      .addColumn('previous_id', 'integer')
      .addColumn('done_at', 'varchar(40)')
      .$call(withMeta)
      .execute();
    await db.schema.createIndex('tasks_assignee').on('tasks').columns(['assignee_id', 'status', 'due_on']).execute();
    await db.schema.createIndex('tasks_customer').on('tasks').columns(['customer_id', 'status']).execute();
    // One next occurrence per task, whatever runs at the same time.
    await db.schema.createIndex('tasks_one_next').on('tasks').column('previous_id').unique().where(sql.ref('previous_id'), 'is not', null).execute();

    const roles = await sql<{ id: number; key: string; permissions: string }>`select id, key, permissions from roles where built_in = 1`.execute(db);
    for (const role of roles.rows) {
      const extra = addedPermissions[role.key];
      if (!extra) continue;
      const merged = [...new Set([...(JSON.parse(role.permissions) as string[]), ...extra])];
      await sql`update roles set permissions = ${JSON.stringify(merged)} where id = ${role.id}`.execute(db);
    }
  },
};
