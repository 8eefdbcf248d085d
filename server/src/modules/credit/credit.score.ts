import { creditFactorKeys, standingOfRating, type CreditEvidence, type CreditFactorKey, type CreditPolicy, type CreditRating, type CreditSettingsValue } from '@crm/contracts';

/**
 * The 6C rules (each C scored 0-100, integers, rounded half up; evidence not given scores 0, as
 * an unknown is a risk):
 * - Character (品德), from the payment record: the instalments of signed contracts that have fallen
 *   due. on-time % = settled on or before the due day / due × 100; average days late = the days
 *   each was settled after its due day (still open: until today), summed over all due instalments
 *   / due. Score = on-time % − min(30, average days late). No instalment due yet: 50 (neutral).
 * - Capacity (能力), solvency: current ratio CR = current assets / current liabilities (≈2 sound),
 *   quick ratio QR = (current assets − inventory) / current liabilities (≈1 sound).
 *   Score = 50 × min(1, CR / 2) + 50 × min(1, QR). No current liabilities: full marks with assets.
 * - Capital (资本): equity ratio = owners' equity / total assets. Score = min(100, 200 × ratio)
 *   (half the assets financed by the owners or more is full marks; negative equity 0).
 * - Collateral (抵押): coverage = collateral value / requested limit. Score = min(100, 100 × coverage);
 *   nothing requested on credit (0): 100.
 * - Conditions (经济状况): the entered outlook 1-5. Score = (outlook − 1) × 25.
 * - Continuity (连续性): years in business Y = this year − founding year; score = 6 × min(Y, 10)
 *   (up to 60) + 10 × (relationship stability 1-5 − 1) (up to 40).
 * Total = Σ score × weight / 100 (weights add up to 100), rounded; A from `thresholds.a`, B from
 * `b`, C from `c`, else D. The rating's policy is applied with standing A good, B fair, C/D poor.
 */

export interface PaymentRecord {
  due: number;
  onTime: number;
  /** Σ days late over the due instalments (open ones until today). */
  daysLate: number;
  maxDaysLate: number;
}

type Inputs = Record<string, number | string | boolean | null>;
export interface ScoredFactor {
  key: CreditFactorKey;
  score: number;
  weight: number;
  inputs: Inputs;
}
export interface CreditResult {
  factors: ScoredFactor[];
  /** Σ score × weight (the total × 100 before rounding). */
  weightedSum: number;
  total: number;
  rating: CreditRating;
  thresholds: CreditSettingsValue['thresholds'];
  policy: CreditPolicy & { rating: CreditRating; creditStanding: 'good' | 'fair' | 'poor' };
}

const clamp = (v: number) => Math.min(100, Math.max(0, Math.round(v)));
const round2 = (v: number) => Math.round(v * 100) / 100;
const dayMs = 86_400_000;
const daysAfter = (from: string, to: string) => Math.max(0, Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / dayMs));

/** The payment record from the due instalments, as of `today`. */
export function paymentRecord(instalments: Array<{ dueOn: string; settledOn: string | null }>, today: string): PaymentRecord {
  let onTime = 0;
  let daysLate = 0;
  let maxDaysLate = 0;
  for (const i of instalments) {
    const late = daysAfter(i.dueOn, i.settledOn ?? today);
    if (i.settledOn !== null && late === 0) onTime += 1;
    daysLate += late;
    maxDaysLate = Math.max(maxDaysLate, late);
  }
  return { due: instalments.length, onTime, daysLate, maxDaysLate };
}

function character(p: PaymentRecord): { score: number; inputs: Inputs } {
  if (p.due === 0) return { score: 50, inputs: { dueInstalments: 0, onTime: 0, onTimePercent: null, averageDaysLate: null, maxDaysLate: 0, penalty: 0 } };
  const onTimePercent = (100 * p.onTime) / p.due;
  const averageDaysLate = p.daysLate / p.due;
  const penalty = Math.min(30, averageDaysLate);
  return {
    score: clamp(onTimePercent - penalty),
    inputs: { dueInstalments: p.due, onTime: p.onTime, onTimePercent: round2(onTimePercent), averageDaysLate: round2(averageDaysLate), maxDaysLate: p.maxDaysLate, penalty: round2(penalty) },
  };
}

