import type { Forecast, ForecastFigures, OpportunityBoard, forecastQuery, opportunityBoardQuery } from '@crm/contracts';
import type { z } from 'zod';
import { authorize, type Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import { invalid } from '../../platform/errors.js';
import { userDepartments, userNames } from '../users/index.js';
import { boardOrder, presentOpportunity, presentPipeline, presentStage } from './opportunities.presenter.js';
import { ensureTotals } from './board-totals.repository.js';
import * as repo from './opportunities.repository.js';
import { filterOf, opportunityScope, presentContext } from './opportunities.service.js';
import { Problems } from './opportunities.write.js';
import * as pipelines from './pipelines.repository.js';
import { readSalesSettings } from './sales-settings.js';

/**
 * The kanban board: one column per active stage of a pipeline with its count, sums and first
 * cards. The figures come from the sums kept per stage and owner (or, with filters those cannot
 * answer, one grouped query over the deals); the cards from one short index walk per stage.
 */
export async function getBoard(ctx: AppContext, actor: Actor, query: z.output<typeof opportunityBoardQuery>): Promise<OpportunityBoard> {
  authorize(actor, 'opportunities.view');
  const pipeline = query.pipelineId === undefined ? await pipelines.defaultPipeline(ctx.db) : await pipelines.findPipeline(ctx.db, query.pipelineId);
  if (!pipeline) throw invalid('pipelineId', 'opportunityUnknownPipeline');
  const stages = (await pipelines.stagesOf(ctx.db, [pipeline.id])).sort(boardOrder);
  const columns = stages.filter((s) => s.active === 1);
  const filter: repo.OpportunityFilter = { ...filterOf(ctx, actor, query), pipelineId: pipeline.id };
  if (repo.sumsAnswer(filter)) await ensureTotals(ctx.db);
  const totals = await repo.boardTotals(ctx.db, filter);
  // One short index walk per column (concurrent on PostgreSQL's pool); a stage filter leaves the other columns empty.
  const cardIds = await Promise.all(
    columns.map((stage) => (filter.stageId === undefined || filter.stageId === stage.id ? repo.boardCards(ctx.db, filter, stage.id, query.perStage, stage.kind !== 'open') : [])),
  );
  const rows = await repo.byIds(ctx.db, cardIds.flat());
  const pc = await presentContext(ctx, actor, rows.map((r) => r.owner_id));
  const cards = new Map(rows.map((r) => [r.id, presentOpportunity(r, pc)]));
  const { value: settings } = await readSalesSettings(ctx.db);
  return {
    pipeline: presentPipeline(pipeline, stages),
    baseCurrency: settings.baseCurrency,
    columns: columns.map((stage, index) => {
      const t = totals.get(stage.id) ?? { count: 0, amount: 0, weighted: 0 };
      return {
        stage: presentStage(stage),
        count: t.count,
        amount: t.amount,
        weightedAmount: Math.round(t.weighted / 100),
        items: (cardIds[index] ?? []).flatMap((id) => cards.get(id) ?? []),
      };
    }),
  };
}

const monthPattern = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** Months from..to inclusive (YYYY-MM), or null when either is not a month. */
function monthsBetween(from: string, to: string): string[] | null {
  const a = monthPattern.exec(from);
  const b = monthPattern.exec(to);
  if (!a || !b) return null;
  const start = Number(a[1]) * 12 + Number(a[2]) - 1;
  const end = Number(b[1]) * 12 + Number(b[2]) - 1;
  const months: string[] = [];
  for (let m = start; m <= end && months.length <= 24; m++) months.push(`${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`);
  return months;
}

type RawFigures = ForecastFigures;
const zero = (): RawFigures => ({ pipeline: 0, weighted: 0, bestCase: 0, commit: 0, won: 0, openCount: 0, wonCount: 0 });
function add(into: RawFigures, from: RawFigures): void {
  into.pipeline += from.pipeline;
  into.weighted += from.weighted;
  into.bestCase += from.bestCase;
  into.commit += from.commit;
  into.won += from.won;
  into.openCount += from.openCount;
  into.wonCount += from.wonCount;
}
/** Weighted sums are amount × probability until here: divided by 100 once, after adding up. */
const finish = (f: RawFigures): ForecastFigures => ({ ...f, weighted: Math.round(f.weighted / 100) });

/**
 * The forecast: per month and owner (or the owner's department), the pipeline, weighted, best
 * case, commit and won figures of the deals that count in that month, within the data scope.
 */
export async function getForecast(ctx: AppContext, actor: Actor, query: z.output<typeof forecastQuery>): Promise<Forecast> {
  authorize(actor, 'opportunities.view');
  const problems = new Problems();
  if (!monthPattern.test(query.from)) problems.add('from', 'forecastMonth');
  if (!monthPattern.test(query.to)) problems.add('to', 'forecastMonth');
  const months = monthsBetween(query.from, query.to);
  if (months && (months.length === 0 || months.length > 24)) problems.add('to', 'forecastRange');
  problems.throwIfAny();
  const monthList = months ?? [];

  const rows = await repo.forecastRows(ctx.db, {
    scope: opportunityScope(actor),
    from: query.from,
    to: query.to,
    pipelineId: query.pipelineId,
    departmentId: query.departmentId,
    ownerId: query.ownerId,
  });
  const ownerIds = rows.map((r) => r.ownerId);
  const groups = new Map<string, { month: string; groupId: number | null; groupName: string | null; figures: RawFigures }>();
  if (query.groupBy === 'department') {
    const departments = await userDepartments(ctx.db, ownerIds);
    for (const r of rows) {
      const d = departments.get(r.ownerId) ?? null;
      const key = `${r.month}|${d?.id ?? ''}`;
      const group = groups.get(key) ?? { month: r.month, groupId: d?.id ?? null, groupName: d?.name ?? null, figures: zero() };
      add(group.figures, r);
      groups.set(key, group);
    }
  } else {
    const names = await userNames(ctx, ownerIds);
    for (const r of rows) {
      const group = { month: r.month, groupId: r.ownerId, groupName: names.get(r.ownerId) ?? null, figures: zero() };
      add(group.figures, r);
      groups.set(`${r.month}|${r.ownerId}`, group);
    }
  }
  const totals = new Map(monthList.map((m) => [m, zero()]));
  for (const g of groups.values()) {
    const total = totals.get(g.month);
    if (total) add(total, g.figures);
  }
  const { value: settings } = await readSalesSettings(ctx.db);
  return {
    baseCurrency: settings.baseCurrency,
    months: monthList,
    rows: [...groups.values()]
      // By month, then group id (users without a department last): stable whatever the names' language.
      .sort((a, b) => a.month.localeCompare(b.month) || (a.groupId ?? Number.MAX_SAFE_INTEGER) - (b.groupId ?? Number.MAX_SAFE_INTEGER))
      .map((g) => ({ month: g.month, groupId: g.groupId, groupName: g.groupName, ...finish(g.figures) })),
    totals: monthList.map((month) => ({ month, ...finish(totals.get(month) ?? zero()) })),
  };
}
