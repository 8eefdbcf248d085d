import {
  assignmentRulesState, assignmentRulesUpdate, historyList, idParams, lead, leadAssign, leadConvert, leadConvertResult, leadCreate, leadDisqualify,
  leadDuplicateCheck, leadDuplicateResult, leadList, leadListQuery, leadRelease, leadSourcesState, leadSourcesUpdate, leadUpdate, pageQuery, transferResult,
} from '@crm/contracts';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.js';
import type { Router } from '../../platform/http/route.js';
import { convertLead } from './leads.convert.js';
import { checkLeadDuplicates } from './leads.duplicates.js';
import { assignLeads, claimLead, releaseLead } from './leads.ownership.js';
import * as service from './leads.service.js';
import * as settings from './leads.settings.js';

const historyPage = z.object({ page: pageQuery.page, pageSize: pageQuery.pageSize }).strict();

export function leadRoutes(r: Router, ctx: AppContext): void {
  const tag = 'leads';
  r.route({ method: 'GET', url: '/leads', access: 'leads.view', summary: 'Leads in your scope and the lead pool: filters, search, sort by MAN grade', tag, query: leadListQuery, response: leadList,
    handler: ({ actor, query }) => service.listLeads(ctx, actor, query) });
  r.route({ method: 'POST', url: '/leads', access: 'leads.create', summary: "Create a lead; without ownerId it is the creator's, or (for those who hold leads.assign) the assignment rules pick the owner; null puts it in the lead pool", tag, body: leadCreate, response: lead,
    handler: ({ actor, body }) => service.createLead(ctx, actor, body) });
  r.route({ method: 'POST', url: '/leads/duplicate-check', access: 'leads.view', summary: 'Leads and customers sharing a phone, email or organisation name (outside your scope: name and owner only)', tag, body: leadDuplicateCheck, response: leadDuplicateResult, status: 200,
    handler: ({ actor, body }) => checkLeadDuplicates(ctx, actor, body) });
  r.route({ method: 'POST', url: '/leads/assign', access: 'leads.assign', summary: 'Give leads (1-500) to one user, all or none; the new owner is notified', tag, body: leadAssign, response: transferResult, status: 200,
    handler: ({ actor, body }) => assignLeads(ctx, actor, body) });
  r.route({ method: 'GET', url: '/leads/:id', access: 'leads.view', summary: 'One lead', tag, params: idParams, response: lead,
    handler: ({ actor, params }) => service.getLead(ctx, actor, params.id) });
  r.route({ method: 'PATCH', url: '/leads/:id', access: 'leads.edit', summary: 'Edit a lead (MAN answers, status new/contacting/qualified); 409 with the current lead when your version is stale', tag, params: idParams, body: leadUpdate, response: lead,
    handler: ({ actor, params, body }) => service.updateLead(ctx, actor, params.id, body) });
  r.route({ method: 'DELETE', url: '/leads/:id', access: 'leads.delete', summary: 'Move a lead to the recycle bin', tag, params: idParams, status: 204,
    handler: ({ actor, params }) => service.deleteLead(ctx, actor, params.id) });
  r.route({ method: 'POST', url: '/leads/:id/disqualify', access: 'leads.edit', summary: 'Mark a lead as not a prospect, with the reason', tag, params: idParams, body: leadDisqualify, response: lead, status: 200,
    handler: ({ actor, params, body }) => service.disqualifyLead(ctx, actor, params.id, body) });
  r.route({ method: 'POST', url: '/leads/:id/claim', access: 'leads.claim', summary: 'Take a lead from the lead pool', tag, params: idParams, response: lead, status: 200,
    handler: ({ actor, params }) => claimLead(ctx, actor, params.id) });
  r.route({ method: 'POST', url: '/leads/:id/release', access: { anyOf: ['leads.claim', 'leads.assign'] }, summary: 'Put a lead back in the lead pool', tag, params: idParams, body: leadRelease, response: lead, status: 200,
    handler: ({ actor, params, body }) => releaseLead(ctx, actor, params.id, body) });
  r.route({ method: 'POST', url: '/leads/:id/convert', access: 'leads.convert', summary: 'Convert a lead into a customer (new or existing), a contact and optionally an opportunity, in one step', tag, params: idParams, body: leadConvert, response: leadConvertResult, status: 200,
    handler: ({ actor, params, body }) => convertLead(ctx, actor, params.id, body) });
  r.route({ method: 'GET', url: '/leads/:id/history', access: 'leads.view', summary: "A lead's change history", tag, params: idParams, query: historyPage, response: historyList,
    handler: ({ actor, params, query }) => service.getLeadHistory(ctx, actor, params.id, query) });

  const settingsTag = 'settings';
  r.route({ method: 'GET', url: '/settings/lead-sources', access: 'signedIn', summary: 'Lead sources (any signed-in user reads them)', tag: settingsTag, response: leadSourcesState,
    handler: ({ actor }) => settings.getLeadSources(ctx, actor) });
  r.route({ method: 'PUT', url: '/settings/lead-sources', access: 'settings.edit', summary: 'Replace the lead sources (a source leads use can be deactivated, not removed); 409 when your version is stale', tag: settingsTag, body: leadSourcesUpdate, response: leadSourcesState,
    handler: ({ actor, body }) => settings.updateLeadSources(ctx, actor, body) });
  r.route({ method: 'GET', url: '/settings/lead-assignment', access: 'settings.view', summary: 'Lead assignment rules, in the order they are tried', tag: settingsTag, response: assignmentRulesState,
    handler: ({ actor }) => settings.getAssignmentRules(ctx, actor) });
  r.route({ method: 'PUT', url: '/settings/lead-assignment', access: 'settings.edit', summary: 'Replace the lead assignment rules; 409 when your version is stale', tag: settingsTag, body: assignmentRulesUpdate, response: assignmentRulesState,
    handler: ({ actor, body }) => settings.updateAssignmentRules(ctx, actor, body) });
}
