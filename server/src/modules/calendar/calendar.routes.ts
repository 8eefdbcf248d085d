import { calendarFeedCreate, calendarFeedCreated, calendarFeedParams, calendarFeedState, calendarQuery, calendarResponse } from '@crm/contracts';
import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../../platform/context.js';
import type { Router } from '../../platform/http/route.js';
import * as feeds from './calendar.feed.js';
import { calendarAccess } from './calendar.items.js';
import * as service from './calendar.service.js';

/** Where users reach the server, for the feed's address: the configured address, else this request's. */
function originOf(ctx: AppContext, request: FastifyRequest): string {
  return ctx.config.publicUrl ?? `${request.protocol}://${request.headers.host ?? 'localhost'}`;
}

export function calendarRoutes(r: Router, ctx: AppContext): void {
  const tag = 'calendar';
  r.route({ method: 'GET', url: '/calendar', access: calendarAccess, summary: 'Your days from..to (at most six weeks, company time zone): tasks, planned follow-ups, meetings and visits, care reminders; or those of a user in your data scope (404 otherwise), or of your team (team=true)', tag, query: calendarQuery, response: calendarResponse,
    handler: ({ actor, query, locale }) => service.getCalendar(ctx, actor, query, locale) });
  r.route({ method: 'GET', url: '/me/calendar-feed', access: calendarAccess, summary: 'Whether you have a private calendar feed (its address is shown only when made)', tag, response: calendarFeedState,
    handler: ({ actor }) => feeds.getFeed(ctx, actor) });
  r.route({ method: 'POST', url: '/me/calendar-feed', access: calendarAccess, summary: 'Make a new private iCalendar feed address for yourself; an earlier one stops working', tag, body: calendarFeedCreate, response: calendarFeedCreated, status: 201,
    handler: ({ actor, request }) => feeds.createFeed(ctx, actor, originOf(ctx, request)) });
  r.route({ method: 'DELETE', url: '/me/calendar-feed', access: calendarAccess, summary: 'Stop your calendar feed (its address answers 404 from now on)', tag, status: 204,
    handler: ({ actor }) => feeds.revokeFeed(ctx, actor) });
  r.publicRoute({ method: 'GET', url: '/ical/:file', summary: "A user's private calendar feed (iCalendar, no sign-in: the token in the address is the key): 30 days back to 180 ahead; 404 for unknown, rotated or revoked tokens and deactivated users", tag, params: calendarFeedParams, download: ['text/calendar'],
    handler: ({ params, request, locale, reply }) => feeds.serveFeed(ctx, params.file, originOf(ctx, request), locale, reply) });
}
