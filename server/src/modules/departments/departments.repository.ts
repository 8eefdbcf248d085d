import { sql, type Kysely, type Transaction } from 'kysely';
import type { Selectable } from 'kysely';
import type { Engine } from '../../platform/config.js';
import type { DB } from '../../platform/db/schema.js';

type Db = Kysely<DB> | Transaction<DB>;
export type DepartmentRow = Selectable<DB['departments']>;

const withUserCount = (db: Db) =>
  db
    .selectFrom('departments as d')
    .selectAll('d')
    .select((eb) =>
      eb
        .selectFrom('users as u')
        .whereRef('u.department_id', '=', 'd.id')
        .where('u.deleted_at', 'is', null)
        .select(eb.fn.countAll<number>().as('n'))
        .as('user_count'),
    );

export async function list(db: Db, q: string | undefined, limit: number, offset: number) {
  let query = withUserCount(db);
  let count = db.selectFrom('departments as d');
  if (q) {
    query = query.where('d.name', 'like', `%${q}%`);
    count = count.where('d.name', 'like', `%${q}%`);
  }
  const [rows, total] = await Promise.all([
    query.orderBy('d.path').limit(limit).offset(offset).execute(),
    count.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

/**
 * Serialise changes of the tree's shape (create, move, delete) until the transaction ends: each
 * decides on paths and children it has read, and two at once could make a cycle or leave a branch
 * under a stale path. PostgreSQL only: SQLite runs one write transaction at a time anyway.
 */
export async function lockTree(db: Db, engine: Engine): Promise<void> {
  if (engine !== 'postgres') return;
  await sql`select pg_advisory_xact_lock(hashtext('department_tree'))`.execute(db);
}

export function findById(db: Db, id: number) {
  return withUserCount(db).where('d.id', '=', id).executeTakeFirst();
}

/** Departments by id with their managers (no user counts). */
export function managersOf(db: Db, ids: number[]) {
  return db.selectFrom('departments').select(['id', 'path', 'manager_id']).where('id', 'in', ids).execute();
}

export async function insert(db: Db, values: Omit<DepartmentRow, 'id' | 'path'>, parentPath: string): Promise<number> {
  const { id } = await db.insertInto('departments').values({ ...values, path: '/' }).returning('id').executeTakeFirstOrThrow();
  await db.updateTable('departments').set({ path: `${parentPath}${id}/` }).where('id', '=', id).execute();
  return id;
}

export async function update(db: Db, id: number, version: number, values: Partial<DepartmentRow>): Promise<boolean> {
  const result = await db
    .updateTable('departments')
    .set({ ...values, version: sql`version + 1` })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function setManager(db: Db, id: number, managerId: number): Promise<void> {
  await db.updateTable('departments').set({ manager_id: managerId }).where('id', '=', id).execute();
}

/** Move a subtree: every path under `oldPrefix` now starts with `newPrefix`. */
export async function rewritePaths(db: Db, oldPrefix: string, newPrefix: string): Promise<void> {
  await db
    .updateTable('departments')
    .set({ path: sql`${newPrefix} || substr(path, ${oldPrefix.length + 1})` })
    .where('path', 'like', `${oldPrefix}%`)
    .execute();
}

export async function countChildrenAndUsers(db: Db, id: number): Promise<number> {
  const children = await db.selectFrom('departments').where('parent_id', '=', id).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const users = await db.selectFrom('users').where('department_id', '=', id).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(children.n) + Number(users.n);
}

export async function remove(db: Db, id: number): Promise<void> {
  await db.deleteFrom('departments').where('id', '=', id).execute();
}

/** Whether a user exists and is active (a department's manager must be); the users table is read, not written. */
export async function isActiveUser(db: Db, userId: number): Promise<boolean> {
  const row = await db.selectFrom('users').where('id', '=', userId).where('active', '=', 1).where('deleted_at', 'is', null).select('id').executeTakeFirst();
  return row !== undefined;
}

/** Every department's id, name, parent and path, by name. */
export async function all(db: Db): Promise<Array<{ id: number; name: string; parent_id: number | null; path: string }>> {
  return db.selectFrom('departments').select(['id', 'name', 'parent_id', 'path']).orderBy('name').orderBy('id').execute();
}
