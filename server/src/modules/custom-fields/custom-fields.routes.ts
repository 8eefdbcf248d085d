import { customField, customFieldCreate, customFieldList, customFieldListQuery, customFieldOrder, customFieldUpdate, idParams } from '@crm/contracts';
import type { AppContext } from '../../platform/context.js';
import type { Router } from '../../platform/http/route.js';
import * as service from './custom-fields.service.js';

export function customFieldRoutes(r: Router, ctx: AppContext): void {
  const tag = 'custom-fields';
  r.route({ method: 'GET', url: '/custom-fields', access: 'signedIn', summary: 'Custom fields of customers and contacts, in order (deactivated ones with includeInactive, settings.view)', tag, query: customFieldListQuery, response: customFieldList,
    handler: ({ actor, query }) => service.listFields(ctx, actor, query) });
  r.route({ method: 'POST', url: '/custom-fields', access: 'settings.edit', summary: 'Add a custom field (settings.edit)', tag, body: customFieldCreate, response: customField,
    handler: ({ actor, body }) => service.createField(ctx, actor, body) });
  r.route({ method: 'PUT', url: '/custom-fields/order', access: 'settings.edit', summary: 'Reorder every field of one entity (settings.edit)', tag, body: customFieldOrder, response: customFieldList,
    handler: ({ actor, body }) => service.orderFields(ctx, actor, body) });
  r.route({ method: 'PATCH', url: '/custom-fields/:id', access: 'settings.edit', summary: 'Change labels, options, required or active; 409 when your version is stale (settings.edit)', tag, params: idParams, body: customFieldUpdate, response: customField,
    handler: ({ actor, params, body }) => service.updateField(ctx, actor, params.id, body) });
  r.route({ method: 'DELETE', url: '/custom-fields/:id', access: 'settings.edit', summary: 'Deactivate a custom field; its values are kept (settings.edit)', tag, params: idParams, status: 204,
    handler: ({ actor, params }) => service.deactivateField(ctx, actor, params.id) });
}
