import { attainment, attainmentExportQuery, attainmentQuery, targetsWrite, targetYear, targetYearQuery } from '@crm/contracts';
import type { AppContext } from '../../platform/context.js';
import type { Router } from '../../platform/http/route.js';
import { exportAttainment } from './targets.export.js';
import * as service from './targets.service.js';

export function targetRoutes(r: Router, ctx: AppContext): void {
  const tag = 'targets';
  r.route({ method: 'GET', url: '/targets', access: 'targets.view', summary: "A year's sales targets of one metric (months, quarters, the year) for the users and departments in your data scope", tag, query: targetYearQuery, response: targetYear,
    handler: ({ actor, query }) => service.getTargets(ctx, actor, query) });
  r.route({ method: 'PUT', url: '/targets', access: 'targets.edit', summary: 'Set (a number) or clear (null) targets of users and departments in your scope; all or nothing', tag, body: targetsWrite, response: targetYear,
    handler: ({ actor, body }) => service.saveTargets(ctx, actor, body) });
  r.route({ method: 'GET', url: '/targets/attainment', access: 'targets.view', summary: 'Target against actual in a month, quarter or year, per user and department (rolled up from members)', tag, query: attainmentQuery, response: attainment,
    handler: ({ actor, query }) => service.getAttainment(ctx, actor, query) });
  r.route({ method: 'GET', url: '/targets/attainment/export', access: 'targets.view', summary: 'Download the attainment report of a period and metric as .xlsx or CSV: one row per department and user (departments rolled up, names indented under their parent), target, actual and attainment in per cent, money in yuan; same data scope as the report', tag, query: attainmentExportQuery, download: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'text/csv'],
    handler: ({ actor, query, locale, reply }) => exportAttainment(ctx, actor, query, locale, reply) });
}
