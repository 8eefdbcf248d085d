import { idParams, orgListQuery, role, roleCreate, roleList, roleUpdate } from '@crm/contracts';
import type { AppContext } from '../../platform/context.js';
import type { Router } from '../../platform/http/route.js';
import * as service from './roles.service.js';

export function roleRoutes(r: Router, ctx: AppContext): void {
  const tag = 'roles';
  r.route({ method: 'GET', url: '/roles', access: 'roles.view', summary: 'List roles', tag, query: orgListQuery, response: roleList,
    handler: ({ actor, query }) => service.listRoles(ctx, actor, query) });
  r.route({ method: 'POST', url: '/roles', access: 'roles.create', summary: 'Create a role', tag, body: roleCreate, response: role,
    handler: ({ actor, body }) => service.createRole(ctx, actor, body) });
  r.route({ method: 'GET', url: '/roles/:id', access: 'roles.view', summary: 'Get a role', tag, params: idParams, response: role,
    handler: ({ actor, params }) => service.getRole(ctx, actor, params.id) });
  r.route({ method: 'PATCH', url: '/roles/:id', access: 'roles.edit', summary: 'Change a role', tag, params: idParams, body: roleUpdate, response: role,
    handler: ({ actor, params, body }) => service.updateRole(ctx, actor, params.id, body) });
  r.route({ method: 'DELETE', url: '/roles/:id', access: 'roles.delete', summary: 'Delete a role', tag, params: idParams, status: 204,
    handler: ({ actor, params }) => service.deleteRole(ctx, actor, params.id) });
}
