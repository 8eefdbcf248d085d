import { localeUpdate, loginRequest, loginResponse, me, passwordChange } from '@crm/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../platform/context.js';
import type { Router } from '../../platform/http/route.js';
import { setUserLocale } from '../users/index.js';
import * as service from './auth.service.js';
import { endSession } from '../users/index.js';

export const sessionCookie = 'crm_session';

function setSessionCookie(ctx: AppContext, reply: FastifyReply, token: string) {
  reply.setCookie(sessionCookie, token, { httpOnly: true, sameSite: 'lax', path: '/', secure: ctx.config.secureCookies });
}

function tokenOf(request: FastifyRequest): string {
  return request.cookies[sessionCookie] ?? '';
}

export function authRoutes(r: Router, ctx: AppContext): void {
  const tag = 'auth';
  r.publicRoute({
    method: 'POST', url: '/auth/login', summary: 'Log in with email and password; sets the session cookie', tag, status: 200,
    body: loginRequest, response: loginResponse,
    handler: async ({ body, request, reply }) => {
      const { token, user } = await service.login(ctx, body, { ip: request.ip, userAgent: request.headers['user-agent'] ?? null });
      // Whatever session the browser had before is ended: a new id at each login.
      const previous = tokenOf(request);
      if (previous) await endSession(ctx, previous);
      setSessionCookie(ctx, reply, token);
      return { user };
    },
  });
  r.publicRoute({
    method: 'POST', url: '/auth/logout', summary: 'End the current session', tag, status: 204,
    handler: async ({ request, reply }) => {
      const token = tokenOf(request);
      if (token) await endSession(ctx, token);
      reply.clearCookie(sessionCookie, { path: '/' });
    },
  });
  r.route({ method: 'GET', url: '/auth/me', access: 'signedIn', summary: 'The current user, role, permissions and data scope', tag, response: me,
    handler: ({ actor }) => service.me(ctx, actor) });
  r.route({
    method: 'POST', url: '/auth/password', access: 'signedIn', summary: 'Change your password (the password policy applies); your other sessions end. Wrong current passwords are throttled like logins (429)', tag, status: 204, body: passwordChange,
    handler: ({ actor, body, request }) => service.changePassword(ctx, actor, tokenOf(request), body),
  });
  r.route({ method: 'PUT', url: '/auth/locale', access: 'signedIn', summary: 'Remember your interface language', tag, status: 204, body: localeUpdate,
    handler: ({ actor, body }) => setUserLocale(ctx, actor, body.locale) });
}
