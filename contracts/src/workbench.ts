import { z } from 'zod';
import { task } from './activities.js';
import { approvalRequest } from './approvals.js';
import { notification, notificationKinds, type NotificationKind } from './notifications.js';

/**
 * The workbench (个人中心): a salesperson's day in one answer. Each section is null when the
 * caller may not see what it is made of (the permission behind it); what a section lists is the
 * caller's own (their tasks, their customers, their reminders) and within their data scope.
 * Lists are short (the first few, with the total) and link to the full pages.
 */

/** Notification kinds that remind of something to do (the 提醒 card); kinds the catalogue lacks are left out. */
const reminderCandidates = ['pool_warning', 'contract_renewal', 'instalment_overdue', 'task_reminder', 'care_reminder'];
export const reminderKinds: NotificationKind[] = notificationKinds.filter((k) => reminderCandidates.includes(k));

const count = z.number().int();

/** A customer of mine whose next follow-up (the next step of its latest follow-up) is due today or overdue. */
export const workbenchDueCustomer = z.object({
  id: z.number().int(),
  name: z.string(),
  /** The day the next follow-up was planned for (YYYY-MM-DD, company time zone). */
  nextOn: z.string(),
  nextAction: z.string().nullable(),
  overdue: z.boolean(),
  lastFollowUpAt: z.string(),
});
export type WorkbenchDueCustomer = z.infer<typeof workbenchDueCustomer>;

export const recentRecordTypes = ['customer', 'lead', 'opportunity'] as const;
export type RecentRecordType = (typeof recentRecordTypes)[number];
/** A record I created or changed lately (from the history), as it is named now. */
export const workbenchRecent = z.object({
  type: z.enum(recentRecordTypes),
  id: z.number().int(),
  name: z.string(),
  /** My latest action on it (create, update, follow_up, stage_change...). */
  action: z.string(),
  at: z.string(),
});
export type WorkbenchRecent = z.infer<typeof workbenchRecent>;

/** A customer of mine the pool rules return to the public pool soon (or at their next run). */
export const workbenchPoolRisk = z.object({
  id: z.number().int(),
  name: z.string(),
  reason: z.enum(['no_follow_up', 'no_deal']),
  /** When the rule returns it. */
  dueAt: z.string(),
  /** Whole days left, at least 0 (0: at the rules' next run). */
  daysLeft: count,
});
export type WorkbenchPoolRisk = z.infer<typeof workbenchPoolRisk>;

/** One of my figures this month, and my target for it when one is set (and I may read targets). */
const figure = z.object({ actual: count, target: count.nullable() });
export const workbenchFigures = z.object({
  /** The month (YYYY-MM) in the company's time zone. */
  month: z.string(),
  /** Each figure is null without the permission to read what it counts. */
  followUps: figure.nullable(),
  newCustomers: figure.nullable(),
  dealsWon: figure.nullable(),
  /** Fen, in the base currency: what the deals I won this month were won for. */
  wonAmount: figure.nullable(),
  /** Fen: contracts I signed this month (the contract-amount target). */
  signedAmount: figure.nullable(),
  /** Fen: payments received this month on my contracts (the amount-collected target). */
  collected: figure.nullable(),
});
export type WorkbenchFigures = z.infer<typeof workbenchFigures>;

const section = <T extends z.ZodTypeAny>(item: T) => z.object({ items: z.array(item), total: count });

export const workbench = z.object({
  /** Today (YYYY-MM-DD) in the company's time zone. */
  today: z.string(),
  /** My open tasks due today and before today (tasks.view). */
  tasks: z.object({ today: section(task), overdue: section(task) }).nullable(),
  /** My customers whose next follow-up is due (customers.view and followups.view). */
  dueCustomers: section(workbenchDueCustomer).nullable(),
  /** My unread reminders (pool warnings, renewals, overdue instalments...), newest first. */
  reminders: section(notification),
  /** Approval requests waiting for my decision, oldest first. */
  approvals: section(approvalRequest),
  /** Records I created or changed lately, newest first (those I may still see). */
  recent: z.object({ items: z.array(workbenchRecent) }).nullable(),
  /** My customers about to return to the public pool (customers.view); `enabled` false while the rules are off. */
  poolRisk: section(workbenchPoolRisk).extend({ enabled: z.boolean(), warnDays: count }).nullable(),
  figures: workbenchFigures.nullable(),
});
export type Workbench = z.infer<typeof workbench>;
