import { contact, contactCreate, contactList, contactListQuery, contactUpdate, idParams } from '@crm/contracts';
import type { AppContext } from '../../platform/context.js';
import type { Router } from '../../platform/http/route.js';
import * as service from './contacts.service.js';

export function contactRoutes(r: Router, ctx: AppContext): void {
  const tag = 'contacts';
  r.route({ method: 'GET', url: '/contacts', access: 'contacts.view', summary: "List contacts of the customers you may see", tag, query: contactListQuery, response: contactList,
    handler: ({ actor, query }) => service.listContacts(ctx, actor, query) });
  r.route({ method: 'POST', url: '/contacts', access: 'contacts.create', summary: 'Add a contact to an organisation customer', tag, body: contactCreate, response: contact,
    handler: ({ actor, body }) => service.createContact(ctx, actor, body) });
  r.route({ method: 'GET', url: '/contacts/:id', access: 'contacts.view', summary: 'Get a contact', tag, params: idParams, response: contact,
    handler: ({ actor, params }) => service.getContact(ctx, actor, params.id) });
  r.route({ method: 'PATCH', url: '/contacts/:id', access: 'contacts.edit', summary: 'Change a contact; 409 when your version is stale', tag, params: idParams, body: contactUpdate, response: contact,
    handler: ({ actor, params, body }) => service.updateContact(ctx, actor, params.id, body) });
  r.route({ method: 'DELETE', url: '/contacts/:id', access: 'contacts.delete', summary: 'Move a contact to the recycle bin', tag, params: idParams, status: 204,
    handler: ({ actor, params }) => service.deleteContact(ctx, actor, params.id) });
}
