import type { CustomerEventListener } from '../../platform/customer-events.js';

/** A customer erased for good takes its care reminders with it. Registered by buildApp (app.ts). */
export const remindersFollowCustomer: CustomerEventListener = async (db, event) => {
  if (event.kind !== 'purged') return;
  await db.deleteFrom('care_reminders').where('customer_id', '=', event.customerId).execute();
};
