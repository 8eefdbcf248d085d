import { z } from 'zod';
import { id, int4Max, isoDate, pageQuery, queryInt, settingsVersion } from './common.js';
import type { customerStatuses, lifecycleStages } from './customer-options.js';

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
export type AnalyticsStage = (typeof analyticsStages)[number];
export type AnalyticsStatus = (typeof analyticsStatuses)[number];
/**
 * The customer record's option a derived value suggests (the record's 生命周期 and 状态 fields,
 * customer-options.ts). Every derived stage has its namesake among the record's stages. Every
 * derived status has its namesake among the record's statuses; the record's `potential` (潜在),
 * `target` (目标) and `non_customer` (非客户) have no derived counterpart: a run classifies only
 * customers with transactions, and nothing in a purchase trend says a customer is not one, so a
 * suggestion never proposes them (a record set to one of them is offered the derived status).
 * The list filter compares the stored values directly (analytics.read.ts): change it with this map.
 */
export const suggestedStage: Record<AnalyticsStage, (typeof lifecycleStages)[number]> = { exploration: 'exploration', formation: 'formation', stability: 'stability', decline: 'decline' };
export const suggestedStatus: Record<AnalyticsStatus, (typeof customerStatuses)[number]> = { first_purchase: 'first_purchase', repeat: 'repeat', loyal: 'loyal', lost: 'lost' };
export const abcBases = ['revenue', 'gross_profit'] as const;
/**
 * Pyramid quadrants (金字塔理论), current value × growth potential: platinum IV (high, high: grow),
 * gold III (high, low: retain), iron II (low, high: develop), lead I (low, low: standard service).
 */
export const quadrants = ['platinum', 'gold', 'iron', 'lead'] as const;
export type Quadrant = (typeof quadrants)[number];
/** The service tier a class carries (other modules read it with the policy text). */
export const serviceTiers = ['priority', 'regular', 'basic'] as const;
export type ServiceTier = (typeof serviceTiers)[number];
/** The classes with a service policy: the ABC classes and the value classes. */
export const policyClasses = ['A', 'B', 'C', 'key', 'major', 'maintenance', 'opportunity'] as const;
export type PolicyClass = (typeof policyClasses)[number];

const percent = z.number().int().min(1).max(99);
const fenSetting = z.number().int().min(0).max(1_000_000_000_000);
/** One class's service policy: its tier and text ('' = the built-in text of the seed, in the reader's language). */
export const servicePolicySetting = z.object({ tier: z.enum(serviceTiers), text: z.string().trim().max(500) }).strict();
export type ServicePolicySetting = z.infer<typeof servicePolicySetting>;

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
  /** Potential value: the up-sell gap counts only when the customer's peer group (same industry and category) has at least this many customers. */
  potentialMinPeers: z.number().int().min(1).max(1000),
  /** Potential value of one referral (a lead that names the customer as referrer), fen. */
  referralValue: fenSetting,
  /** Quadrants: current value at or above the value of the customer at the top N % is high. */
  quadrantValueTopPercent: percent,
  /** Quadrants: potential value above this percentile (nearest rank) of all customers' is high. */
  quadrantPotentialPercentile: percent,
  /** Each ABC and value class's service tier and policy text. */
  servicePolicies: z.object(Object.fromEntries(policyClasses.map((k) => [k, servicePolicySetting])) as Record<PolicyClass, typeof servicePolicySetting>).strict(),
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
  potentialMinPeers: 3,
  referralValue: 500_000,
  quadrantValueTopPercent: 20,
  quadrantPotentialPercentile: 50,
  servicePolicies: {
    A: { tier: 'priority', text: '' },
    B: { tier: 'regular', text: '' },
    C: { tier: 'basic', text: '' },
    key: { tier: 'priority', text: '' },
    major: { tier: 'priority', text: '' },
    maintenance: { tier: 'regular', text: '' },
    opportunity: { tier: 'basic', text: '' },
  },
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
  /** The customers of the run with the same industry and category (the customer included), and the median of their current value. */
  peerCount: z.number().int(),
  peerMedian: z.number().int(),
  /** Live leads that name the customer as referrer. */
  referrals: z.number().int(),
  /** max(0, peer median − current value) when the peer group is large enough, + referrals × the referral value (fen). */
  potentialValue: z.number().int(),
  quadrant: z.enum(quadrants),
  /** Days from the first purchase to the run's day. */
  tenureDays: z.number().int(),
  /** The four-dimension evaluation (四维评价), each 1-5. */
  profitScore: z.number().int(),
  influenceScore: z.number().int(),
  loyaltyScore: z.number().int(),
  potentialScore: z.number().int(),
  /** In lists: the day of the customer's latest win-back up to this run (bought again after counting as lost), null when never won back. */
  wonBackOn: z.string().nullable().optional(),
  /** In lists: the customer record's hand-set lifecycle stage and status, and whether a derived one is suggested against them (differs, and not kept). */
  recordLifecycleStage: z.string().optional(),
  recordStatus: z.string().optional(),
  suggested: z.boolean().optional(),
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
    /** true: only customers won back up to the run (lost in a run, then bought again); false: only the others. */
    wonBack: boolQuery.optional(),
    quadrant: z.enum(quadrants).optional(),
    /** true: only customers whose derived lifecycle stage or status differs from the record's and was not kept ("keep mine"); false: only the others. */
    suggested: boolQuery.optional(),
    ownerId: id.optional(),
    /** Customers whose owner is in this department or below it (the dashboards' filter). */
    departmentId: id.optional(),
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
  quadrants: counts(quadrants),
  churnRisk: z.number().int(),
});
export type AnalyticsSummary = z.infer<typeof analyticsSummary>;

