import type { ListResponse, WorkReport, WorkReportDraft, WorkReportListItem, workReportCreate, workReportDraftQuery, workReportListQuery, workReportUpdate } from '@crm/contracts';
import type { z } from 'zod';
import { authorize, type Actor } from '../../platform/auth/actor.js';
import { ownerScope } from '../../platform/auth/scope.js';
import type { AppContext } from '../../platform/context.js';
import { AppError, conflict, invalid, notFound } from '../../platform/errors.js';
import { notify } from '../notifications/index.js';
import { companyToday, nextPeriodTasks, periodSpan, planText, summaryText, takeFigures, type PeriodSpan } from './reports.figures.js';
import { reportParams, reviewerOf } from './reports.notices.js';
import { presentList, presentReport } from './reports.presenter.js';
import * as repo from './reports.repository.js';

type Db = AppContext['db'];

/** The period of the day asked for (today by default); a period that has not begun is refused on `date`. */
async function spanOf(ctx: AppContext, kind: 'daily' | 'weekly', date: string | undefined): Promise<PeriodSpan> {
  const today = await companyToday(ctx);
  const span = await periodSpan(ctx.db, kind, date ?? today);
  if (span.period > today) throw invalid('date', 'workReportFuture');
  return span;
}

/** A report the actor may read (its author is in their data scope), else 404. */
export async function visibleReport(ctx: AppContext, actor: Actor, id: number, db: Db = ctx.db): Promise<repo.ReportRow> {
  const row = await repo.findReport(db, id, ownerScope(actor, 'reports'));
  if (!row) throw notFound();
  return row;
}

/** A report the actor may change: their own; another's they may read is a 403. */
async function ownReport(ctx: AppContext, actor: Actor, id: number): Promise<repo.ReportRow> {
  const row = await visibleReport(ctx, actor, id);
  if (row.author_id !== actor.userId) throw new AppError('FORBIDDEN', 'workReportAuthorOnly');
  return row;
}

/** The form of the caller's report for a day or week, pre-filled from what the CRM recorded. */
export async function draftReport(ctx: AppContext, actor: Actor, query: z.output<typeof workReportDraftQuery>): Promise<WorkReportDraft> {
  authorize(actor, 'reports.create');
  const span = await spanOf(ctx, query.kind, query.date);
  const [figures, tasks, existing] = await Promise.all([
    takeFigures(ctx, actor.userId, span),
    nextPeriodTasks(ctx.db, actor.userId, span),
    repo.findOfPeriod(ctx.db, actor.userId, span.kind, span.period),
  ]);
  return {
    kind: span.kind,
    period: span.period,
    periodEnd: span.periodEnd,
    summary: summaryText(figures, actor.locale),
    plan: planText(tasks, actor.locale),
    problems: '',
    figures,
    existing: existing ? { id: existing.id, version: existing.version } : null,
  };
}

/** Submit a report: one per author, kind and period (409 with the one written); the department manager is told. */
export async function createReport(ctx: AppContext, actor: Actor, input: z.output<typeof workReportCreate>): Promise<WorkReport> {
  authorize(actor, 'reports.create');
  const span = await spanOf(ctx, input.kind, input.date);
  const [figures, reviewer] = await Promise.all([takeFigures(ctx, actor.userId, span), reviewerOf(ctx, actor)]);
  const at = ctx.clock.now().toISOString();
  const id = await ctx.db.transaction().execute(async (trx) => {
    const reportId = await repo.insertReport(trx, {
      author_id: actor.userId, kind: span.kind, period: span.period, summary: input.summary, plan: input.plan ?? null, problems: input.problems ?? null,
      figures: JSON.stringify(figures), version: 1, created_at: at, updated_at: at, created_by: actor.userId, updated_by: actor.userId,
    });
    if (reportId !== undefined && reviewer !== null) {
      await notify(trx, { userId: reviewer, kind: 'report_submitted', params: { author: actor.name, ...reportParams(span.kind, span.period) }, entityType: 'work_report', entityId: reportId, at });
    }
    return reportId;
  });
  if (id === undefined) {
    const existing = await repo.findOfPeriod(ctx.db, actor.userId, span.kind, span.period);
    throw new AppError('CONFLICT', 'workReportExists', undefined, existing ? await presentReport(ctx, actor, existing) : undefined);
  }
  return presentReport(ctx, actor, await visibleReport(ctx, actor, id));
}

/** Change one's report's texts (or take its figures again); 409 with the current one when stale. */
export async function updateReport(ctx: AppContext, actor: Actor, id: number, input: z.output<typeof workReportUpdate>): Promise<WorkReport> {
  authorize(actor, 'reports.create');
  const row = await ownReport(ctx, actor, id);
  const figures = input.refreshFigures ? await takeFigures(ctx, actor.userId, await periodSpan(ctx.db, row.kind === 'weekly' ? 'weekly' : 'daily', row.period)) : null;
  const values = {
    ...(input.summary !== undefined ? { summary: input.summary } : {}),
    ...(input.plan !== undefined ? { plan: input.plan } : {}),
    ...(input.problems !== undefined ? { problems: input.problems } : {}),
    ...(figures ? { figures: JSON.stringify(figures) } : {}),
    updated_at: ctx.clock.now().toISOString(),
    updated_by: actor.userId,
  };
  if (!(await repo.updateReport(ctx.db, id, input.version, values))) throw conflict(await presentReport(ctx, actor, await visibleReport(ctx, actor, id)));
  return presentReport(ctx, actor, await visibleReport(ctx, actor, id));
}

/** Delete one's report with its comments (for good: a report is its author's own note). */
export async function deleteReport(ctx: AppContext, actor: Actor, id: number): Promise<void> {
  authorize(actor, 'reports.create');
  await ownReport(ctx, actor, id);
  const deleted = await ctx.db.transaction().execute(async (trx) => (await repo.lockReport(trx, ctx.engine, id)) && repo.deleteReport(trx, id));
  if (!deleted) throw notFound();
}

/** One report; a reader other than the author leaves a read receipt. */
export async function getReport(ctx: AppContext, actor: Actor, id: number): Promise<WorkReport> {
  authorize(actor, 'reports.view');
  const row = await visibleReport(ctx, actor, id);
  if (row.author_id !== actor.userId) await repo.markRead(ctx.db, id, actor.userId, ctx.clock.now().toISOString());
  return presentReport(ctx, actor, row);
}

/** Reports of the authors in the actor's data scope (their own included), latest period first. */
export async function listReports(ctx: AppContext, actor: Actor, query: z.output<typeof workReportListQuery>): Promise<ListResponse<WorkReportListItem>> {
  authorize(actor, 'reports.view');
  const filter: repo.ReportFilter = { scope: ownerScope(actor, 'reports'), authorId: query.authorId, kind: query.kind, from: query.from, to: query.to };
  const { rows, total } = await repo.listReports(ctx.db, filter, query.pageSize, (query.page - 1) * query.pageSize);
  return { items: await presentList(ctx, actor, rows), total, page: query.page, pageSize: query.pageSize };
}
