import type { AnalyticsSettingsValue } from '@crm/contracts';
import { sql, type RawBuilder } from 'kysely';
import type { AppContext } from '../../platform/context.js';
import { rewriteWork, setList, type Assignment } from './analytics.work.js';

type Db = AppContext['db'];
type Engine = AppContext['engine'];

/** A YYYY-MM-DD date `months` months earlier (the day clamped to the month's length). */
export function monthsBefore(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) - months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/**
 * The lifetime-value factor: the present value of one yuan a year for `horizonYears` years at the
 * discount rate, Σ_{t=1..H} 1/(1+d)^t, in ten-thousandths (an integer, so both engines multiply
 * exactly): 10 %, 5 years → 3.7908 → 37908.
 */
export function lifetimeFactorBp(discountRatePercent: number, horizonYears: number): number {
  let factor = 0;
  for (let t = 1; t <= horizonYears; t++) factor += 1 / (1 + discountRatePercent / 100) ** t;
  return Math.round(factor * 10_000);
}

/** The days from `earlier` to `later` (both YYYY-MM-DD text) as an integer, on each engine. */
function daysBetween(engine: Engine, later: RawBuilder<unknown> | string, earlier: RawBuilder<unknown> | string) {
  const ref = (v: RawBuilder<unknown> | string) => (typeof v === 'string' ? sql.ref(v) : v);
  return engine === 'postgres'
    ? sql`(cast(${ref(later)} as date) - cast(${ref(earlier)} as date))`
    : sql`cast(julianday(${ref(later)}) - julianday(${ref(earlier)}) as integer)`;
}

/** The windows a run reads: RFM's last N months and the N before them, and the stability tenure. */
export function windowsOf(asOf: string, s: AnalyticsSettingsValue) {
  return { windowStart: monthsBefore(asOf, s.rfmWindowMonths), previousStart: monthsBefore(asOf, 2 * s.rfmWindowMonths), tenureBefore: monthsBefore(asOf, s.stabilityMinMonths) };
}

const big = (v: number) => sql`cast(${v} as bigint)`;

/** The gross profit of a purchase: amount − cost where the cost is known, else amount × the default margin. */
const purchaseProfit = (margin: RawBuilder<unknown>) => sql`case when ph.cost is not null then ph.amount - ph.cost else ph.amount * ${margin} / 100 end`;

/**
 * Step 1, the facts, into the run's work table (analytics.work.ts): every live customer with at
 * least one transaction up to `asOf` gets a row of its revenue, gross profit, payments, purchase
 * count and dates, the RFM window's count and spend, and its average interval between purchase
 * days. Transactions are the imported purchase history (amount − cost, or amount × the default
 * margin) and the active and completed contracts and orders by signing date (gross profit = amount
 * − the cost of their lines' products when every line's product has a cost, else amount × the
 * default margin). Three statements:
 * 1. the purchases, one row per customer, read in the order of the purchase_history_facts index
 *    (customer, day, amount, cost: no sort, no table lookups, twenty million rows in one pass);
 * 2. the contracts added to those rows (or new rows), a day counted once when the customer also
 *    has purchases on it;
 * 3. the payments received.
 */
