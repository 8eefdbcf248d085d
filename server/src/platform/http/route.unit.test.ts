import type { Permission } from '@crm/contracts';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Actor } from '../auth/actor.js';
import { AppError } from '../errors.js';
import { OpenApiRegistry } from './openapi.js';
import { createRouter } from './route.js';

/** The router checks a route's declared access before it reads the input: 401, then 403, then 400. */
let app: FastifyInstance;
const registry = new OpenApiRegistry();

function actorWith(permissions: Permission[]): Actor {
  return {
    userId: 1, name: 'test', roleId: 1, roleKey: 'test', permissions: new Set(permissions), dataScope: 'own',
    departmentId: null, departmentPath: null, locale: 'en',
  };
}

beforeAll(async () => {
  app = Fastify();
  // The test's stand-in for the session: the permissions travel in a header.
  app.addHook('preHandler', async (request) => {
    const header = request.headers['x-permissions'];
    request.locale = 'en';
    request.actor = typeof header === 'string' ? actorWith(header.split(',').filter(Boolean) as Permission[]) : null;
  });
  app.setErrorHandler((error, _request, reply) => {
    if (error instanceof AppError) return reply.code(error.code === 'UNAUTHENTICATED' ? 401 : error.code === 'FORBIDDEN' ? 403 : 400).send({ code: error.code });
    return reply.code(500).send({ code: 'INTERNAL' });
  });
  const r = createRouter(app, registry, '');
  const body = z.object({ name: z.string().min(1) }).strict();
  r.route({ method: 'POST', url: '/one', summary: 'one permission', tag: 't', access: 'customers.edit', body, status: 200, handler: async ({ body }) => body });
  r.route({ method: 'POST', url: '/any', summary: 'any of two', tag: 't', access: { anyOf: ['leads.claim', 'leads.assign'] }, body, status: 200, handler: async ({ body }) => body });
  r.route({ method: 'POST', url: '/me', summary: 'signed in', tag: 't', access: 'signedIn', body, status: 200, handler: async ({ body }) => body });
  r.publicRoute({ method: 'POST', url: '/open', summary: 'public', tag: 't', body, status: 200, handler: async ({ body }) => body });
  // A route that declares no access does not type-check, and does not register if forced through.
  expect(() =>
    // @ts-expect-error -- `access` is required on every signed-in route.
    r.route({ method: 'GET', url: '/undeclared', summary: 'no access', tag: 't', handler: async () => 'never' }),
  ).toThrow('GET /undeclared declares no access');
  await app.ready();
});
afterAll(() => app.close());

const call = (url: string, permissions: string | null, payload: unknown) =>
  app.inject({ method: 'POST', url, payload: payload as object, headers: permissions === null ? {} : { 'x-permissions': permissions } });

describe('route access before validation', () => {
  it('answers 401 to anonymous callers, even with an invalid body', async () => {
    for (const url of ['/one', '/any', '/me']) expect((await call(url, null, { bad: true })).statusCode).toBe(401);
  });

  it('answers 403 to a caller without the permission, even with an invalid body', async () => {
    expect((await call('/one', 'customers.view', { bad: true })).json()).toEqual({ code: 'FORBIDDEN' });
    expect((await call('/any', 'leads.view', { bad: true })).statusCode).toBe(403);
  });

  it('validates (400) and runs the handler only for a caller with the permission', async () => {
    expect((await call('/one', 'customers.edit', { bad: true })).statusCode).toBe(400);
    expect((await call('/one', 'customers.edit', { name: 'x' })).statusCode).toBe(200);
    expect((await call('/any', 'leads.assign', { name: 'x' })).statusCode).toBe(200);
    expect((await call('/any', 'leads.claim', { bad: true })).statusCode).toBe(400);
    expect((await call('/me', '', { name: 'x' })).statusCode).toBe(200);
  });

  it('lets anyone call a public route, validating as usual', async () => {
    expect((await call('/open', null, { bad: true })).statusCode).toBe(400);
    expect((await call('/open', null, { name: 'x' })).statusCode).toBe(200);
  });

  it('lists each operation with its declared access', () => {
    expect(registry.operations().map((op) => [op.url, op.access, op.public])).toEqual([
      ['/one', 'customers.edit', false],
      ['/any', { anyOf: ['leads.claim', 'leads.assign'] }, false],
      ['/me', 'signedIn', false],
      ['/open', 'public', true],
    ]);
  });

  it('shows the access in the OpenAPI document', () => {
    const paths = registry.document('test').paths as Record<string, Record<string, { description: string; 'x-permission': unknown }>>;
    expect(paths['/one']?.post).toMatchObject({ description: 'Needs permission customers.edit', 'x-permission': 'customers.edit' });
    expect(paths['/any']?.post).toMatchObject({ description: 'Needs one of the permissions leads.claim, leads.assign', 'x-permission': ['leads.claim', 'leads.assign'] });
    expect(paths['/me']?.post).toMatchObject({ description: 'Any signed-in user', 'x-permission': 'signedIn' });
    expect(paths['/open']?.post).toMatchObject({ description: 'Public', 'x-permission': 'public' });
  });
});
