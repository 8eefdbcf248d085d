import type { ListResponse, RecycleBinItem } from '@crm/contracts';
import { authorize, type Actor } from '../../platform/auth/actor.js';
import type { Transaction } from 'kysely';
import type { AppContext } from '../../platform/context.js';
import { emitCustomerEvent } from '../../platform/customer-events.js';
import type { DB } from '../../platform/db/schema.js';
import { notFound } from '../../platform/errors.js';
import { purgeCustomerHistory, recordChange } from '../history/index.js';
import { userNames } from '../users/index.js';
import * as repo from './customers.repository.js';
import { unscoped } from '../../platform/auth/scope.js';

/** Deleted customers, for the recycle bin. */
export async function listDeletedCustomers(ctx: AppContext, actor: Actor, query: { q?: string; page: number; pageSize: number }): Promise<ListResponse<RecycleBinItem>> {
  authorize(actor, 'recycle_bin.view');
  const { rows, total } = await repo.listDeleted(ctx.db, query.q, query.pageSize, (query.page - 1) * query.pageSize);
  const names = await userNames(ctx, rows.map((r) => r.deleted_by));
  return {
    items: rows.map((r) => ({
      type: 'customer' as const,
      id: r.id,
      name: r.name,
      parentName: null,
      deletedAt: r.deleted_at ?? '',
      deletedBy: r.deleted_by,
      deletedByName: r.deleted_by !== null ? (names.get(r.deleted_by) ?? null) : null,
    })),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

export async function restoreCustomer(ctx: AppContext, actor: Actor, id: number): Promise<void> {
  authorize(actor, 'recycle_bin.restore');
  const now = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    // Of two restores at once the second waits here, then finds nothing deleted.
    await repo.lock(trx, ctx.engine, [id]);
    const row = await repo.findById(trx, id, unscoped('restore from the recycle bin'), { deleted: true });
    // A customer merged into another lives on in the survivor: its contacts and history moved there.
    if (!row || row.merged_into_id !== null) throw notFound();
    await repo.setFields(trx, id, { deleted_at: null, deleted_by: null, updated_at: now, updated_by: actor.userId, version: row.version + 1 });
    await repo.adjustLiveCount(trx, 1);
    await recordChange(trx, { entityType: 'customer', entityId: id, customerId: id, action: 'restore', actorId: actor.userId, at: now, label: row.name });
    // What was deleted with it (the same deleted_at) comes back with it.
    if (row.deleted_at !== null) await emitCustomerEvent(trx, { kind: 'restored', customerId: id, deletedAt: row.deleted_at, at: now, actorId: actor.userId });
  });
}

/** Erase a deleted customer for good, with its contacts and history. Its archive number is not reused. */
/**
 * `alsoPurge` erases what other modules keep under the customer (attachments) in the same
 * transaction, and returns what to do once it committed (remove the stored files).
 */
export async function purgeCustomer(
  ctx: AppContext,
  actor: Actor,
  id: number,
  alsoPurge?: (trx: Transaction<DB>) => Promise<() => Promise<void>>,
): Promise<void> {
  authorize(actor, 'recycle_bin.purge');
  const afterCommit = await ctx.db.transaction().execute(async (trx) => {
    const row = await repo.findById(trx, id, unscoped('purge from the recycle bin'), { deleted: true });
    if (!row) throw notFound();
    const after = alsoPurge ? await alsoPurge(trx) : async () => undefined;
    // Credit assessments, transactions and analytics, pool records, care reminders (their listeners).
    await emitCustomerEvent(trx, { kind: 'purged', customerId: id });
    await purgeCustomerHistory(trx, id);
    await repo.purge(trx, ctx.engine, id);
    return after;
  });
  await afterCommit();
}

/** Whether a customer exists and is live (a contact can only be restored under a live customer). */
export async function isCustomerLive(ctx: AppContext, id: number): Promise<boolean> {
  return (await repo.findById(ctx.db, id, unscoped('whether the customer is live, whoever may see it'))) !== undefined;
}
