import { sql, type Kysely } from 'kysely';
import type { Engine, Migration } from './migration.js';
import { withId, withMeta } from './builders.js';

export const foundation: Migration = {
  name: '20261122-0001-foundation',
  async up(db: Kysely<unknown>, engine: Engine) {
    const id = withId(engine);
    await db.schema
      .createTable('counters')
      .addColumn('name', 'varchar(60)', (c) => c.primaryKey())
      .addColumn('value', 'integer', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('departments')
      .$call(id)
      .addColumn('name', 'varchar(80)', (c) => c.notNull())
      .addColumn('parent_id', 'integer', (c) => c.references('departments.id'))
      .addColumn('path', 'varchar(400)', (c) => c.notNull())
      .$call(withMeta)
      .execute();
    await db.schema.createIndex('departments_parent').on('departments').column('parent_id').execute();
    await db.schema.createIndex('departments_path').on('departments').column('path').execute();

    await db.schema
      .createTable('roles')
      .$call(id)
      .addColumn('key', 'varchar(40)', (c) => c.notNull().unique())
      .addColumn('name', 'varchar(60)', (c) => c.notNull())
      .addColumn('description', 'varchar(500)')
      .addColumn('built_in', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('permissions', 'text', (c) => c.notNull())
      .addColumn('data_scope', 'varchar(20)', (c) => c.notNull())
      .$call(withMeta)
      .execute();

    await db.schema
      .createTable('users')
      .$call(id)
      .addColumn('email', 'varchar(254)', (c) => c.notNull().unique())
      .addColumn('name', 'varchar(80)', (c) => c.notNull())
      .addColumn('mobile', 'varchar(30)')
      .addColumn('password_hash', 'varchar(300)', (c) => c.notNull())
      .addColumn('department_id', 'integer', (c) => c.references('departments.id'))
      .addColumn('role_id', 'integer', (c) => c.notNull().references('roles.id'))
      .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('locale', 'varchar(10)')
      .addColumn('last_login_at', 'varchar(40)')
      .addColumn('deleted_at', 'varchar(40)')
      .$call(withMeta)
      .execute();
    await db.schema.createIndex('users_department').on('users').column('department_id').execute();
    await db.schema.createIndex('users_role').on('users').column('role_id').execute();

    await db.schema
      .createTable('sessions')
      .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
      .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('created_at', 'varchar(40)', (c) => c.notNull())
      .addColumn('expires_at', 'varchar(40)', (c) => c.notNull())
      .addColumn('ip', 'varchar(64)')
      .addColumn('user_agent', 'varchar(300)')
      .execute();
    await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();

    await db.schema
      .createTable('customers')
      .$call(id)
      .addColumn('archive_no', 'varchar(20)', (c) => c.notNull().unique())
      .addColumn('kind', 'varchar(20)', (c) => c.notNull())
      .addColumn('name', 'varchar(120)', (c) => c.notNull())
      .addColumn('category', 'varchar(20)', (c) => c.notNull())
      .addColumn('status', 'varchar(20)', (c) => c.notNull())
      .addColumn('lifecycle_stage', 'varchar(20)', (c) => c.notNull())
      .addColumn('owner_id', 'integer', (c) => c.references('users.id'))
      .addColumn('industry', 'varchar(60)')
      .addColumn('province', 'varchar(30)')
      .addColumn('city', 'varchar(30)')
      .addColumn('district', 'varchar(30)')
      .addColumn('address', 'varchar(200)')
      .addColumn('phone', 'varchar(30)')
      .addColumn('mobile', 'varchar(30)')
      .addColumn('email', 'varchar(254)')
      .addColumn('website', 'varchar(200)')
      .addColumn('source', 'varchar(60)')
      .addColumn('tags', 'text', (c) => c.notNull())
      .addColumn('notes', 'text')
      .addColumn('person', 'text', (c) => c.notNull())
      .addColumn('organization', 'text', (c) => c.notNull())
      .addColumn('search_key', 'text', (c) => c.notNull())
      .addColumn('contact_count', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('contact_terms', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('deleted_at', 'varchar(40)')
      .addColumn('deleted_by', 'integer')
      .$call(withMeta)
      .execute();
    // Partial indexes over live rows: the list pages never read deleted ones.
    const live = sql<boolean>`deleted_at is null`;
    await db.schema.createIndex('customers_live_updated').on('customers').columns(['updated_at', 'id']).where(live).execute();
    await db.schema.createIndex('customers_live_owner_updated').on('customers').columns(['owner_id', 'updated_at']).where(live).execute();
    await db.schema.createIndex('customers_live_created').on('customers').column('created_at').where(live).execute();
    await db.schema.createIndex('customers_live_name').on('customers').column('name').where(live).execute();
    await db.schema.createIndex('customers_live_status').on('customers').columns(['status', 'updated_at']).where(live).execute();
    await db.schema.createIndex('customers_deleted').on('customers').column('deleted_at').execute();

    await db.schema
      .createTable('contacts')
      .$call(id)
      .addColumn('customer_id', 'integer', (c) => c.notNull().references('customers.id').onDelete('cascade'))
      .addColumn('name', 'varchar(60)', (c) => c.notNull())
      .addColumn('title', 'varchar(60)')
      .addColumn('department', 'varchar(60)')
      .addColumn('mobile', 'varchar(30)')
      .addColumn('phone', 'varchar(30)')
      .addColumn('email', 'varchar(254)')
      .addColumn('wechat', 'varchar(60)')
      .addColumn('birthday', 'varchar(10)')
      .addColumn('is_primary', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('notes', 'text')
      .addColumn('deleted_at', 'varchar(40)')
      .addColumn('deleted_by', 'integer')
      .$call(withMeta)
      .execute();
    await db.schema.createIndex('contacts_customer').on('contacts').column('customer_id').execute();
    await db.schema.createIndex('contacts_live_updated').on('contacts').column('updated_at').where(live).execute();
    await db.schema.createIndex('contacts_deleted').on('contacts').column('deleted_at').execute();

    if (engine === 'postgres') {
      await db.schema
        .createTable('customer_search')
        .addColumn('customer_id', 'integer', (c) => c.primaryKey().references('customers.id').onDelete('cascade'))
        .addColumn('grams', sql`text[]`, (c) => c.notNull())
        .execute();
      await sql`create index customer_search_grams on customer_search using gin (grams)`.execute(db);
    } else {
      // Contentless FTS5 over our own bigram/trigram tokens: substring search for Chinese and Latin.
      await sql`create virtual table customer_search using fts5(grams, content='', contentless_delete=1, detail=none, tokenize='unicode61 remove_diacritics 0')`.execute(db);
    }

    await db.schema
      .createTable('change_log')
      .$call(id)
      .addColumn('entity_type', 'varchar(20)', (c) => c.notNull())
      .addColumn('entity_id', 'integer', (c) => c.notNull())
      .addColumn('customer_id', 'integer')
      .addColumn('action', 'varchar(20)', (c) => c.notNull())
      .addColumn('actor_id', 'integer')
      .addColumn('at', 'varchar(40)', (c) => c.notNull())
      .addColumn('label', 'varchar(120)')
      .addColumn('changes', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('change_log_entity').on('change_log').columns(['entity_type', 'entity_id', 'id']).execute();
    await db.schema.createIndex('change_log_customer').on('change_log').columns(['customer_id', 'id']).execute();
  },
};
