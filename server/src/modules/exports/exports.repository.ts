import type { Insertable, Kysely, Selectable, Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.js';

type Db = Kysely<DB> | Transaction<DB>;
export type ExportLogRow = Selectable<DB['export_log']>;

export async function insertLog(db: Db, values: Insertable<DB['export_log']>): Promise<number> {
  const row = await db.insertInto('export_log').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** The row count so far; `finished` when the whole file was written. */
export async function updateLog(db: Db, id: number, rowCount: number, finishedAt: string | null): Promise<void> {
  await db.updateTable('export_log').set({ row_count: rowCount, finished_at: finishedAt }).where('id', '=', id).execute();
}

export async function listLog(db: Db, f: { entity?: string; userId?: number }, limit: number, offset: number): Promise<{ rows: ExportLogRow[]; total: number }> {
  let q = db.selectFrom('export_log');
  if (f.entity) q = q.where('entity', '=', f.entity);
  if (f.userId !== undefined) q = q.where('user_id', '=', f.userId);
  const [rows, total] = await Promise.all([
    q.selectAll().orderBy('id', 'desc').limit(limit).offset(offset).execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}
