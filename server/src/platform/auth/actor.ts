import type { DataScope, Locale, Permission } from '@crm/contracts';
import { forbidden } from '../errors.js';

/** Who is calling: the signed-in user with their role's permissions and data scope. */
export interface Actor {
  userId: number;
  name: string;
  roleId: number;
  roleKey: string;
  permissions: ReadonlySet<Permission>;
  dataScope: DataScope;
  departmentId: number | null;
  /** Materialised path of the user's department (`/1/4/`), for department-tree scope. */
  departmentPath: string | null;
  locale: Locale;
}

export function can(actor: Actor, permission: Permission): boolean {
  return actor.permissions.has(permission);
}

/** Throw FORBIDDEN unless the actor's role grants the permission. */
export function authorize(actor: Actor, permission: Permission): void {
  if (!actor.permissions.has(permission)) throw forbidden();
}
