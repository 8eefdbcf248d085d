import type { Contact, contactCreate, contactListQuery, contactUpdate, ListResponse, RecycleBinItem } from '@crm/contracts';
import type { z } from 'zod';
import { authorize, type Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import { AppError, conflict, notFound } from '../../platform/errors.js';
import { activeCustomKeys, checkCustomValues, customFiltersOf, visibleCustomValues } from '../custom-fields/index.js';
import { findVisible as findVisibleCustomer, isCustomerLive, lockCustomers, refreshCustomers } from '../customers/index.js';
import { diffRecords, recordChange } from '../history/index.js';
import { userNames } from '../users/index.js';
import { bulkCreateContacts } from './contacts.bulk.js';
import * as repo from './contacts.repository.js';
import { contactEditScope, contactReadScope } from './contacts.scope.js';

type Db = AppContext['db'];
type Row = repo.ContactRow & { customer_name: string };

/** `customKeys`: the active custom fields (what records show); without it every stored value (history diffs). */
function present(row: Row, customKeys?: ReadonlySet<string>): Contact {
  return {
    id: row.id,
    customerId: row.customer_id,
    customerName: row.customer_name,
    name: row.name,
    title: row.title,
    department: row.department,
    mobile: row.mobile,
    phone: row.phone,
    email: row.email,
    wechat: row.wechat,
    birthday: row.birthday,
    isPrimary: row.is_primary === 1,
    notes: row.notes,
    custom: customKeys ? visibleCustomValues(row.custom, customKeys) : (JSON.parse(row.custom) as Record<string, unknown>),
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    createdBy: row.created_by,
    updatedBy: row.updated_by,
  };
}

const historyFields = ['name', 'title', 'department', 'mobile', 'phone', 'email', 'wechat', 'birthday', 'isPrimary', 'notes', 'custom'] as const;

/** Refresh what the customer record keeps about its contacts (count, searchable names and numbers). */
async function refreshCustomer(db: Db, ctx: AppContext, customerId: number): Promise<void> {
  await refreshCustomers(db, ctx, [customerId]);
}

/** A merge: every contact of the merged customers moves to the survivor (inside the caller's transaction). */
export async function moveContacts(db: Db, ctx: AppContext, fromIds: number[], toId: number): Promise<void> {
  await repo.moveToCustomer(db, fromIds, toId);
  for (const id of [...fromIds, toId]) await refreshCustomer(db, ctx, id);
}

export async function listContacts(ctx: AppContext, actor: Actor, query: z.output<typeof contactListQuery>): Promise<ListResponse<Contact>> {
  authorize(actor, 'contacts.view');
  const desc = query.sort.startsWith('-');
  const key = query.sort.replace(/^-/, '') as 'name' | 'updatedAt';
  const custom = { engine: ctx.engine, filters: await customFiltersOf(ctx.db, 'contact', query) };
  const { rows, total } = await repo.list(ctx.db, { scope: contactReadScope(actor), customerId: query.customerId, ownerId: query.ownerId, q: query.q, custom }, { key, desc }, query.pageSize, (query.page - 1) * query.pageSize);
  const customKeys = await activeCustomKeys(ctx.db, 'contact');
  return { items: rows.map((row) => present(row, customKeys)), total, page: query.page, pageSize: query.pageSize };
}

/** A live contact the actor may change (of a customer they may change, see customerEditScope), or NOT_FOUND. */
export async function findVisible(db: Db, actor: Actor, id: number): Promise<Row> {
  const row = await repo.findVisible(db, id, contactEditScope(actor));
  if (!row) throw notFound();
  return row;
}

/** A live contact the actor may read (see contactReadScope), or NOT_FOUND. */
export async function findReadable(db: Db, actor: Actor, id: number): Promise<Row> {
  const row = await repo.findVisible(db, id, contactReadScope(actor));
  if (!row) throw notFound();
  return row;
}

export async function getContact(ctx: AppContext, actor: Actor, id: number): Promise<Contact> {
  authorize(actor, 'contacts.view');
  return present(await findReadable(ctx.db, actor, id), await activeCustomKeys(ctx.db, 'contact'));
}

export async function createContact(ctx: AppContext, actor: Actor, input: z.output<typeof contactCreate>): Promise<Contact> {
  authorize(actor, 'contacts.create');
  const now = ctx.clock.now().toISOString();
  const custom = await checkCustomValues(ctx.db, 'contact', input.custom, null);
  const id = await ctx.db.transaction().execute(async (trx) => {
    // A merge of the customer at the same time either runs first (then it is gone) or moves this contact too.
    await lockCustomers(trx, ctx.engine, [input.customerId]);
    let customer;
    try {
      customer = await findVisibleCustomer(trx, actor, input.customerId);
    } catch {
      throw new AppError('VALIDATION_FAILED', 'validationFailed', [{ path: 'customerId', message: 'unknownCustomer' }]);
    }
    if (customer.kind !== 'organization') {
      throw new AppError('VALIDATION_FAILED', 'validationFailed', [{ path: 'customerId', message: 'contactNeedsOrganization' }]);
    }
    // The same path as an import's rows: primary flag, the customer's summary and duplicate keys, timeline.
    const [id] = await bulkCreateContacts(trx, ctx, [{ input, custom }], { actorId: actor.userId, at: now, action: 'create' });
    if (id === undefined) throw new Error('contact not created');
    return id;
  });
  return getContact(ctx, actor, id);
}

export async function updateContact(ctx: AppContext, actor: Actor, id: number, input: z.output<typeof contactUpdate>): Promise<Contact> {
  authorize(actor, 'contacts.edit');
  const now = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    const row = await findVisible(trx, actor, id);
    if (row.version !== input.version) throw conflict(present(row));
    const custom = await checkCustomValues(trx, 'contact', input.custom, row.custom);
    const changes: Partial<repo.ContactRow> = {
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.title !== undefined ? { title: input.title } : {}),
      ...(input.department !== undefined ? { department: input.department } : {}),
      ...(input.mobile !== undefined ? { mobile: input.mobile } : {}),
      ...(input.phone !== undefined ? { phone: input.phone } : {}),
      ...(input.email !== undefined ? { email: input.email } : {}),
      ...(input.wechat !== undefined ? { wechat: input.wechat } : {}),
      ...(input.birthday !== undefined ? { birthday: input.birthday } : {}),
      ...(input.isPrimary !== undefined ? { is_primary: input.isPrimary ? 1 : 0 } : {}),
      ...(input.notes !== undefined ? { notes: input.notes } : {}),
      ...(custom !== undefined ? { custom } : {}),
    };
    const diff = diffRecords(present(row), present({ ...row, ...changes }), historyFields);
    if (diff.length === 0) return;
    // Read again: the conflict shows what the other writer committed, not what this one read.
    if (!(await repo.update(trx, id, input.version, { ...changes, updated_at: now, updated_by: actor.userId }))) throw conflict(present(await findVisible(trx, actor, id)));
    if (input.isPrimary) await repo.clearPrimary(trx, row.customer_id, id);
    await refreshCustomer(trx, ctx, row.customer_id);
    await recordChange(trx, { entityType: 'contact', entityId: id, customerId: row.customer_id, action: 'update', actorId: actor.userId, at: now, label: changes.name ?? row.name, changes: diff });
  });
  return getContact(ctx, actor, id);
}

