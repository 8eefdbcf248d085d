import { reminderSettings, reminderSettingsUpdate } from '@crm/contracts';
import type { AppContext } from '../../platform/context.js';
import type { Router } from '../../platform/http/route.js';
import * as settings from './reminders.settings.js';

export function reminderRoutes(r: Router, ctx: AppContext): void {
  const tag = 'settings';
  r.route({ method: 'GET', url: '/settings/reminders', access: 'settings.view', summary: 'Care reminders (关怀提醒): how many days ahead each kind is told, maintenance every N months; renewals follow the contract renewal days', tag, response: reminderSettings,
    handler: ({ actor }) => settings.getReminderSettings(ctx, actor) });
  r.route({ method: 'PUT', url: '/settings/reminders', access: 'settings.edit', summary: 'Change the care reminder settings (null turns a kind off, 0 months turns maintenance off); 409 when stale', tag, body: reminderSettingsUpdate, response: reminderSettings,
    handler: ({ actor, body }) => settings.updateReminderSettings(ctx, actor, body) });
}
