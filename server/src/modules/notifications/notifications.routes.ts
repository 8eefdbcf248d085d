import { idParams, notificationList, notificationPreferences, notificationPreferencesUpdate, notificationQuery } from '@crm/contracts';
import type { AppContext } from '../../platform/context.js';
import type { Router } from '../../platform/http/route.js';
import * as preferences from './notification-preferences.js';
import * as service from './notifications.service.js';

export function notificationRoutes(r: Router, ctx: AppContext): void {
  const tag = 'notifications';
  r.route({ method: 'GET', url: '/notifications', access: 'signedIn', summary: 'Your notifications, newest first, with the unread count', tag, query: notificationQuery, response: notificationList,
    handler: ({ actor, query, locale }) => service.listNotifications(ctx, actor, query, locale) });
  r.route({ method: 'POST', url: '/notifications/:id/read', access: 'signedIn', summary: 'Mark one of your notifications read', tag, params: idParams, status: 204,
    handler: ({ actor, params }) => service.markRead(ctx, actor, params.id) });
  r.route({ method: 'POST', url: '/notifications/read-all', access: 'signedIn', summary: 'Mark all your notifications read', tag, status: 204,
    handler: ({ actor }) => service.markAllRead(ctx, actor) });
  r.route({ method: 'GET', url: '/me/notification-preferences', access: 'signedIn', summary: 'Which kinds of your notifications also arrive by email, and at which address', tag, response: notificationPreferences,
    handler: ({ actor }) => preferences.getPreferences(ctx, actor) });
  r.route({ method: 'PUT', url: '/me/notification-preferences', access: 'signedIn', summary: 'Choose which kinds of your notifications also arrive by email (kinds left out keep their choice)', tag, body: notificationPreferencesUpdate, response: notificationPreferences,
    handler: ({ actor, body }) => preferences.updatePreferences(ctx, actor, body) });
}
