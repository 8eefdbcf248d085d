import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminEmail, adminPassword, createTestApp, TestClock, type TestApp } from '../../test/harness.js';

let t: TestApp;
const clock = new TestClock();

beforeAll(async () => {
  t = await createTestApp({ clock });
});
afterAll(() => t.close());

describe('authentication', () => {
  it('logs in with an httpOnly SameSite cookie, and /me tells role, permissions and scope', async () => {
    const agent = t.anonymous();
    const res = await agent.post('/api/v1/auth/login', { email: 'ADMIN@example.com', password: adminPassword });
    expect(res.status).toBe(200);
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const me = await agent.get('/api/v1/auth/me');
    expect(me.body.role.key).toBe('administrator');
    expect(me.body.dataScope).toBe('all');
    expect(me.body.permissions).toContain('recycle_bin.purge');
  });

  it('answers the same for a wrong password and an unknown email', async () => {
    const wrong = await t.anonymous().post('/api/v1/auth/login', { email: adminEmail, password: 'nope-nope' });
    const unknown = await t.anonymous().post('/api/v1/auth/login', { email: 'ghost@example.com', password: 'nope-nope' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
  });

  it('throttles repeated failures per account, then lets the right password in after the window', async () => {
    const admin = await t.login();
    const roles = (await admin.get('/api/v1/roles')).body.items;
    const readOnly = roles.find((r: { key: string }) => r.key === 'read_only').id;
    await admin.post('/api/v1/users', { email: 'victim@example.com', name: 'Victim', password: 'right-password', roleId: readOnly });
    for (let i = 0; i < 5; i++) {
      expect((await t.anonymous().post('/api/v1/auth/login', { email: 'victim@example.com', password: `wrong-${i}` })).status).toBe(401);
    }
    const blocked = await t.anonymous().post('/api/v1/auth/login', { email: 'victim@example.com', password: 'right-password' });
    expect(blocked.status).toBe(429);
    expect(blocked.body.error.code).toBe('RATE_LIMITED');
    expect(blocked.headers['retry-after']).toBeDefined();
    clock.advance(16 * 60 * 1000);
    expect((await t.anonymous().post('/api/v1/auth/login', { email: 'victim@example.com', password: 'right-password' })).status).toBe(200);
  });

  it('gives a new session id at each login and ends it at logout', async () => {
    const agent = await t.login();
    const first = agent.cookie;
    await agent.post('/api/v1/auth/login', { email: adminEmail, password: adminPassword });
    expect(agent.cookie).not.toBe(first);
    const stale = t.anonymous();
    stale.cookie = first;
    expect((await stale.get('/api/v1/auth/me')).status).toBe(401);
    expect((await agent.post('/api/v1/auth/logout')).status).toBe(204);
    const after = t.anonymous();
    after.cookie = first;
    expect((await agent.get('/api/v1/auth/me')).status).toBe(401);
  });

  it('a password change ends the other sessions; the old password stops working', async () => {
    const admin = await t.login();
    const roles = (await admin.get('/api/v1/roles')).body.items;
    const readOnly = roles.find((r: { key: string }) => r.key === 'read_only').id;
    await admin.post('/api/v1/users', { email: 'mover@example.com', name: 'Mover', password: 'first-password', roleId: readOnly });
    const phone = await t.login('mover@example.com', 'first-password');
    const laptop = await t.login('mover@example.com', 'first-password');
    const wrong = await laptop.post('/api/v1/auth/password', { currentPassword: 'not-it', newPassword: 'second-password' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.details[0].path).toBe('currentPassword');
    expect((await laptop.post('/api/v1/auth/password', { currentPassword: 'first-password', newPassword: 'second-password' })).status).toBe(204);
    expect((await laptop.get('/api/v1/auth/me')).status).toBe(200);
    expect((await phone.get('/api/v1/auth/me')).status).toBe(401);
    expect((await t.anonymous().post('/api/v1/auth/login', { email: 'mover@example.com', password: 'first-password' })).status).toBe(401);
  });

  it('expires idle sessions', async () => {
    const agent = await t.login();
    clock.advance(13 * 60 * 60 * 1000);
    expect((await agent.get('/api/v1/auth/me')).status).toBe(401);
  });

  it('refuses state-changing requests from another origin, and non-JSON bodies', async () => {
    const agent = await t.login();
    const cross = await agent.request('POST', '/api/v1/departments', { name: 'x' }, { origin: 'https://evil.example' });
    expect(cross.status).toBe(403);
    const same = await agent.request('POST', '/api/v1/departments', { name: 'same-origin' }, { origin: 'http://localhost:80' });
    expect(same.status).toBe(201);
    const form = await agent.request('POST', '/api/v1/departments', 'name=x', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(form.status).toBe(400);
    expect((await agent.get('/api/v1/departments?q=x')).body.items.map((d: { name: string }) => d.name)).not.toContain('x');
  });

  it('health and the OpenAPI document need no login', async () => {
    const health = await t.anonymous().get('/api/v1/health');
    expect(health.body).toMatchObject({ status: 'ok', database: t.ctx.engine });
    const doc = await t.anonymous().get('/api/v1/openapi.json');
    expect(doc.body.openapi).toBe('3.0.3');
    expect(Object.keys(doc.body.paths)).toEqual(expect.arrayContaining(['/customers', '/customers/{id}', '/contacts', '/users', '/departments', '/roles', '/recycle-bin']));
    expect(doc.body.paths['/customers'].post.requestBody).toBeDefined();
  });
});