export async function insertFacts(db: Db, engine: Engine, runId: number, asOf: string, s: AnalyticsSettingsValue): Promise<void> {
  const { windowStart, previousStart } = windowsOf(asOf, s);
  const margin = big(s.defaultMarginPercent);
  const interval = (days: RawBuilder<unknown>, last: RawBuilder<unknown>, first: RawBuilder<unknown>) =>
    sql`case when ${days} > 1 then ${daysBetween(engine, last, first)} / (${days} - 1) end`;
  await sql`
    insert into analytics_work (run_id, customer_id, owner_id, industry, category, revenue, gross_profit, purchases, days, first_on, last_on,
      recency_days, frequency, monetary, previous_monetary, window_profit, average_interval_days)
    select cast(${runId} as integer), p.customer_id, c.owner_id, coalesce(c.industry, ''), c.category, p.revenue, p.profit, p.purchases, p.days, p.first_on, p.last_on,
      ${daysBetween(engine, sql`${asOf}`, 'p.last_on')}, p.frequency, p.monetary, p.previous_monetary, p.window_profit,
      ${interval(sql.ref('p.days'), sql.ref('p.last_on'), sql.ref('p.first_on'))}
    from (
      select ph.customer_id, cast(sum(ph.amount) as bigint) as revenue, cast(sum(${purchaseProfit(margin)}) as bigint) as profit, count(*) as purchases,
        count(distinct ph.purchased_on) as days, min(ph.purchased_on) as first_on, max(ph.purchased_on) as last_on,
        sum(case when ph.purchased_on > ${windowStart} then 1 else 0 end) as frequency,
        cast(sum(case when ph.purchased_on > ${windowStart} then ph.amount else 0 end) as bigint) as monetary,
        cast(sum(case when ph.purchased_on > ${previousStart} and ph.purchased_on <= ${windowStart} then ph.amount else 0 end) as bigint) as previous_monetary,
        cast(sum(case when ph.purchased_on > ${windowStart} then ${purchaseProfit(margin)} else 0 end) as bigint) as window_profit
      from purchase_history ph where ph.purchased_on <= ${asOf} group by ph.customer_id
    ) p
    join customers c on c.id = p.customer_id
    where c.deleted_at is null
  `.execute(db);
  const last = sql`case when excluded.last_on > analytics_work.last_on then excluded.last_on else analytics_work.last_on end`;
  const first = sql`case when excluded.first_on < analytics_work.first_on then excluded.first_on else analytics_work.first_on end`;
  const days = sql`(analytics_work.days + excluded.days)`;
  await sql`
    insert into analytics_work (run_id, customer_id, owner_id, industry, category, revenue, gross_profit, purchases, days, first_on, last_on,
      recency_days, frequency, monetary, previous_monetary, window_profit, average_interval_days)
    with line_costs as (
      select cl.contract_id, count(*) as n, count(p.cost) as known, cast(sum(cl.quantity_milli * p.cost) as bigint) / 1000 as cost
      from contract_lines cl join products p on p.id = cl.product_id
      group by cl.contract_id
    ),
    tx as (
      select ct.customer_id, ct.signed_on as on_day, ct.amount,
        case when lc.n > 0 and lc.n = lc.known then ct.amount - lc.cost else ct.amount * ${margin} / 100 end as profit
      from contracts ct left join line_costs lc on lc.contract_id = ct.id
      where ct.deleted_at is null and ct.status in ('active', 'completed') and ct.signed_on is not null and ct.signed_on <= ${asOf}
    ),
    by_day as (
      select tx.customer_id, tx.on_day, cast(sum(tx.amount) as bigint) as amount, cast(sum(tx.profit) as bigint) as profit, count(*) as n,
        case when exists (select 1 from purchase_history ph where ph.customer_id = tx.customer_id and ph.purchased_on = tx.on_day) then 0 else 1 end as new_day
      from tx group by tx.customer_id, tx.on_day
    ),
    agg as (
      select d.customer_id, cast(sum(d.amount) as bigint) as revenue, cast(sum(d.profit) as bigint) as profit, sum(d.n) as purchases, sum(d.new_day) as days,
        min(d.on_day) as first_on, max(d.on_day) as last_on,
        sum(case when d.on_day > ${windowStart} then d.n else 0 end) as frequency,
        cast(sum(case when d.on_day > ${windowStart} then d.amount else 0 end) as bigint) as monetary,
        cast(sum(case when d.on_day > ${previousStart} and d.on_day <= ${windowStart} then d.amount else 0 end) as bigint) as previous_monetary,
        cast(sum(case when d.on_day > ${windowStart} then d.profit else 0 end) as bigint) as window_profit
      from by_day d group by d.customer_id
    )
    select cast(${runId} as integer), a.customer_id, c.owner_id, coalesce(c.industry, ''), c.category, a.revenue, a.profit, a.purchases, a.days, a.first_on, a.last_on,
      ${daysBetween(engine, sql`${asOf}`, 'a.last_on')}, a.frequency, a.monetary, a.previous_monetary, a.window_profit,
      ${interval(sql.ref('a.days'), sql.ref('a.last_on'), sql.ref('a.first_on'))}
    from agg a join customers c on c.id = a.customer_id
    where c.deleted_at is null
    on conflict (run_id, customer_id) do update set
      revenue = analytics_work.revenue + excluded.revenue, gross_profit = analytics_work.gross_profit + excluded.gross_profit,
      purchases = analytics_work.purchases + excluded.purchases, days = ${days}, first_on = ${first}, last_on = ${last},
      recency_days = ${daysBetween(engine, sql`${asOf}`, last)},
      frequency = analytics_work.frequency + excluded.frequency, monetary = analytics_work.monetary + excluded.monetary,
      previous_monetary = analytics_work.previous_monetary + excluded.previous_monetary, window_profit = analytics_work.window_profit + excluded.window_profit,
      average_interval_days = ${interval(days, last, first)}
  `.execute(db);
  await sql`
    update analytics_work set received = pd.received
    from (select pm.customer_id, cast(sum(pm.amount) as bigint) as received from payments pm where pm.received_on <= ${asOf} group by pm.customer_id) pd
    where analytics_work.run_id = ${runId} and analytics_work.customer_id = pd.customer_id
  `.execute(db);
}

