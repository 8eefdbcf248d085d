import { sql } from 'kysely';
import { companyTimeZone, localDate } from '../../platform/company.js';
import type { AppContext } from '../../platform/context.js';
import type { ScheduledTask } from '../../platform/scheduler.js';

/**
 * Sent quotes whose validity ended (valid until a day before today, in the company's time zone)
 * become expired: one conditional update, so a quote accepted or changed meanwhile is left alone
 * and runs at the same time expire each quote once. Returns how many expired.
 */
export async function runQuoteExpiry(ctx: AppContext): Promise<number> {
  const today = localDate(ctx.clock.now(), await companyTimeZone(ctx.db));
  const r = await ctx.db
    .updateTable('quotes')
    .set({ status: 'expired', updated_at: ctx.clock.now().toISOString(), updated_by: null, version: sql`version + 1` })
    .where('status', '=', 'sent')
    .where('valid_until', '<', today)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** The scheduled task that expires quotes every `minutes` minutes. */
export function quoteExpiryTask(ctx: AppContext, minutes: number): ScheduledTask {
  return { name: 'quote-expiry', everyMs: Math.max(1, minutes) * 60_000, run: () => runQuoteExpiry(ctx) };
}
