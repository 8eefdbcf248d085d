import type { Locale } from '@crm/contracts';
import { t } from '../../platform/i18n.js';
import type { MappedColumn, RowMessage } from './convert.js';
import type { ImportPlan, RowProcessor, RowResult, SourceRow } from './plan.js';

// 合计 / 总计 / 小计 / 共计 / Total / Subtotal / Grand total, alone or followed by a colon, a number or a bracket (合计：20 家, Total (20)).
const totalsWord = /^(合计|总计|小计|共计|总合计|累计|grand\s*total|sub\s*-?\s*total|totals?)(?=$|[\s:：(（\d,，])/i;

// Cells that identify a party: a row with any of them is a record, whatever its name says.
const identifying = new Set([
  'phone', 'mobile', 'email', 'wechat', 'website', 'address', 'organization.creditCode', 'person.idCardNumber', 'person.wechat', 'person.qq',
  'contact.mobile', 'contact.phone', 'contact.email', 'contact.name', 'contact.firstName', 'contact.lastName',
]);

/**
 * A spreadsheet's totals line (合计：20 家, Total): its first non-empty cell, or its name cell,
 * says so and it carries nothing that identifies a party. Returns the report's line, or null.
 */
export function totalsRow(cells: string[], columns: MappedColumn[], locale: Locale): RowMessage | null {
  const first = cells.find((c) => c.trim() !== '')?.trim() ?? '';
  // The name, or (purchases) the customer column: where a totals row's word often sits.
  const nameColumn = columns.find((c) => c.field.key === 'name') ?? columns.find((c) => c.field.kind === 'customer');
  const name = nameColumn ? (cells[nameColumn.index] ?? '').trim() : '';
  const word = totalsWord.exec(first) ?? totalsWord.exec(name);
  if (!word) return null;
  if (columns.some((c) => identifying.has(c.field.key) && (cells[c.index] ?? '').trim() !== '')) return null;
  return { field: 'row', message: t(locale, 'importTotalsRow', { text: (word.input ?? '').slice(0, 40) }) };
}

/** A prepared row that may carry warnings: it is imported, and the report says what was left out. */
export interface WithWarnings {
  rowNo: number;
  warnings?: RowMessage[];
}

interface Skipped {
  rowNo: number;
  skippedAs: RowMessage;
}

const isSkipped = (p: unknown): p is Skipped => typeof p === 'object' && p !== null && 'skippedAs' in p;

/**
 * Around an entity's processor: totals rows are skipped with a line in the report (never
 * imported as a customer named 合计), and each row's warnings join its result, whatever the
 * duplicate decision wrote there.
 */
export class RowNotes<P extends WithWarnings> implements RowProcessor<P | Skipped> {
  constructor(
    private readonly plan: ImportPlan,
    private readonly inner: RowProcessor<P>,
  ) {}

  async prepare(rows: SourceRow[], options: { at: string }): Promise<Array<P | Skipped>> {
    const skipped: Skipped[] = [];
    const rest: SourceRow[] = [];
    for (const row of rows) {
      const totals = totalsRow(row.cells, this.plan.columns, this.plan.locale);
      if (totals) skipped.push({ rowNo: row.rowNo, skippedAs: totals });
      else rest.push(row);
    }
    return [...skipped, ...(await this.inner.prepare(rest, options))];
  }

  async decide(db: ImportPlan['ctx']['db'], prepared: Array<P | Skipped>, options: { dry: boolean; at: string }): Promise<RowResult[]> {
    const rows = prepared.filter((p): p is P => !isSkipped(p));
    const results = await this.inner.decide(db, rows, options);
    const warnings = new Map(rows.map((p) => [p.rowNo, p.warnings ?? []]));
    for (const result of results) {
      const extra = warnings.get(result.rowNo) ?? [];
      if (extra.length > 0) result.messages = [...result.messages, ...extra];
    }
    const skipped: RowResult[] = prepared.filter(isSkipped).map((s) => ({ rowNo: s.rowNo, outcome: 'skipped', entityId: null, messages: [s.skippedAs] }));
    return [...results, ...skipped].sort((a, b) => a.rowNo - b.rowNo);
  }
}
