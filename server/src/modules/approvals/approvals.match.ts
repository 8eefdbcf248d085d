import { creditRanking, percentToBp, type ApprovalCondition, type CreditRank } from '@crm/contracts';
import type { ApprovalFacts } from './approvals.registry.js';

/** How bad a credit standing is (0 good … 3 unknown); not recorded counts as unknown. */
export function creditRank(standing: string | null): number {
  const rank = creditRanking.indexOf((standing ?? 'unknown') as CreditRank);
  return rank < 0 ? creditRanking.length - 1 : rank;
}

/** Whether one condition holds for a record. Every "above" is strict: the threshold itself does not match. */
export function conditionHolds(condition: ApprovalCondition, facts: ApprovalFacts): boolean {
  switch (condition.kind) {
    case 'discount_above':
      return facts.maxDiscountBp > percentToBp(condition.percent);
    case 'amount_above':
      return facts.amount > condition.amount;
    case 'credit_below':
      return creditRank(facts.creditStanding) > creditRank(condition.standing);
    case 'over_credit_limit':
      return facts.creditLimit !== null && (facts.openReceivables ?? 0) + facts.amount > facts.creditLimit;
  }
}

/** Whether a flow applies: any (or all) of its conditions hold; a flow without conditions applies to every record. */
export function flowMatches(flow: { match: string; conditions: readonly ApprovalCondition[] }, facts: ApprovalFacts): boolean {
  if (flow.conditions.length === 0) return true;
  return flow.match === 'all' ? flow.conditions.every((c) => conditionHolds(c, facts)) : flow.conditions.some((c) => conditionHolds(c, facts));
}
