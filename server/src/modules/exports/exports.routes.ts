import { exportLogList, exportLogQuery, exportParams } from '@crm/contracts';
import type { AppContext } from '../../platform/context.js';
import type { Router } from '../../platform/http/route.js';
import * as service from './exports.service.js';

/** CSV (UTF-8 with a byte-order mark) or .xlsx, as `format` asks. */
const tabular = ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'];

// format and columns, plus every filter of the list (checked by the list's own schema).
const listExportQuery = exportParams.loose();

export function exportRoutes(r: Router, ctx: AppContext): void {
  const tag = 'exports';
  r.route({ method: 'GET', url: '/customers/export', access: 'customers.export', summary: 'Download the customer list (same filters and sort as GET /customers, your data scope) as CSV or .xlsx; sensitive fields masked without customers.view_sensitive; logged', tag, query: listExportQuery, download: tabular,
    handler: ({ actor, query, locale, reply }) => service.exportCustomers(ctx, actor, query, locale, reply) });
  r.route({ method: 'GET', url: '/contacts/export', access: 'contacts.export', summary: 'Download the contact list (same filters as GET /contacts, your data scope) as CSV or .xlsx; logged', tag, query: listExportQuery, download: tabular,
    handler: ({ actor, query, locale, reply }) => service.exportContacts(ctx, actor, query, locale, reply) });
  r.route({ method: 'GET', url: '/exports', access: 'settings.view', summary: 'Every export: who, when, which filter and columns, how many rows', tag, query: exportLogQuery, response: exportLogList,
    handler: ({ actor, query }) => service.listExports(ctx, actor, query) });
}
