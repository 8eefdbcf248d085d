import { sql, type Kysely } from 'kysely';
import type { Engine, Migration } from './migration.js';
import { withId } from './builders.js';
import { completenessOf, keysOf } from './frozen/20261122-keys-completeness.js';

type CustomerRow = {
  id: number;
  kind: string;
  name: string;
  phone: string | null;
  mobile: string | null;
  email: string | null;
  industry: string | null;
  province: string | null;
  city: string | null;
  district: string | null;
  address: string | null;
  website: string | null;
  source: string | null;
  notes: string | null;
  category: string;
  status: string;
  lifecycle_stage: string;
  tags: string;
  person: string;
  organization: string;
  custom: string;
};

/**
 * The merge record, and for the customers already stored: their duplicate-check keys (their own
 * and their live contacts') and their completeness under the default data-quality settings.
 */
export const duplicates: Migration = {
  name: '20261122-0005-duplicates',
  async up(db: Kysely<unknown>, engine: Engine) {
    await db.schema
      .createTable('customer_merges')
      .$call(withId(engine))
      .addColumn('survivor_id', 'integer', (c) => c.notNull())
      .addColumn('merged_id', 'integer', (c) => c.notNull())
      .addColumn('actor_id', 'integer')
      .addColumn('at', 'varchar(40)', (c) => c.notNull())
      .addColumn('choices', 'text', (c) => c.notNull())
      .addColumn('snapshot', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('customer_merges_survivor').on('customer_merges').column('survivor_id').execute();
    await db.schema.createIndex('customer_merges_merged').on('customer_merges').column('merged_id').execute();
    await db.schema.createIndex('customers_completeness').on('customers').columns(['completeness', 'id']).execute();

    let lastId = 0;
    for (;;) {
      const customers = (
        await sql<CustomerRow>`select id, kind, name, phone, mobile, email, industry, province, city, district, address, website,
          source, notes, category, status, lifecycle_stage, tags, person, organization, custom
          from customers where id > ${lastId} order by id limit 500`.execute(db)
      ).rows;
      if (customers.length === 0) break;
      const ids = customers.map((c) => c.id);
      lastId = ids[ids.length - 1] ?? lastId;
      const contacts = (
        await sql<{ id: number; customer_id: number; mobile: string | null; phone: string | null; email: string | null }>`
          select id, customer_id, mobile, phone, email from contacts
          where deleted_at is null and customer_id in (${sql.join(ids)})`.execute(db)
      ).rows;
      const byCustomer = new Map<number, typeof contacts>();
      for (const c of contacts) byCustomer.set(c.customer_id, [...(byCustomer.get(c.customer_id) ?? []), c]);
      await sql`delete from dedupe_keys where customer_id in (${sql.join(ids)})`.execute(db);
      const keys = customers.flatMap((c) => keysOf(c, byCustomer.get(c.id) ?? []).map((e) => ({ customerId: c.id, ...e })));
      for (let i = 0; i < keys.length; i += 300) {
        const values = keys.slice(i, i + 300).map((k) => sql`(${k.customerId}, ${k.contactId}, ${k.key})`);
        await sql`insert into dedupe_keys (customer_id, contact_id, key) values ${sql.join(values)}`.execute(db);
      }
      for (const c of customers) {
        await sql`update customers set completeness = ${completenessOf(c)} where id = ${c.id}`.execute(db);
      }
    }
  },
};
