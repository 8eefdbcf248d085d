import { sql, type Kysely } from 'kysely';
import type { Engine, Migration } from './migration.js';

/**
 * The composition dashboard without reading every customer (issue 14: 1.4-3.6 s at 1,000,000
 * customers for the administrator and a manager):
 * - customer_field_counts: the live customers counted by owner (0 for the public pool) and by the
 *   value of each field the dashboard slices by (kind, category, industry, status,
 *   lifecycle_stage, province, and city as "province/city"), filled here from the customers;
 * - customer_field_deltas: +1 and -1 rows written by the database itself (the triggers below) on
 *   every insert and delete of a customer and every change of its owner, its deletion or restore,
 *   or one of those fields, whichever code path makes it. The dashboard sums both; a scheduled job
 *   folds the deltas into the counts;
 * - customers_live_owner_created: the new customers per month of an owner's customers, read from
 *   the index alone.
 */
const fields: Array<[string, string]> = [
  ['kind', "coalesce(R.kind, '')"],
  ['category', "coalesce(R.category, '')"],
  ['industry', "coalesce(R.industry, '')"],
  ['status', "coalesce(R.status, '')"],
  ['lifecycle_stage', "coalesce(R.lifecycle_stage, '')"],
  ['province', "coalesce(R.province, '')"],
  ['city', "coalesce(R.province, '') || '/' || coalesce(R.city, '')"],
];
const watched = ['owner_id', 'deleted_at', 'kind', 'category', 'industry', 'status', 'lifecycle_stage', 'province', 'city'];

/** The seven (field, key) rows of a customer's record R ('old' or 'new'), as a VALUES list. */
const valuesOf = (record: 'old' | 'new') => fields.map(([f, k]) => `('${f}', ${k.replaceAll('R.', `${record}.`)})`).join(', ');

export const customerFieldCounts: Migration = {
  name: '20261207-0040-customer-field-counts',
  async up(db: Kysely<unknown>, engine: Engine) {
    await db.schema
      .createTable('customer_field_counts')
      .addColumn('owner_id', 'integer', (c) => c.notNull())
      .addColumn('field', 'varchar(20)', (c) => c.notNull())
      .addColumn('key', 'varchar(300)', (c) => c.notNull())
      .addColumn('customers', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('customer_field_counts_pk', ['owner_id', 'field', 'key'])
      .execute();
    await db.schema
      .createTable('customer_field_deltas')
      .addColumn('id', engine === 'postgres' ? 'bigserial' : 'integer', (c) => (engine === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement()))
      .addColumn('owner_id', 'integer', (c) => c.notNull())
      .addColumn('field', 'varchar(20)', (c) => c.notNull())
      .addColumn('key', 'varchar(300)', (c) => c.notNull())
      .addColumn('delta', 'integer', (c) => c.notNull())
      .execute();
    for (const [field, key] of fields) {
      await sql`insert into customer_field_counts (owner_id, field, key, customers)
        select coalesce(c.owner_id, 0), ${field}, ${sql.raw(key.replaceAll('R.', 'c.'))}, count(*) from customers c
        where c.deleted_at is null group by coalesce(c.owner_id, 0), ${sql.raw(key.replaceAll('R.', 'c.'))}`.execute(db);
    }
    await sql`create index customers_live_owner_created on customers (owner_id, created_at) where deleted_at is null`.execute(db);
    if (engine === 'sqlite') {
      // Where the customers' indexes have statistics, the new one gets its own: one index without
      // them made SQLite sort every live customer for the list's first page (0.4-0.6 s at a million).
      const stats = await sql<{ n: number }>`select count(*) as n from sqlite_master where type = 'table' and name = 'sqlite_stat1'`.execute(db);
      const analysed = Number(stats.rows[0]?.n ?? 0) > 0 ? await sql<{ n: number }>`select count(*) as n from sqlite_stat1 where tbl = 'customers'`.execute(db) : null;
      if (analysed && Number(analysed.rows[0]?.n ?? 0) > 0) await sql`analyze customers_live_owner_created`.execute(db);
    }

    const changed = (distinct: string) =>
      watched.map((col) => (col === 'deleted_at' ? '(old.deleted_at is null) <> (new.deleted_at is null)' : `old.${col} ${distinct} new.${col}`)).join(' or ');
    if (engine === 'postgres') {
      const write = (record: 'old' | 'new', delta: number) =>
        `insert into customer_field_deltas (owner_id, field, key, delta) select coalesce(${record}.owner_id, 0), v.f, v.k, ${delta} from (values ${valuesOf(record)}) as v(f, k);`;
      await sql`create function customer_field_deltas_write() returns trigger language plpgsql as $$
        begin
          if tg_op in ('UPDATE', 'DELETE') and old.deleted_at is null then ${sql.raw(write('old', -1))} end if;
          if tg_op in ('UPDATE', 'INSERT') and new.deleted_at is null then ${sql.raw(write('new', 1))} end if;
          return null;
        end $$`.execute(db);
      await sql`create trigger customer_field_deltas_insert_delete after insert or delete on customers
        for each row execute function customer_field_deltas_write()`.execute(db);
      await sql`create trigger customer_field_deltas_update after update of ${sql.raw(watched.join(', '))} on customers
        for each row when (${sql.raw(changed('is distinct from'))}) execute function customer_field_deltas_write()`.execute(db);
      return;
    }
    const write = (record: 'old' | 'new', delta: number) =>
      `insert into customer_field_deltas (owner_id, field, key, delta) select coalesce(${record}.owner_id, 0), v.column1, v.column2, ${delta} from (values ${valuesOf(record)}) as v where ${record}.deleted_at is null;`;
    await sql`create trigger customer_field_deltas_insert after insert on customers begin ${sql.raw(write('new', 1))} end`.execute(db);
    await sql`create trigger customer_field_deltas_delete after delete on customers begin ${sql.raw(write('old', -1))} end`.execute(db);
    await sql`create trigger customer_field_deltas_update after update of ${sql.raw(watched.join(', '))} on customers
      when ${sql.raw(changed('is not'))}
      begin ${sql.raw(write('old', -1))} ${sql.raw(write('new', 1))} end`.execute(db);
  },
};
