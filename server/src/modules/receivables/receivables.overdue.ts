import { formatMoney } from '@crm/contracts';
import type { AppContext } from '../../platform/context.js';
import type { ScheduledTask } from '../../platform/scheduler.js';
import { notify } from '../notifications/index.js';
import { roleIdByKey } from '../roles/index.js';
import { activeUsersWithRole, userLocales } from '../users/index.js';
import * as repo from './receivables.repository.js';
import { today } from './receivables.service.js';

const batchSize = 200;

/**
 * Tell the owner and the finance users (the built-in 财务 role) once about each instalment of a
 * signed contract that passed its due date unpaid (once per due date: a plan changed to a later
 * date is told about again). The mark and the notices are written together, conditionally on the
 * mark, so runs at the same time tell nobody twice. Returns how many instalments were told about.
 */
export async function runOverdueNotices(ctx: AppContext): Promise<number> {
  const day = await today(ctx);
  const at = ctx.clock.now().toISOString();
  const financeRole = await roleIdByKey(ctx, 'finance');
  const finance = financeRole === null ? [] : await activeUsersWithRole(ctx.db, financeRole);
  let told = 0;
  let afterId = 0;
  for (;;) {
    const rows = await repo.overdueUnnotified(ctx.db, day, afterId, batchSize);
    for (const row of rows) {
      afterId = row.id;
      const recipients = [...new Set([row.owner_id, ...finance])];
      const locales = await userLocales(ctx, recipients);
      const sent = await ctx.db.transaction().execute(async (trx) => {
        if (!(await repo.claimOverdue(trx, row.id, row.due_on))) return false;
        const unpaid = Number(row.amount) - Number(row.paid);
        for (const userId of recipients) {
          const amount = formatMoney(unpaid, 'CNY', locales.get(userId) === 'en' ? 'en' : 'zh-CN');
          await notify(trx, { userId, kind: 'instalment_overdue', params: { contract: `${row.contract_number} ${row.contract_title}`, customer: row.customer_name ?? '', date: row.due_on, amount }, entityType: 'contract', entityId: row.contract_id, at });
        }
        return true;
      });
      if (sent) told += 1;
    }
    if (rows.length < batchSize) break;
  }
  return told;
}

/** The scheduled task that sends the overdue notices every `minutes` minutes. */
export function overdueNoticesTask(ctx: AppContext, minutes: number): ScheduledTask {
  return { name: 'receivables-overdue', everyMs: Math.max(1, minutes) * 60_000, run: () => runOverdueNotices(ctx) };
}
