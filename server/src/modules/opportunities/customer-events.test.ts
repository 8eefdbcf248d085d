import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCustomer, createOrg, type Org } from '../../test/fixtures.js';
import { TestClock, createTestApp, type TestApp } from '../../test/harness.js';

/** Deals and leads follow their customer through delete, restore and merge (platform/customer-events.ts). */
let t: TestApp;
let org: Org;
const clock = new TestClock(new Date('2026-11-22T08:00:00Z'));
const minute = 60_000;

interface Stage { id: number; nameEn: string }
interface Column { stage: Stage; count: number; amount: number; weightedAmount: number; items: Array<{ id: number }> }
let pipelineId: number;
let first: Stage;
let proposal: Stage;

beforeAll(async () => {
  t = await createTestApp({ clock });
  org = await createOrg(t);
  // A pipeline of its own, so that the board and forecast figures are exactly this file's deals.
  const created = await org.admin.post('/api/v1/pipelines', {
    name: '客户事件',
    stages: [
      { nameZh: '初步接触', nameEn: 'First contact', probability: 10 },
      { nameZh: '方案', nameEn: 'Proposal', probability: 50 },
      { nameZh: '赢单', nameEn: 'Won', probability: 100, kind: 'won' },
      { nameZh: '输单', nameEn: 'Lost', probability: 0, kind: 'lost' },
    ],
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  pipelineId = created.body.id;
  const [a, b] = created.body.stages as Stage[];
  if (!a || !b) throw new Error('stages');
  first = a;
  proposal = b;
}, 120_000);
afterAll(() => t.close());

async function customer(name: string): Promise<{ id: number; version: number }> {
  const res = await org.admin.post('/api/v1/customers', buildCustomer({ ownerId: org.ids.east1, name }));
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

async function deal(customerId: number, stageId: number, amount: number, name: string): Promise<{ id: number; version: number }> {
  const res = await org.as.east1.post('/api/v1/opportunities', { name, customerId, pipelineId, stageId, amount, expectedCloseDate: '2026-12-15' });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

const ids = (items: Array<{ id: number }>) => items.map((i) => i.id).sort((a, b) => a - b);

async function listed(query = ''): Promise<number[]> {
  return ids((await org.admin.get(`/api/v1/opportunities?pipelineId=${pipelineId}&pageSize=100${query}`)).body.items);
}

/**
 * The board's first two columns, from the kept figures and (amountMin=0 is a filter they cannot
 * answer) from the deals themselves: both must agree.
 */
async function board() {
  const figures = async (extra: string) => {
    const res = await org.admin.get(`/api/v1/opportunities/board?pipelineId=${pipelineId}${extra}`);
    expect(res.status).toBe(200);
    return (res.body.columns as Column[]).slice(0, 2).map((c) => ({ count: c.count, amount: c.amount, weighted: c.weightedAmount, cards: ids(c.items) }));
  };
  const kept = await figures('');
  expect(await figures('&amountMin=0')).toEqual(kept);
  return kept;
}

async function decemberPipeline(): Promise<{ pipeline: number; openCount: number }> {
  const res = await org.admin.get(`/api/v1/forecast?from=2026-12&to=2026-12&pipelineId=${pipelineId}`);
  expect(res.status).toBe(200);
  const [total] = res.body.totals as Array<{ pipeline: number; openCount: number }>;
  return { pipeline: total?.pipeline ?? 0, openCount: total?.openCount ?? 0 };
}

describe('a deleted customer takes its deals to the recycle bin, a restored one brings them back', () => {
  it('leaves the list, the board and the forecast, and returns except a deal deleted on its own before', async () => {
    const gone = await customer('将被删除的客户');
    const stays = await customer('留下的客户');
    const d1 = await deal(gone.id, first.id, 100_000_00, '随客户删除甲');
    const d2 = await deal(gone.id, proposal.id, 200_000_00, '随客户删除乙');
    const before = await deal(gone.id, first.id, 50_000_00, '早先单独删除');
    const other = await deal(stays.id, first.id, 400_000_00, '别的客户的商机');
    clock.advance(minute);
    expect((await org.as.east1.delete(`/api/v1/opportunities/${before.id}`)).status).toBe(204);

    expect(await listed()).toEqual(ids([d1, d2, other]));
    expect(await board()).toEqual([
      { count: 2, amount: 500_000_00, weighted: 50_000_00, cards: ids([d1, other]) },
      { count: 1, amount: 200_000_00, weighted: 100_000_00, cards: [d2.id] },
    ]);
    expect(await decemberPipeline()).toEqual({ pipeline: 700_000_00, openCount: 3 });

    clock.advance(minute);
    expect((await org.admin.delete(`/api/v1/customers/${gone.id}`)).status).toBe(204);
    expect(await listed()).toEqual([other.id]);
    expect(await listed(`&customerId=${gone.id}`)).toEqual([]);
    expect((await org.admin.get(`/api/v1/opportunities/${d1.id}`)).status).toBe(404);
    expect(await board()).toEqual([
      { count: 1, amount: 400_000_00, weighted: 40_000_00, cards: [other.id] },
      { count: 0, amount: 0, weighted: 0, cards: [] },
    ]);
    expect(await decemberPipeline()).toEqual({ pipeline: 400_000_00, openCount: 1 });
    // They wait in the recycle bin, under the deleted customer; alone they cannot come back.
    const bin = (await org.admin.get('/api/v1/recycle-bin?type=opportunity&pageSize=100')).body.items as Array<{ id: number; parentName: string | null }>;
    expect(bin.filter((i) => [d1.id, d2.id, before.id].includes(i.id)).map((i) => i.parentName)).toEqual(['将被删除的客户', '将被删除的客户', '将被删除的客户']);
    expect((await org.admin.post(`/api/v1/recycle-bin/opportunity/${d1.id}/restore`)).status).toBe(400);

    clock.advance(minute);
    expect((await org.admin.post(`/api/v1/recycle-bin/customer/${gone.id}/restore`)).status).toBe(204);
    expect(await listed()).toEqual(ids([d1, d2, other]));
    expect(await listed(`&customerId=${gone.id}`)).toEqual(ids([d1, d2]));
    expect((await org.admin.get(`/api/v1/opportunities/${before.id}`)).status).toBe(404);
    expect((await org.admin.get(`/api/v1/opportunities/${d1.id}`)).body).toMatchObject({ customerId: gone.id, version: d1.version + 1, updatedAt: clock.now().toISOString() });
    expect(await board()).toEqual([
      { count: 2, amount: 500_000_00, weighted: 50_000_00, cards: ids([d1, other]) },
      { count: 1, amount: 200_000_00, weighted: 100_000_00, cards: [d2.id] },
    ]);
    expect(await decemberPipeline()).toEqual({ pipeline: 700_000_00, openCount: 3 });
    // The one deleted before is still in the bin, and can now be restored on its own.
    expect((await org.admin.post(`/api/v1/recycle-bin/opportunity/${before.id}/restore`)).status).toBe(204);
    expect(await listed(`&customerId=${gone.id}`)).toEqual(ids([d1, d2, before]));

    // Clean up for the next test's figures.
    for (const d of [d1, d2, before, other]) expect((await org.admin.delete(`/api/v1/opportunities/${d.id}`)).status).toBe(204);
  });
});

describe('merged customers hand their deals and leads to the survivor', () => {
  it('moves live and deleted deals, converted and referred leads; the board does not change', async () => {
    const survivor = await customer('合并后保留的客户');
    const merged = await customer('被合并的客户');
    const own = await deal(survivor.id, first.id, 100_000_00, '保留客户的商机');
    const moving = await deal(merged.id, proposal.id, 200_000_00, '被合并客户的商机');
    const deleted = await deal(merged.id, first.id, 30_000_00, '被合并客户已删除的商机');
    expect((await org.as.east1.delete(`/api/v1/opportunities/${deleted.id}`)).status).toBe(204);

    const converted = (await org.admin.post('/api/v1/leads', { name: '转化到被合并客户', source: 'exhibition', mobile: '13900001234', ownerId: org.ids.east1 })).body;
    const conversion = await org.as.east1.post(`/api/v1/leads/${converted.id}/convert`, { version: converted.version, customer: { mode: 'existing', customerId: merged.id } });
    expect(conversion.status, JSON.stringify(conversion.body)).toBe(200);
    const referred = await org.admin.post('/api/v1/leads', { name: '被合并客户介绍的线索', source: 'exhibition', referrerCustomerId: merged.id, ownerId: org.ids.east1 });
    expect(referred.status, JSON.stringify(referred.body)).toBe(201);
    const boardBefore = await board();

    clock.advance(minute);
    const res = await org.admin.post('/api/v1/customers/merge', { survivorId: survivor.id, mergedIds: [merged.id], version: survivor.version });
    expect(res.status, JSON.stringify(res.body)).toBe(200);

    expect(await listed(`&customerId=${survivor.id}`)).toEqual(ids([own, moving]));
    expect(await listed(`&customerId=${merged.id}`)).toEqual([]);
    expect((await org.admin.get(`/api/v1/opportunities/${moving.id}`)).body).toMatchObject({
      customerId: survivor.id, customerName: '合并后保留的客户', version: moving.version + 1, updatedAt: clock.now().toISOString(),
    });
    expect(await board()).toEqual(boardBefore);
    // The deleted one went along: it is restorable under the survivor (its old customer is gone for good).
    expect((await org.admin.post(`/api/v1/recycle-bin/opportunity/${deleted.id}/restore`)).status).toBe(204);
    expect(await listed(`&customerId=${survivor.id}`)).toEqual(ids([own, moving, deleted]));

    const lead = (await org.admin.get(`/api/v1/leads/${converted.id}`)).body;
    expect(lead).toMatchObject({ status: 'converted', convertedCustomerId: survivor.id, version: conversion.body.lead.version + 1 });
    expect((await org.admin.get(`/api/v1/leads/${referred.body.id}`)).body).toMatchObject({ referrerCustomerId: survivor.id, referrerCustomerName: '合并后保留的客户' });
  });
});
