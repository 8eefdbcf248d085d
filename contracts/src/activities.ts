import { z } from 'zod';
import { id, int4Max, isoDate, listOf, pageQuery, text, versionField } from './common.js';
import { multiline, multilineString } from './text.js';

/**
 * The salesperson's day: follow-up records (跟进记录) and tasks (任务). A follow-up is the
 * shared memory of a customer: a call, visit, meeting, email, message or note, with whom and what
 * came of it; it moves the customer's follow-up clock (the pool rule "no follow-up in N days") and
 * its next step becomes a task. Tasks are the user's to-do list: due dates, priorities, an
 * assignee, a related record, and a recurrence that makes the next one when one is done.
 */

export const followUpKinds = ['call', 'visit', 'meeting', 'email', 'message', 'note'] as const;
export type FollowUpKind = (typeof followUpKinds)[number];

const refId = z.number().int().positive().max(int4Max);
/** An instant, ISO 8601 with an offset; stored in UTC. */
const instant = z.iso.datetime({ offset: true }).transform((v) => new Date(v).toISOString());

const followUpFields = {
  kind: z.enum(followUpKinds),
  /** When it happened; now by default. Never in the future. */
  occurredAt: instant,
  /** Minutes (a call's or a visit's length). */
  durationMinutes: z.number().int().min(0).max(24 * 60).nullable(),
  /** The customer's contacts who took part. */
  contactIds: z.array(refId).max(20),
  opportunityId: refId.nullable(),
  contractId: refId.nullable(),
  content: multilineString(4000).min(1),
  outcome: text(200),
  /** The next follow-up: a date and what to do; together they make a task for the author. */
  nextOn: isoDate.nullable(),
  nextAction: text(200),
};

/**
 * A visit's check-in (拜访签到): where the browser says the phone is, asked only when the user
 * presses 签到 (that is the consent), how precise it says that is, and an address the user typed
 * or confirmed. The time is the server's, taken when the visit is saved.
 */
export const checkInCreate = z
  .object({
    latitude: z.number().min(-90).max(90),
    longitude: z.number().min(-180).max(180),
    /** The radius (metres) the browser says the true position lies within. */
    accuracyMeters: z.number().min(0).max(100_000),
    address: text(200).optional(),
  })
  .strict();
export type CheckInCreate = z.input<typeof checkInCreate>;

export const checkIn = z.object({
  latitude: z.number(),
  longitude: z.number(),
  accuracyMeters: z.number(),
  address: z.string().nullable(),
  /** The server's time when the visit was saved with it. */
  checkedInAt: z.string(),
});
export type CheckIn = z.infer<typeof checkIn>;

/** POST /follow-ups: on a customer you may see (its contacts, deal and contract must be its own); a check-in only on a visit. */
export const followUpRecordCreate = z
  .object({ customerId: refId, ...followUpFields, checkIn: checkInCreate })
  .partial({ occurredAt: true, durationMinutes: true, contactIds: true, opportunityId: true, contractId: true, outcome: true, nextOn: true, nextAction: true, checkIn: true })
  .strict();
export type FollowUpRecordCreate = z.input<typeof followUpRecordCreate>;

/**
 * POST /follow-ups/bulk: the same follow-up (kind, content, outcome, next step) logged on 1-200
 * customers you may see, all or none; each gets its own record, clock move, timeline entry and,
 * with a next step, a task for you. No contacts, deal or contract (they belong to one customer).
 */
export const followUpBulkCreate = z
  .object({
    customerIds: z.array(refId).min(1).max(200),
    kind: followUpFields.kind,
    occurredAt: followUpFields.occurredAt.optional(),
    durationMinutes: followUpFields.durationMinutes.optional(),
    content: followUpFields.content,
    outcome: followUpFields.outcome.optional(),
    nextOn: followUpFields.nextOn.optional(),
    nextAction: followUpFields.nextAction.optional(),
  })
  .strict();
export type FollowUpBulkCreate = z.input<typeof followUpBulkCreate>;
export const followUpBulkResult = z.object({ created: z.number().int() });
export type FollowUpBulkResult = z.infer<typeof followUpBulkResult>;

/**
 * PATCH /follow-ups/:id (its author, or a manager whose scope covers the author). A check-in can
 * only be removed (`checkIn: null`), never moved: it says where the phone was when the visit was
 * saved.
 */
