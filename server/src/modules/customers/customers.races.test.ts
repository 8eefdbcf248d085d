import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCustomer } from '../../test/fixtures.js';
import { createTestApp, type Agent, type TestApp } from '../../test/harness.js';

/** Creates, edits, deletes and restores sent at the same time (PostgreSQL runs them at once). */
let t: TestApp;
let admin: Agent;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login();
}, 120_000);
afterAll(() => t.close());

const create = async () => {
  const res = await admin.post('/api/v1/customers', buildCustomer({ ownerId: null }));
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: number; version: number; name: string };
};
const liveTotal = async () => (await admin.get('/api/v1/customers?pageSize=1')).body.total as number;
const actions = async (id: number, action: string) =>
  (await admin.get(`/api/v1/customers/${id}/history?pageSize=100`)).body.items.filter((e: { action: string }) => e.action === action);

describe('parallel writes of customers', () => {
  // First in this file: the archive-number counter does not exist yet.
  it('the first ten customers created at once all get an archive number, each a different one', async () => {
    const answers = await Promise.all(Array.from({ length: 10 }, () => admin.post('/api/v1/customers', buildCustomer({ ownerId: null }))));
    expect(answers.map((r) => r.status)).toEqual(Array.from({ length: 10 }, () => 201));
    const numbers = answers.map((r) => r.body.archiveNo as string).sort();
    expect(numbers).toEqual(Array.from({ length: 10 }, (_, i) => `KH${String(i + 1).padStart(8, '0')}`));
    expect(await liveTotal()).toBe(10);
  });

  it('ten edits with the same version: one is saved, the others answer 409 with the saved record, never the version sent', async () => {
    const c = await create();
    const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => admin.patch(`/api/v1/customers/${c.id}`, { version: c.version, notes: `并发备注 ${i}` })));
    const saved = answers.filter((r) => r.status === 200);
    expect(saved).toHaveLength(1);
    const lost = answers.filter((r) => r.status === 409);
    expect(lost).toHaveLength(9);
    for (const r of lost) expect(r.body.error.current).toMatchObject({ id: c.id, version: c.version + 1, notes: saved[0]?.body.notes });
    expect(await actions(c.id, 'update')).toHaveLength(1);
  });

  it('ten deletes at once: one deletes, the others find nothing; the customer count drops by one', async () => {
    const c = await create();
    const before = await liveTotal();
    const answers = await Promise.all(Array.from({ length: 10 }, () => admin.delete(`/api/v1/customers/${c.id}`)));
    const statuses = answers.map((r) => r.status);
    expect(statuses.filter((s) => s === 204), JSON.stringify(statuses)).toHaveLength(1);
    expect(statuses.filter((s) => s === 404)).toHaveLength(9);
    expect(await liveTotal()).toBe(before - 1);

    const restores = await Promise.all(Array.from({ length: 10 }, () => admin.post(`/api/v1/recycle-bin/customer/${c.id}/restore`)));
    const restored = restores.map((r) => r.status);
    expect(restored.filter((s) => s === 204), JSON.stringify(restored)).toHaveLength(1);
    expect(restored.filter((s) => s === 404)).toHaveLength(9);
    expect(await liveTotal()).toBe(before);
    expect(await actions(c.id, 'delete')).toHaveLength(1);
    expect(await actions(c.id, 'restore')).toHaveLength(1);
    expect((await admin.get(`/api/v1/customers/${c.id}`)).body.version).toBe(c.version + 1);
  });
});
