import type { DashboardAbc } from '@crm/contracts';
import { sql } from 'kysely';
import type { AppContext } from '../../platform/context.js';
import type { RunRow } from './analytics.runs.js';

type Db = AppContext['db'];

/**
 * The ABC Pareto over everyone's customers without ranking them all again (issue 14: 2.4-4 s at
 * 1,000,000 customers). The run stored each customer's rank over all of its customers and the
 * cumulative value up to it; everyone's customers now are the run's less those deleted or erased
 * since (the moves logged after the run's mark). So:
 * - the first `limit` points are the first live rows in the run's rank order, their cumulative
 *   value summed as they come;
 * - the reach of a share (how many customers, from the top, until the cumulative value reaches it)
 *   is found by halving the run's ranks: at rank r the live cumulative is the stored one less the
 *   values of the deleted customers ranked up to r, which never falls as r grows.
 * Null when a customer of the run was erased since (its value is gone from the rows, so the stored
 * cumulative cannot be corrected): the caller then ranks the rows.
 */
export async function abcOverEveryone(
  db: Db,
  run: RunRow & { moves_mark: number },
  totals: { customers: number; total: number },
  shares: { aPercent: number; bPercent: number },
  limit: number,
): Promise<Pick<DashboardAbc, 'points' | 'reachA' | 'reachB'> | null> {
  const counted = await db.selectFrom('analytics_rollups').select((eb) => eb.fn.sum<number>('customers').as('n')).where('run_id', '=', run.id).executeTakeFirst();
  if (Number(counted?.n ?? 0) !== run.customers) return null;
  const gone = (
    await sql<{ abc_rank: number; abc_value: number }>`
      select ar.abc_rank, ar.abc_value
      from (select distinct m.customer_id from analytics_customer_moves m where m.id > ${run.moves_mark}) mv cross join analytics_results ar
      where ar.run_id = ${run.id} and ar.customer_id = mv.customer_id
        and not exists (select 1 from customers c where c.id = ar.customer_id and c.deleted_at is null)
      order by ar.abc_rank`.execute(db)
  ).rows.map((r) => ({ rank: Number(r.abc_rank), value: Number(r.abc_value) }));
  const rows = await db
    .selectFrom('analytics_results as ar')
    .innerJoin('customers as c', 'c.id', 'ar.customer_id')
    .select(['ar.customer_id', 'c.name', 'ar.abc_value', 'ar.abc_class'])
    .where('ar.run_id', '=', run.id)
    .where('c.deleted_at', 'is', null)
    .orderBy('ar.abc_rank')
    .limit(limit)
    .execute();
  let cum = 0;
  const points = rows.map((r, i) => {
    cum += Number(r.abc_value);
    return {
      rank: i + 1, customerId: r.customer_id, customerName: r.name, value: Number(r.abc_value),
      cumulativeBp: totals.total > 0 ? Math.floor((cum * 10000) / totals.total) : 10000, abcClass: r.abc_class as DashboardAbc['points'][number]['abcClass'],
    };
  });
  const storedAt = async (rank: number) =>
    Number((await db.selectFrom('analytics_results').select('abc_cumulative').where('run_id', '=', run.id).where('abc_rank', '=', rank).executeTakeFirstOrThrow()).abc_cumulative);
  const goneUpTo = (rank: number) => {
    let value = 0;
    let count = 0;
    for (const g of gone) {
      if (g.rank > rank) break;
      value += g.value;
      count += 1;
    }
    return { value, count };
  };
  // The first live position whose cumulative value is at least `percent` of the total.
  const reach = async (percent: number) => {
    if (totals.customers === 0) return 0;
    let low = 1;
    let high: number = run.customers;
    while (low < high) {
      const mid = Math.floor((low + high) / 2);
      if (((await storedAt(mid)) - goneUpTo(mid).value) * 100 >= percent * totals.total) high = mid;
      else low = mid + 1;
    }
    return Math.min(totals.customers, Math.max(1, low - goneUpTo(low).count));
  };
  return { points, reachA: await reach(shares.aPercent), reachB: await reach(shares.bPercent) };
}
