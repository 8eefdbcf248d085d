import crypto from 'node:crypto';
import type { Readable } from 'node:stream';
import {
  attachmentSettingsValue,
  type Attachment,
  type AttachmentSettings,
  type attachmentSettingsUpdate,
  type ListResponse,
  type Locale,
} from '@crm/contracts';
import type { FastifyReply } from 'fastify';
import type { z } from 'zod';
import { authorize, can, type Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import { AppError, conflict, forbidden, notFound } from '../../platform/errors.js';
import { t, type MessageKey } from '../../platform/i18n.js';
import { readSetting, writeSetting } from '../../platform/settings.js';
import { findReadableContact, findVisibleContact } from '../contacts/index.js';
import { findVisibleContract } from '../contracts/index.js';
import { customerScope, findCustomerRow, findReadable as findReadableCustomer, findVisible as findVisibleCustomer, lockCustomers } from '../customers/index.js';
import { recordChange } from '../history/index.js';
import { userNames } from '../users/index.js';
import { checkContent, contentDisposition, extensionOf } from './attachments.content.js';
import * as repo from './attachments.repository.js';

type Db = AppContext['db'];
const settingKey = 'attachments';

/** Where a file is kept in the storage (in the data folder: `attachments/<yyyy>/<mm>/<random>`). */
function storedAt(storageKey: string): string {
  return `attachments/${storageKey}`;
}

async function present(ctx: AppContext, actor: Actor, rows: repo.ListedRow[]): Promise<Attachment[]> {
  const names = await userNames(ctx, rows.map((r) => r.created_by));
  return rows.map((r) => ({
    id: r.id,
    customerId: r.customer_id,
    contactId: r.contact_id,
    contactName: r.contact_name,
    contractId: r.contract_id,
    fileName: r.file_name,
    mime: r.mime,
    size: Number(r.size),
    sha256: r.sha256,
    createdAt: r.created_at,
    createdBy: r.created_by,
    createdByName: r.created_by !== null ? (names.get(r.created_by) ?? null) : null,
    can: { delete: can(actor, editRightOf(r)) },
  }));
}

/** Every signed-in user may read the limits, to check a file before sending it. */
export async function getAttachmentSettings(ctx: AppContext, _actor: Actor): Promise<AttachmentSettings> {
  const { value, version } = await readSetting(ctx.db, settingKey, attachmentSettingsValue);
  return { ...value, version };
}

export async function updateAttachmentSettings(ctx: AppContext, actor: Actor, input: z.output<typeof attachmentSettingsUpdate>): Promise<AttachmentSettings> {
  authorize(actor, 'settings.edit');
  const value = { maxSizeMb: input.maxSizeMb, allowedExtensions: [...new Set(input.allowedExtensions)] };
  const written = await writeSetting(ctx.db, settingKey, value, input.version, { userId: actor.userId, at: ctx.clock.now().toISOString() });
  if (!written) {
    const { value: current, version } = await readSetting(ctx.db, settingKey, attachmentSettingsValue);
    throw conflict({ ...current, version });
  }
  return getAttachmentSettings(ctx, actor);
}

/** The right that changes a file's record: its customer's, contact's or contract's edit right. */
function editRightOf(row: { contact_id: number | null; contract_id: number | null }): 'customers.edit' | 'contacts.edit' | 'contracts.edit' {
  if (row.contract_id !== null) return 'contracts.edit';
  return row.contact_id === null ? 'customers.edit' : 'contacts.edit';
}

/**
 * Where a file goes: a customer's own, one of its contacts', or a contract's (the signed scan,
 * kept under the contract's customer). The record must be visible and editable.
 */
type Target = { customerId: number } | { contactId: number } | { contractId: number };

function rightFor(target: Target): 'customers.edit' | 'contacts.edit' | 'contracts.edit' {
  if ('contractId' in target) return 'contracts.edit';
  return 'contactId' in target ? 'contacts.edit' : 'customers.edit';
}

async function resolveTarget(db: Db, actor: Actor, target: Target): Promise<{ customerId: number; contactId: number | null; contractId: number | null; label: string | null }> {
  if ('contactId' in target) {
    const contact = await findVisibleContact(db, actor, target.contactId);
    return { customerId: contact.customer_id, contactId: contact.id, contractId: null, label: contact.name };
  }
  if ('contractId' in target) {
    const contract = await findVisibleContract(db, actor, target.contractId);
    return { customerId: contract.customer_id, contactId: null, contractId: contract.id, label: contract.number };
  }
  const customer = await findVisibleCustomer(db, actor, target.customerId);
  return { customerId: customer.id, contactId: null, contractId: null, label: null };
}

/**
 * The target inside the upload's transaction, its customer locked: a merge of that customer at the
 * same time either ran first (the customer is gone, or the contact moved to the survivor) or waits
 * and moves this file too.
 */
async function lockedTarget(db: Db, engine: AppContext['engine'], actor: Actor, target: Target): ReturnType<typeof resolveTarget> {
  await lockCustomers(db, engine, [(await resolveTarget(db, actor, target)).customerId]);
  return resolveTarget(db, actor, target);
}

function refuse(code: 'VALIDATION_FAILED' | 'PAYLOAD_TOO_LARGE', path: string, key: MessageKey, params: Record<string, string | number>, locale: Locale): AppError {
  // The top message says exactly what is wrong (an upload has no form to mark); the detail repeats it.
  return new AppError(code, key, [{ path, message: t(locale, key, params) }], undefined, params);
}

function hasControlOrSlash(name: string): boolean {
  return Array.from(name).some((ch) => ch === '/' || ch === '\\' || ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f);
}

/** Check and store an uploaded file, then record it (timeline 'attach'); the file is removed if the record cannot be written. */
export async function uploadAttachment(ctx: AppContext, actor: Actor, target: Target, fileName: string, file: Buffer, locale: Locale): Promise<Attachment> {
  authorize(actor, rightFor(target));
  await resolveTarget(ctx.db, actor, target);
  const name = fileName.trim();
  if (hasControlOrSlash(name) || name === '.' || name === '..') throw refuse('VALIDATION_FAILED', 'fileName', 'attachmentFileName', {}, locale);
  const { value: settings } = await readSetting(ctx.db, settingKey, attachmentSettingsValue);
  const allowed = settings.allowedExtensions.join(', ');
  const ext = extensionOf(name);
  if (!ext) throw refuse('VALIDATION_FAILED', 'fileName', 'attachmentNoExtension', { allowed }, locale);
  if (!settings.allowedExtensions.includes(ext)) throw refuse('VALIDATION_FAILED', 'fileName', 'attachmentExtension', { ext, allowed }, locale);
  if (file.length === 0) throw refuse('VALIDATION_FAILED', 'file', 'attachmentEmpty', {}, locale);
  if (file.length > settings.maxSizeMb * 1024 * 1024) {
    throw refuse('PAYLOAD_TOO_LARGE', 'file', 'attachmentTooLarge', { size: (file.length / 1024 / 1024).toFixed(1), max: settings.maxSizeMb }, locale);
  }
  const content = checkContent(ext, file);
  if (!content.ok) throw refuse('VALIDATION_FAILED', 'file', 'attachmentContentMismatch', { ext }, locale);

  const now = ctx.clock.now();
  const at = now.toISOString();
  const storageKey = `${now.getUTCFullYear()}/${String(now.getUTCMonth() + 1).padStart(2, '0')}/${crypto.randomBytes(16).toString('hex')}`;
  await ctx.storage.put(storedAt(storageKey), file);
  try {
    const { id, contactName } = await ctx.db.transaction().execute(async (trx) => {
      const owner = await lockedTarget(trx, ctx.engine, actor, target);
      const id = await repo.insert(trx, {
        customer_id: owner.customerId,
        contact_id: owner.contactId,
        contract_id: owner.contractId,
        file_name: name,
        mime: content.mime,
        size: file.length,
        sha256: crypto.createHash('sha256').update(file).digest('hex'),
        storage_key: storageKey,
        created_by: actor.userId,
        created_at: at,
        deleted_at: null,
        deleted_by: null,
      });
      await recordChange(trx, {
        // A contract's file is on the contract's history (and its customer's timeline).
        entityType: owner.contractId !== null ? 'contract' : 'attachment',
        entityId: owner.contractId ?? id,
        customerId: owner.customerId,
        action: 'attach',
        actorId: actor.userId,
        at,
        // A contract's entry is labelled with the contract (its number); a customer's with the file.
        label: owner.contractId !== null ? owner.label : name,
        changes: [{ field: 'fileName', old: null, new: name }, ...(owner.contactId !== null ? [{ field: 'contact', old: null, new: owner.label }] : [])],
      });
      return { id, contactName: owner.contactId !== null ? owner.label : null };
    });
    const row = await repo.findLive(ctx.db, id);
    if (!row) throw notFound();
    const [presented] = await present(ctx, actor, [{ ...row, contact_name: contactName }]);
    if (!presented) throw notFound();
    return presented;
  } catch (error) {
    // The upload's own error is the answer; a file left over after a failed delete is only unused.
    await ctx.storage.delete(storedAt(storageKey)).catch(() => undefined);
    throw error;
  }
}

/**
 * Files of a customer (its contacts' too, for users who may view contacts and see the customer in
 * their scope, not only through a deal), newest first.
 */
export async function listCustomerAttachments(ctx: AppContext, actor: Actor, customerId: number, page: { page: number; pageSize: number }): Promise<ListResponse<Attachment>> {
  authorize(actor, 'customers.view');
  await findReadableCustomer(ctx.db, actor, customerId);
  const withContacts = can(actor, 'contacts.view') && (await findCustomerRow(ctx.db, customerId, customerScope(actor))) !== undefined;
  const { rows, total } = await repo.list(ctx.db, { customerId, withContacts }, page.pageSize, (page.page - 1) * page.pageSize);
  return { items: await present(ctx, actor, rows), total, page: page.page, pageSize: page.pageSize };
}

/** Files of a contract (the signed scan...), newest first. */
export async function listContractAttachments(ctx: AppContext, actor: Actor, contractId: number, page: { page: number; pageSize: number }): Promise<ListResponse<Attachment>> {
  authorize(actor, 'contracts.view');
  await findVisibleContract(ctx.db, actor, contractId);
  const { rows, total } = await repo.list(ctx.db, { contractId }, page.pageSize, (page.page - 1) * page.pageSize);
  return { items: await present(ctx, actor, rows), total, page: page.page, pageSize: page.pageSize };
}

export async function listContactAttachments(ctx: AppContext, actor: Actor, contactId: number, page: { page: number; pageSize: number }): Promise<ListResponse<Attachment>> {
  authorize(actor, 'contacts.view');
  await findReadableContact(ctx.db, actor, contactId);
  const { rows, total } = await repo.list(ctx.db, { contactId }, page.pageSize, (page.page - 1) * page.pageSize);
  return { items: await present(ctx, actor, rows), total, page: page.page, pageSize: page.pageSize };
}

/**
 * A live attachment whose record the actor may read, or change with `access: 'edit'`
 * (customers.view; contacts.view for a contact's file; contracts.view and the contract in scope
 * for a contract's file), else NOT_FOUND.
 */
async function findVisible(db: Db, actor: Actor, id: number, access: 'read' | 'edit' = 'read'): Promise<repo.AttachmentRow> {
  const row = await repo.findLive(db, id);
  if (!row) throw notFound();
  if (row.contract_id !== null) {
    if (!can(actor, access === 'edit' ? 'contracts.edit' : 'contracts.view')) throw notFound();
    const contract = await findVisibleContract(db, actor, row.contract_id);
    if (contract.customer_id !== row.customer_id) throw notFound();
  } else if (row.contact_id !== null) {
    if (!can(actor, 'contacts.view')) throw notFound();
    const contact = await (access === 'edit' ? findVisibleContact : findReadableContact)(db, actor, row.contact_id);
    if (contact.customer_id !== row.customer_id) throw notFound();
  } else {
    await (access === 'edit' ? findVisibleCustomer : findReadableCustomer)(db, actor, row.customer_id);
  }
  return row;
}

/** Stream a file as a download: never rendered inline, never sniffed. */
export async function downloadAttachment(ctx: AppContext, actor: Actor, id: number, reply: FastifyReply): Promise<Readable> {
  if (!can(actor, 'customers.view') && !can(actor, 'contracts.view')) throw forbidden();
  const row = await findVisible(ctx.db, actor, id);
  const file = await ctx.storage.get(storedAt(row.storage_key));
  if (!file) throw new AppError('NOT_FOUND', 'attachmentFileMissing');
  reply
    .header('content-type', row.mime)
    .header('content-length', file.size)
    .header('content-disposition', contentDisposition(row.file_name))
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "default-src 'none'; sandbox")
    .header('cache-control', 'private, no-store');
  return file.stream;
}

