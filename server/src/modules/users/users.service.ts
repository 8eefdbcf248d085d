import type { ListResponse, Locale, User, userCreate, userListQuery, userUpdate } from '@crm/contracts';
import type { z } from 'zod';
import { authorize, type Actor } from '../../platform/auth/actor.js';
import { hashPassword } from '../../platform/auth/password.js';
import { assertStrongPassword } from '../../platform/auth/password-policy.js';
import { isUnscoped, ownerScope } from '../../platform/auth/scope.js';
import type { AppContext } from '../../platform/context.js';
import { AppError, conflict, invalid, notFound } from '../../platform/errors.js';
import { departmentExists } from '../departments/index.js';
import { diffRecords, recordChange } from '../history/index.js';
import { loadGrant, roleIdByKey } from '../roles/index.js';
import { checkNewUser, checkUserAccess, checkUserChange } from './users.policy.js';
import * as repo from './users.repository.js';

type Row = repo.UserRow;

export function presentUser(row: Row): User {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    mobile: row.mobile,
    departmentId: row.department_id,
    roleId: row.role_id,
    active: row.active === 1,
    locale: row.locale,
    lastLoginAt: row.last_login_at,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    createdBy: row.created_by,
    updatedBy: row.updated_by,
  };
}

export async function listUsers(ctx: AppContext, actor: Actor, query: z.output<typeof userListQuery>): Promise<ListResponse<User>> {
  authorize(actor, 'users.view');
  const filter = {
    q: query.q,
    departmentId: query.departmentId,
    roleId: query.roleId,
    active: query.active === undefined ? undefined : query.active === 'true',
  };
  const { rows, total } = await repo.list(ctx.db, filter, query.pageSize, (query.page - 1) * query.pageSize);
  return { items: rows.map(presentUser), total, page: query.page, pageSize: query.pageSize };
}

export async function getUser(ctx: AppContext, actor: Actor, id: number): Promise<User> {
  authorize(actor, 'users.view');
  const row = await repo.findById(ctx.db, id);
  if (!row) throw notFound();
  return presentUser(row);
}

async function checkReferences(ctx: AppContext, input: { departmentId?: number | null; roleId?: number }) {
  if (input.departmentId != null && !(await departmentExists(ctx, input.departmentId))) throw invalid('departmentId', 'unknownDepartment');
  if (input.roleId !== undefined && !(await loadGrant(ctx, input.roleId))) throw invalid('roleId', 'unknownRole');
}

export async function createUser(ctx: AppContext, actor: Actor, input: z.output<typeof userCreate>): Promise<User> {
  authorize(actor, 'users.create');
  await checkReferences(ctx, input);
  await checkNewUser(ctx, actor, input.roleId);
  assertStrongPassword(input.password, input, actor.locale);
  const passwordHash = await hashPassword(input.password);
  const now = ctx.clock.now().toISOString();
  const id = await ctx.db.transaction().execute(async (trx) => {
    if (await repo.findByEmail(trx, input.email)) throw invalid('email', 'emailTaken');
    const id = await repo.insert(trx, {
      email: input.email,
      name: input.name,
      mobile: input.mobile ?? null,
      password_hash: passwordHash,
      department_id: input.departmentId,
      role_id: input.roleId,
      active: input.active ? 1 : 0,
      locale: null,
      last_login_at: null,
      deleted_at: null,
      version: 1,
      created_at: now,
      updated_at: now,
      created_by: actor.userId,
      updated_by: actor.userId,
    });
    await recordChange(trx, { entityType: 'user', entityId: id, action: 'create', actorId: actor.userId, at: now, label: input.name });
    return id;
  });
  return getUser(ctx, actor, id);
}

/**
 * Refuse a change that would leave no active administrator, inside the change's transaction (`db`):
 * such changes take turns, so of two administrators switching each other off at once the second
 * counts what the first left.
 */
