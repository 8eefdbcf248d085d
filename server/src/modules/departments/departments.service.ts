import type { Department, departmentCreate, departmentUpdate, ListResponse } from '@crm/contracts';
import type { z } from 'zod';
import { authorize, type Actor } from '../../platform/auth/actor.js';
import { movesIntoTree, refused } from '../../platform/auth/grant.js';
import type { AppContext } from '../../platform/context.js';
import { AppError, conflict, invalid, notFound } from '../../platform/errors.js';
import { diffRecords, recordChange } from '../history/index.js';
import * as repo from './departments.repository.js';

type Row = NonNullable<Awaited<ReturnType<typeof repo.findById>>>;

function present(row: Row): Department {
  return {
    id: row.id,
    name: row.name,
    parentId: row.parent_id,
    managerId: row.manager_id,
    userCount: Number(row.user_count ?? 0),
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    createdBy: row.created_by,
    updatedBy: row.updated_by,
  };
}

export async function listDepartments(ctx: AppContext, actor: Actor, query: { q?: string; page: number; pageSize: number }): Promise<ListResponse<Department>> {
  authorize(actor, 'departments.view');
  const { rows, total } = await repo.list(ctx.db, query.q, query.pageSize, (query.page - 1) * query.pageSize);
  return { items: rows.map(present), total, page: query.page, pageSize: query.pageSize };
}

export async function getDepartment(ctx: AppContext, actor: Actor, id: number): Promise<Department> {
  authorize(actor, 'departments.view');
  const row = await repo.findById(ctx.db, id);
  if (!row) throw notFound();
  return present(row);
}

/** Path of a department, for building an actor's department-tree scope. */
export async function departmentInfo(ctx: AppContext, id: number): Promise<{ name: string; path: string } | null> {
  const row = await repo.findById(ctx.db, id);
  return row ? { name: row.name, path: row.path } : null;
}

/**
 * The managers of a department and of the departments above it, nearest first (null where a
 * department has none), for alerts that go up the tree. Works inside a transaction (`db`).
 */
export async function managerChain(db: AppContext['db'], departmentId: number): Promise<Array<number | null>> {
  const [own] = await repo.managersOf(db, [departmentId]);
  if (!own) return [];
  const ids = own.path.split('/').filter(Boolean).map(Number);
  const byId = new Map((await repo.managersOf(db, ids)).map((d) => [d.id, d.manager_id]));
  return ids.reverse().map((id) => byId.get(id) ?? null);
}

export async function departmentExists(ctx: AppContext, id: number): Promise<boolean> {
  return (await repo.findById(ctx.db, id)) !== undefined;
}

/** Create a department without an acting user and without history (demo data). */
export async function seedDepartment(ctx: AppContext, name: string, parent: { id: number; path: string } | null): Promise<{ id: number; path: string }> {
  const now = ctx.clock.now().toISOString();
  const parentPath = parent?.path ?? '/';
  const id = await repo.insert(ctx.db, { name, parent_id: parent?.id ?? null, manager_id: null, version: 1, created_at: now, updated_at: now, created_by: null, updated_by: null }, parentPath);
  return { id, path: `${parentPath}${id}/` };
}

/** Name a department's head without an acting user (demo data). */
export async function seedDepartmentManager(ctx: AppContext, id: number, managerId: number): Promise<void> {
  await repo.setManager(ctx.db, id, managerId);
}

export async function createDepartment(ctx: AppContext, actor: Actor, input: z.output<typeof departmentCreate>): Promise<Department> {
  authorize(actor, 'departments.create');
  const now = ctx.clock.now().toISOString();
  const id = await ctx.db.transaction().execute(async (trx) => {
    await repo.lockTree(trx, ctx.engine);
    let parentPath = '/';
    if (input.parentId !== null) {
      const parent = await repo.findById(trx, input.parentId);
      if (!parent) throw invalid('parentId', 'unknownDepartment');
      parentPath = parent.path;
    }
    if (input.managerId !== null && !(await repo.isActiveUser(trx, input.managerId))) throw invalid('managerId', 'unknownUser');
    const id = await repo.insert(
      trx,
      { name: input.name, parent_id: input.parentId, manager_id: input.managerId, version: 1, created_at: now, updated_at: now, created_by: actor.userId, updated_by: actor.userId },
      parentPath,
    );
    await recordChange(trx, { entityType: 'department', entityId: id, action: 'create', actorId: actor.userId, at: now, label: input.name });
    return id;
  });
  return getDepartment(ctx, actor, id);
}

export async function updateDepartment(ctx: AppContext, actor: Actor, id: number, input: z.output<typeof departmentUpdate>): Promise<Department> {
  authorize(actor, 'departments.edit');
  const now = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await repo.lockTree(trx, ctx.engine);
    const row = await repo.findById(trx, id);
    if (!row) throw notFound();
    const before = present(row);
    let newPath: string | null = null;
    if (input.parentId !== undefined && input.parentId !== row.parent_id) {
      let parentPath = '/';
      if (input.parentId !== null) {
        const parent = await repo.findById(trx, input.parentId);
        if (!parent) throw invalid('parentId', 'unknownDepartment');
        if (parent.path.startsWith(row.path)) throw invalid('parentId', 'departmentCycle');
        parentPath = parent.path;
      }
      newPath = `${parentPath}${id}/`;
      if (movesIntoTree(actor, row.path, newPath)) throw refused([{ path: 'parentId', message: 'departmentIntoTree' }]);
    }
    if (input.managerId !== undefined && input.managerId !== null && input.managerId !== row.manager_id && !(await repo.isActiveUser(trx, input.managerId))) {
      throw invalid('managerId', 'unknownUser');
    }
    const changes = {
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.parentId !== undefined ? { parent_id: input.parentId } : {}),
      ...(input.managerId !== undefined ? { manager_id: input.managerId } : {}),
      updated_at: now,
      updated_by: actor.userId,
    };
    if (!(await repo.update(trx, id, input.version, changes))) {
      // Read again: the conflict shows what the other writer committed, not what this one read.
      const current = await repo.findById(trx, id);
      throw current ? conflict(present(current)) : notFound();
    }
    if (newPath) await repo.rewritePaths(trx, row.path, newPath);
    const after = present({ ...row, ...changes });
    await recordChange(trx, {
      entityType: 'department', entityId: id, action: 'update', actorId: actor.userId, at: now, label: after.name,
      changes: diffRecords(before, after, ['name', 'parentId', 'managerId']),
    });
  });
  return getDepartment(ctx, actor, id);
}

export async function deleteDepartment(ctx: AppContext, actor: Actor, id: number): Promise<void> {
  authorize(actor, 'departments.delete');
  await ctx.db.transaction().execute(async (trx) => {
    await repo.lockTree(trx, ctx.engine);
    const row = await repo.findById(trx, id);
    if (!row) throw notFound();
    if ((await repo.countChildrenAndUsers(trx, id)) > 0) throw new AppError('CONFLICT', 'departmentNotEmpty');
    await repo.remove(trx, id);
    await recordChange(trx, { entityType: 'department', entityId: id, action: 'delete', actorId: actor.userId, at: ctx.clock.now().toISOString(), label: row.name });
  });
}

/** Every department with its parent and materialised path (/1/4/), for reports that roll up the tree. */
export async function departmentTree(db: AppContext['db']): Promise<Array<{ id: number; name: string; parentId: number | null; path: string }>> {
  return (await repo.all(db)).map((d) => ({ id: d.id, name: d.name, parentId: d.parent_id, path: d.path }));
}
