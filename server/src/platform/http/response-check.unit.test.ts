import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { installHttpRules } from './hooks.js';
import { OpenApiRegistry } from './openapi.js';
import { createRouter } from './route.js';

const item = z.object({ id: z.number().int(), name: z.string(), dueAt: z.string().nullable() });

/** A tiny app with one route per case; `checkResponses` as the test harness sets it, or off as in production. */
async function tinyApp(checkResponses: boolean): Promise<FastifyInstance> {
  const app = Fastify();
  installHttpRules(app, { trustedOrigins: [] });
  const r = createRouter(app, new OpenApiRegistry(), '/api/v1', { checkResponses });
  r.publicRoute({ method: 'GET', url: '/right', summary: 'Right shape', tag: 't', response: item,
    handler: async () => ({ id: 1, name: 'A', dueAt: new Date('2026-12-01T00:00:00Z') }) });
  r.publicRoute({ method: 'GET', url: '/wrong', summary: 'Wrong shape', tag: 't', response: item,
    handler: async () => ({ id: '1', title: 'A', dueAt: null }) });
  r.publicRoute({ method: 'GET', url: '/extra', summary: 'A field too many', tag: 't', response: z.array(item),
    handler: async () => [{ id: 1, name: 'A', dueAt: null, passwordHash: 'x' }] });
  r.publicRoute({ method: 'GET', url: '/undeclared', summary: 'No schema', tag: 't',
    handler: async () => ({ anything: true }) });
  r.publicRoute({ method: 'DELETE', url: '/empty', summary: 'No body', tag: 't', status: 204,
    handler: async () => undefined });
  await app.ready();
  return app;
}

describe('response checking', () => {
  afterEach(() => vi.restoreAllMocks());

  it('under the test harness a body that does not match the response schema is a 500 naming the route and the issues', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const app = await tinyApp(true);
    const wrong = await app.inject({ method: 'GET', url: '/api/v1/wrong' });
    expect(wrong.statusCode).toBe(500);
    expect(wrong.json().error.code).toBe('INTERNAL');
    const message = logged.mock.calls.map((c) => String(c[0])).join('\n');
    expect(message).toContain('GET /wrong answered a body that does not match its response schema');
    expect(message).toContain('id: invalid_type');
    expect(message).toContain('name: invalid_type');

    const extra = await app.inject({ method: 'GET', url: '/api/v1/extra' });
    expect(extra.statusCode).toBe(500);
    expect(logged.mock.calls.at(-1)?.[0]).toContain('GET /extra answered fields its response schema does not declare: 0.passwordHash');

    const undeclared = await app.inject({ method: 'GET', url: '/api/v1/undeclared' });
    expect(undeclared.statusCode).toBe(500);
    expect(logged.mock.calls.at(-1)?.[0]).toContain('GET /undeclared answers JSON but declares no response schema');
    await app.close();
  });

  it('a matching body passes as the client receives it (a date is a string), and a 204 has nothing to check', async () => {
    const app = await tinyApp(true);
    const right = await app.inject({ method: 'GET', url: '/api/v1/right' });
    expect(right.statusCode).toBe(200);
    expect(right.json()).toEqual({ id: 1, name: 'A', dueAt: '2026-12-01T00:00:00.000Z' });
    expect((await app.inject({ method: 'DELETE', url: '/api/v1/empty' })).statusCode).toBe(204);
    await app.close();
  });

  it('in production (no checking) the same route answers what the handler returned', async () => {
    const app = await tinyApp(false);
    const wrong = await app.inject({ method: 'GET', url: '/api/v1/wrong' });
    expect(wrong.statusCode).toBe(200);
    expect(wrong.json()).toEqual({ id: '1', title: 'A', dueAt: null });
    await app.close();
  });
});
