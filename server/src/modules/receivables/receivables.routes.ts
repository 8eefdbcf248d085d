import { aging, agingExportQuery, agingQuery, contractReceivables, dueInstalmentList, idParams, instalmentListQuery, invoiceCreate, paymentCreate, paymentList, paymentListQuery, paymentPlanWrite } from '@crm/contracts';
import type { AppContext } from '../../platform/context.js';
import type { Router } from '../../platform/http/route.js';
import { exportAging } from './receivables.aging-export.js';
import { getAging } from './receivables.aging.js';
import * as service from './receivables.service.js';

export function receivableRoutes(r: Router, ctx: AppContext): void {
  const tag = 'receivables';
  r.route({ method: 'GET', url: '/contracts/:id/receivables', access: 'receivables.view', summary: "A contract's payment plan, payments and invoices, with its sums (a contract in your data scope)", tag, params: idParams, response: contractReceivables,
    handler: ({ actor, params }) => service.getReceivables(ctx, actor, params.id) });
  r.route({ method: 'PUT', url: '/contracts/:id/payment-plan', access: 'receivables.edit', summary: "Replace a contract's payment plan (instalments at most its amount; planVersion as read)", tag, params: idParams, body: paymentPlanWrite, response: contractReceivables,
    handler: ({ actor, params, body }) => service.savePlan(ctx, actor, params.id, body) });
  r.route({ method: 'POST', url: '/contracts/:id/payments', access: 'receivables.edit', summary: 'Record a payment received on a signed contract (at most what is outstanding; it settles the plan first due first)', tag, params: idParams, body: paymentCreate, response: contractReceivables,
    handler: ({ actor, params, body }) => service.addPayment(ctx, actor, params.id, body) });
  r.route({ method: 'POST', url: '/contracts/:id/invoices', access: 'receivables.edit', summary: 'Record an invoice issued against a signed contract (the invoices at most its amount)', tag, params: idParams, body: invoiceCreate, response: contractReceivables,
    handler: ({ actor, params, body }) => service.addInvoice(ctx, actor, params.id, body) });
  r.route({ method: 'DELETE', url: '/payments/:id', access: 'receivables.edit', summary: 'Remove a payment recorded in error (the plan is settled again without it)', tag, params: idParams, status: 204,
    handler: ({ actor, params }) => service.removePayment(ctx, actor, params.id) });
  r.route({ method: 'DELETE', url: '/invoices/:id', access: 'receivables.edit', summary: 'Remove an invoice recorded in error', tag, params: idParams, status: 204,
    handler: ({ actor, params }) => service.removeInvoice(ctx, actor, params.id) });
  r.route({ method: 'GET', url: '/payments', access: 'receivables.view', summary: 'Payments received on the contracts in your data scope, with the sum of all that match', tag, query: paymentListQuery, response: paymentList,
    handler: ({ actor, query }) => service.listPayments(ctx, actor, query) });
  r.route({ method: 'GET', url: '/receivables/instalments', access: 'receivables.view', summary: 'Unpaid instalments (overdue, or all open) of signed contracts in your data scope, soonest due first', tag, query: instalmentListQuery, response: dueInstalmentList,
    handler: ({ actor, query }) => service.listDueInstalments(ctx, actor, query) });
  r.route({ method: 'GET', url: '/receivables/aging', access: 'receivables.view', summary: 'Receivables aging by customer, owner or department, and the days sales outstanding (DSO)', tag, query: agingQuery, response: aging,
    handler: ({ actor, query }) => getAging(ctx, actor, query) });
  r.route({ method: 'GET', url: '/receivables/aging/export', access: 'receivables.view', summary: 'Download the receivables aging (every row, by customer, owner or department; each bucket and the total in yuan, and the DSO) as .xlsx or CSV; same filters and data scope as the report', tag, query: agingExportQuery, download: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'text/csv'],
    handler: ({ actor, query, locale, reply }) => exportAging(ctx, actor, query, locale, reply) });
}
