import type { ListResponse, RecycleBinItem } from '@crm/contracts';
import { authorize, type Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import { notFound } from '../../platform/errors.js';
import { recordChange } from '../history/index.js';
import { userNames } from '../users/index.js';
import * as repo from './leads.repository.js';
import { unscoped } from '../../platform/auth/scope.js';

/** Deleted leads, for the recycle bin. */
export async function listDeletedLeads(ctx: AppContext, actor: Actor, query: { q?: string; page: number; pageSize: number }): Promise<ListResponse<RecycleBinItem>> {
  authorize(actor, 'recycle_bin.view');
  const { rows, total } = await repo.listDeleted(ctx.db, query.q, query.pageSize, (query.page - 1) * query.pageSize);
  const names = await userNames(ctx, rows.map((r) => r.deleted_by));
  return {
    items: rows.map((r) => ({
      type: 'lead' as const,
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

export async function restoreLead(ctx: AppContext, actor: Actor, id: number): Promise<void> {
  authorize(actor, 'recycle_bin.restore');
  const now = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    // Of two restores at once the second waits here, then finds nothing deleted.
    await repo.lock(trx, ctx.engine, id);
    const row = await repo.findById(trx, id, unscoped('restore from the recycle bin'), { deleted: true });
    if (!row) throw notFound();
    await repo.setFields(trx, id, { deleted_at: null, deleted_by: null, updated_at: now, updated_by: actor.userId, version: row.version + 1 });
    await recordChange(trx, { entityType: 'lead', entityId: id, action: 'restore', actorId: actor.userId, at: now, label: row.name });
  });
}

/**
 * Erase a deleted lead for good, with its duplicate keys. Its timeline entries stay, as a purged
 * contact's do: they are the audit trail of who did what (the customer it became keeps its own).
 */
export async function purgeLead(ctx: AppContext, actor: Actor, id: number): Promise<void> {
  authorize(actor, 'recycle_bin.purge');
  await ctx.db.transaction().execute(async (trx) => {
    const row = await repo.findById(trx, id, unscoped('purge from the recycle bin'), { deleted: true });
    if (!row) throw notFound();
    await repo.purge(trx, id);
  });
}
