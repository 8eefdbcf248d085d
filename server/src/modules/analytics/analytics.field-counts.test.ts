import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCustomer, createOrg, type Org } from '../../test/fixtures.js';
import { createTestApp, TestClock, type Agent, type TestApp } from '../../test/harness.js';
import { foldFieldDeltas } from './analytics.field-counts.js';

/**
 * The composition dashboard without a date range reads the live counts by owner and field (kept by
 * triggers on customers, folded by a job); with a range it counts the customers. After every kind
 * of write, each reader's slices from the counts must equal those counted from the customers (a
 * range from 2000 covers every customer), before and after a fold.
 */
let t: TestApp;
let org: Org;
const clock = new TestClock(new Date('2026-12-06T04:00:00Z'));
const ids: Record<string, number> = {};

async function create(name: string, ownerId: number | null, fields: Record<string, unknown>) {
  const res = await org.admin.post('/api/v1/customers', buildCustomer({ name, ownerId, ...fields }));
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  ids[name] = res.body.id as number;
}

async function patch(name: string, fields: Record<string, unknown>) {
  const current = await org.admin.get(`/api/v1/customers/${ids[name]}`);
  const res = await org.admin.patch(`/api/v1/customers/${ids[name]}`, { ...fields, version: current.body.version });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
}

type Slices = Record<string, unknown>;
async function slicesOf(agent: Agent, extra: string): Promise<Slices> {
  const res = await agent.get(`/api/v1/analytics/dashboard/composition?province=${encodeURIComponent('浙江省')}${extra}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  const { newByMonth: _months, ...slices } = res.body as Record<string, unknown>;
  return slices;
}

/**
 * Each slice's list of customers (its total from the counts, its rows read by owner for a narrower
 * scope) against the same list with a range (counted and read from the customers), the slice's
 * count, and its second page of one.
 */
async function drillDowns(agent: Agent, slices: Slices, department: string, label: string): Promise<void> {
  const list = async (query: string) => {
    const res = await agent.get(`/api/v1/analytics/dashboard/composition/customers?${query}${department}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body as { total: number; items: Array<{ id: number }> };
  };
  const cases: Array<[string, string, string]> = [
    ...(['byProvince', 'byIndustry', 'byStatus', 'byKind'] as const).flatMap((field) =>
      (slices[field] as Array<{ key: string; customers: number }>).map((sl): [string, string, string] => [field, `dimension=${field.slice(2).toLowerCase()}&key=${encodeURIComponent(sl.key)}`, sl.key]),
    ),
    ...(slices.byCity as Array<{ key: string }>).map((sl): [string, string, string] => ['byCity', `dimension=city&province=${encodeURIComponent('浙江省')}&key=${encodeURIComponent(sl.key)}`, sl.key]),
  ];
  for (const [field, query, key] of cases) {
    const counted = await list(`${query}&pageSize=100`);
    const live = await list(`${query}&pageSize=100&from=2020-01-01`);
    expect(counted, `${label} ${query}`).toEqual(live);
    expect(counted.total, `${label} ${query}`).toBe(counted.items.length);
    expect(counted.total, `${label} ${query}`).toBe(count(slices, field, key));
    const second = await list(`${query}&pageSize=1&page=2`);
    expect(second.items.map((i) => i.id), `${label} ${query}`).toEqual(counted.items.slice(1, 2).map((i) => i.id));
  }
}

/** Every reader's slices from the counts and from the customers, which must agree; returns the administrator's. */
async function agree(): Promise<Slices> {
  const readers: Record<string, Agent> = { admin: org.admin, manager: org.as.manager, east1: org.as.east1, north1: org.as.north1 };
  let admin: Slices = {};
  for (const [who, agent] of Object.entries(readers)) {
    for (const department of ['', `&departmentId=${org.ids.east}`]) {
      const counted = await slicesOf(agent, department);
      const live = await slicesOf(agent, `${department}&from=2020-01-01`);
      expect(counted, `${who} ${department}`).toEqual(live);
      if (who === 'admin' && department === '') admin = counted;
      await drillDowns(agent, counted, department, `${who} ${department}`);
    }
  }
  return admin;
}

