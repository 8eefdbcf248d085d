import { z } from 'zod';
import { listOf, pageQuery } from './common.js';

/** Kinds of notification; the server renders each as a message in the reader's language. */
export const notificationKinds = [
  'customer_assigned', // a customer was given to you
  'pool_warning', // your customer goes back to the pool in N days
  'pool_returned', // your customer went back to the pool
  'import_finished', // your import finished
  'lead_assigned', // a lead was given to you (by a rule or a person)
  'leads_assigned', // several leads were given to you at once (an import, a batch)
  'big_deal', // a deal of your department's user reached the big-deal amount (created or changed stage)
  'opportunity_assigned', // an opportunity was given to you
  'contract_renewal', // your active contract ends within the renewal days: time to renew
  'instalment_overdue', // an instalment of your contract (or, for finance, of any contract) is past its due date unpaid
  'approval_requested', // a record waits for your approval (a step of its flow reached you)
  'approval_approved', // your record was approved (its last step)
  'approval_rejected', // your record was rejected (with the approver's comment)
  'report_submitted', // a user of your department submitted a work report (日报/周报)
  'report_comment', // someone commented on your work report
  'task_reminder', // your task is due soon (its reminder time came)
  'care_reminder', // a birthday, anniversary or maintenance visit of your customer, contact or contract is coming (关怀提醒)
  'mentioned', // a colleague named you (@name) in a follow-up on a customer you may see
  'churn_risk', // your customer fell into churn risk in the latest analytics run (its buying interval stretched or its spend fell)
  'customer_won_back', // your customer, lost in the analytics run before, bought again
] as const;
export type NotificationKind = (typeof notificationKinds)[number];

export const notification = z.object({
  id: z.number().int(),
  kind: z.enum(notificationKinds),
  message: z.string(),
  params: z.record(z.string(), z.unknown()),
  entityType: z.string().nullable(),
  entityId: z.number().int().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type Notification = z.infer<typeof notification>;
export const notificationList = listOf(notification).extend({ unread: z.number().int() });
export type NotificationList = z.infer<typeof notificationList>;
export const notificationQuery = z
  .object({ page: pageQuery.page, pageSize: pageQuery.pageSize, unread: z.enum(['true', 'false']).optional() })
  .strict();

/**
 * The page of the web app a notification leads to: the bell opens it and the notification's email
 * links to it. A record's own page where it has one, a task in the task list, an approval in the
 * queue; several leads at once, the lead list. Null when nothing is worth opening.
 */
export function notificationPath(n: { kind?: NotificationKind; entityType?: string | null; entityId?: number | null }): string | null {
  const id = n.entityId ?? null;
  const page: Record<string, string> = {
    customer: '/customers/',
    contract: '/contracts/',
    quote: '/quotes/',
    lead: '/leads/',
    opportunity: '/opportunities/',
    work_report: '/reports/',
    task: '/tasks?task=',
  };
  const prefix = n.entityType ? page[n.entityType] : undefined;
  if (prefix !== undefined) return id !== null ? `${prefix}${id}` : null;
  if (n.entityType === 'approval') return '/approvals';
  if (n.entityType === 'import') return '/imports';
  if (n.kind === 'leads_assigned') return '/leads';
  return null;
}