/**
 * Step 2, the classes and the potential value, in one statement (window functions for the ranks,
 * the row's own figures for the rest; one pass over the run's rows):
 * - ABC by the basis (revenue or gross profit, negatives as 0), ranked high to low with ties by
 *   customer id; cumulative share including the customer ≤ A % → A, ≤ B % → B, else C (the first
 *   customer is always A); also the position and cumulative value among the customers of the same
 *   owner, in the same order (a scoped Pareto sums them over its owners, analytics.abc.ts);
 * - value classes by revenue rank: rank ≤ ⌈N × key %⌉ → key, ⌈N × major %⌉ → major,
 *   ⌈N × maintenance %⌉ → maintenance, else opportunity;
 * - RFM quintiles (NTILE(5)): recency (fewer days is better), frequency and spend in the window
 *   (more is better), ties by customer id; the segment from the three scores;
 * - the values, status, churn risk and lifecycle stage (the rules are written out in
 *   explainCustomer, analytics.explain.ts);
 * - potential value (潜在价值): each customer's peer group is the run's customers of the same
 *   industry and category (itself included); its median current value is the middle one (the mean
 *   of the two middle ones, truncated, for an even count). Potential value = max(0, median −
 *   current value) when the group has at least `potentialMinPeers` customers (the cross-sell /
 *   up-sell gap), + the live leads that name the customer as referrer × the value of one referral.
 *   Also the tenure (days from the first purchase to `asOf`) the loyalty score reads.
 */