export const followUpRecordUpdate = z
  .object({
    kind: followUpFields.kind,
    occurredAt: followUpFields.occurredAt,
    durationMinutes: followUpFields.durationMinutes,
    contactIds: followUpFields.contactIds,
    content: followUpFields.content,
    outcome: followUpFields.outcome,
    checkIn: z.null({ message: 'followUpCheckInRemoveOnly' }),
  })
  .partial()
  .extend(versionField)
  .strict();
export type FollowUpRecordUpdate = z.input<typeof followUpRecordUpdate>;

export const followUpRecord = z.object({
  id: z.number().int(),
  version: z.number().int(),
  customerId: z.number().int(),
  customerName: z.string(),
  kind: z.enum(followUpKinds),
  occurredAt: z.string(),
  durationMinutes: z.number().int().nullable(),
  contacts: z.array(z.object({ id: z.number().int(), name: z.string() })),
  opportunityId: z.number().int().nullable(),
  opportunityName: z.string().nullable(),
  contractId: z.number().int().nullable(),
  contractNumber: z.string().nullable(),
  content: z.string(),
  outcome: z.string().nullable(),
  nextOn: z.string().nullable(),
  nextAction: z.string().nullable(),
  /** The task its next step made. */
  taskId: z.number().int().nullable(),
  /** A visit's check-in; null without one. */
  checkIn: checkIn.nullable(),
  authorId: z.number().int(),
  authorName: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  can: z.object({ edit: z.boolean(), delete: z.boolean() }),
});
export type FollowUpRecord = z.infer<typeof followUpRecord>;
export const followUpRecordList = listOf(followUpRecord);

/** GET /follow-ups: by the authors in your scope (yours by default), newest first. */
export const followUpListQuery = z
  .object({
    customerId: id.optional(),
    authorId: id.optional(),
    kind: z.enum(followUpKinds).optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
    page: pageQuery.page,
    pageSize: pageQuery.pageSize,
  })
  .strict();
export type FollowUpListQuery = z.input<typeof followUpListQuery>;

/**
 * Contact guard (撞单提醒): other users who followed up this customer within the guard's days,
 * newest first, one line per user, so that two salespeople do not call the same customer.
 */
export const contactGuard = z.object({
  days: z.number().int(),
  recent: z.array(z.object({ userId: z.number().int(), userName: z.string().nullable(), at: z.string(), kind: z.enum(followUpKinds) })),
});
export type ContactGuard = z.infer<typeof contactGuard>;
export const defaultContactGuardDays = 7;
export const contactGuardSettingsValue = z.object({ days: z.number().int().min(0).max(365).default(defaultContactGuardDays) });
export const contactGuardSettings = z.object({ days: z.number().int(), version: z.number().int() });
export type ContactGuardSettings = z.infer<typeof contactGuardSettings>;
export const contactGuardSettingsUpdate = z.object({ days: z.number().int().min(0).max(365), version: z.number().int().min(0).max(int4Max) }).strict();
export type ContactGuardSettingsUpdate = z.input<typeof contactGuardSettingsUpdate>;

export const taskPriorities = ['low', 'normal', 'high', 'urgent'] as const;
export type TaskPriority = (typeof taskPriorities)[number];
export const taskStatuses = ['open', 'done', 'cancelled'] as const;
export type TaskStatus = (typeof taskStatuses)[number];
export const taskRecurrences = ['daily', 'weekly', 'monthly', 'yearly'] as const;
export type TaskRecurrence = (typeof taskRecurrences)[number];
/** When a task's assignee is reminded: minutes before its due time (at the time, 5, 15, 30 minutes, an hour, a day). */
export const taskReminderOffsets = [0, 5, 15, 30, 60, 1440] as const;
export type TaskReminderOffset = (typeof taskReminderOffsets)[number];
/** A task due on a day without a time is reminded as if due at this time (company time zone). */
export const reminderTimeWithoutDueTime = '09:00';

const taskFields = {
  title: z.string().trim().min(1).max(200),
  dueOn: isoDate,
  /** HH:MM in the company's time zone; null: any time that day. */
  dueTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'HH:MM' }).nullable(),
  priority: z.enum(taskPriorities),
  /** Who does it: you by default; else a user in your data scope. */
  assigneeId: refId,
  customerId: refId.nullable(),
  opportunityId: refId.nullable(),
  contractId: refId.nullable(),
  notes: multiline(2000),
  recurrence: z.enum(taskRecurrences).nullable(),
  /** Remind the assignee this many minutes before the due time (a day without a time: before 09:00); null: no reminder. */
  remindBeforeMinutes: z.literal(taskReminderOffsets).nullable(),
};

