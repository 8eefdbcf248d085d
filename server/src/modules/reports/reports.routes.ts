import {
  idParams,
  workReport,
  workReportComment,
  workReportCommentCreate,
  workReportCommentParams,
  workReportCommentUpdate,
  workReportCreate,
  workReportDraft,
  workReportDraftQuery,
  workReportList,
  workReportListQuery,
  workReportUpdate,
} from '@crm/contracts';
import type { AppContext } from '../../platform/context.js';
import type { Router } from '../../platform/http/route.js';
import { addComment, deleteComment, updateComment } from './reports.comments.js';
import * as reports from './reports.service.js';

export function reportRoutes(r: Router, ctx: AppContext): void {
  const tag = 'work-reports';
  r.route({ method: 'GET', url: '/work-reports/draft', access: 'reports.create', summary: "Your daily or weekly report's form for a day (today by default), pre-filled from your follow-ups, customers, deals and tasks", tag, query: workReportDraftQuery, response: workReportDraft,
    handler: ({ actor, query }) => reports.draftReport(ctx, actor, query) });
  r.route({ method: 'POST', url: '/work-reports', access: 'reports.create', summary: 'Submit your daily or weekly report (one per period: 409 when written); your department manager is notified', tag, body: workReportCreate, response: workReport, status: 201,
    handler: ({ actor, body }) => reports.createReport(ctx, actor, body) });
  r.route({ method: 'GET', url: '/work-reports', access: 'reports.view', summary: 'Reports of the authors in your data scope (yours included), latest period first', tag, query: workReportListQuery, response: workReportList,
    handler: ({ actor, query }) => reports.listReports(ctx, actor, query) });
  r.route({ method: 'GET', url: '/work-reports/:id', access: 'reports.view', summary: 'One report with its figures, comments and readers (opening another\'s leaves a read receipt)', tag, params: idParams, response: workReport,
    handler: ({ actor, params }) => reports.getReport(ctx, actor, params.id) });
  r.route({ method: 'PATCH', url: '/work-reports/:id', access: 'reports.create', summary: 'Change your report (its author only); 409 when stale', tag, params: idParams, body: workReportUpdate, response: workReport,
    handler: ({ actor, params, body }) => reports.updateReport(ctx, actor, params.id, body) });
  r.route({ method: 'DELETE', url: '/work-reports/:id', access: 'reports.create', summary: 'Delete your report with its comments (its author only)', tag, params: idParams, status: 204,
    handler: ({ actor, params }) => reports.deleteReport(ctx, actor, params.id) });
  r.route({ method: 'POST', url: '/work-reports/:id/comments', access: 'reports.view', summary: 'Comment on a report you may read; its author is notified', tag, params: idParams, body: workReportCommentCreate, response: workReportComment, status: 201,
    handler: ({ actor, params, body }) => addComment(ctx, actor, params.id, body) });
  r.route({ method: 'PATCH', url: '/work-reports/:id/comments/:commentId', access: 'reports.view', summary: 'Change your comment (its author only; another\'s is a 403); 409 when stale', tag, params: workReportCommentParams, body: workReportCommentUpdate, response: workReportComment,
    handler: ({ actor, params, body }) => updateComment(ctx, actor, params.id, params.commentId, body) });
  r.route({ method: 'DELETE', url: '/work-reports/:id/comments/:commentId', access: 'reports.view', summary: 'Delete your comment (its author only; another\'s is a 403)', tag, params: workReportCommentParams, status: 204,
    handler: ({ actor, params }) => deleteComment(ctx, actor, params.id, params.commentId) });
}
