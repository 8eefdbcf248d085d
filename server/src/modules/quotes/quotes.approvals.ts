import { unscoped } from '../../platform/auth/scope.js';
import type { AppContext } from '../../platform/context.js';
import { purgeApprovalsOf, type ApprovalRecordType } from '../approvals/index.js';
import { creditOf, findCustomerRow } from '../customers/index.js';
import { userDepartments } from '../users/index.js';
import * as repo from './quotes.repository.js';
import { quoteScope } from './quotes.service.js';

type Db = AppContext['db'];

/**
 * Quotes in the approvals registry (app.ts registers it as 'quote'): a quote's facts for the
 * flows' conditions, and what a final decision does to it: approved, an awaiting quote is sent;
 * rejected, it goes back to draft (the comment is in its history and the owner's notice).
 */
export const quoteApprovals: ApprovalRecordType = {
  historyEntityType: 'quote',
  viewPermission: 'quotes.view',
  async loadFacts(db, recordId) {
    const row = await repo.findById(db, recordId, unscoped('an approval reads the quote it decides on'));
    if (!row) return null;
    const lines = await repo.linesOf(db, recordId);
    const customer = await findCustomerRow(db, row.customer_id, unscoped('the credit of the quote\'s customer'), { any: true });
    const credit = creditOf(customer?.organization);
    const department = (await userDepartments(db, [row.owner_id])).get(row.owner_id) ?? null;
    return {
      number: row.number,
      title: row.title,
      customerId: row.customer_id,
      customerName: row.customer_name,
      amount: Number(row.total),
      currency: row.currency,
      maxDiscountBp: lines.reduce((max, l) => Math.max(max, l.discount_bp), 0),
      creditStanding: credit.standing,
      creditLimit: credit.limit,
      ownerId: row.owner_id,
      ownerDepartmentId: department?.id ?? null,
    };
  },
  async isVisible(db, actor, recordId) {
    return (await repo.findById(db, recordId, quoteScope(actor))) !== undefined;
  },
  async onApproved(db, outcome) {
    await repo.moveStatus(db, outcome.recordId, 'awaiting_approval', 'sent', outcome.at, outcome.actorId);
  },
  async onRejected(db, outcome) {
    await repo.moveStatus(db, outcome.recordId, 'awaiting_approval', 'draft', outcome.at, outcome.actorId);
  },
};

/** Erase every quote of a customer erased for good, with their approval requests (in the purge's transaction). */
export async function purgeCustomerQuotes(db: Db, customerId: number): Promise<void> {
  await purgeApprovalsOf(db, 'quote', await repo.idsOfCustomer(db, customerId));
  await repo.purgeOfCustomer(db, customerId);
}
