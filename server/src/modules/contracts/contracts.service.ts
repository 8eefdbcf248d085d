import {
  contractTransitions,
  dealContractStatuses,
  editableContractStatuses,
  type Contract,
  type ContractStatus,
  type FieldChange,
  type HistoryEntry,
  type ListResponse,
  type contractCreate,
  type contractListQuery,
  type contractStatusChange,
  type contractUpdate,
} from '@crm/contracts';
import type { z } from 'zod';
import { authorize, type Actor } from '../../platform/auth/actor.js';
import { ownerScope, type Scope } from '../../platform/auth/scope.js';
import { companyTimeZone, localDate } from '../../platform/company.js';
import type { AppContext } from '../../platform/context.js';
import { AppError, conflict, invalid, notFound } from '../../platform/errors.js';
import { normalizeForSearch } from '../../platform/search.js';
import { startApproval, withdrawApproval } from '../approvals/index.js';
import { liveContactsOf, readableContactIds } from '../contacts/index.js';
import { findVisible } from '../customers/index.js';
import { diffRecords, entityHistory, recordChange } from '../history/index.js';
import { findVisibleDeal } from '../opportunities/index.js';
import { priceLines, type PricedLine } from '../quotes/index.js';
import { userNames } from '../users/index.js';
import { refreshCustomerDeals } from './contracts.deals.js';
import { historyFields, historyView, presentContract } from './contracts.presenter.js';
import * as repo from './contracts.repository.js';
import { nextContractNumber } from './contracts.settings.js';
import { Problems } from './problems.js';

type Db = AppContext['db'];

/** The data scope of contracts: their owners, as for deals and quotes. */
export function contractScope(actor: Actor): Scope {
  return ownerScope(actor, 'contracts');
}

async function present(ctx: AppContext, actor: Actor, rows: repo.ContractView[], db: Db = ctx.db): Promise<Contract[]> {
  const names = await userNames(ctx, rows.map((r) => r.owner_id), db);
  return rows.map((r) => presentContract(r, actor, names));
}

export async function presentOne(ctx: AppContext, actor: Actor, row: repo.ContractView, db: Db = ctx.db): Promise<Contract> {
  const names = await userNames(ctx, [row.owner_id], db);
  return presentContract(row, actor, names, { lines: await repo.linesOf(db, row.id), contacts: await repo.contactsOf(db, row.id) });
}

export async function findVisibleContract(db: Db, actor: Actor, id: number): Promise<repo.ContractView> {
  const row = await repo.findById(db, id, contractScope(actor));
  if (!row) throw notFound();
  return row;
}

export async function today(ctx: AppContext, db: Db): Promise<string> {
  return localDate(ctx.clock.now(), await companyTimeZone(db));
}

export async function listContracts(ctx: AppContext, actor: Actor, query: z.output<typeof contractListQuery>): Promise<ListResponse<Contract>> {
  authorize(actor, 'contracts.view');
  const desc = query.sort.startsWith('-');
  const key = query.sort.replace(/^-/, '') as repo.SortKey;
  const filter: repo.ContractFilter = {
    scope: contractScope(actor), q: query.q, kind: query.kind, statuses: query.status, customerId: query.customerId,
    opportunityId: query.opportunityId, quoteId: query.quoteId, ownerId: query.ownerId, signedFrom: query.signedFrom, signedTo: query.signedTo,
  };
  if (query.endingWithin !== undefined) filter.ending = endingWindow(await today(ctx, ctx.db), query.endingWithin);
  const { rows, total } = await repo.list(ctx.db, filter, { key, desc }, query.pageSize, (query.page - 1) * query.pageSize);
  return { items: await present(ctx, actor, rows), total, page: query.page, pageSize: query.pageSize };
}

/** From today to `days` days later (both included), as YYYY-MM-DD. */
export function endingWindow(day: string, days: number): { from: string; to: string } {
  const to = new Date(`${day}T00:00:00Z`);
  to.setUTCDate(to.getUTCDate() + days);
  return { from: day, to: to.toISOString().slice(0, 10) };
}

export async function getContract(ctx: AppContext, actor: Actor, id: number): Promise<Contract> {
  authorize(actor, 'contracts.view');
  return presentOne(ctx, actor, await findVisibleContract(ctx.db, actor, id));
}

/** The deal a contract names: live, visible to the actor and of the contract's customer, else a field problem. */
async function checkDeal(db: Db, actor: Actor, opportunityId: number | null | undefined, customerId: number, problems: Problems): Promise<void> {
  if (opportunityId === null || opportunityId === undefined) return;
  const deal = await findVisibleDeal(db, actor, opportunityId);
  if (!deal || deal.customerId !== customerId) problems.add('opportunityId', 'contractUnknownOpportunity');
}

