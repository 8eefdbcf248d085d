import type { CustomerEventListener } from '../../platform/customer-events.js';
import * as repo from './contracts.repository.js';

/**
 * Contracts follow their customer (see platform/customer-events.ts), in the customer's
 * transaction: deleted with it (the same deleted_at), restored with it (only those deleted with
 * it), and on a merge every contract of the merged customer belongs to the survivor. The
 * customer's transaction figures need nothing here: a deleted customer keeps them for its
 * restore, and a merge adds the merged customers' figures to the survivor's (duplicates module).
 */
export const contractsFollowCustomer: CustomerEventListener = async (db, event) => {
  if (event.kind === 'deleted') await repo.deleteWithCustomer(db, event.customerId, event.at, event.actorId);
  else if (event.kind === 'restored') await repo.restoreWithCustomer(db, event.customerId, event.deletedAt, event.at, event.actorId);
  else if (event.kind === 'merged') await repo.moveToCustomer(db, event.fromId, event.intoId, event.at, event.actorId);
};
