import { z } from 'zod';
import { int4Max, settingsVersion } from './common.js';
import { multiline } from './text.js';

/**
 * Credit rating (信用评级, issue 14, DOMAIN.md section 5): a 6C scorecard per organisation customer
 * (品德 Character, 能力 Capacity, 资本 Capital, 抵押 Collateral, 经济状况 Conditions, 连续性
 * Continuity), each C scored 0-100 from its evidence, weighted by the administrator's weights into
 * a total that gives the rating A/B/C/D; the rating's credit policy (limit, payment terms,
 * prepayment) is applied to the customer. The rules are written out in
 * server/src/modules/credit/credit.score.ts.
 */

export const creditRatings = ['A', 'B', 'C', 'D'] as const;
export type CreditRating = (typeof creditRatings)[number];
export const creditFactorKeys = ['character', 'capacity', 'capital', 'collateral', 'conditions', 'continuity'] as const;
export type CreditFactorKey = (typeof creditFactorKeys)[number];

/**
 * The credit standing (信用状况) each rating writes to the customer, which the quote and contract
 * approval condition `credit_below` reads: A good, B fair, C and D poor.
 */
export const standingOfRating = { A: 'good', B: 'fair', C: 'poor', D: 'poor' } as const satisfies Record<CreditRating, 'good' | 'fair' | 'poor'>;

const weight = z.number().int().min(0).max(100);
const threshold = z.number().int().min(1).max(100);
const fenLimit = z.number().int().min(0).max(10_000_000_000_000);

export const creditWeights = z
  .object({ character: weight, capacity: weight, capital: weight, collateral: weight, conditions: weight, continuity: weight })
  .strict();
export type CreditWeights = z.infer<typeof creditWeights>;

/** The lowest total score (0-100) that still gives A, B and C; below `c` is D. */
export const creditThresholds = z.object({ a: threshold, b: threshold, c: threshold }).strict();

/** What a rating sets: credit limit (fen), payment terms (days) and whether prepayment is required. */
export const creditPolicy = z
  .object({ creditLimit: fenLimit, paymentTermsDays: z.number().int().min(0).max(365), prepaymentRequired: z.boolean() })
  .strict();
export type CreditPolicy = z.infer<typeof creditPolicy>;
export const creditPolicies = z.object({ A: creditPolicy, B: creditPolicy, C: creditPolicy, D: creditPolicy }).strict();

/** Textbook-ish defaults: the payment record weighs most, collateral and conditions least. */
export const creditDefaults = {
  weights: { character: 25, capacity: 20, capital: 20, collateral: 10, conditions: 10, continuity: 15 },
  thresholds: { a: 80, b: 65, c: 50 },
  policies: {
    A: { creditLimit: 500_000_00, paymentTermsDays: 60, prepaymentRequired: false },
    B: { creditLimit: 200_000_00, paymentTermsDays: 30, prepaymentRequired: false },
    C: { creditLimit: 50_000_00, paymentTermsDays: 15, prepaymentRequired: false },
    D: { creditLimit: 0, paymentTermsDays: 0, prepaymentRequired: true },
  },
} as const;

/** The stored document, every part defaulted (a setting added later needs no migration). */
export const creditSettingsValue = z.object({
  weights: creditWeights.default(creditDefaults.weights),
  thresholds: creditThresholds.default(creditDefaults.thresholds),
  policies: creditPolicies.default(creditDefaults.policies),
});
export type CreditSettingsValue = z.output<typeof creditSettingsValue>;

export const creditSettings = z.object({ weights: creditWeights, thresholds: creditThresholds, policies: creditPolicies, version: z.number().int() });
export type CreditSettings = z.infer<typeof creditSettings>;

/** PUT /settings/credit: every part with the version read; the weights add up to 100 and the thresholds fall from A to C. */
export const creditSettingsUpdate = z
  .object({ weights: creditWeights, thresholds: creditThresholds, policies: creditPolicies, version: settingsVersion })
  .strict()
  .superRefine((v, issue) => {
    const sum = creditFactorKeys.reduce((s, k) => s + v.weights[k], 0);
    if (sum !== 100) issue.addIssue({ code: 'custom', path: ['weights'], message: 'creditWeightsSum' });
    if (v.thresholds.b >= v.thresholds.a) issue.addIssue({ code: 'custom', path: ['thresholds', 'b'], message: 'creditThresholdsFall' });
    if (v.thresholds.c >= v.thresholds.b) issue.addIssue({ code: 'custom', path: ['thresholds', 'c'], message: 'creditThresholdsFall' });
  });
