import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCustomer } from '../../test/fixtures.js';
import { createTestApp, type Agent, type TestApp } from '../../test/harness.js';

/** Quote numbers and a deal's current quote under parallel requests (PostgreSQL runs them at once). */
let t: TestApp;
let admin: Agent;
let customerId: number;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login();
  customerId = (await admin.post('/api/v1/customers', buildCustomer())).body.id;
}, 120_000);
afterAll(() => t.close());

const create = (body: Record<string, unknown> = {}) => admin.post('/api/v1/quotes', { customerId, title: '并发报价', validUntil: '2027-01-31', ...body });

describe('parallel quotes', () => {
  it('twenty creates at once take twenty different, consecutive numbers', async () => {
    const answers = await Promise.all(Array.from({ length: 20 }, () => create()));
    expect(answers.map((r) => r.status)).toEqual(Array(20).fill(201));
    const sequence = answers.map((r) => Number((r.body.number as string).slice(-6))).sort((a, b) => a - b);
    expect(new Set(sequence).size).toBe(20);
    expect((sequence.at(-1) ?? 0) - (sequence[0] ?? 0)).toBe(19);
  });

  it('ten quotes created for one deal at once: exactly one is current', async () => {
    const deal = (await admin.post('/api/v1/opportunities', { name: '并发商机', customerId, amount: 1, expectedCloseDate: '2027-06-30' })).body;
    const answers = await Promise.all(Array.from({ length: 10 }, () => create({ opportunityId: deal.id })));
    expect(answers.map((r) => r.status)).toEqual(Array(10).fill(201));
    expect(answers.filter((r) => r.body.isCurrent)).toHaveLength(1);
  });

  it('making different quotes of one deal current at once leaves exactly one current, and every call answers', async () => {
    const deal = (await admin.post('/api/v1/opportunities', { name: '并发当前', customerId, amount: 1, expectedCloseDate: '2027-06-30' })).body;
    const made = [];
    for (let i = 0; i < 10; i++) made.push((await create({ opportunityId: deal.id })).body as { id: number; version: number });
    const answers = await Promise.all(made.map((q) => admin.post(`/api/v1/quotes/${q.id}/current`, { version: q.version })));
    // A quote un-currented by a parallel call moved its version: that call is a 409, never a 500.
    for (const r of answers) expect([200, 409], JSON.stringify(r.body)).toContain(r.status);
    expect(answers.some((r) => r.status === 200)).toBe(true);
    const listed = (await admin.get(`/api/v1/quotes?opportunityId=${deal.id}&pageSize=50`)).body.items as Array<{ id: number; isCurrent: boolean }>;
    const current = listed.filter((q) => q.isCurrent);
    expect(current).toHaveLength(1);
    // The current one is one whose call succeeded.
    expect(answers.filter((r) => r.status === 200).map((r) => r.body.id)).toContain(current[0]?.id);
  });
});
