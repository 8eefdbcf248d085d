import {
  fenToYuanText,
  payableContractStatuses,
  type ContractReceivables,
  type DueInstalment,
  type FieldChange,
  type ListResponse,
  type PaymentList,
  type instalmentListQuery,
  type invoiceCreate,
  type paymentCreate,
  type paymentListQuery,
  type paymentPlanWrite,
} from '@crm/contracts';
import type { z } from 'zod';
import { authorize, can, type Actor } from '../../platform/auth/actor.js';
import { ownerScope } from '../../platform/auth/scope.js';
import { companyTimeZone, localDate } from '../../platform/company.js';
import type { AppContext } from '../../platform/context.js';
import { AppError, conflict, notFound } from '../../platform/errors.js';
import type { MessageKey } from '../../platform/i18n.js';
import { contractScope, findVisibleContract, lockContract, writeReceivableSums } from '../contracts/index.js';
import { recordChange } from '../history/index.js';
import { userNames } from '../users/index.js';
import { allocatePayments } from './receivables.allocation.js';
import { presentInstalment, presentInvoice, presentPayment } from './receivables.presenter.js';
import * as repo from './receivables.repository.js';

type Db = AppContext['db'];
type ContractView = Awaited<ReturnType<typeof findVisibleContract>>;

const isPayable = (status: string) => (payableContractStatuses as readonly string[]).includes(status);

export async function today(ctx: AppContext, db: Db = ctx.db): Promise<string> {
  return localDate(ctx.clock.now(), await companyTimeZone(db));
}

function fieldError(path: string, message: MessageKey): AppError {
  return new AppError('VALIDATION_FAILED', 'validationFailed', [{ path, message }]);
}

/** The contract's plan, payments and invoices with its sums, as the caller sees them. */
async function present(ctx: AppContext, actor: Actor, row: ContractView, db: Db): Promise<ContractReceivables> {
  const day = await today(ctx, db);
  const [plan, payments, invoices] = await Promise.all([repo.planOf(db, row.id), repo.paymentsOf(db, row.id), repo.invoicesOf(db, row.id)]);
  const names = await userNames(ctx, [...payments.flatMap((p) => [p.owner_id, p.created_by]), ...invoices.map((i) => i.created_by)], db);
  const instalments = plan.map((p) => presentInstalment(p, day));
  const amount = Number(row.amount);
  const received = Number(row.received_amount);
  return {
    contractId: row.id,
    currency: row.currency,
    amount,
    planned: Number(row.planned_amount),
    received,
    invoiced: Number(row.invoiced_amount),
    outstanding: Math.max(0, amount - received),
    overdue: instalments.filter((i) => i.status === 'overdue').reduce((n, i) => n + i.outstanding, 0),
    planVersion: row.plan_version,
    instalments,
    payments: payments.map((p) => presentPayment(p, names)),
    invoices: invoices.map((i) => presentInvoice(i, names)),
    payable: isPayable(row.status),
    can: { edit: can(actor, 'receivables.edit') && row.status !== 'cancelled' },
  };
}

export async function getReceivables(ctx: AppContext, actor: Actor, contractId: number): Promise<ContractReceivables> {
  authorize(actor, 'receivables.view');
  return present(ctx, actor, await findVisibleContract(ctx.db, actor, contractId), ctx.db);
}

/**
 * Change a contract's receivables in one transaction holding its row: `change` validates against
 * the contract read under the lock and writes; then the payments settle the plan again and the
 * contract's sums are rewritten. Parallel changes of one contract run one after the other.
 */
