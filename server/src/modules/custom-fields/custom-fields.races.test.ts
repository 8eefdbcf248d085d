import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Agent, type TestApp } from '../../test/harness.js';

/** Edits of one custom field sent at the same time (PostgreSQL runs them at once): one wins. */
let t: TestApp;
let admin: Agent;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login();
}, 120_000);
afterAll(() => t.close());

describe('parallel edits of one custom field', () => {
  it('ten edits with the same version: one is saved, the others answer 409 with the saved field, never the version sent', async () => {
    const created = await admin.post('/api/v1/custom-fields', { entity: 'customer', key: 'race_note', type: 'text', labelZh: '并发字段', labelEn: 'Race field' });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const field = created.body;
    const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => admin.patch(`/api/v1/custom-fields/${field.id}`, { version: field.version, labelEn: `Race field ${i}` })));
    const saved = answers.filter((r) => r.status === 200);
    expect(saved).toHaveLength(1);
    const lost = answers.filter((r) => r.status === 409);
    expect(lost).toHaveLength(9);
    for (const r of lost) expect(r.body.error.current).toMatchObject({ id: field.id, version: field.version + 1, labelEn: saved[0]?.body.labelEn });
  });
});
