import type { Instalment, Invoice, InvoiceKind, Payment, PaymentMethod } from '@crm/contracts';
import { daysBetween } from './receivables.allocation.js';
import type { InvoiceRow, PaymentView, PlanRow } from './receivables.repository.js';

/** An instalment as of `today` (company time zone): overdue when due before today and not paid in full. */
export function presentInstalment(row: PlanRow, today: string): Instalment {
  const amount = Number(row.amount);
  const paid = Number(row.paid);
  const outstanding = amount - paid;
  const late = outstanding > 0 && row.due_on < today;
  const status = outstanding === 0 ? 'paid' : late ? 'overdue' : paid > 0 ? 'partly_paid' : 'open';
  return {
    id: row.id,
    position: row.position,
    dueOn: row.due_on,
    amount,
    paid,
    outstanding,
    status,
    daysOverdue: late ? daysBetween(row.due_on, today) : 0,
    settledOn: row.settled_on,
    note: row.note,
  };
}

export function presentPayment(row: PaymentView, names: Map<number, string>): Payment {
  return {
    id: row.id,
    contractId: row.contract_id,
    contractNumber: row.contract_number,
    contractTitle: row.contract_title,
    customerId: row.customer_id,
    customerName: row.customer_name ?? '',
    ownerId: row.owner_id,
    ownerName: names.get(row.owner_id) ?? null,
    receivedOn: row.received_on,
    amount: Number(row.amount),
    currency: row.currency,
    method: row.method as PaymentMethod,
    reference: row.reference,
    note: row.note,
    createdAt: row.created_at,
    createdByName: row.created_by === null ? null : (names.get(row.created_by) ?? null),
  };
}

export function presentInvoice(row: InvoiceRow, names: Map<number, string>): Invoice {
  return {
    id: row.id,
    contractId: row.contract_id,
    number: row.number,
    kind: row.kind as InvoiceKind,
    issuedOn: row.issued_on,
    amount: Number(row.amount),
    note: row.note,
    createdAt: row.created_at,
    createdByName: row.created_by === null ? null : (names.get(row.created_by) ?? null),
  };
}
