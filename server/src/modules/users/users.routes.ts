import { idParams, user, userCreate, userList, userListQuery, userUpdate } from '@crm/contracts';
import type { AppContext } from '../../platform/context.js';
import type { Router } from '../../platform/http/route.js';
import * as service from './users.service.js';

export function userRoutes(r: Router, ctx: AppContext): void {
  const tag = 'users';
  r.route({ method: 'GET', url: '/users', access: 'users.view', summary: 'List users', tag, query: userListQuery, response: userList,
    handler: ({ actor, query }) => service.listUsers(ctx, actor, query) });
  r.route({ method: 'POST', url: '/users', access: 'users.create', summary: 'Create a user', tag, body: userCreate, response: user,
    handler: ({ actor, body }) => service.createUser(ctx, actor, body) });
  r.route({ method: 'GET', url: '/users/:id', access: 'users.view', summary: 'Get a user', tag, params: idParams, response: user,
    handler: ({ actor, params }) => service.getUser(ctx, actor, params.id) });
  r.route({ method: 'PATCH', url: '/users/:id', access: 'users.edit', summary: 'Change a user (a password resets it and ends their sessions)', tag, params: idParams, body: userUpdate, response: user,
    handler: ({ actor, params, body }) => service.updateUser(ctx, actor, params.id, body) });
  r.route({ method: 'DELETE', url: '/users/:id', access: 'users.delete', summary: 'Remove a user (their records stay with the company)', tag, params: idParams, status: 204,
    handler: ({ actor, params }) => service.deleteUser(ctx, actor, params.id) });
}
