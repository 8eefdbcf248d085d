import { sql, type Kysely } from 'kysely';
import { withId, withMeta } from './builders.js';
import type { Engine, Migration } from './migration.js';

/** Permissions added to the built-in roles that existed before this version. */
const addedPermissions: Record<string, string[]> = {
  administrator: ['contracts.view', 'contracts.create', 'contracts.edit', 'contracts.delete'],
  sales_manager: ['contracts.view', 'contracts.create', 'contracts.edit', 'contracts.delete'],
  salesperson: ['contracts.view', 'contracts.create', 'contracts.edit', 'contracts.delete'],
  service_agent: ['contracts.view'],
  read_only: ['contracts.view'],
};

/**
 * Contracts and orders (合同/订单) with their lines and contacts; the customer's transaction
 * figures (first deal, deal count and total: last_deal_at exists already); the signed scan as an
 * attachment of a contract. Money in fen (bigint), rates in basis points, quantities in
 * thousandths of a unit.
 */
export const contracts: Migration = {
  name: '20261205-0015-contracts',
  async up(db: Kysely<unknown>, engine: Engine) {
    const id = withId(engine);

    await db.schema
      .createTable('contracts')
      .$call(id)
      .addColumn('number', 'varchar(40)', (c) => c.notNull())
      .addColumn('kind', 'varchar(20)', (c) => c.notNull())
      .addColumn('customer_id', 'integer', (c) => c.notNull())
      .addColumn('opportunity_id', 'integer')
      .addColumn('quote_id', 'integer')
      .addColumn('owner_id', 'integer', (c) => c.notNull())
      .addColumn('department_id', 'integer')
      .addColumn('title', 'varchar(120)', (c) => c.notNull())
      .addColumn('status', 'varchar(20)', (c) => c.notNull())
      .addColumn('signed_on', 'varchar(10)')
      .addColumn('starts_on', 'varchar(10)')
      .addColumn('ends_on', 'varchar(10)')
      .addColumn('currency', 'varchar(3)', (c) => c.notNull().defaultTo('CNY'))
      .addColumn('amount', 'bigint', (c) => c.notNull())
      .addColumn('subtotal', 'bigint')
      .addColumn('tax_total', 'bigint')
      .addColumn('notes', 'text')
      .addColumn('activated_at', 'varchar(40)')
      // The end date whose renewal notice went to the owner (one notice per contract and end date).
      .addColumn('renewal_notified_for', 'varchar(10)')
      // Lower-cased number and title, for substring search.
      .addColumn('search', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('deleted_at', 'varchar(40)')
      .addColumn('deleted_by', 'integer')
      .$call(withMeta)
      .execute();
    await db.schema.createIndex('contracts_number').on('contracts').column('number').unique().execute();
    await db.schema.createIndex('contracts_updated').on('contracts').columns(['updated_at', 'id']).execute();
    await db.schema.createIndex('contracts_owner').on('contracts').columns(['owner_id', 'updated_at']).execute();
    await db.schema.createIndex('contracts_customer').on('contracts').columns(['customer_id', 'status']).execute();
    await db.schema.createIndex('contracts_opportunity').on('contracts').column('opportunity_id').execute();
    await db.schema.createIndex('contracts_ending').on('contracts').columns(['status', 'ends_on']).execute();
    // One contract per quote, whatever the code above it does.
    await db.schema.createIndex('contracts_one_per_quote').on('contracts').column('quote_id').unique().where(sql.ref('quote_id'), 'is not', null).execute();

    await db.schema
      .createTable('contract_lines')
      .$call(id)
      .addColumn('contract_id', 'integer', (c) => c.notNull())
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('product_id', 'integer', (c) => c.notNull())
      .addColumn('product_code', 'varchar(40)', (c) => c.notNull())
      .addColumn('product_name', 'varchar(120)', (c) => c.notNull())
      .addColumn('unit', 'varchar(20)', (c) => c.notNull())
      .addColumn('quantity_milli', 'bigint', (c) => c.notNull())
      .addColumn('unit_price', 'bigint', (c) => c.notNull())
      .addColumn('price_list_id', 'integer')
      .addColumn('discount_bp', 'integer', (c) => c.notNull())
      .addColumn('tax_bp', 'integer', (c) => c.notNull())
      .addColumn('note', 'varchar(200)')
      .addColumn('net', 'bigint', (c) => c.notNull())
      .addColumn('tax', 'bigint', (c) => c.notNull())
      .addColumn('total', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('contract_lines_contract').on('contract_lines').columns(['contract_id', 'position']).execute();
    await db.schema.createIndex('contract_lines_product').on('contract_lines').column('product_id').execute();

    await db.schema
      .createTable('contract_contacts')
      .addColumn('contract_id', 'integer', (c) => c.notNull())
      .addColumn('contact_id', 'integer', (c) => c.notNull())
      .addColumn('role', 'varchar(30)', (c) => c.notNull())
      .addPrimaryKeyConstraint('contract_contacts_pk', ['contract_id', 'contact_id'])
      .execute();
    await db.schema.createIndex('contract_contacts_contact').on('contract_contacts').column('contact_id').execute();

    // The customer's transactions, written from its active and completed contracts.
    await db.schema.alterTable('customers').addColumn('first_deal_at', 'varchar(40)').execute();
    await db.schema.alterTable('customers').addColumn('deal_count', 'integer', (c) => c.notNull().defaultTo(0)).execute();
    await db.schema.alterTable('customers').addColumn('deal_total', 'bigint', (c) => c.notNull().defaultTo(0)).execute();

    // A contract's files (the signed scan) are attachments of its customer marked with the contract.
    await db.schema.alterTable('attachments').addColumn('contract_id', 'integer').execute();
    await db.schema.createIndex('attachments_contract').on('attachments').column('contract_id').execute();

    const roles = await sql<{ id: number; key: string; permissions: string }>`select id, key, permissions from roles where built_in = 1`.execute(db);
    for (const role of roles.rows) {
      const extra = addedPermissions[role.key];
      if (!extra) continue;
      const merged = [...new Set([...(JSON.parse(role.permissions) as string[]), ...extra])];
      await sql`update roles set permissions = ${JSON.stringify(merged)} where id = ${role.id}`.execute(db);
    }
  },
};