export async function classifyCustomers(db: Db, engine: Engine, runId: number, asOf: string, s: AnalyticsSettingsValue): Promise<void> {
  const basis = s.abcBasis === 'gross_profit' ? sql.ref('gross_profit') : sql.ref('revenue');
  const a = big(s.abcAPercent);
  const b = big(s.abcBPercent);
  const top = (p: number) => sql`(r.n * ${big(p)} + 99) / 100`;
  const { tenureBefore } = windowsOf(asOf, s);
  const lost = sql`recency_days > ${big(s.lostAfterDays)}`;
  const churn = sql`(not (${lost}) and ((average_interval_days is not null and recency_days > ${big(s.churnFactor)} * average_interval_days)
    or (previous_monetary > 0 and monetary * 100 <= previous_monetary * ${big(100 - s.spendDropPercent)})))`;
  const months = big(s.rfmWindowMonths);
  const current = sql`(window_profit * 12 / ${months})`;
  // Each customer's ranks, quintiles and peer figures, then written onto its row. On SQLite they are
  // computed into a temporary table first (one UPDATE ... FROM over the window functions took 25 s
  // at a million customers, the two steps 31 s), then the work table is copied with the new values
  // (rewriteWork: 21 s for the step).
  const classes = sql`
      with x as (
        select ax.customer_id, ax.owner_id, ax.revenue, ax.recency_days, ax.frequency, ax.monetary, case when ax.${basis} > 0 then ax.${basis} else 0 end as v,
          ax.window_profit * 12 / ${months} as cv, ax.industry as ind, ax.category as cat
        from analytics_work ax where ax.run_id = ${runId}
      ),
      ranked as (
        select x.customer_id, x.v, x.ind, x.cat, x.cv,
          row_number() over (order by x.v desc, x.customer_id) as rk,
          cast(sum(x.v) over (order by x.v desc, x.customer_id rows between unbounded preceding and current row) as bigint) as cum,
          cast(sum(x.v) over () as bigint) as total,
          row_number() over (partition by x.owner_id order by x.v desc, x.customer_id) as ork,
          cast(sum(x.v) over (partition by x.owner_id order by x.v desc, x.customer_id rows between unbounded preceding and current row) as bigint) as ocum,
          row_number() over (order by x.revenue desc, x.customer_id) as vrk,
          count(*) over () as n,
          ntile(5) over (order by x.recency_days desc, x.customer_id) as rs,
          ntile(5) over (order by x.frequency, x.customer_id) as fs,
          ntile(5) over (order by x.monetary, x.customer_id) as ms,
          row_number() over (partition by x.ind, x.cat order by x.cv, x.customer_id) as prn,
          count(*) over (partition by x.ind, x.cat) as pn
        from x
      ),
      medians as (
        select ind, cat, max(pn) as n, (min(cv) + max(cv)) / 2 as median from ranked where prn = (pn + 1) / 2 or prn = (pn + 2) / 2 group by ind, cat
      ),
      refs as (
        select l.referrer_customer_id as customer_id, count(*) as refs from leads l
        where l.deleted_at is null and l.referrer_customer_id is not null group by l.referrer_customer_id
      )
      select rk.*, m.n as peers, m.median, coalesce(rf.refs, 0) as refs
      from ranked rk join medians m on m.ind = rk.ind and m.cat = rk.cat
      left join refs rf on rf.customer_id = rk.customer_id
  `;
  const values: Assignment[] = [
    ['abc_value', sql`r.v`], ['abc_rank', sql`r.rk`], ['abc_cumulative', sql`r.cum`], ['abc_total', sql`r.total`], ['owner_position', sql`r.ork`], ['owner_cumulative', sql`r.ocum`],
    ['abc_cumulative_bp', sql`case when r.total > 0 then r.cum * 10000 / r.total else 10000 end`],
    ['abc_class', sql`case when r.total = 0 then 'C' when r.rk = 1 or r.cum * 100 <= ${a} * r.total then 'A' when r.cum * 100 <= ${b} * r.total then 'B' else 'C' end`],
    ['value_rank', sql`r.vrk`],
    ['value_class', sql`case when r.vrk <= ${top(s.keyTopPercent)} then 'key' when r.vrk <= ${top(s.majorTopPercent)} then 'major' when r.vrk <= ${top(s.maintenanceTopPercent)} then 'maintenance' else 'opportunity' end`],
    ['r_score', sql`r.rs`], ['f_score', sql`r.fs`], ['m_score', sql`r.ms`],
    ['rfm_segment', sql`case
        when r.rs >= 4 and r.fs >= 4 and r.ms >= 4 then 'champions'
        when r.rs <= 2 and r.fs >= 4 and r.ms >= 4 then 'cannot_lose'
        when r.rs <= 2 and (r.fs >= 3 or r.ms >= 3) then 'at_risk'
        when r.rs <= 2 then 'hibernating'
        when r.fs >= 4 then 'loyal'
        when r.rs >= 4 and r.fs <= 1 then 'new'
        when r.rs >= 4 then 'potential_loyalist'
        else 'needs_attention' end`],
    ['historical_value', sql`gross_profit`],
    ['current_value', current],
    ['lifetime_value', sql`(${current} - ${big(s.retentionCostPerYear)}) * ${big(lifetimeFactorBp(s.discountRatePercent, s.horizonYears))} / 10000 - ${big(s.acquisitionCost)}`],
    ['status', sql`case when ${lost} then 'lost' when purchases = 1 then 'first_purchase' when purchases >= ${big(s.loyalMinPurchases)} then 'loyal' else 'repeat' end`],
    ['churn_risk', sql`case when ${churn} then 1 else 0 end`],
    ['lifecycle_stage', sql`case
        when ${lost} or ${churn} then 'decline'
        when purchases <= 1 then 'exploration'
        when purchases >= ${big(s.loyalMinPurchases)} and first_on <= ${tenureBefore} then 'stability'
        else 'formation' end`],
    ['peer_count', sql`r.peers`], ['peer_median', sql`r.median`], ['referrals', sql`r.refs`],
    ['tenure_days', daysBetween(engine, sql`${asOf}`, 'first_on')],
    ['potential_value', sql`case when r.peers >= ${big(s.potentialMinPeers)} and r.median > ${current} then r.median - ${current} else 0 end + r.refs * ${big(s.referralValue)}`],
  ];
  if (engine === 'sqlite') {
    await sql`drop table if exists temp.analytics_classes`.execute(db);
    await sql`create temporary table analytics_classes as ${classes}`.execute(db);
    // Each work row finds its own by customer (without an index SQLite scanned the million rows for each).
    await sql`create index analytics_classes_customer on analytics_classes (customer_id)`.execute(db);
    try {
      await rewriteWork(db, runId, sql`analytics_work w left join analytics_classes r on r.customer_id = w.customer_id`, sql`r.customer_id is not null`, values);
    } finally {
      await sql`drop table if exists temp.analytics_classes`.execute(db);
    }
    return;
  }
  await sql`update analytics_work set ${setList(values)} from (${classes}) r where analytics_work.run_id = ${runId} and analytics_work.customer_id = r.customer_id`.execute(db);
}

