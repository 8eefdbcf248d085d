import { nextDueOn, type ListResponse, type Task, type TaskPriority, type TaskRecurrence, type TaskStatus, type taskCreate, type taskListQuery, type taskUpdate } from '@crm/contracts';
import type { z } from 'zod';
import { authorize, can, type Actor } from '../../platform/auth/actor.js';
import { ownerScope } from '../../platform/auth/scope.js';
import { companyTimeZone, localDateTime } from '../../platform/company.js';
import type { AppContext } from '../../platform/context.js';
import { AppError, conflict, notFound, type ErrorDetail } from '../../platform/errors.js';
import { findVisibleContract } from '../contracts/index.js';
import { findReadable } from '../customers/index.js';
import { findVisibleDeal } from '../opportunities/index.js';
import { activeUser, isUserInScope, userNames } from '../users/index.js';
import * as repo from './activities.repository.js';
import { reminderInstant } from './tasks.reminders.js';

type Db = AppContext['db'];
const dayMs = 24 * 60 * 60 * 1000;

/** The company's today and the time now (HH:MM), for due dates and overdue flags. */
async function localNow(ctx: AppContext, db: Db = ctx.db): Promise<{ day: string; time: string }> {
  const stamp = localDateTime(ctx.clock.now(), await companyTimeZone(db));
  return { day: stamp.slice(0, 10), time: stamp.slice(11, 16) };
}

function isOverdue(row: repo.TaskRow, now: { day: string; time: string }): boolean {
  if (row.status !== 'open') return false;
  return row.due_on < now.day || (row.due_on === now.day && row.due_time !== null && row.due_time < now.time);
}

async function present(ctx: AppContext, actor: Actor, rows: repo.TaskView[], db: Db = ctx.db): Promise<Task[]> {
  const now = await localNow(ctx, db);
  const names = await userNames(ctx, rows.map((r) => r.assignee_id), db);
  return rows.map((r) => ({
    id: r.id,
    version: r.version,
    title: r.title,
    dueOn: r.due_on,
    dueTime: r.due_time,
    priority: r.priority as TaskPriority,
    status: r.status as TaskStatus,
    overdue: isOverdue(r, now),
    assigneeId: r.assignee_id,
    assigneeName: names.get(r.assignee_id) ?? null,
    customerId: r.customer_id,
    customerName: r.customer_name,
    opportunityId: r.opportunity_id,
    contractId: r.contract_id,
    followUpId: r.follow_up_id,
    notes: r.notes,
    recurrence: r.recurrence as TaskRecurrence | null,
    remindBeforeMinutes: r.remind_before_minutes,
    remindAt: r.remind_at,
    remindedAt: r.reminded_at,
    doneAt: r.done_at,
    createdById: r.created_by,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    can: { edit: can(actor, 'tasks.edit'), delete: can(actor, 'tasks.delete') },
  }));
}

/** Field problems of the references a task names: an active assignee in scope, visible records. */
async function checkRefs(ctx: AppContext, actor: Actor, input: { assigneeId?: number; customerId?: number | null; opportunityId?: number | null; contractId?: number | null }): Promise<void> {
  const details: ErrorDetail[] = [];
  if (input.assigneeId !== undefined && input.assigneeId !== actor.userId) {
    if (!(await activeUser(ctx, input.assigneeId)) || !(await isUserInScope(ctx, actor, input.assigneeId))) details.push({ path: 'assigneeId', message: 'taskAssigneeOutOfScope' });
  }
  if (input.customerId != null && !(await findReadable(ctx.db, actor, input.customerId).catch(() => null))) details.push({ path: 'customerId', message: 'taskCustomerNotVisible' });
  if (input.opportunityId != null && !(await findVisibleDeal(ctx.db, actor, input.opportunityId))) details.push({ path: 'opportunityId', message: 'taskDealNotVisible' });
  if (input.contractId != null && !(await findVisibleContract(ctx.db, actor, input.contractId).catch(() => null))) details.push({ path: 'contractId', message: 'taskContractNotVisible' });
  if (details.length > 0) throw new AppError('VALIDATION_FAILED', 'validationFailed', details);
}

async function visibleTask(ctx: AppContext, actor: Actor, id: number, db: Db = ctx.db): Promise<repo.TaskView> {
  const row = await repo.findTask(db, id, ownerScope(actor, 'tasks'));
  if (!row) throw notFound();
  return row;
}

export async function getTask(ctx: AppContext, actor: Actor, id: number): Promise<Task> {
  authorize(actor, 'tasks.view');
  const [one] = await present(ctx, actor, [await visibleTask(ctx, actor, id)]);
  if (!one) throw notFound();
  return one;
}

export async function createTask(ctx: AppContext, actor: Actor, input: z.output<typeof taskCreate>): Promise<Task> {
  authorize(actor, 'tasks.create');
  await checkRefs(ctx, actor, input);
  const at = ctx.clock.now().toISOString();
  const recurrence = input.recurrence ?? null;
  const remindBefore = input.remindBeforeMinutes ?? null;
  const remindAt = reminderInstant(input.dueOn, input.dueTime ?? null, remindBefore, await companyTimeZone(ctx.db));
  const id = await repo.insertTask(ctx.db, {
    remind_before_minutes: remindBefore, remind_at: remindAt, reminded_at: null,
    title: input.title, due_on: input.dueOn, due_time: input.dueTime ?? null, priority: input.priority, status: 'open', assignee_id: input.assigneeId ?? actor.userId,
    customer_id: input.customerId ?? null, opportunity_id: input.opportunityId ?? null, contract_id: input.contractId ?? null, follow_up_id: null, notes: input.notes ?? null,
    recurrence, recurrence_anchor: recurrence ? input.dueOn : null, previous_id: null, done_at: null, version: 1, created_at: at, updated_at: at, created_by: actor.userId, updated_by: actor.userId,
  });
  return getTask(ctx, actor, id);
}

