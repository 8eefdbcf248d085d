import type { ContractRenewals } from '@crm/contracts';
import { authorize, type Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import type { ScheduledTask } from '../../platform/scheduler.js';
import { notify } from '../notifications/index.js';
import { userNames } from '../users/index.js';
import { presentContract } from './contracts.presenter.js';
import * as repo from './contracts.repository.js';
import { contractScope, endingWindow, today } from './contracts.service.js';
import { readRenewalDays } from './contracts.settings.js';

const batchSize = 200;
const dayMs = 24 * 60 * 60 * 1000;

/** Active contracts in the actor's scope ending within `days` (default: the renewal setting), soonest first. */
export async function listRenewals(ctx: AppContext, actor: Actor, query: { days?: number; page: number; pageSize: number }): Promise<ContractRenewals> {
  authorize(actor, 'contracts.view');
  const days = query.days ?? (await readRenewalDays(ctx.db));
  const filter: repo.ContractFilter = { scope: contractScope(actor), ending: endingWindow(await today(ctx, ctx.db), days) };
  const { rows, total } = await repo.list(ctx.db, filter, { key: 'endsOn', desc: false }, query.pageSize, (query.page - 1) * query.pageSize);
  const names = await userNames(ctx, rows.map((r) => r.owner_id));
  return { items: rows.map((r) => presentContract(r, actor, names)), total, page: query.page, pageSize: query.pageSize, days };
}

/**
 * Tell each owner once about each active contract ending within the renewal days (once per end
 * date: a contract extended to a later end is told about again when that one comes near). The
 * mark and the notice are written together, conditionally on the mark, so runs at the same time
 * or twice in a row tell nobody twice. Returns how many notices went out.
 */
export async function runContractRenewals(ctx: AppContext): Promise<number> {
  const day = await today(ctx, ctx.db);
  const window = endingWindow(day, await readRenewalDays(ctx.db));
  const at = ctx.clock.now().toISOString();
  let sent = 0;
  let afterId = 0;
  for (;;) {
    const rows = await repo.renewalsDue(ctx.db, window.from, window.to, afterId, batchSize);
    for (const row of rows) {
      afterId = row.id;
      const endsOn = row.ends_on;
      if (endsOn === null) continue;
      const told = await ctx.db.transaction().execute(async (trx) => {
        if (!(await repo.claimRenewal(trx, row.id, endsOn))) return false;
        const days = Math.round((Date.parse(`${endsOn}T00:00:00Z`) - Date.parse(`${day}T00:00:00Z`)) / dayMs);
        await notify(trx, { userId: row.owner_id, kind: 'contract_renewal', params: { contract: `${row.number} ${row.title}`, date: endsOn, days }, entityType: 'contract', entityId: row.id, at });
        return true;
      });
      if (told) sent += 1;
    }
    if (rows.length < batchSize) break;
  }
  return sent;
}

/** The scheduled task that sends the renewal notices every `minutes` minutes. */
export function contractRenewalsTask(ctx: AppContext, minutes: number): ScheduledTask {
  return { name: 'contract-renewals', everyMs: Math.max(1, minutes) * 60_000, run: () => runContractRenewals(ctx) };
}