/** The same, then again after the deltas are folded into the counts. */
async function agreeAndFold(): Promise<Slices> {
  const before = await agree();
  await foldFieldDeltas(t.ctx.db, t.ctx.engine);
  expect(await t.ctx.db.selectFrom('customer_field_deltas').select('id').execute()).toEqual([]);
  expect(await t.ctx.db.selectFrom('customer_field_counts').select('key').where('customers', '<=', 0).execute()).toEqual([]);
  expect(await agree()).toEqual(before);
  return before;
}

const count = (slices: Slices, field: string, key: string) => (slices[field] as Array<{ key: string; customers: number }>).find((s) => s.key === key)?.customers ?? 0;

beforeAll(async () => {
  t = await createTestApp({ clock });
  org = await createOrg(t);
  const { east1, east2, north1 } = org.ids;
  await create('E1', east1, { kind: 'organization', category: 'enterprise', industry: 'manufacturing', province: '浙江省', city: '杭州市', status: 'potential' });
  await create('E2', east1, { kind: 'person', category: 'retail', province: '浙江省', city: '宁波市', status: 'first_purchase' });
  await create('E3', east2, { kind: 'organization', category: 'distributor', industry: 'finance', province: '江苏省', city: '南京市', status: 'repeat' });
  await create('N1', north1, { kind: 'organization', category: 'enterprise', industry: 'finance', province: '广东省', city: '广州市', status: 'repeat' });
  await create('N2', north1, { kind: 'person', category: 'retail', status: 'potential' });
  await create('P1', null, { kind: 'organization', category: 'enterprise', industry: 'manufacturing', province: '浙江省', city: '杭州市', status: 'potential' });
}, 180_000);
afterAll(() => t.close());

