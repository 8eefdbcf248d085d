import { isUnscoped, type Scope } from '../../platform/auth/scope.js';
import { type Kysely, type Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.js';

type Db = Kysely<DB> | Transaction<DB>;

/** The scopes of the three kinds of record; null = everything, false = the kind is not listed. */
export interface PhoneScopes {
  customers: Scope | false;
  contacts: Scope | false;
  leads: Scope | false;
}

export type UnreadablePhoneRow = {
  record_type: 'customer' | 'contact' | 'lead';
  record_id: number;
  name: string;
  customer_id: number | null;
  customer_name: string | null;
  archive_no: string | null;
  field: 'phone' | 'mobile';
  value: string;
};

type Part = {
  count: () => Promise<number>;
  page: (limit: number, offset: number) => Promise<UnreadablePhoneRow[]>;
};

/**
 * One query per record kind and field: live records whose number was typed but has no E.164 form
 * (it could not be read), within the scope. `c` is the customer, `k` the contact, `l` the lead.
 */
function parts(db: Db, scopes: PhoneScopes): Part[] {
  const out: Part[] = [];
  for (const field of ['phone', 'mobile'] as const) {
    const e164 = `${field}_e164` as const;
    const customers = scopes.customers;
    if (customers !== false) {
      const q = () => {
        const base = db.selectFrom('customers as c').where('c.deleted_at', 'is', null).where(`c.${field}`, 'is not', null).where(`c.${e164}`, 'is', null);
        return isUnscoped(customers) ? base : base.where(customers);
      };
      out.push({
        count: async () => Number((await q().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n),
        page: async (limit, offset) =>
          (await q().select(['c.id', 'c.name', 'c.archive_no', `c.${field} as value`]).orderBy('c.id').limit(limit).offset(offset).execute()).map((r) => ({
            record_type: 'customer', record_id: r.id, name: r.name, customer_id: r.id, customer_name: r.name, archive_no: r.archive_no, field, value: r.value ?? '',
          })),
      });
    }
    const contacts = scopes.contacts;
    if (contacts !== false) {
      const q = () => {
        const base = db
          .selectFrom('contacts as k')
          .innerJoin('customers as c', 'c.id', 'k.customer_id')
          .where('k.deleted_at', 'is', null)
          .where('c.deleted_at', 'is', null)
          .where(`k.${field}`, 'is not', null)
          .where(`k.${e164}`, 'is', null);
        return isUnscoped(contacts) ? base : base.where(contacts);
      };
      out.push({
        count: async () => Number((await q().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n),
        page: async (limit, offset) =>
          (await q().select(['k.id', 'k.name', 'c.id as customer_id', 'c.name as customer_name', 'c.archive_no', `k.${field} as value`]).orderBy('k.id').limit(limit).offset(offset).execute()).map((r) => ({
            record_type: 'contact', record_id: r.id, name: r.name, customer_id: r.customer_id, customer_name: r.customer_name, archive_no: r.archive_no, field, value: r.value ?? '',
          })),
      });
    }
    const leads = scopes.leads;
    if (leads !== false) {
      const q = () => {
        const base = db.selectFrom('leads as l').where('l.deleted_at', 'is', null).where(`l.${field}`, 'is not', null).where(`l.${e164}`, 'is', null);
        return isUnscoped(leads) ? base : base.where(leads);
      };
      out.push({
        count: async () => Number((await q().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n),
        page: async (limit, offset) =>
          (await q().select(['l.id', 'l.name', `l.${field} as value`]).orderBy('l.id').limit(limit).offset(offset).execute()).map((r) => ({
            record_type: 'lead', record_id: r.id, name: r.name, customer_id: null, customer_name: null, archive_no: null, field, value: r.value ?? '',
          })),
      });
    }
  }
  return out;
}

/** A page of numbers that cannot be read (phones of customers, contacts and leads, then their mobiles), and how many there are. */
export async function unreadablePhones(db: Db, scopes: PhoneScopes, limit: number, offset: number): Promise<{ rows: UnreadablePhoneRow[]; total: number }> {
  const all = parts(db, scopes);
  const counts = [];
  for (const part of all) counts.push(await part.count());
  const rows: UnreadablePhoneRow[] = [];
  let skip = offset;
  for (const [i, part] of all.entries()) {
    const n = counts[i] ?? 0;
    if (rows.length >= limit) break;
    if (skip >= n) {
      skip -= n;
      continue;
    }
    rows.push(...(await part.page(limit - rows.length, skip)));
    skip = 0;
  }
  return { rows, total: counts.reduce((a, b) => a + b, 0) };
}
