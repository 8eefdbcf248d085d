import {
  contactGuardSettingsValue,
  type ContactGuard,
  type ContactGuardSettings,
  type FollowUpKind,
  type FollowUpRecord,
  type ListResponse,
  type contactGuardSettingsUpdate,
  type followUpListQuery,
  type followUpRecordCreate,
  type followUpRecordUpdate,
} from '@crm/contracts';
import type { Transaction } from 'kysely';
import type { z } from 'zod';
import { authorize, can, type Actor } from '../../platform/auth/actor.js';
import { ownerScope } from '../../platform/auth/scope.js';
import { companyTimeZone, localDate, startOfLocalDay } from '../../platform/company.js';
import type { AppContext } from '../../platform/context.js';
import type { DB } from '../../platform/db/schema.js';
import { AppError, conflict, notFound, type ErrorDetail } from '../../platform/errors.js';
import { t, type MessageKey } from '../../platform/i18n.js';
import { readSetting, writeSetting } from '../../platform/settings.js';
import { liveContactsOf } from '../contacts/index.js';
import { findVisibleContract } from '../contracts/index.js';
import { findReadable, touchCustomer } from '../customers/index.js';
import { recordChange } from '../history/index.js';
import { findVisibleDeal } from '../opportunities/index.js';
import { isUserInScope, userNames } from '../users/index.js';
import * as repo from './activities.repository.js';
import { refreshNextFollowUp } from './activities.next-follow-up.js';
import { mentionTargets, notifyMentions } from './mentions.js';
import { checkInColumns, checkInProblemsOnCreate, checkInProblemsOnUpdate, noCheckIn, presentCheckIn } from './visit-check-in.js';

type Db = AppContext['db'];
const guardKey = 'contact_guard';
const dayMs = 24 * 60 * 60 * 1000;

function fail(details: ErrorDetail[]): void {
  if (details.length > 0) throw new AppError('VALIDATION_FAILED', 'validationFailed', details);
}
const problem = (path: string, message: MessageKey): ErrorDetail => ({ path, message });

/** Whether the actor may change or delete a follow-up: its author, or one whose data scope covers the author. */
async function mayTouch(ctx: AppContext, actor: Actor, authorId: number): Promise<boolean> {
  if (authorId === actor.userId) return true;
  return actor.dataScope !== 'own' && (await isUserInScope(ctx, actor, authorId));
}

async function present(ctx: AppContext, actor: Actor, rows: repo.FollowUpView[], db: Db = ctx.db): Promise<FollowUpRecord[]> {
  const [names, contacts] = await Promise.all([userNames(ctx, rows.map((r) => r.author_id), db), repo.contactsOf(db, rows.map((r) => r.id))]);
  // One scope check per author, not per row.
  const touchable = new Map<number, boolean>();
  for (const authorId of new Set(rows.map((r) => r.author_id))) touchable.set(authorId, await mayTouch(ctx, actor, authorId));
  const out: FollowUpRecord[] = [];
  for (const r of rows) {
    const touch = touchable.get(r.author_id) ?? false;
    out.push({
      id: r.id,
      version: r.version,
      customerId: r.customer_id,
      customerName: r.customer_name ?? '',
      kind: r.kind as FollowUpKind,
      occurredAt: r.occurred_at,
      durationMinutes: r.duration_minutes,
      contacts: contacts.get(r.id) ?? [],
      opportunityId: r.opportunity_id,
      opportunityName: r.opportunity_name,
      contractId: r.contract_id,
      contractNumber: r.contract_number,
      content: r.content,
      outcome: r.outcome,
      nextOn: r.next_on,
      nextAction: r.next_action,
      taskId: r.task_id,
      checkIn: presentCheckIn(r),
      authorId: r.author_id,
      authorName: names.get(r.author_id) ?? null,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
      can: { edit: touch && can(actor, 'followups.edit'), delete: touch && can(actor, 'followups.delete') },
    });
  }
  return out;
}

