import crypto from 'node:crypto';
import { sql } from 'kysely';
import { passwordProblem } from './platform/auth/password-policy.js';
import type { AppContext } from './platform/context.js';
import { markSearchIndexCurrent } from './platform/search-reindex.js';
import { ensureBuiltInRoles, roleIdByKey } from './modules/roles/index.js';
import { createInitialUser, hasAnyUser } from './modules/users/index.js';

const adminName = '系统管理员';

/**
 * First start: built-in roles, and the administrator when there are no users yet. Without
 * CRM_ADMIN_EMAIL / CRM_ADMIN_PASSWORD it is admin@example.com with a random password, printed once.
 * A CRM_ADMIN_PASSWORD the password policy refuses stops the start with the reason. Servers
 * starting together take turns (one transaction, under an advisory lock on PostgreSQL; SQLite's
 * write lock): one creates what is missing, the others find it.
 */
export async function bootstrap(ctx: AppContext, print: (line: string) => void): Promise<void> {
  const lines = await ctx.db.transaction().execute(async (trx) => {
    if (ctx.engine === 'postgres') await sql`select pg_advisory_xact_lock(hashtext('bootstrap'))`.execute(trx);
    return firstStart({ ...ctx, db: trx });
  });
  lines.forEach(print);
}

async function firstStart(ctx: AppContext): Promise<string[]> {
  await ensureBuiltInRoles(ctx);
  if (await hasAnyUser(ctx)) return [];
  const roleId = await roleIdByKey(ctx, 'administrator');
  if (roleId === null) throw new Error('administrator role missing');
  const email = ctx.config.adminEmail ?? 'admin@example.com';
  const password = ctx.config.adminPassword ?? crypto.randomBytes(12).toString('base64url');
  const problem = passwordProblem(password, { email, name: adminName }, 'en');
  if (problem) throw new Error(`CRM_ADMIN_PASSWORD is refused: ${problem}`);
  await createInitialUser(ctx, { email, name: adminName, password, roleId, departmentId: null });
  // A new company's records are all written with today's search keys: nothing to re-index.
  await markSearchIndexCurrent(ctx);
  if (ctx.config.adminPassword) return [`Created the administrator ${email} (password from CRM_ADMIN_PASSWORD).`];
  return [`Created the administrator ${email} with the password: ${password}`, 'This password is shown only once. Change it after logging in.'];
}
