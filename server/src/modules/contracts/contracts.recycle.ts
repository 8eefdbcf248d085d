import { dealContractStatuses, type ContractStatus, type ListResponse, type RecycleBinItem } from '@crm/contracts';
import type { Transaction } from 'kysely';
import { authorize, type Actor } from '../../platform/auth/actor.js';
import { unscoped } from '../../platform/auth/scope.js';
import type { AppContext } from '../../platform/context.js';
import type { DB } from '../../platform/db/schema.js';
import { AppError, notFound } from '../../platform/errors.js';
import { isCustomerLive } from '../customers/index.js';
import { recordChange } from '../history/index.js';
import { userNames } from '../users/index.js';
import { refreshCustomerDeals } from './contracts.deals.js';
import * as repo from './contracts.repository.js';
import { purgeApprovalsOf } from '../approvals/index.js';

/** Deleted contracts, for the recycle bin (with the customer each belongs to). */
export async function listDeletedContracts(ctx: AppContext, actor: Actor, query: { q?: string; page: number; pageSize: number }): Promise<ListResponse<RecycleBinItem>> {
  authorize(actor, 'recycle_bin.view');
  const { rows, total } = await repo.listDeleted(ctx.db, query.q, query.pageSize, (query.page - 1) * query.pageSize);
  const names = await userNames(ctx, rows.map((r) => r.deleted_by));
  return {
    items: rows.map((r) => ({
      type: 'contract' as const,
      id: r.id,
      name: `${r.number} ${r.title}`,
      parentName: r.customer_name,
      deletedAt: r.deleted_at ?? '',
      deletedBy: r.deleted_by,
      deletedByName: r.deleted_by !== null ? (names.get(r.deleted_by) ?? null) : null,
    })),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** Bring a contract back (its customer must be live); an active or completed one counts among the customer's transactions again. */
export async function restoreContract(ctx: AppContext, actor: Actor, id: number): Promise<void> {
  authorize(actor, 'recycle_bin.restore');
  const deleted = await repo.findById(ctx.db, id, unscoped('restore from the recycle bin'), { deleted: true });
  if (!deleted) throw notFound();
  if (!(await isCustomerLive(ctx, deleted.customer_id))) throw new AppError('BAD_REQUEST', 'contractCustomerDeleted');
  const at = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    // Of two restores at once the second waits here, then finds nothing deleted.
    await repo.lock(trx, ctx.engine, id);
    const row = await repo.findById(trx, id, unscoped('restore from the recycle bin'), { deleted: true });
    if (!row) throw notFound();
    await repo.setFields(trx, id, { deleted_at: null, deleted_by: null, updated_at: at, updated_by: actor.userId, version: row.version + 1 });
    const label = `${row.number} ${row.title}`;
    await recordChange(trx, { entityType: 'contract', entityId: id, customerId: row.customer_id, action: 'restore', actorId: actor.userId, at, label });
    if (dealContractStatuses.includes(row.status as ContractStatus)) await refreshCustomerDeals(ctx, trx, row.customer_id, { actorId: actor.userId, at, label });
  });
}

/**
 * Erase a deleted contract for good, with its lines and contacts (its timeline entries stay on the
 * customer). `alsoPurge` erases its files in the same transaction and returns what to do after.
 */
export async function purgeContract(ctx: AppContext, actor: Actor, id: number, alsoPurge?: (trx: Transaction<DB>) => Promise<() => Promise<void>>): Promise<void> {
  authorize(actor, 'recycle_bin.purge');
  const afterCommit = await ctx.db.transaction().execute(async (trx) => {
    const row = await repo.findById(trx, id, unscoped('purge from the recycle bin'), { deleted: true });
    if (!row) throw notFound();
    const after = alsoPurge ? await alsoPurge(trx) : async () => undefined;
    await purgeApprovalsOf(trx, 'contract', [id]);
    await repo.purge(trx, [id]);
    return after;
  });
  await afterCommit();
}

/** Erase every contract of a customer being erased (with their approval requests), inside the customer purge's transaction. */
export async function purgeCustomerContracts(db: AppContext['db'], customerId: number): Promise<void> {
  const ids = await repo.idsOfCustomer(db, customerId);
  await purgeApprovalsOf(db, 'contract', ids);
  await repo.purge(db, ids);
}