/** One classification with what it was computed from and how, in the reader's language. */
export const analyticsExplanation = z.object({
  key: z.enum([
    'abc', 'valueClass', 'rfm', 'historicalValue', 'currentValue', 'lifetimeValue', 'lifecycleStage', 'status', 'churnRisk',
    'potentialValue', 'quadrant', 'profitScore', 'influenceScore', 'loyaltyScore', 'potentialScore',
  ]),
  value: z.string(),
  inputs: z.record(z.string(), z.union([z.number(), z.string(), z.boolean(), z.null()])),
  formula: z.string(),
});
/**
 * One field's suggestion: the derived value of the latest run, the record's value, and the derived
 * value its user kept the record's against ("keep mine"; null when none). It is shown when the
 * derived value (mapped with suggestedStage / suggestedStatus) differs from the record's and is not
 * the kept one; a run that derives another value forgets the kept one.
 */
const suggestionOf = <D extends z.ZodTypeAny>(derived: D) => z.object({ derived, record: z.string(), kept: derived.nullable(), suggested: z.boolean() });
export const lifecycleSuggestion = z.object({
  lifecycleStage: suggestionOf(z.enum(analyticsStages)),
  status: suggestionOf(z.enum(analyticsStatuses)),
});
export type LifecycleSuggestion = z.infer<typeof lifecycleSuggestion>;

/**
 * POST /analytics/customers/:id/keep-record: keep the record's stage and/or status against the
 * derived value named (the one the user saw); 409 when the latest run derives another value now.
 */
export const lifecycleKeep = z
  .object({ lifecycleStage: z.enum(analyticsStages).optional(), status: z.enum(analyticsStatuses).optional() })
  .strict()
  .superRefine((v, issue) => {
    if (v.lifecycleStage === undefined && v.status === undefined) issue.addIssue({ code: 'custom', path: ['lifecycleStage'], message: 'analyticsKeepNothing' });
  });
export type LifecycleKeep = z.input<typeof lifecycleKeep>;

/** A class's service policy as other modules and the customer's card read it. */
export const servicePolicy = z.object({ policyClass: z.enum(policyClasses), tier: z.enum(serviceTiers), text: z.string() });
export type ServicePolicy = z.infer<typeof servicePolicy>;
export const customerServicePolicy = z.object({
  abc: servicePolicy,
  value: servicePolicy,
  /** The higher of the two tiers (priority > regular > basic). */
  tier: z.enum(serviceTiers),
});
export type CustomerServicePolicy = z.infer<typeof customerServicePolicy>;

