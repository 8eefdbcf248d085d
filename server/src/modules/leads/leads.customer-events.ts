import type { CustomerEventListener } from '../../platform/customer-events.js';
import * as repo from './leads.repository.js';

/**
 * Leads follow a merged customer into the survivor (see platform/customer-events.ts): the customer
 * a lead was converted into, and the one that referred it. A deleted or restored customer changes
 * nothing here: the lead keeps pointing at it, as it does at any deleted customer. Registered by
 * buildApp (app.ts).
 */
export const leadsFollowCustomer: CustomerEventListener = async (db, event) => {
  if (event.kind === 'merged') await repo.moveCustomerReferences(db, event.fromId, event.intoId, event.at, event.actorId);
};
