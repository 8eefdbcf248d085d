import { z } from 'zod';
import { id, int4Max, isoDate, listOf, locales, pageQuery, recordMeta, versionField } from './common.js';
import { fenAmount, percent } from './products.js';
import { multiline } from './text.js';

/**
 * Quotations (报价单). Totals are computed by the server in integer fen: per line, unit price ×
 * quantity × (1 − discount) is the net amount and net × (1 + tax rate) the line total, each rounded
 * half up to the fen once; the line's tax is their difference, and the document's figures are the
 * sums of the rounded lines (see quoteLineAmounts).
 */

export const quoteStatuses = ['draft', 'awaiting_approval', 'sent', 'accepted', 'rejected', 'expired'] as const;
export type QuoteStatus = (typeof quoteStatuses)[number];

/**
 * The moves a quote's status may make. Sending a draft that an approval flow applies to submits
 * it instead (awaiting approval); only the flow's last approval sends it, a rejection returns it to
 * draft, and moving it back to draft withdraws the request. Accepted is final; editing a sent,
 * rejected or expired quote makes a new revision (a draft again).
 */
export const quoteTransitions: Record<QuoteStatus, readonly QuoteStatus[]> = {
  draft: ['awaiting_approval', 'sent'],
  awaiting_approval: ['draft'],
  sent: ['accepted', 'rejected', 'expired'],
  accepted: [],
  rejected: [],
  expired: [],
};
/** Statuses in which an edit makes a new revision rather than changing the current one. */
export const revisingStatuses: readonly QuoteStatus[] = ['sent', 'rejected', 'expired'];

const refId = z.number().int().positive().max(int4Max);
/** A quantity: positive, at most a billion, at most three decimals (0.125 kg). */
export const quantity = z
  .number()
  .positive()
  .max(1e9)
  .refine((v) => Math.abs(v * 1000 - Math.round(v * 1000)) < 1e-6, { message: 'quantityThreeDecimals' });

export const quoteLineWrite = z
  .object({
    productId: refId,
    quantity,
    /** Fen; absent: the price this customer gets today (its price list, else the standard price). */
    unitPrice: fenAmount.optional(),
    discountPercent: percent.default(0),
    /** Absent: the product's tax rate. */
    taxRate: percent.optional(),
    note: z.string().trim().max(200).optional(),
  })
  .strict();
export type QuoteLineWrite = z.input<typeof quoteLineWrite>;

const quoteFields = {
  title: z.string().trim().min(1).max(120),
  opportunityId: refId.nullable(),
  validUntil: isoDate,
  terms: multiline(4000),
  lines: z.array(quoteLineWrite).max(200),
};

/** POST /quotes: for a customer you may edit, optionally one of its deals; you are the owner. */
export const quoteCreate = z
  .object({ customerId: refId, ...quoteFields })
  .partial({ opportunityId: true, terms: true, lines: true })
  .strict();
export type QuoteCreate = z.input<typeof quoteCreate>;

/** PATCH /quotes/:id. On a sent, rejected or expired quote this makes a new revision (a draft). */
export const quoteUpdate = z.object(quoteFields).partial().extend(versionField).strict();
export type QuoteUpdate = z.input<typeof quoteUpdate>;

/** POST /quotes/:id/status */
export const quoteStatusChange = z.object({ status: z.enum(quoteStatuses), ...versionField }).strict();
export type QuoteStatusChange = z.input<typeof quoteStatusChange>;

/** POST /quotes/:id/current: make this the current quote of its deal (the other one stops being current). */
export const quoteMakeCurrent = z.object(versionField).strict();

export const quoteLine = z.object({
  position: z.number().int(),
  productId: z.number().int(),
  productCode: z.string(),
  productName: z.string(),
  unit: z.string(),
  quantity: z.number(),
  unitPrice: z.number().int(),
  /** Where the unit price came from when it was not typed: a price list, or null (standard price or typed). */
  priceListId: z.number().int().nullable(),
  discountPercent: z.number(),
  taxRate: z.number(),
  note: z.string().nullable(),
  /** Fen after discount, before tax. */
  net: z.number().int(),
  tax: z.number().int(),
  total: z.number().int(),
});
export type QuoteLine = z.infer<typeof quoteLine>;

