import type { CustomerEventListener } from '../../platform/customer-events.js';
import { purgePurchasesOf } from './purchases.repository.js';

/** A customer erased for good takes its purchase history with it. Registered by buildApp (app.ts). */
export const purchasesFollowCustomer: CustomerEventListener = async (db, event) => {
  if (event.kind === 'purged') await purgePurchasesOf(db, event.customerId);
};
