import { formatMoney } from '@crm/contracts';
import type { AppContext } from '../../platform/context.js';
import { companyTimeZone, localDate } from '../../platform/company.js';
import { t } from '../../platform/i18n.js';
import { customerEditScope, customerSummaries, lockCustomers } from '../customers/index.js';
import { insertPurchases, purchasesBetween, type NewPurchase } from '../purchases/index.js';
import { userNames } from '../users/index.js';
import { convertRow, type RowMessage } from './convert.js';
import { CustomerResolver } from './purchase-customers.js';
import type { ImportPlan, RowProcessor, RowResult, SourceRow } from './plan.js';

type Db = AppContext['db'];

/** The longest product name the history keeps (its column's width). */
const productMax = 200;

export interface PurchaseInput {
  purchasedOn: string;
  /** Fen. */
  amount: number;
  cost: number | null;
  product: string | null;
}

export interface PreparedPurchase {
  rowNo: number;
  messages: RowMessage[];
  input: PurchaseInput | null;
  customerRef: string;
  /** What the report says of a row imported as it is (the cost worked out from the margin). */
  notes: RowMessage[];
}

/** A gross margin as a fraction numerator / denominator: "35%" is 35/100, "0.35" is 35/100, "-5%" is -5/100. */
export function parseMargin(text: string): { numerator: bigint; denominator: bigint } | null {
  const v = text.normalize('NFKC').replace(/\s+/g, '');
  const m = /^(-?)(\d+)(?:\.(\d{1,6}))?(%)?$/.exec(v);
  if (!m) return null;
  const [, sign = '', whole = '', fraction = '', percent = ''] = m;
  const denominator = 10n ** BigInt(fraction.length + (percent ? 2 : 0));
  const numerator = BigInt(`${sign}${whole}${fraction}`);
  // From -100% to 100%: a bare number above 1 (35) is neither a fraction nor marked as a percentage.
  if (numerator > denominator || numerator < -denominator) return null;
  return { numerator, denominator };
}

/** The cost of a sale at a margin: amount × (1 − margin), rounded half up to the fen. */
export function costFromMargin(amount: number, margin: { numerator: bigint; denominator: bigint }): number {
  const { numerator, denominator } = margin;
  // amount > 0 and margin <= 1: the product is never negative, so half up is (2x + d) / 2d.
  return Number((2n * BigInt(amount) * (denominator - numerator) + denominator) / (2n * denominator));
}

/** A margin as people read it: "35%", "12.5%". */
function marginText(margin: { numerator: bigint; denominator: bigint }): string {
  const percent = (Number(margin.numerator) / Number(margin.denominator)) * 100;
  return `${Number(percent.toFixed(4))}%`;
}

/**
 * Purchase history (购买记录) of existing customers, from a shop's or point-of-sale system's
 * export: each row names its customer (archive number, credit code, phone or exact name; see
 * CustomerResolver), a day, an amount and optionally a cost or a gross margin and a product. A
 * customer the importer may not edit is refused for that row, naming only its owner. A row the
 * customer's history already holds (same day, amount and product, written by another import or
 * elsewhere) is skipped as a duplicate, so that importing a file again doubles nothing; rows of
 * the same file that are alike are separate purchases (two of the same item on one day), unless
 * the history held them before this import.
 */
export class PurchaseImport implements RowProcessor<PreparedPurchase> {
  private readonly customers: CustomerResolver;
  private timeZone: Promise<string> | null = null;

  constructor(private readonly plan: ImportPlan) {
    this.customers = new CustomerResolver(plan.locale);
  }

  /** What the stored purchases of this import say they came from. */
  private get source(): string {
    return this.plan.jobId === null ? 'import' : `import:${this.plan.jobId}`;
  }

  async prepare(rows: SourceRow[], options: { at: string }): Promise<PreparedPurchase[]> {
    const { plan } = this;
    this.timeZone ??= companyTimeZone(plan.ctx.db);
    const today = localDate(new Date(options.at), await this.timeZone);
    const say = (key: string, params: Record<string, string | number> = {}) => t(plan.locale, key, params);
    return rows.map((row) => {
      const converted = convertRow(row.cells, plan.columns, plan.locale);
      const messages = [...converted.messages];
      const notes: RowMessage[] = [];
      const values = converted.values;
      const failed = new Set(messages.map((m) => m.field));
      const customerRef = converted.customerRef ?? '';
      if (!customerRef && !failed.has('customer')) messages.push({ field: 'customer', message: say('importRequired') });
      const purchasedOn = typeof values.purchasedOn === 'string' ? values.purchasedOn : null;
      if (purchasedOn === null && !failed.has('purchasedOn')) messages.push({ field: 'purchasedOn', message: say('importRequired') });
      else if (purchasedOn !== null && purchasedOn > today) messages.push({ field: 'purchasedOn', message: say('importPurchaseFutureDate', { today }) });
      const amount = typeof values.amount === 'number' ? values.amount : null;
      if (amount === null && !failed.has('amount')) messages.push({ field: 'amount', message: say('importRequired') });
      else if (amount !== null && amount <= 0) messages.push({ field: 'amount', message: say('importPurchaseAmountPositive') });
      let cost = typeof values.cost === 'number' ? values.cost : null;
      if (cost !== null && cost < 0) messages.push({ field: 'cost', message: say('importPurchaseCostNegative') });
      // The cost wins over the margin when the row gives both.
      if (typeof values.margin === 'string') {
        const margin = parseMargin(values.margin);
        if (margin === null) messages.push({ field: 'margin', message: say('importPurchaseBadMargin') });
        else if (cost === null && amount !== null && amount > 0) {
          cost = costFromMargin(amount, margin);
          notes.push({ field: 'cost', message: say('importPurchaseCostFromMargin', { cost: formatMoney(cost, 'CNY', plan.locale), margin: marginText(margin) }) });
        }
      }
      // One line: a cell typed with Alt+Enter reads as one name.
      const product = typeof values.product === 'string' ? values.product.replace(/\s*[\r\n]+\s*/g, ' ').trim() || null : null;
      if (product !== null && [...product].length > productMax) messages.push({ field: 'product', message: say('importTextTooLong', { n: productMax }) });
      const valid = messages.length === 0 && purchasedOn !== null && amount !== null;
      return { rowNo: row.rowNo, messages, input: valid ? { purchasedOn, amount, cost, product } : null, customerRef, notes };
    });
  }

