import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.js';

type Db = Kysely<DB> | Transaction<DB>;

/**
 * The live customers created in [fromIso, toIso) that a user created or owns, oldest first (the
 * first `limit`), with their count: the "new customers" of a work report (日报/周报).
 */
export async function newCustomersOf(db: Db, userId: number, fromIso: string, toIso: string, limit: number): Promise<{ count: number; rows: Array<{ id: number; name: string }> }> {
  const base = db
    .selectFrom('customers')
    .where('deleted_at', 'is', null)
    .where('created_at', '>=', fromIso)
    .where('created_at', '<', toIso)
    .where((eb) => eb.or([eb('owner_id', '=', userId), eb('created_by', '=', userId)]));
  const [rows, total] = await Promise.all([
    base.select(['id', 'name']).orderBy('created_at').orderBy('id').limit(limit).execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { count: Number(total.n), rows };
}