export type CreditSettingsUpdate = z.input<typeof creditSettingsUpdate>;

const fen = z.number().int().min(0).max(1_000_000_000_000_000).nullable();

/**
 * The evidence entered for an assessment (money in fen; null = not known, which scores that part
 * 0). Character is not entered: the server computes it from the customer's instalments and payments.
 */
export const creditEvidence = z.object({
  /** Balance sheet (资产负债表): 流动资产, 流动负债, 存货, 资产总额, 负债总额, 所有者权益. */
  currentAssets: fen,
  currentLiabilities: fen,
  inventory: fen,
  totalAssets: fen,
  totalLiabilities: fen,
  ownersEquity: z.number().int().min(-1_000_000_000_000_000).max(1_000_000_000_000_000).nullable(),
  /** Value of collateral and guarantees (抵押/担保), and the credit limit asked for. */
  collateralValue: fen,
  requestedLimit: fen,
  /** Industry and economic outlook, 1 (poor) to 5 (very good), with the reasons. */
  conditionsRating: z.number().int().min(1).max(5).nullable(),
  conditionsNote: multiline(1000),
  /** How stable the relationship and management are, 1 (unstable) to 5 (very stable). */
  relationshipStability: z.number().int().min(1).max(5).nullable(),
  note: multiline(1000),
});
export type CreditEvidence = z.output<typeof creditEvidence>;

/** PUT /customers/:id/credit-assessment: the evidence (omitted = not known) with the assessment version read (0 before the first). */
export const creditAssessmentUpdate = creditEvidence
  .partial()
  .extend({ version: z.number().int().min(0).max(int4Max) })
  .strict()
  .superRefine((v, issue) => {
    if (v.inventory != null && v.currentAssets != null && v.inventory > v.currentAssets) issue.addIssue({ code: 'custom', path: ['inventory'], message: 'creditInventoryOverCurrentAssets' });
    if (v.totalAssets != null && v.currentAssets != null && v.currentAssets > v.totalAssets) issue.addIssue({ code: 'custom', path: ['currentAssets'], message: 'creditCurrentOverTotalAssets' });
  });
export type CreditAssessmentUpdate = z.input<typeof creditAssessmentUpdate>;

/** One C: its score, weight, the figures it was computed from and the rule in words (the reader's language). */
export const creditFactor = z.object({
  key: z.enum(creditFactorKeys),
  score: z.number().int(),
  weight: z.number().int(),
  /** score × weight / 100: this C's part of the total. */
  weighted: z.number(),
  inputs: z.record(z.string(), z.union([z.number(), z.string(), z.boolean(), z.null()])),
  formula: z.string(),
});
export type CreditFactor = z.infer<typeof creditFactor>;

export const creditPolicyApplied = creditPolicy.extend({ rating: z.enum(creditRatings), creditStanding: z.enum(['good', 'fair', 'poor']) });

export const creditAssessmentSummary = z.object({
  version: z.number().int(),
  rating: z.enum(creditRatings),
  totalScore: z.number().int(),
  assessedAt: z.string(),
  assessedByName: z.string().nullable(),
});

/** GET /customers/:id/credit-assessment: the current assessment (version 0 and nulls before the first) and the earlier ones. */
export const creditAssessment = z.object({
  customerId: z.number().int(),
  version: z.number().int(),
  evidence: creditEvidence.nullable(),
  factors: z.array(creditFactor),
  totalScore: z.number().int().nullable(),
  rating: z.enum(creditRatings).nullable(),
  /** How the total and the rating came about, in words. */
  totalFormula: z.string().nullable(),
  policy: creditPolicyApplied.nullable(),
  assessedAt: z.string().nullable(),
  assessedByName: z.string().nullable(),
  history: z.array(creditAssessmentSummary),
});
export type CreditAssessment = z.infer<typeof creditAssessment>;
