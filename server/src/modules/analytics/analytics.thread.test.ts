import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { runAnalyticsNow } from './analytics.runs.js';

/**
 * The real server on SQLite computes analytics runs on a thread with its own connection (the run's
 * statements no longer hold the server's thread): a run started there computes every customer's
 * classes into the same database, and the server reads them.
 */
let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({ importWorkerThread: true });
  const now = new Date().toISOString();
  const ids = (
    await t.ctx.db
      .insertInto('customers')
      .values(Array.from({ length: 30 }, (_, i) => ({
        archive_no: `KH8${String(i).padStart(7, '0')}`, kind: 'organization', name: `线程分析客户${i}`, category: 'enterprise', status: 'potential', lifecycle_stage: 'exploration',
        owner_id: null, tags: '[]', person: '{}', organization: '{}', search_key: '', version: 1, created_at: now, updated_at: now,
      })))
      .returning('id')
      .execute()
  ).map((r) => r.id);
  const day = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
  await t.ctx.db
    .insertInto('purchase_history')
    .values(ids.flatMap((id, i) => [0, 1].map((k) => ({ customer_id: id, purchased_on: day(10 + i * 7 + k * 30), amount: (i + 1) * 10_000, cost: null, product: 'p', source: 'test', created_at: now, created_by: null }))))
    .execute();
}, 60_000);
afterAll(() => t.close(), 30_000);

describe('analytics runs on their own thread', () => {
  it('computes every customer with purchases and the server reads the classes', async () => {
    const runId = await runAnalyticsNow(t.ctx);
    const run = await t.ctx.db.selectFrom('analytics_runs').selectAll().where('id', '=', runId).executeTakeFirstOrThrow();
    expect(run).toMatchObject({ status: 'done', active: null, customers: 30 });
    const admin = await t.login();
    const list = await admin.get<{ total: number; items: Array<{ customerName: string; abcClass: string }> }>('/api/v1/analytics/customers?pageSize=100');
    expect(list.status).toBe(200);
    expect(list.body.total).toBe(30);
    // The largest buyer (线程分析客户29, 300,000 fen a purchase) is an A customer.
    expect(list.body.items.find((r) => r.customerName === '线程分析客户29')?.abcClass).toBe('A');
  }, 60_000);

  it('a run that fails is marked failed and its error reaches the caller', async () => {
    // The thread reads the run's settings; an unreadable settings text makes it fail there.
    const id = (await t.ctx.db.insertInto('analytics_runs').values({ status: 'running', reason: 'manual', as_of: '2026-12-07', active: 1, steps_total: 2, settings: '{broken', started_at: new Date().toISOString(), heartbeat_at: new Date().toISOString(), requested_by: null }).returning('id').executeTakeFirstOrThrow()).id;
    const { executeRun, findRun } = await import('./analytics.runs.js');
    const run = await findRun(t.ctx.db, id);
    if (!run) throw new Error('no run');
    await expect(executeRun(t.ctx, run)).rejects.toThrow();
    expect(await findRun(t.ctx.db, id)).toMatchObject({ status: 'failed', active: null });
  }, 60_000);
});