/**
 * Change a task. Done stamps it and, for a recurring task, makes its next occurrence once (the
 * unique previous_id keeps it once under parallel requests); reopening clears the stamp.
 */
export async function updateTask(ctx: AppContext, actor: Actor, id: number, input: z.output<typeof taskUpdate>): Promise<Task> {
  authorize(actor, 'tasks.edit');
  const row = await visibleTask(ctx, actor, id);
  await checkRefs(ctx, actor, { ...input, assigneeId: input.assigneeId === row.assignee_id ? undefined : input.assigneeId });
  const at = ctx.clock.now().toISOString();
  const { version, status, dueOn, dueTime, assigneeId, customerId, opportunityId, contractId, recurrence, remindBeforeMinutes, ...rest } = input;
  const zone = await companyTimeZone(ctx.db);
  // A new due time or offset makes a new reminder (sent again if it had gone out); the same one stays as it is.
  const remindAt = reminderInstant(dueOn ?? row.due_on, dueTime !== undefined ? dueTime : row.due_time, remindBeforeMinutes !== undefined ? remindBeforeMinutes : row.remind_before_minutes, zone);
  const values: Partial<repo.TaskRow> = {
    ...rest,
    ...(remindBeforeMinutes !== undefined ? { remind_before_minutes: remindBeforeMinutes } : {}),
    ...(remindAt !== row.remind_at ? { remind_at: remindAt, reminded_at: null } : {}),
    ...(dueOn !== undefined ? { due_on: dueOn } : {}),
    ...(dueTime !== undefined ? { due_time: dueTime } : {}),
    ...(assigneeId !== undefined ? { assignee_id: assigneeId } : {}),
    ...(customerId !== undefined ? { customer_id: customerId } : {}),
    ...(opportunityId !== undefined ? { opportunity_id: opportunityId } : {}),
    ...(contractId !== undefined ? { contract_id: contractId } : {}),
    ...(recurrence !== undefined ? { recurrence, recurrence_anchor: recurrence ? (row.recurrence_anchor ?? dueOn ?? row.due_on) : null } : {}),
    ...(status !== undefined ? { status, done_at: status === 'done' ? (row.done_at ?? at) : null } : {}),
    updated_at: at,
    updated_by: actor.userId,
  };
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await repo.updateTask(trx, id, version, values))) throw conflict((await present(ctx, actor, [await visibleTask(ctx, actor, id, trx)], trx))[0]);
    const after = await repo.findTask(trx, id);
    if (!after || status !== 'done' || row.status === 'done' || after.recurrence === null) return;
    if (await repo.hasNext(trx, id)) return;
    const nextOn = nextDueOn(after.due_on, after.recurrence as TaskRecurrence, after.recurrence_anchor ?? after.due_on);
    await repo.insertTask(trx, {
      title: after.title, due_on: nextOn, due_time: after.due_time,
      priority: after.priority, status: 'open', assignee_id: after.assignee_id, customer_id: after.customer_id, opportunity_id: after.opportunity_id,
      contract_id: after.contract_id, follow_up_id: null, notes: after.notes, recurrence: after.recurrence, recurrence_anchor: after.recurrence_anchor,
      previous_id: id, done_at: null, version: 1, created_at: at, updated_at: at, created_by: actor.userId, updated_by: actor.userId,
      // The next occurrence has its own reminder, the same time before its own due date.
      remind_before_minutes: after.remind_before_minutes, remind_at: reminderInstant(nextOn, after.due_time, after.remind_before_minutes, zone), reminded_at: null,
    });
  });
  return getTask(ctx, actor, id);
}

export async function deleteTask(ctx: AppContext, actor: Actor, id: number): Promise<void> {
  authorize(actor, 'tasks.delete');
  await visibleTask(ctx, actor, id);
  await ctx.db.transaction().execute(async (trx) => repo.deleteTask(trx, id));
}

export async function listTasks(ctx: AppContext, actor: Actor, query: z.output<typeof taskListQuery>): Promise<ListResponse<Task>> {
  authorize(actor, 'tasks.view');
  const { day } = await localNow(ctx);
  const tomorrow = new Date(Date.parse(`${day}T00:00:00Z`) + dayMs).toISOString().slice(0, 10);
  const base = { scope: ownerScope(actor, 'tasks'), assigneeId: query.assigneeId, customerId: query.customerId };
  const byView: Record<typeof query.view, repo.TaskFilter> = {
    today: { ...base, status: 'open', dueOn: day },
    overdue: { ...base, status: 'open', dueBefore: day },
    upcoming: { ...base, status: 'open', dueFrom: tomorrow },
    open: { ...base, status: 'open' },
    done: { ...base, status: 'done' },
  };
  const { rows, total } = await repo.listTasks(ctx.db, byView[query.view], query.pageSize, (query.page - 1) * query.pageSize);
  return { items: await present(ctx, actor, rows), total, page: query.page, pageSize: query.pageSize };
}
