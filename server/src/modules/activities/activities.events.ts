import type { Kysely, Transaction } from 'kysely';
import type { CustomerEventListener } from '../../platform/customer-events.js';
import type { DB } from '../../platform/db/schema.js';
import { refreshNextFollowUp } from './activities.next-follow-up.js';

type Db = Kysely<DB> | Transaction<DB>;

/**
 * Follow-ups and tasks follow their customer: on a merge they belong to the survivor (its memory
 * keeps every call). A deleted customer hides its follow-ups (lists join live customers) and a
 * restore shows them again; nothing to write then.
 */
export const activitiesFollowCustomer: CustomerEventListener = async (db, event) => {
  if (event.kind !== 'merged') return;
  await db.updateTable('follow_ups').set({ customer_id: event.intoId }).where('customer_id', '=', event.fromId).execute();
  await db.updateTable('tasks').set({ customer_id: event.intoId }).where('customer_id', '=', event.fromId).execute();
  // The merge holds both customers locked; a follow-up moved over may share the survivor's clock.
  await refreshNextFollowUp(db, event.intoId, 'held');
};

/** A customer erased for good takes its follow-ups with it; its tasks stay, without the customer. */
export async function purgeCustomerActivities(db: Db, customerId: number): Promise<void> {
  const ids = (await db.selectFrom('follow_ups').select('id').where('customer_id', '=', customerId).execute()).map((r) => r.id);
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    await db.deleteFrom('follow_up_contacts').where('follow_up_id', 'in', chunk).execute();
    await db.updateTable('tasks').set({ follow_up_id: null }).where('follow_up_id', 'in', chunk).execute();
    await db.deleteFrom('follow_ups').where('id', 'in', chunk).execute();
  }
  await db.updateTable('tasks').set({ customer_id: null }).where('customer_id', '=', customerId).execute();
}
