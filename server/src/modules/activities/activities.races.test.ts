import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCustomer } from '../../test/fixtures.js';
import { createTestApp, type Agent, type TestApp } from '../../test/harness.js';

/** Tasks and follow-ups under parallel requests (PostgreSQL runs them at once). */
let t: TestApp;
let admin: Agent;
let customerId: number;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login();
  customerId = (await admin.post('/api/v1/customers', buildCustomer())).body.id;
}, 120_000);
afterAll(() => t.close());

describe('parallel activities', () => {
  it('ten "done" of one recurring task at once: one is taken, one next occurrence', async () => {
    const task = (await admin.post('/api/v1/tasks', { title: '并发周任务', dueOn: '2027-01-04', recurrence: 'weekly' })).body;
    const answers = await Promise.all(Array.from({ length: 10 }, () => admin.patch(`/api/v1/tasks/${task.id}`, { version: task.version, status: 'done' })));
    expect(answers.map((r) => r.status).sort()).toEqual([200, ...Array(9).fill(409)]);
    const open = (await admin.get('/api/v1/tasks?view=open&pageSize=100')).body.items.filter((x: { title: string }) => x.title === '并发周任务');
    expect(open.map((x: { dueOn: string }) => x.dueOn)).toEqual(['2027-01-11']);
  });

  it('ten follow-ups at once: all kept, the customer clock at the latest', async () => {
    const times = Array.from({ length: 10 }, (_, i) => new Date(Date.UTC(2026, 0, 1 + i, 3)).toISOString());
    const answers = await Promise.all(times.map((occurredAt) => admin.post('/api/v1/follow-ups', { customerId, kind: 'note', content: '并发', occurredAt })));
    expect(answers.map((r) => r.status)).toEqual(Array(10).fill(201));
    expect((await admin.get(`/api/v1/customers/${customerId}`)).body.lastFollowUpAt).toBe(times[9]);
  });
});
