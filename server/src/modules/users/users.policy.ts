import type { Actor } from '../../platform/auth/actor.js';
import { isAdministrator, refused, withinGrant } from '../../platform/auth/grant.js';
import { isUnscoped, ownerScope } from '../../platform/auth/scope.js';
import type { AppContext } from '../../platform/context.js';
import { AppError, type ErrorDetail } from '../../platform/errors.js';
import { departmentInfo } from '../departments/index.js';
import { loadGrant } from '../roles/index.js';
import * as repo from './users.repository.js';

/**
 * Who may give whom which access. Administrators may do anything; everyone else
 * - gives only roles within their own grant (permissions and data scope),
 * - changes or removes only users whose role is within their own grant,
 * - never changes their own role, department or active state, nor their own password without
 *   the current one (that is /auth/password, throttled),
 * - changes the sign-in (email, password) only of users within their data scope: taking over
 *   an account would hand them that user's records,
 * - never moves a user from outside their data scope into it (with the user come their records).
 */
export interface UserChange {
  roleId?: number;
  departmentId?: number | null;
  active?: boolean;
  email?: string;
  password?: string;
}

async function roleWithinGrant(ctx: AppContext, actor: Actor, roleId: number): Promise<boolean> {
  const grant = await loadGrant(ctx, roleId);
  return grant === null || withinGrant(actor, grant);
}

/** Whether the actor's data scope covers a user's records. */
async function userInScope(ctx: AppContext, actor: Actor, userId: number): Promise<boolean> {
  const scope = ownerScope(actor, 'users');
  return isUnscoped(scope) || repo.existsInScope(ctx.db, userId, scope);
}

/** Whether users of a department fall in the actor's data scope (department or department tree). */
async function departmentInScope(ctx: AppContext, actor: Actor, departmentId: number | null): Promise<boolean> {
  if (departmentId === null || actor.departmentId === null) return false;
  if (actor.dataScope === 'department') return departmentId === actor.departmentId;
  if (actor.dataScope !== 'department_tree' || actor.departmentPath === null) return false;
  return (await departmentInfo(ctx, departmentId))?.path.startsWith(actor.departmentPath) ?? false;
}

export async function checkNewUser(ctx: AppContext, actor: Actor, roleId: number): Promise<void> {
  if (!(await roleWithinGrant(ctx, actor, roleId))) throw refused([{ path: 'roleId', message: 'roleAboveYours' }]);
}

/** A user the actor may change or remove at all: their role is within the actor's grant. */
export async function checkUserAccess(ctx: AppContext, actor: Actor, target: repo.UserRow): Promise<void> {
  if (!(await roleWithinGrant(ctx, actor, target.role_id))) throw new AppError('FORBIDDEN', 'userAboveYours');
}

export async function checkUserChange(ctx: AppContext, actor: Actor, target: repo.UserRow, input: UserChange): Promise<void> {
  if (isAdministrator(actor)) return;
  await checkUserAccess(ctx, actor, target);
  const roleChanges = input.roleId !== undefined && input.roleId !== target.role_id;
  const departmentChanges = input.departmentId !== undefined && input.departmentId !== target.department_id;
  const activeChanges = input.active !== undefined && (input.active ? 1 : 0) !== target.active;
  const details: ErrorDetail[] = [];
  if (target.id === actor.userId) {
    if (roleChanges) details.push({ path: 'roleId', message: 'ownRole' });
    if (departmentChanges) details.push({ path: 'departmentId', message: 'ownDepartment' });
    if (activeChanges) details.push({ path: 'active', message: 'ownActive' });
    if (input.password !== undefined) details.push({ path: 'password', message: 'ownPassword' });
  } else {
    if (roleChanges && input.roleId !== undefined && !(await roleWithinGrant(ctx, actor, input.roleId))) details.push({ path: 'roleId', message: 'roleAboveYours' });
    const signIn = input.password !== undefined ? 'password' : input.email !== undefined && input.email !== target.email ? 'email' : null;
    const inScope = await userInScope(ctx, actor, target.id);
    if (signIn && !inScope) details.push({ path: signIn, message: 'userOutsideScope' });
    if (departmentChanges && !inScope && input.departmentId !== undefined && (await departmentInScope(ctx, actor, input.departmentId))) {
      details.push({ path: 'departmentId', message: 'departmentIntoScope' });
    }
  }
  if (details.length > 0) throw refused(details);
}
