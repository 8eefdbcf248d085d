import { sql, type Kysely } from 'kysely';
import type { Engine, Migration } from './migration.js';

/**
 * Revenue by month without reading every transaction of the range (issue 14: 3-14 s at 1,000,000
 * customers and 20,000,000 purchases for the administrator and a manager):
 * - revenue_months: each live customer's revenue, transaction count and previous buying month
 *   ('' for its first) per month it bought in, with its owner (0 for the public pool);
 * - revenue_rollup: the same summed by owner, month and previous buying month. A range's distinct
 *   buyers are its rows whose previous month falls before the range;
 * - revenue_dirty: the customers whose transactions, owner or deletion changed since the last fold,
 *   written by the triggers below whichever code path makes the change (a contract signed,
 *   cancelled, moved or deleted, a purchase imported or erased, a transfer, a merge...). Readers
 *   take those customers' stored figures out and count them again from their transactions; a job
 *   folds them in. PostgreSQL stamps each mark from a sequence, so that the fold removes only the
 *   marks it read (a mark made again meanwhile stays).
 * Every customer that has a transaction starts marked: the first fold builds the tables.
 */
export const revenueMonths: Migration = {
  name: '20261207-0042-revenue-months',
  async up(db: Kysely<unknown>, engine: Engine) {
    await db.schema
      .createTable('revenue_months')
      .addColumn('customer_id', 'integer', (c) => c.notNull())
      .addColumn('month', 'varchar(7)', (c) => c.notNull())
      .addColumn('owner_id', 'integer', (c) => c.notNull())
      .addColumn('revenue', 'bigint', (c) => c.notNull())
      .addColumn('purchases', 'integer', (c) => c.notNull())
      .addColumn('prev_month', 'varchar(7)', (c) => c.notNull())
      .addPrimaryKeyConstraint('revenue_months_pk', ['customer_id', 'month'])
      .execute();
    // A month's buyers, read from the index alone (the drill-down keeps the page's top revenues as
    // it reads). In customer order, like the fold's chunks: an index in revenue order took each
    // chunk's rows at random places, and the first fold of a million customers wrote 14 GB of WAL.
    await sql`create index revenue_months_month on revenue_months (month, customer_id, owner_id, revenue, purchases)`.execute(db);
    await db.schema
      .createTable('revenue_rollup')
      .addColumn('owner_id', 'integer', (c) => c.notNull())
      .addColumn('month', 'varchar(7)', (c) => c.notNull())
      .addColumn('prev_month', 'varchar(7)', (c) => c.notNull())
      .addColumn('revenue', 'bigint', (c) => c.notNull())
      .addColumn('buyers', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('revenue_rollup_pk', ['owner_id', 'month', 'prev_month'])
      .execute();
    if (engine === 'postgres') {
      await sql`create sequence revenue_dirty_seq`.execute(db);
      await sql`create table revenue_dirty (customer_id integer primary key, seq bigint not null default nextval('revenue_dirty_seq'))`.execute(db);
    } else {
      // One writer at a time: the mark needs no number (it stays 0).
      await sql`create table revenue_dirty (customer_id integer primary key, seq integer not null default 0)`.execute(db);
    }
    await sql`insert into revenue_dirty (customer_id) select customer_id from purchase_history union select customer_id from contracts`.execute(db);

    // What a change of each table must mark: the columns read, and the customer (or customers) named.
    const contractsChanged = (d: string) =>
      ['customer_id', 'status', 'amount', 'signed_on'].map((col) => `o.${col} ${d} n.${col}`).join(' or ') + ' or (o.deleted_at is null) <> (n.deleted_at is null)';
    const purchasesChanged = (d: string) => ['customer_id', 'purchased_on', 'amount'].map((col) => `o.${col} ${d} n.${col}`).join(' or ');
    const customersChanged = (d: string) => `o.owner_id ${d} n.owner_id or (o.deleted_at is null) <> (n.deleted_at is null)`;
    // The same test in a row trigger, over its old and new records.
    const rowChanged = (changed: (d: string) => string) =>
      changed(engine === 'postgres' ? 'is distinct from' : 'is not').replaceAll('o.', 'old.').replaceAll('n.', 'new.');
    // A customer moved or deleted is marked only if it has bought (a mass transfer of prospects marks nothing).
    const hasBought = (id: string) =>
      `exists (select 1 from revenue_months rm where rm.customer_id = ${id}) or exists (select 1 from purchase_history ph where ph.customer_id = ${id}) or exists (select 1 from contracts ct where ct.customer_id = ${id})`;

    if (engine === 'postgres') {
      const upsert = `on conflict (customer_id) do update set seq = excluded.seq;`;
      // Purchases come by the thousand (an import, a merge): a statement trigger marks each customer once.
      const markAll = (rows: string) => `insert into revenue_dirty (customer_id, seq)
          select x.customer_id, nextval('revenue_dirty_seq') from (select distinct customer_id from ${rows}) x order by x.customer_id ${upsert}`;
      const markOne = (id: string) => `insert into revenue_dirty (customer_id, seq) values (${id}, nextval('revenue_dirty_seq')) ${upsert}`;
      const define = async (name: string, body: string) => {
        await sql`create function ${sql.raw(name)}() returns trigger language plpgsql as $$ begin ${sql.raw(body)} return null; end $$`.execute(db);
      };
      await define('revenue_dirty_purchases_inserted', markAll('n'));
      await define('revenue_dirty_purchases_deleted', markAll('o'));
      await sql`create trigger revenue_dirty_purchase_history_insert after insert on purchase_history referencing new table as n
        for each statement execute function revenue_dirty_purchases_inserted()`.execute(db);
      await sql`create trigger revenue_dirty_purchase_history_delete after delete on purchase_history referencing old table as o
        for each statement execute function revenue_dirty_purchases_deleted()`.execute(db);
      // The rest one row at a time, and only when a column read changes (a payment recorded on a contract marks nothing).
      await define(
        'revenue_dirty_mark_row',
        `if tg_op in ('UPDATE', 'DELETE') then ${markOne('old.customer_id')} end if;
         if tg_op in ('UPDATE', 'INSERT') and (tg_op = 'INSERT' or new.customer_id is distinct from old.customer_id) then ${markOne('new.customer_id')} end if;`,
      );
      await sql`create trigger revenue_dirty_purchase_history_update after update of customer_id, purchased_on, amount on purchase_history
        for each row when (${sql.raw(rowChanged(purchasesChanged))}) execute function revenue_dirty_mark_row()`.execute(db);
      await sql`create trigger revenue_dirty_contracts_insert_delete after insert or delete on contracts for each row execute function revenue_dirty_mark_row()`.execute(db);
      await sql`create trigger revenue_dirty_contracts_update after update of customer_id, status, amount, signed_on, deleted_at on contracts
        for each row when (${sql.raw(rowChanged(contractsChanged))}) execute function revenue_dirty_mark_row()`.execute(db);
      await define(
        'revenue_dirty_customer_row',
        `if tg_op = 'DELETE' then
           if ${hasBought('old.id')} then ${markOne('old.id')} end if;
         elsif ${hasBought('new.id')} then ${markOne('new.id')} end if;`,
      );
      await sql`create trigger revenue_dirty_customers_update after update of owner_id, deleted_at on customers
        for each row when (${sql.raw(rowChanged(customersChanged))}) execute function revenue_dirty_customer_row()`.execute(db);
      await sql`create trigger revenue_dirty_customers_delete after delete on customers for each row execute function revenue_dirty_customer_row()`.execute(db);
      return;
    }
    // SQLite: one writer, so a plain mark; row triggers, each change of a watched column.
    const mark = (id: string) => `insert or ignore into revenue_dirty (customer_id) values (${id});`;
    for (const [table, changed, columns] of [
      ['purchase_history', purchasesChanged, 'customer_id, purchased_on, amount'],
      ['contracts', contractsChanged, 'customer_id, status, amount, signed_on, deleted_at'],
    ] as const) {
      await sql`create trigger ${sql.raw(`revenue_dirty_${table}_insert`)} after insert on ${sql.raw(table)} begin ${sql.raw(mark('new.customer_id'))} end`.execute(db);
      await sql`create trigger ${sql.raw(`revenue_dirty_${table}_delete`)} after delete on ${sql.raw(table)} begin ${sql.raw(mark('old.customer_id'))} end`.execute(db);
      await sql`create trigger ${sql.raw(`revenue_dirty_${table}_update`)} after update of ${sql.raw(columns)} on ${sql.raw(table)}
        when ${sql.raw(rowChanged(changed))}
        begin ${sql.raw(mark('old.customer_id'))} ${sql.raw(mark('new.customer_id'))} end`.execute(db);
    }
    await sql`create trigger revenue_dirty_customers_update after update of owner_id, deleted_at on customers
      when (${sql.raw(rowChanged(customersChanged))}) and (${sql.raw(hasBought('new.id'))})
      begin ${sql.raw(mark('new.id'))} end`.execute(db);
    await sql`create trigger revenue_dirty_customers_delete after delete on customers when ${sql.raw(hasBought('old.id'))}
      begin ${sql.raw(mark('old.id'))} end`.execute(db);
  },
};
