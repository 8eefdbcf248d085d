import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unscoped } from '../../platform/auth/scope.js';
import { buildCustomer, createOrg, password, type Org } from '../../test/fixtures.js';
import { createTestApp, errorPaths, TestClock, type TestApp } from '../../test/harness.js';
import { customerExportPage, type ExportCursor } from './index.js';
import type { SortKey } from './customers.repository.js';

/**
 * The customer list by follow-up dates, on both engines: each customer's next follow-up is the
 * next step of its latest follow-up; the list sorts by last and next follow-up (never followed up
 * as the oldest, nothing planned as the furthest), filters by them in the company's time zone
 * (Asia/Shanghai), by creation day and by "returns to the pool soon"; exports page through the
 * same order.
 */
const day = 24 * 60 * 60 * 1000;
// 2026-11-22 16:00 in Shanghai.
const clock = new TestClock(new Date('2026-11-22T08:00:00Z'));
let t: TestApp;
let org: Org;
const ids: Record<string, number> = {};

const followUp = async (name: string, occurredAt: string, nextOn?: string) => {
  const res = await org.as.east1.post('/api/v1/follow-ups', { customerId: ids[name], kind: 'call', content: '跟进', occurredAt, ...(nextOn ? { nextOn } : {}) });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: number; version: number };
};
/** The names of east1's customers a query lists, in the list's order. */
const listed = async (query: string): Promise<string[]> => {
  const res = await org.as.east1.get(`/api/v1/customers?ownerId=${org.ids.east1}&pageSize=200&${query}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return (res.body.items as Array<{ name: string }>).map((c) => c.name);
};
const sorted = async (query: string) => (await listed(query)).sort();

beforeAll(async () => {
  t = await createTestApp({ clock });
  org = await createOrg(t);
  for (const name of ['A', 'B', 'C', 'D', 'E']) ids[name] = (await org.as.east1.post('/api/v1/customers', buildCustomer({ name }))).body.id;
  await followUp('A', '2026-11-20T02:00:00Z', '2026-11-22');
  await followUp('B', '2026-11-21T02:00:00Z', '2026-11-25');
  await followUp('C', '2026-10-01T02:00:00Z');
  // E planned a next step, then a later follow-up planned none: nothing is planned any more.
  await followUp('E', '2026-11-22T01:00:00Z', '2026-11-23');
  await followUp('E', '2026-11-22T05:00:00Z');
  // Two days on: A's next follow-up (the 22nd) is overdue; it is the 24th in Shanghai.
  clock.advance(2 * day);
  // Sessions expired meanwhile.
  org.as.east1 = await t.login('east1@example.com', password);
  org.admin = await t.login();
  ids.F = (await org.as.east1.post('/api/v1/customers', buildCustomer({ name: 'F' }))).body.id;
}, 180_000);
afterAll(() => t.close());

describe('last and next follow-up on the list', () => {
  it('each customer shows its last follow-up and the next step of its latest one', async () => {
    const items = (await org.as.east1.get(`/api/v1/customers?ownerId=${org.ids.east1}&sort=name`)).body.items as Array<{ name: string; lastFollowUpAt: string | null; nextFollowUpOn: string | null }>;
    expect(items.map((c) => [c.name, c.lastFollowUpAt, c.nextFollowUpOn])).toEqual([
      ['A', '2026-11-20T02:00:00.000Z', '2026-11-22'],
      ['B', '2026-11-21T02:00:00.000Z', '2026-11-25'],
      ['C', '2026-10-01T02:00:00.000Z', null],
      ['D', null, null],
      ['E', '2026-11-22T05:00:00.000Z', null],
      ['F', null, null],
    ]);
  });

  it('sorts by next follow-up (nothing planned last ascending, first descending) and by last follow-up (never first ascending)', async () => {
    expect(await listed('sort=nextFollowUpOn')).toEqual(['A', 'B', 'C', 'D', 'E', 'F']);
    expect(await listed('sort=-nextFollowUpOn')).toEqual(['F', 'E', 'D', 'C', 'B', 'A']);
    expect(await listed('sort=lastFollowUpAt')).toEqual(['D', 'F', 'C', 'A', 'B', 'E']);
    expect(await listed('sort=-lastFollowUpAt')).toEqual(['E', 'B', 'A', 'C', 'F', 'D']);
    // A page boundary inside the customers without a date keeps the order.
    const page = (n: number) => org.as.east1.get(`/api/v1/customers?ownerId=${org.ids.east1}&sort=nextFollowUpOn&pageSize=4&page=${n}`);
    expect([...(await page(1)).body.items, ...(await page(2)).body.items].map((c: { name: string }) => c.name)).toEqual(['A', 'B', 'C', 'D', 'E', 'F']);
  });

  it('filters by next follow-up: due within N days (overdue included), on a day, before a day', async () => {
    expect(await sorted('nextFollowUpWithinDays=0')).toEqual(['A']);
    expect(await sorted('nextFollowUpWithinDays=1')).toEqual(['A', 'B']);
    expect(await sorted('nextFollowUpOn=2026-11-25')).toEqual(['B']);
    expect(await sorted('nextFollowUpBefore=2026-11-24')).toEqual(['A']);
    expect(await sorted('nextFollowUpBefore=2026-11-22')).toEqual([]);
  });

  it('filters by last follow-up in the company\'s days: before a day (or never), from a day, none for N days', async () => {
    // 2026-11-21 starts at 2026-11-20T16:00Z in Shanghai: A (20th, 10:00) is before it, B (21st, 10:00) is not.
    expect(await sorted('lastFollowUpBefore=2026-11-21')).toEqual(['A', 'C', 'D', 'F']);
    expect(await sorted('lastFollowUpFrom=2026-11-21')).toEqual(['B', 'E']);
    // None on the 22nd, 23rd or 24th.
    expect(await sorted('noFollowUpDays=3')).toEqual(['A', 'B', 'C', 'D', 'F']);
    // Counted (up to 10,000, then "10,000+") along the last-follow-up index.
    const counted = (await org.as.east1.get(`/api/v1/customers?ownerId=${org.ids.east1}&noFollowUpDays=3&pageSize=2`)).body;
    expect([counted.total, counted.totalCapped, counted.items.length]).toEqual([5, undefined, 2]);
    expect(await sorted('noFollowUpDays=60')).toEqual(['D', 'F']);
    // Both hold: the earlier day decides.
    expect(await sorted('noFollowUpDays=3&lastFollowUpBefore=2026-11-01')).toEqual(['C', 'D', 'F']);
  });

  it('filters by creation day and combines with other filters and the search', async () => {
    expect(await sorted('createdFrom=2026-11-24')).toEqual(['F']);
    expect(await sorted('createdTo=2026-11-23')).toEqual(['A', 'B', 'C', 'D', 'E']);
    expect(await sorted('createdFrom=2026-11-22&createdTo=2026-11-22&nextFollowUpWithinDays=30')).toEqual(['A', 'B']);
  });

  it('refuses bad dates and counts by field', async () => {
    for (const [query, path] of [
      ['nextFollowUpOn=2026-02-30x', 'nextFollowUpOn'],
      ['lastFollowUpBefore=yesterday', 'lastFollowUpBefore'],
      ['noFollowUpDays=0', 'noFollowUpDays'],
      ['nextFollowUpWithinDays=-1', 'nextFollowUpWithinDays'],
      ['poolDueWithinDays=1000', 'poolDueWithinDays'],
      ['sort=nextFollowUpAt', 'sort'],
    ]) {
      const res = await org.as.east1.get(`/api/v1/customers?${query}`);
      expect(res.status, query).toBe(400);
      expect([...new Set(errorPaths(res))], query).toEqual([path]);
    }
  });

  it('exports page through the same order, nulls included', async () => {
    const expectOrder = async (key: SortKey, desc: boolean) => {
      const names: string[] = [];
      let cursor: ExportCursor = null;
      do {
        const page = await customerExportPage(t.ctx.db, t.ctx, { scope: unscoped('test'), ownerId: org.ids.east1 }, { key, desc }, cursor, 2);
        names.push(...page.rows.map((r) => r.name));
        cursor = page.next;
      } while (cursor);
      expect(names, `${desc ? '-' : ''}${key}`).toEqual(await listed(`sort=${desc ? '-' : ''}${key}`));
    };
    for (const key of ['nextFollowUpOn', 'lastFollowUpAt', 'name'] as const) {
      await expectOrder(key, false);
      await expectOrder(key, true);
    }
  });
});

describe('the next follow-up follows the follow-ups', () => {
  it('moves with a later follow-up, stays with an earlier one, and goes when the latest is deleted', async () => {
    const next = async (name: string) => (await org.as.east1.get(`/api/v1/customers/${ids[name]}`)).body.nextFollowUpOn as string | null;
    // An older follow-up does not move the clock: B keeps its next step.
    await followUp('B', '2026-11-01T02:00:00Z', '2026-11-30');
    expect(await next('B')).toBe('2026-11-25');
    // D's first follow-up plans the 26th.
    const d = await followUp('D', '2026-11-24T01:00:00Z', '2026-11-26');
    expect(await next('D')).toBe('2026-11-26');
    expect(await sorted('nextFollowUpWithinDays=2')).toEqual(['A', 'B', 'D']);
    // Deleting the latest follow-up leaves no follow-up at the clock: nothing planned.
    expect((await org.as.east1.delete(`/api/v1/follow-ups/${d.id}`)).status).toBe(204);
    expect(await next('D')).toBeNull();
    // Moving C's old follow-up later than D's makes it the latest again.
    const c = (await org.as.east1.get(`/api/v1/customers/${ids.C}/follow-ups`)).body.items[0] as { id: number; version: number };
    const moved = await org.as.east1.patch(`/api/v1/follow-ups/${c.id}`, { occurredAt: '2026-11-23T00:00:00Z', version: c.version });
    expect(moved.status).toBe(200);
    expect((await org.as.east1.get(`/api/v1/customers/${ids.C}`)).body).toMatchObject({ lastFollowUpAt: '2026-11-23T00:00:00.000Z', nextFollowUpOn: null });
  });
});

describe('about to return to the public pool', () => {
  it('owned customers whose rule runs out within N days, exempt statuses and pool customers left out; none while the rules are off', async () => {
    expect(await sorted('poolDueWithinDays=30')).toEqual([]);
    const loyal = (await org.as.east1.post('/api/v1/customers', buildCustomer({ name: 'G', status: 'loyal' }))).body.id as number;
    const pooled = (await org.as.east1.post('/api/v1/customers', buildCustomer({ name: 'H', ownerId: null }))).body.id as number;
    expect(loyal && pooled).toBeTruthy();
    const rules = (await org.admin.get('/api/v1/settings/pool-rules')).body;
    const on = await org.admin.put('/api/v1/settings/pool-rules', { ...rules, enabled: true, noFollowUpDays: 4, noDealDays: null, warnDaysBefore: 3 });
    expect(on.status, JSON.stringify(on.body)).toBe(200);
    // A fresh follow-up today starts B's clock again: 4 days from now, beyond 3.
    await followUp('B', '2026-11-24T08:00:00Z');
    // The others' clocks started when they were created (the 22nd 16:00; F the 24th) or last followed up
    // (C the 23rd 08:00, D the 24th 09:00 in Shanghai, the deleted follow-up having moved its clock).
    expect(await sorted('poolDueWithinDays=0')).toEqual([]);
    expect(await sorted('poolDueWithinDays=2')).toEqual(['A', 'E']);
    expect(await sorted('poolDueWithinDays=3')).toEqual(['A', 'C', 'E']);
    expect(await sorted('poolDueWithinDays=4')).toEqual(['A', 'B', 'C', 'D', 'E', 'F']);
    // The whole list in scope: the pool customer and the loyal one never go back.
    const all = await org.as.east1.get('/api/v1/customers?poolDueWithinDays=30&pageSize=200');
    expect((all.body.items as Array<{ name: string }>).map((c) => c.name).sort()).toEqual(['A', 'B', 'C', 'D', 'E', 'F']);
    // The built-in view "about to return" looks as far ahead as the rules warn.
    const views = (await org.as.east1.get('/api/v1/list-views?list=customers')).body.builtIn as Array<{ key: string; filters: Record<string, string> }>;
    const soon = views.find((v) => v.key === 'pool_soon');
    expect(soon?.filters).toEqual({ ownerId: String(org.ids.east1), poolDueWithinDays: '3' });
  });
});
