import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import { dedupeKeys } from '../../platform/normalize.js';

type Db = Kysely<DB> | Transaction<DB>;

export interface DedupeEntry {
  contactId: number | null;
  key: string;
}

function profileValue(json: string | null | undefined, key: string): string | null {
  if (!json) return null;
  try {
    const value = (JSON.parse(json) as Record<string, unknown>)[key];
    return typeof value === 'string' ? value : null;
  } catch {
    return null;
  }
}

/** The keys of one customer and its live contacts, from stored rows (profiles as stored JSON). */
export function keysOf(
  customer: { kind: string; name: string; phone: string | null; mobile: string | null; email: string | null; person?: string; organization?: string },
  contacts: Array<{ id: number; mobile: string | null; phone: string | null; email: string | null }>,
): DedupeEntry[] {
  const isOrganization = customer.kind === 'organization';
  const entries: DedupeEntry[] = dedupeKeys({
    name: customer.name,
    isOrganization,
    creditCode: isOrganization ? profileValue(customer.organization, 'creditCode') : null,
    idCard: isOrganization ? null : profileValue(customer.person, 'idCardNumber'),
    phones: [customer.phone, customer.mobile],
    emails: [customer.email],
  }).map((key) => ({ contactId: null, key }));
  for (const c of contacts) {
    for (const key of dedupeKeys({ phones: [c.mobile, c.phone], emails: [c.email] })) entries.push({ contactId: c.id, key });
  }
  return entries;
}

/** Replace a customer's keys with these (inside the caller's transaction). */
export async function writeDedupeKeys(db: Db, customerId: number, entries: DedupeEntry[]): Promise<void> {
  await db.deleteFrom('dedupe_keys').where('customer_id', '=', customerId).execute();
  if (entries.length === 0) return;
  await db
    .insertInto('dedupe_keys')
    .values(entries.map((e) => ({ customer_id: customerId, contact_id: e.contactId, key: e.key })))
    .execute();
}

/** Recompute a customer's keys from its stored row and live contacts. */
export async function refreshDedupeKeys(db: Db, customerId: number): Promise<void> {
  const customer = await db.selectFrom('customers').select(['kind', 'name', 'phone', 'mobile', 'email', 'person', 'organization']).where('id', '=', customerId).executeTakeFirst();
  if (!customer) {
    await db.deleteFrom('dedupe_keys').where('customer_id', '=', customerId).execute();
    return;
  }
  const contacts = await db
    .selectFrom('contacts')
    .select(['id', 'mobile', 'phone', 'email'])
    .where('customer_id', '=', customerId)
    .where('deleted_at', 'is', null)
    .execute();
  await writeDedupeKeys(db, customerId, keysOf(customer, contacts));
}

/**
 * Live customers holding any of these keys: customer id -> the keys it matched. An `a:` key is an
 * archive number (an import of an exported file carries it). The caller applies the data scope
 * to what it shows (a match outside it shows only its owner's name).
 */
export async function customersWithKeys(db: Db, keys: string[], excludeId?: number): Promise<Map<number, Set<string>>> {
  const found = new Map<number, Set<string>>();
  if (keys.length === 0) return found;
  const add = (id: number, key: string) => {
    const set = found.get(id) ?? new Set<string>();
    set.add(key);
    found.set(id, set);
  };
  const numbers = keys.filter((k) => k.startsWith('a:')).map((k) => k.slice(2));
  const stored = keys.filter((k) => !k.startsWith('a:'));
  for (let i = 0; i < numbers.length; i += 500) {
    let q = db.selectFrom('customers').select(['id', 'archive_no']).where('archive_no', 'in', numbers.slice(i, i + 500));
    if (excludeId !== undefined) q = q.where('id', '!=', excludeId);
    for (const row of await q.execute()) add(row.id, `a:${row.archive_no}`);
  }
  // Two indexed lookups rather than a join: without table statistics SQLite would drive a join
  // from customers (every live row) instead of from the few matching keys.
  for (let i = 0; i < stored.length; i += 500) {
    let q = db.selectFrom('dedupe_keys as k').select(['k.customer_id', 'k.key']).where('k.key', 'in', stored.slice(i, i + 500));
    if (excludeId !== undefined) q = q.where('k.customer_id', '!=', excludeId);
    for (const row of await q.execute()) add(row.customer_id, row.key);
  }
  const ids = [...found.keys()];
  const live = new Set<number>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db.selectFrom('customers').select('id').where('id', 'in', ids.slice(i, i + 500)).where('deleted_at', 'is', null).execute();
    for (const row of rows) live.add(row.id);
  }
  for (const id of ids) if (!live.has(id)) found.delete(id);
  return found;
}

/** Every duplicate key of these customers (their own and their live contacts'), and their archive numbers (`a:`). */
export async function keysOfCustomers(db: Db, ids: number[]): Promise<Map<number, Set<string>>> {
  const out = new Map<number, Set<string>>();
  const add = (id: number, key: string) => {
    const set = out.get(id) ?? new Set<string>();
    set.add(key);
    out.set(id, set);
  };
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    for (const row of await db.selectFrom('customers').select(['id', 'archive_no']).where('id', 'in', chunk).execute()) add(row.id, `a:${row.archive_no}`);
    for (const row of await db.selectFrom('dedupe_keys').select(['customer_id', 'key']).where('customer_id', 'in', chunk).execute()) add(row.customer_id, row.key);
  }
  return out;
}
