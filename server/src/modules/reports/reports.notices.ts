import { reportPeriod, type WorkReportKind } from '@crm/contracts';
import { can, type Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import { t } from '../../platform/i18n.js';
import { managerChain } from '../departments/index.js';
import { actorOf, isUserInScope } from '../users/index.js';

/** The params every report notice shows: its kind in both languages and its period. */
export function reportParams(kind: WorkReportKind, period: string): Record<string, string> {
  const { periodEnd } = reportPeriod(kind, period);
  const kindKey = kind === 'daily' ? 'workReportKind_daily' : 'workReportKind_weekly';
  return { kindZh: t('zh-CN', kindKey), kindEn: t('en', kindKey), period: kind === 'daily' ? period : `${period} ~ ${periodEnd}` };
}

/**
 * Who hears of a new report: the nearest department manager (负责人) up the author's department
 * tree who is not the author and may read it (reports.view, the author in their data scope);
 * nobody when there is none.
 */
export async function reviewerOf(ctx: AppContext, author: Actor): Promise<number | null> {
  if (author.departmentId === null) return null;
  for (const managerId of await managerChain(ctx.db, author.departmentId)) {
    if (managerId === null || managerId === author.userId) continue;
    const reader = await actorOf(ctx, managerId, author.locale);
    if (reader && can(reader, 'reports.view') && (await isUserInScope(ctx, reader, author.userId))) return managerId;
  }
  return null;
}
