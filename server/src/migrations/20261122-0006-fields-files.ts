import type { Kysely } from 'kysely';
import type { Engine, Migration } from './migration.js';
import { withId, withMeta } from './builders.js';

/** Administrators' custom fields of customers and contacts, and files attached to them. */
export const fieldsFiles: Migration = {
  name: '20261122-0006-fields-files',
  async up(db: Kysely<unknown>, engine: Engine) {
    const id = withId(engine);
    await db.schema
      .createTable('custom_fields')
      .$call(id)
      .addColumn('entity', 'varchar(20)', (c) => c.notNull())
      .addColumn('key', 'varchar(40)', (c) => c.notNull())
      .addColumn('type', 'varchar(20)', (c) => c.notNull())
      .addColumn('label_zh', 'varchar(60)', (c) => c.notNull())
      .addColumn('label_en', 'varchar(60)', (c) => c.notNull())
      // Select options as JSON: [{value, labelZh, labelEn}].
      .addColumn('options', 'text', (c) => c.notNull())
      .addColumn('required', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
      // A "deleted" field is deactivated: the values stored under its key are kept.
      .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('meta', 'text', (c) => c.notNull())
      .$call(withMeta)
      .execute();
    // Keys are unique per entity, deactivated fields included (their values are still stored).
    await db.schema.createIndex('custom_fields_entity_key').on('custom_fields').columns(['entity', 'key']).unique().execute();

    await db.schema
      .createTable('attachments')
      .$call(id)
      .addColumn('customer_id', 'integer', (c) => c.notNull())
      .addColumn('contact_id', 'integer')
      .addColumn('file_name', 'varchar(255)', (c) => c.notNull())
      .addColumn('mime', 'varchar(100)', (c) => c.notNull())
      .addColumn('size', 'integer', (c) => c.notNull())
      .addColumn('sha256', 'varchar(64)', (c) => c.notNull())
      // Path under `${dataDir}/attachments`, e.g. `2026/11/<random>`.
      .addColumn('storage_key', 'varchar(200)', (c) => c.notNull())
      .addColumn('created_by', 'integer')
      .addColumn('created_at', 'varchar(40)', (c) => c.notNull())
      .addColumn('deleted_at', 'varchar(40)')
      .addColumn('deleted_by', 'integer')
      .execute();
    await db.schema.createIndex('attachments_customer').on('attachments').columns(['customer_id', 'id']).execute();
    await db.schema.createIndex('attachments_contact').on('attachments').column('contact_id').execute();
  },
};
