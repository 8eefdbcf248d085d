import { reminderTimeWithoutDueTime } from '@crm/contracts';
import { localInstant } from '../../platform/calendar-days.js';
import type { AppContext } from '../../platform/context.js';
import type { ScheduledTask } from '../../platform/scheduler.js';
import { notify } from '../notifications/index.js';
import * as repo from './activities.reminders-repository.js';

const batchSize = 200;

/**
 * When a task's reminder goes out: `minutesBefore` before its due time (a day without a time
 * counts as due at 09:00) in the company's time zone; null without a reminder.
 */
export function reminderInstant(dueOn: string, dueTime: string | null, minutesBefore: number | null, timeZone: string): string | null {
  if (minutesBefore === null) return null;
  const due = localInstant(dueOn, dueTime ?? reminderTimeWithoutDueTime, timeZone);
  return new Date(due.getTime() - minutesBefore * 60_000).toISOString();
}

/**
 * Tell each assignee about their open tasks whose reminder time has come, once each: the mark
 * (reminded_at) is set by an update conditional on it being unset and on the reminder time read,
 * in the transaction that writes the notification, so two runners at once, or a run twice in a
 * row, remind nobody twice, and a reminder moved by an edit meanwhile waits for its new time.
 * Returns how many reminders went out.
 */
export async function runTaskReminders(ctx: AppContext): Promise<number> {
  const now = ctx.clock.now().toISOString();
  let sent = 0;
  // Each pass takes the earliest due reminders; the ones told (here or elsewhere) leave the set.
  for (let pass = 0; pass < 1000; pass++) {
    const rows = await repo.remindersDue(ctx.db, now, batchSize);
    for (const row of rows) {
      const remindAt = row.remind_at;
      if (remindAt === null) continue;
      const told = await ctx.db.transaction().execute(async (trx) => {
        if (!(await repo.claimReminder(trx, row.id, remindAt, now))) return false;
        await notify(trx, {
          userId: row.assignee_id,
          kind: 'task_reminder',
          params: { task: row.title, when: row.due_time ? `${row.due_on} ${row.due_time}` : row.due_on, date: row.due_on },
          entityType: 'task',
          entityId: row.id,
          at: now,
        });
        return true;
      });
      if (told) sent += 1;
    }
    if (rows.length < batchSize) break;
  }
  return sent;
}

/** The scheduled task that sends task reminders every `minutes` minutes (1 by default). */
export function taskRemindersTask(ctx: AppContext, minutes: number): ScheduledTask {
  return { name: 'task-reminders', everyMs: Math.max(1, minutes) * 60_000, run: () => runTaskReminders(ctx) };
}
