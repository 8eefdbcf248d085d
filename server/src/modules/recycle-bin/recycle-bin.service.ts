import type { ListResponse, RecycleBinItem, RecycleBinType } from '@crm/contracts';
import type { Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import { purgeCustomerAttachments } from '../attachments/index.js';
import { listDeletedContacts, purgeContact, restoreContact } from '../contacts/index.js';
import { listDeletedCustomers, purgeCustomer, restoreCustomer } from '../customers/index.js';

/** The recycle bin lists one type at a time (customers by default). */
export async function listRecycleBin(ctx: AppContext, actor: Actor, query: { q?: string; page: number; pageSize: number; type?: RecycleBinType }): Promise<ListResponse<RecycleBinItem>> {
  return query.type === 'contact' ? listDeletedContacts(ctx, actor, query) : listDeletedCustomers(ctx, actor, query);
}

export async function restore(ctx: AppContext, actor: Actor, type: RecycleBinType, id: number): Promise<void> {
  return type === 'contact' ? restoreContact(ctx, actor, id) : restoreCustomer(ctx, actor, id);
}

export async function purge(ctx: AppContext, actor: Actor, type: RecycleBinType, id: number): Promise<void> {
  return type === 'contact' ? purgeContact(ctx, actor, id) : purgeCustomer(ctx, actor, id, (trx) => purgeCustomerAttachments(ctx, trx, id));
}
