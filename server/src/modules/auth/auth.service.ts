import type { LoginRequest, Me, PasswordChange } from '@crm/contracts';
import type { Actor } from '../../platform/auth/actor.js';
import { assertStrongPassword } from '../../platform/auth/password-policy.js';
import type { AppContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { departmentInfo } from '../departments/index.js';
import { loadGrant } from '../roles/index.js';
import * as users from '../users/index.js';

const accountLimit = 5;
const ipLimit = 30;
/** Wrong current passwords when changing one's own, per user: as many as failed logins per account. */
const passwordCheckLimit = 5;
const windowMs = 15 * 60 * 1000;

function throttled(ms: number): AppError {
  return new AppError('RATE_LIMITED', 'throttled', undefined, undefined, { minutes: Math.max(1, Math.ceil(ms / 60_000)) });
}

/**
 * Log in: the same answer for a wrong password and an unknown email. Attempts are counted per
 * account and per IP before the password is checked (so parallel attempts cannot all get past
 * the limit); past it the login is refused unchecked. Signing in forgets the account's failures
 * and gives back the address's attempt.
 */
export async function login(ctx: AppContext, input: LoginRequest, meta: { ip: string | null; userAgent: string | null }) {
  const accountKey = `login-account:${input.email.toLowerCase()}`;
  const ipKey = `login-ip:${meta.ip ?? 'unknown'}`;
  const wait = Math.max(await ctx.throttle.attempt(accountKey, accountLimit, windowMs), await ctx.throttle.attempt(ipKey, ipLimit, windowMs));
  if (wait > 0) throw throttled(wait);
  const userId = await users.checkCredentials(ctx, input.email, input.password);
  if (userId === null) throw new AppError('UNAUTHENTICATED', 'badCredentials');
  await ctx.throttle.reset(accountKey);
  await ctx.throttle.refund(ipKey);
  const token = await users.startSession(ctx, userId, meta);
  const actor = await users.actorOf(ctx, userId, 'zh-CN');
  if (!actor) throw new AppError('UNAUTHENTICATED', 'badCredentials');
  return { token, user: await users.getUser(ctx, { ...actor, permissions: new Set(['users.view']) }, userId) };
}

export async function me(ctx: AppContext, actor: Actor): Promise<Me> {
  const user = await users.getUser(ctx, { ...actor, permissions: new Set(['users.view']) }, actor.userId);
  const department = actor.departmentId !== null ? await departmentInfo(ctx, actor.departmentId) : null;
  const grant = await loadGrant(ctx, actor.roleId);
  return {
    user,
    role: { id: actor.roleId, key: actor.roleKey, name: grant?.name ?? actor.roleKey },
    permissions: [...actor.permissions],
    dataScope: actor.dataScope,
    departmentName: department?.name ?? null,
  };
}

/**
 * Change one's own password. A new password the policy refuses costs no attempt; a wrong current
 * password is throttled like a failed login, so a borrowed session cannot guess it.
 */
export async function changePassword(ctx: AppContext, actor: Actor, token: string, input: PasswordChange): Promise<void> {
  const owner = await users.getUser(ctx, { ...actor, permissions: new Set(['users.view']) }, actor.userId);
  assertStrongPassword(input.newPassword, owner, actor.locale, 'newPassword');
  const key = `password-check:${actor.userId}`;
  const wait = await ctx.throttle.attempt(key, passwordCheckLimit, windowMs);
  if (wait > 0) throw throttled(wait);
  const ok = await users.changeOwnPassword(ctx, actor, token, input.currentPassword, input.newPassword);
  if (!ok) throw new AppError('VALIDATION_FAILED', 'validationFailed', [{ path: 'currentPassword', message: 'wrongPassword' }]);
  await ctx.throttle.reset(key);
}
