import type { WorkReportComment, WorkReportKind, workReportCommentCreate } from '@crm/contracts';
import type { z } from 'zod';
import { authorize, type Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import { notFound } from '../../platform/errors.js';
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
  return presentComment({ id, report_id: report.id, author_id: actor.userId, content: input.content, created_at: at }, await userNames(ctx, [actor.userId]));
}