export const taskCreate = z
  .object({ ...taskFields, priority: taskFields.priority.default('normal') })
  .partial({ dueTime: true, assigneeId: true, customerId: true, opportunityId: true, contractId: true, notes: true, recurrence: true, remindBeforeMinutes: true })
  .strict();
export type TaskCreate = z.input<typeof taskCreate>;

/** PATCH /tasks/:id: its fields, or its status (done makes the next one of a recurring task). */
export const taskUpdate = z
  .object({ ...taskFields, status: z.enum(taskStatuses) })
  .partial()
  .extend(versionField)
  .strict();
export type TaskUpdate = z.input<typeof taskUpdate>;

export const task = z.object({
  id: z.number().int(),
  version: z.number().int(),
  title: z.string(),
  dueOn: z.string(),
  dueTime: z.string().nullable(),
  priority: z.enum(taskPriorities),
  status: z.enum(taskStatuses),
  /** Open and due before today (or today before now, with a time), in the company's time zone. */
  overdue: z.boolean(),
  assigneeId: z.number().int(),
  assigneeName: z.string().nullable(),
  customerId: z.number().int().nullable(),
  customerName: z.string().nullable(),
  opportunityId: z.number().int().nullable(),
  contractId: z.number().int().nullable(),
  /** The follow-up whose next step it is. */
  followUpId: z.number().int().nullable(),
  notes: z.string().nullable(),
  recurrence: z.enum(taskRecurrences).nullable(),
  remindBeforeMinutes: z.number().int().nullable(),
  /** When the reminder goes out (an instant), and when it went (null until then). */
  remindAt: z.string().nullable(),
  remindedAt: z.string().nullable(),
  doneAt: z.string().nullable(),
  createdById: z.number().int().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  can: z.object({ edit: z.boolean(), delete: z.boolean() }),
});
export type Task = z.infer<typeof task>;
export const taskList = listOf(task);

/** Which tasks: due today, overdue, upcoming (after today), all open ones, or done ones. */
export const taskViews = ['today', 'overdue', 'upcoming', 'open', 'done'] as const;
export type TaskView = (typeof taskViews)[number];
/** GET /tasks: tasks of the assignees in your scope (yours by default). */
export const taskListQuery = z
  .object({
    view: z.enum(taskViews).default('open'),
    assigneeId: id.optional(),
    customerId: id.optional(),
    page: pageQuery.page,
    pageSize: pageQuery.pageSize,
  })
  .strict();
export type TaskListQuery = z.input<typeof taskListQuery>;

/**
 * The next due date of a recurring task. Months and years keep the day of the first due date
 * (`anchor`), or take the month's last day when it has fewer (31 Jan → 28/29 Feb → 31 Mar; 29 Feb
 * → 28 Feb → … → 29 Feb in the next leap year), so the dates never drift.
 */
export function nextDueOn(dueOn: string, recurrence: TaskRecurrence, anchor: string = dueOn): string {
  const [y = 0, m = 1, d = 1] = dueOn.split('-').map(Number);
  const iso = (date: Date) => date.toISOString().slice(0, 10);
  if (recurrence === 'daily') return iso(new Date(Date.UTC(y, m - 1, d + 1)));
  if (recurrence === 'weekly') return iso(new Date(Date.UTC(y, m - 1, d + 7)));
  const day = Number(anchor.slice(8, 10)) || d;
  const target = new Date(Date.UTC(y, m - 1 + (recurrence === 'monthly' ? 1 : 12), 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  return iso(new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth(), Math.min(day, last))));
}

/** Whom the follow-up composer offers after "@": who may read the customer and its follow-ups. */
export const mentionCandidateQuery = z.object({ customerId: id }).strict();
export type MentionCandidateQuery = z.input<typeof mentionCandidateQuery>;
export const mentionCandidate = z.object({
  id: z.number().int(),
  name: z.string(),
  // Lower-case forms the name is found by as one types: the name without spaces, its pinyin and initials.
  keys: z.array(z.string()),
});
export type MentionCandidate = z.infer<typeof mentionCandidate>;
export const mentionCandidateList = z.object({ items: z.array(mentionCandidate) });
export type MentionCandidateList = z.infer<typeof mentionCandidateList>;
