import { sql, type Expression, type Kysely, type SqlBool, type Transaction } from 'kysely';
import type { Selectable } from 'kysely';
import type { Engine } from '../../platform/config.js';
import type { DB } from '../../platform/db/schema.js';

type Db = Kysely<DB> | Transaction<DB>;
export type UserRow = Selectable<DB['users']>;

export interface UserFilter {
  q?: string;
  departmentId?: number;
  roleId?: number;
  active?: boolean;
}

function filtered(db: Db, f: UserFilter) {
  let query = db.selectFrom('users').where('deleted_at', 'is', null);
  if (f.q) {
    const like = `%${f.q.toLowerCase()}%`;
    query = query.where((eb) => eb.or([eb(eb.fn('lower', ['name']), 'like', like), eb('email', 'like', like), eb('mobile', 'like', like)]));
  }
  if (f.departmentId !== undefined) query = query.where('department_id', '=', f.departmentId);
  if (f.roleId !== undefined) query = query.where('role_id', '=', f.roleId);
  if (f.active !== undefined) query = query.where('active', '=', f.active ? 1 : 0);
  return query;
}

export async function list(db: Db, f: UserFilter, limit: number, offset: number) {
  const [rows, total] = await Promise.all([
    filtered(db, f).selectAll().orderBy('name').orderBy('id').limit(limit).offset(offset).execute(),
    filtered(db, f).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

export function findById(db: Db, id: number) {
  return db.selectFrom('users').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
}

export function findByEmail(db: Db, email: string) {
  return db.selectFrom('users').selectAll().where('email', '=', email.toLowerCase()).executeTakeFirst();
}

export async function namesByIds(db: Db, ids: number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('users').select(['id', 'name']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

export function activeDirectory(db: Db) {
  return db.selectFrom('users').select(['id', 'email', 'name']).where('active', '=', 1).where('deleted_at', 'is', null).execute();
}

export async function insert(db: Db, values: Omit<UserRow, 'id'>): Promise<number> {
  const row = await db.insertInto('users').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function update(db: Db, id: number, version: number, values: Partial<UserRow>): Promise<boolean> {
  const result = await db
    .updateTable('users')
    .set({ ...values, version: sql`version + 1` })
    .where('id', '=', id)
    .where('version', '=', version)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function setFields(db: Db, id: number, values: Partial<UserRow>): Promise<void> {
  await db.updateTable('users').set(values).where('id', '=', id).execute();
}

/**
 * Serialise the changes that may take away an active administrator until the transaction ends, so
 * that two at once cannot each leave the other as the last one. PostgreSQL only: SQLite runs one
 * write transaction at a time anyway.
 */
export async function lockAdministrators(db: Db, engine: Engine): Promise<void> {
  if (engine !== 'postgres') return;
  await sql`select pg_advisory_xact_lock(hashtext('active_administrators'))`.execute(db);
}

export async function countActiveWithRoleKey(db: Db, roleKey: string): Promise<number> {
  const row = await db
    .selectFrom('users as u')
    .innerJoin('roles as r', 'r.id', 'u.role_id')
    .where('r.key', '=', roleKey)
    .where('u.active', '=', 1)
    .where('u.deleted_at', 'is', null)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The language each user reads in (their notices are written in it). */
export async function locales(db: Db, userIds: number[]): Promise<Map<number, string | null>> {
  if (userIds.length === 0) return new Map();
  const rows = await db.selectFrom('users').select(['id', 'locale']).where('id', 'in', [...new Set(userIds)]).execute();
  return new Map(rows.map((r) => [r.id, r.locale]));
}

/** The lowest user id (the administrator created at first start), if any. */
export async function firstId(db: Db): Promise<number | undefined> {
  return (await db.selectFrom('users').select('id').orderBy('id').limit(1).executeTakeFirst())?.id;
}

export async function countAll(db: Db): Promise<number> {
  const row = await db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

// Sessions belong to users: ending a user's sessions is part of changing their password or access.
export async function insertSession(db: Db, values: DB['sessions']): Promise<void> {
  await db.insertInto('sessions').values(values).execute();
}

/**
 * A session with everything an actor is made of (user, role, department path) in one query:
 * it runs on every API request.
 */
export function findSessionActor(db: Db, id: string) {
  return db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .innerJoin('roles as r', 'r.id', 'u.role_id')
    .leftJoin('departments as d', 'd.id', 'u.department_id')
    .select([
      's.expires_at',
      'u.id as user_id',
      'u.name',
      'u.active',
      'u.role_id',
      'u.department_id',
      'r.key as role_key',
      'r.permissions',
      'r.data_scope',
      'd.path as department_path',
    ])
    .where('s.id', '=', id)
    .where('u.deleted_at', 'is', null)
    .executeTakeFirst();
}

export async function extendSession(db: Db, id: string, expiresAt: string): Promise<void> {
  await db.updateTable('sessions').set({ expires_at: expiresAt }).where('id', '=', id).execute();
}

export async function deleteSession(db: Db, id: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', id).execute();
}

export async function deleteSessionsOf(db: Db, userId: number, exceptId?: string): Promise<void> {
  let query = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (exceptId) query = query.where('id', '!=', exceptId);
  await query.execute();
}

export async function deleteExpiredSessions(db: Db, now: string): Promise<void> {
  await db.deleteFrom('sessions').where('expires_at', '<', now).execute();
}

export async function departmentsOf(db: Db, ids: number[]): Promise<Map<number, { id: number; name: string } | null>> {
  const out = new Map<number, { id: number; name: string } | null>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db
      .selectFrom('users as u')
      .leftJoin('departments as d', 'd.id', 'u.department_id')
      .select(['u.id', 'd.id as department_id', 'd.name as department_name'])
      .where('u.id', 'in', ids.slice(i, i + 500))
      .execute();
    for (const r of rows) out.set(r.id, r.department_id !== null && r.department_name !== null ? { id: r.department_id, name: r.department_name } : null);
  }
  return out;
}

/** Whether a live user satisfies a scope condition written on `su2.id`. */
export async function existsInScope(db: Db, id: number, scope: Expression<SqlBool>): Promise<boolean> {
  const row = await db.selectFrom('users as su2').select('su2.id').where('su2.id', '=', id).where('su2.deleted_at', 'is', null).where(scope).executeTakeFirst();
  return row !== undefined;
}

/** Live users in a scope (condition on `su2.id`, or everyone), with their department and whether they are active. */
export async function inScope(db: Db, scope: Expression<SqlBool> | null): Promise<Array<{ id: number; name: string; department_id: number | null; active: number }>> {
  let query = db.selectFrom('users as su2').select(['su2.id', 'su2.name', 'su2.department_id', 'su2.active']).where('su2.deleted_at', 'is', null);
  if (scope) query = query.where(scope);
  return query.orderBy('su2.name').orderBy('su2.id').execute();
}

/** Ids of the active users holding a role (approvers of a role step). */
export async function activeIdsWithRole(db: Db, roleId: number): Promise<number[]> {
  const rows = await db.selectFrom('users').select('id').where('role_id', '=', roleId).where('active', '=', 1).where('deleted_at', 'is', null).orderBy('id').execute();
  return rows.map((r) => r.id);
}