describe('composition from the live counts by owner and field', () => {
  it('counts the customers as created', async () => {
    const admin = await agreeAndFold();
    expect(admin.customers).toBe(6);
    expect(count(admin, 'byCity', '杭州市')).toBe(2);
  });

  it('follows edits of the sliced fields, a transfer, a release and a claim', async () => {
    await patch('E1', { status: 'repeat', city: '温州市' });
    await patch('N2', { province: '浙江省', city: '杭州市', industry: 'finance' });
    await patch('E2', { notes: '只改备注' });
    expect((await org.admin.post('/api/v1/customers/transfer', { customerIds: [ids.E3], ownerId: org.ids.east1 })).status).toBe(200);
    expect((await org.admin.post(`/api/v1/customers/${ids.N1}/release`, {})).status).toBe(200);
    expect((await org.as.east2.post(`/api/v1/customers/${ids.P1}/claim`)).status).toBe(200);
    const admin = await agreeAndFold();
    expect(count(admin, 'byCity', '温州市')).toBe(1);
    expect(count(admin, 'byCity', '杭州市')).toBe(2);
    expect(count(admin, 'byStatus', 'repeat')).toBe(3);
  });

  it('follows a bulk edit, deletions, a restore, a merge and an erasure', async () => {
    const bulk = await org.admin.post('/api/v1/customers/bulk-update', { ids: [ids.E1, ids.E2], set: { status: 'loyal' } });
    expect(bulk.status, JSON.stringify(bulk.body)).toBe(200);
    expect((await org.admin.delete(`/api/v1/customers/${ids.E2}`)).status).toBe(204);
    expect((await org.admin.delete(`/api/v1/customers/${ids.E3}`)).status).toBe(204);
    expect((await org.admin.post(`/api/v1/recycle-bin/customer/${ids.E3}/restore`)).status).toBe(204);
    await agree();
    expect((await org.admin.delete(`/api/v1/recycle-bin/customer/${ids.E2}`)).status).toBe(204);
    const survivor = await org.admin.get(`/api/v1/customers/${ids.N2}`);
    expect((await org.admin.post('/api/v1/customers/merge', { survivorId: ids.N2, mergedIds: [ids.P1], version: survivor.body.version })).status).toBe(200);
    const admin = await agreeAndFold();
    expect(admin.customers).toBe(4);
  });

  it('writes the pairs of the fields that changed, and all seven when the owner changes', async () => {
    await foldFieldDeltas(t.ctx.db, t.ctx.engine);
    const deltas = () => t.ctx.db.selectFrom('customer_field_deltas').select(['owner_id', 'field', 'key', 'delta']).orderBy('id').execute();
    const before = await org.admin.get(`/api/v1/customers/${ids.N2}`);
    await patch('N2', { industry: 'manufacturing' });
    // One field changed: its -1 and +1 only (an import that sets a new industry wrote fourteen rows a customer).
    expect(await deltas()).toEqual([
      { owner_id: org.ids.north1, field: 'industry', key: before.body.industry, delta: -1 },
      { owner_id: org.ids.north1, field: 'industry', key: 'manufacturing', delta: 1 },
    ]);
    await foldFieldDeltas(t.ctx.db, t.ctx.engine);
    expect((await org.admin.post('/api/v1/customers/transfer', { customerIds: [ids.N2], ownerId: org.ids.east2 })).status).toBe(200);
    const moved = await deltas();
    expect(moved.filter((d) => d.delta === -1 && d.owner_id === org.ids.north1)).toHaveLength(7);
    expect(moved.filter((d) => d.delta === 1 && d.owner_id === org.ids.east2)).toHaveLength(7);
    expect(moved).toHaveLength(14);
    await agreeAndFold();
    expect((await org.admin.post('/api/v1/customers/transfer', { customerIds: [ids.N2], ownerId: org.ids.north1 })).status).toBe(200);
    await agreeAndFold();
  });

  it('loses no change written while the deltas are folded', async () => {
    const writes = Array.from({ length: 12 }, (_, i) => create(`X${i}`, i % 2 === 0 ? org.ids.east1 : org.ids.north1, { kind: 'organization', category: 'enterprise', province: '浙江省', city: '湖州市', status: 'potential' }));
    const folds = Array.from({ length: 4 }, () => foldFieldDeltas(t.ctx.db, t.ctx.engine));
    await Promise.all([...writes, ...folds]);
    const admin = await agreeAndFold();
    expect(admin.customers).toBe(16);
    expect(count(admin, 'byCity', '湖州市')).toBe(12);
  });

  it('folds more deltas than one chunk takes, in several transactions', async () => {
    // 12,000 rows as the triggers write them (an import's worth): a pair of +1/-1 on 6,000 keys, and 3 more customers in one industry.
    const rows = Array.from({ length: 6000 }, (_, i) => [
      { owner_id: org.ids.east1, field: 'industry', key: `批量${i}`, delta: 1 },
      { owner_id: org.ids.east1, field: 'industry', key: `批量${i}`, delta: -1 },
    ]).flat();
    for (let i = 0; i < rows.length; i += 1000) await t.ctx.db.insertInto('customer_field_deltas').values(rows.slice(i, i + 1000)).execute();
    await t.ctx.db.insertInto('customer_field_deltas').values([1, 2, 3].map(() => ({ owner_id: org.ids.north1, field: 'industry', key: '批量', delta: 1 }))).execute();
    const fileBefore = t.ctx.engine === 'postgres' ? (await sql<{ f: number }>`select pg_relation_filenode('customer_field_counts') as f`.execute(t.ctx.db)).rows[0]?.f : null;
    expect(await foldFieldDeltas(t.ctx.db, t.ctx.engine)).toBe(12_003);
    expect(await t.ctx.db.selectFrom('customer_field_deltas').select('id').execute()).toEqual([]);
    if (t.ctx.engine === 'postgres') {
      // A fold that large vacuums the deltas it left dead (they would slow every figure until autovacuum)...
      const stats = await sql<{ vacuumed: string | null }>`select last_vacuum as vacuumed from pg_stat_user_tables where relid = 'customer_field_deltas'::regclass`.execute(t.ctx.db);
      expect(stats.rows[0]?.vacuumed).not.toBeNull();
      // ...and rewrites the counts compact (a new file).
      const fileAfter = (await sql<{ f: number }>`select pg_relation_filenode('customer_field_counts') as f`.execute(t.ctx.db)).rows[0]?.f;
      expect(fileAfter).not.toBe(fileBefore);
    }
    const counts = await t.ctx.db.selectFrom('customer_field_counts').select(['owner_id', 'key', 'customers']).where('field', '=', 'industry').where('key', 'like', '批量%').execute();
    expect(counts).toEqual([{ owner_id: org.ids.north1, key: '批量', customers: 3 }]);
    await t.ctx.db.deleteFrom('customer_field_counts').where('key', '=', '批量').execute();
  });
});