/**
 * Contacts of a contract: live contacts of its customer that the actor may read (or that the
 * contract already has: `kept`), each once. One the actor may not read is refused as unknown.
 */
async function checkContacts(db: Db, actor: Actor, customerId: number, contacts: Array<{ contactId: number }>, problems: Problems, kept: ReadonlySet<number> = new Set()): Promise<void> {
  if (contacts.length === 0) return;
  const readable = await readableContactIds(db, actor, contacts.map((c) => c.contactId));
  const own = new Set((await liveContactsOf(db, [customerId])).map((c) => c.id).filter((id) => readable.has(id) || kept.has(id)));
  const seen = new Set<number>();
  contacts.forEach((c, index) => {
    if (!own.has(c.contactId)) problems.add(`contacts.${index}.contactId`, 'contractContactNotOfCustomer');
    else if (seen.has(c.contactId)) problems.add(`contacts.${index}.contactId`, 'contractDuplicateContact');
    seen.add(c.contactId);
  });
}

export function checkDates(startsOn: string | null, endsOn: string | null, problems: Problems): void {
  if (startsOn !== null && endsOn !== null && endsOn < startsOn) problems.add('endsOn', 'contractEndBeforeStart');
}

const searchOf = (number: string, title: string) => `${number.toLowerCase()} ${title.toLowerCase()} ${normalizeForSearch(title)}`;
const labelOf = (row: { number: string; title: string }) => `${row.number} ${row.title}`;

/** A customer the actor may edit, or a field problem on customerId (never its name). */
export async function editableCustomer(db: Db, actor: Actor, customerId: number, problems: Problems) {
  const customer = await findVisible(db, actor, customerId).catch((error: unknown) => {
    if (error instanceof AppError && error.code === 'NOT_FOUND') return null;
    throw error;
  });
  if (!customer) problems.add('customerId', 'unknownCustomer');
  return customer;
}

/** What a new contract is made of, once checked. */
export interface NewContract {
  kind: string;
  customerId: number;
  opportunityId: number | null;
  quoteId: number | null;
  title: string;
  signedOn: string | null;
  startsOn: string | null;
  endsOn: string | null;
  amount: number;
  subtotal: number | null;
  taxTotal: number | null;
  lines: PricedLine[];
  contacts: Array<{ contactId: number; role: string }>;
  notes: string | null;
}

/** Insert a draft contract numbered now, owned by the actor, with its lines, contacts and history entry. */
export async function insertContract(ctx: AppContext, trx: Db, actor: Actor, c: NewContract): Promise<number> {
  const at = ctx.clock.now().toISOString();
  const number = await nextContractNumber(trx, await today(ctx, trx));
  const id = await repo.insert(trx, {
    number,
    kind: c.kind,
    customer_id: c.customerId,
    opportunity_id: c.opportunityId,
    quote_id: c.quoteId,
    owner_id: actor.userId,
    department_id: actor.departmentId,
    title: c.title,
    status: 'draft',
    signed_on: c.signedOn,
    starts_on: c.startsOn,
    ends_on: c.endsOn,
    currency: 'CNY',
    amount: c.amount,
    subtotal: c.subtotal,
    tax_total: c.taxTotal,
    notes: c.notes,
    activated_at: null,
    renewal_notified_for: null,
    search: searchOf(number, c.title),
    deleted_at: null,
    deleted_by: null,
    version: 1,
    created_at: at,
    updated_at: at,
    created_by: actor.userId,
    updated_by: actor.userId,
  });
  await repo.replaceLines(trx, id, c.lines);
  await repo.replaceContacts(trx, id, c.contacts);
  const created = await presentOne(ctx, actor, await findVisibleContract(trx, actor, id), trx);
  await recordChange(trx, {
    entityType: 'contract', entityId: id, customerId: c.customerId, action: 'create', actorId: actor.userId, at, label: labelOf({ number, title: c.title }),
    changes: diffRecords({}, historyView(created), historyFields).filter((ch) => ch.new !== null && !(Array.isArray(ch.new) && ch.new.length === 0)),
  });
  return id;
}

