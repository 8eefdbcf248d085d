import type { ListResponse, UnreadablePhone } from '@crm/contracts';
import { authorize, can, type Actor } from '../../platform/auth/actor.js';
import { ownerScope } from '../../platform/auth/scope.js';
import type { AppContext } from '../../platform/context.js';
import { customerScope } from '../customers/index.js';
import * as repo from './quality.phones.repository.js';

/**
 * Phone numbers that cannot be read (stored as typed, without an E.164 form: written before
 * numbers were checked, or by a migration that could not parse them), for someone to correct.
 * Customers and their contacts within the actor's data scope; leads too for those who see leads,
 * within the leads' scope (owners in scope plus the lead pool, as the leads module has it).
 */
export async function listUnreadablePhones(ctx: AppContext, actor: Actor, query: { page: number; pageSize: number }): Promise<ListResponse<UnreadablePhone>> {
  authorize(actor, 'customers.view');
  const scopes: repo.PhoneScopes = {
    customers: customerScope(actor),
    contacts: can(actor, 'contacts.view') ? customerScope(actor) : false,
    leads: can(actor, 'leads.view') ? ownerScope(actor, 'leads', { includeUnowned: true }) : false,
  };
  const { rows, total } = await repo.unreadablePhones(ctx.db, scopes, query.pageSize, (query.page - 1) * query.pageSize);
  return {
    items: rows.map((r) => ({
      recordType: r.record_type,
      recordId: Number(r.record_id),
      name: r.name,
      customerId: r.customer_id === null ? null : Number(r.customer_id),
      customerName: r.customer_name,
      archiveNo: r.archive_no,
      field: r.field,
      value: r.value,
    })),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}
