import type { BulkDeleteResult, BulkTagsResult, BulkUpdateResult, customerBulkDelete, customerBulkTags, customerBulkUpdate } from '@crm/contracts';
import type { Transaction } from 'kysely';
import type { z } from 'zod';
import { authorize, type Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import { emitCustomerEvent } from '../../platform/customer-events.js';
import type { DB } from '../../platform/db/schema.js';
import { AppError, conflict, invalid, notFound } from '../../platform/errors.js';
import { diffRecords } from '../history/index.js';
import { checkListValues, checkNextFollowUp } from './customers.lists.js';
import { historyFields, recordView } from './customers.presenter.js';
import { customerEditScope } from './customers.records.js';
import * as repo from './customers.repository.js';
import { writeCustomers, type CustomerWrite } from './customers.write.js';

const maxTags = 20;

/**
 * The live customers the actor may edit, locked for this transaction: every id or NOT_FOUND for
 * the whole request (one outside the data scope is not revealed, as for a single customer).
 */
async function editableCustomers(trx: Transaction<DB>, ctx: AppContext, actor: Actor, ids: number[]): Promise<repo.CustomerRow[]> {
  // Of two writers at once the second waits here, then reads what the first committed.
  await repo.lock(trx, ctx.engine, ids);
  const rows = await repo.findLiveByIds(trx, ids, customerEditScope(actor));
  if (rows.length !== ids.length) throw notFound();
  return rows;
}

/** Add and remove tags on customers, all or none: each changed one gets a new version and an `update` history entry. */
export async function bulkTagCustomers(ctx: AppContext, actor: Actor, input: z.output<typeof customerBulkTags>): Promise<BulkTagsResult> {
  authorize(actor, 'customers.edit');
  const ids = [...new Set(input.ids)];
  const add = input.add ?? [];
  const remove = new Set(input.remove ?? []);
  const at = ctx.clock.now().toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    const writes: CustomerWrite[] = [];
    for (const row of await editableCustomers(trx, ctx, actor, ids)) {
      const tags = [...new Set([...(JSON.parse(row.tags) as string[]), ...add])].filter((t) => !remove.has(t));
      if (tags.length > maxTags) throw invalid('add', 'bulkTagsTooMany');
      const values = { tags: JSON.stringify(tags) };
      const changes = diffRecords(recordView(row), recordView({ ...row, ...values }), historyFields);
      if (changes.length > 0) writes.push({ row, values, timeline: [{ action: 'update', label: row.name, changes }] });
    }
    const written = await writeCustomers(trx, ctx, writes, { actorId: actor.userId, at });
    // The rows are locked (PostgreSQL) or the transaction is alone (SQLite): a miss is a bug, refused whole.
    if (written.size !== writes.length) throw conflict(undefined);
    return { updated: written.size };
  });
}

/**
 * Move customers to the recycle bin in the caller's transaction, all or none, as a single delete
 * does: deleted_at/by set (no new version: the restore makes one), a `delete` history entry, and
 * their deals go with them.
 */
export async function recycleCustomers(trx: Transaction<DB>, ctx: AppContext, actor: Actor, ids: number[]): Promise<number> {
  const at = ctx.clock.now().toISOString();
  const rows = await editableCustomers(trx, ctx, actor, ids);
  const values = { deleted_at: at, deleted_by: actor.userId, updated_at: at, updated_by: actor.userId };
  await writeCustomers(trx, ctx, rows.map((row) => ({ row, values, timeline: [{ action: 'delete' as const, label: row.name }] })), { actorId: actor.userId, at, edit: false });
  for (const row of rows) await emitCustomerEvent(trx, { kind: 'deleted', customerId: row.id, at, actorId: actor.userId });
  return rows.length;
}

/** Move 1-500 customers to the recycle bin, all or none. */
export async function bulkDeleteCustomers(ctx: AppContext, actor: Actor, input: z.output<typeof customerBulkDelete>): Promise<BulkDeleteResult> {
  authorize(actor, 'customers.delete');
  const ids = [...new Set(input.ids)];
  const deleted = await ctx.db.transaction().execute((trx) => recycleCustomers(trx, ctx, actor, ids));
  return { deleted };
}

/**
 * Set one or more fields (status, lifecycle stage, industry, source, next follow-up day) to the
 * same value on 1-500 customers, all or none; each changed one gets a new version and an `update`
 * history entry, one whose values are already these is left alone.
 */
export async function bulkUpdateCustomers(ctx: AppContext, actor: Actor, input: z.output<typeof customerBulkUpdate>): Promise<BulkUpdateResult> {
  authorize(actor, 'customers.edit');
  const ids = [...new Set(input.ids)];
  const set = input.set;
  // Values checked before anything is read or locked: a switched-off industry, a day in the past.
  await checkListValues(ctx.db, { industry: set.industry, source: set.source }, null).catch((error: unknown) => {
    throw prefixed(error, 'set.');
  });
  if (set.nextFollowUpOn !== undefined) await checkNextFollowUp(ctx, set.nextFollowUpOn, 'set.nextFollowUpOn');
  const values: Partial<repo.CustomerRow> = {
    ...(set.status !== undefined ? { status: set.status } : {}),
    ...(set.lifecycleStage !== undefined ? { lifecycle_stage: set.lifecycleStage } : {}),
    ...(set.industry !== undefined ? { industry: set.industry } : {}),
    ...(set.source !== undefined ? { source: set.source } : {}),
    ...(set.nextFollowUpOn !== undefined ? { next_followup_on: set.nextFollowUpOn } : {}),
  };
  const at = ctx.clock.now().toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    const writes: CustomerWrite[] = [];
    for (const row of await editableCustomers(trx, ctx, actor, ids)) {
      const changes = diffRecords(recordView(row), recordView({ ...row, ...values }), historyFields);
      if (changes.length > 0) writes.push({ row, values, timeline: [{ action: 'update', label: row.name, changes }] });
    }
    const written = await writeCustomers(trx, ctx, writes, { actorId: actor.userId, at });
    if (written.size !== writes.length) throw conflict(undefined);
    return { updated: written.size };
  });
}

/** A validation error's field paths under a prefix (the fields of `set`). */
function prefixed(error: unknown, prefix: string): unknown {
  if (!(error instanceof AppError) || !error.details) return error;
  return new AppError(error.code, error.messageKey, error.details.map((d) => ({ ...d, path: `${prefix}${d.path}` })));
}
