import { sql, type Kysely, type Transaction } from 'kysely';
import type { Selectable } from 'kysely';
import type { DB } from '../../platform/db/schema.js';

type Db = Kysely<DB> | Transaction<DB>;
export type RoleRow = Selectable<DB['roles']>;

const withUserCount = (db: Db) =>
  db
    .selectFrom('roles as r')
    .selectAll('r')
    .select((eb) =>
      eb
        .selectFrom('users as u')
        .whereRef('u.role_id', '=', 'r.id')
        .where('u.deleted_at', 'is', null)
        .select(eb.fn.countAll<number>().as('n'))
        .as('user_count'),
    );

export async function list(db: Db, q: string | undefined, limit: number, offset: number) {
  let query = withUserCount(db);
  let count = db.selectFrom('roles as r');
  if (q) {
    const like = `%${q.toLowerCase()}%`;
    query = query.where((eb) => eb.or([eb(eb.fn('lower', ['r.name']), 'like', like), eb('r.key', 'like', like)]));
    count = count.where((eb) => eb.or([eb(eb.fn('lower', ['r.name']), 'like', like), eb('r.key', 'like', like)]));
  }
  const [rows, total] = await Promise.all([
    query.orderBy('r.id').limit(limit).offset(offset).execute(),
    count.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

export function findById(db: Db, id: number) {
  return withUserCount(db).where('r.id', '=', id).executeTakeFirst();
}

export function findByKey(db: Db, key: string) {
  return db.selectFrom('roles').selectAll().where('key', '=', key).executeTakeFirst();
}

export async function insert(db: Db, values: Omit<RoleRow, 'id'>): Promise<number> {
  const row = await db.insertInto('roles').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** Versioned update: false when the version is stale (or the row is gone). */
export async function update(db: Db, id: number, version: number, values: Partial<RoleRow>): Promise<boolean> {
  const result = await db
    .updateTable('roles')
    .set({ ...values, version: sql`version + 1` })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function remove(db: Db, id: number): Promise<void> {
  await db.deleteFrom('roles').where('id', '=', id).execute();
}

/** Users holding a role, removed ones included (they keep their role for the record). */
export async function countAllHolders(db: Db, id: number): Promise<number> {
  const row = await db.selectFrom('users').where('role_id', '=', id).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Names of roles by id, in one query. */
export async function namesByIds(db: Db, ids: number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('roles').select(['id', 'name']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}