/** Soft delete (timeline 'detach'); needs the edit right of the file's record. */
export async function deleteAttachment(ctx: AppContext, actor: Actor, id: number): Promise<void> {
  if (!can(actor, 'customers.edit') && !can(actor, 'contacts.edit') && !can(actor, 'contracts.edit')) throw forbidden();
  const at = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    const row = await findVisible(trx, actor, id, 'edit');
    authorize(actor, editRightOf(row));
    if (!(await repo.softDelete(trx, id, at, actor.userId))) throw notFound();
    await recordChange(trx, {
      entityType: row.contract_id !== null ? 'contract' : 'attachment',
      entityId: row.contract_id ?? id,
      customerId: row.customer_id,
      action: 'detach',
      actorId: actor.userId,
      at,
      label: row.contract_id !== null ? await contractNumberOf(trx, actor, row.contract_id) : row.file_name,
      changes: [{ field: 'fileName', old: row.file_name, new: null }],
    });
  });
}

async function contractNumberOf(db: Db, actor: Actor, contractId: number): Promise<string> {
  return (await findVisibleContract(db, actor, contractId)).number;
}

/** A merge: files of the merged customers move to the survivor (inside the caller's transaction). */
export async function moveAttachments(db: Db, fromIds: number[], toId: number): Promise<void> {
  await repo.moveToCustomer(db, fromIds, toId);
}

/**
 * A purge from the recycle bin: the customer's file records go in the caller's transaction; the
 * returned function removes the stored files once it has committed.
 */
export async function purgeCustomerAttachments(ctx: AppContext, db: Db, customerId: number): Promise<() => Promise<void>> {
  const keys = await repo.storageKeysOf(db, customerId);
  await repo.deleteOfCustomer(db, customerId);
  return async () => {
    // The records are gone: a file the storage cannot remove now (unreachable) is left over, not an error of the purge.
    for (const key of keys) await ctx.storage.delete(storedAt(key)).catch((error: unknown) => console.warn(`attachment file ${key} was not removed:`, error));
  };
}

/** A contract erased for good from the recycle bin: its file records go in the caller's transaction, the stored files after it commits. */
export async function purgeContractAttachments(ctx: AppContext, db: Db, contractId: number): Promise<() => Promise<void>> {
  const keys = await repo.storageKeysOfContract(db, contractId);
  await repo.deleteOfContract(db, contractId);
  return async () => {
    for (const key of keys) await ctx.storage.delete(storedAt(key)).catch((error: unknown) => console.warn(`attachment file ${key} was not removed:`, error));
  };
}