/** The contacts must be live contacts of the customer; the deal and contract the customer's and visible. */
async function checkLinks(db: Db, actor: Actor, customerId: number, input: { contactIds?: number[]; opportunityId?: number | null; contractId?: number | null }): Promise<ErrorDetail[]> {
  const details: ErrorDetail[] = [];
  if (input.contactIds && input.contactIds.length > 0) {
    const own = new Set((await liveContactsOf(db, [customerId])).map((c) => c.id));
    input.contactIds.forEach((contactId, i) => {
      if (!own.has(contactId)) details.push(problem(`contactIds.${i}`, 'followUpContactNotOfCustomer'));
    });
  }
  if (input.opportunityId != null) {
    const deal = await findVisibleDeal(db, actor, input.opportunityId);
    if (!deal || deal.customerId !== customerId) details.push(problem('opportunityId', 'followUpDealNotOfCustomer'));
  }
  if (input.contractId != null) {
    const contract = await findVisibleContract(db, actor, input.contractId).catch(() => null);
    if (!contract || contract.customer_id !== customerId) details.push(problem('contractId', 'followUpContractNotOfCustomer'));
  }
  return details;
}

export async function today(ctx: AppContext, db: Db = ctx.db): Promise<string> {
  return localDate(ctx.clock.now(), await companyTimeZone(db));
}

/**
 * Record a follow-up on a customer the actor may read; users it mentions (@name) who may see the
 * customer are notified. `within` runs in the same transaction with the new follow-up's id (an
 * email to the customer is queued there).
 */
export async function createFollowUp(
  ctx: AppContext,
  actor: Actor,
  input: z.output<typeof followUpRecordCreate>,
  within?: (trx: Transaction<DB>, followUpId: number) => Promise<void>,
): Promise<FollowUpRecord> {
  authorize(actor, 'followups.create');
  const customer = await findReadable(ctx.db, actor, input.customerId);
  const now = ctx.clock.now();
  const occurredAt = input.occurredAt ?? now.toISOString();
  const details: ErrorDetail[] = [];
  // A minute of leeway for the caller's clock.
  if (Date.parse(occurredAt) > now.getTime() + 60_000) details.push(problem('occurredAt', 'followUpInFuture'));
  const nextOn = input.nextOn ?? null;
  const nextAction = input.nextAction ?? null;
  if (nextAction !== null && nextOn === null) details.push(problem('nextOn', 'followUpNextNeedsDate'));
  if (nextOn !== null && nextOn < (await today(ctx))) details.push(problem('nextOn', 'followUpNextInPast'));
  details.push(...checkInProblemsOnCreate(input.kind, input.checkIn));
  details.push(...(await checkLinks(ctx.db, actor, customer.id, input)));
  fail(details);
  const at = now.toISOString();
  const contactIds = [...new Set(input.contactIds ?? [])];
  const mentioned = await mentionTargets(ctx, actor, customer.id, input.content);
  const id = await ctx.db.transaction().execute(async (trx) => {
    const followUpId = await repo.insertFollowUp(trx, {
      customer_id: customer.id, author_id: actor.userId, kind: input.kind, occurred_at: occurredAt, duration_minutes: input.durationMinutes ?? null,
      opportunity_id: input.opportunityId ?? null, contract_id: input.contractId ?? null, content: input.content, outcome: input.outcome ?? null,
      next_on: nextOn, next_action: nextAction, task_id: null, ...checkInColumns(input.checkIn, at), version: 1, created_at: at, updated_at: at, created_by: actor.userId, updated_by: actor.userId,
    });
    await repo.replaceContacts(trx, followUpId, contactIds);
    if (nextOn !== null) {
      const taskId = await repo.insertTask(trx, {
        title: nextAction ?? t(actor.locale, 'followUpNextTask', { customer: customer.name }), due_on: nextOn, due_time: null, priority: 'normal', status: 'open',
        assignee_id: actor.userId, customer_id: customer.id, opportunity_id: input.opportunityId ?? null, contract_id: input.contractId ?? null, follow_up_id: followUpId,
        notes: null, recurrence: null, recurrence_anchor: null, previous_id: null, done_at: null, version: 1, created_at: at, updated_at: at, created_by: actor.userId, updated_by: actor.userId,
      });
      await trx.updateTable('follow_ups').set({ task_id: taskId }).where('id', '=', followUpId).execute();
    }
    // The customer's follow-up clock (the pool rule) moves to this one if it is the latest, and its next step with it.
    await touchCustomer(trx, customer.id, { followUpAt: occurredAt, nextFollowUpOn: nextOn });
    await recordChange(trx, {
      entityType: 'customer', entityId: customer.id, customerId: customer.id, action: 'follow_up', actorId: actor.userId, at, label: customer.name,
      changes: [{ field: 'kind', old: null, new: input.kind }, { field: 'note', old: null, new: input.content }, { field: 'at', old: null, new: occurredAt }],
    });
    await notifyMentions(trx, mentioned, { actor, customerId: customer.id, customerName: customer.name, text: input.content, at });
    if (within) await within(trx, followUpId);
    return followUpId;
  });
  return getFollowUp(ctx, actor, id);
}

