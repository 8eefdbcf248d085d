import { attainment, attainmentQuery, targetsWrite, targetYear, targetYearQuery } from '@crm/contracts';
import type { AppContext } from '../../platform/context.js';
import type { Router } from '../../platform/http/route.js';
import * as service from './targets.service.js';

export function targetRoutes(r: Router, ctx: AppContext): void {
  const tag = 'targets';
  r.route({ method: 'GET', url: '/targets', access: 'targets.view', summary: "A year's sales targets of one metric (months, quarters, the year) for the users and departments in your data scope", tag, query: targetYearQuery, response: targetYear,
    handler: ({ actor, query }) => service.getTargets(ctx, actor, query) });
  r.route({ method: 'PUT', url: '/targets', access: 'targets.edit', summary: 'Set (a number) or clear (null) targets of users and departments in your scope; all or nothing', tag, body: targetsWrite, response: targetYear,
    handler: ({ actor, body }) => service.saveTargets(ctx, actor, body) });
  r.route({ method: 'GET', url: '/targets/attainment', access: 'targets.view', summary: 'Target against actual in a month, quarter or year, per user and department (rolled up from members)', tag, query: attainmentQuery, response: attainment,
    handler: ({ actor, query }) => service.getAttainment(ctx, actor, query) });
}
