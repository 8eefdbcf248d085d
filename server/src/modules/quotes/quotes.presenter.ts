import { bpToPercent, quoteTransitions, type Quote, type QuoteLine, type QuoteRevision, type QuoteStatus } from '@crm/contracts';
import { can, type Actor } from '../../platform/auth/actor.js';
import type { QuoteLineRow, QuoteView } from './quotes.repository.js';

export function presentLine(row: QuoteLineRow): QuoteLine {
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

/** The document of a revision: what a customer was given (kept as JSON when replaced). */
export function documentOf(row: QuoteView, lines: QuoteLineRow[]): QuoteRevision['document'] {
  return {
    number: row.number,
    revision: row.revision,
    customerId: row.customer_id,
    customerName: row.customer_name ?? '',
    opportunityId: row.opportunity_id,
    title: row.title,
    status: row.status as QuoteStatus,
    validUntil: row.valid_until,
    terms: row.terms,
    currency: row.currency,
    subtotal: Number(row.subtotal),
    taxTotal: Number(row.tax_total),
    total: Number(row.total),
    lines: lines.map(presentLine),
  };
}

export function presentQuote(row: QuoteView, actor: Actor, names: ReadonlyMap<number, string>, lines: QuoteLineRow[] = []): Quote {
  const status = row.status as QuoteStatus;
  const editable = status !== 'accepted';
  // A quote awaiting approval is withdrawn (back to draft) before it changes.
  const changeable = editable && status !== 'awaiting_approval';
  return {
    id: row.id,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    createdBy: row.created_by,
    updatedBy: row.updated_by,
    ...documentOf(row, lines),
    opportunityName: row.opportunity_name,
    ownerId: row.owner_id,
    ownerName: names.get(row.owner_id) ?? null,
    isCurrent: row.is_current === 1,
    nextStatuses: can(actor, 'quotes.edit') ? [...quoteTransitions[status]] : [],
    can: { edit: changeable && can(actor, 'quotes.edit'), delete: editable && can(actor, 'quotes.delete') },
  };
}
