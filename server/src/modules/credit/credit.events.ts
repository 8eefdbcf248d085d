import type { CustomerEventListener } from '../../platform/customer-events.js';
import * as repo from './credit.repository.js';

/**
 * Assessments follow a merge into a survivor that was never rated (its own rating stands
 * otherwise). A deleted customer keeps its assessments for when it is restored; a customer erased
 * for good takes them with it.
 */
export const creditFollowsCustomer: CustomerEventListener = async (db, event) => {
  if (event.kind === 'merged') await repo.moveToSurvivor(db, event.fromId, event.intoId);
  else if (event.kind === 'purged') await repo.purgeOfCustomer(db, event.customerId);
};