/** Create a draft contract or order for a customer the actor may edit; the actor owns it. */
export async function createContract(ctx: AppContext, actor: Actor, input: z.output<typeof contractCreate>): Promise<Contract> {
  authorize(actor, 'contracts.create');
  const id = await ctx.db.transaction().execute(async (trx) => {
    const problems = new Problems();
    const customer = await editableCustomer(trx, actor, input.customerId, problems);
    if (customer) {
      await checkDeal(trx, actor, input.opportunityId, customer.id, problems);
      await checkContacts(trx, actor, customer.id, input.contacts ?? [], problems);
    }
    checkDates(input.startsOn ?? null, input.endsOn ?? null, problems);
    const lines = input.lines ?? [];
    const priced = lines.length > 0 ? await priceLines(trx, lines, customer ?? { category: null, province: null }, await today(ctx, trx), problems) : null;
    problems.throwIfAny();
    if (!customer) throw new Error('checked above');
    return insertContract(ctx, trx, actor, {
      kind: input.kind,
      customerId: customer.id,
      opportunityId: input.opportunityId ?? null,
      quoteId: null,
      title: input.title,
      signedOn: input.signedOn ?? null,
      startsOn: input.startsOn ?? null,
      endsOn: input.endsOn ?? null,
      amount: priced ? priced.total : (input.amount ?? 0),
      subtotal: priced ? priced.subtotal : null,
      taxTotal: priced ? priced.taxTotal : null,
      lines: priced ? priced.lines : [],
      contacts: input.contacts ?? [],
      notes: input.notes ?? null,
    });
  });
  return getContract(ctx, actor, id);
}

/**
 * Change a draft contract (one awaiting approval goes back to draft). Lines replace the lines and
 * make the amount their sum; with no lines the amount is entered. Active, completed and
 * cancelled contracts stay as they are (409).
 */
export async function updateContract(ctx: AppContext, actor: Actor, id: number, input: z.output<typeof contractUpdate>): Promise<Contract> {
  authorize(actor, 'contracts.edit');
  const at = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    const row = await findVisibleContract(trx, actor, id);
    if (row.version !== input.version) throw conflict(await presentOne(ctx, actor, row, trx));
    if (!editableContractStatuses.includes(row.status as ContractStatus)) throw new AppError('CONFLICT', 'contractNotEditable');
    const before = await presentOne(ctx, actor, row, trx);
    const problems = new Problems();
    await checkDeal(trx, actor, input.opportunityId, row.customer_id, problems);
    if (input.contacts) await checkContacts(trx, actor, row.customer_id, input.contacts, problems, await repo.contactIdsOf(trx, id));
    checkDates(input.startsOn !== undefined ? input.startsOn : row.starts_on, input.endsOn !== undefined ? input.endsOn : row.ends_on, problems);
    const customer = await findVisible(trx, actor, row.customer_id).catch(() => null);
    const priced = input.lines && input.lines.length > 0 ? await priceLines(trx, input.lines, customer ?? { category: null, province: null }, await today(ctx, trx), problems) : null;
    const keepsLines = input.lines === undefined && before.lines.length > 0;
    if (input.amount !== undefined && (priced || keepsLines)) problems.add('amount', 'contractAmountFromLines');
    problems.throwIfAny();

    const changes: Partial<repo.ContractRow> = { updated_at: at, updated_by: actor.userId, status: 'draft' };
    if (input.kind !== undefined) changes.kind = input.kind;
    if (input.title !== undefined) Object.assign(changes, { title: input.title, search: searchOf(row.number, input.title) });
    if (input.opportunityId !== undefined) changes.opportunity_id = input.opportunityId;
    if (input.signedOn !== undefined) changes.signed_on = input.signedOn;
    if (input.startsOn !== undefined) changes.starts_on = input.startsOn;
    if (input.endsOn !== undefined) changes.ends_on = input.endsOn;
    if (input.notes !== undefined) changes.notes = input.notes;
    if (priced) Object.assign(changes, { amount: priced.total, subtotal: priced.subtotal, tax_total: priced.taxTotal });
    else if (input.lines !== undefined) Object.assign(changes, { amount: input.amount ?? Number(row.amount), subtotal: null, tax_total: null });
    else if (input.amount !== undefined) changes.amount = input.amount;
    if (!(await repo.update(trx, id, input.version, changes))) throw conflict(await presentOne(ctx, actor, await findVisibleContract(trx, actor, id), trx));
    if (input.lines !== undefined) await repo.replaceLines(trx, id, priced ? priced.lines : []);
    if (input.contacts !== undefined) await repo.replaceContacts(trx, id, input.contacts);
    const after = await presentOne(ctx, actor, await findVisibleContract(trx, actor, id), trx);
    const diff = diffRecords(historyView(before), historyView(after), historyFields);
    if (before.status !== after.status) diff.push({ field: 'status', old: before.status, new: after.status });
    if (diff.length > 0) await recordChange(trx, { entityType: 'contract', entityId: id, customerId: row.customer_id, action: 'update', actorId: actor.userId, at, label: labelOf(row), changes: diff });
  });
  return getContract(ctx, actor, id);
}

/**
 * Move a contract along contractTransitions, conditionally on its version and status (two moves
 * at once: one wins, the other is a 409). Becoming active signs it (signing date today unless
 * set) and counts it among the customer's transactions; leaving active or completed takes it out.
 */
