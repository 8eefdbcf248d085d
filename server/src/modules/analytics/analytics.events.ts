import type { CustomerEventListener } from '../../platform/customer-events.js';
import { purgeFromRollups } from './analytics.rollups.js';

/**
 * A customer erased for good takes what the runs stored about it (results, win-backs, kept values)
 * with it (its imported purchases go with the purchases module's listener). Registered by buildApp (app.ts).
 */
export const analyticsFollowsCustomer: CustomerEventListener = async (db, event) => {
  if (event.kind !== 'purged') return;
  // Its results, taken out of the runs' counts.
  await purgeFromRollups(db, event.customerId);
  for (const table of ['analytics_winbacks', 'analytics_keeps'] as const) {
    await db.deleteFrom(table).where('customer_id', '=', event.customerId).execute();
  }
};
