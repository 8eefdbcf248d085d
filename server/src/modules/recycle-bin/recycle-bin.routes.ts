import { recycleBinList, recycleBinParams, recycleBinQuery } from '@crm/contracts';
import type { AppContext } from '../../platform/context.js';
import type { Router } from '../../platform/http/route.js';
import * as service from './recycle-bin.service.js';

export function recycleBinRoutes(r: Router, ctx: AppContext): void {
  const tag = 'recycle-bin';
  r.route({ method: 'GET', url: '/recycle-bin', access: 'recycle_bin.view', summary: 'Deleted customers and contacts', tag, query: recycleBinQuery, response: recycleBinList,
    handler: ({ actor, query }) => service.listRecycleBin(ctx, actor, query) });
  r.route({ method: 'POST', url: '/recycle-bin/:type/:id/restore', access: 'recycle_bin.restore', summary: 'Restore a deleted record', tag, params: recycleBinParams, status: 204,
    handler: ({ actor, params }) => service.restore(ctx, actor, params.type, params.id) });
  r.route({ method: 'DELETE', url: '/recycle-bin/:type/:id', access: 'recycle_bin.purge', summary: 'Erase a deleted record for good', tag, params: recycleBinParams, status: 204,
    handler: ({ actor, params }) => service.purge(ctx, actor, params.type, params.id) });
}
