import type { CustomerEventListener } from '../../platform/customer-events.js';

/** A customer erased for good takes its pool releases and warnings with it. Registered by buildApp (app.ts). */
export const poolFollowsCustomer: CustomerEventListener = async (db, event) => {
  if (event.kind !== 'purged') return;
  await db.deleteFrom('pool_releases').where('customer_id', '=', event.customerId).execute();
  await db.deleteFrom('pool_warnings').where('customer_id', '=', event.customerId).execute();
};
