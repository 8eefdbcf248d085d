import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCustomer } from '../../test/fixtures.js';
import { createTestApp, type Agent, type TestApp } from '../../test/harness.js';

/** Edits of one contact sent at the same time (PostgreSQL runs them at once): one wins. */
let t: TestApp;
let admin: Agent;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login();
}, 120_000);
afterAll(() => t.close());

describe('parallel edits of one contact', () => {
  it('ten edits with the same version: one is saved, the others answer 409 with the saved contact, never the version sent', async () => {
    const customer = (await admin.post('/api/v1/customers', buildCustomer({ ownerId: null }))).body;
    const contact = (await admin.post('/api/v1/contacts', { customerId: customer.id, name: '并发联系人' })).body;
    const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => admin.patch(`/api/v1/contacts/${contact.id}`, { version: contact.version, title: `职务 ${i}` })));
    const saved = answers.filter((r) => r.status === 200);
    expect(saved).toHaveLength(1);
    const lost = answers.filter((r) => r.status === 409);
    expect(lost).toHaveLength(9);
    for (const r of lost) expect(r.body.error.current).toMatchObject({ id: contact.id, version: contact.version + 1, title: saved[0]?.body.title });
  });
});
