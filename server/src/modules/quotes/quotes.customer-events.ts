import type { CustomerEventListener } from '../../platform/customer-events.js';
import * as repo from './quotes.repository.js';

/**
 * Quotes follow their customer (see platform/customer-events.ts), in the customer's transaction:
 * deleted with it (the same deleted_at), restored with it (only those deleted with it), and on a
 * merge every quote of the merged customer belongs to the survivor, so the survivor's page shows
 * every quote ever given. Registered by buildApp (app.ts).
 */
export const quotesFollowCustomer: CustomerEventListener = async (db, event) => {
  if (event.kind === 'deleted') await repo.deleteWithCustomer(db, event.customerId, event.at, event.actorId);
  else if (event.kind === 'restored') await repo.restoreWithCustomer(db, event.customerId, event.deletedAt, event.at, event.actorId);
  else if (event.kind === 'merged') await repo.moveToCustomer(db, event.fromId, event.intoId, event.at, event.actorId);
};
