import type { ApprovalCondition } from '@crm/contracts';
import { describe, expect, it } from 'vitest';
import { conditionHolds, creditRank, flowMatches } from './approvals.match.js';
import type { ApprovalFacts } from './approvals.registry.js';

const facts = (over: Partial<ApprovalFacts> = {}): ApprovalFacts => ({
  number: 'BJ-2026-000001', title: 't', customerId: 1, customerName: 'c', amount: 100_000, currency: 'CNY', maxDiscountBp: 1000,
  creditStanding: 'fair', creditLimit: 200_000, ownerId: 1, ownerDepartmentId: null, ...over,
});

describe('approval conditions (pure)', () => {
  it('above is strict, at the fen and at the hundredth of a percent', () => {
    const amount: ApprovalCondition = { kind: 'amount_above', amount: 100_000 };
    expect(conditionHolds(amount, facts())).toBe(false);
    expect(conditionHolds(amount, facts({ amount: 100_001 }))).toBe(true);
    const discount: ApprovalCondition = { kind: 'discount_above', percent: 10 };
    expect(conditionHolds(discount, facts())).toBe(false);
    expect(conditionHolds(discount, facts({ maxDiscountBp: 1001 }))).toBe(true);
    expect(conditionHolds({ kind: 'discount_above', percent: 0 }, facts({ maxDiscountBp: 0 }))).toBe(false);
    expect(conditionHolds({ kind: 'discount_above', percent: 33.33 }, facts({ maxDiscountBp: 3334 }))).toBe(true);
  });

  it('credit: good < fair < poor < unknown (not recorded counts as unknown)', () => {
    expect([null, 'unknown', 'poor', 'fair', 'good', 'odd'].map(creditRank)).toEqual([3, 3, 2, 1, 0, 3]);
    const worseThanFair: ApprovalCondition = { kind: 'credit_below', standing: 'fair' };
    expect(conditionHolds(worseThanFair, facts())).toBe(false);
    expect(conditionHolds(worseThanFair, facts({ creditStanding: 'poor' }))).toBe(true);
    expect(conditionHolds(worseThanFair, facts({ creditStanding: null }))).toBe(true);
    expect(conditionHolds({ kind: 'credit_below', standing: 'poor' }, facts({ creditStanding: 'poor' }))).toBe(false);
    expect(conditionHolds({ kind: 'credit_below', standing: 'good' }, facts({ creditStanding: 'good' }))).toBe(false);
  });

  it('credit limit: receivables plus the amount above the limit; no limit never matches', () => {
    const over: ApprovalCondition = { kind: 'over_credit_limit' };
    expect(conditionHolds(over, facts({ amount: 200_000 }))).toBe(false);
    expect(conditionHolds(over, facts({ amount: 200_001 }))).toBe(true);
    expect(conditionHolds(over, facts({ amount: 100_000, openReceivables: 100_001 }))).toBe(true);
    expect(conditionHolds(over, facts({ creditLimit: null, amount: 1e12 }))).toBe(false);
    expect(conditionHolds(over, facts({ creditLimit: 0, amount: 1 }))).toBe(true);
  });

  it('any, all, and none (applies to everything)', () => {
    const conditions: ApprovalCondition[] = [{ kind: 'amount_above', amount: 50_000 }, { kind: 'discount_above', percent: 20 }];
    expect(flowMatches({ match: 'any', conditions }, facts())).toBe(true);
    expect(flowMatches({ match: 'all', conditions }, facts())).toBe(false);
    expect(flowMatches({ match: 'all', conditions }, facts({ maxDiscountBp: 2500 }))).toBe(true);
    expect(flowMatches({ match: 'any', conditions: [] }, facts())).toBe(true);
  });
});
