import {
  allPermissions,
  type DataScope,
  type ListResponse,
  type Permission,
  type Role,
  type roleCreate,
  type roleUpdate,
} from '@crm/contracts';
import type { z } from 'zod';
import { authorize, type Actor } from '../../platform/auth/actor.js';
import { grantProblems, refused, withinGrant } from '../../platform/auth/grant.js';
import type { AppContext } from '../../platform/context.js';
import { AppError, conflict, invalid, notFound } from '../../platform/errors.js';
import { recordChange, diffRecords } from '../history/index.js';
import { builtInRoles } from './built-in-roles.js';
import * as repo from './roles.repository.js';

type RoleRowWithCount = NonNullable<Awaited<ReturnType<typeof repo.findById>>>;

export function parsePermissions(text: string): Permission[] {
  const known = new Set<string>(allPermissions);
  return (JSON.parse(text) as string[]).filter((p): p is Permission => known.has(p));
}

export function presentRole(row: RoleRowWithCount): Role {
  return {
    id: row.id,
    key: row.key,
    name: row.name,
    description: row.description,
    builtIn: row.built_in === 1,
    permissions: parsePermissions(row.permissions),
    dataScope: row.data_scope as DataScope,
    userCount: Number(row.user_count ?? 0),
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    createdBy: row.created_by,
    updatedBy: row.updated_by,
  };
}

/** The permissions and scope a role grants, for building the actor of a session. */
export async function loadGrant(ctx: AppContext, roleId: number) {
  const row = await repo.findById(ctx.db, roleId);
  if (!row) return null;
  return { key: row.key, name: row.name, permissions: parsePermissions(row.permissions), dataScope: row.data_scope as DataScope };
}

/** Only an administrator changes or deletes a role that grants more than the actor holds. */
function assertWithinGrant(actor: Actor, role: Role): void {
  if (!withinGrant(actor, role)) throw new AppError('FORBIDDEN', 'roleAboveYoursEdit');
}

export async function listRoles(ctx: AppContext, actor: Actor, query: { q?: string; page: number; pageSize: number }): Promise<ListResponse<Role>> {
  authorize(actor, 'roles.view');
  const { rows, total } = await repo.list(ctx.db, query.q, query.pageSize, (query.page - 1) * query.pageSize);
  return { items: rows.map(presentRole), total, page: query.page, pageSize: query.pageSize };
}

export async function getRole(ctx: AppContext, actor: Actor, id: number): Promise<Role> {
  authorize(actor, 'roles.view');
  const row = await repo.findById(ctx.db, id);
  if (!row) throw notFound();
  return presentRole(row);
}

export async function createRole(ctx: AppContext, actor: Actor, input: z.output<typeof roleCreate>): Promise<Role> {
  authorize(actor, 'roles.create');
  const problems = grantProblems(actor, input);
  if (problems.length > 0) throw refused(problems);
  const now = ctx.clock.now().toISOString();
  const id = await ctx.db.transaction().execute(async (trx) => {
    if (await repo.findByKey(trx, input.key)) throw invalid('key', 'roleKeyTaken');
    const id = await repo.insert(trx, {
      key: input.key,
      name: input.name,
      description: input.description ?? null,
      built_in: 0,
      permissions: JSON.stringify([...new Set(input.permissions)]),
      data_scope: input.dataScope,
      version: 1,
      created_at: now,
      updated_at: now,
      created_by: actor.userId,
      updated_by: actor.userId,
    });
    await recordChange(trx, { entityType: 'role', entityId: id, action: 'create', actorId: actor.userId, at: now, label: input.name });
    return id;
  });
  return getRole(ctx, actor, id);
}

export async function updateRole(ctx: AppContext, actor: Actor, id: number, input: z.output<typeof roleUpdate>): Promise<Role> {
  authorize(actor, 'roles.edit');
  const now = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    const row = await repo.findById(trx, id);
    if (!row) throw notFound();
    const before = presentRole(row);
    assertWithinGrant(actor, before);
    const problems = grantProblems(actor, input);
    if (problems.length > 0) throw refused(problems);
    // The administrator role always keeps every permission, so nobody can lock everyone out.
    const permissions = row.key === 'administrator' ? allPermissions : input.permissions;
    const dataScope = row.key === 'administrator' ? 'all' : input.dataScope;
    const changes = {
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.description !== undefined ? { description: input.description } : {}),
      ...(permissions !== undefined ? { permissions: JSON.stringify([...new Set(permissions)]) } : {}),
      ...(dataScope !== undefined ? { data_scope: dataScope } : {}),
      updated_at: now,
      updated_by: actor.userId,
    };
    if (!(await repo.update(trx, id, input.version, changes))) {
      // Read again: the conflict shows what the other writer committed, not what this one read.
      const current = await repo.findById(trx, id);
      throw current ? conflict(presentRole(current)) : notFound();
    }
    const after = presentRole({ ...row, ...changes, version: row.version + 1 });
    await recordChange(trx, {
      entityType: 'role',
      entityId: id,
      action: 'update',
      actorId: actor.userId,
      at: now,
      label: after.name,
      changes: diffRecords(before, after, ['name', 'description', 'permissions', 'dataScope']),
    });
  });
  return getRole(ctx, actor, id);
}

export async function deleteRole(ctx: AppContext, actor: Actor, id: number): Promise<void> {
  authorize(actor, 'roles.delete');
  await ctx.db.transaction().execute(async (trx) => {
    const row = await repo.findById(trx, id);
    if (!row) throw notFound();
    assertWithinGrant(actor, presentRole(row));
    if (row.built_in === 1) throw new AppError('CONFLICT', 'builtInRole');
    if ((await repo.countAllHolders(trx, id)) > 0) throw new AppError('CONFLICT', 'roleInUse');
    await repo.remove(trx, id);
    await recordChange(trx, { entityType: 'role', entityId: id, action: 'delete', actorId: actor.userId, at: ctx.clock.now().toISOString(), label: row.name });
  });
}

/** Create the built-in roles that are missing (first start and after upgrades). */
export async function ensureBuiltInRoles(ctx: AppContext): Promise<void> {
  const now = ctx.clock.now().toISOString();
  for (const role of builtInRoles) {
    if (await repo.findByKey(ctx.db, role.key)) continue;
    await repo.insert(ctx.db, {
      key: role.key,
      name: role.name,
      description: role.description,
      built_in: 1,
      permissions: JSON.stringify(role.permissions),
      data_scope: role.dataScope,
      version: 1,
      created_at: now,
      updated_at: now,
      created_by: null,
      updated_by: null,
    });
  }
}

export async function roleIdByKey(ctx: AppContext, key: string): Promise<number | null> {
  return (await repo.findByKey(ctx.db, key))?.id ?? null;
}

/** Display names of roles by id (approval steps that name a role); a missing role is absent. */
export async function roleNames(db: AppContext['db'], ids: Iterable<number | null>): Promise<Map<number, string>> {
  return repo.namesByIds(db, [...new Set([...ids].filter((id): id is number => id !== null))]);
}
