import type { LoginRequest, Me, PasswordChange } from '@crm/contracts';
import type { Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { departmentInfo } from '../departments/index.js';
import { loadGrant } from '../roles/index.js';
import * as users from '../users/index.js';

const accountLimit = 5;
const ipLimit = 30;

function throttled(ms: number): AppError {
  return new AppError('RATE_LIMITED', 'throttled', undefined, undefined, { minutes: Math.max(1, Math.ceil(ms / 60_000)) });
}

/**
 * Log in: the same answer for a wrong password and an unknown email; failures are counted per
 * account and per IP, and past the limit the login is refused before the password is checked.
 */
export async function login(ctx: AppContext, input: LoginRequest, meta: { ip: string | null; userAgent: string | null }) {
  const accountKey = `account:${input.email}`;
  const ipKey = `ip:${meta.ip ?? 'unknown'}`;
  const wait = Math.max(ctx.throttle.retryAfter(accountKey, accountLimit), ctx.throttle.retryAfter(ipKey, ipLimit));
  if (wait > 0) throw throttled(wait);
  const userId = await users.checkCredentials(ctx, input.email, input.password);
  if (userId === null) {
    ctx.throttle.fail(accountKey);
    ctx.throttle.fail(ipKey);
    throw new AppError('UNAUTHENTICATED', 'badCredentials');
  }
  ctx.throttle.reset(accountKey);
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

export async function changePassword(ctx: AppContext, actor: Actor, token: string, input: PasswordChange): Promise<void> {
  const ok = await users.changeOwnPassword(ctx, actor, token, input.currentPassword, input.newPassword);
  if (!ok) throw new AppError('VALIDATION_FAILED', 'validationFailed', [{ path: 'currentPassword', message: 'wrongPassword' }]);
}
