import crypto from 'node:crypto';
import type { AppContext } from './platform/context.js';
import { ensureBuiltInRoles, roleIdByKey } from './modules/roles/index.js';
import { createInitialUser, hasAnyUser } from './modules/users/index.js';

/**
 * First start: built-in roles, and the administrator when there are no users yet. Without
 * CRM_ADMIN_EMAIL / CRM_ADMIN_PASSWORD it is admin@example.com with a random password, printed once.
 */
export async function bootstrap(ctx: AppContext, print: (line: string) => void): Promise<void> {
  await ensureBuiltInRoles(ctx);
  if (await hasAnyUser(ctx)) return;
  const roleId = await roleIdByKey(ctx, 'administrator');
  if (roleId === null) throw new Error('administrator role missing');
  const email = ctx.config.adminEmail ?? 'admin@example.com';
  const password = ctx.config.adminPassword ?? crypto.randomBytes(9).toString('base64url');
  await createInitialUser(ctx, { email, name: '系统管理员', password, roleId, departmentId: null });
  if (ctx.config.adminPassword) {
    print(`Created the administrator ${email} (password from CRM_ADMIN_PASSWORD).`);
  } else {
    print(`Created the administrator ${email} with the password: ${password}`);
    print('This password is shown only once. Change it after logging in.');
  }
}
