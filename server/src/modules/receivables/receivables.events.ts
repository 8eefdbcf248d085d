import type { CustomerEventListener } from '../../platform/customer-events.js';
import type { ContractsPurgedListener } from '../contracts/index.js';
import * as repo from './receivables.repository.js';

/** A contract erased for good takes its plan, payments and invoices with it. */
export const receivablesFollowContracts: ContractsPurgedListener = (db, contractIds) => repo.purgeOf(db, contractIds);

/**
 * Payments and invoices name their contract's customer: on a merge they follow the contracts to
 * the survivor. Deleting or restoring a customer deletes or restores its contracts, which hide or
 * show their receivables; nothing to do here then.
 */
export const receivablesFollowCustomer: CustomerEventListener = async (db, event) => {
  if (event.kind === 'merged') await repo.moveToCustomer(db, event.fromId, event.intoId);
};
