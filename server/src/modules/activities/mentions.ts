import { can, type Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { findReadable } from '../customers/index.js';
import { excerpt } from '../email/index.js';
import { notify } from '../notifications/index.js';
import { activeUserDirectory, actorOf } from '../users/index.js';

type Db = AppContext['db'];
const asciiWordEnd = /[A-Za-z0-9_]$/;
const asciiWordStart = /^[A-Za-z0-9_]/;
// An @ right after these is part of an email address, not a mention.
const addressChar = /[A-Za-z0-9._%+-]/;

/**
 * The users a text names with @: after each @ the longest active user's name that follows it
 * (case aside), so that "@张伟明" is 张伟明 and not 张伟. A name ending in a Latin letter or digit
 * must end there ("@Emma Smith," but not "@Emmanuel"); Chinese names need no space after them
 * ("@张伟请跟进"). Users sharing the name are all named.
 */
export function mentionedIds(text: string, directory: ReadonlyArray<{ id: number; name: string }>): number[] {
  const users = directory.map((u) => ({ id: u.id, name: u.name.trim().toLowerCase() })).filter((u) => u.name !== '');
  const lower = text.toLowerCase();
  const found = new Set<number>();
  for (let at = lower.indexOf('@'); at !== -1; at = lower.indexOf('@', at + 1)) {
    if (at > 0 && addressChar.test(lower.charAt(at - 1))) continue;
    const rest = lower.slice(at + 1);
    const fits = users.filter((u) => rest.startsWith(u.name) && !(asciiWordEnd.test(u.name) && asciiWordStart.test(rest.slice(u.name.length))));
    const longest = Math.max(0, ...fits.map((u) => u.name.length));
    for (const u of fits) if (u.name.length === longest) found.add(u.id);
  }
  return [...found];
}

/**
 * Who a follow-up's text newly mentions and may be told: active users named in `text` and not
 * already in `before` (the text as it was), never the author, and only those who may read the
 * customer and its follow-ups (customers.view, followups.view, the customer in their read scope);
 * a mention of anybody else is ignored. Read before the write's transaction.
 */
export async function mentionTargets(ctx: AppContext, actor: Actor, customerId: number, text: string, before: string | null = null): Promise<number[]> {
  if (!text.includes('@')) return [];
  const directory = await activeUserDirectory(ctx.db);
  const already = new Set(before ? mentionedIds(before, directory) : []);
  const targets: number[] = [];
  for (const id of mentionedIds(text, directory)) {
    if (id === actor.userId || already.has(id)) continue;
    const them = await actorOf(ctx, id, actor.locale);
    if (!them || !can(them, 'customers.view') || !can(them, 'followups.view')) continue;
    try {
      await findReadable(ctx.db, them, customerId);
      targets.push(id);
    } catch (error) {
      if (!(error instanceof AppError && error.code === 'NOT_FOUND')) throw error;
    }
  }
  return targets;
}

/** Tell each mentioned user, in the follow-up's transaction, with the start of its text. */
export async function notifyMentions(db: Db, targets: number[], m: { actor: Actor; customerId: number; customerName: string; text: string; at: string }): Promise<void> {
  for (const userId of targets) {
    await notify(db, {
      userId,
      kind: 'mentioned',
      params: { actor: m.actor.name, customer: m.customerName, excerpt: excerpt(m.text, 80) },
      entityType: 'customer',
      entityId: m.customerId,
      at: m.at,
    });
  }
}
