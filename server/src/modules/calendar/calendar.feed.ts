import crypto from 'node:crypto';
import { calendarFeedDaysAhead, calendarFeedDaysBack, calendarFeedFilePattern, locales, type CalendarFeedCreated, type CalendarFeedState, type CalendarItem, type Locale } from '@crm/contracts';
import type { FastifyReply } from 'fastify';
import type { Actor } from '../../platform/auth/actor.js';
import { addDays } from '../../platform/calendar-days.js';
import { companyTimeZone, localDate } from '../../platform/company.js';
import type { AppContext } from '../../platform/context.js';
import { notFound } from '../../platform/errors.js';
import { permits } from '../../platform/http/route.js';
import { t, type MessageKey } from '../../platform/i18n.js';
import { actorOf, userLocales } from '../users/index.js';
import { buildIcs } from './calendar.ical.js';
import { calendarAccess, collectItems } from './calendar.items.js';
import * as repo from './calendar.repository.js';

/** Feed tokens are kept hashed: a leaked database hands out no calendars. */
const hashToken = (token: string) => crypto.createHash('sha256').update(token).digest('hex');
/** The most items one feed carries. */
const feedLimit = 5000;

function present(row: repo.FeedRow | undefined): CalendarFeedState {
  return { active: row !== undefined, createdAt: row?.created_at ?? null, lastUsedAt: row?.last_used_at ?? null };
}

/** Whether the caller has a feed (its address is shown once, when made). */
export async function getFeed(ctx: AppContext, actor: Actor): Promise<CalendarFeedState> {
  return present(await repo.feedOf(ctx.db, actor.userId));
}

/** Make a new private feed address for the caller; any earlier one stops working. */
export async function createFeed(ctx: AppContext, actor: Actor, origin: string): Promise<CalendarFeedCreated> {
  const token = crypto.randomBytes(32).toString('base64url');
  await repo.replaceFeed(ctx.db, actor.userId, hashToken(token), ctx.clock.now().toISOString());
  return { ...present(await repo.feedOf(ctx.db, actor.userId)), url: `${origin}/api/v1/ical/${token}.ics` };
}

/** Stop the caller's feed; 404 when there is none. */
export async function revokeFeed(ctx: AppContext, actor: Actor): Promise<void> {
  if (!(await repo.deleteFeed(ctx.db, actor.userId))) throw notFound();
}

const kindLabel = (locale: Locale) => (item: CalendarItem) =>
  t(locale, `calendar_kind_${item.kind === 'follow_up' ? (item.followUpKind ?? 'meeting') : item.kind}` as MessageKey);

/**
 * The feed itself (no session: the token is the key): the owner's items from 30 days back to 180
 * ahead, read with the owner's permissions and scope as they are now; unknown, rotated and revoked
 * tokens, and the feeds of deactivated users, are 404.
 */
export async function serveFeed(ctx: AppContext, file: string, origin: string, acceptLocale: Locale, reply: FastifyReply): Promise<void> {
  const token = calendarFeedFilePattern.exec(file)?.[1];
  const feed = token ? await repo.feedByToken(ctx.db, hashToken(token)) : undefined;
  if (!feed) throw notFound();
  // The owner's language when they chose one, else the calendar app's.
  const stored = (await userLocales(ctx, [feed.user_id])).get(feed.user_id);
  const locale = locales.find((l) => l === stored) ?? acceptLocale;
  const actor = await actorOf(ctx, feed.user_id, locale);
  if (!actor || !permits(actor, calendarAccess)) throw notFound();
  const now = ctx.clock.now();
  const timeZone = await companyTimeZone(ctx.db);
  const today = localDate(now, timeZone);
  const range = { from: addDays(today, -calendarFeedDaysBack), to: addDays(today, calendarFeedDaysAhead), timeZone };
  const { items } = await collectItems(ctx, actor, { userId: actor.userId }, range, locale, feedLimit);
  await repo.markUsed(ctx.db, feed.id, now.toISOString());
  const body = buildIcs(items, { name: t(locale, 'calendarFeedName', { name: actor.name }), timeZone, origin, now, label: kindLabel(locale) });
  void reply
    .code(200)
    .header('content-type', 'text/calendar; charset=utf-8')
    .header('content-disposition', 'inline; filename="crm.ics"')
    .header('cache-control', 'private, no-store')
    .send(body);
}
