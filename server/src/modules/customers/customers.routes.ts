import { bulkDeleteResult, bulkTagsResult, bulkUpdateResult, customer, customerBulkDelete, customerBulkTags, customerBulkUpdate, customerCreate, customerList, customerListQuery, customerUpdate, historyList, historyQuery, idParams, industriesState, industriesUpdate } from '@crm/contracts';
import type { AppContext } from '../../platform/context.js';
import type { Router } from '../../platform/http/route.js';
import * as bulk from './customers.bulk-actions.js';
import * as lists from './customers.lists.js';
import * as service from './customers.service.js';

export function customerRoutes(r: Router, ctx: AppContext): void {
  const tag = 'customers';
  r.route({ method: 'GET', url: '/customers', access: 'customers.view', summary: 'List, filter and search customers within your data scope', tag, query: customerListQuery, response: customerList,
    handler: ({ actor, query }) => service.listCustomers(ctx, actor, query) });
  r.route({ method: 'POST', url: '/customers', access: 'customers.create', summary: 'Create a customer (owner defaults to you)', tag, body: customerCreate, response: customer,
    handler: ({ actor, body }) => service.createCustomer(ctx, actor, body) });
  r.route({ method: 'POST', url: '/customers/bulk-tags', access: 'customers.edit', summary: 'Add and remove tags on customers (1-500) you may edit, all or none', tag, body: customerBulkTags, response: bulkTagsResult, status: 200,
    handler: ({ actor, body }) => bulk.bulkTagCustomers(ctx, actor, body) });
  r.route({ method: 'POST', url: '/customers/bulk-update', access: 'customers.edit', summary: 'Set status, lifecycle stage, industry, source or next follow-up day on customers (1-500) you may edit, all or none', tag, body: customerBulkUpdate, response: bulkUpdateResult, status: 200,
    handler: ({ actor, body }) => bulk.bulkUpdateCustomers(ctx, actor, body) });
  r.route({ method: 'POST', url: '/customers/bulk-delete', access: 'customers.delete', summary: 'Move customers (1-500) you may edit to the recycle bin, all or none', tag, body: customerBulkDelete, response: bulkDeleteResult, status: 200,
    handler: ({ actor, body }) => bulk.bulkDeleteCustomers(ctx, actor, body) });
  r.route({ method: 'GET', url: '/customers/:id', access: 'customers.view', summary: 'Get a customer', tag, params: idParams, response: customer,
    handler: ({ actor, params }) => service.getCustomer(ctx, actor, params.id) });
  r.route({ method: 'PATCH', url: '/customers/:id', access: 'customers.edit', summary: 'Change a customer; 409 with the current record when your version is stale', tag, params: idParams, body: customerUpdate, response: customer,
    handler: ({ actor, params, body }) => service.updateCustomer(ctx, actor, params.id, body) });
  r.route({ method: 'DELETE', url: '/customers/:id', access: 'customers.delete', summary: 'Move a customer to the recycle bin', tag, params: idParams, status: 204,
    handler: ({ actor, params }) => service.deleteCustomer(ctx, actor, params.id) });
  r.route({ method: 'GET', url: '/customers/:id/history', access: 'customers.view', summary: "A customer's change history, its contacts' included", tag, params: idParams, query: historyQuery, response: historyList,
    handler: ({ actor, params, query }) => service.getCustomerHistory(ctx, actor, params.id, query) });
  r.route({ method: 'GET', url: '/settings/customer-industries', access: 'signedIn', summary: 'Customer industries (any signed-in user reads them)', tag: 'settings', response: industriesState,
    handler: ({ actor }) => lists.getIndustries(ctx, actor) });
  r.route({ method: 'PUT', url: '/settings/customer-industries', access: 'settings.edit', summary: 'Replace the customer industries (one customers use can be switched off, not removed); 409 when your version is stale', tag: 'settings', body: industriesUpdate, response: industriesState,
    handler: ({ actor, body }) => lists.updateIndustries(ctx, actor, body) });
}
