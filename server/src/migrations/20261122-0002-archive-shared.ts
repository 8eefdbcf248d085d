import { sql, type Kysely } from 'kysely';
import type { Engine, Migration } from './migration.js';
import { withId } from './builders.js';

/** Permissions added to the built-in roles that existed before this version. */
const addedPermissions: Record<string, string[]> = {
  administrator: ['customers.claim', 'customers.merge', 'settings.view', 'settings.edit'],
  sales_manager: ['customers.claim', 'customers.merge', 'settings.view'],
  salesperson: ['customers.claim'],
};

/**
 * What several parts of the customer archive share: columns on customers and contacts (custom
 * values, ownership dates, freshness, completeness, merges), settings, notifications and the
 * duplicate-check keys.
 */
export const archiveShared: Migration = {
  name: '20261122-0002-archive-shared',
  async up(db: Kysely<unknown>, engine: Engine) {
    const id = withId(engine);
    for (const [column, type, notNullDefault] of [
      ['custom', 'text', "'{}'"],
      ['owner_since', 'varchar(40)', null],
      ['last_followup_at', 'varchar(40)', null],
      ['last_deal_at', 'varchar(40)', null],
      ['confirmed_at', 'varchar(40)', null],
      ['completeness', 'integer', '0'],
      ['merged_into_id', 'integer', null],
    ] as const) {
      await db.schema
        .alterTable('customers')
        .addColumn(column, sql.raw(type), (c) => (notNullDefault === null ? c : c.notNull().defaultTo(sql.raw(notNullDefault))))
        .execute();
    }
    await db.schema.alterTable('contacts').addColumn('custom', 'text', (c) => c.notNull().defaultTo(sql.raw("'{}'"))).execute();
    await sql`update customers set owner_since = created_at where owner_id is not null`.execute(db);

    await db.schema
      .createTable('settings')
      .addColumn('key', 'varchar(80)', (c) => c.primaryKey())
      .addColumn('value', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('updated_at', 'varchar(40)', (c) => c.notNull())
      .addColumn('updated_by', 'integer')
      .execute();

    await db.schema
      .createTable('notifications')
      .$call(id)
      .addColumn('user_id', 'integer', (c) => c.notNull())
      .addColumn('kind', 'varchar(60)', (c) => c.notNull())
      .addColumn('params', 'text', (c) => c.notNull())
      .addColumn('entity_type', 'varchar(40)')
      .addColumn('entity_id', 'integer')
      .addColumn('created_at', 'varchar(40)', (c) => c.notNull())
      .addColumn('read_at', 'varchar(40)')
      .execute();
    await db.schema.createIndex('notifications_user').on('notifications').columns(['user_id', 'id']).execute();

    // Normalised phone / email / organisation-name keys of customers and their contacts.
    await db.schema
      .createTable('dedupe_keys')
      .$call(id)
      .addColumn('customer_id', 'integer', (c) => c.notNull())
      .addColumn('contact_id', 'integer')
      .addColumn('key', 'varchar(300)', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('dedupe_keys_key').on('dedupe_keys').columns(['key', 'customer_id']).execute();
    await db.schema.createIndex('dedupe_keys_customer').on('dedupe_keys').column('customer_id').execute();

    const roles = await sql<{ id: number; key: string; permissions: string }>`select id, key, permissions from roles where built_in = 1`.execute(db);
    for (const role of roles.rows) {
      const extra = addedPermissions[role.key];
      if (!extra) continue;
      const merged = [...new Set([...(JSON.parse(role.permissions) as string[]), ...extra])];
      await sql`update roles set permissions = ${JSON.stringify(merged)} where id = ${role.id}`.execute(db);
    }
  },
};
