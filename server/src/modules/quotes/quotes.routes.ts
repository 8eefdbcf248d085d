import { idParams, quote, quoteCreate, quoteList, quoteListQuery, quoteMakeCurrent, quotePdfQuery, quoteRevisionList, quoteStatusChange, quoteUpdate } from '@crm/contracts';
import type { AppContext } from '../../platform/context.js';
import type { Router } from '../../platform/http/route.js';
import * as service from './quotes.service.js';

export function quoteRoutes(r: Router, ctx: AppContext): void {
  const tag = 'quotes';
  r.route({ method: 'GET', url: '/quotes', access: 'quotes.view', summary: 'List and search quotes within your data scope (by customer, deal, owner, status)', tag, query: quoteListQuery, response: quoteList,
    handler: ({ actor, query }) => service.listQuotes(ctx, actor, query) });
  r.route({ method: 'POST', url: '/quotes', access: 'quotes.create', summary: 'Create a quote (v1, draft, numbered BJ-YYYY-NNNNNN) for a customer you may edit; totals in fen computed here', tag, body: quoteCreate, response: quote,
    handler: ({ actor, body }) => service.createQuote(ctx, actor, body) });
  r.route({ method: 'GET', url: '/quotes/:id', access: 'quotes.view', summary: 'Get a quote with its lines', tag, params: idParams, response: quote,
    handler: ({ actor, params }) => service.getQuote(ctx, actor, params.id) });
  r.route({ method: 'PATCH', url: '/quotes/:id', access: 'quotes.edit', summary: 'Change a quote; a sent, rejected or expired one becomes the next revision; 409 when stale or accepted', tag, params: idParams, body: quoteUpdate, response: quote,
    handler: ({ actor, params, body }) => service.updateQuote(ctx, actor, params.id, body) });
  r.route({ method: 'DELETE', url: '/quotes/:id', access: 'quotes.delete', summary: 'Delete a quote that is not accepted', tag, params: idParams, status: 204,
    handler: ({ actor, params }) => service.deleteQuote(ctx, actor, params.id) });
  r.route({ method: 'POST', url: '/quotes/:id/status', access: 'quotes.edit', summary: 'Move a quote to another status (draft, awaiting_approval, sent, accepted, rejected, expired, as allowed)', tag, params: idParams, body: quoteStatusChange, response: quote, status: 200,
    handler: ({ actor, params, body }) => service.changeQuoteStatus(ctx, actor, params.id, body) });
  r.route({ method: 'POST', url: '/quotes/:id/current', access: 'quotes.edit', summary: "Make this the deal's current quote (its other quote stops being current)", tag, params: idParams, body: quoteMakeCurrent, response: quote, status: 200,
    handler: ({ actor, params, body }) => service.makeQuoteCurrent(ctx, actor, params.id, body) });
  r.route({ method: 'GET', url: '/quotes/:id/revisions', access: 'quotes.view', summary: 'Every revision of a quote as it was given, oldest first', tag, params: idParams, response: quoteRevisionList,
    handler: ({ actor, params }) => service.quoteRevisions(ctx, actor, params.id) });
  r.route({ method: 'GET', url: '/quotes/:id/pdf', access: 'quotes.view', summary: 'Download a quote as a PDF (Chinese text embedded: a subset of a CJK font), labelled in `lang` or your language; 404 outside your data scope', tag, params: idParams, query: quotePdfQuery, download: ['application/pdf'],
    handler: ({ actor, params, query, locale, reply }) => service.quotePdf(ctx, actor, params.id, query, locale, reply) });
}
