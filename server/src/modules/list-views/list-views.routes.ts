import { idParams, listView, listViewCreate, listViewDefault, listViewDefaultUpdate, listViews, listViewsQuery, listViewUpdate } from '@crm/contracts';
import type { AppContext } from '../../platform/context.js';
import type { Router } from '../../platform/http/route.js';
import * as service from './list-views.service.js';

/** Each call needs the right to read the list it is about (the service checks which). */
const anyList = { anyOf: ['customers.view', 'contacts.view', 'leads.view', 'opportunities.view'] } as const;

export function listViewRoutes(r: Router, ctx: AppContext): void {
  const tag = 'list-views';
  r.route({ method: 'GET', url: '/list-views', access: anyList, summary: "A list's built-in views, the saved views you may see (yours, your department's, everyone's) and your default", tag, query: listViewsQuery, response: listViews,
    handler: ({ actor, query }) => service.listViews(ctx, actor, query.list) });
  r.route({ method: 'POST', url: '/list-views', access: anyList, summary: "Save a list's filters, columns, sort and page size as a view (sharing it beyond yourself needs views.share)", tag, body: listViewCreate, response: listView, status: 201,
    handler: ({ actor, body }) => service.createView(ctx, actor, body) });
  r.route({ method: 'PUT', url: '/list-views/default', access: anyList, summary: 'Choose the view a list opens with (a saved view you may see, a built-in one, or none)', tag, body: listViewDefaultUpdate, response: listViewDefault,
    handler: ({ actor, body }) => service.setDefaultView(ctx, actor, body) });
  r.route({ method: 'PATCH', url: '/list-views/:id', access: anyList, summary: 'Change your view; 409 with the current view when your version is stale', tag, params: idParams, body: listViewUpdate, response: listView,
    handler: ({ actor, params, body }) => service.updateView(ctx, actor, params.id, body) });
  r.route({ method: 'DELETE', url: '/list-views/:id', access: anyList, summary: 'Delete your view (defaults that named it are cleared)', tag, params: idParams, status: 204,
    handler: ({ actor, params }) => service.deleteView(ctx, actor, params.id) });
}
