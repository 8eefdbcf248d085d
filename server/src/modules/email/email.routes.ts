import { emailSettings, emailSettingsUpdate, outboxEmail, outboxList, outboxParams, outboxQuery } from '@crm/contracts';
import type { AppContext } from '../../platform/context.js';
import type { Router } from '../../platform/http/route.js';
import * as outbox from './email.outbox.js';
import * as settings from './email.settings.js';

export function emailRoutes(r: Router, ctx: AppContext): void {
  const tag = 'settings';
  r.route({ method: 'GET', url: '/settings/email', access: 'settings.view', summary: 'SMTP settings for outgoing email; the password is never answered, only whether one is set', tag, response: emailSettings,
    handler: ({ actor }) => settings.getEmailSettings(ctx, actor) });
  r.route({ method: 'PUT', url: '/settings/email', access: 'settings.edit', summary: 'Change the SMTP settings (a password left out is kept, null removes it); 409 with the current ones when your version is stale', tag, body: emailSettingsUpdate, response: emailSettings,
    handler: ({ actor, body }) => settings.updateEmailSettings(ctx, actor, body) });
  r.route({ method: 'POST', url: '/settings/email/test', access: 'settings.edit', summary: 'Queue a test email to your own address; the outbox shows whether it went', tag, response: outboxEmail, status: 201,
    handler: ({ actor }) => outbox.sendTestEmail(ctx, actor) });
  r.route({ method: 'GET', url: '/settings/email/outbox', access: 'settings.edit', summary: 'The email outbox, newest first (filter by status), with the count in each status', tag, query: outboxQuery, response: outboxList,
    handler: ({ actor, query }) => outbox.listOutbox(ctx, actor, query) });
  r.route({ method: 'POST', url: '/settings/email/outbox/:id/retry', access: 'settings.edit', summary: 'Send a failed or waiting email again now, with a new set of attempts; 409 when it is being sent or was sent', tag, params: outboxParams, response: outboxEmail, status: 200,
    handler: ({ actor, params }) => outbox.retryEmail(ctx, actor, params.id) });
}