export const customerAnalytics = z.object({
  customerId: z.number().int(),
  /** The service policies of the customer's ABC and value class (null until classified). */
  servicePolicy: customerServicePolicy.nullable(),
  /** Null until a run has classified the customer (no transactions yet, or no run). */
  current: customerAnalyticsRow.nullable(),
  /** The derived lifecycle stage and status against the record's (null with `current`). */
  suggestion: lifecycleSuggestion.nullable(),
  explanations: z.array(analyticsExplanation),
  /** The customer's classes in each run, newest first (movement between classes over time). */
  history: z.array(z.object({ runId: z.number().int(), asOf: z.string(), abcClass: z.enum(abcClasses), valueClass: z.enum(valueClasses), rfmSegment: z.enum(rfmSegments), lifecycleStage: z.enum(analyticsStages), status: z.enum(analyticsStatuses), churnRisk: z.boolean() })),
});
export type CustomerAnalytics = z.infer<typeof customerAnalytics>;

export const analyticsRunParams = z.object({ id }).strict();
export const analyticsCustomerParams = z.object({ id: queryInt(1, int4Max) }).strict();

// ---------------------------------------------------------------------------------------------
// Dashboards (issue 14, "Dashboards and reports"): aggregates of the caller's data scope.

/**
 * The dashboards' filters: the owner's department (that department and those below it, within
 * the caller's scope) and a range of days (company time zone) that applies where a figure has a
 * date: the composition counts the customers created in the range, and the new customers per
 * month cover it (default: the last 12 months). The class charts are as of the latest run.
 */
const dashboardFilterShape = {
  departmentId: id.optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
};
const rangeRises = (v: { from?: string | undefined; to?: string | undefined }, issue: z.RefinementCtx) => {
  if (v.from && v.to && v.from > v.to) issue.addIssue({ code: 'custom', path: ['to'], message: 'analyticsRangeOrder' });
};
export const dashboardFilterQuery = z.object(dashboardFilterShape).strict().superRefine(rangeRises);
export type DashboardFilterQuery = z.input<typeof dashboardFilterQuery>;

export const compositionDimensions = ['kind', 'category', 'industry', 'status', 'lifecycleStage', 'province', 'city'] as const;
export type CompositionDimension = (typeof compositionDimensions)[number];

/** GET /analytics/dashboard/composition: `province` also counts that province's customers by city. */
export const dashboardCompositionQuery = z
  .object({ ...dashboardFilterShape, province: z.string().trim().min(1).max(30).optional() })
  .strict()
  .superRefine(rangeRises);
export type DashboardCompositionQuery = z.input<typeof dashboardCompositionQuery>;

/** One slice: the stored value ('' when the field is empty) and how many customers have it. */
export const compositionBucket = z.object({ key: z.string(), customers: z.number().int() });
export type CompositionBucket = z.infer<typeof compositionBucket>;

export const dashboardComposition = z.object({
  /** Customers in scope (and in the range and department when given). */
  customers: z.number().int(),
  byKind: z.array(compositionBucket),
  byCategory: z.array(compositionBucket),
  byIndustry: z.array(compositionBucket),
  byStatus: z.array(compositionBucket),
  byLifecycleStage: z.array(compositionBucket),
  byProvince: z.array(compositionBucket),
  /** The cities of `province` (empty without it). */
  byCity: z.array(compositionBucket),
  /** New customers per month (YYYY-MM, company time zone) over the range. */
  newByMonth: z.array(z.object({ month: z.string(), customers: z.number().int() })),
});
export type DashboardComposition = z.infer<typeof dashboardComposition>;

/** GET /analytics/dashboard/composition/customers: the customers behind one slice, same filters. */
export const compositionCustomersQuery = z
  .object({
    ...dashboardFilterShape,
    page: pageQuery.page,
    pageSize: pageQuery.pageSize,
    dimension: z.enum([...compositionDimensions, 'month']),
    /** The slice's key ('' for an empty field; YYYY-MM for `month`). */
    key: z.string().trim().max(60).default(''),
    /** With `city`: the province the city is in. */
    province: z.string().trim().min(1).max(30).optional(),
  })
  .strict()
  .superRefine(rangeRises);
export type CompositionCustomersQuery = z.input<typeof compositionCustomersQuery>;

