import { creditDefaults, creditSettingsValue, type CreditEvidence } from '@crm/contracts';
import { describe, expect, it } from 'vitest';
import { paymentRecord, scoreCredit } from './credit.score.js';

/** The edges of the 6C rules (credit.score.ts); the full hand-worked scorecard is in credit.test.ts. */
const settings = creditSettingsValue.parse({});
const none: CreditEvidence = {
  currentAssets: null, currentLiabilities: null, inventory: null, totalAssets: null, totalLiabilities: null, ownersEquity: null,
  collateralValue: null, requestedLimit: null, conditionsRating: null, conditionsNote: null, relationshipStability: null, note: null,
};
const scoreOf = (r: ReturnType<typeof scoreCredit>, key: string) => r.factors.find((f) => f.key === key)?.score;

describe('6C rules at their edges', () => {
  it('nothing known: Character neutral 50, the rest 0; 50 × 25 / 100 = 12.5 → 13 → D with prepayment', () => {
    const r = scoreCredit(none, paymentRecord([], '2026-12-06'), null, 2026, settings);
    expect(r.factors.map((f) => f.score)).toEqual([50, 0, 0, 0, 0, 0]);
    expect(r).toMatchObject({ weightedSum: 1250, total: 13, rating: 'D', policy: { ...creditDefaults.policies.D, creditStanding: 'poor' } });
  });

  it('payment record: settled on the due day is on time; open instalments are late until today; the penalty stops at 30', () => {
    const p = paymentRecord([{ dueOn: '2026-01-01', settledOn: '2026-01-01' }, { dueOn: '2026-01-01', settledOn: null }], '2026-12-06');
    expect(p).toEqual({ due: 2, onTime: 1, daysLate: 339, maxDaysLate: 339 });
    // 50 % on time, average 169.5 days late → penalty 30 → 20.
    expect(scoreOf(scoreCredit(none, p, null, 2026, settings), 'character')).toBe(20);
  });

  it('capacity and capital: no current liabilities is full marks with assets; ratios cap at 2 and 1; negative equity is 0', () => {
    const strong = { ...none, currentAssets: 100, currentLiabilities: 0, inventory: 0, totalAssets: 100, ownersEquity: 60 };
    const r = scoreCredit(strong, paymentRecord([], '2026-12-06'), null, 2026, settings);
    expect([scoreOf(r, 'capacity'), scoreOf(r, 'capital')]).toEqual([100, 100]);
    const rich = scoreCredit({ ...strong, currentLiabilities: 10 }, paymentRecord([], '2026-12-06'), null, 2026, settings);
    expect(scoreOf(rich, 'capacity')).toBe(100);
    const negative = scoreCredit({ ...strong, ownersEquity: -5 }, paymentRecord([], '2026-12-06'), null, 2026, settings);
    expect(scoreOf(negative, 'capital')).toBe(0);
  });

  it('collateral: nothing requested on credit is 100, more than covered caps at 100; continuity counts at most 10 years', () => {
    const r = scoreCredit({ ...none, requestedLimit: 0, relationshipStability: 5 }, paymentRecord([], '2026-12-06'), 1990, 2026, settings);
    expect([scoreOf(r, 'collateral'), scoreOf(r, 'continuity')]).toEqual([100, 100]);
    const over = scoreCredit({ ...none, requestedLimit: 100, collateralValue: 500 }, paymentRecord([], '2026-12-06'), 2026, 2026, settings);
    expect([scoreOf(over, 'collateral'), scoreOf(over, 'continuity')]).toEqual([100, 0]);
  });

  it('thresholds: exactly a threshold gives that rating', () => {
    const all = { ...none, currentAssets: 200, currentLiabilities: 100, inventory: 100, totalAssets: 200, ownersEquity: 100, requestedLimit: 0, conditionsRating: 5, relationshipStability: 5 };
    // Character 50, everything else 100: (50 × 25 + 100 × 75) / 100 = 87.5 → 88 → A.
    expect(scoreCredit(all, paymentRecord([], '2026-12-06'), 2000, 2026, settings)).toMatchObject({ total: 88, rating: 'A' });
    expect(scoreCredit(all, paymentRecord([], '2026-12-06'), 2000, 2026, { ...settings, thresholds: { a: 89, b: 88, c: 50 } })).toMatchObject({ rating: 'B', policy: { creditStanding: 'fair' } });
  });
});
