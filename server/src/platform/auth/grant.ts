import type { DataScope, Permission } from '@crm/contracts';
import { AppError, type ErrorDetail } from '../errors.js';
import { t } from '../i18n.js';
import type { Actor } from './actor.js';

/** What a role grants: its permissions and its data scope. */
export interface Grant {
  permissions: readonly Permission[];
  dataScope: DataScope;
}

/** Each data scope contains the narrower ones: own ⊂ department ⊂ department tree ⊂ all. */
const scopeWidth: Record<DataScope, number> = { own: 0, department: 1, department_tree: 2, all: 3 };

/** Administrators may grant anything; everyone else at most what they hold themselves. */
export function isAdministrator(actor: Actor): boolean {
  return actor.roleKey === 'administrator';
}

/** The permissions of a grant that the actor does not hold (none for an administrator). */
export function permissionsBeyond(actor: Actor, permissions: readonly Permission[]): Permission[] {
  if (isAdministrator(actor)) return [];
  return [...new Set(permissions)].filter((p) => !actor.permissions.has(p));
}

/** Whether a data scope is wider than the actor's own (never for an administrator). */
export function scopeBeyond(actor: Actor, dataScope: DataScope): boolean {
  return !isAdministrator(actor) && scopeWidth[dataScope] > scopeWidth[actor.dataScope];
}

/** Whether a role's grant stays within the actor's own: only such roles may they give, change or take away. */
export function withinGrant(actor: Actor, grant: Grant): boolean {
  return permissionsBeyond(actor, grant.permissions).length === 0 && !scopeBeyond(actor, grant.dataScope);
}

/** A 403 that says, field by field, what the actor may not grant or change. */
export function refused(details: ErrorDetail[]): AppError {
  return new AppError('FORBIDDEN', 'forbidden', details);
}

/** The field-level refusals of granting these permissions and this scope (none when within the actor's own). */
export function grantProblems(actor: Actor, grant: Partial<Grant>): ErrorDetail[] {
  const details: ErrorDetail[] = [];
  const extra = grant.permissions ? permissionsBeyond(actor, grant.permissions) : [];
  if (extra.length > 0) details.push({ path: 'permissions', message: t(actor.locale, 'permissionsAboveYours', { list: extra.join(', ') }) });
  if (grant.dataScope && scopeBeyond(actor, grant.dataScope)) details.push({ path: 'dataScope', message: 'scopeAboveYours' });
  return details;
}

/**
 * Whether moving a department (materialised path `from` to `to`) would bring it, its users and
 * their records into the actor's department tree: only an administrator may do that.
 */
export function movesIntoTree(actor: Actor, from: string, to: string): boolean {
  if (isAdministrator(actor) || actor.dataScope !== 'department_tree' || actor.departmentPath === null) return false;
  return !from.startsWith(actor.departmentPath) && to.startsWith(actor.departmentPath);
}
