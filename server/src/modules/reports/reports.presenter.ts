import { reportPeriod, workReportFigures, type WorkReport, type WorkReportComment, type WorkReportFigures, type WorkReportKind, type WorkReportListItem } from '@crm/contracts';
import { can, type Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import { userNames } from '../users/index.js';
import { excerpt } from './reports.figures.js';
import * as repo from './reports.repository.js';

type Db = AppContext['db'];

function figuresOf(row: repo.ReportRow): WorkReportFigures {
  return workReportFigures.parse(JSON.parse(row.figures));
}

function head(actor: Actor, row: repo.ReportRow, names: Map<number, string>, comments: number, read: boolean) {
  const mine = row.author_id === actor.userId;
  const kind = row.kind as WorkReportKind;
  return {
    id: row.id,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    createdBy: row.created_by,
    updatedBy: row.updated_by,
    kind,
    period: row.period,
    periodEnd: reportPeriod(kind, row.period).periodEnd,
    authorId: row.author_id,
    authorName: names.get(row.author_id) ?? null,
    commentCount: comments,
    readByMe: mine || read,
    can: { edit: mine && can(actor, 'reports.create'), delete: mine && can(actor, 'reports.create'), comment: can(actor, 'reports.view') },
  };
}

/** List lines: the head, the summary's start and the figures' totals. */
export async function presentList(ctx: AppContext, actor: Actor, rows: repo.ReportRow[]): Promise<WorkReportListItem[]> {
  const ids = rows.map((r) => r.id);
  const [names, counts, read] = await Promise.all([userNames(ctx, rows.map((r) => r.author_id)), repo.commentCounts(ctx.db, ids), repo.readBy(ctx.db, ids, actor.userId)]);
  return rows.map((row) => {
    const figures = figuresOf(row);
    return {
      ...head(actor, row, names, counts.get(row.id) ?? 0, read.has(row.id)),
      summaryExcerpt: excerpt(row.summary, 120),
      totals: {
        followUps: figures.followUps.count,
        newCustomers: figures.newCustomers.count,
        dealsCreated: figures.dealsCreated.count,
        dealsWon: figures.dealsWon.count,
        wonAmount: figures.dealsWon.amount,
        tasksDone: figures.tasksDone.count,
        currency: figures.currency,
      },
    };
  });
}

/** A comment; its author alone may edit or delete it. */
export function presentComment(actor: Actor, row: repo.CommentRow, names: Map<number, string>): WorkReportComment {
  const mine = row.author_id === actor.userId;
  return {
    id: row.id, authorId: row.author_id, authorName: names.get(row.author_id) ?? null, content: row.content, createdAt: row.created_at,
    version: row.version, updatedAt: row.updated_at, can: { edit: mine, delete: mine },
  };
}

/** The whole report: texts, figures, comments (oldest first) and who read it. */
export async function presentReport(ctx: AppContext, actor: Actor, row: repo.ReportRow, db: Db = ctx.db): Promise<WorkReport> {
  const [comments, readers] = await Promise.all([repo.commentsOf(db, row.id), repo.readersOf(db, row.id)]);
  const names = await userNames(ctx, [row.author_id, ...comments.map((c) => c.author_id), ...readers.map((r) => r.user_id)], db);
  return {
    ...head(actor, row, names, comments.length, readers.some((r) => r.user_id === actor.userId)),
    summary: row.summary,
    plan: row.plan,
    problems: row.problems,
    figures: figuresOf(row),
    comments: comments.map((c) => presentComment(actor, c, names)),
    readers: readers.map((r) => ({ userId: r.user_id, userName: names.get(r.user_id) ?? null, readAt: r.read_at })),
  };
}
