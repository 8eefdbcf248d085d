import type { Lead, TransferResult, leadAssign, leadRelease } from '@crm/contracts';
import { sql, type SqlBool } from 'kysely';
import type { z } from 'zod';
import { authorize, can, type Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import { AppError, conflict, forbidden } from '../../platform/errors.js';
import { recordChange } from '../history/index.js';
import { notify } from '../notifications/index.js';
import * as repo from './leads.repository.js';
import { findVisible, getLead, leadOwnerIssues, leadScope, refuse } from './leads.service.js';

/** The lead pool: claim, release, and assignment by a manager. */

/** Take a lead from the lead pool. */
export async function claimLead(ctx: AppContext, actor: Actor, id: number): Promise<Lead> {
  authorize(actor, 'leads.claim');
  const at = ctx.clock.now().toISOString();
  const claimed = await ctx.db.transaction().execute(async (trx) => {
    const row = await findVisible(trx, actor, id);
    if (row.owner_id !== null) return false;
    if (row.status === 'converted') throw new AppError('BAD_REQUEST', 'leadConverted');
    // Only while it is still in the pool: of two claims at once, one wins.
    if (!(await repo.update(trx, id, row.version, { owner_id: actor.userId, owner_since: at, updated_at: at, updated_by: actor.userId }, sql<SqlBool>`owner_id is null`))) return false;
    await recordChange(trx, { entityType: 'lead', entityId: id, action: 'claim', actorId: actor.userId, at, label: row.name, changes: [{ field: 'ownerId', old: null, new: actor.userId }] });
    return true;
  });
  if (!claimed) throw new AppError('CONFLICT', 'leadNotInPool', undefined, await getLead(ctx, actor, id));
  return getLead(ctx, actor, id);
}

/** Put a lead back in the pool: one's own with the claim or assign right, anyone's in scope with assign. */
export async function releaseLead(ctx: AppContext, actor: Actor, id: number, input: z.output<typeof leadRelease>): Promise<Lead> {
  if (!can(actor, 'leads.claim') && !can(actor, 'leads.assign')) throw forbidden();
  const at = ctx.clock.now().toISOString();
  const row = await findVisible(ctx.db, actor, id);
  if (row.owner_id === null) throw new AppError('CONFLICT', 'leadAlreadyInPool', undefined, await getLead(ctx, actor, id));
  if (row.owner_id !== actor.userId && !can(actor, 'leads.assign')) throw forbidden();
  if (row.status === 'converted') throw new AppError('BAD_REQUEST', 'leadConverted');
  const owner = row.owner_id;
  const released = await ctx.db.transaction().execute(async (trx) => {
    if (!(await repo.update(trx, id, row.version, { owner_id: null, owner_since: null, updated_at: at, updated_by: actor.userId }))) return false;
    const reason = input.reason ?? null;
    await recordChange(trx, {
      entityType: 'lead', entityId: id, action: 'release', actorId: actor.userId, at, label: row.name,
      changes: [{ field: 'ownerId', old: owner, new: null }, ...(reason !== null ? [{ field: 'reason', old: null, new: reason }] : [])],
    });
    return true;
  });
  if (!released) throw conflict(await getLead(ctx, actor, id));
  return getLead(ctx, actor, id);
}

/** Give leads (1 to 500) in the caller's scope to one user: all of them or none; each new owner is told. */
export async function assignLeads(ctx: AppContext, actor: Actor, input: z.output<typeof leadAssign>): Promise<TransferResult> {
  authorize(actor, 'leads.assign');
  const ownerId = input.ownerId;
  const rows = await repo.findByIds(ctx.db, [...new Set(input.leadIds)], leadScope(actor));
  const found = new Set(rows.map((r) => r.id));
  refuse([
    ...(await leadOwnerIssues(ctx, actor, ownerId)),
    ...input.leadIds.flatMap((leadId, index) => (found.has(leadId) ? [] : [{ path: `leadIds.${index}`, key: 'unknownLead' as const }])),
  ]);
  const moving = rows.filter((r) => r.owner_id !== ownerId);
  const at = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    for (const row of moving) {
      // Changed since it was read: the whole assignment is refused (the transaction rolls back).
      const guard = row.owner_id === null ? sql<SqlBool>`owner_id is null` : sql<SqlBool>`owner_id = ${row.owner_id}`;
      if (!(await repo.update(trx, row.id, row.version, { owner_id: ownerId, owner_since: at, updated_at: at, updated_by: actor.userId }, guard))) throw conflict(undefined);
      await recordChange(trx, { entityType: 'lead', entityId: row.id, action: 'assign', actorId: actor.userId, at, label: row.name, changes: [{ field: 'ownerId', old: row.owner_id, new: ownerId }] });
      if (ownerId !== actor.userId) {
        await notify(trx, { userId: ownerId, kind: 'lead_assigned', params: { lead: row.name, by: actor.name }, entityType: 'lead', entityId: row.id, at });
      }
    }
  });
  return { moved: moving.length };
}
