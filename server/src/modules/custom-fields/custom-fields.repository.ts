import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.js';

type Db = Kysely<DB> | Transaction<DB>;
export type FieldRow = Selectable<DB['custom_fields']>;
export type NewFieldRow = Omit<FieldRow, 'id'>;

export function list(db: Db, entity: string | undefined, includeInactive: boolean) {
  let query = db.selectFrom('custom_fields').selectAll();
  if (entity) query = query.where('entity', '=', entity);
  if (!includeInactive) query = query.where('active', '=', 1);
  return query.orderBy('entity').orderBy('position').orderBy('id').execute();
}

export function findById(db: Db, id: number) {
  return db.selectFrom('custom_fields').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findByKey(db: Db, entity: string, key: string) {
  return db.selectFrom('custom_fields').selectAll().where('entity', '=', entity).where('key', '=', key).executeTakeFirst();
}

export async function countAndLastPosition(db: Db, entity: string): Promise<{ count: number; last: number }> {
  const row = await db
    .selectFrom('custom_fields')
    .where('entity', '=', entity)
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('position').as('last')])
    .executeTakeFirstOrThrow();
  return { count: Number(row.n), last: row.last === null ? 0 : Number(row.last) };
}

export async function insert(db: Db, values: NewFieldRow): Promise<number> {
  const row = await db.insertInto('custom_fields').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** Versioned update: false when the version is stale. */
export async function update(db: Db, id: number, version: number, values: Partial<FieldRow>): Promise<boolean> {
  const result = await db
    .updateTable('custom_fields')
    .set({ ...values, version: sql`version + 1` })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function setFields(db: Db, id: number, values: Partial<FieldRow>): Promise<void> {
  await db.updateTable('custom_fields').set(values).where('id', '=', id).execute();
}
