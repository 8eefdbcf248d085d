import type { MentionCandidateList } from '@crm/contracts';
import { can, type Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { pinyinForms } from '../../platform/pinyin.js';
import { normalizeForSearch } from '../../platform/search.js';
import { customerReadScope, customersByIds, findReadable } from '../customers/index.js';
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

/** Whether a user may read the customer and its follow-ups (so that a mention of them is told). */
async function mayRead(ctx: AppContext, them: Actor | null, customerId: number): Promise<boolean> {
  if (!them || !can(them, 'customers.view') || !can(them, 'followups.view')) return false;
  try {
    await findReadable(ctx.db, them, customerId);
    return true;
  } catch (error) {
    if (error instanceof AppError && error.code === 'NOT_FOUND') return false;
    throw error;
  }
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
    if (await mayRead(ctx, await actorOf(ctx, id, actor.locale), customerId)) targets.push(id);
  }
  return targets;
}

/**
 * The users the composer offers after "@" on a customer the actor may read: the active users a
 * mention would reach (mentionTargets), not the actor, by name, each with the forms it is typed
 * as (the name without spaces, pinyin and initials), so that "zw" and "zhangwei" find 张伟.
 */
export async function mentionCandidates(ctx: AppContext, actor: Actor, customerId: number): Promise<MentionCandidateList> {
  await findReadable(ctx.db, actor, customerId);
  const items: MentionCandidateList['items'] = [];
  for (const user of await activeUserDirectory(ctx.db)) {
    if (user.id === actor.userId || user.name.trim() === '') continue;
    if (!(await mayRead(ctx, await actorOf(ctx, user.id, actor.locale), customerId))) continue;
    const plain = normalizeForSearch(user.name);
    items.push({ id: user.id, name: user.name, keys: [...new Set([plain, ...pinyinForms(plain)])] });
  }
  items.sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
  return { items };
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

/** A mentioned user of a bulk follow-up and the customers of it they may see (ids ascending). */
export interface BulkMentionTarget { userId: number; customerIds: number[] }

/**
 * Who a bulk follow-up's text mentions and may be told: as mentionTargets, but a user qualifies
 * when they may read at least one of the customers, and is told once for the whole request (about
 * the customers they may see, never the others' names). Read before the write's transaction.
 */
export async function bulkMentionTargets(ctx: AppContext, actor: Actor, customerIds: number[], text: string): Promise<BulkMentionTarget[]> {
  if (!text.includes('@')) return [];
  const directory = await activeUserDirectory(ctx.db);
  const targets: BulkMentionTarget[] = [];
  for (const id of mentionedIds(text, directory)) {
    if (id === actor.userId) continue;
    const them = await actorOf(ctx, id, actor.locale);
    if (!them || !can(them, 'customers.view') || !can(them, 'followups.view')) continue;
    const { visible } = await customersByIds(ctx.db, customerIds, customerReadScope(them));
    if (visible.size > 0) targets.push({ userId: id, customerIds: [...visible].sort((a, b) => a - b) });
  }
  return targets;
}

/** The customers a bulk notice names: the first three, then "+N" for the rest. */
export function customersLabel(names: string[]): string {
  const shown = names.slice(0, 3).join('、');
  return names.length > 3 ? `${shown} +${names.length - 3}` : shown;
}

/** Tell each user a bulk follow-up mentions, once, pointing at the first customer they may see. */
export async function notifyBulkMentions(db: Db, targets: BulkMentionTarget[], m: { actor: Actor; names: Map<number, string>; text: string; at: string }): Promise<void> {
  for (const target of targets) {
    const [first] = target.customerIds;
    if (first === undefined) continue;
    await notify(db, {
      userId: target.userId,
      kind: 'mentioned',
      params: { actor: m.actor.name, customer: customersLabel(target.customerIds.map((id) => m.names.get(id) ?? '')), excerpt: excerpt(m.text, 80) },
      entityType: 'customer',
      entityId: first,
      at: m.at,
    });
  }
}
