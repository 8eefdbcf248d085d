import type { CalendarItem, Locale } from '@crm/contracts';
import { can, type Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import { calendarActivities, type CalendarWho } from '../activities/index.js';
import { calendarCareReminders } from '../reminders/index.js';
import { userNames } from '../users/index.js';

/** Whoever may read tasks, follow-ups, customers or contracts has a calendar of what they may read. */
export const calendarAccess = { anyOf: ['tasks.view', 'followups.view', 'customers.view', 'contracts.view'] } as const;

const kindOrder: Record<CalendarItem['kind'], number> = { care_reminder: 0, next_follow_up: 1, task: 2, follow_up: 3 };

/** A day's order: all-day items first (care reminders, then tasks without a time), then by time. */
function compareItems(a: CalendarItem, b: CalendarItem): number {
  if (a.date !== b.date) return a.date < b.date ? -1 : 1;
  const timeA = a.time ?? '';
  const timeB = b.time ?? '';
  if (timeA !== timeB) return timeA < timeB ? -1 : 1;
  if (a.kind !== b.kind) return kindOrder[a.kind] - kindOrder[b.kind];
  return a.id - b.id;
}

/**
 * Everything on the calendar from..to for one user or the actor's team, as far as the actor's
 * permissions go (tasks: tasks.view; meetings and visits: followups.view; care reminders: the
 * customers' or contracts' view), sorted by day and time, with the users' names. Each source stops
 * at `limit` items: when one does, the days after the last one it brought are left out (truncated).
 */
export async function collectItems(
  ctx: AppContext,
  actor: Actor,
  who: CalendarWho,
  range: { from: string; to: string; timeZone: string },
  locale: Locale,
  limit: number,
): Promise<{ items: CalendarItem[]; truncated: boolean }> {
  const now = ctx.clock.now();
  const parts = { tasks: can(actor, 'tasks.view'), followUps: can(actor, 'followups.view') };
  const [activities, care] = await Promise.all([
    calendarActivities(ctx, actor, who, { ...range, now }, parts, limit + 1),
    calendarCareReminders(ctx, actor, who, range, locale, limit + 1),
  ]);
  // A source cut at its limit is complete only before the day of its last item.
  const sources = [activities.filter((i) => i.kind !== 'follow_up'), activities.filter((i) => i.kind === 'follow_up'), care];
  const cutDays = sources.filter((s) => s.length > limit).map((s) => s[s.length - 1]?.date ?? range.from);
  const cut = cutDays.sort()[0] ?? null;
  const items = [...activities, ...care].filter((i) => cut === null || i.date < cut).sort(compareItems);
  const names = await userNames(ctx, items.map((i) => i.userId));
  return { items: items.map((i) => ({ ...i, userName: names.get(i.userId) ?? null })), truncated: cut !== null };
}
