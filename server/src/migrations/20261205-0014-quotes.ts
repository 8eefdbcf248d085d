import { sql, type Kysely } from 'kysely';
import { withId, withMeta } from './builders.js';
import type { Engine, Migration } from './migration.js';

/** Permissions added to the built-in roles that existed before this version. */
const addedPermissions: Record<string, string[]> = {
  administrator: ['products.view', 'products.edit', 'quotes.view', 'quotes.create', 'quotes.edit', 'quotes.delete'],
  sales_manager: ['products.view', 'products.edit', 'quotes.view', 'quotes.create', 'quotes.edit', 'quotes.delete'],
  salesperson: ['products.view', 'quotes.view', 'quotes.create', 'quotes.edit', 'quotes.delete'],
  service_agent: ['products.view', 'quotes.view'],
  marketing: ['products.view'],
  read_only: ['products.view', 'quotes.view'],
};

/**
 * Products (产品) with a category tree, price lists (价格表) and quotations (报价单) with their
 * lines and kept revisions. Money in fen (bigint), rates in basis points, quantities in
 * thousandths of a unit.
 */
export const quotes: Migration = {
  name: '20261205-0014-quotes',
  async up(db: Kysely<unknown>, engine: Engine) {
    const id = withId(engine);

    await db.schema
      .createTable('product_categories')
      .$call(id)
      .addColumn('name', 'varchar(60)', (c) => c.notNull())
      .addColumn('parent_id', 'integer')
      .$call(withMeta)
      .execute();

    await db.schema
      .createTable('products')
      .$call(id)
      .addColumn('code', 'varchar(40)', (c) => c.notNull())
      .addColumn('name', 'varchar(120)', (c) => c.notNull())
      .addColumn('category_id', 'integer')
      .addColumn('unit', 'varchar(20)', (c) => c.notNull())
      .addColumn('standard_price', 'bigint', (c) => c.notNull())
      .addColumn('cost', 'bigint')
      .addColumn('currency', 'varchar(3)', (c) => c.notNull().defaultTo('CNY'))
      .addColumn('tax_bp', 'integer', (c) => c.notNull())
      .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('description', 'text')
      // Lower-cased code and name, for substring search.
      .addColumn('search', 'text', (c) => c.notNull().defaultTo(''))
      .$call(withMeta)
      .execute();
    // Codes compare case-insensitively: P-01 and p-01 are the same product.
    await db.schema.createIndex('products_code').on('products').expression(sql`lower(code)`).unique().execute();
    await db.schema.createIndex('products_category').on('products').column('category_id').execute();

    await db.schema
      .createTable('price_lists')
      .$call(id)
      .addColumn('name', 'varchar(80)', (c) => c.notNull())
      .addColumn('customer_category', 'varchar(20)')
      .addColumn('province', 'varchar(30)')
      .addColumn('valid_from', 'varchar(10)')
      .addColumn('valid_to', 'varchar(10)')
      .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('currency', 'varchar(3)', (c) => c.notNull().defaultTo('CNY'))
      .$call(withMeta)
      .execute();

    await db.schema
      .createTable('price_list_items')
      .addColumn('price_list_id', 'integer', (c) => c.notNull())
      .addColumn('product_id', 'integer', (c) => c.notNull())
      .addColumn('price', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('price_list_items_pk', ['price_list_id', 'product_id'])
      .execute();
    await db.schema.createIndex('price_list_items_product').on('price_list_items').column('product_id').execute();

    await db.schema
      .createTable('quotes')
      .$call(id)
      .addColumn('number', 'varchar(30)', (c) => c.notNull().unique())
      .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('customer_id', 'integer', (c) => c.notNull())
      .addColumn('opportunity_id', 'integer')
      .addColumn('owner_id', 'integer', (c) => c.notNull())
      .addColumn('title', 'varchar(120)', (c) => c.notNull())
      .addColumn('status', 'varchar(20)', (c) => c.notNull())
      .addColumn('is_current', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('valid_until', 'varchar(10)', (c) => c.notNull())
      .addColumn('terms', 'text')
      .addColumn('currency', 'varchar(3)', (c) => c.notNull().defaultTo('CNY'))
      .addColumn('subtotal', 'bigint', (c) => c.notNull())
      .addColumn('tax_total', 'bigint', (c) => c.notNull())
      .addColumn('total', 'bigint', (c) => c.notNull())
      // Lower-cased number and title, for substring search.
      .addColumn('search', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('deleted_at', 'varchar(40)')
      .addColumn('deleted_by', 'integer')
      .$call(withMeta)
      .execute();
    await db.schema.createIndex('quotes_updated').on('quotes').columns(['updated_at', 'id']).execute();
    await db.schema.createIndex('quotes_owner').on('quotes').columns(['owner_id', 'updated_at']).execute();
    await db.schema.createIndex('quotes_customer').on('quotes').columns(['customer_id', 'updated_at']).execute();
    await db.schema.createIndex('quotes_opportunity').on('quotes').column('opportunity_id').execute();
    // At most one current quote per deal, whatever the code above it does.
    await db.schema
      .createIndex('quotes_one_current')
      .on('quotes')
      .column('opportunity_id')
      .unique()
      .where(sql.ref('is_current'), '=', 1)
      .execute();

    await db.schema
      .createTable('quote_lines')
      .$call(id)
      .addColumn('quote_id', 'integer', (c) => c.notNull())
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
    await db.schema.createIndex('quote_lines_quote').on('quote_lines').columns(['quote_id', 'position']).execute();

    // Each replaced revision as it was (JSON of the document), kept for good.
    await db.schema
      .createTable('quote_revisions')
      .$call(id)
      .addColumn('quote_id', 'integer', (c) => c.notNull())
      .addColumn('revision', 'integer', (c) => c.notNull())
      .addColumn('document', 'text', (c) => c.notNull())
      .addColumn('saved_at', 'varchar(40)', (c) => c.notNull())
      .addColumn('saved_by', 'integer')
      .execute();
    await db.schema.createIndex('quote_revisions_quote').on('quote_revisions').columns(['quote_id', 'revision']).unique().execute();

    const roles = await sql<{ id: number; key: string; permissions: string }>`select id, key, permissions from roles where built_in = 1`.execute(db);
    for (const role of roles.rows) {
      const extra = addedPermissions[role.key];
      if (!extra) continue;
      const merged = [...new Set([...(JSON.parse(role.permissions) as string[]), ...extra])];
      await sql`update roles set permissions = ${JSON.stringify(merged)} where id = ${role.id}`.execute(db);
    }
  },
};
