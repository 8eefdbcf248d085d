import {
  valueClasses, rfmSegments, quadrants,
  type CompositionDimension, type DashboardQuadrants, type DashboardAbc, type DashboardChurn, type DashboardComposition, type DashboardPyramid, type DashboardRfm,
  type DashboardRevenue, type compositionCustomersQuery, type dashboardAbcQuery, type dashboardChurnQuery, type dashboardCompositionQuery, type revenueCustomersQuery,
} from '@crm/contracts';
import { sql, type Expression, type SqlBool } from 'kysely';
import type { z } from 'zod';
import type { Actor } from '../../platform/auth/actor.js';
import { isUnscoped } from '../../platform/auth/scope.js';
import { companyTimeZone, localDate, startOfLocalDay } from '../../platform/company.js';
import type { AppContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { t } from '../../platform/i18n.js';
import type { Locale } from '@crm/contracts';
import { userNames } from '../users/index.js';
import { analyticsScope, departmentOwners } from './analytics.read.js';
import { abcOverEveryone, abcOverOwners } from './analytics.abc.js';
import { fieldCount, fieldCounts } from './analytics.field-counts.js';
import { classGroups, type ClassGroup } from './analytics.rollups.js';
import { finishedRun, presentRun, runSettings, type RunRow } from './analytics.runs.js';
import { monthBuyers, revenueMonths, type MonthBuyer } from './analytics.revenue.js';

/**
 * The dashboards (issue 14): aggregates of the customers whose owner is in the caller's data scope
 * (the same rule as GET /analytics/customers and /analytics/summary: a salesperson his own, a
 * manager his departments', the `all` scope everyone's, the public pool only with `all`), narrowed
 * to an owner's department (and those below it) when asked. Every drill-down list applies the same
 * conditions as the figure it opens, so a slice's count is its list's total.
 */


export interface DashboardFilter {
  departmentId?: number | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

const scopeOf = (actor: Actor): Expression<SqlBool> => {
  const scope = analyticsScope(actor);
  return isUnscoped(scope) ? sql<SqlBool>`1 = 1` : scope;
};


/** The owners (as `c.owner_id`) whose customers the caller's figures count: scope, then department. */
function ownerConditions(actor: Actor, f: DashboardFilter): Expression<SqlBool>[] {
  const out = [scopeOf(actor)];
  if (f.departmentId !== undefined) out.push(departmentOwners(f.departmentId));
  return out;
}

/** The customers (alias `c`, live) the caller's figures count: scope, then department. */
function customerConditions(actor: Actor, f: DashboardFilter): Expression<SqlBool>[] {
  return [...ownerConditions(actor, f), sql<SqlBool>`c.deleted_at is null`];
}

/** The instants [from, before) of a range of local days; open ends stay open. */
export async function rangeInstants(ctx: AppContext, f: DashboardFilter): Promise<{ from?: string; before?: string; timeZone: string }> {
  const timeZone = await companyTimeZone(ctx.db);
  const out: { from?: string; before?: string; timeZone: string } = { timeZone };
  if (f.from) out.from = startOfLocalDay(f.from, timeZone).toISOString();
  if (f.to) out.before = startOfLocalDay(nextDay(f.to), timeZone).toISOString();
  return out;
}

const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
const monthOf = (day: string) => day.slice(0, 7);
const addMonths = (month: string, n: number) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) + n;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
};
/** The longest span of months the new-customers chart shows (ten years). */
const maxMonths = 120;

/** The months the new-customers chart covers: the range's, or the last 12 up to this one. */
export function monthsOf(today: string, f: DashboardFilter, locale: Locale): string[] {
  const last = monthOf(f.to ?? (f.from && f.from > today ? f.from : today));
  const first = f.from ? monthOf(f.from) : addMonths(last, -11);
  const months: string[] = [];
  for (let m = first; m <= last; m = addMonths(m, 1)) {
    months.push(m);
    if (months.length > maxMonths) throw new AppError('VALIDATION_FAILED', 'validationFailed', [{ path: 'from', message: t(locale, 'analyticsRangeTooLong', { months: maxMonths }) }]);
  }
  return months;
}

