import { sql, type Kysely } from 'kysely';
import { withId, withMeta } from './builders.js';
import type { Engine, Migration } from './migration.js';

/** Permissions added to the built-in roles that existed before this version. */
const addedPermissions: Record<string, string[]> = {
  administrator: ['targets.view', 'targets.edit'],
  sales_manager: ['targets.view', 'targets.edit'],
  salesperson: ['targets.view'],
  read_only: ['targets.view'],
};

/**
 * Sales targets (销售目标): one value per subject (a user or a department), metric and period
 * (2026-12, 2026-Q4 or 2026). Money in fen (bigint), counts as they are.
 */
export const targets: Migration = {
  name: '20261205-0017-targets',
  async up(db: Kysely<unknown>, engine: Engine) {
    await db.schema
      .createTable('sales_targets')
      .$call(withId(engine))
      .addColumn('subject_type', 'varchar(12)', (c) => c.notNull())
      .addColumn('subject_id', 'integer', (c) => c.notNull())
      .addColumn('metric', 'varchar(30)', (c) => c.notNull())
      .addColumn('period', 'varchar(7)', (c) => c.notNull())
      .addColumn('value', 'bigint', (c) => c.notNull())
      .$call(withMeta)
      .execute();
    // One value per subject, metric and period: parallel saves upsert on it.
    await db.schema.createIndex('sales_targets_key').on('sales_targets').columns(['metric', 'subject_type', 'subject_id', 'period']).unique().execute();
    await db.schema.createIndex('sales_targets_period').on('sales_targets').columns(['metric', 'period']).execute();

    const roles = await sql<{ id: number; key: string; permissions: string }>`select id, key, permissions from roles where built_in = 1`.execute(db);
    for (const role of roles.rows) {
      const extra = addedPermissions[role.key];
      if (!extra) continue;
      const merged = [...new Set([...(JSON.parse(role.permissions) as string[]), ...extra])];
      await sql`update roles set permissions = ${JSON.stringify(merged)} where id = ${role.id}`.execute(db);
    }
  },
};
