import type { ContractStatus } from '@crm/contracts';
import { unscoped } from '../../platform/auth/scope.js';
import type { AppContext } from '../../platform/context.js';
import type { ApprovalOutcome, ApprovalRecordType } from '../approvals/index.js';
import { creditOf, findCustomerRow } from '../customers/index.js';
import * as repo from './contracts.repository.js';
import { applyStatus, contractScope } from './contracts.service.js';

type Db = AppContext['db'];

/** An approval's final decision moves an awaiting contract on (nothing when it was withdrawn meanwhile). */
async function settle(ctx: AppContext, db: Db, outcome: ApprovalOutcome, to: ContractStatus): Promise<void> {
  const row = await repo.findById(db, outcome.recordId, unscoped('an approval settles the contract it decided on'));
  if (row?.status === 'awaiting_approval') await applyStatus(ctx, db, row, to, outcome.actorId);
}

/**
 * Contracts in the approvals registry (app.ts registers it as 'contract'): a contract's facts for
 * the flows' conditions, and what a final decision does: approved, an awaiting contract becomes
 * active (signed, counted among the customer's transactions); rejected, it goes back to draft.
 */
export const contractApprovals: ApprovalRecordType = {
  historyEntityType: 'contract',
  viewPermission: 'contracts.view',
  async loadFacts(db, recordId) {
    const row = await repo.findById(db, recordId, unscoped('an approval reads the contract it decides on'));
    if (!row) return null;
    const lines = await repo.linesOf(db, recordId);
    const customer = await findCustomerRow(db, row.customer_id, unscoped("the credit of the contract's customer"), { any: true });
    const credit = creditOf(customer?.organization);
    return {
      number: row.number,
      title: row.title,
      customerId: row.customer_id,
      customerName: row.customer_name,
      amount: Number(row.amount),
      currency: row.currency,
      maxDiscountBp: lines.reduce((max, l) => Math.max(max, l.discount_bp), 0),
      creditStanding: credit.standing,
      creditLimit: credit.limit,
      ownerId: row.owner_id,
      ownerDepartmentId: row.department_id,
    };
  },
  async isVisible(db, actor, recordId) {
    return (await repo.findById(db, recordId, contractScope(actor))) !== undefined;
  },
  onApproved: (db, outcome, ctx) => settle(ctx, db, outcome, 'active'),
  onRejected: (db, outcome, ctx) => settle(ctx, db, outcome, 'draft'),
};
