import type { ListResponse, RecycleBinItem } from '@crm/contracts';
import { authorize, type Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import { AppError, notFound } from '../../platform/errors.js';
import { isCustomerLive } from '../customers/index.js';
import { recordChange } from '../history/index.js';
import { userNames } from '../users/index.js';
import * as repo from './opportunities.repository.js';
import { unscoped } from '../../platform/auth/scope.js';

/** Deleted deals, for the recycle bin (with the customer each belongs to). */
export async function listDeletedOpportunities(ctx: AppContext, actor: Actor, query: { q?: string; page: number; pageSize: number }): Promise<ListResponse<RecycleBinItem>> {
  authorize(actor, 'recycle_bin.view');
  const { rows, total } = await repo.listDeleted(ctx.db, query.q, query.pageSize, (query.page - 1) * query.pageSize);
  const names = await userNames(ctx, rows.map((r) => r.deleted_by));
  return {
    items: rows.map((r) => ({
      type: 'opportunity' as const,
      id: r.id,
      name: r.name,
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

/** Bring a deal back; its customer must be live. */
export async function restoreOpportunity(ctx: AppContext, actor: Actor, id: number): Promise<void> {
  authorize(actor, 'recycle_bin.restore');
  const deleted = await repo.findById(ctx.db, id, unscoped('restore from the recycle bin'), { deleted: true });
  if (!deleted) throw notFound();
  if (!(await isCustomerLive(ctx, deleted.customer_id))) throw new AppError('BAD_REQUEST', 'opportunityCustomerDeleted');
  const at = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    // Of two restores at once the second waits here, then finds nothing deleted.
    await repo.lock(trx, ctx.engine, id);
    const row = await repo.findById(trx, id, unscoped('restore from the recycle bin'), { deleted: true });
    if (!row) throw notFound();
    await repo.setFields(trx, id, { deleted_at: null, deleted_by: null, updated_at: at, updated_by: actor.userId, version: row.version + 1 });
    await recordChange(trx, { entityType: 'opportunity', entityId: id, customerId: row.customer_id, action: 'restore', actorId: actor.userId, at, label: row.name });
  });
}

/** Erase a deleted deal for good, with its contacts' roles and stage history (its timeline entries stay on the customer). */
export async function purgeOpportunity(ctx: AppContext, actor: Actor, id: number): Promise<void> {
  authorize(actor, 'recycle_bin.purge');
  await ctx.db.transaction().execute(async (trx) => {
    const row = await repo.findById(trx, id, unscoped('purge from the recycle bin'), { deleted: true });
    if (!row) throw notFound();
    await repo.purge(trx, id);
  });
}

/** Erase every deal of a customer being erased, inside the customer purge's transaction. */
export async function purgeCustomerOpportunities(db: AppContext['db'], customerId: number): Promise<void> {
  for (const id of await repo.idsOfCustomer(db, customerId)) await repo.purge(db, id);
}
