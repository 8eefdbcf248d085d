import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCustomer } from '../../test/fixtures.js';
import { createTestApp, TestClock, type Agent, type TestApp } from '../../test/harness.js';
import { runQuoteExpiry } from './index.js';

/** Sent quotes expire the day after their validity, in the company's time zone; nothing else does. */
const hour = 60 * 60 * 1000;
// 2026-11-22 16:00 in Shanghai.
const clock = new TestClock(new Date('2026-11-22T08:00:00Z'));
let t: TestApp;
let admin: Agent;
let customerId: number;
let productId: number;

const quote = async (validUntil: string, to: string[]) => {
  let q = (await admin.post('/api/v1/quotes', { customerId, title: `到期 ${validUntil}`, validUntil, lines: [{ productId, quantity: 1 }] })).body;
  expect(q.id, JSON.stringify(q)).toBeDefined();
  for (const status of to) {
    const res = await admin.post(`/api/v1/quotes/${q.id}/status`, { status, version: q.version });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    q = res.body;
  }
  return q as { id: number; status: string };
};
// Read from the database: the session does not outlive the day the clock jumps.
const statusOf = async (id: number) => (await t.ctx.db.selectFrom('quotes').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status;

beforeAll(async () => {
  t = await createTestApp({ clock });
  admin = await t.login();
  customerId = (await admin.post('/api/v1/customers', buildCustomer({ name: '报价到期客户' }))).body.id;
  productId = (await admin.post('/api/v1/products', { code: 'EXP-1', name: '到期产品', standardPrice: 100_00 })).body.id;
}, 120_000);
afterAll(() => t.close());

describe('quote expiry', () => {
  it('expires a sent quote once its last valid day has passed in Shanghai, and leaves drafts and accepted quotes alone', async () => {
    const sent = await quote('2026-11-23', ['sent']);
    const draft = await quote('2026-11-23', []);
    const accepted = await quote('2026-11-23', ['sent', 'accepted']);
    expect(sent.status).toBe('sent');
    expect(accepted.status).toBe('accepted');
    expect(await runQuoteExpiry(t.ctx)).toBe(0);
    // 2026-11-23 23:30 in Shanghai: still its last valid day.
    clock.advance(31.5 * hour);
    expect(await runQuoteExpiry(t.ctx)).toBe(0);
    expect(await statusOf(sent.id)).toBe('sent');
    // Half past midnight on the 24th.
    clock.advance(hour);
    expect(await runQuoteExpiry(t.ctx)).toBe(1);
    expect(await statusOf(sent.id)).toBe('expired');
    expect(await statusOf(draft.id)).toBe('draft');
    expect(await statusOf(accepted.id)).toBe('accepted');
    expect(await runQuoteExpiry(t.ctx)).toBe(0);
  });
});
