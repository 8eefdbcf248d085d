import { workbench } from '@crm/contracts';
import type { AppContext } from '../../platform/context.js';
import type { Router } from '../../platform/http/route.js';
import { getWorkbench } from './workbench.service.js';

export function workbenchRoutes(r: Router, ctx: AppContext): void {
  r.route({ method: 'GET', url: '/workbench', access: 'signedIn', summary: "Your day in one answer: tasks due, customers to follow up, reminders, approvals waiting, recent records, customers near the pool, this month's figures against target (sections you may not see are null)", tag: 'workbench', response: workbench,
    handler: ({ actor, locale }) => getWorkbench(ctx, actor, locale) });
}
