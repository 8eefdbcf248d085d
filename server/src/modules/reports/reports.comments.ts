import type { WorkReportComment, WorkReportKind, workReportCommentCreate, workReportCommentUpdate } from '@crm/contracts';
import type { z } from 'zod';
import { authorize, type Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import { AppError, conflict, notFound } from '../../platform/errors.js';
import { notify } from '../notifications/index.js';
import { userNames } from '../users/index.js';
import { excerpt } from './reports.figures.js';
import { reportParams } from './reports.notices.js';
import { presentComment } from './reports.presenter.js';
import * as repo from './reports.repository.js';
import { visibleReport } from './reports.service.js';

/** Comment on a report one may read; its author is told (unless they wrote the comment). */
export async function addComment(ctx: AppContext, actor: Actor, reportId: number, input: z.output<typeof workReportCommentCreate>): Promise<WorkReportComment> {
  authorize(actor, 'reports.view');
  const report = await visibleReport(ctx, actor, reportId);
  const at = ctx.clock.now().toISOString();
  const id = await ctx.db.transaction().execute(async (trx) => {
    if (!(await repo.lockReport(trx, ctx.engine, report.id))) throw notFound();
    const commentId = await repo.insertComment(trx, { report_id: report.id, author_id: actor.userId, content: input.content, created_at: at });
    // Whoever comments has read it.
    if (report.author_id !== actor.userId) {
      await repo.markRead(trx, report.id, actor.userId, at);
      await notify(trx, {
        userId: report.author_id, kind: 'report_comment', entityType: 'work_report', entityId: report.id, at,
        params: { actor: actor.name, excerpt: excerpt(input.content, 40), ...reportParams(report.kind as WorkReportKind, report.period) },
      });
    }
    return commentId;
  });
  return presentComment(actor, { id, report_id: report.id, author_id: actor.userId, content: input.content, created_at: at, version: 1, updated_at: null }, await userNames(ctx, [actor.userId]));
}

/**
 * A comment on a report one may read: missing (or the report out of sight) is a 404; another's
 * comment, which one sees on the report, is a 403 (only its author may change or delete it).
 */
async function ownComment(ctx: AppContext, actor: Actor, reportId: number, commentId: number) {
  authorize(actor, 'reports.view');
  const report = await visibleReport(ctx, actor, reportId);
  const comment = await repo.findComment(ctx.db, report.id, commentId);
  if (!comment) throw notFound();
  if (comment.author_id !== actor.userId) throw new AppError('FORBIDDEN', 'workReportCommentAuthorOnly');
  return comment;
}

/** Change one's own comment; 409 with the comment as it is when `version` is stale. Nobody is notified again. */
export async function updateComment(ctx: AppContext, actor: Actor, reportId: number, commentId: number, input: z.output<typeof workReportCommentUpdate>): Promise<WorkReportComment> {
  await ownComment(ctx, actor, reportId, commentId);
  const at = ctx.clock.now().toISOString();
  const names = await userNames(ctx, [actor.userId]);
  if (!(await repo.updateComment(ctx.db, { reportId, commentId, authorId: actor.userId, version: input.version, content: input.content, at }))) {
    const current = await repo.findComment(ctx.db, reportId, commentId);
    if (!current) throw notFound();
    throw conflict(presentComment(actor, current, names));
  }
  const row = await repo.findComment(ctx.db, reportId, commentId);
  if (!row) throw notFound();
  return presentComment(actor, row, names);
}

/** Delete one's own comment. */
export async function deleteComment(ctx: AppContext, actor: Actor, reportId: number, commentId: number): Promise<void> {
  await ownComment(ctx, actor, reportId, commentId);
  if (!(await repo.deleteComment(ctx.db, { reportId, commentId, authorId: actor.userId }))) throw notFound();
}