const columnOf: Record<CompositionDimension, string> = {
  kind: 'c.kind', category: 'c.category', industry: 'c.industry', status: 'c.status', lifecycleStage: 'c.lifecycle_stage', province: 'c.province', city: 'c.city',
};
/** A field as a slice key: the stored text, '' when empty. */
const keyOf = (dimension: CompositionDimension) => sql<string>`coalesce(${sql.ref(columnOf[dimension])}, '')`;

function baseCustomers(ctx: AppContext, actor: Actor, f: DashboardFilter, range: { from?: string; before?: string }) {
  let q = ctx.db.selectFrom('customers as c');
  for (const cond of customerConditions(actor, f)) q = q.where(cond);
  if (range.from) q = q.where('c.created_at', '>=', range.from);
  if (range.before) q = q.where('c.created_at', '<', range.before);
  return q;
}

/** GET /analytics/dashboard/composition. */
export async function composition(ctx: AppContext, actor: Actor, query: z.output<typeof dashboardCompositionQuery>, locale: Locale): Promise<DashboardComposition> {
  const range = await rangeInstants(ctx, query);
  const months = monthsOf(localDate(ctx.clock.now(), range.timeZone), query, locale);
  const base = baseCustomers(ctx, actor, query, range);
  // Null and '' are one slice; slices by count, then key.
  const slices = (merged: Map<string, number>) =>
    [...merged].map(([key, customers]) => ({ key, customers })).sort((a, b) => b.customers - a.customers || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const dimensions = ['kind', 'category', 'industry', 'status', 'lifecycleStage', 'province'] as const;
  const by = Object.fromEntries(dimensions.map((d) => [d, new Map<string, number>()])) as Record<(typeof dimensions)[number], Map<string, number>>;
  let customers = 0;
  const cities = new Map<string, number>();
  if (query.from === undefined && query.to === undefined) {
    // Without a date range: the live counts by owner and field (analytics.field-counts.ts).
    const conditions = ownerConditions(actor, query);
    const counts = await fieldCounts(ctx.db, conditions);
    const column: Record<(typeof dimensions)[number], string> = { kind: 'kind', category: 'category', industry: 'industry', status: 'status', lifecycleStage: 'lifecycle_stage', province: 'province' };
    for (const d of dimensions) by[d] = counts.get(column[d]) ?? new Map();
    for (const n of by.kind.values()) customers += n;
    if (query.province) {
      const prefix = `${query.province}/`;
      for (const [key, n] of counts.get('city') ?? []) if (key.startsWith(prefix)) cities.set(key.slice(prefix.length), n);
    }
  } else {
    // One pass over the scope's customers: counted by every combination of the six fields, each
    // field's slices (and the total) summed from those.
    const combos = await base
      .select([...dimensions.map((d) => keyOf(d).as(d)), sql<number>`count(*)`.as('n')])
      .groupBy(dimensions.map((d) => keyOf(d)))
      .execute();
    for (const row of combos) {
      const n = Number(row.n);
      customers += n;
      for (const d of dimensions) by[d].set(row[d], (by[d].get(row[d]) ?? 0) + n);
    }
    if (query.province) {
      const rows = await base.where('c.province', '=', query.province).select([keyOf('city').as('k'), sql<number>`count(*)`.as('n')]).groupBy(keyOf('city')).execute();
      for (const r of rows) cities.set(r.k, (cities.get(r.k) ?? 0) + Number(r.n));
    }
  }
  // New customers per month: the months' first instants, counted in one pass.
  const starts = [...months, addMonths(months[months.length - 1] ?? '', 1)].map((m) => startOfLocalDay(`${m}-01`, range.timeZone).toISOString());
  const perMonth = await baseCustomers(ctx, actor, query, {
    from: range.from && range.from > (starts[0] ?? '') ? range.from : starts[0],
    before: range.before && range.before < (starts[starts.length - 1] ?? '') ? range.before : starts[starts.length - 1],
  })
    .select(months.map((_, i) => sql<number>`sum(case when c.created_at >= ${starts[i]} and c.created_at < ${starts[i + 1]} then 1 else 0 end)`.as(`m${i}`)))
    .executeTakeFirst();
  const counts = (perMonth ?? {}) as Record<string, unknown>;
  return {
    customers,
    byKind: slices(by.kind),
    byCategory: slices(by.category),
    byIndustry: slices(by.industry),
    byStatus: slices(by.status),
    byLifecycleStage: slices(by.lifecycleStage),
    byProvince: slices(by.province),
    byCity: query.province ? slices(cities) : [],
    newByMonth: months.map((month, i) => ({ month, customers: Number(counts[`m${i}`] ?? 0) })),
  };
}

/** GET /analytics/dashboard/composition/customers: the customers of one slice, newest first. */
export async function compositionCustomers(ctx: AppContext, actor: Actor, query: z.output<typeof compositionCustomersQuery>) {
  const range = await rangeInstants(ctx, query);
  let q = baseCustomers(ctx, actor, query, range);
  if (query.dimension === 'month') {
    if (!/^\d{4}-\d{2}$/.test(query.key)) throw new AppError('VALIDATION_FAILED', 'validationFailed', [{ path: 'key', message: 'YYYY-MM' }]);
    const start = startOfLocalDay(`${query.key}-01`, range.timeZone).toISOString();
    const end = startOfLocalDay(`${addMonths(query.key, 1)}-01`, range.timeZone).toISOString();
    q = q.where('c.created_at', '>=', start).where('c.created_at', '<', end);
  } else {
    q = q.where(keyOf(query.dimension), '=', query.key);
    if (query.dimension === 'city' && query.province !== undefined) q = q.where('c.province', '=', query.province);
  }
  const conditions = ownerConditions(actor, query);
  // Without a date range a field's slice is counted from the live counts by owner and field
  // (a city's only with its province, which its key carries); otherwise its customers are counted.
  const counted = query.from === undefined && query.to === undefined && query.dimension !== 'month' && (query.dimension !== 'city' || query.province !== undefined);
  const total = counted
    ? await fieldCount(ctx.db, conditions, countedField[query.dimension as CompositionDimension], query.dimension === 'city' ? `${query.province ?? ''}/${query.key}` : query.key)
    : Number((await q.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow()).n);
  const page = q
    .select(['c.id', 'c.archive_no', 'c.name', 'c.kind', 'c.category', 'c.industry', 'c.status', 'c.lifecycle_stage', 'c.province', 'c.city', 'c.owner_id', 'c.created_at'])
    .orderBy('c.created_at', 'desc')
    .orderBy('c.id', 'desc');
  const upTo = query.page * query.pageSize;
  // A narrower scope (a department's, a salesperson's, a department filter): each owner's newest
  // customers of the slice (their (owner, created) index in order), merged; all of them sorted would
  // be every customer of the scope in the slice (a group manager's province: 0.45 s at a million).
  const owners = isUnscoped(analyticsScope(actor)) && query.departmentId === undefined ? null : await ownersWhere(ctx, conditions);
  let rows: Awaited<ReturnType<typeof page.execute>>;
  if (owners !== null && owners.length <= 100) {
    rows = [];
    for (const owner of owners) rows.push(...(await page.where('c.owner_id', '=', owner).limit(upTo).execute()));
    rows.sort((a, b) => (a.created_at < b.created_at ? 1 : a.created_at > b.created_at ? -1 : b.id - a.id));
    rows = rows.slice(upTo - query.pageSize, upTo);
  } else {
    rows = await page.limit(query.pageSize).offset(upTo - query.pageSize).execute();
  }
  const names = await userNames(ctx, rows.map((r) => r.owner_id));
  return {
    items: rows.map((r) => ({
      id: r.id, archiveNo: r.archive_no, name: r.name, kind: r.kind, category: r.category, industry: r.industry, status: r.status, lifecycleStage: r.lifecycle_stage,
      province: r.province, city: r.city, ownerId: r.owner_id, ownerName: r.owner_id === null ? null : (names.get(r.owner_id) ?? null), createdAt: r.created_at,
    })),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** The field of the live counts each composition slice is counted under (analytics.field-counts.ts). */
const countedField: Record<CompositionDimension, string> = {
  kind: 'kind', category: 'category', industry: 'industry', status: 'status', lifecycleStage: 'lifecycle_stage', province: 'province', city: 'city',
};

/** The users whose customers `conditions` (each naming the owner as `c.owner_id`) keep. */
async function ownersWhere(ctx: AppContext, conditions: Expression<SqlBool>[]): Promise<number[]> {
  const r = await sql<{ owner_id: number }>`select c.owner_id from (select u.id as owner_id from users u) c where ${sql.join(conditions, sql` and `)} order by c.owner_id`.execute(ctx.db);
  return r.rows.map((o) => Number(o.owner_id));
}

/**
 * The run's customers the caller's figures count, by combination of classes (from the run's
 * counts by owner, analytics.rollups.ts): the scope and the department filter name the owner alone.
 */
export function runGroups(ctx: AppContext, actor: Actor, run: RunRow, f: DashboardFilter): Promise<ClassGroup[]> {
  const conditions = ownerConditions(actor, f);
  return classGroups(ctx.db, run, conditions, !isUnscoped(analyticsScope(actor)) || f.departmentId !== undefined);
}

/** Groups summed by one class: customers and the sums named. */
function sumBy<K extends keyof ClassGroup>(groups: ClassGroup[], key: K): Map<ClassGroup[K], ClassGroup> {
  const out = new Map<ClassGroup[K], ClassGroup>();
  for (const g of groups) {
    const into = out.get(g[key]);
    if (!into) {
      out.set(g[key], { ...g });
      continue;
    }
    into.customers += g.customers;
    into.revenue += g.revenue;
    into.gross_profit += g.gross_profit;
    into.monetary += g.monetary;
    into.current_value += g.current_value;
    into.potential_value += g.potential_value;
    into.abc_value += g.abc_value;
  }
  return out;
}

/** The results of a run for the customers the caller's figures count (alias `ar`, `c`). */
export function runResults(ctx: AppContext, actor: Actor, run: RunRow, f: DashboardFilter, options: { inOrder?: boolean } = {}) {
  let q = ctx.db.selectFrom('analytics_results as ar').innerJoin('customers as c', 'c.id', 'ar.customer_id').where('ar.run_id', '=', run.id);
  const conditions = customerConditions(actor, f);
  for (const cond of conditions) q = q.where(cond);
  // `inOrder`: the caller reads the first rows of an index in its order and tests each row's
  // customer (the churn list); naming the scope's customers first would read all of them.
  if (options.inOrder) return q;
  // A narrower scope than everyone's (a salesperson's, a department's, a department filter): also
  // name its customers first, so that the database reads them by their owner and each one's row
  // of the run by its key, instead of every row of the run (a salesperson at 1,000,000 customers).
  if (!isUnscoped(analyticsScope(actor)) || f.departmentId !== undefined) {
    q = q.where('ar.customer_id', 'in', sql<number>`(select c.id from customers c where ${sql.join(conditions, sql` and `)})`);
  }
  return q;
}

/** GET /analytics/dashboard/abc: the first `limit` customers by the ABC basis with their cumulative share within the scope. */
export async function abcPareto(ctx: AppContext, actor: Actor, query: z.output<typeof dashboardAbcQuery>): Promise<DashboardAbc> {
  const run = await finishedRun(ctx.db);
  const s = run ? runSettings(run) : undefined;
  const out: DashboardAbc = {
    run: run ? presentRun(run) : null, basis: s?.abcBasis ?? 'revenue', customers: 0, total: 0,
    aPercent: s?.abcAPercent ?? 80, bPercent: s?.abcBPercent ?? 90, reachA: 0, reachB: 0, points: [], rest: { customers: 0, value: 0 },
  };
  if (!run) return out;
  for (const g of await runGroups(ctx, actor, run, query)) {
    out.customers += g.customers;
    out.total += g.abc_value;
  }
  if (out.customers === 0) return out;
  if (isUnscoped(analyticsScope(actor)) && query.departmentId === undefined && run.moves_mark !== null) {
    const fast = await abcOverEveryone(ctx.db, { ...run, moves_mark: run.moves_mark }, out, out, query.limit);
    if (fast) return finishAbc(Object.assign(out, fast));
  } else if (run.moves_mark !== null) {
    const conditions = ownerConditions(actor, query);
    const fast = await abcOverOwners(ctx.db, { ...run, moves_mark: run.moves_mark }, sql.join(conditions, sql` and `) as Expression<SqlBool>, out, out, query.limit);
    if (fast) return finishAbc(Object.assign(out, fast));
  }
  const ranked = runResults(ctx, actor, run, query).select([
    'ar.customer_id', 'c.name', 'ar.abc_value', 'ar.abc_class',
    sql<number>`row_number() over (order by ar.abc_value desc, ar.customer_id)`.as('rk'),
    sql<number>`sum(ar.abc_value) over (order by ar.abc_value desc, ar.customer_id rows between unbounded preceding and current row)`.as('cum'),
  ]);
  // One pass of the window: the first `limit` rows, each carrying how many customers of the whole
  // scope stay below each cut-off (those up to the first whose cumulative share reaches it count too).
  const rows = await ctx.db
    .selectFrom(ranked.as('x'))
    .selectAll('x')
    .select([
      sql<number>`sum(case when x.cum * 100 < cast(${out.aPercent * out.total} as bigint) then 1 else 0 end) over ()`.as('below_a'),
      sql<number>`sum(case when x.cum * 100 < cast(${out.bPercent * out.total} as bigint) then 1 else 0 end) over ()`.as('below_b'),
    ])
    .orderBy('x.rk')
    .limit(query.limit)
    .execute();
  out.reachA = Math.min(out.customers, Number(rows[0]?.below_a ?? 0) + 1);
  out.reachB = Math.min(out.customers, Number(rows[0]?.below_b ?? 0) + 1);
  out.points = rows.map((r) => ({
    rank: Number(r.rk), customerId: r.customer_id, customerName: r.name, value: Number(r.abc_value),
    cumulativeBp: out.total > 0 ? Math.floor((Number(r.cum) * 10000) / out.total) : 10000, abcClass: r.abc_class as DashboardAbc['points'][number]['abcClass'],
  }));
  return finishAbc(out);
}

/** What the points leave: the customers and value after the last one shown. */
function finishAbc(out: DashboardAbc): DashboardAbc {
  const shown = out.points.reduce((sum, p) => sum + p.value, 0);
  out.rest = { customers: out.customers - out.points.length, value: out.total - shown };
  return out;
}

/** GET /analytics/dashboard/value-pyramid. */
export async function valuePyramid(ctx: AppContext, actor: Actor, f: DashboardFilter): Promise<DashboardPyramid> {
  const run = await finishedRun(ctx.db);
  const rows = valueClasses.map((valueClass) => ({ valueClass, customers: 0, revenue: 0, grossProfit: 0 }));
  if (run) {
    const found = sumBy(await runGroups(ctx, actor, run, f), 'value_class');
    for (const row of rows) {
      const g = found.get(row.valueClass);
      if (g) Object.assign(row, { customers: g.customers, revenue: g.revenue, grossProfit: g.gross_profit });
    }
  }
  return { run: run ? presentRun(run) : null, rows };
}

/** GET /analytics/dashboard/quadrants: the pyramid quadrants (the cuts are the run's, over all its customers). */
export async function quadrantChart(ctx: AppContext, actor: Actor, f: DashboardFilter): Promise<DashboardQuadrants> {
  const run = await finishedRun(ctx.db);
  const s = run ? runSettings(run) : undefined;
  const out: DashboardQuadrants = {
    run: run ? presentRun(run) : null, valueTopPercent: s?.quadrantValueTopPercent ?? 20, potentialPercentile: s?.quadrantPotentialPercentile ?? 50, valueCut: 0, potentialCut: 0,
    rows: quadrants.map((quadrant) => ({ quadrant, customers: 0, currentValue: 0, potentialValue: 0 })),
  };
  if (!run) return out;
  const cuts = await ctx.db.selectFrom('analytics_results').select(['quadrant_value_cut', 'quadrant_potential_cut']).where('run_id', '=', run.id).limit(1).executeTakeFirst();
  out.valueCut = Number(cuts?.quadrant_value_cut ?? 0);
  out.potentialCut = Number(cuts?.quadrant_potential_cut ?? 0);
  const found = sumBy(await runGroups(ctx, actor, run, f), 'quadrant');
  for (const row of out.rows) {
    const g = found.get(row.quadrant);
    if (g) Object.assign(row, { customers: g.customers, currentValue: g.current_value, potentialValue: g.potential_value });
  }
  return out;
}

/** GET /analytics/dashboard/rfm. */
export async function rfmSegmentsChart(ctx: AppContext, actor: Actor, f: DashboardFilter): Promise<DashboardRfm> {
  const run = await finishedRun(ctx.db);
  const rows = rfmSegments.map((segment) => ({ segment, customers: 0, revenue: 0, grossProfit: 0, monetary: 0 }));
  if (run) {
    const found = sumBy(await runGroups(ctx, actor, run, f), 'rfm_segment');
    for (const row of rows) {
      const g = found.get(row.segment);
      if (g) Object.assign(row, { customers: g.customers, revenue: g.revenue, grossProfit: g.gross_profit, monetary: g.monetary });
    }
  }
  return { run: run ? presentRun(run) : null, rows };
}

/** GET /analytics/dashboard/churn: the customers at churn risk, longest since the last purchase first. */
export async function churnList(ctx: AppContext, actor: Actor, query: z.output<typeof dashboardChurnQuery>): Promise<DashboardChurn> {
  const run = await finishedRun(ctx.db);
  const out: DashboardChurn = { run: run ? presentRun(run) : null, items: [], total: 0, page: query.page, pageSize: query.pageSize };
  if (!run) return out;
  const q = runResults(ctx, actor, run, query, { inOrder: true }).where('ar.churn_risk', '=', 1);
  out.total = (await runGroups(ctx, actor, run, query)).reduce((n, g) => n + (g.churn_risk === 1 ? g.customers : 0), 0);
  const rows = await q
    .select(['ar.customer_id', 'c.name', 'c.owner_id', 'ar.average_interval_days', 'ar.recency_days', 'ar.last_on', 'ar.revenue', 'ar.monetary', 'ar.previous_monetary'])
    .orderBy('ar.recency_days', 'desc')
    .orderBy('ar.customer_id')
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .execute();
  const names = await userNames(ctx, rows.map((r) => r.owner_id));
  out.items = rows.map((r) => ({
    customerId: r.customer_id, customerName: r.name, ownerId: r.owner_id, ownerName: r.owner_id === null ? null : (names.get(r.owner_id) ?? null),
    averageIntervalDays: r.average_interval_days === null ? null : Number(r.average_interval_days), daysSinceLastPurchase: Number(r.recency_days),
    lastOn: r.last_on, revenue: Number(r.revenue), monetary: Number(r.monetary), previousMonetary: Number(r.previous_monetary),
  }));
  return out;
}



/**
 * The transactions of the customers the caller's figures count, on days [from, to]: signed active
 * or completed contracts by their signing day and imported purchases by their day (what the runs
 * call revenue), each with its customer.
 */
function transactionsIn(actor: Actor, f: DashboardFilter, from: string, to: string) {
  // The customers' conditions in each arm, so that a narrow scope (a salesperson's, a department's)
  // reads its customers first and each one's purchases of the range from purchase_history_facts
  // (customer, day, amount), instead of every purchase of the range.
  const scope = sql.join(customerConditions(actor, f), sql` and `);
  return sql`
    select ct.customer_id, ct.signed_on as on_day, ct.amount, c.name, c.owner_id from contracts ct join customers c on c.id = ct.customer_id
    where ct.deleted_at is null and ct.status in ('active', 'completed') and ct.signed_on is not null and ct.signed_on >= ${from} and ct.signed_on <= ${to} and ${scope}
    union all
    select ph.customer_id, ph.purchased_on, ph.amount, c.name, c.owner_id from customers c join purchase_history ph on ph.customer_id = c.id
    where ph.purchased_on >= ${from} and ph.purchased_on <= ${to} and ${scope}`;
}

/** The days a month of the range covers: the month, cut to the range's ends. */
function daysOf(month: string, f: DashboardFilter): { from: string; to: string } {
  const first = `${month}-01`;
  const last = `${month}-31`;
  return { from: f.from && f.from > first ? f.from : first, to: f.to && f.to < last ? f.to : last };
}

/** The last day of a month ('YYYY-MM'). */
const lastDayOf = (month: string) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return `${month}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
};

/**
 * GET /analytics/dashboard/revenue: revenue and buying customers per month of the range (default:
 * the last 12 months). A range of whole months (the default, and any from a 1st to a month's end)
 * reads the stored months (analytics.revenue.ts); one that cuts a month reads its transactions.
 */
export async function revenueByMonth(ctx: AppContext, actor: Actor, f: DashboardFilter, locale: Locale): Promise<DashboardRevenue> {
  const timeZone = await companyTimeZone(ctx.db);
  const months = monthsOf(localDate(ctx.clock.now(), timeZone), f, locale);
  const firstMonth = months[0] ?? '';
  const lastMonth = months[months.length - 1] ?? '';
  const from = daysOf(firstMonth, f).from;
  const to = daysOf(lastMonth, f).to;
  if (from === `${firstMonth}-01` && to >= lastDayOf(lastMonth)) {
    const stored = await revenueMonths(ctx.db, ownerConditions(actor, f), customerConditions(actor, f), firstMonth, lastMonth);
    let revenue = 0;
    for (const m of stored.months.values()) revenue += m.revenue;
    return {
      revenue,
      customers: stored.customers,
      months: months.map((month) => ({ month, revenue: stored.months.get(month)?.revenue ?? 0, customers: stored.months.get(month)?.customers ?? 0 })),
    };
  }
  const tx = transactionsIn(actor, f, from, to);
  // One scan of the transactions: each customer's revenue per month, then the months' sums and the range's total.
  const result = await sql<{ m: string; revenue: number | null; n: number }>`
    with cm as (select t.customer_id, substr(t.on_day, 1, 7) as m, sum(t.amount) as amount from (${tx}) t group by t.customer_id, substr(t.on_day, 1, 7))
    select cm.m, cast(sum(cm.amount) as bigint) as revenue, count(*) as n from cm group by cm.m
    union all
    select '', cast(sum(cm.amount) as bigint), count(distinct cm.customer_id) from cm`.execute(ctx.db);
  const perMonth = { rows: result.rows.filter((r) => r.m !== '') };
  const total = { rows: result.rows.filter((r) => r.m === '') };
  const byMonth = new Map(perMonth.rows.map((r) => [r.m, r]));
  return {
    revenue: Number(total.rows[0]?.revenue ?? 0),
    customers: Number(total.rows[0]?.n ?? 0),
    months: months.map((month) => ({ month, revenue: Number(byMonth.get(month)?.revenue ?? 0), customers: Number(byMonth.get(month)?.n ?? 0) })),
  };
}

/** GET /analytics/dashboard/revenue/customers: who bought in one month of the range, most revenue first. */
export async function revenueCustomers(ctx: AppContext, actor: Actor, query: z.output<typeof revenueCustomersQuery>) {
  const { from, to } = daysOf(query.month, query);
  const page = { limit: query.pageSize, offset: (query.page - 1) * query.pageSize };
  let found: { rows: MonthBuyer[]; total: number };
  if (from === `${query.month}-01` && to >= lastDayOf(query.month)) {
    // The whole month: its stored buyers (analytics.revenue.ts).
    found = await monthBuyers(ctx.db, ownerConditions(actor, query), customerConditions(actor, query), query.month, page);
  } else {
    const tx = transactionsIn(actor, query, from, to);
    const total = await sql<{ n: number }>`select count(distinct t.customer_id) as n from (${tx}) t`.execute(ctx.db);
    const rows = await sql<MonthBuyer>`
      select t.customer_id, t.name, t.owner_id, cast(sum(t.amount) as bigint) as revenue, count(*) as purchases from (${tx}) t
      group by t.customer_id, t.name, t.owner_id
      order by sum(t.amount) desc, t.customer_id
      limit ${page.limit} offset ${page.offset}`.execute(ctx.db);
    found = { rows: rows.rows, total: Number(total.rows[0]?.n ?? 0) };
  }
  const rows = { rows: found.rows };
  const total = { rows: [{ n: found.total }] };
  const names = await userNames(ctx, rows.rows.map((r) => r.owner_id));
  return {
    items: rows.rows.map((r) => ({
      customerId: Number(r.customer_id), customerName: r.name, ownerId: r.owner_id === null ? null : Number(r.owner_id),
      ownerName: r.owner_id === null ? null : (names.get(Number(r.owner_id)) ?? null), revenue: Number(r.revenue), purchases: Number(r.purchases),
    })),
    total: Number(total.rows[0]?.n ?? 0),
    page: query.page,
    pageSize: query.pageSize,
  };
}
