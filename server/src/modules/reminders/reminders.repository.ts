import { sql, type Kysely, type RawBuilder, type Selectable, type Transaction } from 'kysely';
import { isUnscoped, type Scope } from '../../platform/auth/scope.js';
import type { Engine } from '../../platform/config.js';
import type { DB } from '../../platform/db/schema.js';

type Db = Kysely<DB> | Transaction<DB>;
export type CareReminderRow = Selectable<DB['care_reminders']>;

/**
 * A date kept in a person customer's profile (JSON text): json_extract on SQLite, jsonb on
 * PostgreSQL. The field is written into the SQL, not bound: its month-day expression must be the
 * one migration 0032 indexes (customers_birthday_month_day, customers_wedding_month_day).
 */
function personDate(engine: Engine, field: 'birthday' | 'weddingAnniversary'): RawBuilder<string | null> {
  return engine === 'postgres' ? sql<string | null>`(c.person::jsonb ->> ${sql.lit(field)})` : sql<string | null>`json_extract(c.person, ${sql.lit(`$.${field}`)})`;
}

/** The month-day (MM-DD) of a stored YYYY-MM-DD date, as the indexes of migration 0032 hold it. */
function monthDayOf(date: RawBuilder<unknown>): RawBuilder<string | null> {
  return sql<string | null>`substr(${date}, 6, 5)`;
}

/**
 * "Not deleted", written so that SQLite does not read it through the deleted_at index: without
 * table statistics it prefers that index (every live row) to the month-day one (the rows of a few
 * days). A unary + keeps the value and takes the term off any index; PostgreSQL weighs both by
 * its statistics and needs no hint.
 */
function live(engine: Engine, column: 'c.deleted_at' | 'k.deleted_at'): RawBuilder<boolean> {
  return engine === 'sqlite' ? sql<boolean>`+${sql.ref(column)} is null` : sql<boolean>`${sql.ref(column)} is null`;
}

/** The query of personDatesOn (exported so that a test can read its plan). */
export function personDatesQuery(db: Db, engine: Engine, field: 'birthday' | 'weddingAnniversary', monthDays: string[]) {
  const date = personDate(engine, field);
  return db
    .selectFrom('customers as c')
    .select(['c.id', 'c.name', 'c.owner_id'])
    .select(date.as('date'))
    .where('c.kind', '=', 'person')
    .where(live(engine, 'c.deleted_at'))
    .where('c.owner_id', 'is not', null)
    // Read through the month-day index: only the rows of those days.
    .where(sql<boolean>`${monthDayOf(date)} in (${sql.join(monthDays)})`);
}

/** Live person customers with an owner whose profile date falls on one of the month-days (MM-DD). */
export async function personDatesOn(db: Db, engine: Engine, field: 'birthday' | 'weddingAnniversary', monthDays: string[]) {
  if (monthDays.length === 0) return [];
  // In id order, as a scan of the table gave them (the index gives them by day): reminders are made in that order.
  const rows = (await personDatesQuery(db, engine, field, monthDays).execute()).sort((a, b) => a.id - b.id);
  return rows.flatMap((r) => (r.owner_id !== null && typeof r.date === 'string' ? [{ id: r.id, name: r.name, ownerId: r.owner_id, date: r.date }] : []));
}

/** The query of contactBirthdaysOn (exported so that a test can read its plan). */
export function contactBirthdaysQuery(db: Db, engine: Engine, monthDays: string[]) {
  return db
    .selectFrom('contacts as k')
    .innerJoin('customers as c', 'c.id', 'k.customer_id')
    .select(['k.id', 'k.name', 'k.birthday', 'c.id as customer_id', 'c.name as customer_name', 'c.owner_id'])
    .where(live(engine, 'k.deleted_at'))
    .where('c.deleted_at', 'is', null)
    .where('c.owner_id', 'is not', null)
    // Read through contacts_birthday_month_day: only the contacts born on those days.
    .where(sql<boolean>`${monthDayOf(sql.ref('k.birthday'))} in (${sql.join(monthDays)})`);
}

/** Live contacts of live customers with an owner whose birthday falls on one of the month-days (MM-DD). */
export async function contactBirthdaysOn(db: Db, engine: Engine, monthDays: string[]) {
  if (monthDays.length === 0) return [];
  const rows = (await contactBirthdaysQuery(db, engine, monthDays).execute()).sort((a, b) => a.id - b.id);
  return rows.flatMap((r) => (r.owner_id !== null && r.birthday !== null ? [{ id: r.id, name: r.name, date: r.birthday, customerId: r.customer_id, customerName: r.customer_name, ownerId: r.owner_id }] : []));
}

/** Live active contracts ending from..to. */
export async function contractsEnding(db: Db, from: string, to: string) {
  return db
    .selectFrom('contracts as ct')
    .select(['ct.id', 'ct.number', 'ct.title', 'ct.owner_id', 'ct.customer_id', 'ct.ends_on'])
    .where('ct.status', '=', 'active')
    .where('ct.deleted_at', 'is', null)
    .where('ct.ends_on', '>=', from)
    .where('ct.ends_on', '<=', to)
    .execute();
}

/** Live signed contracts (active or completed) signed before `before` on one of the days of the month (DD). */
export async function contractsSignedOnDays(db: Db, dayNumbers: string[], before: string) {
  if (dayNumbers.length === 0) return [];
  return db
    .selectFrom('contracts as ct')
    .select(['ct.id', 'ct.number', 'ct.title', 'ct.owner_id', 'ct.customer_id', 'ct.signed_on'])
    .where('ct.status', 'in', ['active', 'completed'])
    .where('ct.deleted_at', 'is', null)
    .where('ct.signed_on', '<', before)
    .where(sql<boolean>`substr(ct.signed_on, 9, 2) in (${sql.join(dayNumbers)})`)
    .execute();
}

/** Keep a care reminder unless its kind, record and day are kept already: its id when this call kept it, else null (another run did). */
export async function insertOnce(db: Db, values: Omit<CareReminderRow, 'id'>): Promise<number | null> {
  const row = await db
    .insertInto('care_reminders')
    .values(values)
    .onConflict((oc) => oc.columns(['kind', 'record_id', 'occurs_on']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id ?? null;
}

/** Care reminders falling from..to of one user or of the users in a scope, of the kinds given, with their customers' names. */
export async function remindersBetween(db: Db, owners: { userId: number } | { scope: Scope }, kinds: string[], from: string, to: string, limit: number) {
  if (kinds.length === 0) return [];
  let query = db
    .selectFrom('care_reminders as cr')
    .leftJoin('customers as crc', 'crc.id', 'cr.customer_id')
    .selectAll('cr')
    .select('crc.name as customer_name')
    .where('cr.kind', 'in', kinds)
    .where('cr.occurs_on', '>=', from)
    .where('cr.occurs_on', '<=', to);
  if ('userId' in owners) query = query.where('cr.user_id', '=', owners.userId);
  else if (!isUnscoped(owners.scope)) query = query.where(owners.scope);
  return query.orderBy('cr.occurs_on').orderBy('cr.id').limit(limit).execute();
}
