import type { CustomerStatus, FieldChange, LifecycleStage } from '@crm/contracts';
import { unscoped } from '../../platform/auth/scope.js';
import type { AppContext } from '../../platform/context.js';
import * as repo from './customers.repository.js';
import { writeCustomers } from './customers.write.js';

type Db = AppContext['db'];

/** A customer's transactions as its contracts and orders add up (the contracts module computes them). */
export interface DealFigures {
  count: number;
  /** Fen. */
  total: number;
  /** Instants (ISO) of the first and last deal; null without deals. */
  first: string | null;
  last: string | null;
}

/** Statuses the deal count moves on its own: target and prospect become first purchase, then repeat. */
const movedByDeals: readonly CustomerStatus[] = ['potential', 'target', 'first_purchase'];

/**
 * The status a deal count gives: first purchase at one deal, repeat from two. Only forward: a
 * loyal, lost or non-customer status is a decision nobody's contract overrides, and a repeat
 * customer whose contract is cancelled stays repeat.
 */
export function statusForDeals(current: CustomerStatus, count: number): CustomerStatus {
  if (!movedByDeals.includes(current) || count === 0) return current;
  const next: CustomerStatus = count >= 2 ? 'repeat' : 'first_purchase';
  return current === 'first_purchase' && next === 'first_purchase' ? current : next;
}

/**
 * Write a customer's transaction figures from its contracts, inside the caller's transaction.
 * The customer row is locked first and `figures` runs after the lock, so two contracts activated
 * at once each count the other (PostgreSQL; SQLite writes one at a time). First deal, count and
 * total follow the contracts exactly; the last deal time (also the pool's clock, which a won deal
 * moves too) only moves forward. The status moves with the count (statusForDeals) and an
 * exploring customer enters the formation stage with its second deal; a change is on the customer's timeline.
 * Nothing happens to a deleted customer (its contracts follow it).
 */
export async function recordCustomerDeals(
  db: Db,
  ctx: Pick<AppContext, 'engine'>,
  customerId: number,
  figures: () => Promise<DealFigures>,
  by: { actorId: number; at: string; label: string },
): Promise<void> {
  await repo.lock(db, ctx.engine, [customerId]);
  const row = await repo.findById(db, customerId, unscoped('the transactions of a customer follow its contracts, whoever changes them'));
  if (!row) return;
  const f = await figures();
  const status = statusForDeals(row.status as CustomerStatus, f.count);
  // The analytics rule (a single purchase is still exploration, a second one forms the relationship):
  // moving at the first deal made analytics suggest 考察期 back for every one-deal customer.
  const stage: LifecycleStage = f.count >= 2 && row.lifecycle_stage === 'exploration' ? 'formation' : (row.lifecycle_stage as LifecycleStage);
  const last = f.last !== null && (row.last_deal_at === null || row.last_deal_at < f.last) ? f.last : row.last_deal_at;
  const values: Partial<repo.CustomerRow> = { first_deal_at: f.first, deal_count: f.count, deal_total: f.total, last_deal_at: last, status, lifecycle_stage: stage };
  const changes: FieldChange[] = [];
  const compare = (field: string, old: unknown, now: unknown) => {
    if (old !== now) changes.push({ field, old, new: now });
  };
  compare('status', row.status, status);
  compare('lifecycleStage', row.lifecycle_stage, stage);
  compare('dealCount', Number(row.deal_count), f.count);
  compare('dealTotal', Number(row.deal_total), f.total);
  if (changes.length === 0 && row.first_deal_at === f.first && row.last_deal_at === last) return;
  // The row is locked and read in this transaction: its version cannot have moved on.
  const written = await writeCustomers(db, ctx, [{ row, values, timeline: changes.length > 0 ? [{ action: 'update', label: by.label, changes }] : [] }], { actorId: by.actorId, at: by.at });
  if (!written.has(customerId)) throw new Error(`customer ${customerId} changed under its lock`);
}

/**
 * A merge's transactions: the merged customers' contracts move to the survivor, so its figures
 * are the sums (first deal the earliest, last the latest) and its status moves with the count.
 * Only what differs from the survivor is returned.
 */
export function mergedDealValues(survivor: repo.CustomerRow, merged: repo.CustomerRow[], status: string): Partial<repo.CustomerRow> {
  const all = [survivor, ...merged];
  const count = all.reduce((n, r) => n + Number(r.deal_count), 0);
  const total = all.reduce((n, r) => n + Number(r.deal_total), 0);
  const dates = (pick: (r: repo.CustomerRow) => string | null) => all.map(pick).filter((v): v is string => v !== null).sort();
  const first = dates((r) => r.first_deal_at)[0] ?? null;
  const last = dates((r) => r.last_deal_at).at(-1) ?? null;
  const next: Partial<repo.CustomerRow> = { deal_count: count, deal_total: total, first_deal_at: first, last_deal_at: last, status: statusForDeals(status as CustomerStatus, count) };
  const changes: Partial<repo.CustomerRow> = {};
  for (const [column, v] of Object.entries(next)) {
    if (v !== survivor[column as keyof repo.CustomerRow]) Object.assign(changes, { [column]: v });
  }
  return changes;
}
