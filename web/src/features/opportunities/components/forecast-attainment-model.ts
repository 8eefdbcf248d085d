import { attainmentBp, monthsOf, type Attainment, type AttainmentRow } from '@crm/contracts';

/**
 * The forecast's months as target periods: whole years and whole quarters where the range covers
 * them, single months elsewhere (2026-02..2027-01 -> 2026-02, 2026-03, 2026-Q2, 2026-Q3, 2026-Q4,
 * 2027-01). A year or quarter set as a whole is then compared as set, not split into months.
 */
export function attainmentParts(from: string, to: string): string[] {
  const index = (month: string) => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
  const end = index(to);
  const parts: string[] = [];
  let i = index(from);
  while (i <= end) {
    const year = Math.floor(i / 12);
    const month = i % 12;
    if (month === 0 && i + 11 <= end) {
      parts.push(String(year));
      i += 12;
    } else if (month % 3 === 0 && i + 2 <= end) {
      parts.push(`${year}-Q${month / 3 + 1}`);
      i += 3;
    } else {
      parts.push(`${year}-${String(month + 1).padStart(2, '0')}`);
      i += 1;
    }
  }
  return parts;
}

/** Every period to ask for: the parts, and each whole year's quarters (a year may be set quarter by quarter only). */
export function attainmentRequests(parts: string[]): string[] {
  return parts.flatMap((part) => (part.length === 4 ? [part, ...[1, 2, 3, 4].map((q) => `${part}-Q${q}`)] : [part]));
}

/** Whose attainment the forecast shows: the department it is filtered to, the reader's top departments, or the reader's people. */
export interface ScopeChoice {
  departmentId?: number;
  userId: number;
}

/** One subject's figures in one period; target null when none is set. */
export interface ScopeFigures {
  /** A department's name, the reader's own name, or null for several subjects together. */
  name: string | null;
  target: number | null;
  actual: number;
}

/** A department's own target, else its members' targets summed. */
const targetOfRow = (row: AttainmentRow) => row.target ?? row.membersTarget;

function sumRows(rows: AttainmentRow[], name: string | null): ScopeFigures {
  const targets = rows.map(targetOfRow).filter((t): t is number => t !== null);
  return { name, target: targets.length > 0 ? targets.reduce((a, b) => a + b, 0) : null, actual: rows.reduce((sum, r) => sum + r.actual, 0) };
}

/**
 * The reader's scope in one period's attainment: the department the forecast is filtered to when
 * the reader sees it; else the top departments they see (one, or several added up); else (no
 * department in scope) their own line when it is the only one, or everyone they see.
 */
export function scopeFigures(attainment: Attainment, choice: ScopeChoice): ScopeFigures {
  const departments = attainment.rows.filter((r) => r.subjectType === 'department');
  const chosen = departments.find((r) => r.subjectId === choice.departmentId);
  if (chosen) return sumRows([chosen], chosen.name);
  const ids = new Set(departments.map((r) => r.subjectId));
  const top = departments.filter((r) => r.parentId === null || !ids.has(r.parentId));
  if (top.length > 0) return sumRows(top, top.length === 1 ? (top[0]?.name ?? null) : null);
  const users = attainment.rows.filter((r) => r.subjectType === 'user');
  const own = users.find((r) => r.subjectId === choice.userId);
  if (own && users.length === 1) return sumRows([own], own.name);
  return { name: null, target: attainment.total.target, actual: attainment.total.actual };
}

/** The section's figures over the forecast's months with a target (fen); null target when none has one. */
export interface AttainmentSummary {
  name: string | null;
  target: number | null;
  actual: number;
  /** Signed so far plus the open pipeline weighted by probability. */
  forecast: number;
  actualBp: number | null;
  forecastBp: number | null;
  /** What is left to sign to reach the target (negative: exceeded). */
  gap: number | null;
  /** Periods without a target: left out of the comparison (their signed amount and pipeline too). */
  missing: string[];
}

interface Piece {
  period: string;
  figures: ScopeFigures;
}

/** A part's pieces: itself, or a whole year without its own (nor months') target as its four quarters. */
function piecesOf(part: string, byPeriod: Map<string, Attainment>, choice: ScopeChoice): Piece[] {
  const answer = byPeriod.get(part);
  if (!answer) return [];
  const figures = scopeFigures(answer, choice);
  if (figures.target !== null || part.length !== 4) return [{ period: part, figures }];
  const quarters = [1, 2, 3, 4].flatMap((q) => {
    const quarter = byPeriod.get(`${part}-Q${q}`);
    return quarter ? [{ period: quarter.period, figures: scopeFigures(quarter, choice) }] : [];
  });
  return quarters.length === 4 && quarters.some((q) => q.figures.target !== null) ? quarters : [{ period: part, figures }];
}

/**
 * Target against signed and forecast over the periods that have a target. Forecast = signed +
 * the open pipeline weighted by probability (the page's weighted figure, per month): won deals are
 * not added, as a won deal's money counts once its contract is signed.
 */
export function summarize(parts: string[], byPeriod: Map<string, Attainment>, choice: ScopeChoice, weightedByMonth: Map<string, number>): AttainmentSummary {
  const pieces = parts.flatMap((part) => piecesOf(part, byPeriod, choice));
  const counted = pieces.filter((p) => p.figures.target !== null);
  const name = pieces[0]?.figures.name ?? null;
  const missing = pieces.filter((p) => p.figures.target === null).map((p) => p.period);
  const considered = counted.length > 0 ? counted : pieces;
  const actual = considered.reduce((sum, p) => sum + p.figures.actual, 0);
  const weighted = considered.flatMap((p) => monthsOf(p.period)).reduce((sum, month) => sum + (weightedByMonth.get(month) ?? 0), 0);
  const target = counted.length > 0 ? counted.reduce((sum, p) => sum + (p.figures.target ?? 0), 0) : null;
  const forecast = actual + weighted;
  return {
    name,
    target,
    actual,
    forecast,
    actualBp: attainmentBp(actual, target),
    forecastBp: attainmentBp(forecast, target),
    gap: target === null ? null : target - actual,
    missing: counted.length > 0 ? missing : [],
  };
}

/** Basis points as a percentage text (62.5%, 100%) and a bar length capped at 100. */
export function percentOf(bp: number | null): { text: string; bar: number } | null {
  if (bp === null) return null;
  return { text: `${(bp / 100).toFixed(bp % 100 === 0 ? 0 : 1)}%`, bar: Math.min(100, Math.max(0, bp / 100)) };
}
