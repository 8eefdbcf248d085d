import { sql, type Kysely } from 'kysely';
import { withId } from './builders.js';
import type { Engine, Migration } from './migration.js';

/** Permissions added to the built-in roles that existed before this version (finance is new: created at start). */
const addedPermissions: Record<string, string[]> = {
  administrator: ['receivables.view', 'receivables.edit'],
  sales_manager: ['receivables.view', 'receivables.edit'],
  salesperson: ['receivables.view', 'receivables.edit'],
  read_only: ['receivables.view'],
};

/**
 * Receivables (回款): a contract's payment plan (instalments), the payments received and the
 * invoices issued, and the contract's running sums. Payments settle instalments in due-date
 * order; `paid` and `settled_on` on an instalment are that allocation, rewritten with every change.
 * Money in fen (bigint), dates YYYY-MM-DD.
 */
export const receivables: Migration = {
  name: '20261205-0018-receivables',
  async up(db: Kysely<unknown>, engine: Engine) {
    const id = withId(engine);

    await db.schema
      .createTable('payment_plans')
      .$call(id)
      .addColumn('contract_id', 'integer', (c) => c.notNull())
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('due_on', 'varchar(10)', (c) => c.notNull())
      .addColumn('amount', 'bigint', (c) => c.notNull())
      .addColumn('paid', 'bigint', (c) => c.notNull().defaultTo(0))
      .addColumn('settled_on', 'varchar(10)')
      .addColumn('note', 'varchar(200)')
      // The due date whose overdue notice went out (one notice per instalment and due date).
      .addColumn('overdue_notified_for', 'varchar(10)')
      .addColumn('created_at', 'varchar(40)', (c) => c.notNull())
      .addColumn('created_by', 'integer')
      .execute();
    await db.schema.createIndex('payment_plans_contract').on('payment_plans').columns(['contract_id', 'position']).execute();
    // Aging and the overdue job read only unpaid instalments.
    await db.schema.createIndex('payment_plans_open').on('payment_plans').columns(['due_on', 'contract_id']).where(sql.ref('settled_on'), 'is', null).execute();

    await db.schema
      .createTable('payments')
      .$call(id)
      .addColumn('contract_id', 'integer', (c) => c.notNull())
      // The contract's customer, owner and department when the payment came: the customer's transaction.
      .addColumn('customer_id', 'integer', (c) => c.notNull())
      .addColumn('owner_id', 'integer', (c) => c.notNull())
      .addColumn('department_id', 'integer')
      .addColumn('received_on', 'varchar(10)', (c) => c.notNull())
      .addColumn('amount', 'bigint', (c) => c.notNull())
      .addColumn('currency', 'varchar(3)', (c) => c.notNull().defaultTo('CNY'))
      .addColumn('method', 'varchar(20)', (c) => c.notNull())
      .addColumn('reference', 'varchar(80)')
      .addColumn('note', 'text')
      .addColumn('created_at', 'varchar(40)', (c) => c.notNull())
      .addColumn('created_by', 'integer')
      .execute();
    await db.schema.createIndex('payments_contract').on('payments').columns(['contract_id', 'received_on']).execute();
    await db.schema.createIndex('payments_received').on('payments').columns(['received_on', 'id']).execute();
    await db.schema.createIndex('payments_owner').on('payments').columns(['owner_id', 'received_on']).execute();
    await db.schema.createIndex('payments_customer').on('payments').columns(['customer_id', 'received_on']).execute();

    await db.schema
      .createTable('invoices')
      .$call(id)
      .addColumn('contract_id', 'integer', (c) => c.notNull())
      .addColumn('customer_id', 'integer', (c) => c.notNull())
      .addColumn('number', 'varchar(40)', (c) => c.notNull())
      .addColumn('kind', 'varchar(20)', (c) => c.notNull())
      .addColumn('issued_on', 'varchar(10)', (c) => c.notNull())
      .addColumn('amount', 'bigint', (c) => c.notNull())
      .addColumn('note', 'text')
      .addColumn('created_at', 'varchar(40)', (c) => c.notNull())
      .addColumn('created_by', 'integer')
      .execute();
    await db.schema.createIndex('invoices_contract').on('invoices').columns(['contract_id', 'issued_on']).execute();

    // The contract's running sums, written with every plan, payment and invoice change.
    await db.schema.alterTable('contracts').addColumn('planned_amount', 'bigint', (c) => c.notNull().defaultTo(0)).execute();
    await db.schema.alterTable('contracts').addColumn('received_amount', 'bigint', (c) => c.notNull().defaultTo(0)).execute();
    await db.schema.alterTable('contracts').addColumn('invoiced_amount', 'bigint', (c) => c.notNull().defaultTo(0)).execute();
    await db.schema.alterTable('contracts').addColumn('plan_version', 'integer', (c) => c.notNull().defaultTo(0)).execute();
    // DSO reads the amount signed in the last 90 days.
    await db.schema.createIndex('contracts_signed').on('contracts').columns(['signed_on', 'status']).execute();

    const roles = await sql<{ id: number; key: string; permissions: string }>`select id, key, permissions from roles where built_in = 1`.execute(db);
    for (const role of roles.rows) {
      const extra = addedPermissions[role.key];
      if (!extra) continue;
      const merged = [...new Set([...(JSON.parse(role.permissions) as string[]), ...extra])];
      await sql`update roles set permissions = ${JSON.stringify(merged)} where id = ${role.id}`.execute(db);
    }
  },
};
