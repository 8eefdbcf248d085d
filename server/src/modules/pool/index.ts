import type { AppContext } from '../../platform/context.js';
import type { ScheduledTask } from '../../platform/scheduler.js';
import { runPoolRules } from './pool.rules.js';

export { poolRoutes } from './pool.routes.js';
// A customer erased for good takes its releases and warnings with it (app.ts registers the listener).
export { poolFollowsCustomer } from './pool.events.js';
export { runPoolRules, readPoolRules } from './pool.rules.js';
// The customer list's "returns to the pool within N days" filter (app.ts hands it to the customers module).
export { poolDueCondition } from './pool.due.js';
// The workbench: my customers about to return to the pool.
export { poolRiskOf } from './pool.rules.js';

/** The scheduled task that applies the pool rules every `minutes` minutes. */
export function poolRulesTask(ctx: AppContext, minutes: number): ScheduledTask {
  return { name: 'pool-rules', everyMs: Math.max(1, minutes) * 60_000, run: () => runPoolRules(ctx) };
}
