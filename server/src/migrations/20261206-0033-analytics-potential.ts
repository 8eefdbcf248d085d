import type { Kysely } from 'kysely';
import type { Migration } from './migration.js';

/**
 * Customer analytics, part two (issue 14): potential value, the pyramid quadrants and the
 * four-dimension evaluation, stored per run and customer like the other classes:
 * - peer_count / peer_median: the customers of the run with the same industry and category, and
 *   the median of their current value (the cross-sell / up-sell benchmark);
 * - referrals: the live leads that name the customer as referrer; potential_value = the gap to the
 *   peers' median (floored at 0) + referrals × the setting's value of one referral;
 * - quadrant with the two cuts it was compared with (platinum / gold / iron / lead);
 * - tenure_days and the four 1-5 scores (profit, influence, loyalty, potential).
 */
export const analyticsPotential: Migration = {
  name: '20261206-0033-analytics-potential',
  async up(db: Kysely<unknown>) {
    const columns: Array<[string, 'bigint' | 'integer' | 'varchar(10)']> = [
      ['peer_count', 'integer'], ['peer_median', 'bigint'], ['referrals', 'integer'], ['potential_value', 'bigint'],
      ['quadrant_value_cut', 'bigint'], ['quadrant_potential_cut', 'bigint'], ['quadrant', 'varchar(10)'], ['tenure_days', 'integer'],
      ['profit_score', 'integer'], ['influence_score', 'integer'], ['loyalty_score', 'integer'], ['potential_score', 'integer'],
    ];
    for (const [name, type] of columns) {
      await db.schema
        .alterTable('analytics_results')
        .addColumn(name, type, (c) => (type === 'varchar(10)' ? c.notNull().defaultTo('') : c.notNull().defaultTo(0)))
        .execute();
    }
    await db.schema.createIndex('analytics_results_quadrant').on('analytics_results').columns(['run_id', 'quadrant']).execute();
  },
};
