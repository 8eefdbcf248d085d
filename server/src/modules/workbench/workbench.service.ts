import type { Locale, Workbench } from '@crm/contracts';
import { reminderKinds } from '@crm/contracts';
import type { Actor } from '../../platform/auth/actor.js';
import { companyTimeZone, localDate } from '../../platform/company.js';
import type { AppContext } from '../../platform/context.js';
import { myDueCustomers, myTaskAgenda } from '../activities/index.js';
import { listApprovalRequests } from '../approvals/index.js';
import { unreadOfKinds } from '../notifications/index.js';
import { poolRiskOf } from '../pool/index.js';
import { myMonthFigures } from './workbench.figures.js';
import { recentRecords } from './workbench.recent.js';

/** How many items each card lists (the total says how many more wait on the full page). */
export const cardSize = 8;
const recentSize = 10;

/**
 * The workbench (个人中心) in one answer: each section read through the module that owns it, with
 * that module's permission and scope rules; a section the caller may not see is null.
 */
export async function getWorkbench(ctx: AppContext, actor: Actor, locale: Locale): Promise<Workbench> {
  const zone = await companyTimeZone(ctx.db);
  const today = localDate(ctx.clock.now(), zone);
  const [tasks, dueCustomers, reminders, approvals, recent, poolRisk, figures] = await Promise.all([
    myTaskAgenda(ctx, actor, cardSize),
    myDueCustomers(ctx, actor, today, cardSize),
    unreadOfKinds(ctx, actor, reminderKinds, cardSize, locale),
    listApprovalRequests(ctx, actor, { mine: 'pending', page: 1, pageSize: cardSize }),
    recentRecords(ctx, actor, recentSize),
    poolRiskOf(ctx, actor, cardSize),
    myMonthFigures(ctx, actor, today, zone),
  ]);
  return { today, tasks, dueCustomers, reminders, approvals: { items: approvals.items, total: approvals.total }, recent, poolRisk, figures };
}
