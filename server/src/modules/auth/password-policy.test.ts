import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.js';
import { bootstrap } from '../../bootstrap.js';
import { loadConfig } from '../../platform/config.js';
import { migrate } from '../../platform/db/migrate.js';
import { password } from '../../test/fixtures.js';
import { createTestApp, errorAt, errorPaths, freshDatabase, testEngine, TestClock, type Agent, type TestApp } from '../../test/harness.js';

/**
 * The password policy (issue 10, finding 16) on every path that sets a password: at least 10
 * characters, a zxcvbn score of 3 or more against its common-password dictionary, never the user's
 * email or name, with advice on how to make it stronger in both languages. The current-password
 * check of /auth/password is throttled like a login.
 */
let t: TestApp;
let admin: Agent;
let roleId: number;
const clock = new TestClock();

beforeAll(async () => {
  t = await createTestApp({ clock });
  admin = await t.login();
  roleId = (await admin.get('/api/v1/roles?q=read_only')).body.items[0].id;
});
afterAll(() => t.close());

const create = (body: { email: string; name: string; password: string }, agent = admin) => agent.post('/api/v1/users', { ...body, roleId });

describe('password policy', () => {
  it('refuses weak passwords when an administrator creates a user, saying how to do better', async () => {
    const short = await create({ email: 'short@example.com', name: 'Short', password: '12345678' });
    expect(short.status).toBe(400);
    expect(errorAt(short, 'password')).toBe('At least 10 characters.');
    const repeated = await create({ email: 'rep@example.com', name: 'Rep', password: 'aaaaaaaaaa' });
    expect(errorAt(repeated, 'password')).toBe('This password is too easy to guess. Repeated characters like "aaa" are easy to guess. Add more words that are less common. Avoid repeated words and characters.');
    const common = await create({ email: 'common@example.com', name: 'Common', password: '1234567890' });
    expect(errorAt(common, 'password')).toContain('one of the hundred most used passwords');
    const similar = await create({ email: 'similar@example.com', name: 'Similar', password: 'password-123' });
    expect(errorAt(similar, 'password')).toContain('similar to a commonly used password');
    const zh = await t.login(undefined, undefined, 'zh-CN');
    const zhWeak = await create({ email: 'zh@example.com', name: '张伟', password: 'qwertyuiop' }, zh);
    expect(errorAt(zhWeak, 'password')).toMatch(/^密码太容易被猜到。.*再加几个不常见的词。/);
    expect((await admin.get('/api/v1/users?q=example.com&pageSize=200')).body.items.map((u: { email: string }) => u.email)).not.toEqual(
      expect.arrayContaining(['rep@example.com', 'common@example.com', 'similar@example.com', 'zh@example.com']),
    );
  });

  it('never takes the user’s own email or name', async () => {
    const email = await create({ email: 'victoria.longname@example.com', name: 'Victoria Longname', password: 'victoria.longname@example.com' });
    expect(email.status).toBe(400);
    expect(errorAt(email, 'password')).toBe('Do not use your email address or name as the password. Use several unrelated words instead.');
    expect(errorPaths(await create({ email: 'vl@example.com', name: 'Victoria Longname', password: 'Victoria Longname' }))).toEqual(['password']);
    // The user's details count against the strength too: their name with a digit is no password.
    expect((await create({ email: 'vl@example.com', name: 'Victoria Longname', password: 'victorialongname1' })).status).toBe(400);
    expect((await create({ email: 'vl@example.com', name: 'Victoria Longname', password: 'lantern-orbit-meadow' })).status).toBe(201);
  });

  it('applies to an administrator’s reset and to one’s own change', async () => {
    const user = (await create({ email: 'mover@example.com', name: 'Mover', password })).body;
    const reset = await admin.patch(`/api/v1/users/${user.id}`, { version: user.version, password: 'mover@example.com' });
    expect(reset.status).toBe(400);
    expect(errorPaths(reset)).toEqual(['password']);
    // With a new email in the same change, the new email is what the password may not be.
    expect(errorPaths(await admin.patch(`/api/v1/users/${user.id}`, { version: user.version, email: 'mover2@example.com', password: 'mover2@example.com' }))).toEqual(['password']);
    expect((await admin.patch(`/api/v1/users/${user.id}`, { version: user.version, password: 'copper-kettle-sings' })).status).toBe(200);

    const self = await t.login('mover@example.com', 'copper-kettle-sings');
    const weak = await self.post('/api/v1/auth/password', { currentPassword: 'copper-kettle-sings', newPassword: 'abcdefghij' });
    expect(weak.status).toBe(400);
    expect(errorPaths(weak)).toEqual(['newPassword']);
    expect(errorAt(weak, 'newPassword')).toContain('Sequences like "abc" or "123456" are easy to guess.');
    expect((await self.post('/api/v1/auth/password', { currentPassword: 'copper-kettle-sings', newPassword: 'granite-willow-echo' })).status).toBe(204);
  });

  it('throttles wrong current passwords like failed logins; a right one then waits for the window', async () => {
    await create({ email: 'guess@example.com', name: 'Guess', password });
    const session = await t.login('guess@example.com', password);
    for (let i = 0; i < 5; i++) {
      const wrong = await session.post('/api/v1/auth/password', { currentPassword: `guess-${i}`, newPassword: 'velvet-harbor-quiet' });
      expect(wrong.status).toBe(400);
      expect(errorPaths(wrong)).toEqual(['currentPassword']);
    }
    const blocked = await session.post('/api/v1/auth/password', { currentPassword: password, newPassword: 'velvet-harbor-quiet' });
    expect(blocked.status).toBe(429);
    expect(blocked.body.error.code).toBe('RATE_LIMITED');
    expect(blocked.headers['retry-after']).toBe('900');
    clock.advance(16 * 60 * 1000);
    const again = await t.login('guess@example.com', password);
    expect((await again.post('/api/v1/auth/password', { currentPassword: password, newPassword: 'velvet-harbor-quiet' })).status).toBe(204);
  });
});

describe('the first administrator', () => {
  it('a weak CRM_ADMIN_PASSWORD stops the first start with the reason; nothing is created', async () => {
    const fresh = await freshDatabase();
    try {
      await migrate(fresh.database);
      const config = { ...loadConfig({ CRM_DATA_DIR: fresh.dataDir, CRM_ADMIN_PASSWORD: 'admin12345' }), engine: testEngine, databaseUrl: fresh.databaseUrl };
      const { app, ctx } = await buildApp({ config, database: fresh.database });
      await expect(bootstrap(ctx, () => undefined)).rejects.toThrow(/^CRM_ADMIN_PASSWORD is refused: This password is too easy to guess\./);
      expect(await ctx.db.selectFrom('users').select('id').execute()).toEqual([]);
      await app.close();
    } finally {
      await fresh.drop();
    }
  });
});
