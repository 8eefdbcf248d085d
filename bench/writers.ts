import SQLite from 'better-sqlite3';
import pg from 'pg';
import type { CustomerRow } from '../server/src/modules/customers/customers.repository.js';
import type { GeneratedCustomer, NewContact } from './dataset.js';

/** Writes generated customers straight into the tables, the way the server would have left them. */
export interface BulkWriter {
  write(batch: GeneratedCustomer[]): Promise<void>;
  /** Archive number counter, statistics; then release the connection. */
  finish(customers: number): Promise<void>;
}

const customerColumns = [
  'id', 'archive_no', 'kind', 'name', 'category', 'status', 'lifecycle_stage', 'owner_id', 'industry', 'province', 'city',
  'district', 'address', 'phone', 'mobile', 'email', 'website', 'source', 'tags', 'notes', 'person', 'organization',
  'search_key', 'contact_count', 'contact_terms', 'deleted_at', 'deleted_by', 'version', 'created_at', 'updated_at',
  'created_by', 'updated_by', 'phone_e164', 'mobile_e164', 'owner_since', 'last_followup_at', 'next_followup_on',
] as const satisfies ReadonlyArray<keyof CustomerRow>;

type ContactColumn = keyof NewContact | 'customer_id';
const contactColumns = [
  'customer_id', 'name', 'title', 'department', 'mobile', 'phone', 'email', 'wechat', 'birthday', 'is_primary', 'notes',
  'deleted_at', 'deleted_by', 'version', 'created_at', 'updated_at', 'created_by', 'updated_by', 'mobile_e164', 'phone_e164', 'search_key',
] as const satisfies ReadonlyArray<ContactColumn>;

/** The live-customer count the server keeps in `counters` (customers.repository.ts, `live_customers`). */
const liveCounterSql = `insert into counters (name, value) select 'live_customers', count(*) from customers where deleted_at is null
  on conflict (name) do update set value = excluded.value`;

const integerColumns = new Set<string>(['id', 'customer_id', 'owner_id', 'contact_count', 'deleted_by', 'version', 'created_by', 'updated_by', 'is_primary']);

/** SQLite: prepared statements in one transaction per batch; durability is off while seeding only. */
export function sqliteWriter(file: string): BulkWriter {
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = OFF');
  sqlite.pragma('cache_size = -1048576');
  sqlite.pragma('temp_store = MEMORY');
  const named = (cols: readonly string[]) => cols.map((c) => `@${c}`).join(', ');
  const customer = sqlite.prepare(`insert into customers (${customerColumns.join(', ')}) values (${named(customerColumns)})`);
  const contact = sqlite.prepare(`insert into contacts (${contactColumns.join(', ')}) values (${named(contactColumns)})`);
  const grams = sqlite.prepare('insert into customer_search (rowid, grams) values (?, ?)');
  const key = sqlite.prepare('insert into dedupe_keys (customer_id, contact_id, key) values (?, null, ?)');
  const writeBatch = sqlite.transaction((batch: GeneratedCustomer[]) => {
    for (const c of batch) {
      customer.run(c.row);
      for (const k of c.contacts) contact.run({ ...k, customer_id: c.row.id });
      grams.run(c.row.id, c.grams.join(' '));
      for (const k of c.keys) key.run(c.row.id, k);
    }
  });
  return {
    async write(batch) {
      writeBatch(batch);
    },
    async finish(customers) {
      sqlite
        .prepare(`insert into counters (name, value) values ('customer_archive_no', ?) on conflict (name) do update set value = excluded.value`)
        .run(customers);
      sqlite.exec(liveCounterSql);
      sqlite.exec('analyze');
      sqlite.pragma('wal_checkpoint(TRUNCATE)');
      sqlite.close();
    },
  };
}

function columnArrays<T extends object>(rows: readonly T[], columns: readonly string[]): unknown[] {
  return columns.map((col) => rows.map((r) => (r as Record<string, unknown>)[col] ?? null));
}

function unnestInsert(table: string, columns: readonly string[]): string {
  const args = columns.map((c, i) => `$${i + 1}::${integerColumns.has(c) ? 'int' : 'text'}[]`).join(', ');
  return `insert into ${table} (${columns.join(', ')}) select * from unnest(${args})`;
}

/** PostgreSQL: one INSERT … SELECT FROM unnest(arrays) per table and batch, asynchronous commit while seeding. */
export async function postgresWriter(databaseUrl: string): Promise<BulkWriter> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  await client.query('set synchronous_commit = off');
  const customerSql = unnestInsert('customers', customerColumns);
  const contactSql = unnestInsert('contacts', contactColumns);
  // Grams are letters and digits only, so a space-joined string splits back exactly.
  const gramsSql = `insert into customer_search (customer_id, grams) select id, string_to_array(g, ' ') from unnest($1::int[], $2::text[]) as t(id, g)`;
  const keysSql = 'insert into dedupe_keys (customer_id, contact_id, key) select id, null, k from unnest($1::int[], $2::text[]) as t(id, k)';
  return {
    async write(batch) {
      const contacts = batch.flatMap((c) => c.contacts.map((k) => ({ ...k, customer_id: c.row.id })));
      await client.query('begin');
      await client.query(customerSql, columnArrays(batch.map((c) => c.row), customerColumns));
      if (contacts.length > 0) await client.query(contactSql, columnArrays(contacts, contactColumns));
      await client.query(gramsSql, [batch.map((c) => c.row.id), batch.map((c) => c.grams.join(' '))]);
      const keys = batch.flatMap((c) => c.keys.map((k) => [c.row.id, k] as const));
      await client.query(keysSql, [keys.map((k) => k[0]), keys.map((k) => k[1])]);
      await client.query('commit');
    },
    async finish(customers) {
      await client.query(`select setval(pg_get_serial_sequence('customers', 'id'), $1)`, [customers]);
      await client.query(
        `insert into counters (name, value) values ('customer_archive_no', $1) on conflict (name) do update set value = excluded.value`,
        [customers],
      );
      await client.query(liveCounterSql);
      await client.query('vacuum analyze');
      await client.end();
    },
  };
}
