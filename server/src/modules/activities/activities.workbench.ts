import type { Task, WorkbenchDueCustomer } from '@crm/contracts';
import { can, type Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import { listTasks } from './tasks.service.js';
import * as repo from './activities.workbench-repository.js';

/*
 * What the workbench (个人中心) reads from follow-ups and tasks: the caller's own, each a short
 * list with its total, or null without the permission behind it.
 */

type Section<T> = { items: T[]; total: number };

/** My open tasks due today and overdue, in due order (tasks.view). */
export async function myTaskAgenda(ctx: AppContext, actor: Actor, limit: number): Promise<{ today: Section<Task>; overdue: Section<Task> } | null> {
  if (!can(actor, 'tasks.view')) return null;
  const mine = { assigneeId: actor.userId, page: 1, pageSize: limit };
  const [today, overdue] = await Promise.all([listTasks(ctx, actor, { ...mine, view: 'today' }), listTasks(ctx, actor, { ...mine, view: 'overdue' })]);
  return { today: { items: today.items, total: today.total }, overdue: { items: overdue.items, total: overdue.total } };
}

/** My customers whose next follow-up is due today or overdue (customers.view and followups.view). */
export async function myDueCustomers(ctx: AppContext, actor: Actor, today: string, limit: number): Promise<Section<WorkbenchDueCustomer> | null> {
  if (!can(actor, 'customers.view') || !can(actor, 'followups.view')) return null;
  const { rows, total } = await repo.dueCustomers(ctx.db, actor.userId, today, limit);
  return {
    items: rows.map((r) => ({ id: r.id, name: r.name, nextOn: r.next_on, nextAction: r.next_action, overdue: r.next_on < today, lastFollowUpAt: r.occurred_at })),
    total,
  };
}

/** How many follow-ups I logged between two instants (followups.view), or null. */
export async function myFollowUpCount(ctx: AppContext, actor: Actor, fromIso: string, toIso: string): Promise<number | null> {
  if (!can(actor, 'followups.view')) return null;
  return repo.followUpsCountBy(ctx.db, actor.userId, fromIso, toIso);
}
