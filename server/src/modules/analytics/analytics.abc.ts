import type { DashboardAbc } from '@crm/contracts';
import { sql, type Expression, type SqlBool } from 'kysely';
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
  const points = pointsOf(rows.map((r) => ({ customerId: r.customer_id, name: r.name, value: Number(r.abc_value), abcClass: r.abc_class })), totals.total);
  const storedAt = async (rank: number) =>
    Number((await db.selectFrom('analytics_results').select('abc_cumulative').where('run_id', '=', run.id).where('abc_rank', '=', rank).executeTakeFirstOrThrow()).abc_cumulative);
  const corrections = gone.map((g) => ({ ...g, sign: -1 }));
  const at = async (rank: number) => {
    const c = correctionsUpTo(corrections, rank);
    return { value: (await storedAt(rank)) + c.value, count: rank + c.count };
  };
  const reach = (percent: number) => reachByHalving(run.customers, totals, percent, at);
  return { points, reachA: await reach(shares.aPercent), reachB: await reach(shares.bPercent) };
}

/**
 * The ABC Pareto of a narrower scope (a department's, a salesperson's, a department filter) without
 * ranking its customers again (issue 14: a group manager's 179,000 took 0.8 s at 1,000,000 customers
 * on SQLite, 2.2 s on PostgreSQL). `where` names the customer's owner alone, as `c.owner_id`. The
 * run stored, for each customer, its position and the cumulative value among the customers of its
 * owner at the run, in the run's rank order (migration 0041). So:
 * - the scope's owners at the run are those of the run's counts that `where` keeps;
 * - at rank r the scope's cumulative value and count are the sums over those owners of their last
 *   row up to r (one index entry each), corrected by the customers moved since the run's mark: out
 *   where the run's owner is kept (the row counted it), in where the customer is live and its present
 *   owner is kept. Both never fall as r grows, so a share's reach is found by halving the ranks;
 * - the first `limit` points are the first rows, in rank order, of each owner's live customers still
 *   in scope and of the customers moved in, merged.
 * Null when the run has no owner figures (computed before migration 0041) or a customer of it was
 * erased since (its value is gone from the rows): the caller then ranks the rows.
 */
