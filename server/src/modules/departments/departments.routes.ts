import { department, departmentCreate, departmentList, departmentUpdate, idParams, orgListQuery } from '@crm/contracts';
import type { AppContext } from '../../platform/context.js';
import type { Router } from '../../platform/http/route.js';
import * as service from './departments.service.js';

export function departmentRoutes(r: Router, ctx: AppContext): void {
  const tag = 'departments';
  r.route({ method: 'GET', url: '/departments', access: 'departments.view', summary: 'List departments (flat, tree order)', tag, query: orgListQuery, response: departmentList,
    handler: ({ actor, query }) => service.listDepartments(ctx, actor, query) });
  r.route({ method: 'POST', url: '/departments', access: 'departments.create', summary: 'Create a department', tag, body: departmentCreate, response: department,
    handler: ({ actor, body }) => service.createDepartment(ctx, actor, body) });
  r.route({ method: 'GET', url: '/departments/:id', access: 'departments.view', summary: 'Get a department', tag, params: idParams, response: department,
    handler: ({ actor, params }) => service.getDepartment(ctx, actor, params.id) });
  r.route({ method: 'PATCH', url: '/departments/:id', access: 'departments.edit', summary: 'Rename or move a department', tag, params: idParams, body: departmentUpdate, response: department,
    handler: ({ actor, params, body }) => service.updateDepartment(ctx, actor, params.id, body) });
  r.route({ method: 'DELETE', url: '/departments/:id', access: 'departments.delete', summary: 'Delete an empty department', tag, params: idParams, status: 204,
    handler: ({ actor, params }) => service.deleteDepartment(ctx, actor, params.id) });
}
