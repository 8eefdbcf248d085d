import { moneyMetrics, periodKind, type AttainmentRow, type TargetMetric, type TargetPeriodKind, type TargetValue } from '@crm/contracts';

/** A row of the attainment table: a department with its sub-departments and users under it, or a user. */
export interface AttainmentNode extends AttainmentRow {
  key: string;
  children?: AttainmentNode[];
}

/**
 * The attainment rows as a tree: departments under their parents, users under their department.
 * A row whose parent the reader may not see stands at the top. Departments first, then users,
 * each in the order the server gave (by name).
 */
export function attainmentTree(rows: AttainmentRow[]): AttainmentNode[] {
  const nodes = rows.map((r): AttainmentNode => ({ ...r, key: `${r.subjectType}:${r.subjectId}` }));
  const departments = new Map(nodes.filter((n) => n.subjectType === 'department').map((n) => [n.subjectId, n]));
  const top: AttainmentNode[] = [];
  for (const node of nodes) {
    const parent = node.parentId === null ? undefined : departments.get(node.parentId);
    if (parent && parent !== node) (parent.children ??= []).push(node);
    else top.push(node);
  }
  return top;
}

/** The period key for a kind and a date: 2026-12, 2026-Q4 or 2026. */
export function periodOf(kind: TargetPeriodKind, date: { year: number; month: number }): string {
  if (kind === 'year') return String(date.year);
  if (kind === 'quarter') return `${date.year}-Q${Math.ceil(date.month / 3)}`;
  return `${date.year}-${String(date.month).padStart(2, '0')}`;
}

/** The kind and first month of a period key, to put it back into the pickers. */
export function periodStart(period: string): { kind: TargetPeriodKind; year: number; month: number } {
  const kind = periodKind(period);
  const year = Number(period.slice(0, 4));
  if (kind === 'month') return { kind, year, month: Number(period.slice(5)) };
  if (kind === 'quarter') return { kind, year, month: Number(period.slice(6)) * 3 - 2 };
  return { kind, year, month: 1 };
}

/** A subject's targets of a year, by period, as the form shows them (yuan for money metrics). */
export function formValues(items: TargetValue[], subject: { type: string; id: number }, metric: TargetMetric): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  for (const item of items) {
    if (item.subjectType !== subject.type || item.subjectId !== subject.id) continue;
    out[item.period] = moneyMetrics.has(metric) ? item.value / 100 : item.value;
  }
  return out;
}

/** The form's values back as targets to save: every period of the year, null where left empty (which clears it). */
export function targetItems(values: Record<string, number | null | undefined>, periods: string[], subject: { type: 'user' | 'department'; id: number }, metric: TargetMetric) {
  return periods.map((period) => {
    const v = values[period];
    const value = v === null || v === undefined ? null : moneyMetrics.has(metric) ? Math.round(v * 100) : Math.round(v);
    return { subjectType: subject.type, subjectId: subject.id, period, value };
  });
}

/** Attainment in basis points as a percentage for a progress bar (capped at 100 for the bar, shown as it is). */
export function attainmentPercent(bp: number | null): { shown: string; bar: number } | null {
  if (bp === null) return null;
  return { shown: `${(bp / 100).toFixed(bp % 100 === 0 ? 0 : 1)}%`, bar: Math.min(100, Math.max(0, bp / 100)) };
}
