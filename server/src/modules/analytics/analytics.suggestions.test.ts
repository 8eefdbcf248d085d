import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCustomer, createOrg, password, type Org } from '../../test/fixtures.js';
import { createTestApp, errorPaths, TestClock, type TestApp } from '../../test/harness.js';
import { runAnalyticsNow } from './analytics.runs.js';

/**
 * The lifecycle suggestion (issue 14): the derived stage and status against the record's hand-set
 * ones, "keep mine", and applying through the customer's PATCH. Default settings (lost after 365
 * days, loyal from 5 purchases). Records are created as potential / exploration unless said.
 *
 * | customer (owner)         | record                    | purchases              | run 1 2026-12-06                                  | run 3 2026-12-08 (甲 bought 12-07)         |
 * |--------------------------|---------------------------|------------------------|---------------------------------------------------|--------------------------------------------|
 * | 甲 (east1)               | potential / exploration   | 2026-09-07             | first_purchase / exploration: status suggested     | repeat / formation: both suggested          |
 * | 乙 (east2)               | potential / exploration   | 2025-11-01             | lost / decline (400 days): both suggested          |                                            |
 * | 丙 (east1)               | first_purchase / exploration | 2026-10-01          | first_purchase / exploration: nothing suggested    |                                            |
 */
let t: TestApp;
let org: Org;
const clock = new TestClock(new Date('2026-12-06T04:00:00Z'));
const ids = { a: 0, b: 0, c: 0 };

async function customer(name: string, ownerId: number, extra: Record<string, unknown> = {}): Promise<number> {
  const res = await org.admin.post('/api/v1/customers', buildCustomer({ name, ownerId, ...extra }));
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id as number;
}
async function purchase(customerId: number, on: string, amount: number): Promise<void> {
  await t.ctx.db.insertInto('purchase_history').values({ customer_id: customerId, purchased_on: on, amount, cost: null, product: '测试商品', source: 'test', created_at: clock.now().toISOString(), created_by: null }).execute();
}
async function runOn(day: string): Promise<number> {
  clock.advance(Date.parse(`${day}T04:00:00Z`) - clock.now().getTime());
  const run = await runAnalyticsNow(t.ctx, 'manual');
  // Fresh sessions: the clock moved past the fixtures' ones.
  org.admin = await t.login();
  for (const who of ['east1', 'east2', 'north1', 'manager', 'reader'] as const) org.as[who] = await t.login(`${who}@example.com`, password);
  return run;
}
const suggested = async (query = 'suggested=true') =>
  ((await org.admin.get(`/api/v1/analytics/customers?${query}&pageSize=100`)).body.items as Array<{ customerName: string; suggested: boolean }>).map((r) => r.customerName).sort();

beforeAll(async () => {
  t = await createTestApp({ clock });
  org = await createOrg(t);
  ids.a = await customer('甲商贸', org.ids.east1);
  ids.b = await customer('乙科技', org.ids.east2);
  ids.c = await customer('丙实业', org.ids.east1, { status: 'first_purchase' });
  await purchase(ids.a, '2026-09-07', 100_000);
  await purchase(ids.b, '2025-11-01', 50_000);
  await purchase(ids.c, '2026-10-01', 80_000);
}, 180_000);
afterAll(() => t.close());