function capacity(e: CreditEvidence): { score: number; inputs: Inputs } {
  const base = { currentAssets: e.currentAssets, currentLiabilities: e.currentLiabilities, inventory: e.inventory };
  if (e.currentAssets === null || e.currentLiabilities === null || e.inventory === null) return { score: 0, inputs: { ...base, currentRatio: null, quickRatio: null, missing: true } };
  if (e.currentLiabilities === 0) {
    const score = e.currentAssets > 0 ? 100 : 0;
    return { score, inputs: { ...base, currentRatio: null, quickRatio: null, missing: false } };
  }
  const cr = e.currentAssets / e.currentLiabilities;
  const qr = (e.currentAssets - e.inventory) / e.currentLiabilities;
  return { score: clamp(50 * Math.min(1, cr / 2) + 50 * Math.min(1, qr)), inputs: { ...base, currentRatio: round2(cr), quickRatio: round2(qr), missing: false } };
}

function capital(e: CreditEvidence): { score: number; inputs: Inputs } {
  const base = { totalAssets: e.totalAssets, totalLiabilities: e.totalLiabilities, ownersEquity: e.ownersEquity };
  if (e.totalAssets === null || e.ownersEquity === null || e.totalAssets === 0) return { score: 0, inputs: { ...base, equityRatioPercent: null, debtRatioPercent: null, missing: true } };
  const equity = e.ownersEquity / e.totalAssets;
  const debt = e.totalLiabilities === null ? null : round2((100 * e.totalLiabilities) / e.totalAssets);
  return { score: clamp(200 * equity), inputs: { ...base, equityRatioPercent: round2(100 * equity), debtRatioPercent: debt, missing: false } };
}

function collateral(e: CreditEvidence): { score: number; inputs: Inputs } {
  const base = { collateralValue: e.collateralValue, requestedLimit: e.requestedLimit };
  if (e.requestedLimit === null) return { score: 0, inputs: { ...base, coveragePercent: null, missing: true } };
  if (e.requestedLimit === 0) return { score: 100, inputs: { ...base, coveragePercent: null, missing: false } };
  const coverage = (e.collateralValue ?? 0) / e.requestedLimit;
  return { score: clamp(100 * coverage), inputs: { ...base, coveragePercent: round2(100 * coverage), missing: false } };
}

function conditions(e: CreditEvidence): { score: number; inputs: Inputs } {
  if (e.conditionsRating === null) return { score: 0, inputs: { outlook: null, note: e.conditionsNote, missing: true } };
  return { score: (e.conditionsRating - 1) * 25, inputs: { outlook: e.conditionsRating, note: e.conditionsNote, missing: false } };
}

function continuity(e: CreditEvidence, foundedYear: number | null, thisYear: number): { score: number; inputs: Inputs } {
  const years = foundedYear === null ? null : Math.max(0, thisYear - foundedYear);
  const yearsPart = years === null ? 0 : 6 * Math.min(years, 10);
  const stabilityPart = e.relationshipStability === null ? 0 : 10 * (e.relationshipStability - 1);
  return { score: clamp(yearsPart + stabilityPart), inputs: { foundedYear, yearsInBusiness: years, yearsPart, relationshipStability: e.relationshipStability, stabilityPart } };
}

/** Score the six Cs, weigh them, rate and pick the policy (see the rules above). */
export function scoreCredit(e: CreditEvidence, payments: PaymentRecord, foundedYear: number | null, thisYear: number, settings: CreditSettingsValue): CreditResult {
  const parts: Record<CreditFactorKey, { score: number; inputs: Inputs }> = {
    character: character(payments),
    capacity: capacity(e),
    capital: capital(e),
    collateral: collateral(e),
    conditions: conditions(e),
    continuity: continuity(e, foundedYear, thisYear),
  };
  const factors = creditFactorKeys.map((key) => ({ key, score: parts[key].score, weight: settings.weights[key], inputs: parts[key].inputs }));
  const weightedSum = factors.reduce((s, f) => s + f.score * f.weight, 0);
  const total = Math.round(weightedSum / 100);
  const t = settings.thresholds;
  const rating: CreditRating = total >= t.a ? 'A' : total >= t.b ? 'B' : total >= t.c ? 'C' : 'D';
  return { factors, weightedSum, total, rating, thresholds: t, policy: { ...settings.policies[rating], rating, creditStanding: standingOfRating[rating] } };
}