/**
 * Step 3, the pyramid quadrants and the four-dimension evaluation, one statement:
 * - the value cut is the current value of the customer ranked ⌈N × top %⌉ (high to low, ties by
 *   id): at or above it is high; the potential cut is the potential value at the percentile's
 *   nearest rank ⌈N × p %⌉ (low to high): above it is high. High/high platinum, high/low gold,
 *   low/high iron, low/low lead;
 * - profit: the quintile (NTILE 5) of the gross profit; potential: the quintile of the potential
 *   value, 1 without any; influence: 1 + referrals, at most 5; loyalty: 1, + 1 each for a tenure of
 *   at least 365 and 1,095 days, + 1 each for a repeat rate (purchases − 1) / purchases of at
 *   least 50 % and 80 %.
 */
export async function assessQuadrants(db: Db, engine: Engine, runId: number, s: AnalyticsSettingsValue): Promise<void> {
  const high = sql`current_value >= q.vcut`;
  const growing = sql`potential_value > q.pcut`;
  // As in step 2, SQLite computes the scores into a temporary table first.
  const scores = sql`
      select x.customer_id,
        ntile(5) over (order by x.gross_profit, x.customer_id) as ps,
        ntile(5) over (order by x.potential_value, x.customer_id) as pts
      from analytics_work x where x.run_id = ${runId}
  `;
  const cuts = sql`
      select cast(coalesce(max(case when y.vrk = (y.n * ${big(s.quadrantValueTopPercent)} + 99) / 100 then y.current_value end), 0) as bigint) as vcut,
        cast(coalesce(max(case when y.prk = (y.n * ${big(s.quadrantPotentialPercentile)} + 99) / 100 then y.potential_value end), 0) as bigint) as pcut
      from (
        select z.current_value, z.potential_value,
          row_number() over (order by z.current_value desc, z.customer_id) as vrk,
          row_number() over (order by z.potential_value, z.customer_id) as prk,
          count(*) over () as n
        from analytics_work z where z.run_id = ${runId}
      ) y
  `;
  const values: Assignment[] = [
    ['quadrant_value_cut', sql`q.vcut`], ['quadrant_potential_cut', sql`q.pcut`],
    ['quadrant', sql`case when ${high} and ${growing} then 'platinum' when ${high} then 'gold' when ${growing} then 'iron' else 'lead' end`],
    ['profit_score', sql`r.ps`],
    ['potential_score', sql`case when potential_value > 0 then r.pts else 1 end`],
    ['influence_score', sql`case when referrals >= 4 then 5 else referrals + 1 end`],
    ['loyalty_score', sql`1 + case when tenure_days >= 365 then 1 else 0 end + case when tenure_days >= 1095 then 1 else 0 end
        + case when (purchases - 1) * 100 >= purchases * 50 then 1 else 0 end + case when (purchases - 1) * 100 >= purchases * 80 then 1 else 0 end`],
  ];
  if (engine === 'sqlite') {
    const drop = async () => {
      await sql`drop table if exists temp.analytics_scores`.execute(db);
      await sql`drop table if exists temp.analytics_cuts`.execute(db);
    };
    await drop();
    await sql`create temporary table analytics_scores as ${scores}`.execute(db);
    await sql`create index analytics_scores_customer on analytics_scores (customer_id)`.execute(db);
    await sql`create temporary table analytics_cuts as ${cuts}`.execute(db);
    try {
      // CROSS JOIN: SQLite keeps the one row of cuts outside.
      await rewriteWork(db, runId, sql`analytics_work w cross join analytics_cuts q left join analytics_scores r on r.customer_id = w.customer_id`, sql`r.customer_id is not null`, values);
    } finally {
      await drop();
    }
    return;
  }
  await sql`update analytics_work set ${setList(values)} from (${scores}) r cross join (${cuts}) q where analytics_work.run_id = ${runId} and analytics_work.customer_id = r.customer_id`.execute(db);
}
