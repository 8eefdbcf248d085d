import { sql, type Kysely } from 'kysely';
import type { Engine, Migration } from './migration.js';

/** What makes an instalment count as receivable: its contract is live and signed (payableContractStatuses). */
const receivableSqlite = `(case when c.deleted_at is null and c.status in ('active', 'completed') then 1 else 0 end)`;

/**
 * Receivables at 2,000,000 payments: the aging, the overdue list and the payment list joined every
 * unpaid instalment (413,000) or every payment (2,000,000) to its contract, one wide contract row
 * per row (1.1-2.8 s a query on both engines). Now:
 * - each instalment carries its contract's customer, owner and department and whether the contract
 *   is receivable (live and signed), copied by the database itself (triggers below) on every insert
 *   and on every change of those contract columns, whichever code path makes it; the aging and the
 *   overdue list read partial indexes of the open receivable instalments alone, in group order;
 * - the contracts whose amount goes beyond their plan and their payments (the unplanned part) have
 *   a covering partial index instead of a scan of every contract;
 * - a contract counts its payments (`payment_count`, written with `received_amount` in the same
 *   transaction), so the payment list's count and sum read one index entry per live contract.
 * Existing rows are filled here.
 */
export const receivableKeys: Migration = {
  name: '20261206-0029-receivable-keys',
  async up(db: Kysely<unknown>, engine: Engine) {
    await db.schema.alterTable('payment_plans').addColumn('customer_id', 'integer', (c) => c.notNull().defaultTo(0)).execute();
    await db.schema.alterTable('payment_plans').addColumn('owner_id', 'integer', (c) => c.notNull().defaultTo(0)).execute();
    await db.schema.alterTable('payment_plans').addColumn('department_id', 'integer').execute();
    await db.schema.alterTable('payment_plans').addColumn('receivable', 'integer', (c) => c.notNull().defaultTo(0)).execute();
    await db.schema.alterTable('contracts').addColumn('payment_count', 'integer', (c) => c.notNull().defaultTo(0)).execute();

    await sql`update payment_plans set customer_id = c.customer_id, owner_id = c.owner_id, department_id = c.department_id, receivable = ${sql.raw(receivableSqlite)}
      from contracts c where c.id = payment_plans.contract_id`.execute(db);
    await sql`update contracts set payment_count = x.n from (select contract_id, count(*) as n from payments group by contract_id) x where x.contract_id = contracts.id`.execute(db);

    const open = (name: string, columns: string[]) =>
      db.schema.createIndex(name).on('payment_plans').columns(columns).where(sql<boolean>`settled_on is null and receivable = 1`).execute();
    // One per aging group, so each is summed in group order from the index alone; owner also serves the data scope.
    await open('payment_plans_receivable_owner', ['owner_id', 'due_on', 'amount', 'paid']);
    await open('payment_plans_receivable_department', ['department_id', 'due_on', 'amount', 'paid']);
    await open('payment_plans_receivable_customer', ['customer_id', 'due_on', 'amount', 'paid']);
    // The overdue list (first due first) and its count.
    await open('payment_plans_receivable_due', ['due_on', 'id', 'owner_id', 'customer_id']);
    // The contracts with an unplanned part; the status is a column, not in the condition, so that the
    // query can test it without SQLite preferring the status index (contracts_ending) over this one.
    await db.schema
      .createIndex('contracts_unplanned')
      .on('contracts')
      .columns(['owner_id', 'department_id', 'customer_id', 'status', 'amount', 'planned_amount', 'received_amount'])
      .where(sql<boolean>`amount > planned_amount and amount > received_amount and deleted_at is null`)
      .execute();
    await db.schema.createIndex('contracts_payments').on('contracts').columns(['owner_id', 'payment_count', 'received_amount']).where(sql.ref('deleted_at'), 'is', null).execute();

    if (engine === 'postgres') {
      await sql`create function payment_plans_contract_keys() returns trigger language plpgsql as $$
        begin
          select c.customer_id, c.owner_id, c.department_id, ${sql.raw(receivableSqlite)}
            into new.customer_id, new.owner_id, new.department_id, new.receivable
            from contracts c where c.id = new.contract_id;
          new.receivable := coalesce(new.receivable, 0);
          return new;
        end $$`.execute(db);
      await sql`create trigger payment_plans_contract_keys before insert or update of contract_id on payment_plans
        for each row execute function payment_plans_contract_keys()`.execute(db);
      await sql`create function contracts_receivable_keys() returns trigger language plpgsql as $$
        begin
          update payment_plans set customer_id = c.customer_id, owner_id = c.owner_id, department_id = c.department_id, receivable = ${sql.raw(receivableSqlite)}
            from contracts c where c.id = new.id and payment_plans.contract_id = new.id;
          return null;
        end $$`.execute(db);
      await sql`create trigger contracts_receivable_keys after update of customer_id, owner_id, department_id, status, deleted_at on contracts
        for each row when (old.customer_id is distinct from new.customer_id or old.owner_id is distinct from new.owner_id
          or old.department_id is distinct from new.department_id or old.status is distinct from new.status
          or (old.deleted_at is null) <> (new.deleted_at is null))
        execute function contracts_receivable_keys()`.execute(db);
      await sql`analyze payment_plans`.execute(db);
      await sql`analyze contracts`.execute(db);
      return;
    }
    const fill = (where: string) => `update payment_plans set
        customer_id = (select c.customer_id from contracts c where c.id = payment_plans.contract_id),
        owner_id = (select c.owner_id from contracts c where c.id = payment_plans.contract_id),
        department_id = (select c.department_id from contracts c where c.id = payment_plans.contract_id),
        receivable = coalesce((select ${receivableSqlite} from contracts c where c.id = payment_plans.contract_id), 0)
        where ${where};`;
    await sql`create trigger payment_plans_contract_keys after insert on payment_plans begin ${sql.raw(fill('id = new.id'))} end`.execute(db);
    await sql`create trigger payment_plans_contract_moved after update of contract_id on payment_plans begin ${sql.raw(fill('id = new.id'))} end`.execute(db);
    await sql`create trigger contracts_receivable_keys after update of customer_id, owner_id, department_id, status, deleted_at on contracts
      when old.customer_id is not new.customer_id or old.owner_id is not new.owner_id or old.department_id is not new.department_id
        or old.status is not new.status or (old.deleted_at is null) <> (new.deleted_at is null)
      begin ${sql.raw(fill('contract_id = new.id'))} end`.execute(db);
    await sql`analyze payment_plans`.execute(db);
    await sql`analyze contracts`.execute(db);
  },
};
