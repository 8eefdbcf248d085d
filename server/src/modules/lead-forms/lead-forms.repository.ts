import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.js';

type Db = Kysely<DB> | Transaction<DB>;
export type FormRow = Selectable<DB['lead_forms']>;
export type NewFormRow = Omit<FormRow, 'id'>;

/** Live (not deleted) forms, by name. */
export function listLive(db: Db): Promise<FormRow[]> {
  return db.selectFrom('lead_forms').selectAll().where('deleted_at', 'is', null).orderBy('name').orderBy('id').execute();
}

export function findLive(db: Db, id: number): Promise<FormRow | undefined> {
  return db.selectFrom('lead_forms').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
}

/** The form a public link names, when it is live and switched on. */
export function findOpenByToken(db: Db, token: string): Promise<FormRow | undefined> {
  return db
    .selectFrom('lead_forms')
    .selectAll()
    .where('token', '=', token)
    .where('deleted_at', 'is', null)
    .where('active', '=', 1)
    .executeTakeFirst();
}

export async function insert(db: Db, values: NewFormRow): Promise<number> {
  const row = await db.insertInto('lead_forms').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** Versioned update of a live form: false when the version is stale (or the form went away). */
export async function update(db: Db, id: number, version: number, values: Partial<FormRow>): Promise<boolean> {
  const result = await db
    .updateTable('lead_forms')
    .set({ ...values, version: sql`version + 1` })
    .where('id', '=', id)
    .where('version', '=', version)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function softDelete(db: Db, id: number, by: { userId: number; at: string }): Promise<boolean> {
  const result = await db
    .updateTable('lead_forms')
    .set({ deleted_at: by.at, updated_at: by.at, updated_by: by.userId, version: sql`version + 1` })
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Record a submission and count it on its form. */
export async function recordSubmission(db: Db, values: { formId: number; leadId: number; ip: string; at: string }): Promise<void> {
  await db.insertInto('lead_form_submissions').values({ form_id: values.formId, lead_id: values.leadId, ip: values.ip, at: values.at }).execute();
  await db
    .updateTable('lead_forms')
    .set({ submission_count: sql`submission_count + 1` })
    .where('id', '=', values.formId)
    .execute();
}