async function changeReceivables(ctx: AppContext, actor: Actor, contractId: number, change: (trx: Db, row: ContractView, at: string) => Promise<{ planChanged?: boolean; history: FieldChange }>): Promise<ContractReceivables> {
  authorize(actor, 'receivables.edit');
  await findVisibleContract(ctx.db, actor, contractId);
  const at = ctx.clock.now().toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    await lockContract(trx, ctx.engine, contractId);
    const row = await findVisibleContract(trx, actor, contractId);
    const { planChanged = false, history } = await change(trx, row, at);
    const plan = await repo.planOf(trx, contractId);
    const payments = await repo.paymentAmounts(trx, contractId);
    await repo.writeAllocation(trx, plan, allocatePayments(plan.map((p) => ({ id: p.id, dueOn: p.due_on, position: p.position, amount: Number(p.amount) })), payments));
    await writeReceivableSums(trx, contractId, {
      planned: plan.reduce((n, p) => n + Number(p.amount), 0),
      received: payments.reduce((n, p) => n + p.amount, 0),
      payments: payments.length,
      invoiced: await repo.invoicedTotal(trx, contractId),
      planChanged,
    });
    await recordChange(trx, { entityType: 'contract', entityId: contractId, customerId: row.customer_id, action: 'update', actorId: actor.userId, at, label: `${row.number} ${row.title}`, changes: [history] });
    return present(ctx, actor, await findVisibleContract(trx, actor, contractId), trx);
  });
}

/** Money as the history shows it: yuan, two decimals (the API's fen would read as a hundred times the amount). */
const yuan = (fen: number) => `¥${fenToYuanText(fen)}`;
const planText = (items: Array<{ dueOn: string; amount: number }>) => items.map((i) => `${i.dueOn} ${yuan(i.amount)}`).join('; ') || null;

/** Replace the plan (read at `planVersion`); its instalments may not add up to more than the contract's amount. */
export async function savePlan(ctx: AppContext, actor: Actor, contractId: number, input: z.output<typeof paymentPlanWrite>): Promise<ContractReceivables> {
  return changeReceivables(ctx, actor, contractId, async (trx, row, at) => {
    if (row.plan_version !== input.planVersion) throw conflict(await present(ctx, actor, row, trx));
    if (row.status === 'cancelled') throw new AppError('BAD_REQUEST', 'receivablesPlanCancelled');
    const sum = input.instalments.reduce((n, i) => n + i.amount, 0);
    if (sum > Number(row.amount)) throw fieldError('instalments', 'receivablesPlanAboveAmount');
    const before = await repo.planOf(trx, contractId);
    // Numbered in due-date order (a stable sort keeps the order given for the same date).
    const items = [...input.instalments].sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : 0)).map((i) => ({ dueOn: i.dueOn, amount: i.amount, note: i.note ?? null }));
    await repo.replacePlan(trx, contractId, items, at, actor.userId);
    const old = planText(before.map((p) => ({ dueOn: p.due_on, amount: Number(p.amount) })));
    return { planChanged: true, history: { field: 'paymentPlan', old, new: planText(items) } };
  });
}

/** Record a payment of a signed contract: not after today, not beyond what is outstanding. */
export async function addPayment(ctx: AppContext, actor: Actor, contractId: number, input: z.output<typeof paymentCreate>): Promise<ContractReceivables> {
  return changeReceivables(ctx, actor, contractId, async (trx, row, at) => {
    if (!isPayable(row.status)) throw new AppError('BAD_REQUEST', 'receivablesNotPayable');
    if (input.receivedOn > (await today(ctx, trx))) throw fieldError('receivedOn', 'receivablesPaymentInFuture');
    if (Number(row.received_amount) + input.amount > Number(row.amount)) throw fieldError('amount', 'receivablesPaymentAboveOutstanding');
    await repo.insertPayment(trx, {
      contract_id: contractId,
      customer_id: row.customer_id,
      owner_id: row.owner_id,
      department_id: row.department_id,
      received_on: input.receivedOn,
      amount: input.amount,
      currency: row.currency,
      method: input.method,
      reference: input.reference ?? null,
      note: input.note ?? null,
      created_at: at,
      created_by: actor.userId,
    });
    return { history: { field: 'payment', old: null, new: `${input.receivedOn} ${yuan(input.amount)}` } };
  });
}

