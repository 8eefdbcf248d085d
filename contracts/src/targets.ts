import { z } from 'zod';
import { int4Max, queryInt } from './common.js';

/**
 * Sales targets (销售目标): per user and per department, per month, quarter and year, for what
 * the sales modules measure. Money targets are fen; customer targets are counts.
 * - contract_amount: the amount of contracts signed in the period (active or completed, by signing date);
 * - amount_collected: payments received in the period (by date received), counted for the contract's owner when received;
 * - new_customers: customers created in the period, counted for their owner.
 */
export const targetMetrics = ['contract_amount', 'amount_collected', 'new_customers'] as const;
export type TargetMetric = (typeof targetMetrics)[number];
/** Whether a metric is money (fen) rather than a count. */
export const moneyMetrics: ReadonlySet<TargetMetric> = new Set<TargetMetric>(['contract_amount', 'amount_collected']);

export const targetSubjectTypes = ['user', 'department'] as const;
export type TargetSubjectType = (typeof targetSubjectTypes)[number];

/** A period: a month (2026-12), a quarter (2026-Q4) or a year (2026). */
export const targetPeriod = z
  .string()
  .regex(/^(20\d{2}|2100)(-(0[1-9]|1[0-2])|-Q[1-4])?$/, { message: 'targetPeriod' });
export type TargetPeriodKind = 'month' | 'quarter' | 'year';

export function periodKind(period: string): TargetPeriodKind {
  if (period.length === 4) return 'year';
  return period.includes('Q') ? 'quarter' : 'month';
}

/** The months (YYYY-MM) a period covers. */
export function monthsOf(period: string): string[] {
  const year = period.slice(0, 4);
  const kind = periodKind(period);
  const months = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `${year}-${String(from + i).padStart(2, '0')}`);
  if (kind === 'month') return [period];
  if (kind === 'year') return months(1, 12);
  const q = Number(period.slice(6));
  return months(q * 3 - 2, q * 3);
}

/** Every period of a year: its 12 months, 4 quarters and the year itself. */
export function periodsOfYear(year: number): string[] {
  const y = String(year);
  return [...Array.from({ length: 12 }, (_, i) => `${y}-${String(i + 1).padStart(2, '0')}`), ...[1, 2, 3, 4].map((q) => `${y}-Q${q}`), y];
}

/** The largest target (fen or count). */
export const maxTarget = 1e13;

export const targetYearQuery = z
  .object({
    year: queryInt(2000, 2100),
    metric: z.enum(targetMetrics),
  })
  .strict();

/** Someone a target is set for: a user or a department the reader may see. */
export const targetSubject = z.object({
  type: z.enum(targetSubjectTypes),
  id: z.number().int(),
  name: z.string(),
  /** A user's department, a department's parent (null at the top). */
  parentId: z.number().int().nullable(),
  /** Whether the reader may set this subject's targets. */
  editable: z.boolean(),
});
export type TargetSubject = z.infer<typeof targetSubject>;

export const targetValue = z.object({
  subjectType: z.enum(targetSubjectTypes),
  subjectId: z.number().int(),
  period: z.string(),
  value: z.number().int(),
});
export type TargetValue = z.infer<typeof targetValue>;

/** GET /targets: a year's targets of one metric for every subject the reader may see. */
export const targetYear = z.object({
  year: z.number().int(),
  metric: z.enum(targetMetrics),
  subjects: z.array(targetSubject),
  items: z.array(targetValue),
});
export type TargetYear = z.infer<typeof targetYear>;

/** PUT /targets: set (a number) or clear (null) targets of one metric in one year. */
export const targetsWrite = z
  .object({
    year: z.number().int().min(2000).max(2100),
    metric: z.enum(targetMetrics),
    items: z
      .array(
        z
          .object({
            subjectType: z.enum(targetSubjectTypes),
            subjectId: z.number().int().min(1).max(int4Max),
            period: targetPeriod,
            value: z.number().int().min(0).max(maxTarget).nullable(),
          })
          .strict(),
      )
      .min(1)
      .max(500),
  })
  .strict();
export type TargetsWrite = z.input<typeof targetsWrite>;

export const attainmentQuery = z
  .object({
    period: targetPeriod,
    metric: z.enum(targetMetrics),
  })
  .strict();
export type AttainmentQuery = z.input<typeof attainmentQuery>;

/** GET /targets/attainment/export: the attainment report of a period and metric as a spreadsheet (.xlsx by default, or CSV). */
export const attainmentExportQuery = z
  .object({ ...attainmentQuery.shape, format: z.enum(['xlsx', 'csv']).default('xlsx') })
  .strict();
export type AttainmentExportQuery = z.input<typeof attainmentExportQuery>;

export const attainmentRow = z.object({
  subjectType: z.enum(targetSubjectTypes),
  subjectId: z.number().int(),
  name: z.string(),
  parentId: z.number().int().nullable(),
  /** The target set for the period; for a quarter or a year without one, the sum of its months' targets when any is set. */
  target: z.number().int().nullable(),
  targetFrom: z.enum(['period', 'months']).nullable(),
  /** A department's members' targets summed (users in it and below it); null for a user. */
  membersTarget: z.number().int().nullable(),
  /** What was achieved in the period; a department's is its members' (and sub-departments') sum. */
  actual: z.number().int(),
  /** actual / target in basis points (10000 = 100%); null without a target. */
  attainmentBp: z.number().int().nullable(),
});
export type AttainmentRow = z.infer<typeof attainmentRow>;

/** GET /targets/attainment: target against actual for every subject the reader may see. */
export const attainment = z.object({
  period: z.string(),
  metric: z.enum(targetMetrics),
  /** The period's first day and the day after its last (YYYY-MM-DD, company time zone). */
  from: z.string(),
  to: z.string(),
  rows: z.array(attainmentRow),
  /** The reader's whole scope: the sum of the actuals of every user they may see. */
  total: z.object({ target: z.number().int().nullable(), actual: z.number().int() }),
});
export type Attainment = z.infer<typeof attainment>;

/** actual / target in basis points, or null without a (positive) target. */
export function attainmentBp(actual: number, target: number | null): number | null {
  if (target === null || target <= 0) return null;
  return Math.round((actual * 10000) / target);
}
