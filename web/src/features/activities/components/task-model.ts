import { taskReminderOffsets } from '@crm/contracts';
import type { Task, TaskCreate, TaskPriority, TaskRecurrence, TaskReminderOffset, TaskUpdate, TaskView } from '@crm/contracts';
import { changedFields, textOrNull } from '../../../shared/form/normalize';

/** The task drawer's fields; `none` is the form's word for no recurrence and for no reminder. */
export interface TaskValues {
  title: string;
  dueOn: string | null;
  dueTime: string | null;
  priority: TaskPriority;
  assigneeId: number | null;
  customerId: number | null;
  notes: string;
  recurrence: TaskRecurrence | 'none';
  /** Minutes before the due time. */
  remindBeforeMinutes: TaskReminderOffset | 'none';
}

export function newTaskValues({ assigneeId, customerId = null, dueOn }: { assigneeId: number | null; customerId?: number | null; dueOn: string }): TaskValues {
  return { title: '', dueOn, dueTime: null, priority: 'normal', assigneeId, customerId, notes: '', recurrence: 'none', remindBeforeMinutes: 'none' };
}

export function taskValues(task: Task): TaskValues {
  return {
    title: task.title,
    dueOn: task.dueOn,
    dueTime: task.dueTime,
    priority: task.priority,
    assigneeId: task.assigneeId,
    customerId: task.customerId,
    notes: task.notes ?? '',
    recurrence: task.recurrence ?? 'none',
    remindBeforeMinutes: reminderOffset(task.remindBeforeMinutes),
  };
}

/** A task's reminder offset as the form's select knows it (an offset it does not list: none). */
export function reminderOffset(minutes: number | null): TaskReminderOffset | 'none' {
  return taskReminderOffsets.find((offset) => offset === minutes) ?? 'none';
}

/** The values as the API takes them (both for create and for comparing on edit). */
function asSent(values: TaskValues) {
  return {
    title: values.title.trim(),
    dueOn: values.dueOn ?? '',
    dueTime: values.dueTime ?? null,
    priority: values.priority,
    assigneeId: values.assigneeId,
    customerId: values.customerId ?? null,
    notes: textOrNull(values.notes),
    recurrence: values.recurrence === 'none' ? null : values.recurrence,
    remindBeforeMinutes: values.remindBeforeMinutes === 'none' ? null : values.remindBeforeMinutes,
  };
}

/** POST /tasks: nothing empty is sent (the assignee defaults to the caller on the server). */
export function createPayload(values: TaskValues): TaskCreate {
  const { assigneeId, customerId, notes, dueTime, recurrence, remindBeforeMinutes, ...rest } = asSent(values);
  return {
    ...rest,
    ...(assigneeId !== null ? { assigneeId } : {}),
    ...(customerId !== null ? { customerId } : {}),
    ...(notes !== null ? { notes } : {}),
    ...(dueTime !== null ? { dueTime } : {}),
    ...(recurrence !== null ? { recurrence } : {}),
    ...(remindBeforeMinutes !== null ? { remindBeforeMinutes } : {}),
  };
}

/** PATCH /tasks/:id: what changed, with the version read. */
export function updatePayload(task: Task, values: TaskValues): TaskUpdate {
  const { assigneeId, ...changed } = changedFields(asSent(taskValues(task)), asSent(values));
  return { ...changed, ...(assigneeId !== undefined && assigneeId !== null ? { assigneeId } : {}), version: task.version };
}

const priorityRank: Record<TaskPriority, number> = { urgent: 0, high: 1, normal: 2, low: 3 };

/**
 * The order of a to-do list: open before done, overdue first, then by due day; on one day the
 * timed ones by time before "any time that day", then the more urgent first.
 */
export function compareTasks(a: Task, b: Task): number {
  const openA = a.status === 'open' ? 0 : 1;
  const openB = b.status === 'open' ? 0 : 1;
  if (openA !== openB) return openA - openB;
  if (a.overdue !== b.overdue) return a.overdue ? -1 : 1;
  if (a.dueOn !== b.dueOn) return a.dueOn < b.dueOn ? -1 : 1;
  const timeA = a.dueTime ?? '99:99';
  const timeB = b.dueTime ?? '99:99';
  if (timeA !== timeB) return timeA < timeB ? -1 : 1;
  if (a.priority !== b.priority) return priorityRank[a.priority] - priorityRank[b.priority];
  return a.id - b.id;
}

export const sortTasks = (tasks: readonly Task[]): Task[] => [...tasks].sort(compareTasks);

export type DueState = 'done' | 'cancelled' | 'overdue' | 'today' | 'upcoming';

/** Where a task stands: the server says whether it is overdue; `today` is the reader's day (YYYY-MM-DD). */
export function dueState(task: Task, today: string): DueState {
  if (task.status !== 'open') return task.status;
  if (task.overdue) return 'overdue';
  return task.dueOn <= today ? 'today' : 'upcoming';
}

/** The tabs of /tasks, in the order shown. */
export const taskTabs = ['today', 'overdue', 'upcoming', 'done'] as const satisfies readonly TaskView[];
export type TaskTab = (typeof taskTabs)[number];

export function parseTaskTab(value: string | null): TaskTab {
  return taskTabs.find((tab) => tab === value) ?? 'today';
}

/** Where a new task from a tab is due by default: a new task on the upcoming tab is for tomorrow. */
export function defaultDueOn(tab: TaskTab, today: string, tomorrow: string): string {
  return tab === 'upcoming' ? tomorrow : today;
}

/** A positive whole number from the address (an id, a page), else null. */
export function positiveId(value: string | null): number | null {
  if (value === null || !/^\d{1,9}$/.test(value)) return null;
  const n = Number(value);
  return n > 0 ? n : null;
}
