import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { password } from '../../test/fixtures.js';
import { createTestApp, type Agent, type TestApp } from '../../test/harness.js';

/** Changes that could remove the last administrator, sent at the same time (PostgreSQL runs them at once). */
let t: TestApp;
let admin: Agent;
let adminRoleId: number;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login();
  const roles = (await admin.get('/api/v1/roles?pageSize=200')).body.items as Array<{ key: string; id: number }>;
  adminRoleId = roles.find((r) => r.key === 'administrator')?.id ?? 0;
}, 120_000);
afterAll(() => t.close());

// Read from the table: the administrator switched off can no longer ask.
const activeAdministrators = async () =>
  (await t.ctx.db.selectFrom('users').select('id').where('role_id', '=', adminRoleId).where('active', '=', 1).where('deleted_at', 'is', null).execute()).length;

describe('the last administrator', () => {
  it('two administrators switching each other off at once: one stays', async () => {
    const res = await admin.post('/api/v1/users', { email: 'admin2@example.com', name: '第二管理员', password, roleId: adminRoleId });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const second = await t.login('admin2@example.com', password);
    const me = (await admin.get('/api/v1/auth/me')).body;
    const firstId = (me.user ?? me).id as number;
    const firstVersion = (await admin.get(`/api/v1/users/${firstId}`)).body.version as number;
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        i % 2 === 0
          ? admin.patch(`/api/v1/users/${res.body.id}`, { active: false, version: res.body.version })
          : second.patch(`/api/v1/users/${firstId}`, { active: false, version: firstVersion }),
      ),
    );
    const statuses = answers.map((r) => r.status);
    expect(statuses.filter((s) => s === 200), JSON.stringify(statuses)).toHaveLength(1);
    expect(statuses.every((s) => s === 200 || s === 401 || s === 409), JSON.stringify(statuses)).toBe(true);
    expect(await activeAdministrators()).toBe(1);
  });
});
