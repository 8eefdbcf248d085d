import { sql, type Kysely } from 'kysely';
import { withId, withMeta } from './builders.js';
import type { Engine, Migration } from './migration.js';

/** Permissions added to the built-in roles that existed before this version. */
const addedPermissions: Record<string, string[]> = {
  administrator: ['approvals.view', 'approvals.admin'],
  sales_manager: ['approvals.view'],
  salesperson: ['approvals.view'],
  service_agent: ['approvals.view'],
  read_only: ['approvals.view'],
};

/**
 * Approvals (审批): the flows an administrator defines (conditions and steps as JSON), the
 * requests made when a record needs approval (what the record was, snapshotted), and each
 * request's steps with their approver and decision. At most one pending request per record.
 */
export const approvals: Migration = {
  name: '20261205-0016-approvals',
  async up(db: Kysely<unknown>, engine: Engine) {
    const id = withId(engine);

    await db.schema
      .createTable('approval_flows')
      .$call(id)
      .addColumn('name', 'varchar(80)', (c) => c.notNull())
      .addColumn('record_type', 'varchar(30)', (c) => c.notNull())
      .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('priority', 'integer', (c) => c.notNull().defaultTo(100))
      .addColumn('match', 'varchar(5)', (c) => c.notNull().defaultTo('any'))
      // JSON arrays: [{ kind, ... }].
      .addColumn('conditions', 'text', (c) => c.notNull())
      .addColumn('steps', 'text', (c) => c.notNull())
      .$call(withMeta)
      .execute();
    await db.schema.createIndex('approval_flows_type').on('approval_flows').columns(['record_type', 'priority']).execute();

    await db.schema
      .createTable('approval_requests')
      .$call(id)
      .addColumn('record_type', 'varchar(30)', (c) => c.notNull())
      .addColumn('record_id', 'integer', (c) => c.notNull())
      .addColumn('flow_id', 'integer', (c) => c.notNull())
      .addColumn('flow_name', 'varchar(80)', (c) => c.notNull())
      .addColumn('status', 'varchar(20)', (c) => c.notNull())
      .addColumn('current_step', 'integer')
      .addColumn('record_number', 'varchar(40)', (c) => c.notNull())
      .addColumn('record_title', 'varchar(200)', (c) => c.notNull())
      .addColumn('customer_id', 'integer')
      .addColumn('customer_name', 'varchar(200)')
      .addColumn('amount', 'bigint', (c) => c.notNull())
      .addColumn('currency', 'varchar(3)', (c) => c.notNull().defaultTo('CNY'))
      .addColumn('owner_id', 'integer', (c) => c.notNull())
      .addColumn('submitted_by', 'integer', (c) => c.notNull())
      .addColumn('submitted_at', 'varchar(40)', (c) => c.notNull())
      .addColumn('step_started_at', 'varchar(40)')
      .addColumn('decided_at', 'varchar(40)')
      .$call(withMeta)
      .execute();
    await db.schema.createIndex('approval_requests_record').on('approval_requests').columns(['record_type', 'record_id']).execute();
    await db.schema.createIndex('approval_requests_status').on('approval_requests').columns(['status', 'submitted_at']).execute();
    await db.schema.createIndex('approval_requests_submitter').on('approval_requests').columns(['submitted_by', 'submitted_at']).execute();
    await db.schema.createIndex('approval_requests_owner').on('approval_requests').column('owner_id').execute();
    await db.schema.createIndex('approval_requests_flow').on('approval_requests').column('flow_id').execute();
    // One pending request per record, whatever two submitters do at once.
    await db.schema
      .createIndex('approval_requests_one_pending')
      .on('approval_requests')
      .columns(['record_type', 'record_id'])
      .unique()
      .where(sql.ref('status'), '=', 'pending')
      .execute();

    await db.schema
      .createTable('approval_steps')
      .$call(id)
      .addColumn('request_id', 'integer', (c) => c.notNull())
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('kind', 'varchar(10)', (c) => c.notNull())
      .addColumn('user_id', 'integer')
      .addColumn('role_id', 'integer')
      .addColumn('approver_name', 'varchar(120)')
      .addColumn('status', 'varchar(10)', (c) => c.notNull())
      .addColumn('started_at', 'varchar(40)')
      .addColumn('decided_by', 'integer')
      .addColumn('decided_at', 'varchar(40)')
      .addColumn('comment', 'text')
      .execute();
    await db.schema.createIndex('approval_steps_request').on('approval_steps').columns(['request_id', 'position']).unique().execute();
    await db.schema.createIndex('approval_steps_user').on('approval_steps').columns(['user_id', 'status']).execute();
    await db.schema.createIndex('approval_steps_role').on('approval_steps').columns(['role_id', 'status']).execute();

    const roles = await sql<{ id: number; key: string; permissions: string }>`select id, key, permissions from roles where built_in = 1`.execute(db);
    for (const role of roles.rows) {
      const extra = addedPermissions[role.key];
      if (!extra) continue;
      const merged = [...new Set([...(JSON.parse(role.permissions) as string[]), ...extra])];
      await sql`update roles set permissions = ${JSON.stringify(merged)} where id = ${role.id}`.execute(db);
    }
  },
};
