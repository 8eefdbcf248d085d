import type { Kysely, Transaction } from 'kysely';
import type { z } from 'zod';
import type { DB } from './db/schema.js';

type Db = Kysely<DB> | Transaction<DB>;

/**
 * Administrator settings, one JSON document per key. A stored value is read through its schema
 * with the defaults applied, so a setting added in a later version needs no migration.
 */
export async function readSetting<S extends z.ZodType>(db: Db, key: string, schema: S): Promise<{ value: z.output<S>; version: number }> {
  const row = await db.selectFrom('settings').select(['value', 'version']).where('key', '=', key).executeTakeFirst();
  const stored: unknown = row ? JSON.parse(row.value) : {};
  const parsed = schema.safeParse(stored);
  // A stored value an older version wrote and this one no longer accepts falls back to defaults.
  const value = parsed.success ? parsed.data : schema.parse({});
  return { value, version: row?.version ?? 0 };
}

/**
 * Write a setting with the version the caller read (0 when it was never stored): false when
 * somebody else wrote it in between.
 */
export async function writeSetting(db: Db, key: string, value: unknown, version: number, by: { userId: number | null; at: string }): Promise<boolean> {
  if (version === 0) {
    const inserted = await db
      .insertInto('settings')
      .values({ key, value: JSON.stringify(value), version: 1, updated_at: by.at, updated_by: by.userId })
      .onConflict((oc) => oc.column('key').doNothing())
      .returning('key')
      .executeTakeFirst();
    return inserted !== undefined;
  }
  const updated = await db
    .updateTable('settings')
    .set({ value: JSON.stringify(value), version: version + 1, updated_at: by.at, updated_by: by.userId })
    .where('key', '=', key)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(updated.numUpdatedRows) === 1;
}

/**
 * Store (or, with null, remove) a setting that travels with another one, such as a file beside
 * its settings document: no version check of its own, the caller checks the document's version
 * in the same transaction.
 */
export async function replaceSetting(db: Db, key: string, value: unknown, by: { userId: number | null; at: string }): Promise<void> {
  if (value === null) {
    await db.deleteFrom('settings').where('key', '=', key).execute();
    return;
  }
  const text = JSON.stringify(value);
  await db
    .insertInto('settings')
    .values({ key, value: text, version: 1, updated_at: by.at, updated_by: by.userId })
    .onConflict((oc) => oc.column('key').doUpdateSet((eb) => ({ value: text, version: eb('settings.version', '+', 1), updated_at: by.at, updated_by: by.userId })))
    .execute();
}
