import type { ListResponse, RecycleBinItem, RecycleBinType } from '@crm/contracts';
import type { Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import { purgeCustomerActivities } from '../activities/index.js';
import { purgeContractAttachments, purgeCustomerAttachments } from '../attachments/index.js';
import { listDeletedContacts, purgeContact, restoreContact } from '../contacts/index.js';
import { listDeletedContracts, purgeContract, purgeCustomerContracts, restoreContract } from '../contracts/index.js';
import { listDeletedCustomers, purgeCustomer, restoreCustomer } from '../customers/index.js';
import { listDeletedLeads, purgeLead, restoreLead } from '../leads/index.js';
import { listDeletedOpportunities, purgeCustomerOpportunities, purgeOpportunity, restoreOpportunity } from '../opportunities/index.js';
import { purgeCustomerQuotes } from '../quotes/index.js';

/** The recycle bin lists one type at a time (customers by default). */
export async function listRecycleBin(ctx: AppContext, actor: Actor, query: { q?: string; page: number; pageSize: number; type?: RecycleBinType }): Promise<ListResponse<RecycleBinItem>> {
  if (query.type === 'lead') return listDeletedLeads(ctx, actor, query);
  if (query.type === 'opportunity') return listDeletedOpportunities(ctx, actor, query);
  if (query.type === 'contract') return listDeletedContracts(ctx, actor, query);
  return query.type === 'contact' ? listDeletedContacts(ctx, actor, query) : listDeletedCustomers(ctx, actor, query);
}

export async function restore(ctx: AppContext, actor: Actor, type: RecycleBinType, id: number): Promise<void> {
  if (type === 'lead') return restoreLead(ctx, actor, id);
  if (type === 'opportunity') return restoreOpportunity(ctx, actor, id);
  if (type === 'contract') return restoreContract(ctx, actor, id);
  return type === 'contact' ? restoreContact(ctx, actor, id) : restoreCustomer(ctx, actor, id);
}

export async function purge(ctx: AppContext, actor: Actor, type: RecycleBinType, id: number): Promise<void> {
  if (type === 'lead') return purgeLead(ctx, actor, id);
  if (type === 'opportunity') return purgeOpportunity(ctx, actor, id);
  if (type === 'contract') return purgeContract(ctx, actor, id, (trx) => purgeContractAttachments(ctx, trx, id));
  if (type === 'contact') return purgeContact(ctx, actor, id);
  return purgeCustomer(ctx, actor, id, async (trx) => {
    // A customer erased for good takes its deals, quotes, contracts and follow-ups with it.
    await purgeCustomerOpportunities(trx, id);
    await purgeCustomerQuotes(trx, id);
    await purgeCustomerContracts(trx, id);
    await purgeCustomerActivities(trx, id);
    return purgeCustomerAttachments(ctx, trx, id);
  });
}
