import type { customerListQuery } from '@crm/contracts';
import { sql, type Expression, type Kysely, type SqlBool, type Transaction } from 'kysely';
import type { z } from 'zod';
import { companyTimeZone, localDate, startOfLocalDay } from '../../platform/company.js';
import type { AppContext } from '../../platform/context.js';
import type { DB } from '../../platform/db/schema.js';
import type { CustomerFilter, SortKey } from './customers.repository.js';

type Db = Kysely<DB> | Transaction<DB>;
type Query = z.output<typeof customerListQuery>;

/**
 * The condition "the public-pool rules return this customer within N days" on customer columns,
 * or null while the rules are off. The pool module knows the rules and imports this one, so it
 * hands the condition in at start-up (app.ts).
 */
export type PoolDueCondition = (db: Db, withinDays: number, now: Date) => Promise<Expression<SqlBool> | null>;
let poolDue: PoolDueCondition | null = null;
const nothing = sql<SqlBool>`1 = 0`;

export function setPoolDueCondition(condition: PoolDueCondition): void {
  poolDue = condition;
}

/** The sort key of a list query's sort value (`-lastFollowUpAt` → lastFollowUpAt). */
export function customerSortKey(sort: Query['sort']): SortKey {
  return sort.replace(/^-/, '') as SortKey;
}

/** A day plus whole days, as a day (YYYY-MM-DD). */
function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The date filters of a list query as the repository takes them: days in the company's time zone
 * become the instants they start at; relative ones ("within N days", "for N days") count from today.
 */
export async function followUpFilters(ctx: AppContext, query: Query): Promise<Partial<CustomerFilter>> {
  const out: Partial<CustomerFilter> = {};
  const needsDays = [query.createdFrom, query.createdTo, query.lastFollowUpBefore, query.lastFollowUpFrom, query.noFollowUpDays, query.nextFollowUpWithinDays].some((v) => v !== undefined);
  if (needsDays) {
    const zone = await companyTimeZone(ctx.db);
    const start = (day: string) => startOfLocalDay(day, zone).toISOString();
    const today = localDate(ctx.clock.now(), zone);
    if (query.createdFrom) out.createdFrom = start(query.createdFrom);
    if (query.createdTo) out.createdBefore = start(addDays(query.createdTo, 1));
    // "Before a day" and "none for N days" both hold: the earlier day decides.
    const noneSince = query.noFollowUpDays === undefined ? undefined : addDays(today, 1 - query.noFollowUpDays);
    const before = [query.lastFollowUpBefore, noneSince].filter((d): d is string => d !== undefined).sort()[0];
    if (before) out.lastFollowUpBefore = start(before);
    if (query.lastFollowUpFrom) out.lastFollowUpFrom = start(query.lastFollowUpFrom);
    if (query.nextFollowUpWithinDays !== undefined) out.nextFollowUpUntil = addDays(today, query.nextFollowUpWithinDays);
  }
  if (query.nextFollowUpOn) out.nextFollowUpOn = query.nextFollowUpOn;
  if (query.nextFollowUpBefore) out.nextFollowUpBefore = query.nextFollowUpBefore;
  if (query.poolDueWithinDays !== undefined) {
    const condition = poolDue ? await poolDue(ctx.db, query.poolDueWithinDays, ctx.clock.now()) : null;
    // Rules off (or not wired): nobody goes back to the pool, so nobody matches.
    out.poolDue = condition ?? nothing;
  }
  return out;
}
