import type { CustomerEventListener } from '../../platform/customer-events.js';
import { purgeFromRollups } from './analytics.rollups.js';

/**
 * A customer erased for good takes its imported purchases and what the runs stored about it
 * (results, win-backs, kept values) with it. Registered by buildApp (app.ts).
 */
export const analyticsFollowsCustomer: CustomerEventListener = async (db, event) => {
  if (event.kind !== 'purged') return;
  // Its results, taken out of the runs' counts.
  await purgeFromRollups(db, event.customerId);
  for (const table of ['purchase_history', 'analytics_winbacks', 'analytics_keeps'] as const) {
    await db.deleteFrom(table).where('customer_id', '=', event.customerId).execute();
  }
};
