import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCustomer } from '../../test/fixtures.js';
import { createTestApp, type Agent, type TestApp } from '../../test/harness.js';

/**
 * Views and the next follow-up under parallel requests (PostgreSQL runs them at once): one name
 * per owner and list, one winner per version, and a customer's next follow-up that ends as the next
 * step of its latest follow-up whatever order the writes land in.
 */
let t: TestApp;
let admin: Agent;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login();
}, 120_000);
afterAll(() => t.close());

describe('parallel views', () => {
  it('six saves of one name at once: one view, the others refused on the name', async () => {
    const answers = await Promise.all(Array.from({ length: 6 }, () => admin.post('/api/v1/list-views', { list: 'customers', name: '并发视图' })));
    expect(answers.map((r) => r.status).sort()).toEqual([201, 400, 400, 400, 400, 400]);
    for (const r of answers.filter((a) => a.status === 400)) expect(r.body.error.details.map((d: { path: string }) => d.path)).toEqual(['name']);
    const items = (await admin.get('/api/v1/list-views?list=customers')).body.items.filter((v: { name: string }) => v.name === '并发视图');
    expect(items).toHaveLength(1);
  });

  it('four renames of one version at once: one is taken', async () => {
    const view = (await admin.post('/api/v1/list-views', { list: 'leads', name: '改名竞争' })).body;
    const answers = await Promise.all([1, 2, 3, 4].map((i) => admin.patch(`/api/v1/list-views/${view.id}`, { name: `改名${i}`, version: view.version })));
    expect(answers.map((r) => r.status).sort()).toEqual([200, 409, 409, 409]);
    const after = (await admin.get('/api/v1/list-views?list=leads')).body.items.find((v: { id: number }) => v.id === view.id);
    expect(after.version).toBe(view.version + 1);
  });
});

describe('the next follow-up under parallel follow-ups', () => {
  it('ten follow-ups at once, each planning its own day: the latest one\'s day wins', async () => {
    const customerId = (await admin.post('/api/v1/customers', buildCustomer())).body.id as number;
    const writes = Array.from({ length: 10 }, (_, i) => ({
      occurredAt: new Date(Date.UTC(2026, 10, 1 + i, 3)).toISOString(),
      nextOn: `2027-0${1 + (i % 9)}-1${i % 10}`,
    }));
    const answers = await Promise.all(writes.map((w) => admin.post('/api/v1/follow-ups', { customerId, kind: 'note', content: '并发', ...w })));
    expect(answers.map((r) => r.status)).toEqual(Array(10).fill(201));
    const customer = (await admin.get(`/api/v1/customers/${customerId}`)).body;
    expect(customer).toMatchObject({ lastFollowUpAt: writes[9]?.occurredAt, nextFollowUpOn: writes[9]?.nextOn });
  });

  it('the latest follow-up deleted while a later one is recorded: the later one\'s step stands', async () => {
    const customerId = (await admin.post('/api/v1/customers', buildCustomer())).body.id as number;
    const first = (await admin.post('/api/v1/follow-ups', { customerId, kind: 'call', content: '先', occurredAt: '2026-11-01T03:00:00Z', nextOn: '2027-03-01' })).body;
    const [deleted, later] = await Promise.all([
      admin.delete(`/api/v1/follow-ups/${first.id}`),
      admin.post('/api/v1/follow-ups', { customerId, kind: 'call', content: '后', occurredAt: '2026-11-02T03:00:00Z', nextOn: '2027-04-01' }),
    ]);
    expect([deleted.status, later.status]).toEqual([204, 201]);
    expect((await admin.get(`/api/v1/customers/${customerId}`)).body).toMatchObject({ lastFollowUpAt: '2026-11-02T03:00:00.000Z', nextFollowUpOn: '2027-04-01' });
  });
});
