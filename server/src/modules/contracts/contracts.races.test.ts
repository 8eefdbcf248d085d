import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCustomer } from '../../test/fixtures.js';
import { createTestApp, type Agent, type TestApp } from '../../test/harness.js';

/** Contract numbers, one contract per quote and the customer's transactions under parallel requests (PostgreSQL runs them at once). */
let t: TestApp;
let admin: Agent;
let customerId: number;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login();
  customerId = (await admin.post('/api/v1/customers', buildCustomer())).body.id;
}, 120_000);
afterAll(() => t.close());

const create = (body: Record<string, unknown> = {}, customer = customerId) => admin.post('/api/v1/contracts', { customerId: customer, title: '并发合同', amount: 100, ...body });

describe('parallel contracts', () => {
  it('twenty creates at once take twenty different, consecutive numbers', async () => {
    const answers = await Promise.all(Array.from({ length: 20 }, () => create()));
    expect(answers.map((r) => r.status)).toEqual(Array(20).fill(201));
    const numbers = answers.map((r) => r.body.number as string);
    expect(new Set(numbers).size).toBe(20);
    const sequence = numbers.map((n) => Number(n.slice(-6))).sort((a, b) => a - b);
    expect((sequence.at(-1) ?? 0) - (sequence[0] ?? 0)).toBe(19);
  });

  it('twenty creates at once under a monthly pattern: twenty different numbers', async () => {
    const s = (await admin.get('/api/v1/settings/contract-numbering')).body;
    const saved = (await admin.put('/api/v1/settings/contract-numbering', { pattern: 'DD{YYYY}{MM}{SEQ4}', version: s.version })).body;
    try {
      const answers = await Promise.all(Array.from({ length: 20 }, () => create()));
      expect(answers.map((r) => r.status)).toEqual(Array(20).fill(201));
      expect(new Set(answers.map((r) => r.body.number)).size).toBe(20);
      expect(answers.map((r) => r.body.number as string).sort()[0]).toMatch(/^DD\d{6}0001$/);
    } finally {
      await admin.put('/api/v1/settings/contract-numbering', { pattern: 'HT-{YYYY}-{SEQ6}', version: saved.version });
    }
  });

  it('ten contracts from one accepted quote at once: exactly one is made, the others are 409', async () => {
    const quote = (await admin.post('/api/v1/quotes', { customerId, title: '并发报价', validUntil: '2027-01-31' })).body;
    const sent = (await admin.post(`/api/v1/quotes/${quote.id}/status`, { status: 'sent', version: quote.version })).body;
    await admin.post(`/api/v1/quotes/${quote.id}/status`, { status: 'accepted', version: sent.version });
    const answers = await Promise.all(Array.from({ length: 10 }, () => admin.post(`/api/v1/quotes/${quote.id}/contract`, {})));
    expect(answers.filter((r) => r.status === 201)).toHaveLength(1);
    for (const r of answers) expect([201, 409], JSON.stringify(r.body)).toContain(r.status);
    expect((await admin.get(`/api/v1/contracts?quoteId=${quote.id}`)).body.total).toBe(1);
  });

  it('one contract signed five times at once counts once; six contracts of one customer signed at once count six', async () => {
    const c = (await admin.post('/api/v1/customers', buildCustomer({ status: 'target' }))).body;
    const one = (await create({ amount: 1000 }, c.id)).body;
    const same = await Promise.all(Array.from({ length: 5 }, () => admin.post(`/api/v1/contracts/${one.id}/status`, { status: 'active', version: one.version })));
    expect(same.filter((r) => r.status === 200)).toHaveLength(1);
    for (const r of same) expect([200, 409], JSON.stringify(r.body)).toContain(r.status);
    expect((await admin.get(`/api/v1/customers/${c.id}`)).body).toMatchObject({ dealCount: 1, dealTotal: 1000, status: 'first_purchase' });

    const six = [];
    for (let i = 1; i <= 6; i++) six.push((await create({ amount: i * 100 }, c.id)).body as { id: number; version: number });
    const signed = await Promise.all(six.map((x) => admin.post(`/api/v1/contracts/${x.id}/status`, { status: 'active', version: x.version })));
    expect(signed.map((r) => r.status)).toEqual(Array(6).fill(200));
    expect((await admin.get(`/api/v1/customers/${c.id}`)).body).toMatchObject({ dealCount: 7, dealTotal: 1000 + 2100, status: 'repeat' });

    // And out again at once.
    const cancelled = await Promise.all(signed.map((r) => admin.post(`/api/v1/contracts/${r.body.id}/status`, { status: 'cancelled', version: r.body.version })));
    expect(cancelled.map((r) => r.status)).toEqual(Array(6).fill(200));
    expect((await admin.get(`/api/v1/customers/${c.id}`)).body).toMatchObject({ dealCount: 1, dealTotal: 1000, status: 'repeat' });
  });
});
