import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Agent, type TestApp } from '../../test/harness.js';

/** Conversions and edits of one lead sent at the same time (PostgreSQL runs them at once): one wins. */
let t: TestApp;
let admin: Agent;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login();
}, 120_000);
afterAll(() => t.close());

async function lead(company: string): Promise<{ id: number; version: number }> {
  const res = await admin.post('/api/v1/leads', { name: '并发线索', company, kind: 'organization', source: 'exhibition', ownerId: null });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}
const customersNamed = async (name: string) => (await admin.get(`/api/v1/customers?q=${encodeURIComponent(name)}`)).body.items.filter((c: { name: string }) => c.name === name);
const actions = async (id: number, action: string) => (await admin.get(`/api/v1/leads/${id}/history?pageSize=100`)).body.items.filter((e: { action: string }) => e.action === action);

describe('parallel conversions of one lead', () => {
  it('ten at once: one converts, the others answer 409 with the converted lead; one customer, contact and deal', async () => {
    const company = '并发转化茶业有限公司';
    const l = await lead(company);
    const answers = await Promise.all(
      Array.from({ length: 10 }, () =>
        admin.post(`/api/v1/leads/${l.id}/convert`, {
          version: l.version, customer: { mode: 'new' }, opportunity: { name: '并发商机', amount: 100_000, expectedCloseDate: '2027-03-31' },
        }),
      ),
    );
    const statuses = answers.map((r) => r.status);
    expect(statuses.filter((s) => s === 200), JSON.stringify(statuses)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409), JSON.stringify(statuses)).toHaveLength(9);
    const won = answers.find((r) => r.status === 200)?.body;
    for (const lost of answers.filter((r) => r.status === 409)) {
      expect(lost.body.error.current).toMatchObject({ id: l.id, status: 'converted', version: l.version + 1, convertedCustomerId: won.customerId });
    }
    const customers = await customersNamed(company);
    expect(customers.map((c: { id: number }) => c.id)).toEqual([won.customerId]);
    expect(customers[0].contactCount).toBe(1);
    expect((await admin.get(`/api/v1/opportunities?customerId=${won.customerId}`)).body.total).toBe(1);
    expect(await actions(l.id, 'convert')).toHaveLength(1);
  });

  it('a conversion sent with the version before a conversion answers 409; with the current version, 400', async () => {
    const l = await lead('先转化贸易有限公司');
    expect((await admin.post(`/api/v1/leads/${l.id}/convert`, { version: l.version, customer: { mode: 'new' } })).status).toBe(200);
    const stale = await admin.post(`/api/v1/leads/${l.id}/convert`, { version: l.version, customer: { mode: 'new' } });
    expect(stale.status).toBe(409);
    expect(stale.body.error.current).toMatchObject({ status: 'converted', version: l.version + 1 });
    expect((await admin.post(`/api/v1/leads/${l.id}/convert`, { version: l.version + 1, customer: { mode: 'new' } })).status).toBe(400);
  });

  it('a conversion and a disqualification at once: one wins, the other answers 409', async () => {
    const l = await lead('转化或放弃有限公司');
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        i % 2 === 0
          ? admin.post(`/api/v1/leads/${l.id}/convert`, { version: l.version, customer: { mode: 'new' } })
          : admin.post(`/api/v1/leads/${l.id}/disqualify`, { version: l.version, reason: '无预算' }),
      ),
    );
    const statuses = answers.map((r) => r.status);
    expect(statuses.filter((s) => s === 200), JSON.stringify(statuses)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409), JSON.stringify(statuses)).toHaveLength(9);
    const after = (await admin.get(`/api/v1/leads/${l.id}`)).body;
    expect(after.version).toBe(l.version + 1);
    for (const lost of answers.filter((r) => r.status === 409)) expect(lost.body.error.current).toMatchObject({ status: after.status, version: after.version });
  });
});

describe('parallel edits of one lead', () => {
  it('ten edits with the same version: one is saved, the others answer 409 with the saved lead, never the version sent', async () => {
    const l = await lead('并发编辑有限公司');
    const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => admin.patch(`/api/v1/leads/${l.id}`, { version: l.version, notes: `备注 ${i}` })));
    const saved = answers.filter((r) => r.status === 200);
    expect(saved).toHaveLength(1);
    const lost = answers.filter((r) => r.status === 409);
    expect(lost).toHaveLength(9);
    for (const r of lost) expect(r.body.error.current).toMatchObject({ version: l.version + 1, notes: saved[0]?.body.notes });
    expect(await actions(l.id, 'update')).toHaveLength(1);
  });
});

describe('parallel claims of one pool lead', () => {
  it('ten at once: one claims it, the others answer 409 with the claimed lead, never the version sent', async () => {
    const l = await lead('并发认领线索有限公司');
    const me = (await admin.get('/api/v1/auth/me')).body.user.id as number;
    const answers = await Promise.all(Array.from({ length: 10 }, () => admin.post(`/api/v1/leads/${l.id}/claim`)));
    const statuses = answers.map((r) => r.status);
    expect(statuses.filter((s) => s === 200), JSON.stringify(statuses)).toHaveLength(1);
    const lost = answers.filter((r) => r.status === 409);
    expect(lost, JSON.stringify(answers.map((r) => r.body))).toHaveLength(9);
    for (const r of lost) expect(r.body.error.current).toMatchObject({ id: l.id, ownerId: me, version: l.version + 1 });
    expect(await actions(l.id, 'claim')).toHaveLength(1);
    expect((await admin.get(`/api/v1/leads/${l.id}`)).body).toMatchObject({ ownerId: me, version: l.version + 1 });
  });
});

describe('parallel deletes and restores of one lead', () => {
  it('ten deletes, then ten restores at once: each happens once', async () => {
    const l = await lead('并发删除有限公司');
    const deletes = (await Promise.all(Array.from({ length: 10 }, () => admin.delete(`/api/v1/leads/${l.id}`)))).map((r) => r.status);
    expect(deletes.filter((s) => s === 204), JSON.stringify(deletes)).toHaveLength(1);
    expect(deletes.filter((s) => s === 404)).toHaveLength(9);
    const restores = (await Promise.all(Array.from({ length: 10 }, () => admin.post(`/api/v1/recycle-bin/lead/${l.id}/restore`)))).map((r) => r.status);
    expect(restores.filter((s) => s === 204), JSON.stringify(restores)).toHaveLength(1);
    expect(restores.filter((s) => s === 404)).toHaveLength(9);
    expect(await actions(l.id, 'delete')).toHaveLength(1);
    expect(await actions(l.id, 'restore')).toHaveLength(1);
    expect((await admin.get(`/api/v1/leads/${l.id}`)).body.version).toBe(l.version + 1);
  });
});
