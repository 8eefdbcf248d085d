import crypto from 'node:crypto';
import type { DataScope, Locale } from '@crm/contracts';
import type { Actor } from '../../platform/auth/actor.js';
import { hashPassword, verifyPassword, dummyHashPromise } from '../../platform/auth/password.js';
import type { AppContext } from '../../platform/context.js';
import { departmentInfo } from '../departments/index.js';
import { loadGrant, parsePermissions } from '../roles/index.js';
import * as repo from './users.repository.js';

/** Session ids are stored hashed: a leaked database does not hand out live sessions. */
function hashToken(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex');
}

/** Check an email and password; the user id when they match an active user, else null. */
export async function checkCredentials(ctx: AppContext, email: string, password: string): Promise<number | null> {
  const row = await repo.findByEmail(ctx.db, email);
  if (!row || row.deleted_at !== null || row.active !== 1) {
    await verifyPassword(password, await dummyHashPromise);
    return null;
  }
  return (await verifyPassword(password, row.password_hash)) ? row.id : null;
}

/** Start a new session (a fresh id at every login); returns the cookie token. */
export async function startSession(ctx: AppContext, userId: number, meta: { ip: string | null; userAgent: string | null }): Promise<string> {
  const token = crypto.randomBytes(32).toString('base64url');
  const now = ctx.clock.now();
  await repo.insertSession(ctx.db, {
    id: hashToken(token),
    user_id: userId,
    created_at: now.toISOString(),
    expires_at: new Date(now.getTime() + ctx.config.sessionTtlMinutes * 60_000).toISOString(),
    ip: meta.ip,
    user_agent: meta.userAgent?.slice(0, 300) ?? null,
  });
  await repo.setFields(ctx.db, userId, { last_login_at: now.toISOString() });
  return token;
}

export async function endSession(ctx: AppContext, token: string): Promise<void> {
  await repo.deleteSession(ctx.db, hashToken(token));
}

/** Build the actor of a user: role grant, data scope and department path. */
export async function actorOf(ctx: AppContext, userId: number, locale: Locale): Promise<Actor | null> {
  const row = await repo.findById(ctx.db, userId);
  if (!row || row.active !== 1) return null;
  const grant = await loadGrant(ctx, row.role_id);
  if (!grant) return null;
  const department = row.department_id !== null ? await departmentInfo(ctx, row.department_id) : null;
  return {
    userId: row.id,
    name: row.name,
    roleId: row.role_id,
    roleKey: grant.key,
    permissions: new Set(grant.permissions),
    dataScope: grant.dataScope,
    departmentId: row.department_id,
    departmentPath: department?.path ?? null,
    locale,
  };
}

/**
 * The actor behind a session token, or null when the session is unknown, expired or its user
 * lost access. Sliding expiry: a session used in the second half of its life is extended.
 */
export async function actorOfSession(ctx: AppContext, token: string, locale: Locale): Promise<Actor | null> {
  const id = hashToken(token);
  const session = await repo.findSessionActor(ctx.db, id);
  const now = ctx.clock.now();
  if (!session) return null;
  if (session.expires_at <= now.toISOString()) {
    await repo.deleteSession(ctx.db, id);
    return null;
  }
  const ttl = ctx.config.sessionTtlMinutes * 60_000;
  if (Date.parse(session.expires_at) - now.getTime() < ttl / 2) {
    await repo.extendSession(ctx.db, id, new Date(now.getTime() + ttl).toISOString());
  }
  if (session.active !== 1) return null;
  return {
    userId: session.user_id,
    name: session.name,
    roleId: session.role_id,
    roleKey: session.role_key,
    permissions: new Set(parsePermissions(session.permissions)),
    dataScope: session.data_scope as DataScope,
    departmentId: session.department_id,
    departmentPath: session.department_path ?? null,
    locale,
  };
}

/** Change one's own password; every other session of the user ends. */
export async function changeOwnPassword(ctx: AppContext, actor: Actor, token: string, current: string, next: string): Promise<boolean> {
  const row = await repo.findById(ctx.db, actor.userId);
  if (!row || !(await verifyPassword(current, row.password_hash))) return false;
  const hash = await hashPassword(next);
  await ctx.db.transaction().execute(async (trx) => {
    await repo.setFields(trx, actor.userId, { password_hash: hash, updated_at: ctx.clock.now().toISOString() });
    await repo.deleteSessionsOf(trx, actor.userId, hashToken(token));
  });
  return true;
}

export async function userLocale(ctx: AppContext, userId: number): Promise<string | null> {
  return (await repo.findById(ctx.db, userId))?.locale ?? null;
}

export async function purgeExpiredSessions(ctx: AppContext): Promise<void> {
  await repo.deleteExpiredSessions(ctx.db, ctx.clock.now().toISOString());
}
