import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCustomer, createOrg, type Org } from '../../test/fixtures.js';
import { createTestApp, type TestApp } from '../../test/harness.js';

/** A masked sensitive value says that there is one, nothing of it: no letters, no length. */
let t: TestApp;
let org: Org;

beforeAll(async () => {
  t = await createTestApp();
  org = await createOrg(t);
}, 120_000);
afterAll(() => t.close());

describe('masking', () => {
  it('shows ****** for every sensitive value, in the record and its history', async () => {
    const person = { idCardNumber: '11010519491231002X', health: 'HIV positive' };
    const c = await org.admin.post('/api/v1/customers', buildCustomer({ kind: 'person', category: 'retail', name: '敏感个人', ownerId: org.ids.east1, person }));
    const seen = await org.as.east1.get(`/api/v1/customers/${c.body.id}`);
    expect(seen.body.person).toMatchObject({ idCardNumber: '******', health: '******' });
    expect(JSON.stringify(seen.body)).not.toMatch(/HIV|positive|1101|002X/);
    await org.admin.patch(`/api/v1/customers/${c.body.id}`, { version: c.body.version, person: { health: 'HIV negative' } });
    const history = await org.as.east1.get(`/api/v1/customers/${c.body.id}/history`);
    const change = history.body.items[0].changes.find((ch: { field: string }) => ch.field === 'person.health');
    expect(change).toMatchObject({ old: '******', new: '******' });
    // Who may see sensitive data sees it whole.
    expect((await org.as.manager.get(`/api/v1/customers/${c.body.id}`)).body.person.health).toBe('HIV negative');
  });
});
