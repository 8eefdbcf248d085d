import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCustomer } from '../../test/fixtures.js';
import { createTestApp, TestClock, type Agent, type TestApp } from '../../test/harness.js';
import { runOverdueNotices } from './index.js';

/** Payments, plans and overdue notices under parallel requests (PostgreSQL runs them at once; SQLite one after the other). */
let t: TestApp;
let admin: Agent;
let customerId: number;
const clock = new TestClock(new Date('2026-11-22T08:00:00Z'));

async function signed(amount: number): Promise<number> {
  const c = (await admin.post('/api/v1/contracts', { customerId, title: '并发回款', amount })).body;
  await admin.post(`/api/v1/contracts/${c.id}/status`, { status: 'active', version: c.version });
  return c.id as number;
}

beforeAll(async () => {
  t = await createTestApp({ clock });
  admin = await t.login();
  customerId = (await admin.post('/api/v1/customers', buildCustomer())).body.id;
}, 120_000);
afterAll(() => t.close());

describe('parallel receivables', () => {
  it('five payments of 3,000 at once on a 10,000 contract: three are taken, the rest refused, the sums exact', async () => {
    const id = await signed(10_000_00);
    await admin.put(`/api/v1/contracts/${id}/payment-plan`, { planVersion: 0, instalments: [{ dueOn: '2026-12-01', amount: 5_000_00 }, { dueOn: '2027-01-01', amount: 5_000_00 }] });
    const answers = await Promise.all(Array.from({ length: 5 }, () => admin.post(`/api/v1/contracts/${id}/payments`, { amount: 3_000_00, receivedOn: '2026-11-20' })));
    expect(answers.map((r) => r.status).sort()).toEqual([201, 201, 201, 400, 400]);
    const r = (await admin.get(`/api/v1/contracts/${id}/receivables`)).body;
    expect(r.received).toBe(9_000_00);
    expect(r.payments).toHaveLength(3);
    expect(r.instalments.map((i: { paid: number }) => i.paid)).toEqual([5_000_00, 4_000_00]);
  });

  it('four saves of the plan read at the same version: one wins, three are told it changed', async () => {
    const id = await signed(10_000_00);
    const answers = await Promise.all([1, 2, 3, 4].map((n) => admin.put(`/api/v1/contracts/${id}/payment-plan`, { planVersion: 0, instalments: [{ dueOn: '2026-12-01', amount: n * 1_000_00 }] })));
    expect(answers.map((r) => r.status).sort()).toEqual([200, 409, 409, 409]);
    const r = (await admin.get(`/api/v1/contracts/${id}/receivables`)).body;
    expect(r.instalments).toHaveLength(1);
    expect(r.planVersion).toBe(1);
  });

  it('two notice runs at once tell each overdue instalment once', async () => {
    const id = await signed(6_000_00);
    await admin.put(`/api/v1/contracts/${id}/payment-plan`, { planVersion: 0, instalments: [{ dueOn: '2026-10-01', amount: 3_000_00 }, { dueOn: '2026-11-01', amount: 3_000_00 }] });
    const [a, b] = await Promise.all([runOverdueNotices(t.ctx), runOverdueNotices(t.ctx)]);
    expect((a ?? 0) + (b ?? 0)).toBe(2);
    const notices = (await admin.get('/api/v1/notifications?pageSize=100')).body.items.filter((n: { kind: string; entityId: number }) => n.kind === 'instalment_overdue' && n.entityId === id);
    expect(notices).toHaveLength(2);
  });
});
