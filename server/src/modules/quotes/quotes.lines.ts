import { percentToBp, quantityToMilli, quoteLineAmounts, type quoteLineWrite } from '@crm/contracts';
import type { z } from 'zod';
import type { AppContext } from '../../platform/context.js';
import type { MessageKey } from '../../platform/i18n.js';
import { findProduct, priceFor } from '../products/index.js';
import type { NewQuoteLine } from './quotes.repository.js';

type Db = AppContext['db'];
/** The largest amount the API carries (fen). */
export const maxAmount = 1e15;

/** A priced line, as quote_lines and contract_lines keep it. */
export type PricedLine = NewQuoteLine;

/**
 * Price and total the lines of a quote or a contract: a missing unit price is what the customer
 * gets today (price list, else standard price), a missing tax rate the product's; each line
 * rounded once (quoteLineAmounts), the totals the sums of the rounded lines. Problems are reported
 * on `lines.<i>.<field>` paths.
 */
export async function priceLines(
  db: Db,
  lines: Array<z.output<typeof quoteLineWrite>>,
  customer: { category: string | null; province: string | null },
  today: string,
  problems: { add(path: string, message: MessageKey): void },
): Promise<{ lines: PricedLine[]; subtotal: number; taxTotal: number; total: number }> {
  const out: PricedLine[] = [];
  let subtotal = 0;
  let taxTotal = 0;
  let total = 0;
  for (const [index, line] of lines.entries()) {
    const product = await findProduct(db, line.productId);
    if (!product) {
      problems.add(`lines.${index}.productId`, 'productUnknown');
      continue;
    }
    if (product.active !== 1) problems.add(`lines.${index}.productId`, 'productInactive');
    const priced = line.unitPrice === undefined ? await priceFor(db, product, customer, today) : { price: line.unitPrice, priceListId: null };
    const taxBp = line.taxRate === undefined ? product.tax_bp : percentToBp(line.taxRate);
    const discountBp = percentToBp(line.discountPercent);
    const quantityMilli = quantityToMilli(line.quantity);
    const amounts = quoteLineAmounts({ unitPrice: priced.price, quantityMilli, discountBp, taxBp });
    if (amounts.total > maxAmount) {
      problems.add(`lines.${index}.quantity`, 'quoteLineTooLarge');
      continue;
    }
    subtotal += amounts.net;
    taxTotal += amounts.tax;
    total += amounts.total;
    out.push({
      position: index + 1,
      product_id: product.id,
      product_code: product.code,
      product_name: product.name,
      unit: product.unit,
      quantity_milli: quantityMilli,
      unit_price: priced.price,
      price_list_id: priced.priceListId,
      discount_bp: discountBp,
      tax_bp: taxBp,
      note: line.note ? line.note : null,
      ...amounts,
    });
  }
  if (total > maxAmount) problems.add('lines', 'quoteTotalTooLarge');
  return { lines: out, subtotal, taxTotal, total };
}
