import { dealContractStatuses } from '@crm/contracts';
import { companyTimeZone, wallClock } from '../../platform/company.js';
import type { AppContext } from '../../platform/context.js';
import { recordCustomerDeals } from '../customers/index.js';
import * as repo from './contracts.repository.js';

type Db = AppContext['db'];

/** The instant a company date begins in the company's time zone (what a signing date means as a time). */
export function startOfDay(day: string, timeZone: string): string {
  const guess = Date.parse(`${day}T00:00:00Z`);
  const w = wallClock(new Date(guess), timeZone);
  const shown = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return new Date(guess - (shown - guess)).toISOString();
}

/**
 * Write a customer's transactions from its live active and completed contracts (count, total,
 * first and last signing), in the caller's transaction, through the customers module (which
 * locks the customer before the figures are read, so parallel activations count each other).
 */
export async function refreshCustomerDeals(ctx: AppContext, trx: Db, customerId: number, by: { actorId: number; at: string; label: string }): Promise<void> {
  const timeZone = await companyTimeZone(trx);
  await recordCustomerDeals(
    trx,
    ctx,
    customerId,
    async () => {
      const f = await repo.dealFiguresOf(trx, customerId, dealContractStatuses);
      return { count: f.count, total: f.total, first: f.first === null ? null : startOfDay(f.first, timeZone), last: f.last === null ? null : startOfDay(f.last, timeZone) };
    },
    by,
  );
}
