import crypto from 'node:crypto';
import { passwordProblem } from './platform/auth/password-policy.js';
import type { AppContext } from './platform/context.js';
import { ensureBuiltInRoles, roleIdByKey } from './modules/roles/index.js';
import { createInitialUser, hasAnyUser } from './modules/users/index.js';

const adminName = '系统管理员';

/**
 * First start: built-in roles, and the administrator when there are no users yet. Without
 * CRM_ADMIN_EMAIL / CRM_ADMIN_PASSWORD it is admin@example.com with a random password, printed once.
 * A CRM_ADMIN_PASSWORD the password policy refuses stops the start with the reason.
 */
export async function bootstrap(ctx: AppContext, print: (line: string) => void): Promise<void> {
  await ensureBuiltInRoles(ctx);
  if (await hasAnyUser(ctx)) return;
  const roleId = await roleIdByKey(ctx, 'administrator');
  if (roleId === null) throw new Error('administrator role missing');
  const email = ctx.config.adminEmail ?? 'admin@example.com';
  const password = ctx.config.adminPassword ?? crypto.randomBytes(12).toString('base64url');
  const problem = passwordProblem(password, { email, name: adminName }, 'en');
  if (problem) throw new Error(`CRM_ADMIN_PASSWORD is refused: ${problem}`);
  await createInitialUser(ctx, { email, name: adminName, password, roleId, departmentId: null });
  if (ctx.config.adminPassword) {
    print(`Created the administrator ${email} (password from CRM_ADMIN_PASSWORD).`);
  } else {
    print(`Created the administrator ${email} with the password: ${password}`);
    print('This password is shown only once. Change it after logging in.');
  }
}
