import type { Expression, SqlBool } from 'kysely';
import type { AppContext } from '../../platform/context.js';
import { clockExpired } from './pool.repository.js';
import { readPoolRules } from './pool.rules.js';

const day = 24 * 60 * 60 * 1000;

/**
 * Owned customers the rules return to the pool within `withinDays` days from `now` (those already
 * due, waiting for the rules' next run, too), as a condition on customer columns: the customer
 * list's "about to return to the pool" filter. Null while the rules are off: nobody goes back.
 * The same clocks as the rules' run and warnings (clockExpired), moved `withinDays` ahead.
 */
export async function poolDueCondition(db: AppContext['db'], withinDays: number, now: Date): Promise<Expression<SqlBool> | null> {
  const { value: rules } = await readPoolRules(db);
  if (!rules.enabled) return null;
  const cutoff = (days: number | null) => (days === null ? null : new Date(now.getTime() - (days - withinDays) * day).toISOString());
  return clockExpired({ followUp: cutoff(rules.noFollowUpDays), deal: cutoff(rules.noDealDays) }, rules.exemptStatuses);
}