export async function deleteContact(ctx: AppContext, actor: Actor, id: number): Promise<void> {
  authorize(actor, 'contacts.delete');
  const now = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    const row = await findVisible(trx, actor, id);
    await repo.setFields(trx, id, { deleted_at: now, deleted_by: actor.userId, updated_at: now, updated_by: actor.userId });
    await refreshCustomer(trx, ctx, row.customer_id);
    await recordChange(trx, { entityType: 'contact', entityId: id, customerId: row.customer_id, action: 'delete', actorId: actor.userId, at: now, label: row.name });
  });
}

export async function listDeletedContacts(ctx: AppContext, actor: Actor, query: { q?: string; page: number; pageSize: number }): Promise<ListResponse<RecycleBinItem>> {
  authorize(actor, 'recycle_bin.view');
  const { rows, total } = await repo.listDeleted(ctx.db, query.q, query.pageSize, (query.page - 1) * query.pageSize);
  const names = await userNames(ctx, rows.map((r) => r.deleted_by));
  return {
    items: rows.map((r) => ({
      type: 'contact' as const,
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

export async function restoreContact(ctx: AppContext, actor: Actor, id: number): Promise<void> {
  authorize(actor, 'recycle_bin.restore');
  const row = await repo.findDeleted(ctx.db, id);
  if (!row) throw notFound();
  if (!(await isCustomerLive(ctx, row.customer_id))) throw new AppError('CONFLICT', 'parentDeleted');
  const now = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await repo.setFields(trx, id, { deleted_at: null, deleted_by: null, updated_at: now, updated_by: actor.userId, version: row.version + 1 });
    await refreshCustomer(trx, ctx, row.customer_id);
    await recordChange(trx, { entityType: 'contact', entityId: id, customerId: row.customer_id, action: 'restore', actorId: actor.userId, at: now, label: row.name });
  });
}

export async function purgeContact(ctx: AppContext, actor: Actor, id: number): Promise<void> {
  authorize(actor, 'recycle_bin.purge');
  const row = await repo.findDeleted(ctx.db, id);
  if (!row) throw notFound();
  await ctx.db.transaction().execute(async (trx) => {
    await repo.purge(trx, id);
  });
}