export const compositionCustomer = z.object({
  id: z.number().int(),
  archiveNo: z.string(),
  name: z.string(),
  kind: z.string(),
  category: z.string(),
  industry: z.string().nullable(),
  status: z.string(),
  lifecycleStage: z.string(),
  province: z.string().nullable(),
  city: z.string().nullable(),
  ownerId: z.number().int().nullable(),
  ownerName: z.string().nullable(),
  createdAt: z.string(),
});
export const compositionCustomers = z.object({ items: z.array(compositionCustomer), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });
export type CompositionCustomer = z.infer<typeof compositionCustomer>;

/** GET /analytics/dashboard/abc: the Pareto chart of the customers in scope (latest run). */
export const dashboardAbcQuery = z.object({ ...dashboardFilterShape, limit: queryInt(1, 500).default(50) }).strict().superRefine(rangeRises);
export const dashboardAbc = z.object({
  run: analyticsRun.nullable(),
  basis: z.enum(abcBases),
  customers: z.number().int(),
  /** The sum of the basis (fen) over the customers in scope. */
  total: z.number().int(),
  /** The run's cut-offs (%), and how many of the customers in scope it takes to reach them. */
  aPercent: z.number().int(),
  bPercent: z.number().int(),
  reachA: z.number().int(),
  reachB: z.number().int(),
  /** The first `limit` customers by rank; cumulative share within the scope, basis points. */
  points: z.array(z.object({ rank: z.number().int(), customerId: z.number().int(), customerName: z.string(), value: z.number().int(), cumulativeBp: z.number().int(), abcClass: z.enum(abcClasses) })),
  /** The customers past `limit`, together. */
  rest: z.object({ customers: z.number().int(), value: z.number().int() }),
});
export type DashboardAbc = z.infer<typeof dashboardAbc>;

const classFigures = { customers: z.number().int(), revenue: z.number().int(), grossProfit: z.number().int() };
/** GET /analytics/dashboard/value-pyramid: customers, revenue and gross profit per value class (fen). */
export const dashboardPyramid = z.object({ run: analyticsRun.nullable(), rows: z.array(z.object({ valueClass: z.enum(valueClasses), ...classFigures })) });
export type DashboardPyramid = z.infer<typeof dashboardPyramid>;
/** GET /analytics/dashboard/rfm: customers, revenue and the window's spend per RFM segment (fen). */
export const dashboardRfm = z.object({ run: analyticsRun.nullable(), rows: z.array(z.object({ segment: z.enum(rfmSegments), ...classFigures, monetary: z.number().int() })) });
export type DashboardRfm = z.infer<typeof dashboardRfm>;

/** GET /analytics/dashboard/quadrants: customers, current and potential value per pyramid quadrant (fen), with the run's cuts. */
export const dashboardQuadrants = z.object({
  run: analyticsRun.nullable(),
  /** The settings the run applied: current value at or above the top N % is high; potential above the percentile is high. */
  valueTopPercent: z.number().int(),
  potentialPercentile: z.number().int(),
  /** The cuts the run compared with (over all its customers), fen. */
  valueCut: z.number().int(),
  potentialCut: z.number().int(),
  rows: z.array(z.object({ quadrant: z.enum(quadrants), customers: z.number().int(), currentValue: z.number().int(), potentialValue: z.number().int() })),
});
export type DashboardQuadrants = z.infer<typeof dashboardQuadrants>;

/** GET /analytics/dashboard/churn: customers at churn risk, longest silence first. */
export const dashboardChurnQuery = z.object({ ...dashboardFilterShape, page: pageQuery.page, pageSize: pageQuery.pageSize }).strict().superRefine(rangeRises);
export const churnRiskRow = z.object({
  customerId: z.number().int(),
  customerName: z.string(),
  ownerId: z.number().int().nullable(),
  ownerName: z.string().nullable(),
  /** The customer's usual interval between purchase days (null with a single purchase day). */
  averageIntervalDays: z.number().int().nullable(),
  daysSinceLastPurchase: z.number().int(),
  lastOn: z.string(),
  revenue: z.number().int(),
  /** Spend in the RFM window and in the window before it (fen). */
  monetary: z.number().int(),
  previousMonetary: z.number().int(),
});
export const dashboardChurn = z.object({ run: analyticsRun.nullable(), items: z.array(churnRiskRow), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });
export type ChurnRiskRow = z.infer<typeof churnRiskRow>;
export type DashboardChurn = z.infer<typeof dashboardChurn>;

