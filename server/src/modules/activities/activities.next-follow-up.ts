import type { Kysely, Transaction } from 'kysely';
import type { Engine } from '../../platform/config.js';
import type { DB } from '../../platform/db/schema.js';
import { lockCustomers, setNextFollowUp } from '../customers/index.js';

type Db = Kysely<DB> | Transaction<DB>;

/**
 * A customer's next follow-up is the next step of its latest follow-up (the one at its follow-up
 * clock, `last_followup_at`). Recording a follow-up sets both in one conditional update
 * (touchCustomer); changing or deleting one recomputes it here: the customer locked first (on
 * PostgreSQL a concurrent change waits, then reads what the other committed), then the earliest
 * next step among the follow-ups at the clock, written only if the clock has not moved since.
 * `held`: the caller holds the customer locked already (a merge).
 */
export async function refreshNextFollowUp(db: Db, customerId: number, lock: { engine: Engine } | 'held'): Promise<void> {
  if (lock !== 'held') await lockCustomers(db, lock.engine, [customerId]);
  const row = await db
    .selectFrom('customers as c')
    .select((eb) => [
      'c.last_followup_at',
      eb
        .selectFrom('follow_ups as fu')
        .select((sub) => sub.fn.min('fu.next_on').as('n'))
        .whereRef('fu.customer_id', '=', 'c.id')
        .whereRef('fu.occurred_at', '=', 'c.last_followup_at')
        .as('next_on'),
    ])
    .where('c.id', '=', customerId)
    .executeTakeFirst();
  if (!row) return;
  await setNextFollowUp(db, customerId, row.last_followup_at, row.next_on ?? null);
}
