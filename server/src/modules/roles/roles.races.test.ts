import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Agent, type TestApp } from '../../test/harness.js';

/** Edits of one role sent at the same time (PostgreSQL runs them at once): one wins. */
let t: TestApp;
let admin: Agent;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login();
}, 120_000);
afterAll(() => t.close());

describe('parallel edits of one role', () => {
  it('ten edits with the same version: one is saved, the others answer 409 with the saved role, never the version sent', async () => {
    const role = (await admin.post('/api/v1/roles', { key: 'race_role', name: '并发角色', permissions: ['customers.view'], dataScope: 'own' })).body;
    const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => admin.patch(`/api/v1/roles/${role.id}`, { version: role.version, name: `并发角色 ${i}` })));
    const saved = answers.filter((r) => r.status === 200);
    expect(saved).toHaveLength(1);
    const lost = answers.filter((r) => r.status === 409);
    expect(lost).toHaveLength(9);
    for (const r of lost) expect(r.body.error.current).toMatchObject({ id: role.id, version: role.version + 1, name: saved[0]?.body.name });
  });
});
