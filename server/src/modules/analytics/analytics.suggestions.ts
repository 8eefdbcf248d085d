import {
  suggestedStage, suggestedStatus,
  type AnalyticsStage, type AnalyticsStatus, type CustomerAnalytics, type LifecycleKeep, type LifecycleSuggestion,
} from '@crm/contracts';
import { sql, type SqlBool } from 'kysely';
import { authorize, type Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import { conflict } from '../../platform/errors.js';
import { findVisible } from '../customers/index.js';
import { recordChange } from '../history/index.js';
import { finishedRun } from './analytics.runs.js';

type Db = AppContext['db'];

/**
 * The lifecycle suggestion (issue 14): the latest run derives a lifecycle stage and a status from
 * the customer's purchase trend (analytics.compute.ts; the explanations of `lifecycleStage` and
 * `status` state the rules with the run's settings). The record keeps its own hand-set fields:
 * the derived value is suggested where it differs from the record's, and applied through the
 * customer's PATCH (history, permissions, scope and version as any edit). "Keep mine" records the
 * declined derived value in analytics_keeps: not suggested again while runs derive that value, and
 * a run deriving another forgets it (forgetOutdatedKeeps in analytics.runs.ts).
 */
export function suggestionOf(
  derived: { lifecycleStage: AnalyticsStage; status: AnalyticsStatus },
  record: { lifecycle_stage: string; status: string },
  kept: { lifecycle_stage: string | null; status: string | null } | undefined,
): LifecycleSuggestion {
  const keptStage = (kept?.lifecycle_stage ?? null) as AnalyticsStage | null;
  const keptStatus = (kept?.status ?? null) as AnalyticsStatus | null;
  return {
    lifecycleStage: {
      derived: derived.lifecycleStage, record: record.lifecycle_stage, kept: keptStage,
      suggested: suggestedStage[derived.lifecycleStage] !== record.lifecycle_stage && keptStage !== derived.lifecycleStage,
    },
    status: {
      derived: derived.status, record: record.status, kept: keptStatus,
      suggested: suggestedStatus[derived.status] !== record.status && keptStatus !== derived.status,
    },
  };
}

export async function keptOf(db: Db, customerId: number) {
  return db.selectFrom('analytics_keeps').select(['lifecycle_stage', 'status']).where('customer_id', '=', customerId).executeTakeFirst();
}

/**
 * The list filter, on `ar` (the run's results), `c` (customers) and `k` (analytics_keeps, left
 * joined): a derived value differs from the record's and is not the kept one. The stored values
 * compare directly because suggestedStage and suggestedStatus map each value onto its namesake.
 */
export const suggestedWhere = sql<SqlBool>`((ar.lifecycle_stage <> c.lifecycle_stage and (k.lifecycle_stage is null or k.lifecycle_stage <> ar.lifecycle_stage))
  or (ar.status <> c.status and (k.status is null or k.status <> ar.status)))`;

/**
 * POST /analytics/customers/:id/keep-record: keep the record's stage and/or status against the
 * derived values named. Only on a customer the actor may edit (404 otherwise, as its PATCH);
 * 409 with the customer's analytics as they are now when the latest run does not derive the value
 * named (a newer run changed it, or nothing is derived).
 */
export async function keepRecord(
  ctx: AppContext,
  actor: Actor,
  customerId: number,
  body: LifecycleKeep,
  current: () => Promise<CustomerAnalytics>,
): Promise<CustomerAnalytics> {
  authorize(actor, 'customers.edit');
  const customer = await findVisible(ctx.db, actor, customerId);
  const run = await finishedRun(ctx.db);
  const row = run
    ? await ctx.db.selectFrom('analytics_results').select(['lifecycle_stage', 'status']).where('run_id', '=', run.id).where('customer_id', '=', customerId).executeTakeFirst()
    : undefined;
  const stale = !row
    || (body.lifecycleStage !== undefined && body.lifecycleStage !== row.lifecycle_stage)
    || (body.status !== undefined && body.status !== row.status);
  if (stale) throw conflict(await current());
  const at = ctx.clock.now().toISOString();
  const values = {
    ...(body.lifecycleStage !== undefined ? { lifecycle_stage: body.lifecycleStage } : {}),
    ...(body.status !== undefined ? { status: body.status } : {}),
    kept_by: actor.userId,
    kept_at: at,
  };
  // On the customer's timeline: who kept which of the record's own values (the fields as they stay).
  const kept = [
    ...(body.lifecycleStage !== undefined ? [{ field: 'lifecycleStage', old: null, new: customer.lifecycle_stage }] : []),
    ...(body.status !== undefined ? [{ field: 'status', old: null, new: customer.status }] : []),
  ];
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('analytics_keeps')
      .values({ customer_id: customerId, lifecycle_stage: null, status: null, ...values })
      .onConflict((oc) => oc.column('customer_id').doUpdateSet(values))
      .execute();
    if (kept.length > 0) {
      await recordChange(trx, { entityType: 'customer', entityId: customerId, customerId, action: 'keep_record', actorId: actor.userId, at, label: customer.name, changes: kept });
    }
  });
  return current();
}