/** Record an invoice issued against a signed contract (the invoices together at most its amount). */
export async function addInvoice(ctx: AppContext, actor: Actor, contractId: number, input: z.output<typeof invoiceCreate>): Promise<ContractReceivables> {
  return changeReceivables(ctx, actor, contractId, async (trx, row, at) => {
    if (!isPayable(row.status)) throw new AppError('BAD_REQUEST', 'receivablesInvoiceNotSigned');
    if ((await repo.invoicedTotal(trx, contractId)) + input.amount > Number(row.amount)) throw fieldError('amount', 'receivablesInvoiceAboveAmount');
    await repo.insertInvoice(trx, { contract_id: contractId, customer_id: row.customer_id, number: input.number, kind: input.kind, issued_on: input.issuedOn, amount: input.amount, note: input.note ?? null, created_at: at, created_by: actor.userId });
    return { history: { field: 'invoice', old: null, new: `${input.number} ${yuan(input.amount)}` } };
  });
}

/** Remove a payment recorded in error (of a contract in the caller's scope). */
export async function removePayment(ctx: AppContext, actor: Actor, paymentId: number): Promise<void> {
  authorize(actor, 'receivables.edit');
  const found = await repo.findPayment(ctx.db, paymentId);
  if (!found) throw notFound();
  await changeReceivables(ctx, actor, found.contract_id, async (trx) => {
    const row = await repo.findPayment(trx, paymentId);
    if (!row || !(await repo.deletePayment(trx, paymentId))) throw notFound();
    return { history: { field: 'payment', old: `${row.received_on} ${yuan(Number(row.amount))}`, new: null } };
  });
}

export async function removeInvoice(ctx: AppContext, actor: Actor, invoiceId: number): Promise<void> {
  authorize(actor, 'receivables.edit');
  const found = await repo.findInvoice(ctx.db, invoiceId);
  if (!found) throw notFound();
  await changeReceivables(ctx, actor, found.contract_id, async (trx) => {
    const row = await repo.findInvoice(trx, invoiceId);
    if (!row || !(await repo.deleteInvoice(trx, invoiceId))) throw notFound();
    return { history: { field: 'invoice', old: `${row.number} ${yuan(Number(row.amount))}`, new: null } };
  });
}

export async function listPayments(ctx: AppContext, actor: Actor, query: z.output<typeof paymentListQuery>): Promise<PaymentList> {
  authorize(actor, 'receivables.view');
  const filter: repo.PaymentFilter = { scope: contractScope(actor), contractId: query.contractId, customerId: query.customerId, ownerId: query.ownerId, from: query.from, to: query.to };
  const sort = { key: query.sort.replace('-', '') as 'receivedOn' | 'amount', desc: query.sort.startsWith('-') };
  const { rows, total, sum } = await repo.listPayments(ctx.db, filter, sort, query.pageSize, (query.page - 1) * query.pageSize);
  const names = await userNames(ctx, rows.flatMap((r) => [r.owner_id, r.created_by]));
  return { items: rows.map((r) => presentPayment(r, names)), total, page: query.page, pageSize: query.pageSize, sum };
}

export async function listDueInstalments(ctx: AppContext, actor: Actor, query: z.output<typeof instalmentListQuery>): Promise<ListResponse<DueInstalment>> {
  authorize(actor, 'receivables.view');
  const day = await today(ctx);
  const filter: repo.DueFilter = { scope: ownerScope(actor, 'instalments'), customerId: query.customerId, ownerId: query.ownerId, ...(query.status === 'overdue' ? { dueBefore: day } : {}) };
  const { rows, total } = await repo.listDue(ctx.db, filter, query.pageSize, (query.page - 1) * query.pageSize);
  const names = await userNames(ctx, rows.map((r) => r.owner_id));
  const items = rows.map((r) => ({
    ...presentInstalment(r, day),
    contractId: r.contract_id,
    contractNumber: r.contract_number,
    contractTitle: r.contract_title,
    customerId: r.customer_id,
    customerName: r.customer_name ?? '',
    ownerId: r.owner_id,
    ownerName: names.get(r.owner_id) ?? null,
  }));
  return { items, total, page: query.page, pageSize: query.pageSize };
}