async function visibleFollowUp(ctx: AppContext, actor: Actor, id: number, db: Db = ctx.db): Promise<repo.FollowUpView> {
  const row = await repo.findFollowUp(db, id);
  if (!row) throw notFound();
  // Seen through its customer: the shared memory of a customer one may read.
  await findReadable(db, actor, row.customer_id);
  return row;
}

export async function getFollowUp(ctx: AppContext, actor: Actor, id: number): Promise<FollowUpRecord> {
  authorize(actor, 'followups.view');
  const [one] = await present(ctx, actor, [await visibleFollowUp(ctx, actor, id)]);
  if (!one) throw notFound();
  return one;
}

export async function updateFollowUp(ctx: AppContext, actor: Actor, id: number, input: z.output<typeof followUpRecordUpdate>): Promise<FollowUpRecord> {
  authorize(actor, 'followups.edit');
  const row = await visibleFollowUp(ctx, actor, id);
  if (!(await mayTouch(ctx, actor, row.author_id))) throw new AppError('FORBIDDEN', 'forbidden');
  const details: ErrorDetail[] = [];
  if (input.occurredAt !== undefined && Date.parse(input.occurredAt) > ctx.clock.now().getTime() + 60_000) details.push(problem('occurredAt', 'followUpInFuture'));
  details.push(...checkInProblemsOnUpdate(row, input));
  details.push(...(await checkLinks(ctx.db, actor, row.customer_id, { contactIds: input.contactIds })));
  fail(details);
  const at = ctx.clock.now().toISOString();
  // Only users the change newly mentions are told.
  const mentioned = input.content !== undefined ? await mentionTargets(ctx, actor, row.customer_id, input.content, row.content) : [];
  await ctx.db.transaction().execute(async (trx) => {
    const values = {
      ...(input.kind !== undefined ? { kind: input.kind } : {}),
      ...(input.occurredAt !== undefined ? { occurred_at: input.occurredAt } : {}),
      ...(input.durationMinutes !== undefined ? { duration_minutes: input.durationMinutes } : {}),
      ...(input.content !== undefined ? { content: input.content } : {}),
      ...(input.outcome !== undefined ? { outcome: input.outcome } : {}),
      // A check-in can only be removed.
      ...(input.checkIn === null ? noCheckIn : {}),
      updated_at: at,
      updated_by: actor.userId,
    };
    if (!(await repo.updateFollowUp(trx, id, input.version, values))) throw conflict((await present(ctx, actor, [await visibleFollowUp(ctx, actor, id, trx)], trx))[0]);
    if (input.contactIds !== undefined) await repo.replaceContacts(trx, id, [...new Set(input.contactIds)]);
    if (input.occurredAt !== undefined) {
      await touchCustomer(trx, row.customer_id, { followUpAt: input.occurredAt, nextFollowUpOn: row.next_on });
      await refreshNextFollowUp(trx, row.customer_id, { engine: ctx.engine });
    }
    if (input.content !== undefined) await notifyMentions(trx, mentioned, { actor, customerId: row.customer_id, customerName: row.customer_name ?? '', text: input.content, at });
  });
  return getFollowUp(ctx, actor, id);
}

