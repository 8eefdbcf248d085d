import { sql, type Kysely, type RawBuilder } from 'kysely';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import type { Migration } from './migration.js';

// Copied from contracts/src/phones.ts as it was when this migration landed (migrations are frozen).
const allowed = /^[+＋]?[0-9０-９ ()（）\-.]+(?:\s*(?:-|转|分机|ext\.?|x|#)\s*[0-9]{1,6})?$/i;
const extension = /\s*(?:-|转|分机|ext\.?|x|#)\s*([0-9]{1,6})$/i;

function valid(text: string) {
  const n = parsePhoneNumberFromString(text, 'CN');
  return n?.isValid() ? n : undefined;
}

/** The E.164 form of a stored number, or null when it cannot be read (the stored value is kept). */
function e164(value: string | null): string | null {
  const text = value?.normalize('NFKC').trim();
  if (!text || !allowed.test(text)) return null;
  const whole = valid(text);
  if (whole) return whole.number;
  const ext = extension.exec(text);
  if (!ext) return null;
  const base = valid(text.slice(0, ext.index));
  return base && base.getType() !== 'MOBILE' ? base.number : null;
}

type Table = 'customers' | 'contacts' | 'leads';
type Row = { id: number; phone: string | null; mobile: string | null; customer_id?: number; deleted_at?: string | null };

async function* batches(db: Kysely<unknown>, table: Table) {
  const extra = table === 'contacts' ? sql`, customer_id, deleted_at` : sql``;
  let lastId = 0;
  for (;;) {
    const rows = (
      await sql<Row>`select id, phone, mobile${extra} from ${sql.table(table)}
        where id > ${lastId} and (phone is not null or mobile is not null) order by id limit 1000`.execute(db)
    ).rows;
    if (rows.length === 0) return;
    lastId = rows[rows.length - 1]?.id ?? lastId;
    yield rows;
  }
}

async function insertKeys(db: Kysely<unknown>, table: 'dedupe_keys' | 'lead_keys', values: RawBuilder<unknown>[], columns: RawBuilder<unknown>): Promise<void> {
  for (let i = 0; i < values.length; i += 300) {
    await sql`insert into ${sql.table(table)} ${columns} values ${sql.join(values.slice(i, i + 300))}`.execute(db);
  }
}

/**
 * Phone numbers get their E.164 form beside what the user typed (customers' phone and mobile,
 * contacts' and leads' mobile and phone), and the phone duplicate keys (`p:`) of customers,
 * contacts and leads are rebuilt from it. A number that cannot be read keeps its stored value, gets
 * no E.164 form and no key (the data-quality page lists it).
 */
export const phoneNumbers: Migration = {
  name: '20261204-0008-phone-numbers',
  async up(db: Kysely<unknown>) {
    for (const table of ['customers', 'contacts', 'leads'] as const) {
      await db.schema.alterTable(table).addColumn('phone_e164', 'varchar(30)').execute();
      await db.schema.alterTable(table).addColumn('mobile_e164', 'varchar(30)').execute();
    }
    // The contacts list looks a number up by its E.164 form.
    await db.schema.createIndex('contacts_mobile_e164').on('contacts').column('mobile_e164').execute();
    await db.schema.createIndex('contacts_phone_e164').on('contacts').column('phone_e164').execute();
    await sql`delete from dedupe_keys where key like 'p:%'`.execute(db);
    await sql`delete from lead_keys where key like 'p:%'`.execute(db);

    for (const table of ['customers', 'contacts', 'leads'] as const) {
      for await (const rows of batches(db, table)) {
        const keys: RawBuilder<unknown>[] = [];
        const updates: RawBuilder<unknown>[] = [];
        for (const row of rows) {
          const phone = e164(row.phone);
          const mobile = e164(row.mobile);
          if (phone === null && mobile === null) continue;
          updates.push(sql`(cast(${row.id} as integer), cast(${phone} as varchar(30)), cast(${mobile} as varchar(30)))`);
          for (const number of new Set([mobile, phone])) {
            if (number === null) continue;
            const key = `p:${number}`;
            if (table === 'customers') keys.push(sql`(${row.id}, ${null}, ${key})`);
            // Only live contacts carry keys, as the contacts module keeps them.
            else if (table === 'contacts' && !row.deleted_at) keys.push(sql`(${row.customer_id ?? 0}, ${row.id}, ${key})`);
            else if (table === 'leads') keys.push(sql`(${row.id}, ${key})`);
          }
        }
        // One statement per batch (both engines know WITH ... UPDATE ... FROM).
        if (updates.length > 0) {
          await sql`with v (id, p, m) as (values ${sql.join(updates)})
            update ${sql.table(table)} set phone_e164 = v.p, mobile_e164 = v.m from v where ${sql.table(table)}.id = v.id`.execute(db);
        }
        if (table === 'leads') await insertKeys(db, 'lead_keys', keys, sql`(lead_id, key)`);
        else await insertKeys(db, 'dedupe_keys', keys, sql`(customer_id, contact_id, key)`);
      }
    }
  },
};
