import { idParams, leadForm, leadFormCreate, leadFormList, leadFormUpdate, publicLeadForm, publicLeadSubmission, publicLeadSubmissionResult } from '@crm/contracts';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.js';
import type { Router } from '../../platform/http/route.js';
import * as publicForms from './lead-forms.public.js';
import * as service from './lead-forms.service.js';

/** Where users reach the server, for the links and snippets handed out: the configured address, else this request's. */
function originOf(ctx: AppContext, request: FastifyRequest): string {
  return ctx.config.publicUrl ?? `${request.protocol}://${request.headers.host ?? 'localhost'}`;
}

// Longer than any token we hand out still answers 404 (unknown), like every other wrong link.
const tokenParams = z.object({ token: z.string().trim().min(1).max(200) }).strict();

/** A public submission is small: 16 KB is far more than every field of the form at its longest. */
export const publicFormBodyLimit = 16 * 1024;

export function leadFormRoutes(r: Router, ctx: AppContext): void {
  const tag = 'lead-forms';
  r.route({ method: 'GET', url: '/lead-forms', access: 'settings.view', summary: 'Public web forms with their links and embed snippets (settings.view)', tag, response: leadFormList,
    handler: ({ actor, request }) => service.listForms(ctx, actor, originOf(ctx, request)) });
  r.route({ method: 'POST', url: '/lead-forms', access: 'settings.edit', summary: 'Create a web form; it gets an unguessable public link (settings.edit)', tag, body: leadFormCreate, response: leadForm,
    handler: ({ actor, body, request }) => service.createForm(ctx, actor, body, originOf(ctx, request)) });
  r.route({ method: 'GET', url: '/lead-forms/:id', access: 'settings.view', summary: 'A web form (settings.view)', tag, params: idParams, response: leadForm,
    handler: ({ actor, params, request }) => service.getForm(ctx, actor, params.id, originOf(ctx, request)) });
  r.route({ method: 'PATCH', url: '/lead-forms/:id', access: 'settings.edit', summary: 'Change a web form; 409 with the current form when your version is stale (settings.edit)', tag, params: idParams, body: leadFormUpdate, response: leadForm,
    handler: ({ actor, params, body, request }) => service.updateForm(ctx, actor, params.id, body, originOf(ctx, request)) });
  r.route({ method: 'DELETE', url: '/lead-forms/:id', access: 'settings.edit', summary: 'Delete a web form: its link stops working; its leads stay (settings.edit)', tag, params: idParams, status: 204,
    handler: ({ actor, params }) => service.deleteForm(ctx, actor, params.id) });

  const open = 'public';
  r.publicRoute({ method: 'GET', url: '/public/forms/:token', summary: 'What the public form page shows (no sign-in); 404 for unknown, deleted or switched-off forms', tag: open, params: tokenParams, response: publicLeadForm,
    handler: ({ params }) => publicForms.getPublicForm(ctx, params.token) });
  r.publicRoute({ method: 'POST', url: '/public/forms/:token', summary: 'Submit the public form (no sign-in): it becomes a lead. Body at most 16 KB (413); a few submissions per address in a window (429)', tag: open, params: tokenParams, body: publicLeadSubmission, response: publicLeadSubmissionResult, bodyLimit: publicFormBodyLimit,
    handler: ({ params, body, request, locale }) => publicForms.submitPublicForm(ctx, params.token, body, { ip: request.ip, locale }) });
}
