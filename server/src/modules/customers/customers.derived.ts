import { sql, type Kysely, type Transaction } from 'kysely';
import type { AppContext } from '../../platform/context.js';
import type { DB } from '../../platform/db/schema.js';
import { phoneSearchTerms, writeSearchIndexMany } from '../../platform/search.js';
import { keysOf } from './customers.dedupe.js';
import { searchDocument } from './customers.records.js';

type Db = Kysely<DB> | Transaction<DB>;

/** Rows per statement: four bound values each, within both engines' limits. */
const chunkSize = 500;

/** The searchable names and numbers of a customer's live contacts, one per line. */
export function contactTermsOf(contacts: Array<{ name: string; mobile: string | null; phone: string | null; email: string | null }>): string {
  return contacts
    .flatMap((c) => [c.name, ...phoneSearchTerms(c.mobile), ...phoneSearchTerms(c.phone), c.email])
    .filter((v): v is string => !!v)
    .join('\n');
}

interface Derived {
  id: number;
  contact_count: number;
  contact_terms: string;
  search_key: string;
}

/** Write the derived columns of many customers in one statement per chunk (UPDATE ... FROM VALUES). */
async function writeDerived(db: Db, engine: AppContext['engine'], rows: Derived[]): Promise<void> {
  for (let i = 0; i < rows.length; i += chunkSize) {
    const chunk = rows.slice(i, i + chunkSize);
    if (engine === 'postgres') {
      const values = sql.join(chunk.map((r) => sql`(${r.id}::integer, ${r.contact_count}::integer, ${r.contact_terms}::text, ${r.search_key}::text)`));
      await sql`update customers as c set contact_count = v.cc, contact_terms = v.ct, search_key = v.sk from (values ${values}) as v(id, cc, ct, sk) where c.id = v.id`.execute(db);
    } else {
      const values = sql.join(chunk.map((r) => sql`(${r.id}, ${r.contact_count}, ${r.contact_terms}, ${r.search_key})`));
      await sql`update customers set contact_count = v.column2, contact_terms = v.column3, search_key = v.column4 from (values ${values}) as v where customers.id = v.column1`.execute(db);
    }
  }
}

/**
 * Bring what customer records derive from themselves and their live contacts up to date: the
 * contact count and searchable contact terms, the search words (key and index) and the duplicate
 * keys. Each piece is read once for all the customers and only what differs is written, so a
 * batch that changed many customers and added their contacts ends with one call. A deleted
 * customer keeps its search entry; its contact summary and keys still follow its contacts.
 */
export async function refreshCustomers(db: Db, ctx: Pick<AppContext, 'engine'>, customerIds: Iterable<number>): Promise<void> {
  // In ascending order throughout: SQLite's FTS5 keeps a transaction's entries in memory while their
  // rowids rise and writes a segment of its index whenever one is lower than the last (measured:
  // 1,000 entries replaced in random order cost 5-10 times as much as in rowid order).
  const ids = [...new Set(customerIds)].sort((a, b) => a - b);
  for (let i = 0; i < ids.length; i += chunkSize) {
    const chunk = ids.slice(i, i + chunkSize);
    const customers = await db
      .selectFrom('customers')
      .select(['id', 'kind', 'name', 'phone', 'mobile', 'email', 'person', 'organization', 'archive_no', 'contact_count', 'contact_terms', 'search_key', 'deleted_at'])
      .where('id', 'in', chunk)
      .orderBy('id')
      .execute();
    const contacts = await db
      .selectFrom('contacts')
      .select(['id', 'customer_id', 'name', 'mobile', 'phone', 'email'])
      .where('customer_id', 'in', chunk)
      .where('deleted_at', 'is', null)
      .orderBy('id')
      .execute();
    const stored = await db.selectFrom('dedupe_keys').select(['id', 'customer_id', 'contact_id', 'key']).where('customer_id', 'in', chunk).execute();
    const contactsOf = new Map<number, typeof contacts>();
    for (const c of contacts) contactsOf.set(c.customer_id, [...(contactsOf.get(c.customer_id) ?? []), c]);

    const derived: Derived[] = [];
    const searched: Array<{ customerId: number; grams: string[] }> = [];
    const entry = (customerId: number, contactId: number | null, key: string) => `${customerId}|${contactId ?? ''}|${key}`;
    const wanted = new Map<string, { customer_id: number; contact_id: number | null; key: string }>();
    for (const row of customers) {
      const theirs = contactsOf.get(row.id) ?? [];
      const contactTerms = contactTermsOf(theirs);
      const doc = row.deleted_at === null ? searchDocument({ ...row, contact_terms: contactTerms }) : null;
      const searchKey = doc?.key ?? row.search_key;
      if (row.contact_count !== theirs.length || row.contact_terms !== contactTerms || row.search_key !== searchKey) {
        derived.push({ id: row.id, contact_count: theirs.length, contact_terms: contactTerms, search_key: searchKey });
      }
      if (doc && doc.key !== row.search_key) searched.push({ customerId: row.id, grams: doc.grams });
      for (const e of keysOf(row, theirs)) wanted.set(entry(row.id, e.contactId, e.key), { customer_id: row.id, contact_id: e.contactId, key: e.key });
    }
    // Keys of a customer row gone altogether go too.
    const stale: number[] = [];
    for (const s of stored) {
      const k = entry(s.customer_id, s.contact_id, s.key);
      if (wanted.has(k)) wanted.delete(k);
      else stale.push(s.id);
    }
    await writeDerived(db, ctx.engine, derived);
    await writeSearchIndexMany(db, ctx.engine, searched);
    for (let j = 0; j < stale.length; j += chunkSize) await db.deleteFrom('dedupe_keys').where('id', 'in', stale.slice(j, j + chunkSize)).execute();
    const fresh = [...wanted.values()];
    for (let j = 0; j < fresh.length; j += chunkSize) await db.insertInto('dedupe_keys').values(fresh.slice(j, j + chunkSize)).execute();
  }
}