export async function changeContractStatus(ctx: AppContext, actor: Actor, id: number, input: z.output<typeof contractStatusChange>): Promise<Contract> {
  authorize(actor, 'contracts.edit');
  await ctx.db.transaction().execute(async (trx) => {
    const row = await findVisibleContract(trx, actor, id);
    if (row.version !== input.version) throw conflict(await presentOne(ctx, actor, row, trx));
    if (row.status === 'awaiting_approval' && input.status === 'active') throw invalid('status', 'contractAwaitsApproval');
    if (!contractTransitions[row.status as ContractStatus].includes(input.status)) {
      throw new AppError('VALIDATION_FAILED', 'validationFailed', [{ path: 'status', message: 'contractStatusMove' }]);
    }
    let to = input.status;
    // Signing a draft that an approval flow applies to submits it instead: it becomes active with the last approval.
    if (row.status === 'draft' && (to === 'active' || to === 'awaiting_approval')) {
      const requestId = await startApproval(ctx, trx, actor, 'contract', id, ctx.clock.now().toISOString());
      if (requestId !== null) to = 'awaiting_approval';
      else if (to === 'awaiting_approval') throw invalid('status', 'contractNoApprovalNeeded');
    }
    // Back to draft, or cancelled: the request is withdrawn.
    if (row.status === 'awaiting_approval') await withdrawApproval(trx, actor, 'contract', id, ctx.clock.now().toISOString());
    await moveStatus(ctx, trx, actor, row, to);
  });
  return getContract(ctx, actor, id);
}

/**
 * The status move itself, for the route and for the approvals module (which moves contracts into
 * and out of awaiting_approval): a conditional update, the history entry, the customer's figures.
 * Throws a 409 when the contract moved on since `row` was read.
 */
export async function moveStatus(ctx: AppContext, trx: Db, actor: Actor, row: repo.ContractRow, to: ContractStatus): Promise<void> {
  if (!(await applyStatus(ctx, trx, row, to, actor.userId))) throw conflict(await presentOne(ctx, actor, await findVisibleContract(trx, actor, row.id), trx));
}

/**
 * The move without a reader: the conditional update (false when the contract moved on since `row`
 * was read), the signing date, the history entry and the customer's figures. An approval's final
 * decision applies it for the approver.
 */
export async function applyStatus(ctx: AppContext, trx: Db, row: repo.ContractRow, to: ContractStatus, actorId: number): Promise<boolean> {
  const at = ctx.clock.now().toISOString();
  const changes: Partial<repo.ContractRow> = { status: to, updated_at: at, updated_by: actorId };
  if (to === 'active') {
    changes.activated_at = at;
    if (row.signed_on === null) changes.signed_on = await today(ctx, trx);
  }
  if (!(await repo.update(trx, row.id, row.version, changes, row.status))) return false;
  const fieldChanges: FieldChange[] = [{ field: 'status', old: row.status, new: to }];
  if (changes.signed_on !== undefined) fieldChanges.push({ field: 'signedOn', old: row.signed_on, new: changes.signed_on });
  await recordChange(trx, { entityType: 'contract', entityId: row.id, customerId: row.customer_id, action: 'status_change', actorId, at, label: labelOf(row), changes: fieldChanges });
  const counted = (s: string) => dealContractStatuses.includes(s as ContractStatus);
  if (counted(row.status) !== counted(to)) await refreshCustomerDeals(ctx, trx, row.customer_id, { actorId, at, label: labelOf(row) });
  return true;
}

/** Delete a contract (to the recycle bin); an active or completed one leaves the customer's transactions. */
export async function deleteContract(ctx: AppContext, actor: Actor, id: number): Promise<void> {
  authorize(actor, 'contracts.delete');
  const at = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    const row = await findVisibleContract(trx, actor, id);
    if (row.status === 'awaiting_approval') await withdrawApproval(trx, actor, 'contract', id, at);
    if (!(await repo.update(trx, id, row.version, { deleted_at: at, deleted_by: actor.userId, updated_at: at, updated_by: actor.userId }))) {
      throw conflict(await presentOne(ctx, actor, await findVisibleContract(trx, actor, id), trx));
    }
    await recordChange(trx, { entityType: 'contract', entityId: id, customerId: row.customer_id, action: 'delete', actorId: actor.userId, at, label: labelOf(row) });
    if (dealContractStatuses.includes(row.status as ContractStatus)) await refreshCustomerDeals(ctx, trx, row.customer_id, { actorId: actor.userId, at, label: labelOf(row) });
  });
}

/** A contract's history (creation, edits, status moves, files), newest first. */
export async function contractHistory(ctx: AppContext, actor: Actor, id: number, page: { page: number; pageSize: number }): Promise<ListResponse<HistoryEntry>> {
  authorize(actor, 'contracts.view');
  await findVisibleContract(ctx.db, actor, id);
  return entityHistory(ctx.db, 'contract', id, page);
}