async function guardLastAdministrator(ctx: AppContext, db: AppContext['db'], adminRoleId: number | null, row: Row, next: { active: boolean; roleId: number; deleted: boolean }) {
  const wasAdmin = row.role_id === adminRoleId && row.active === 1;
  const staysAdmin = next.roleId === adminRoleId && next.active && !next.deleted;
  if (!wasAdmin || staysAdmin) return;
  await repo.lockAdministrators(db, ctx.engine);
  if ((await repo.countActiveWithRoleKey(db, 'administrator')) <= 1) throw new AppError('CONFLICT', 'lastAdministrator');
}

export async function updateUser(ctx: AppContext, actor: Actor, id: number, input: z.output<typeof userUpdate>): Promise<User> {
  authorize(actor, 'users.edit');
  const row = await repo.findById(ctx.db, id);
  if (!row) throw notFound();
  await checkReferences(ctx, input);
  await checkUserChange(ctx, actor, row, input);
  if (input.password) assertStrongPassword(input.password, { email: input.email ?? row.email, name: input.name ?? row.name }, actor.locale);
  const passwordHash = input.password ? await hashPassword(input.password) : undefined;
  const now = ctx.clock.now().toISOString();
  const adminRoleId = await roleIdByKey(ctx, 'administrator');
  await ctx.db.transaction().execute(async (trx) => {
    const current = await repo.findById(trx, id);
    if (!current) throw notFound();
    // Checked on `row`: a user changed since then is a conflict, not a decision on stale facts.
    if (current.version !== row.version) throw conflict(presentUser(current));
    await guardLastAdministrator(ctx, trx, adminRoleId, current, { active: input.active ?? current.active === 1, roleId: input.roleId ?? current.role_id, deleted: false });
    if (input.email && input.email !== current.email) {
      const other = await repo.findByEmail(trx, input.email);
      if (other && other.id !== id) throw invalid('email', 'emailTaken');
    }
    const changes: Partial<Row> = {
      ...(input.email !== undefined ? { email: input.email } : {}),
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.mobile !== undefined ? { mobile: input.mobile } : {}),
      ...(input.departmentId !== undefined ? { department_id: input.departmentId } : {}),
      ...(input.roleId !== undefined ? { role_id: input.roleId } : {}),
      ...(input.active !== undefined ? { active: input.active ? 1 : 0 } : {}),
      ...(passwordHash ? { password_hash: passwordHash } : {}),
      updated_at: now,
      updated_by: actor.userId,
    };
    if (!(await repo.update(trx, id, input.version, changes))) {
      // Read again: the conflict shows what the other writer committed, not what this one read.
      const fresh = await repo.findById(trx, id);
      throw fresh ? conflict(presentUser(fresh)) : notFound();
    }
    // A new password or lost access ends every session of that user.
    if (passwordHash || input.active === false) await repo.deleteSessionsOf(trx, id);
    const before = presentUser(current);
    const after = presentUser({ ...current, ...changes });
    const diff = diffRecords(before, after, ['email', 'name', 'mobile', 'departmentId', 'roleId', 'active']);
    if (passwordHash) diff.push({ field: 'password', old: null, new: null });
    await recordChange(trx, { entityType: 'user', entityId: id, action: 'update', actorId: actor.userId, at: now, label: after.name, changes: diff });
  });
  return getUser(ctx, actor, id);
}

export async function deleteUser(ctx: AppContext, actor: Actor, id: number): Promise<void> {
  authorize(actor, 'users.delete');
  if (id === actor.userId) throw new AppError('CONFLICT', 'cannotDeleteSelf');
  const row = await repo.findById(ctx.db, id);
  if (!row) throw notFound();
  await checkUserAccess(ctx, actor, row);
  const now = ctx.clock.now().toISOString();
  const adminRoleId = await roleIdByKey(ctx, 'administrator');
  await ctx.db.transaction().execute(async (trx) => {
    await guardLastAdministrator(ctx, trx, adminRoleId, row, { active: false, roleId: row.role_id, deleted: true });
    await repo.setFields(trx, id, { deleted_at: now, active: 0, updated_at: now, updated_by: actor.userId });
    await repo.deleteSessionsOf(trx, id);
    await recordChange(trx, { entityType: 'user', entityId: id, action: 'delete', actorId: actor.userId, at: now, label: row.name });
  });
}

