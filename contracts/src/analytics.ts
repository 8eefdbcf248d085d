import { z } from 'zod';
import { id, int4Max, pageQuery, queryInt, settingsVersion } from './common.js';

/**
 * Customer analytics (客户分析, issue 14): ABC classes, value classes (the VIP pyramid), RFM scores
 * and segments, historical / current / lifetime value, lifecycle stage and status, churn risk.
 * Every threshold is a setting with the textbook default (DOMAIN.md section 4).
 */

export const abcClasses = ['A', 'B', 'C'] as const;
export type AbcClass = (typeof abcClasses)[number];
/** 关键客户 / 大客户(发展客户) / 维持客户 / 机会客户. */
export const valueClasses = ['key', 'major', 'maintenance', 'opportunity'] as const;
export type ValueClass = (typeof valueClasses)[number];
export const rfmSegments = ['champions', 'loyal', 'potential_loyalist', 'new', 'at_risk', 'cannot_lose', 'hibernating', 'needs_attention'] as const;
export type RfmSegment = (typeof rfmSegments)[number];
/** The customer's lifecycle stages as the archive names them (考察期 / 形成期 / 稳定期 / 退化期). */
export const analyticsStages = ['exploration', 'formation', 'stability', 'decline'] as const;
/** 首次购买 / 重复购买 / 忠诚 / 流失. */
export const analyticsStatuses = ['first_purchase', 'repeat', 'loyal', 'lost'] as const;
export const abcBases = ['revenue', 'gross_profit'] as const;

const percent = z.number().int().min(1).max(99);
const fenSetting = z.number().int().min(0).max(1_000_000_000_000);

const settingsShape = {
  /** What ABC ranks by: revenue or gross profit. */
  abcBasis: z.enum(abcBases),
  /** Cumulative share (%) up to which a customer is A, then B; the rest (to 100 %) is C. */
  abcAPercent: percent,
  abcBPercent: percent,
  /** Value classes by spend rank: the top N % are key, then major, then maintenance; the rest opportunity. */
  keyTopPercent: percent,
  majorTopPercent: percent,
  maintenanceTopPercent: percent,
  /** Months of transactions RFM's frequency and monetary count, and current value extrapolates. */
  rfmWindowMonths: z.number().int().min(1).max(120),
  /** Gross margin (%) of a transaction whose cost is not known. */
  defaultMarginPercent: z.number().int().min(0).max(100),
  /** Lifetime value: yearly discount rate (%), horizon (years), acquisition cost and yearly retention cost (fen). */
  discountRatePercent: z.number().int().min(0).max(100),
  horizonYears: z.number().int().min(1).max(50),
  acquisitionCost: fenSetting,
  retentionCostPerYear: fenSetting,
  /** Churn risk: the days since the last purchase exceed N times the customer's own average interval. */
  churnFactor: z.number().int().min(1).max(20),
  /** Churn risk: spend of the last window fell by at least this share (%) against the window before. */
  spendDropPercent: percent,
  /** Lost (流失): no purchase for this many days. */
  lostAfterDays: z.number().int().min(30).max(3650),
  /** Loyal (忠诚) and, with the tenure below, stability (稳定期): at least this many purchases. */
  loyalMinPurchases: z.number().int().min(2).max(1000),
  stabilityMinMonths: z.number().int().min(1).max(120),
};

export const analyticsDefaults = {
  abcBasis: 'revenue',
  abcAPercent: 80,
  abcBPercent: 90,
  keyTopPercent: 1,
  majorTopPercent: 5,
  maintenanceTopPercent: 20,
  rfmWindowMonths: 12,
  defaultMarginPercent: 20,
  discountRatePercent: 10,
  horizonYears: 5,
  acquisitionCost: 0,
  retentionCostPerYear: 0,
  churnFactor: 2,
  spendDropPercent: 50,
  lostAfterDays: 365,
  loyalMinPurchases: 5,
  stabilityMinMonths: 12,
} as const;

/** The stored document: every field defaulted, so a setting added later needs no migration. */
export const analyticsSettingsValue = z.object(
  Object.fromEntries(Object.entries(settingsShape).map(([k, s]) => [k, (s as z.ZodType).default(analyticsDefaults[k as keyof typeof analyticsDefaults])])) as {
    [K in keyof typeof settingsShape]: z.ZodDefault<(typeof settingsShape)[K]>;
  },
);
export type AnalyticsSettingsValue = z.output<typeof analyticsSettingsValue>;

export const analyticsSettings = z.object({ ...settingsShape, version: z.number().int() });
export type AnalyticsSettings = z.infer<typeof analyticsSettings>;

/** PUT /settings/analytics: every field, with the version read; the cut-offs must rise. */
export const analyticsSettingsUpdate = z
  .object({ ...settingsShape, version: settingsVersion })
  .strict()
  .superRefine((v, issue) => {
    if (v.abcBPercent <= v.abcAPercent) issue.addIssue({ code: 'custom', path: ['abcBPercent'], message: 'analyticsCutOffsRise' });
    if (v.majorTopPercent <= v.keyTopPercent) issue.addIssue({ code: 'custom', path: ['majorTopPercent'], message: 'analyticsCutOffsRise' });
    if (v.maintenanceTopPercent <= v.majorTopPercent) issue.addIssue({ code: 'custom', path: ['maintenanceTopPercent'], message: 'analyticsCutOffsRise' });
  });