/** GET /analytics/dashboard/revenue: revenue (signed active or completed contracts and imported purchases, by their day) per month of the range. */
export const dashboardRevenue = z.object({
  /** The range's total (fen) and how many customers bought in it. */
  revenue: z.number().int(),
  customers: z.number().int(),
  months: z.array(z.object({ month: z.string(), revenue: z.number().int(), customers: z.number().int() })),
});
export type DashboardRevenue = z.infer<typeof dashboardRevenue>;
/** GET /analytics/dashboard/revenue/customers: the customers who bought in one month of the range, most revenue first. */
export const revenueCustomersQuery = z
  .object({ ...dashboardFilterShape, page: pageQuery.page, pageSize: pageQuery.pageSize, month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'YYYY-MM' }) })
  .strict()
  .superRefine(rangeRises);
export const revenueCustomer = z.object({ customerId: z.number().int(), customerName: z.string(), ownerId: z.number().int().nullable(), ownerName: z.string().nullable(), revenue: z.number().int(), purchases: z.number().int() });
export const revenueCustomers = z.object({ items: z.array(revenueCustomer), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });
export type RevenueCustomer = z.infer<typeof revenueCustomer>;

export const dashboardCharts = ['composition', 'new-customers', 'revenue', 'abc', 'value-pyramid', 'quadrants', 'rfm', 'churn'] as const;
export type DashboardChart = (typeof dashboardCharts)[number];
/** GET /analytics/dashboard/:chart/export: the chart's figures as .xlsx (or CSV), money in yuan, same filters and scope. */
export const dashboardExportParams = z.object({ chart: z.enum(dashboardCharts) }).strict();
export const dashboardExportQuery = z
  .object({ ...dashboardFilterShape, province: z.string().trim().min(1).max(30).optional(), format: z.enum(['xlsx', 'csv']).default('xlsx') })
  .strict()
  .superRefine(rangeRises);
export type DashboardExportQuery = z.input<typeof dashboardExportQuery>;

/**
 * What each input of a classification's explanation is (`CustomerAnalytics.explanations[].inputs`),
 * so that the web can name and format it: money in fen, shares in per cent, dates, counts... Every
 * key an explanation sends is listed here (a test holds the server to it).
 */
export type ExplanationInputKind = 'money' | 'percent' | 'days' | 'months' | 'years' | 'date' | 'count' | 'flag' | 'factor' | 'basis' | 'segment';

export const explanationInputKinds: Readonly<Record<string, ExplanationInputKind>> = {
  basis: 'basis', value: 'money', rank: 'count', customers: 'count', cumulative: 'money', total: 'money', cumulativeSharePercent: 'percent',
  aPercent: 'percent', bPercent: 'percent', revenue: 'money', keyUpTo: 'count', majorUpTo: 'count', maintenanceUpTo: 'count',
  recencyDays: 'days', frequency: 'count', monetary: 'money', windowFrom: 'date', windowTo: 'date', r: 'count', f: 'count', m: 'count',
  segment: 'segment', grossProfit: 'money', defaultMarginPercent: 'percent', windowProfit: 'money', windowMonths: 'months',
  currentValue: 'money', retentionCostPerYear: 'money', discountRatePercent: 'percent', horizonYears: 'years', annuityFactor: 'factor',
  acquisitionCost: 'money', averageIntervalDays: 'days', churnFactor: 'factor', previousMonetary: 'money', previousFrom: 'date',
  spendDropPercent: 'percent', lost: 'flag', lostAfterDays: 'days', purchases: 'count', loyalMinPurchases: 'count', churnRisk: 'flag',
  firstOn: 'date', tenureBefore: 'date', stabilityMinMonths: 'months', peerCount: 'count', potentialMinPeers: 'count', peerMedian: 'money',
  gap: 'money', referrals: 'count', referralValue: 'money', valueCut: 'money', valueTopPercent: 'percent', potentialValue: 'money',
  potentialCut: 'money', potentialPercentile: 'percent', highValue: 'flag', highPotential: 'flag', tenureDays: 'days', repeatRatePercent: 'percent',
};