/** Display names for a set of user ids (owners, actors), in one query. */
export async function userNames(ctx: AppContext, ids: Iterable<number | null>, db: AppContext['db'] = ctx.db): Promise<Map<number, string>> {
  const unique = [...new Set([...ids].filter((id): id is number => id !== null))];
  return repo.namesByIds(db, unique);
}

/** An active user by id (for owner checks), with their department. */
export async function activeUser(ctx: AppContext, id: number, db: AppContext['db'] = ctx.db): Promise<{ id: number; departmentId: number | null } | null> {
  const row = await repo.findById(db, id);
  return row && row.active === 1 ? { id: row.id, departmentId: row.department_id } : null;
}

/** Where and in which language to write to users (notification emails): active users only, read in `db` (the caller's transaction). */
export async function mailRecipients(db: AppContext['db'], ids: Iterable<number>): Promise<Map<number, { email: string; name: string; locale: string | null }>> {
  const out = new Map<number, { email: string; name: string; locale: string | null }>();
  for (const id of new Set(ids)) {
    const row = await repo.findById(db, id);
    if (row && row.active === 1) out.set(id, { email: row.email, name: row.name, locale: row.locale });
  }
  return out;
}

/** Every active user's id, email and name (custom "user" fields check and resolve values against it). */
export async function activeUserDirectory(db: AppContext['db']): Promise<Array<{ id: number; email: string; name: string }>> {
  return repo.activeDirectory(db);
}

export async function setUserLocale(ctx: AppContext, actor: Actor, locale: Locale): Promise<void> {
  await repo.setFields(ctx.db, actor.userId, { locale });
}

/** The language each user reads in (notices to them are written in it). */
export async function userLocales(ctx: AppContext, userIds: number[]): Promise<Map<number, string | null>> {
  return repo.locales(ctx.db, userIds);
}

export async function hasAnyUser(ctx: AppContext): Promise<boolean> {
  return (await repo.countAll(ctx.db)) > 0;
}

/** The administrator created at first start (the lowest user id), if any. */
export async function firstUserId(ctx: AppContext): Promise<number | undefined> {
  return repo.firstId(ctx.db);
}

/** Create a user without an acting user (first start, demo data). */
export async function createInitialUser(
  ctx: AppContext,
  input: { email: string; name: string; password: string; roleId: number; departmentId: number | null; mobile?: string | null },
): Promise<number> {
  assertStrongPassword(input.password, input, 'en');
  const now = ctx.clock.now().toISOString();
  return repo.insert(ctx.db, {
    email: input.email.toLowerCase(),
    name: input.name,
    mobile: input.mobile ?? null,
    password_hash: await hashPassword(input.password),
    department_id: input.departmentId,
    role_id: input.roleId,
    active: 1,
    locale: null,
    last_login_at: null,
    deleted_at: null,
    version: 1,
    created_at: now,
    updated_at: now,
    created_by: null,
    updated_by: null,
  });
}

/** Whether a user is within the actor's data scope (for assigning records to them). */
export async function isUserInScope(ctx: AppContext, actor: Actor, userId: number, db: AppContext['db'] = ctx.db): Promise<boolean> {
  const scope = ownerScope(actor, 'users');
  return isUnscoped(scope) || repo.existsInScope(db, userId, scope);
}

/** Each user's department (id and name; null without one), for reports grouped by department. */
export async function userDepartments(db: AppContext['db'], ids: Iterable<number>): Promise<Map<number, { id: number; name: string } | null>> {
  return repo.departmentsOf(db, [...new Set(ids)]);
}

/** The live users whose records the actor may see (themselves at least), with their departments: reports grouped by person. */
export async function usersInScope(db: AppContext['db'], actor: Actor): Promise<Array<{ id: number; name: string; departmentId: number | null; active: boolean }>> {
  const scope = ownerScope(actor, 'users');
  const rows = await repo.inScope(db, isUnscoped(scope) ? null : scope);
  return rows.map((r) => ({ id: r.id, name: r.name, departmentId: r.department_id, active: r.active === 1 }));
}

/** The active users holding a role, by id (approvers of an approval step that names a role). */
export async function activeUsersWithRole(db: AppContext['db'], roleId: number): Promise<number[]> {
  return repo.activeIdsWithRole(db, roleId);
}
