import { targetMetrics, type TargetMetric } from '@crm/contracts';
import { can, type Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import { userPeriodTargets } from './targets.repository.js';

/**
 * My own targets for a month (the workbench's figures), by metric; null without targets.view. A
 * metric without a target for the month has none (quarter and year targets are not split).
 */
export async function myMonthTargets(ctx: AppContext, actor: Actor, month: string): Promise<Partial<Record<TargetMetric, number>> | null> {
  if (!can(actor, 'targets.view')) return null;
  return Object.fromEntries(await userPeriodTargets(ctx.db, actor.userId, month, targetMetrics)) as Partial<Record<TargetMetric, number>>;
}
