import { calendarMaxDays, type CalendarResponse, type calendarQuery, type Locale } from '@crm/contracts';
import type { z } from 'zod';
import type { Actor } from '../../platform/auth/actor.js';
import { daysBetween } from '../../platform/calendar-days.js';
import { companyTimeZone } from '../../platform/company.js';
import type { AppContext } from '../../platform/context.js';
import { AppError, notFound, type ErrorDetail } from '../../platform/errors.js';
import type { CalendarWho } from '../activities/index.js';
import { isUserInScope, userNames, usersInScope } from '../users/index.js';
import { collectItems } from './calendar.items.js';

/** The most items one answer carries (a team's six weeks). */
const itemLimit = 2000;

/** Whose calendar the query asks for: the caller's, one user's in the caller's scope (else 404), or the team's. */
async function whose(ctx: AppContext, actor: Actor, query: z.output<typeof calendarQuery>): Promise<{ who: CalendarWho; users: Array<{ id: number; name: string }> }> {
  if (query.team === 'true') {
    const users = await usersInScope(ctx.db, actor);
    return { who: { team: true }, users: users.map((u) => ({ id: u.id, name: u.name })) };
  }
  const userId = query.userId ?? actor.userId;
  const name = (await userNames(ctx, [userId])).get(userId);
  // Outside the scope looks the same as no such user.
  if (name === undefined || (userId !== actor.userId && !(await isUserInScope(ctx, actor, userId)))) throw notFound();
  return { who: { userId }, users: [{ id: userId, name }] };
}

/** GET /calendar: the items of from..to (at most six weeks) for the caller, a user in their scope, or their team. */
export async function getCalendar(ctx: AppContext, actor: Actor, query: z.output<typeof calendarQuery>, locale: Locale): Promise<CalendarResponse> {
  const details: ErrorDetail[] = [];
  if (query.to < query.from) details.push({ path: 'to', message: 'calendarRangeOrder' });
  else if (daysBetween(query.from, query.to) + 1 > calendarMaxDays) details.push({ path: 'to', message: 'calendarRangeTooLong' });
  if (query.team === 'true' && query.userId !== undefined) details.push({ path: 'team', message: 'calendarTeamOrUser' });
  if (details.length > 0) throw new AppError('VALIDATION_FAILED', 'validationFailed', details);
  const { who, users } = await whose(ctx, actor, query);
  const timeZone = await companyTimeZone(ctx.db);
  const { items, truncated } = await collectItems(ctx, actor, who, { from: query.from, to: query.to, timeZone }, locale, itemLimit);
  return { from: query.from, to: query.to, timeZone, users, items, truncated };
}