export async function deleteFollowUp(ctx: AppContext, actor: Actor, id: number): Promise<void> {
  authorize(actor, 'followups.delete');
  const row = await visibleFollowUp(ctx, actor, id);
  if (!(await mayTouch(ctx, actor, row.author_id))) throw new AppError('FORBIDDEN', 'forbidden');
  await ctx.db.transaction().execute(async (trx) => {
    await repo.deleteFollowUp(trx, id);
    await refreshNextFollowUp(trx, row.customer_id, { engine: ctx.engine });
  });
}

export async function customerFollowUps(ctx: AppContext, actor: Actor, customerId: number, page: { page: number; pageSize: number }): Promise<ListResponse<FollowUpRecord>> {
  authorize(actor, 'followups.view');
  await findReadable(ctx.db, actor, customerId);
  const { rows, total } = await repo.listFollowUps(ctx.db, { customerId }, page.pageSize, (page.page - 1) * page.pageSize);
  return { items: await present(ctx, actor, rows), total, page: page.page, pageSize: page.pageSize };
}

export async function listFollowUps(ctx: AppContext, actor: Actor, query: z.output<typeof followUpListQuery>): Promise<ListResponse<FollowUpRecord>> {
  authorize(actor, 'followups.view');
  const zone = await companyTimeZone(ctx.db);
  const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + dayMs).toISOString().slice(0, 10);
  const filter: repo.FollowUpFilter = {
    scope: ownerScope(actor, 'followups'),
    customerId: query.customerId,
    authorId: query.authorId,
    kind: query.kind,
    fromIso: query.from ? startOfLocalDay(query.from, zone).toISOString() : undefined,
    toIso: query.to ? startOfLocalDay(nextDay(query.to), zone).toISOString() : undefined,
  };
  const { rows, total } = await repo.listFollowUps(ctx.db, filter, query.pageSize, (query.page - 1) * query.pageSize);
  return { items: await present(ctx, actor, rows), total, page: query.page, pageSize: query.pageSize };
}

export async function readGuardDays(db: Db): Promise<number> {
  return (await readSetting(db, guardKey, contactGuardSettingsValue)).value.days;
}

/** Other users who followed up this customer within the guard's days, latest first, once each. */
export async function contactGuard(ctx: AppContext, actor: Actor, customerId: number): Promise<ContactGuard> {
  authorize(actor, 'followups.view');
  await findReadable(ctx.db, actor, customerId);
  const days = await readGuardDays(ctx.db);
  if (days === 0) return { days, recent: [] };
  const since = new Date(ctx.clock.now().getTime() - days * dayMs).toISOString();
  const rows = await repo.recentOthers(ctx.db, customerId, actor.userId, since);
  const names = await userNames(ctx, rows.map((r) => r.author_id));
  return { days, recent: rows.map((r) => ({ userId: r.author_id, userName: names.get(r.author_id) ?? null, at: r.occurred_at, kind: r.kind as FollowUpKind })) };
}

async function guardState(db: Db): Promise<ContactGuardSettings> {
  const { value, version } = await readSetting(db, guardKey, contactGuardSettingsValue);
  return { days: value.days, version };
}

export async function getContactGuardSettings(ctx: AppContext, _actor: Actor): Promise<ContactGuardSettings> {
  return guardState(ctx.db);
}

export async function updateContactGuardSettings(ctx: AppContext, actor: Actor, input: z.output<typeof contactGuardSettingsUpdate>): Promise<ContactGuardSettings> {
  authorize(actor, 'settings.edit');
  const written = await writeSetting(ctx.db, guardKey, { days: input.days }, input.version, { userId: actor.userId, at: ctx.clock.now().toISOString() });
  if (!written) throw conflict(await guardState(ctx.db));
  return guardState(ctx.db);
}
