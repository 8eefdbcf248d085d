import type { Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import * as repo from './opportunities.repository.js';
import { opportunityScope } from './opportunities.service.js';

type Db = AppContext['db'];

/** What a contract takes from a deal: its customer, status, amounts and contacts with their roles. */
export interface DealForContract {
  id: number;
  name: string;
  customerId: number;
  status: string;
  currency: string;
  amount: number;
  amountBase: number;
  wonAmount: number | null;
  wonAmountBase: number | null;
  closedOn: string | null;
  contacts: Array<{ contactId: number; role: string }>;
}

/** A live deal the actor may see, for a contract made from it; undefined when hidden or missing. */
export async function findDealForContract(db: Db, actor: Actor, id: number): Promise<DealForContract | undefined> {
  const row = await repo.findById(db, id, opportunityScope(actor));
  if (!row) return undefined;
  const contacts = (await repo.contactsOf(db, id)).map((c) => ({ contactId: c.contact_id, role: c.role }));
  return {
    id: row.id,
    name: row.name,
    customerId: row.customer_id,
    status: row.status,
    currency: row.currency,
    amount: Number(row.amount),
    amountBase: Number(row.amount_base),
    wonAmount: row.won_amount === null ? null : Number(row.won_amount),
    wonAmountBase: row.won_amount_base === null ? null : Number(row.won_amount_base),
    closedOn: row.closed_on,
    contacts,
  };
}