  async decide(db: Db, prepared: PreparedPurchase[], options: { dry: boolean; at: string }): Promise<RowResult[]> {
    const { plan } = this;
    const { ctx, actor, locale } = plan;
    const results: RowResult[] = prepared.map((p) => ({ rowNo: p.rowNo, outcome: 'rejected', entityId: null, messages: p.messages }));
    const valid = prepared.flatMap((p, index) => (p.input ? [{ p, input: p.input, index }] : []));
    if (valid.length === 0) return results;

    const found = await this.customers.resolve(db, [...new Set(valid.map((v) => v.p.customerRef))]);
    const customerIds = [...new Set([...found.values()].flatMap((c) => (c.ok ? [c.id] : [])))];
    // Held until the batch commits: an owner's change or a second import of the same file waits.
    if (!options.dry) await lockCustomers(db, ctx.engine, customerIds);
    const summaries = new Map((await customerSummaries(db, customerIds, customerEditScope(actor))).map((s) => [s.id, s]));
    const hiddenOwners = [...summaries.values()].filter((s) => Number(s.visible) !== 1).map((s) => s.owner_id);
    const ownerNames = hiddenOwners.length > 0 ? await userNames(ctx, hiddenOwners, db) : new Map<number, string>();

    const editable = [...summaries.values()].filter((s) => Number(s.visible) === 1).map((s) => s.id);
    const days = valid.map((v) => v.input.purchasedOn).sort();
    const keyOf = (customerId: number, input: Pick<PurchaseInput, 'purchasedOn' | 'amount' | 'product'>) => `${customerId}|${input.purchasedOn}|${input.amount}|${input.product ?? ''}`;
    // What the history held before this import (its own rows of earlier batches are not duplicates).
    const stored = new Map<string, number>();
    if (editable.length > 0 && plan.mode !== 'create') {
      for (const s of await purchasesBetween(db, editable, days[0] ?? '', days[days.length - 1] ?? '', this.source)) {
        const key = keyOf(s.customerId, s);
        if (!stored.has(key)) stored.set(key, s.id);
      }
    }

    const inserts: Array<{ index: number; row: NewPurchase }> = [];
    for (const { p, input, index } of valid) {
      const result = results[index];
      if (!result) continue;
      const customer = found.get(p.customerRef);
      if (!customer || !customer.ok) {
        result.messages = [{ field: 'customer', message: customer?.message ?? t(locale, 'importPurchaseCustomerUnknown') }];
        continue;
      }
      const summary = summaries.get(customer.id);
      if (!summary) {
        // Deleted since it was looked up.
        result.messages = [{ field: 'customer', message: t(locale, 'importPurchaseCustomerUnknown') }];
        continue;
      }
      if (Number(summary.visible) !== 1) {
        const message =
          summary.owner_id === null
            ? t(locale, 'importPurchaseCustomerPool')
            : t(locale, 'importPurchaseCustomerHidden', { owner: ownerNames.get(summary.owner_id) ?? t(locale, 'importNobody') });
        result.messages = [{ field: 'customer', message }];
        continue;
      }
      const duplicate = stored.get(keyOf(customer.id, input));
      if (duplicate !== undefined) {
        result.outcome = 'skipped';
        result.entityId = duplicate;
        result.messages = [{ field: 'duplicate', message: t(locale, 'importPurchaseDuplicate', { customer: t(locale, 'importCustomerLabel', { customer: summary.name, archiveNo: summary.archive_no }) }) }];
        continue;
      }
      result.outcome = 'created';
      result.messages = p.notes;
      inserts.push({
        index,
        row: { customerId: customer.id, ...input, source: this.source, createdAt: options.at, createdBy: actor.userId },
      });
    }
    if (!options.dry && inserts.length > 0) {
      const ids = await insertPurchases(db, inserts.map((i) => i.row));
      inserts.forEach(({ index }, i) => {
        const result = results[index];
        if (result) result.entityId = ids[i] ?? null;
      });
    }
    return results;
  }
}
