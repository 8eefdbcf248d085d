import type { WorkbenchFigures } from '@crm/contracts';
import { can, type Actor } from '../../platform/auth/actor.js';
import { startOfLocalDay } from '../../platform/company.js';
import type { AppContext } from '../../platform/context.js';
import { myFollowUpCount } from '../activities/index.js';
import { signedAmountByOwner } from '../contracts/index.js';
import { newCustomersByOwner } from '../customers/index.js';
import { wonDealsOf } from '../opportunities/index.js';
import { collectedAmountByOwner } from '../receivables/index.js';
import { myMonthTargets } from '../targets/index.js';

/** The first day of the month after `month` (YYYY-MM), as YYYY-MM-DD. */
function nextMonthStart(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
}

/**
 * My figures of this month in the company's time zone against my targets of the month: each
 * figure only with the permission to read what it counts (targets with targets.view), each one
 * indexed read of my own rows. Null when I may read none of them.
 */
export async function myMonthFigures(ctx: AppContext, actor: Actor, today: string, zone: string): Promise<WorkbenchFigures | null> {
  const month = today.slice(0, 7);
  const fromDate = `${month}-01`;
  const toDate = nextMonthStart(month);
  const fromIso = startOfLocalDay(fromDate, zone).toISOString();
  const toIso = startOfLocalDay(toDate, zone).toISOString();
  const me = actor.userId;
  const when = <T>(allowed: boolean, read: () => Promise<T>): Promise<T | null> => (allowed ? read() : Promise.resolve(null));
  const [followUps, newCustomers, won, signed, collected, targets] = await Promise.all([
    myFollowUpCount(ctx, actor, fromIso, toIso),
    when(can(actor, 'customers.view'), async () => (await newCustomersByOwner(ctx.db, fromIso, toIso, me)).get(me) ?? 0),
    when(can(actor, 'opportunities.view'), () => wonDealsOf(ctx.db, me, fromIso, toIso)),
    when(can(actor, 'contracts.view'), async () => (await signedAmountByOwner(ctx.db, fromDate, toDate, me)).get(me) ?? 0),
    when(can(actor, 'receivables.view'), async () => (await collectedAmountByOwner(ctx.db, fromDate, toDate, me)).get(me) ?? 0),
    myMonthTargets(ctx, actor, month),
  ]);
  const figure = (actual: number | null, target?: number) => (actual === null ? null : { actual, target: target ?? null });
  const figures: WorkbenchFigures = {
    month,
    followUps: figure(followUps),
    newCustomers: figure(newCustomers, targets?.new_customers),
    dealsWon: figure(won?.count ?? null),
    wonAmount: figure(won?.amount ?? null),
    signedAmount: figure(signed, targets?.contract_amount),
    collected: figure(collected, targets?.amount_collected),
  };
  const anything = [figures.followUps, figures.newCustomers, figures.dealsWon, figures.signedAmount, figures.collected].some((f) => f !== null);
  return anything ? figures : null;
}