export async function abcOverOwners(
  db: Db,
  run: RunRow & { moves_mark: number },
  where: Expression<SqlBool>,
  totals: { customers: number; total: number },
  shares: { aPercent: number; bPercent: number },
  limit: number,
): Promise<Pick<DashboardAbc, 'points' | 'reachA' | 'reachB'> | null> {
  const counted = await db.selectFrom('analytics_rollups').select((eb) => eb.fn.sum<number>('customers').as('n')).where('run_id', '=', run.id).executeTakeFirst();
  if (Number(counted?.n ?? 0) !== run.customers) return null;
  const first = await db.selectFrom('analytics_results').select('owner_cumulative').where('run_id', '=', run.id).where('abc_rank', '=', 1).executeTakeFirst();
  if (!first || first.owner_cumulative === null) return null;
  const owners = (
    await sql<{ owner_id: number }>`select distinct c.owner_id from analytics_rollups c where c.run_id = ${run.id} and c.owner_id is not null and ${where}`.execute(db)
  ).rows.map((r) => Number(r.owner_id));
  // The moved customers: -1 where the run counted them in scope, +1 where they are in it now.
  const moved = (
    await sql<{ customer_id: number; abc_rank: number; abc_value: number; sign: number; name: string | null; abc_class: string }>`
      with mv as (select distinct m.customer_id from analytics_customer_moves m where m.id > ${run.moves_mark})
      select c.customer_id, c.abc_rank, c.abc_value, -1 as sign, cast(null as text) as name, c.abc_class
      from mv cross join analytics_results c
      where c.run_id = ${run.id} and c.customer_id = mv.customer_id and ${where}
      union all
      select ar.customer_id, ar.abc_rank, ar.abc_value, 1, c.name, ar.abc_class
      from mv cross join analytics_results ar cross join customers c
      where ar.run_id = ${run.id} and ar.customer_id = mv.customer_id and c.id = ar.customer_id and c.deleted_at is null and ${where}
      order by 2`.execute(db)
  ).rows.map((r) => ({ customerId: Number(r.customer_id), rank: Number(r.abc_rank), value: Number(r.abc_value), sign: Number(r.sign), name: r.name, abcClass: r.abc_class }));

  // The points: each owner's first live rows still in scope, and the customers moved in, in rank order.
  const perOwner = owners.map(
    (owner) => sql`select * from (
      select ar.customer_id, c.name, ar.abc_value, ar.abc_class, ar.abc_rank from analytics_results ar join customers c on c.id = ar.customer_id
      where ar.run_id = ${run.id} and ar.owner_id = ${owner} and c.deleted_at is null and ${where}
      order by ar.abc_rank limit ${limit}) o${sql.raw(String(owner))}`,
  );
  const candidates: Array<{ customer_id: number; name: string; abc_value: number; abc_class: string; abc_rank: number }> = [];
  // 100 owners per statement: within SQLite's limit of terms in a compound select (500).
  for (let i = 0; i < perOwner.length; i += 100) {
    candidates.push(...(await sql<(typeof candidates)[number]>`${sql.join(perOwner.slice(i, i + 100), sql` union all `)}`.execute(db)).rows);
  }
  const seen = new Set<number>();
  const firstRows = [
    ...candidates.map((r) => ({ customerId: Number(r.customer_id), name: r.name, value: Number(r.abc_value), abcClass: r.abc_class, rank: Number(r.abc_rank) })),
    ...moved.filter((m) => m.sign > 0).map((m) => ({ customerId: m.customerId, name: m.name ?? '', value: m.value, abcClass: m.abcClass, rank: m.rank })),
  ]
    .sort((a, b) => a.rank - b.rank)
    .filter((r) => !seen.has(r.customerId) && seen.add(r.customerId))
    .slice(0, limit);
  const points = pointsOf(firstRows, totals.total);
  // The scope's cumulative value and count at a rank of the run.
  const ownerList = sql.join(owners.map((o) => sql`select cast(${o} as integer) as id`), sql` union all `);
  const at = async (rank: number): Promise<{ value: number; count: number }> => {
    let value = 0;
    let count = 0;
    if (owners.length > 0) {
      const last = (column: 'owner_cumulative' | 'owner_position') =>
        sql`(select ${sql.ref(`x.${column}`)} from analytics_results x where x.run_id = ${run.id} and x.owner_id = u.id and x.abc_rank <= ${rank} order by x.abc_rank desc limit 1)`;
      const r = await sql<{ value: number | null; count: number | null }>`
        select sum(${last('owner_cumulative')}) as value, sum(${last('owner_position')}) as count from (${ownerList}) u`.execute(db);
      value = Number(r.rows[0]?.value ?? 0);
      count = Number(r.rows[0]?.count ?? 0);
    }
    const c = correctionsUpTo(moved, rank);
    return { value: value + c.value, count: count + c.count };
  };
  const reach = (percent: number) => reachByHalving(run.customers, totals, percent, at);
  return { points, reachA: await reach(shares.aPercent), reachB: await reach(shares.bPercent) };
}

/** The corrections (sorted by rank) ranked up to `rank`: their signed value and count. */
function correctionsUpTo(list: ReadonlyArray<{ rank: number; value: number; sign: number }>, rank: number): { value: number; count: number } {
  let value = 0;
  let count = 0;
  for (const c of list) {
    if (c.rank > rank) break;
    value += c.sign * c.value;
    count += c.sign;
  }
  return { value, count };
}

/**
 * How many customers, from the top, reach `percent` of the total: the first of the run's ranks
 * 1..`ranks` whose cumulative value (`at`, never falling as the rank grows) is at least that share,
 * found by halving, as a live position (at least 1, at most the customers counted).
 */
async function reachByHalving(
  ranks: number,
  totals: { customers: number; total: number },
  percent: number,
  at: (rank: number) => Promise<{ value: number; count: number }>,
): Promise<number> {
  if (totals.customers === 0) return 0;
  let low = 1;
  let high = ranks;
  while (low < high) {
    const mid = Math.floor((low + high) / 2);
    if ((await at(mid)).value * 100 >= percent * totals.total) high = mid;
    else low = mid + 1;
  }
  return Math.min(totals.customers, Math.max(1, (await at(low)).count));
}

/** The Pareto's points from the first customers in rank order: position and cumulative share of `total`. */
function pointsOf(rows: ReadonlyArray<{ customerId: number; name: string; value: number; abcClass: string }>, total: number): DashboardAbc['points'] {
  let cum = 0;
  return rows.map((r, i) => {
    cum += r.value;
    return {
      rank: i + 1, customerId: r.customerId, customerName: r.name, value: r.value,
      cumulativeBp: total > 0 ? Math.floor((cum * 10000) / total) : 10000, abcClass: r.abcClass as DashboardAbc['points'][number]['abcClass'],
    };
  });
}