describe('lifecycle suggestion', () => {
  it('suggests the derived value where it differs from the record; keep mine hides it until the derived value changes; apply goes through PATCH with the version', async () => {
    await runOn('2026-12-06');
    const a = await org.as.east1.get(`/api/v1/analytics/customers/${ids.a}`);
    expect(a.status).toBe(200);
    expect(a.body.suggestion).toEqual({
      lifecycleStage: { derived: 'exploration', record: 'exploration', kept: null, suggested: false },
      status: { derived: 'first_purchase', record: 'potential', kept: null, suggested: true },
    });
    expect((await org.admin.get(`/api/v1/analytics/customers/${ids.b}`)).body.suggestion).toEqual({
      lifecycleStage: { derived: 'decline', record: 'exploration', kept: null, suggested: true },
      status: { derived: 'lost', record: 'potential', kept: null, suggested: true },
    });
    expect((await org.admin.get(`/api/v1/analytics/customers/${ids.c}`)).body.suggestion.status).toEqual({ derived: 'first_purchase', record: 'first_purchase', kept: null, suggested: false });
    // The explanation of each derived value states its rule (the suggestion on the page links to it).
    expect(a.body.explanations.map((e: { key: string }) => e.key)).toEqual(expect.arrayContaining(['lifecycleStage', 'status']));

    expect(await suggested()).toEqual(['乙科技', '甲商贸']);
    expect(await suggested('suggested=false')).toEqual(['丙实业']);
    const row = (await org.admin.get('/api/v1/analytics/customers?suggested=true&q=甲')).body.items[0];
    expect(row).toMatchObject({ customerName: '甲商贸', recordLifecycleStage: 'exploration', recordStatus: 'potential', suggested: true, status: 'first_purchase' });

    // Keep mine: the status suggestion is gone, the list filter agrees.
    const kept = await org.as.east1.post(`/api/v1/analytics/customers/${ids.a}/keep-record`, { status: 'first_purchase' });
    expect(kept.status, JSON.stringify(kept.body)).toBe(200);
    expect(kept.body.suggestion.status).toEqual({ derived: 'first_purchase', record: 'potential', kept: 'first_purchase', suggested: false });
    expect(await suggested()).toEqual(['乙科技']);
    expect(await suggested('suggested=false')).toEqual(['丙实业', '甲商贸']);
    // The customer's timeline says who kept which of the record's values.
    const timeline = (await org.as.east1.get(`/api/v1/customers/${ids.a}/history?actions=keep_record`)).body.items;
    expect(timeline).toHaveLength(1);
    expect(timeline[0]).toMatchObject({ action: 'keep_record', entityType: 'customer', label: '甲商贸', changes: [{ field: 'status', old: null, new: 'potential' }] });
    expect(timeline[0].actorName).toBeTruthy();
    // Keeping against a value the latest run does not derive: 409 with the analytics as they are, nothing kept.
    const stale = await org.as.east1.post(`/api/v1/analytics/customers/${ids.a}/keep-record`, { lifecycleStage: 'decline' });
    expect(stale.status).toBe(409);
    expect(stale.body.error.current.suggestion.lifecycleStage).toEqual({ derived: 'exploration', record: 'exploration', kept: null, suggested: false });
    // A refused keep writes no timeline entry.
    expect((await org.as.east1.get(`/api/v1/customers/${ids.a}/history?actions=keep_record`)).body.items).toHaveLength(1);

    // Another run deriving the same value: still kept.
    await runOn('2026-12-07');
    expect((await org.as.east1.get(`/api/v1/analytics/customers/${ids.a}`)).body.suggestion.status.suggested).toBe(false);

    // 甲 buys again: the derived status (and stage) change, the kept value is forgotten, both are suggested.
    await purchase(ids.a, '2026-12-07', 100_000);
    await runOn('2026-12-08');
    const moved = (await org.as.east1.get(`/api/v1/analytics/customers/${ids.a}`)).body.suggestion;
    expect(moved).toEqual({
      lifecycleStage: { derived: 'formation', record: 'exploration', kept: null, suggested: true },
      status: { derived: 'repeat', record: 'potential', kept: null, suggested: true },
    });
    expect(await suggested()).toEqual(['乙科技', '甲商贸']);

    // Apply: the customer's own PATCH with its version (a stale version is refused as any edit).
    const seen = (await org.as.east1.get(`/api/v1/customers/${ids.a}`)).body;
    expect((await org.admin.patch(`/api/v1/customers/${ids.a}`, { notes: '管理员改过', version: seen.version })).status).toBe(200);
    const staleApply = await org.as.east1.patch(`/api/v1/customers/${ids.a}`, { lifecycleStage: 'formation', status: 'repeat', version: seen.version });
    expect(staleApply.status).toBe(409);
    expect(staleApply.body.error.current).toMatchObject({ status: 'potential', lifecycleStage: 'exploration', version: seen.version + 1 });
    const record = staleApply.body.error.current;
    const applied = await org.as.east1.patch(`/api/v1/customers/${ids.a}`, { lifecycleStage: 'formation', status: 'repeat', version: record.version });
    expect(applied.status, JSON.stringify(applied.body)).toBe(200);
    expect(applied.body).toMatchObject({ lifecycleStage: 'formation', status: 'repeat', version: record.version + 1 });
    expect((await org.as.east1.get(`/api/v1/analytics/customers/${ids.a}`)).body.suggestion).toEqual({
      lifecycleStage: { derived: 'formation', record: 'formation', kept: null, suggested: false },
      status: { derived: 'repeat', record: 'repeat', kept: null, suggested: false },
    });
    const history = (await org.as.east1.get(`/api/v1/customers/${ids.a}/history`)).body.items as Array<{ actorId: number; changes: Array<{ field: string; old: unknown; new: unknown }> }>;
    expect(history[0]?.actorId).toBe(org.ids.east1);
    expect(history[0]?.changes).toEqual(expect.arrayContaining([{ field: 'status', old: 'potential', new: 'repeat' }, { field: 'lifecycleStage', old: 'exploration', new: 'formation' }]));
    expect(await suggested()).toEqual(['乙科技']);
  });

  it('keep mine only on customers you may edit: 404 outside your scope, 403 without the right, field-level 400 on bad input', async () => {
    const before = await t.ctx.db.selectFrom('analytics_keeps').selectAll().orderBy('customer_id').execute();
    // east1 cannot edit east2's customer (the same answer as its PATCH).
    expect((await org.as.east1.post(`/api/v1/analytics/customers/${ids.b}/keep-record`, { status: 'lost' })).status).toBe(404);
    expect((await org.as.east1.patch(`/api/v1/customers/${ids.b}`, { status: 'lost', version: 1 })).status).toBe(404);
    expect((await org.as.north1.post(`/api/v1/analytics/customers/${ids.b}/keep-record`, { status: 'lost' })).status).toBe(404);
    // The read-only role reads the analytics but edits nothing.
    expect((await org.as.reader.get(`/api/v1/analytics/customers/${ids.b}`)).status).toBe(200);
    expect((await org.as.reader.post(`/api/v1/analytics/customers/${ids.b}/keep-record`, { status: 'lost' })).status).toBe(403);
    const empty = await org.as.east2.post(`/api/v1/analytics/customers/${ids.b}/keep-record`, {});
    expect(empty.status).toBe(400);
    expect(errorPaths(empty)).toEqual(['lifecycleStage']);
    const wrong = await org.as.east2.post(`/api/v1/analytics/customers/${ids.b}/keep-record`, { status: 'potential', lifecycleStage: 'stable' });
    expect(wrong.status).toBe(400);
    expect(errorPaths(wrong).sort()).toEqual(['lifecycleStage', 'status']);
    expect(await t.ctx.db.selectFrom('analytics_keeps').selectAll().orderBy('customer_id').execute()).toEqual(before);

    // The manager of the sales department edits east2's customers, so he may keep theirs.
    const managed = await org.as.manager.post(`/api/v1/analytics/customers/${ids.b}/keep-record`, { status: 'lost', lifecycleStage: 'decline' });
    expect(managed.status, JSON.stringify(managed.body)).toBe(200);
    expect(managed.body.suggestion.lifecycleStage.suggested).toBe(false);
    expect(managed.body.suggestion.status.suggested).toBe(false);
    const keep = await t.ctx.db.selectFrom('analytics_keeps').selectAll().where('customer_id', '=', ids.b).executeTakeFirstOrThrow();
    expect(keep).toMatchObject({ lifecycle_stage: 'decline', status: 'lost', kept_by: org.ids.manager });
    expect(await suggested()).toEqual([]);
  });
});