const quoteDocument = {
  number: z.string(),
  revision: z.number().int(),
  customerId: z.number().int(),
  customerName: z.string(),
  opportunityId: z.number().int().nullable(),
  title: z.string(),
  status: z.enum(quoteStatuses),
  validUntil: z.string(),
  terms: z.string().nullable(),
  currency: z.string(),
  subtotal: z.number().int(),
  taxTotal: z.number().int(),
  total: z.number().int(),
  lines: z.array(quoteLine),
};

export const quote = z.object({
  ...recordMeta,
  ...quoteDocument,
  opportunityName: z.string().nullable(),
  ownerId: z.number().int(),
  ownerName: z.string().nullable(),
  /** The deal's current quote (only quotes with a deal can be). */
  isCurrent: z.boolean(),
  /** The statuses this quote may move to now, for this caller. */
  nextStatuses: z.array(z.enum(quoteStatuses)),
  can: z.object({ edit: z.boolean(), delete: z.boolean() }),
});
export type Quote = z.infer<typeof quote>;
export const quoteList = listOf(quote);

export const quoteSorts = ['updatedAt', '-updatedAt', 'createdAt', '-createdAt', 'total', '-total', 'validUntil', '-validUntil', 'number', '-number'] as const;
export const quoteListQuery = z
  .object({
    q: pageQuery.q,
    customerId: id.optional(),
    opportunityId: id.optional(),
    ownerId: id.optional(),
    status: z.enum(quoteStatuses).optional(),
    page: pageQuery.page,
    pageSize: pageQuery.pageSize,
    sort: z.enum(quoteSorts).default('-updatedAt'),
  })
  .strict();
export type QuoteListQuery = z.input<typeof quoteListQuery>;

/** GET /quotes/:id/pdf: the document's language (labels, numbers); absent, the caller's (Accept-Language). */
export const quotePdfQuery = z.object({ lang: z.enum(locales).optional() }).strict();
export type QuotePdfQuery = z.input<typeof quotePdfQuery>;

/** An earlier revision as it was when it was replaced, and the current one. */
export const quoteRevision = z.object({
  revision: z.number().int(),
  savedAt: z.string(),
  savedBy: z.number().int().nullable(),
  current: z.boolean(),
  document: z.object(quoteDocument),
});
export type QuoteRevision = z.infer<typeof quoteRevision>;
export const quoteRevisionList = z.object({ items: z.array(quoteRevision) });

export interface LineAmountInput {
  /** Fen. */
  unitPrice: number;
  /** Thousandths of a unit. */
  quantityMilli: number;
  /** Basis points (1 % = 100). */
  discountBp: number;
  taxBp: number;
}

/** a / b rounded half up, for non-negative a and positive b. */
function divRoundHalfUp(a: bigint, b: bigint): bigint {
  return (a * 2n + b) / (b * 2n);
}

/**
 * One line's fen, exact: net = price × quantity × (1 − discount), total = net × (1 + tax), each
 * rounded half up once from the exact product (BigInt, no float); tax = total − net.
 */
export function quoteLineAmounts(line: LineAmountInput): { net: number; tax: number; total: number } {
  const price = BigInt(line.unitPrice);
  const qty = BigInt(line.quantityMilli);
  const keep = BigInt(10000 - line.discountBp);
  const netScaled = price * qty * keep; // fen × 1000 × 10000
  const scale = 1000n * 10000n;
  const net = divRoundHalfUp(netScaled, scale);
  const total = divRoundHalfUp(netScaled * BigInt(10000 + line.taxBp), scale * 10000n);
  return { net: Number(net), tax: Number(total - net), total: Number(total) };
}

/** Thousandths of a unit from a quantity with at most three decimals. */
export function quantityToMilli(value: number): number {
  return Math.round(value * 1000);
}
