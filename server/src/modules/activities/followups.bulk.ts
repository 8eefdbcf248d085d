import type { FollowUpBulkResult, followUpBulkCreate } from '@crm/contracts';
import type { z } from 'zod';
import { authorize, type Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import { AppError, notFound, type ErrorDetail } from '../../platform/errors.js';
import { t } from '../../platform/i18n.js';
import { customerReadScope, customersByIds, lockCustomers, touchCustomer } from '../customers/index.js';
import { recordChanges } from '../history/index.js';
import * as repo from './activities.repository.js';
import { today } from './followups.service.js';
import { bulkMentionTargets, notifyBulkMentions } from './mentions.js';
import { noCheckIn } from './visit-check-in.js';

/**
 * Log the same follow-up on 1-200 customers the actor may see, all or none, as POST /follow-ups
 * does one by one: a record each, its next step a task for the author, the customer's follow-up
 * clock and next follow-up moved when it is the latest (the conditional update of touchCustomer),
 * and a `follow_up` timeline entry. One customer missing or out of sight: 404, nothing written.
 * Users the text mentions (@name) are told once per request, about the customers of it they may
 * see; a mentioned user who may see none of them is not told.
 */
export async function bulkCreateFollowUps(ctx: AppContext, actor: Actor, input: z.output<typeof followUpBulkCreate>): Promise<FollowUpBulkResult> {
  authorize(actor, 'followups.create');
  const ids = [...new Set(input.customerIds)];
  const now = ctx.clock.now();
  const occurredAt = input.occurredAt ?? now.toISOString();
  const nextOn = input.nextOn ?? null;
  const nextAction = input.nextAction ?? null;
  const details: ErrorDetail[] = [];
  // A minute of leeway for the caller's clock.
  if (Date.parse(occurredAt) > now.getTime() + 60_000) details.push({ path: 'occurredAt', message: 'followUpInFuture' });
  if (nextAction !== null && nextOn === null) details.push({ path: 'nextOn', message: 'followUpNextNeedsDate' });
  if (nextOn !== null && nextOn < (await today(ctx))) details.push({ path: 'nextOn', message: 'followUpNextInPast' });
  if (details.length > 0) throw new AppError('VALIDATION_FAILED', 'validationFailed', details);
  const mentioned = await bulkMentionTargets(ctx, actor, ids, input.content);
  const at = now.toISOString();
  const by = { version: 1, created_at: at, updated_at: at, created_by: actor.userId, updated_by: actor.userId };
  return ctx.db.transaction().execute(async (trx) => {
    // Locked (in id order: two bulk follow-ups on the same customers queue, never deadlock); then every one must be readable.
    await lockCustomers(trx, ctx.engine, ids);
    const { rows, visible } = await customersByIds(trx, ids, customerReadScope(actor));
    if (visible.size !== ids.length) throw notFound();
    const entries = [];
    for (const id of ids) {
      const customer = rows.get(id);
      if (!customer) throw notFound();
      const followUpId = await repo.insertFollowUp(trx, {
        customer_id: id, author_id: actor.userId, kind: input.kind, occurred_at: occurredAt, duration_minutes: input.durationMinutes ?? null,
        opportunity_id: null, contract_id: null, content: input.content, outcome: input.outcome ?? null,
        next_on: nextOn, next_action: nextAction, task_id: null, ...noCheckIn, ...by,
      });
      if (nextOn !== null) {
        const taskId = await repo.insertTask(trx, {
          title: nextAction ?? t(actor.locale, 'followUpNextTask', { customer: customer.name }), due_on: nextOn, due_time: null, priority: 'normal', status: 'open',
          assignee_id: actor.userId, customer_id: id, opportunity_id: null, contract_id: null, follow_up_id: followUpId,
          notes: null, recurrence: null, recurrence_anchor: null, previous_id: null, done_at: null, ...by,
        });
        await trx.updateTable('follow_ups').set({ task_id: taskId }).where('id', '=', followUpId).execute();
      }
      await touchCustomer(trx, id, { followUpAt: occurredAt, nextFollowUpOn: nextOn });
      entries.push({
        entityType: 'customer', entityId: id, customerId: id, action: 'follow_up' as const, actorId: actor.userId, at, label: customer.name,
        changes: [{ field: 'kind', old: null, new: input.kind }, { field: 'note', old: null, new: input.content }, { field: 'at', old: null, new: occurredAt }],
      });
    }
    await recordChanges(trx, entries);
    await notifyBulkMentions(trx, mentioned, { actor, names: new Map([...rows].map(([id, row]) => [id, row.name])), text: input.content, at });
    return { created: ids.length };
  });
}
