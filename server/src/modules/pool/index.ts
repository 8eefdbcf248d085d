import type { AppContext } from '../../platform/context.js';
import type { ScheduledTask } from '../../platform/scheduler.js';
import { touch } from './pool.repository.js';
import { runPoolRules } from './pool.rules.js';

export { poolRoutes } from './pool.routes.js';
export { runPoolRules, readPoolRules } from './pool.rules.js';

/**
 * For modules that record follow-ups and deals (activities, deals): move a customer's follow-up
 * and deal times forward, inside the caller's transaction. The pool rules' clocks restart there.
 */
export async function touchCustomer(db: AppContext['db'], customerId: number, times: { followUpAt?: string; dealAt?: string }): Promise<void> {
  await touch(db, customerId, times);
}

/** The scheduled task that applies the pool rules every `minutes` minutes. */
export function poolRulesTask(ctx: AppContext, minutes: number): ScheduledTask {
  return { name: 'pool-rules', everyMs: Math.max(1, minutes) * 60_000, run: () => runPoolRules(ctx) };
}
