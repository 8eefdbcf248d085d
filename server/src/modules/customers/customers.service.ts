import { withCanonicalRegion, type Customer, type customerCreate, type customerListQuery, type customerUpdate, type HistoryEntry, type historyQuery, type ListResponse, type OrganizationProfile, type PersonProfile } from '@crm/contracts';
import type { z } from 'zod';
import { authorize, can, type Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import { AppError, conflict, invalid, notFound } from '../../platform/errors.js';
import { activeCustomKeys, checkCustomValues, visibleCustomValues } from '../custom-fields/index.js';
import { customerHistory, diffRecords } from '../history/index.js';
import { notify } from '../notifications/index.js';
import { activeUser, isUserInScope, userNames } from '../users/index.js';
import { maskChange, presentCustomer, recordView, historyFields } from './customers.presenter.js';
import { missingFieldsFor } from './customers.completeness.js';
import { mergedNotFound } from './customers.merged.js';
import { checkListValues, checkNextFollowUp } from './customers.lists.js';
import { customerSortKey } from './customers.follow-up-filters.js';
import * as repo from './customers.repository.js';
import { bulkCreateCustomers, customerListFilter } from './customers.bulk.js';
import { archiveNumber, customerEditScope, customerReadScope, customerScope, mergePerson, mergeProfile, searchDocument } from './customers.records.js';
import { writeCustomers, type TimelineNote } from './customers.write.js';
import { recycleCustomers } from './customers.bulk-actions.js';

export { archiveNumber, customerEditScope, customerReadScope, customerScope, searchDocument };

type Db = AppContext['db'];

// Inside a transaction pass its handle: on SQLite the one connection is held by the transaction.
async function present(ctx: AppContext, actor: Actor, rows: repo.CustomerRow[], db: Db = ctx.db): Promise<Customer[]> {
  const names = await userNames(ctx, rows.map((r) => r.owner_id), db);
  const customKeys = await activeCustomKeys(db, 'customer');
  // Read through a deal, or sitting in the pool without the assign right: shown, not editable.
  const ids = rows.map((r) => r.id);
  const [inScope, editable] = await Promise.all([repo.idsWithin(db, ids, customerScope(actor)), repo.idsWithin(db, ids, customerEditScope(actor))]);
  return rows.map((row) => ({
    ...presentCustomer(row, actor, names, editable.has(row.id), ctx.clock.now(), !inScope.has(row.id)),
    custom: visibleCustomValues(row.custom, customKeys),
  }));
}

export async function listCustomers(ctx: AppContext, actor: Actor, query: z.output<typeof customerListQuery>): Promise<ListResponse<Customer>> {
  authorize(actor, 'customers.view');
  const desc = query.sort.startsWith('-');
  const key = customerSortKey(query.sort);
  const { rows, total, totalCapped } = await repo.list(
    ctx.db,
    ctx.engine,
    await customerListFilter(ctx, actor, query),
    { key, desc },
    query.pageSize,
    (query.page - 1) * query.pageSize,
  );
  return { items: await present(ctx, actor, rows), total, page: query.page, pageSize: query.pageSize, ...(totalCapped ? { totalCapped } : {}) };
}

/**
 * A live customer the actor may work on (edit, delete, link records to, attach files to), or
 * NOT_FOUND (never FORBIDDEN: existence is not revealed). Pool customers need the assign right.
 */
export async function findVisible(db: Db, actor: Actor, id: number): Promise<repo.CustomerRow> {
  const row = await repo.findById(db, id, customerEditScope(actor));
  if (!row) throw notFound();
  return row;
}

/** A live customer the actor may read (in scope, in the pool, or through a deal they own), or NOT_FOUND. */
export async function findReadable(db: Db, actor: Actor, id: number): Promise<repo.CustomerRow> {
  const row = await repo.findById(db, id, customerReadScope(actor));
  if (!row) throw notFound();
  return row;
}

/** Whether the database holds any customer (live or deleted): demo data goes only into an empty one. */
export async function hasAnyCustomer(ctx: AppContext): Promise<boolean> {
  return repo.any(ctx.db);
}

export async function getCustomer(ctx: AppContext, actor: Actor, id: number): Promise<Customer> {
  authorize(actor, 'customers.view');
  const row = await repo.findById(ctx.db, id, customerReadScope(actor));
  if (!row) throw await mergedNotFound(ctx.db, actor, id); // a merged id points to its survivor
  const [customer] = await present(ctx, actor, [row]);
  if (!customer) throw notFound();
  return { ...customer, missingFields: await missingFieldsFor(ctx.db, row) };
}

/**
 * Who may own a customer: the pool (null) and oneself always; anybody else only with the
 * assign right, and only a user within the actor's own data scope.
 */
export async function checkOwner(ctx: AppContext, actor: Actor, ownerId: number | null): Promise<void> {
  if (ownerId === null || ownerId === actor.userId) return;
  if (!can(actor, 'customers.assign')) throw invalid('ownerId', 'ownerOutsideScope');
  const user = await activeUser(ctx, ownerId);
  if (!user) throw invalid('ownerId', 'unknownUser');
  if (!(await isUserInScope(ctx, actor, ownerId))) throw invalid('ownerId', 'ownerOutsideScope');
}

export async function createCustomer(ctx: AppContext, actor: Actor, input: z.output<typeof customerCreate>): Promise<Customer> {
  authorize(actor, 'customers.create');
  const ownerId = input.ownerId === undefined ? actor.userId : input.ownerId;
  await checkOwner(ctx, actor, ownerId);
  await checkListValues(ctx.db, input, null);
  const custom = await checkCustomValues(ctx.db, 'customer', input.custom, null);
  const now = ctx.clock.now().toISOString();
  // The same path as an import's rows: archive number, search index, duplicate keys,
  // completeness, live count and the timeline entry.
  const id = await ctx.db.transaction().execute(async (trx) => {
    const [created] = await bulkCreateCustomers(trx, ctx, [{ input, ownerId, custom }], { actorId: actor.userId, at: now, action: 'create' });
    if (!created) throw new Error('customer not created');
    return created.id;
  });
  return getCustomer(ctx, actor, id);
}

export async function updateCustomer(ctx: AppContext, actor: Actor, id: number, input: z.output<typeof customerUpdate>): Promise<Customer> {
  authorize(actor, 'customers.edit');
  const existing = await findVisible(ctx.db, actor, id);
  if (input.ownerId !== undefined && input.ownerId !== existing.owner_id) {
    // Without the assign right an owner changes only through claim and release, where the pool
    // rules (limit per user, waiting period) apply; with it, an edit is an assignment.
    if (!can(actor, 'customers.assign')) throw invalid('ownerId', 'ownerChangeNeedsClaim');
    await checkOwner(ctx, actor, input.ownerId);
  }
  await checkListValues(ctx.db, input, existing);
  if (input.nextFollowUpOn !== undefined && input.nextFollowUpOn !== existing.next_followup_on) await checkNextFollowUp(ctx, input.nextFollowUpOn, 'nextFollowUpOn');
  const now = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    const row = await repo.findById(trx, id, customerEditScope(actor));
    if (!row) throw notFound();
    if (row.version !== input.version) throw conflict((await present(ctx, actor, [row], trx))[0]);
    if (input.kind === 'person' && row.kind !== 'person' && row.contact_count > 0) {
      throw new AppError('VALIDATION_FAILED', 'validationFailed', [{ path: 'kind', message: 'kindChangeWithContacts' }]);
    }
    // A PATCH changes only the keys it sends, inside the profiles too (null clears one).
    const person = input.person === undefined ? undefined : mergePerson(JSON.parse(row.person) as PersonProfile, input.person, can(actor, 'customers.view_sensitive'));
    const organization = input.organization === undefined ? undefined : mergeProfile(JSON.parse(row.organization) as OrganizationProfile, input.organization);
    const custom = await checkCustomValues(trx, 'customer', input.custom, row.custom);
    const changes: Partial<repo.CustomerRow> = {
      ...(input.kind !== undefined ? { kind: input.kind } : {}),
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.category !== undefined ? { category: input.category } : {}),
      ...(input.status !== undefined ? { status: input.status } : {}),
      ...(input.lifecycleStage !== undefined ? { lifecycle_stage: input.lifecycleStage } : {}),
      ...(input.ownerId !== undefined && input.ownerId !== row.owner_id ? { owner_id: input.ownerId, owner_since: input.ownerId === null ? null : now } : {}),
      ...(input.industry !== undefined ? { industry: input.industry } : {}),
      ...(input.province !== undefined ? { province: input.province } : {}),
      ...(input.city !== undefined ? { city: input.city } : {}),
      ...(input.district !== undefined ? { district: input.district } : {}),
      ...(input.address !== undefined ? { address: input.address } : {}),
      ...(input.phone !== undefined ? { phone: input.phone } : {}),
      ...(input.mobile !== undefined ? { mobile: input.mobile } : {}),
      ...(input.email !== undefined ? { email: input.email } : {}),
      ...(input.website !== undefined ? { website: input.website } : {}),
      ...(input.source !== undefined ? { source: input.source } : {}),
      ...(input.tags !== undefined ? { tags: JSON.stringify([...new Set(input.tags)]) } : {}),
      ...(input.notes !== undefined ? { notes: input.notes } : {}),
      ...(person !== undefined ? { person: JSON.stringify(person) } : {}),
      ...(organization !== undefined ? { organization: JSON.stringify(organization) } : {}),
      ...(custom !== undefined ? { custom } : {}),
      ...(input.nextFollowUpOn !== undefined ? { next_followup_on: input.nextFollowUpOn } : {}),
    };
    Object.assign(changes, withCanonicalRegion(row, changes)); // one spelling of a municipality
    const next = { ...row, ...changes };
    const diff = diffRecords(recordView(row), recordView(next), historyFields);
    if (diff.length === 0) return; // nothing changed: no new version, no history entry
    // An owner move is an assignment: recorded and notified the same way as a transfer.
    const edits = diff.filter((c) => c.field !== 'ownerId');
    const moves = diff.filter((c) => c.field === 'ownerId');
    const timeline: TimelineNote[] = [
      ...(edits.length > 0 ? [{ action: 'update' as const, label: next.name, changes: edits }] : []),
      ...(moves.length > 0 ? [{ action: 'assign' as const, label: next.name, changes: moves }] : []),
    ];
    if (!(await writeCustomers(trx, ctx, [{ row, values: changes, timeline }], { actorId: actor.userId, at: now })).has(id)) {
      // Read again: the conflict shows what the other writer committed, not what this one read.
      throw conflict((await present(ctx, actor, [await findVisible(trx, actor, id)], trx))[0]);
    }
    if (moves.length > 0 && next.owner_id !== null && next.owner_id !== actor.userId) {
      await notify(trx, { userId: next.owner_id, kind: 'customer_assigned', params: { actor: actor.name, customer: next.name }, entityType: 'customer', entityId: id, at: now });
    }
  });
  return getCustomer(ctx, actor, id);
}

export async function deleteCustomer(ctx: AppContext, actor: Actor, id: number): Promise<void> {
  authorize(actor, 'customers.delete');
  // The same path as a bulk delete: locked, scope-checked (404), recycled with its deals.
  await ctx.db.transaction().execute((trx) => recycleCustomers(trx, ctx, actor, [id]));
}

export async function getCustomerHistory(ctx: AppContext, actor: Actor, id: number, page: z.output<typeof historyQuery>): Promise<ListResponse<HistoryEntry>> {
  authorize(actor, 'customers.view');
  await findReadable(ctx.db, actor, id);
  const viewSensitive = can(actor, 'customers.view_sensitive');
  return customerHistory(ctx.db, id, page, (c) => maskChange(c, viewSensitive));
}

