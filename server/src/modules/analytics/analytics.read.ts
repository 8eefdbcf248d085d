import {
  abcClasses, analyticsStages, analyticsStatuses, quadrants, rfmSegments, valueClasses,
  type AnalyticsSummary, type CustomerAnalytics, type CustomerAnalyticsRow, type customerAnalyticsQuery,
} from '@crm/contracts';
import { sql, type Expression, type Selectable, type SqlBool } from 'kysely';
import type { z } from 'zod';
import type { Actor } from '../../platform/auth/actor.js';
import { isUnscoped, ownerScope, type Scope } from '../../platform/auth/scope.js';
import type { AppContext } from '../../platform/context.js';
import type { DB } from '../../platform/db/schema.js';
import type { Locale } from '@crm/contracts';
import { findReadable } from '../customers/index.js';
import { explainCustomer } from './analytics.explain.js';
import { policiesOf } from './analytics.policy.js';
import { classGroups } from './analytics.rollups.js';
import { finishedRun, presentRun, runSettings, type RunRow } from './analytics.runs.js';
import { readAnalyticsSettings } from './analytics.settings.js';
import { keptOf, suggestedWhere, suggestionOf } from './analytics.suggestions.js';


/**
 * Whose classes the actor reads: the customers whose current owner is in the actor's data scope
 * (a salesperson his own, a manager his departments', `all` everyone's); the public pool's only
 * with the `all` scope. Summary counts follow the same rule.
 */
export function analyticsScope(actor: Actor): Scope {
  return ownerScope(actor, 'customers');
}

/** Customers (alias `c`) whose owner is in the department or below it (by the department's path): the dashboards' department filter. */
export function departmentOwners(departmentId: number): Expression<SqlBool> {
  return sql<SqlBool>`c.owner_id in (select du.id from users du join departments dd on dd.id = du.department_id where dd.path like (select dp.path from departments dp where dp.id = ${departmentId}) || '%')`;
}

const where = (scope: Scope) => (isUnscoped(scope) ? sql<SqlBool>`1 = 1` : scope);

type ResultRow = Selectable<DB['analytics_results']> & { customer_name: string; current_owner_id: number | null };

export function presentResult(r: ResultRow, asOf: string): CustomerAnalyticsRow {
  return {
    customerId: r.customer_id,
    customerName: r.customer_name,
    ownerId: r.current_owner_id,
    runId: r.run_id,
    asOf,
    revenue: Number(r.revenue),
    grossProfit: Number(r.gross_profit),
    received: Number(r.received),
    purchases: Number(r.purchases),
    firstOn: r.first_on,
    lastOn: r.last_on,
    abcClass: r.abc_class as CustomerAnalyticsRow['abcClass'],
    abcRank: Number(r.abc_rank),
    abcCumulativeBp: Number(r.abc_cumulative_bp),
    valueClass: r.value_class as CustomerAnalyticsRow['valueClass'],
    valueRank: Number(r.value_rank),
    recencyDays: Number(r.recency_days),
    frequency: Number(r.frequency),
    monetary: Number(r.monetary),
    rScore: Number(r.r_score),
    fScore: Number(r.f_score),
    mScore: Number(r.m_score),
    rfmSegment: r.rfm_segment as CustomerAnalyticsRow['rfmSegment'],
    historicalValue: Number(r.historical_value),
    currentValue: Number(r.current_value),
    lifetimeValue: Number(r.lifetime_value),
    averageIntervalDays: r.average_interval_days === null ? null : Number(r.average_interval_days),
    lifecycleStage: r.lifecycle_stage as CustomerAnalyticsRow['lifecycleStage'],
    status: r.status as CustomerAnalyticsRow['status'],
    churnRisk: Number(r.churn_risk) === 1,
    peerCount: Number(r.peer_count),
    peerMedian: Number(r.peer_median),
    referrals: Number(r.referrals),
    potentialValue: Number(r.potential_value),
    quadrant: (r.quadrant || 'lead') as CustomerAnalyticsRow['quadrant'],
    tenureDays: Number(r.tenure_days),
    profitScore: Number(r.profit_score),
    influenceScore: Number(r.influence_score),
    loyaltyScore: Number(r.loyalty_score),
    potentialScore: Number(r.potential_score),
  };
}

/**
 * GET /analytics/customers: the classes of the customers in scope, from the latest finished run (or `runId`), best ABC rank first;
 * `wonBack=true` keeps the customers with a win-back recorded up to the run, each row with the day of its latest one.
 */
