import { fenToYuan, percentToBp, quantityToMilli, quoteLineAmounts, yuanToFen, type Quote, type QuoteCreate, type QuoteLineWrite, type QuoteUpdate } from '@crm/contracts';

/** A line as the form holds it: money in yuan; `suggested` is the price the server would pick (yuan). */
export interface LineValues {
  productId?: number;
  quantity: number | null;
  unitPrice: number | null;
  suggested?: number | null;
  discountPercent: number | null;
  taxRate: number | null;
}

export interface QuoteFormValues {
  customerId?: number;
  opportunityId: number | null;
  title: string;
  validUntil: string | null;
  terms: string;
  lines: LineValues[];
}

export function quoteToValues(quote: Quote): QuoteFormValues {
  return {
    customerId: quote.customerId,
    opportunityId: quote.opportunityId,
    title: quote.title,
    validUntil: quote.validUntil,
    terms: quote.terms ?? '',
    lines: quote.lines.map((l) => ({
      productId: l.productId,
      quantity: l.quantity,
      unitPrice: fenToYuan(l.unitPrice),
      discountPercent: l.discountPercent,
      taxRate: l.taxRate,
    })),
  };
}

/**
 * The lines as the API takes them. A unit price left as the server suggested it is left out, so
 * that the server prices it (and notes the price list); one typed over is sent in fen.
 */
export function linesPayload(lines: LineValues[]): QuoteLineWrite[] {
  return lines
    .filter((l) => l.productId !== undefined)
    .map((l) => {
      const typed = l.unitPrice === null || l.unitPrice === undefined || l.unitPrice === l.suggested ? undefined : (yuanToFen(l.unitPrice) ?? undefined);
      return {
        productId: l.productId ?? 0,
        quantity: l.quantity ?? 0,
        ...(typed !== undefined ? { unitPrice: typed } : {}),
        discountPercent: l.discountPercent ?? 0,
        ...(l.taxRate !== null && l.taxRate !== undefined ? { taxRate: l.taxRate } : {}),
      };
    });
}

export function createPayload(values: QuoteFormValues): QuoteCreate {
  return {
    customerId: values.customerId ?? 0,
    ...(values.opportunityId ? { opportunityId: values.opportunityId } : {}),
    title: values.title,
    validUntil: values.validUntil ?? '',
    terms: values.terms,
    lines: linesPayload(values.lines),
  };
}

export function updatePayload(values: QuoteFormValues, version: number): QuoteUpdate {
  return {
    opportunityId: values.opportunityId ?? null,
    title: values.title,
    validUntil: values.validUntil ?? '',
    terms: values.terms,
    lines: linesPayload(values.lines),
    version,
  };
}

/** The totals the server will compute, in fen, from the lines on screen (the same rounding: quoteLineAmounts). */
export function previewTotals(lines: LineValues[]): { subtotal: number; taxTotal: number; total: number } {
  let subtotal = 0;
  let taxTotal = 0;
  let total = 0;
  for (const l of lines) {
    const price = yuanToFen(l.unitPrice ?? l.suggested ?? null);
    if (l.productId === undefined || price === null || !l.quantity || l.quantity <= 0) continue;
    const amounts = quoteLineAmounts({
      unitPrice: price,
      quantityMilli: quantityToMilli(l.quantity),
      discountBp: percentToBp(Math.min(Math.max(l.discountPercent ?? 0, 0), 100)),
      taxBp: percentToBp(Math.max(l.taxRate ?? 0, 0)),
    });
    subtotal += amounts.net;
    taxTotal += amounts.tax;
    total += amounts.total;
  }
  return { subtotal, taxTotal, total };
}
