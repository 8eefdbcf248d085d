import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.js';
import { password } from '../../test/fixtures.js';
import { createTestApp, TestClock, type TestApp } from '../../test/harness.js';
import { createDatabase } from '../db/database.js';

/**
 * Login and web-form throttles live in the database (issue 10, finding 17): two servers on one
 * database share the counters, a restart keeps them, parallel attempts cannot all slip under the
 * limit, and a request that fails does not take its count back with it.
 */
let t: TestApp;
const clock = new TestClock();
/** Servers started beside the test app, on the same database. */
const others: Array<{ app: FastifyInstance; close: () => Promise<void> }> = [];
let formToken: string;

beforeAll(async () => {
  t = await createTestApp({ clock, env: { CRM_FORM_RATE_LIMIT: '3/10' } });
  const admin = await t.login();
  const readOnly = (await admin.get('/api/v1/roles?q=read_only')).body.items[0].id;
  for (const email of ['victim@example.com', 'crowd@example.com']) await admin.post('/api/v1/users', { email, name: email, password, roleId: readOnly });
  formToken = (await admin.post('/api/v1/lead-forms', { name: '官网表单', fields: [{ field: 'name', required: true }, { field: 'mobile', required: true }], thankYou: '谢谢' })).body.token;
});
afterAll(async () => {
  for (const other of others) await other.close();
  await t.close();
});

/** Another server process on the same database (as a second machine, or this one restarted). */
async function startServer(): Promise<{ app: FastifyInstance; close: () => Promise<void> }> {
  const { config } = t.ctx;
  const database = createDatabase(config, { poolSize: 2 });
  const { app } = await buildApp({ config, database, clock });
  await app.ready();
  const server = { app, close: async () => { await app.close(); await database.close(); } };
  others.push(server);
  return server;
}

async function login(app: FastifyInstance, email: string, pass: string, ip: string): Promise<number> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress: ip, headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ email, password: pass }) });
  return res.statusCode;
}

async function submit(app: FastifyInstance, values: Record<string, string>, ip: string): Promise<number> {
  const res = await app.inject({ method: 'POST', url: `/api/v1/public/forms/${formToken}`, remoteAddress: ip, headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ values }) });
  return res.statusCode;
}

describe('throttles in the database', () => {
  it('two servers on one database share the failed-login count, and a restart keeps it', async () => {
    const second = await startServer();
    for (let i = 0; i < 3; i++) expect(await login(t.app, 'victim@example.com', `wrong-guess-${i}`, '198.51.100.1')).toBe(401);
    for (let i = 0; i < 2; i++) expect(await login(second.app, 'victim@example.com', `wrong-guess-${i}`, '198.51.100.2')).toBe(401);
    // Five failures in all: the right password waits on both servers.
    expect(await login(second.app, 'victim@example.com', password, '198.51.100.3')).toBe(429);
    expect(await login(t.app, 'victim@example.com', password, '198.51.100.4')).toBe(429);
    await second.close();
    const restarted = await startServer();
    expect(await login(restarted.app, 'victim@example.com', password, '198.51.100.5')).toBe(429);
    clock.advance(16 * 60 * 1000);
    expect(await login(restarted.app, 'victim@example.com', password, '198.51.100.6')).toBe(200);
  });

  it('parallel wrong passwords on two servers: only the limit’s worth is checked, the rest are 429', async () => {
    const second = await startServer();
    const statuses = await Promise.all(
      Array.from({ length: 16 }, (_, i) => login(i % 2 === 0 ? t.app : second.app, 'crowd@example.com', `parallel-guess-${i}`, `198.51.100.${20 + i}`)),
    );
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(11);
  });

  it('web-form submissions count on every server, failed ones too, and a failed write keeps its count', async () => {
    const second = await startServer();
    const ip = '203.0.113.50';
    // Refused for a missing field: still a submission from this address.
    expect(await submit(t.app, { name: '访客' }, ip)).toBe(400);
    // Failing inside the transaction (its table is away): the lead rolls back, the count stays.
    await sql`alter table lead_form_submissions rename to lead_form_submissions_away`.execute(t.ctx.db);
    try {
      expect(await submit(second.app, { name: '访客', mobile: '13800000001' }, ip)).toBe(500);
    } finally {
      await sql`alter table lead_form_submissions_away rename to lead_form_submissions`.execute(t.ctx.db);
    }
    expect(await submit(second.app, { name: '访客', mobile: '13800000002' }, ip)).toBe(201);
    expect(await submit(t.app, { name: '访客', mobile: '13800000003' }, ip)).toBe(429);
    expect(await submit(second.app, { name: '访客', mobile: '13800000003' }, '203.0.113.51')).toBe(201);
  });
});
