import type { LeadDuplicateResult, leadDuplicateCheck } from '@crm/contracts';
import type { z } from 'zod';
import { authorize, can, type Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import { dedupeKeys } from '../../platform/normalize.js';
import { customerReadScope, customersByIds, customersWithKeys } from '../customers/index.js';
import { userNames } from '../users/index.js';
import * as repo from './leads.repository.js';
import { leadScope } from './leads.service.js';
import { unscoped } from '../../platform/auth/scope.js';

type Match = LeadDuplicateResult['matches'][number];

/** At most this many matches of each type: enough to decide, short enough to read. */
const limit = 20;

function matchedOn(keys: Set<string>): string[] {
  const kinds = new Set([...keys].map((k) => ({ p: 'phone', e: 'email', n: 'name' })[k.slice(0, 1)] ?? 'name'));
  return ['phone', 'email', 'name'].filter((k) => kinds.has(k));
}

/**
 * Leads and customers that share a phone, an email or an organisation name (the company, or the
 * name when no company is given) with the values typed. A record outside the caller's scope says
 * only that it exists and who owns it (`visible: false`: no id, no name), so that two people do
 * not chase the same lead without either learning more. It refuses nothing: creating stays allowed.
 */
export async function checkLeadDuplicates(ctx: AppContext, actor: Actor, input: z.output<typeof leadDuplicateCheck>): Promise<LeadDuplicateResult> {
  authorize(actor, 'leads.view');
  const keys = dedupeKeys({ name: input.company || input.name, isOrganization: true, phones: [input.mobile, input.phone], emails: [input.email] });
  if (keys.length === 0) return { matches: [] };

  const leadHits = await repo.leadsWithKeys(ctx.db, keys, input.excludeLeadId);
  const leadIds = [...leadHits.keys()].sort((a, b) => b - a).slice(0, limit);
  const leads = await repo.findByIds(ctx.db, leadIds, unscoped('duplicate hits outside the scope are reported, masked'));
  const visibleLeads = new Set((await repo.findByIds(ctx.db, leadIds, leadScope(actor))).map((r) => r.id));

  const customerHits = await customersWithKeys(ctx.db, keys);
  const customerIds = [...customerHits.keys()].sort((a, b) => b - a).slice(0, limit);
  const customers = await customersByIds(ctx.db, customerIds, customerReadScope(actor));
  const seesCustomers = can(actor, 'customers.view');

  const names = await userNames(ctx, [...leads.map((l) => l.owner_id), ...[...customers.rows.values()].map((c) => c.owner_id)]);
  const owner = (id: number | null) => (id === null ? null : (names.get(id) ?? null));
  const matches: Match[] = [];
  // Outside the scope: the owner only, not the id nor the name.
  const shown = (visible: boolean, id: number, name: string) => (visible ? { id, name, visible } : { visible });
  for (const lead of leads.sort((a, b) => b.id - a.id)) {
    const name = lead.company ? `${lead.name} (${lead.company})` : lead.name;
    matches.push({ type: 'lead', ...shown(visibleLeads.has(lead.id), lead.id, name), ownerName: owner(lead.owner_id), matchedOn: matchedOn(leadHits.get(lead.id) ?? new Set()) });
  }
  for (const id of customerIds) {
    const customer = customers.rows.get(id);
    if (!customer) continue;
    matches.push({ type: 'customer', ...shown(seesCustomers && customers.visible.has(id), id, customer.name), ownerName: owner(customer.owner_id), matchedOn: matchedOn(customerHits.get(id) ?? new Set()) });
  }
  return { matches };
}