export async function listCustomerAnalytics(ctx: AppContext, actor: Actor, query: z.output<typeof customerAnalyticsQuery>) {
  const run = await finishedRun(ctx.db, query.runId);
  const empty = { items: [], total: 0, page: query.page, pageSize: query.pageSize, run: run ? presentRun(run) : null };
  if (!run) return empty;
  let q = ctx.db
    .selectFrom('analytics_results as ar')
    .innerJoin('customers as c', 'c.id', 'ar.customer_id')
    .leftJoin('analytics_keeps as k', 'k.customer_id', 'ar.customer_id')
    .where('ar.run_id', '=', run.id)
    .where('c.deleted_at', 'is', null)
    .where(where(analyticsScope(actor)));
  if (query.suggested !== undefined) q = q.where(query.suggested ? suggestedWhere : sql<SqlBool>`not ${suggestedWhere}`);
  if (query.abcClass) q = q.where('ar.abc_class', '=', query.abcClass);
  if (query.valueClass) q = q.where('ar.value_class', '=', query.valueClass);
  if (query.rfmSegment) q = q.where('ar.rfm_segment', '=', query.rfmSegment);
  if (query.lifecycleStage) q = q.where('ar.lifecycle_stage', '=', query.lifecycleStage);
  if (query.status) q = q.where('ar.status', '=', query.status);
  if (query.churnRisk !== undefined) q = q.where('ar.churn_risk', '=', query.churnRisk ? 1 : 0);
  if (query.quadrant) q = q.where('ar.quadrant', '=', query.quadrant);
  if (query.wonBack !== undefined) {
    const wonBack = sql<SqlBool>`exists (select 1 from analytics_winbacks w where w.customer_id = ar.customer_id and w.run_id <= ${run.id})`;
    q = q.where(query.wonBack ? wonBack : sql<SqlBool>`not ${wonBack}`);
  }
  if (query.ownerId !== undefined) q = q.where('c.owner_id', '=', query.ownerId);
  if (query.departmentId !== undefined) q = q.where(departmentOwners(query.departmentId));
  if (query.q) q = q.where('c.name', 'like', `%${query.q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`);
  const total = await countCustomerAnalytics(ctx, actor, run, query, async () => Number((await q.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow()).n));
  const rows = await q
    .selectAll('ar')
    .select(['c.name as customer_name', 'c.owner_id as current_owner_id', 'c.lifecycle_stage as record_stage', 'c.status as record_status', 'k.lifecycle_stage as kept_stage', 'k.status as kept_status'])
    .orderBy('ar.abc_rank')
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .execute();
  const wonBackOn = await latestWinbacks(ctx.db, run.id, rows.map((r) => r.customer_id));
  const items = rows.map((r) => {
    const row = presentResult(r, run.as_of);
    const s = suggestionOf(row, { lifecycle_stage: r.record_stage, status: r.record_status }, { lifecycle_stage: r.kept_stage, status: r.kept_status });
    return { ...row, wonBackOn: wonBackOn.get(r.customer_id) ?? null, recordLifecycleStage: r.record_stage, recordStatus: r.record_status, suggested: s.lifecycleStage.suggested || s.status.suggested };
  });
  return { ...empty, items, total };
}

/**
 * The list's total: filtered by classes, owner and department only, it is summed from the run's
 * counts by owner (analytics.rollups.ts: a few thousand rows instead of every row in scope); a
 * filter on the live record (suggestion, win-back, name) counts the rows.
 */
async function countCustomerAnalytics(
  ctx: AppContext,
  actor: Actor,
  run: RunRow,
  query: z.output<typeof customerAnalyticsQuery>,
  countRows: () => Promise<number>,
): Promise<number> {
  if (query.suggested !== undefined || query.wonBack !== undefined || query.q) return countRows();
  const scope = analyticsScope(actor);
  const conditions = [where(scope)];
  if (query.ownerId !== undefined) conditions.push(sql<SqlBool>`c.owner_id = ${query.ownerId}`);
  if (query.departmentId !== undefined) conditions.push(departmentOwners(query.departmentId));
  const groups = await classGroups(ctx.db, run, conditions, !isUnscoped(scope) || query.ownerId !== undefined || query.departmentId !== undefined);
  const churn = query.churnRisk === undefined ? undefined : query.churnRisk ? 1 : 0;
  return groups
    .filter((g) => (!query.abcClass || g.abc_class === query.abcClass) && (!query.valueClass || g.value_class === query.valueClass)
      && (!query.rfmSegment || g.rfm_segment === query.rfmSegment) && (!query.lifecycleStage || g.lifecycle_stage === query.lifecycleStage)
      && (!query.status || g.status === query.status) && (churn === undefined || g.churn_risk === churn) && (!query.quadrant || g.quadrant === query.quadrant))
    .reduce((n, g) => n + g.customers, 0);
}

