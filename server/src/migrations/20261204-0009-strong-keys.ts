import { sql, type Kysely } from 'kysely';
import type { Migration } from './migration.js';

// Copied from platform/normalize.ts as it was when this migration landed (migrations are frozen).
function identifier(value: unknown): string | null {
  if (typeof value !== 'string' || !value) return null;
  const v = value.normalize('NFKC').toUpperCase().replace(/[\s-]+/g, '');
  return v.length >= 8 && !v.includes('*') ? v : null;
}

function profileValue(json: string, key: string): unknown {
  try {
    return (JSON.parse(json) as Record<string, unknown>)[key];
  } catch {
    return null;
  }
}

/**
 * The unified social credit code (organisations, `c:`) and the ID-card number (persons, `i:`)
 * become duplicate keys: the stored customers get theirs.
 */
export const strongKeys: Migration = {
  name: '20261204-0009-strong-keys',
  async up(db: Kysely<unknown>) {
    let lastId = 0;
    for (;;) {
      const customers = (
        await sql<{ id: number; kind: string; person: string; organization: string }>`
          select id, kind, person, organization from customers where id > ${lastId} order by id limit 1000`.execute(db)
      ).rows;
      if (customers.length === 0) break;
      const ids = customers.map((c) => c.id);
      lastId = ids[ids.length - 1] ?? lastId;
      const keys: Array<{ customerId: number; key: string }> = [];
      for (const c of customers) {
        const value = c.kind === 'organization' ? identifier(profileValue(c.organization, 'creditCode')) : identifier(profileValue(c.person, 'idCardNumber'));
        if (value) keys.push({ customerId: c.id, key: `${c.kind === 'organization' ? 'c' : 'i'}:${value}` });
      }
      if (keys.length === 0) continue;
      // Idempotent: a database migrated from scratch may have these keys already.
      await sql`delete from dedupe_keys where contact_id is null and (key like 'c:%' or key like 'i:%') and customer_id in (${sql.join(keys.map((k) => k.customerId))})`.execute(db);
      for (let i = 0; i < keys.length; i += 300) {
        const values = keys.slice(i, i + 300).map((k) => sql`(${k.customerId}, ${null}, ${k.key})`);
        await sql`insert into dedupe_keys (customer_id, contact_id, key) values ${sql.join(values)}`.execute(db);
      }
    }
  },
};
