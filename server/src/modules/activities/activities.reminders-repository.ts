import type { Kysely, Transaction } from 'kysely';
import { isUnscoped, type Scope } from '../../platform/auth/scope.js';
import type { DB } from '../../platform/db/schema.js';

type Db = Kysely<DB> | Transaction<DB>;

/** Open tasks whose reminder is due and not yet sent, earliest first. */
export async function remindersDue(db: Db, nowIso: string, limit: number) {
  return db
    .selectFrom('tasks as tk')
    .select(['tk.id', 'tk.title', 'tk.assignee_id', 'tk.due_on', 'tk.due_time', 'tk.remind_at'])
    .where('tk.reminded_at', 'is', null)
    .where('tk.remind_at', 'is not', null)
    .where('tk.remind_at', '<=', nowIso)
    .where('tk.status', '=', 'open')
    .orderBy('tk.remind_at')
    .orderBy('tk.id')
    .limit(limit)
    .execute();
}

/** Mark a reminder sent: true for the one caller that marks it, while the task is open and its reminder time is still the one read. */
export async function claimReminder(db: Db, id: number, remindAt: string, nowIso: string): Promise<boolean> {
  const r = await db
    .updateTable('tasks')
    .set({ reminded_at: nowIso })
    .where('id', '=', id)
    .where('reminded_at', 'is', null)
    .where('remind_at', '=', remindAt)
    .where('status', '=', 'open')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Whose calendar: one user's, or everyone's in a data scope. */
export type CalendarOwners = { userId: number } | { scope: Scope };

/** Open and done tasks (not cancelled) due from..to (days), by due day and time; at most `limit`. */
export async function calendarTasks(db: Db, owners: CalendarOwners, from: string, to: string, limit: number) {
  let query = db
    .selectFrom('tasks as tk')
    .leftJoin('customers as tkc', 'tkc.id', 'tk.customer_id')
    .select(['tk.id', 'tk.title', 'tk.due_on', 'tk.due_time', 'tk.status', 'tk.assignee_id', 'tk.customer_id', 'tk.contract_id', 'tk.follow_up_id', 'tk.remind_before_minutes', 'tkc.name as customer_name'])
    .where('tk.status', '!=', 'cancelled')
    .where('tk.due_on', '>=', from)
    .where('tk.due_on', '<=', to);
  if ('userId' in owners) query = query.where('tk.assignee_id', '=', owners.userId);
  else if (!isUnscoped(owners.scope)) query = query.where(owners.scope);
  return query.orderBy('tk.due_on').orderBy('tk.due_time').orderBy('tk.id').limit(limit).execute();
}

/** Meetings and visits that happened in [fromIso, toIso), on live customers; at most `limit`. */
export async function calendarFollowUps(db: Db, owners: CalendarOwners, fromIso: string, toIso: string, limit: number) {
  let query = db
    .selectFrom('follow_ups as fu')
    .innerJoin('customers as fuk', 'fuk.id', 'fu.customer_id')
    .select(['fu.id', 'fu.kind', 'fu.occurred_at', 'fu.duration_minutes', 'fu.author_id', 'fu.customer_id', 'fu.contract_id', 'fu.content', 'fuk.name as customer_name'])
    .where('fuk.deleted_at', 'is', null)
    .where('fu.kind', 'in', ['meeting', 'visit'])
    .where('fu.occurred_at', '>=', fromIso)
    .where('fu.occurred_at', '<', toIso);
  if ('userId' in owners) query = query.where('fu.author_id', '=', owners.userId);
  else if (!isUnscoped(owners.scope)) query = query.where(owners.scope);
  return query.orderBy('fu.occurred_at').orderBy('fu.id').limit(limit).execute();
}