/** The day of each customer's latest win-back recorded up to the run (analytics.alerts.ts). */
async function latestWinbacks(db: AppContext['db'], runId: number, customerIds: number[]): Promise<Map<number, string>> {
  if (customerIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('analytics_winbacks')
    .select(['customer_id', (eb) => eb.fn.max('won_back_on').as('on')])
    .where('customer_id', 'in', customerIds)
    .where('run_id', '<=', runId)
    .groupBy('customer_id')
    .execute();
  return new Map(rows.map((r) => [r.customer_id, r.on]));
}

const zeroes = <T extends readonly string[]>(keys: T) => Object.fromEntries(keys.map((k) => [k, 0])) as Record<T[number], number>;

/** GET /analytics/summary: how many customers in scope are in each class, from the latest finished run. */
export async function analyticsSummary(ctx: AppContext, actor: Actor, runId?: number): Promise<AnalyticsSummary> {
  const run = await finishedRun(ctx.db, runId);
  const out: AnalyticsSummary = {
    run: run ? presentRun(run) : null, customers: 0, revenue: 0, grossProfit: 0,
    abc: zeroes(abcClasses), valueClasses: zeroes(valueClasses), rfmSegments: zeroes(rfmSegments),
    lifecycleStages: zeroes(analyticsStages), statuses: zeroes(analyticsStatuses), quadrants: zeroes(quadrants), churnRisk: 0,
  };
  if (!run) return out;
  // The scope's customers counted by every combination of their classes (from the run's counts by
  // owner: a few thousand rows), each class's count and the totals summed from those.
  const scope = analyticsScope(actor);
  const groups = await classGroups(ctx.db, run, [where(scope)], !isUnscoped(scope));
  const add = <K extends string>(into: Record<K, number>, key: string, n: number) => {
    if (key in into) into[key as K] += n;
  };
  for (const g of groups) {
    const n = g.customers;
    out.customers += n;
    out.revenue += g.revenue;
    out.grossProfit += g.gross_profit;
    out.churnRisk += g.churn_risk === 1 ? n : 0;
    add(out.abc, g.abc_class, n);
    add(out.valueClasses, g.value_class, n);
    add(out.rfmSegments, g.rfm_segment, n);
    add(out.lifecycleStages, g.lifecycle_stage, n);
    add(out.statuses, g.status, n);
    add(out.quadrants, g.quadrant, n);
  }
  return out;
}

/** GET /analytics/customers/:id: a customer the actor may read, its classes of the latest run each with inputs and formula, and its classes over the runs. */
export async function customerAnalytics(ctx: AppContext, actor: Actor, customerId: number, locale: Locale): Promise<CustomerAnalytics> {
  const customer = await findReadable(ctx.db, actor, customerId);
  const run: RunRow | undefined = await finishedRun(ctx.db);
  const history = await ctx.db
    .selectFrom('analytics_results as ar')
    .innerJoin('analytics_runs as r', 'r.id', 'ar.run_id')
    .select(['ar.run_id', 'r.as_of', 'ar.abc_class', 'ar.value_class', 'ar.rfm_segment', 'ar.lifecycle_stage', 'ar.status', 'ar.churn_risk'])
    .where('ar.customer_id', '=', customerId)
    .where('r.status', '=', 'done')
    .orderBy('ar.run_id', 'desc')
    .limit(60)
    .execute();
  const out: CustomerAnalytics = {
    customerId,
    servicePolicy: null,
    current: null,
    suggestion: null,
    explanations: [],
    history: history.map((h) => ({
      runId: h.run_id, asOf: h.as_of,
      abcClass: h.abc_class as CustomerAnalyticsRow['abcClass'], valueClass: h.value_class as CustomerAnalyticsRow['valueClass'],
      rfmSegment: h.rfm_segment as CustomerAnalyticsRow['rfmSegment'], lifecycleStage: h.lifecycle_stage as CustomerAnalyticsRow['lifecycleStage'],
      status: h.status as CustomerAnalyticsRow['status'], churnRisk: Number(h.churn_risk) === 1,
    })),
  };
  if (!run) return out;
  const row = await ctx.db.selectFrom('analytics_results').selectAll().where('run_id', '=', run.id).where('customer_id', '=', customerId).executeTakeFirst();
  if (!row) return out;
  out.current = presentResult({ ...row, customer_name: customer.name, current_owner_id: customer.owner_id }, run.as_of);
  out.suggestion = suggestionOf(out.current, customer, await keptOf(ctx.db, customerId));
  const settings = runSettings(run);
  out.explanations = explainCustomer(out.current, { ...row, customers: run.customers }, settings, run.as_of, locale);
  out.servicePolicy = policiesOf(out.current.abcClass, out.current.valueClass, await readAnalyticsSettings(ctx.db), locale);
  return out;
}
