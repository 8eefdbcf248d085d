import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.js';

type Db = Kysely<DB> | Transaction<DB>;

export async function insertMerges(
  db: Db,
  rows: Array<{ survivorId: number; mergedId: number; actorId: number; at: string; choices: Record<string, number>; snapshot: unknown }>,
): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('customer_merges')
    .values(rows.map((r) => ({ survivor_id: r.survivorId, merged_id: r.mergedId, actor_id: r.actorId, at: r.at, choices: JSON.stringify(r.choices), snapshot: JSON.stringify(r.snapshot) })))
    .execute();
}

/** Merges in which a customer was the survivor or one of those merged, newest first. */
export async function mergesOf(db: Db, id: number, limit: number, offset: number) {
  const base = db.selectFrom('customer_merges as m').where((eb) => eb.or([eb('m.survivor_id', '=', id), eb('m.merged_id', '=', id)]));
  const [rows, total] = await Promise.all([
    base
      .innerJoin('customers as s', 's.id', 'm.survivor_id')
      .leftJoin('users as u', 'u.id', 'm.actor_id')
      .select(['m.id', 'm.survivor_id', 'm.merged_id', 'm.actor_id', 'm.at', 'm.choices', 'm.snapshot', 's.name as survivor_name', 's.archive_no as survivor_archive_no', 'u.name as actor_name'])
      .orderBy('m.id', 'desc')
      .limit(limit)
      .offset(offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}
