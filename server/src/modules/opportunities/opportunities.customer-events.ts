import type { CustomerEventListener } from '../../platform/customer-events.js';
import * as repo from './opportunities.repository.js';

/**
 * Deals follow their customer (see platform/customer-events.ts), in the customer's transaction:
 * - deleted: its live deals go to the recycle bin with the same deleted_at, so they leave the
 *   board, the table and the forecast;
 * - restored: the deals deleted with it (that same deleted_at) come back; a deal deleted on its
 *   own before stays deleted;
 * - merged: every deal of the merged customer belongs to the survivor.
 * Deletes and restores go through setFields, one deal at a time, so the board figures move.
 * Registered by buildApp (app.ts).
 */
export const dealsFollowCustomer: CustomerEventListener = async (db, event) => {
  if (event.kind === 'deleted') {
    for (const deal of await repo.dealsOfCustomer(db, event.customerId, null)) {
      await repo.setFields(db, deal.id, { deleted_at: event.at, deleted_by: event.actorId, updated_at: event.at, updated_by: event.actorId });
    }
  } else if (event.kind === 'restored') {
    for (const deal of await repo.dealsOfCustomer(db, event.customerId, event.deletedAt)) {
      await repo.setFields(db, deal.id, { deleted_at: null, deleted_by: null, updated_at: event.at, updated_by: event.actorId, version: deal.version + 1 });
    }
  } else if (event.kind === 'merged') {
    await repo.moveToCustomer(db, event.fromId, event.intoId, event.at, event.actorId);
  }
};