export type AnalyticsSettingsUpdate = z.input<typeof analyticsSettingsUpdate>;

export const analyticsRunStatuses = ['running', 'done', 'failed'] as const;
export const analyticsRun = z.object({
  id: z.number().int(),
  status: z.enum(analyticsRunStatuses),
  reason: z.enum(['schedule', 'manual']),
  /** The day the figures are computed for (company time zone). */
  asOf: z.string(),
  stepsDone: z.number().int(),
  stepsTotal: z.number().int(),
  /** 0-100. */
  progress: z.number().int(),
  customers: z.number().int(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  error: z.string().nullable(),
  requestedBy: z.number().int().nullable(),
});
export type AnalyticsRun = z.infer<typeof analyticsRun>;

/** One customer's figures and classes of one run. Money in fen. */
export const customerAnalyticsRow = z.object({
  customerId: z.number().int(),
  customerName: z.string(),
  ownerId: z.number().int().nullable(),
  runId: z.number().int(),
  asOf: z.string(),
  revenue: z.number().int(),
  grossProfit: z.number().int(),
  received: z.number().int(),
  purchases: z.number().int(),
  firstOn: z.string(),
  lastOn: z.string(),
  abcClass: z.enum(abcClasses),
  abcRank: z.number().int(),
  /** Cumulative share of the ABC basis up to and including this customer, basis points (7830 = 78.30 %). */
  abcCumulativeBp: z.number().int(),
  valueClass: z.enum(valueClasses),
  valueRank: z.number().int(),
  recencyDays: z.number().int(),
  frequency: z.number().int(),
  monetary: z.number().int(),
  rScore: z.number().int(),
  fScore: z.number().int(),
  mScore: z.number().int(),
  rfmSegment: z.enum(rfmSegments),
  historicalValue: z.number().int(),
  currentValue: z.number().int(),
  lifetimeValue: z.number().int(),
  averageIntervalDays: z.number().int().nullable(),
  lifecycleStage: z.enum(analyticsStages),
  status: z.enum(analyticsStatuses),
  churnRisk: z.boolean(),
});
export type CustomerAnalyticsRow = z.infer<typeof customerAnalyticsRow>;

const boolQuery = z.enum(['true', 'false']).transform((v) => v === 'true');

export const customerAnalyticsQuery = z
  .object({
    ...pageQuery,
    abcClass: z.enum(abcClasses).optional(),
    valueClass: z.enum(valueClasses).optional(),
    rfmSegment: z.enum(rfmSegments).optional(),
    lifecycleStage: z.enum(analyticsStages).optional(),
    status: z.enum(analyticsStatuses).optional(),
    churnRisk: boolQuery.optional(),
    ownerId: id.optional(),
    /** An earlier run (default: the latest finished one). */
    runId: id.optional(),
  })
  .strict();
export type CustomerAnalyticsQuery = z.input<typeof customerAnalyticsQuery>;

export const customerAnalyticsList = z.object({
  items: z.array(customerAnalyticsRow),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  run: analyticsRun.nullable(),
});

const counts = <T extends readonly [string, ...string[]]>(keys: T) => z.object(Object.fromEntries(keys.map((k) => [k, z.number().int()])) as { [K in T[number]]: z.ZodNumber });
export const analyticsSummaryQuery = z.object({ runId: id.optional() }).strict();
/** Class counts of the customers in your data scope, from the latest finished run. */
export const analyticsSummary = z.object({
  run: analyticsRun.nullable(),
  customers: z.number().int(),
  revenue: z.number().int(),
  grossProfit: z.number().int(),
  abc: counts(abcClasses),
  valueClasses: counts(valueClasses),
  rfmSegments: counts(rfmSegments),
  lifecycleStages: counts(analyticsStages),
  statuses: counts(analyticsStatuses),
  churnRisk: z.number().int(),
});
export type AnalyticsSummary = z.infer<typeof analyticsSummary>;

/** One classification with what it was computed from and how, in the reader's language. */
export const analyticsExplanation = z.object({
  key: z.enum(['abc', 'valueClass', 'rfm', 'historicalValue', 'currentValue', 'lifetimeValue', 'lifecycleStage', 'status', 'churnRisk']),
  value: z.string(),
  inputs: z.record(z.string(), z.union([z.number(), z.string(), z.boolean(), z.null()])),
  formula: z.string(),
});
export const customerAnalytics = z.object({
  customerId: z.number().int(),
  /** Null until a run has classified the customer (no transactions yet, or no run). */
  current: customerAnalyticsRow.nullable(),
  explanations: z.array(analyticsExplanation),
  /** The customer's classes in each run, newest first (movement between classes over time). */
  history: z.array(z.object({ runId: z.number().int(), asOf: z.string(), abcClass: z.enum(abcClasses), valueClass: z.enum(valueClasses), rfmSegment: z.enum(rfmSegments), lifecycleStage: z.enum(analyticsStages), status: z.enum(analyticsStatuses), churnRisk: z.boolean() })),
});
export type CustomerAnalytics = z.infer<typeof customerAnalytics>;

export const analyticsRunParams = z.object({ id }).strict();
export const analyticsCustomerParams = z.object({ id: queryInt(1, int4Max) }).strict();
