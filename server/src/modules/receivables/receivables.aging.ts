import { dsoPeriodDays, type Aging, type AgingRow, type agingQuery } from '@crm/contracts';
import type { z } from 'zod';
import { authorize, type Actor } from '../../platform/auth/actor.js';
import { ownerScope, unscoped } from '../../platform/auth/scope.js';
import type { AppContext } from '../../platform/context.js';
import { contractScope } from '../contracts/index.js';
import { customerSummaries } from '../customers/index.js';
import { departmentInfo } from '../departments/index.js';
import { userNames } from '../users/index.js';
import { daysBefore } from './receivables.allocation.js';
import { agingPage, signedBetween, type AgingFilter, type AgingKey, type AgingSums } from './receivables.aging-repository.js';
import { today } from './receivables.service.js';

/** The names of a page's groups (customers, owners or departments). */
async function groupNames(ctx: AppContext, key: AgingKey, ids: number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  if (key === 'owner') return userNames(ctx, ids);
  if (key === 'customer') return new Map((await customerSummaries(ctx.db, ids, unscoped('customers of contracts the reader sees are named, as on the contracts themselves'))).map((c) => [c.id, c.name]));
  const names = new Map<number, string>();
  for (const id of ids) {
    const info = await departmentInfo(ctx, id);
    if (info) names.set(id, info.name);
  }
  return names;
}

const strip = ({ key: _key, ...sums }: AgingSums) => sums;

/**
 * Receivables aging as of today (company time zone) for the signed contracts in the reader's
 * scope, grouped by customer, owner or department, with the DSO: receivables ÷ the amount signed
 * in the last 90 days × 90.
 */
export async function getAging(ctx: AppContext, actor: Actor, query: z.output<typeof agingQuery>): Promise<Aging> {
  authorize(actor, 'receivables.view');
  const day = await today(ctx);
  const filter: AgingFilter = { scope: contractScope(actor), instalmentScope: ownerScope(actor, 'instalments'), ownerId: query.ownerId, departmentId: query.departmentId };
  const days = { today: day, minus30: daysBefore(day, 30), minus60: daysBefore(day, 60), minus90: daysBefore(day, 90) };
  const [page, sales] = await Promise.all([
    agingPage(ctx.db, query.groupBy, filter, days, query.pageSize, (query.page - 1) * query.pageSize),
    signedBetween(ctx.db, filter, daysBefore(day, dsoPeriodDays - 1), day),
  ]);
  const names = await groupNames(ctx, query.groupBy, page.rows.flatMap((r) => (r.key === null ? [] : [r.key])));
  const rows: AgingRow[] = page.rows.map((r) => ({ ...strip(r), id: r.key, name: r.key === null ? null : (names.get(r.key) ?? null) }));
  const receivable = page.totals.total;
  return {
    asOf: day,
    groupBy: query.groupBy,
    rows,
    total: page.total,
    page: query.page,
    pageSize: query.pageSize,
    totals: strip(page.totals),
    dso: { days: sales > 0 ? Math.round((receivable / sales) * dsoPeriodDays * 10) / 10 : null, receivable, sales, periodDays: dsoPeriodDays },
  };
}
