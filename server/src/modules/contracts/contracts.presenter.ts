import {
  bpToPercent,
  contractTransitions,
  editableContractStatuses,
  type Contract,
  type ContractContactRole,
  type ContractKind,
  type ContractLine,
  type ContractStatus,
} from '@crm/contracts';
import { can, type Actor } from '../../platform/auth/actor.js';
import type { ContractLineRow, ContractView } from './contracts.repository.js';

export function presentLine(row: ContractLineRow): ContractLine {
  return {
    position: row.position,
    productId: row.product_id,
    productCode: row.product_code,
    productName: row.product_name,
    unit: row.unit,
    quantity: Number(row.quantity_milli) / 1000,
    unitPrice: Number(row.unit_price),
    priceListId: row.price_list_id,
    discountPercent: bpToPercent(row.discount_bp),
    taxRate: bpToPercent(row.tax_bp),
    note: row.note,
    net: Number(row.net),
    tax: Number(row.tax),
    total: Number(row.total),
  };
}

export interface ContractDetail {
  lines: ContractLineRow[];
  contacts: Array<{ contact_id: number; role: string; name: string }>;
}

export function presentContract(row: ContractView, actor: Actor, names: ReadonlyMap<number, string>, detail: ContractDetail = { lines: [], contacts: [] }): Contract {
  const status = row.status as ContractStatus;
  const editable = editableContractStatuses.includes(status);
  return {
    id: row.id,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    createdBy: row.created_by,
    updatedBy: row.updated_by,
    number: row.number,
    kind: row.kind as ContractKind,
    customerId: row.customer_id,
    customerName: row.customer_name ?? '',
    opportunityId: row.opportunity_id,
    opportunityName: row.opportunity_name,
    quoteId: row.quote_id,
    quoteNumber: row.quote_number,
    title: row.title,
    status,
    signedOn: row.signed_on,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    currency: row.currency,
    amount: Number(row.amount),
    subtotal: row.subtotal === null ? null : Number(row.subtotal),
    taxTotal: row.tax_total === null ? null : Number(row.tax_total),
    lines: detail.lines.map(presentLine),
    contacts: detail.contacts.map((c) => ({ contactId: c.contact_id, name: c.name, role: c.role as ContractContactRole })),
    ownerId: row.owner_id,
    ownerName: names.get(row.owner_id) ?? null,
    departmentId: row.department_id,
    notes: row.notes,
    activatedAt: row.activated_at,
    nextStatuses: can(actor, 'contracts.edit') ? [...contractTransitions[status]] : [],
    can: { edit: editable && can(actor, 'contracts.edit'), delete: can(actor, 'contracts.delete') },
  };
}

/**
 * The fields a contract's history compares (presented names): the deal by name, lines as product,
 * quantity and total (fen), contacts as name and role, so a timeline reads without lookups.
 */
export function historyView(c: Contract): Record<string, unknown> {
  return {
    kind: c.kind, title: c.title, opportunity: c.opportunityName, signedOn: c.signedOn, startsOn: c.startsOn, endsOn: c.endsOn,
    amount: c.amount, notes: c.notes,
    lines: c.lines.map((l) => ({ product: `${l.productCode} ${l.productName}`, quantity: l.quantity, total: l.total })),
    contacts: c.contacts.map((k) => ({ name: k.name, role: k.role })),
  };
}
export const historyFields = ['kind', 'title', 'opportunity', 'signedOn', 'startsOn', 'endsOn', 'amount', 'notes', 'lines', 'contacts'] as const;
