import { customer, customerMerge, customerMergeList, duplicateCheck, duplicateCheckResult, historyQuery, idParams } from '@crm/contracts';
import type { AppContext } from '../../platform/context.js';
import type { Router } from '../../platform/http/route.js';
import { mergeCustomers } from './duplicates.merge.js';
import * as service from './duplicates.service.js';

export function duplicateRoutes(r: Router, ctx: AppContext): void {
  const tag = 'duplicates';
  r.route({ method: 'POST', url: '/customers/duplicate-check', access: 'customers.view', summary: 'Likely duplicates of a customer being entered (records outside your scope show only name and owner)', tag, body: duplicateCheck, response: duplicateCheckResult, status: 200,
    handler: ({ actor, body }) => service.checkDuplicates(ctx, actor, body) });
  r.route({ method: 'POST', url: '/customers/merge', access: 'customers.merge', summary: 'Merge customers into one, choosing each field; contacts, history and files move to the survivor', tag, body: customerMerge, response: customer, status: 200,
    handler: ({ actor, body }) => mergeCustomers(ctx, actor, body) });
  r.route({ method: 'GET', url: '/customers/:id/merges', access: 'customers.view', summary: 'Merges a customer took part in, as survivor or as merged (works for a merged id)', tag, params: idParams, query: historyQuery, response: customerMergeList,
    handler: ({ actor, params, query }) => service.listMerges(ctx, actor, params.id, query) });
}
