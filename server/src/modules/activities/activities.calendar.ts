import type { CalendarItem, FollowUpKind, TaskStatus } from '@crm/contracts';
import type { Actor } from '../../platform/auth/actor.js';
import { ownerScope } from '../../platform/auth/scope.js';
import { addDays } from '../../platform/calendar-days.js';
import { localDateTime, startOfLocalDay } from '../../platform/company.js';
import type { AppContext } from '../../platform/context.js';
import * as repo from './activities.reminders-repository.js';

/** Whose days: one user's (already checked to be in the actor's scope), or everyone's in the actor's scope. */
export type CalendarWho = { userId: number } | { team: true };

/**
 * Tasks due from..to (company days; a task made by a follow-up's next step is that follow-up's
 * planned next contact), and the meetings and visits that happened those days, as calendar items
 * (userName left for the caller to fill). Each list stops at `limit`.
 */
export async function calendarActivities(
  ctx: AppContext,
  actor: Actor,
  who: CalendarWho,
  range: { from: string; to: string; timeZone: string; now: Date },
  parts: { tasks: boolean; followUps: boolean },
  limit: number,
): Promise<CalendarItem[]> {
  const stamp = localDateTime(range.now, range.timeZone);
  const today = { day: stamp.slice(0, 10), time: stamp.slice(11, 16) };
  const items: CalendarItem[] = [];
  const base = { userName: null, contractId: null, followUpKind: null, careKind: null, remindBeforeMinutes: null, durationMinutes: null, overdue: false, status: null };
  if (parts.tasks) {
    const owners: repo.CalendarOwners = 'userId' in who ? { userId: who.userId } : { scope: ownerScope(actor, 'tasks') };
    for (const r of await repo.calendarTasks(ctx.db, owners, range.from, range.to, limit)) {
      const open = r.status === 'open';
      const kind = r.follow_up_id !== null ? 'next_follow_up' : 'task';
      items.push({
        ...base,
        key: `${kind}:${r.id}`,
        kind,
        id: r.id,
        date: r.due_on,
        time: r.due_time,
        title: r.title,
        userId: r.assignee_id,
        customerId: r.customer_id,
        customerName: r.customer_name,
        contractId: r.contract_id,
        status: r.status as TaskStatus,
        overdue: open && (r.due_on < today.day || (r.due_on === today.day && r.due_time !== null && r.due_time < today.time)),
        remindBeforeMinutes: r.remind_before_minutes,
      });
    }
  }
  if (parts.followUps) {
    const owners: repo.CalendarOwners = 'userId' in who ? { userId: who.userId } : { scope: ownerScope(actor, 'followups') };
    const fromIso = startOfLocalDay(range.from, range.timeZone).toISOString();
    const toIso = startOfLocalDay(addDays(range.to, 1), range.timeZone).toISOString();
    for (const r of await repo.calendarFollowUps(ctx.db, owners, fromIso, toIso, limit)) {
      const local = localDateTime(new Date(r.occurred_at), range.timeZone);
      items.push({
        ...base,
        key: `follow_up:${r.id}`,
        kind: 'follow_up',
        id: r.id,
        date: local.slice(0, 10),
        time: local.slice(11, 16),
        durationMinutes: r.duration_minutes,
        title: r.content.split('\n')[0]?.slice(0, 120) ?? '',
        userId: r.author_id,
        customerId: r.customer_id,
        customerName: r.customer_name,
        contractId: r.contract_id,
        followUpKind: r.kind as FollowUpKind,
      });
    }
  }
  return items;
}
