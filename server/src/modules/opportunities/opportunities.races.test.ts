import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCustomer } from '../../test/fixtures.js';
import { createTestApp, type Agent, type TestApp } from '../../test/harness.js';

/** Stage moves, edits, deletes and restores of one deal sent at the same time (PostgreSQL runs them at once). */
let t: TestApp;
let admin: Agent;
let customerId: number;
let pipelineId: number;
let openStages: number[];

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login();
  customerId = (await admin.post('/api/v1/customers', buildCustomer({ ownerId: null }))).body.id;
  const pipeline = (await admin.get('/api/v1/pipelines')).body.items.find((p: { isDefault: boolean }) => p.isDefault);
  pipelineId = pipeline.id;
  openStages = pipeline.stages.filter((s: { kind: string }) => s.kind === 'open').map((s: { id: number }) => s.id);
}, 120_000);
afterAll(() => t.close());

async function deal(): Promise<{ id: number; version: number; stageId: number }> {
  const res = await admin.post('/api/v1/opportunities', { name: '并发商机', customerId, amount: 1_000_000, expectedCloseDate: '2027-06-30' });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}
/** The board's count per stage, which the server keeps as running totals. */
async function boardCounts(): Promise<Record<number, number>> {
  const board = (await admin.get(`/api/v1/opportunities/board?pipelineId=${pipelineId}`)).body;
  return Object.fromEntries(board.columns.map((c: { stage: { id: number }; count: number }) => [c.stage.id, c.count]));
}
/** The same counts from the deals themselves. */
async function listedCounts(): Promise<Record<number, number>> {
  const out: Record<number, number> = {};
  for (const stageId of Object.keys(await boardCounts()).map(Number)) {
    out[stageId] = (await admin.get(`/api/v1/opportunities?pipelineId=${pipelineId}&stageId=${stageId}&pageSize=1`)).body.total;
  }
  return out;
}

describe('parallel writes of one deal', () => {
  it('ten stage moves with the same version: one moves it, the others answer 409 with the moved deal', async () => {
    const d = await deal();
    const targets = openStages.filter((s) => s !== d.stageId);
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) => admin.post(`/api/v1/opportunities/${d.id}/move`, { stageId: targets[i % targets.length], version: d.version })),
    );
    const moved = answers.filter((r) => r.status === 200);
    expect(moved, JSON.stringify(answers.map((r) => r.status))).toHaveLength(1);
    const lost = answers.filter((r) => r.status === 409);
    expect(lost).toHaveLength(9);
    const stageId = moved[0]?.body.stageId as number;
    for (const r of lost) expect(r.body.error.current).toMatchObject({ id: d.id, version: d.version + 1, stageId });
    const history = (await admin.get(`/api/v1/opportunities/${d.id}/stage-history`)).body.items;
    expect(history.map((h: { stageId: number }) => h.stageId).sort()).toEqual([d.stageId, stageId].sort());
    expect(await boardCounts()).toEqual(await listedCounts());
  });

  it('ten edits with the same version: one is saved, the others answer 409 with the saved deal', async () => {
    const d = await deal();
    const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => admin.patch(`/api/v1/opportunities/${d.id}`, { version: d.version, amount: 2_000_000 + i })));
    const saved = answers.filter((r) => r.status === 200);
    expect(saved).toHaveLength(1);
    const lost = answers.filter((r) => r.status === 409);
    expect(lost).toHaveLength(9);
    for (const r of lost) expect(r.body.error.current).toMatchObject({ version: d.version + 1, amount: saved[0]?.body.amount });
  });

  it('deals created on B while B is merged into A all end under A, or are refused', async () => {
    const a = (await admin.post('/api/v1/customers', buildCustomer({ ownerId: null }))).body;
    const b = (await admin.post('/api/v1/customers', buildCustomer({ ownerId: null }))).body;
    const [merge, ...creates] = await Promise.all([
      admin.post('/api/v1/customers/merge', { survivorId: a.id, mergedIds: [b.id], version: a.version }),
      ...Array.from({ length: 10 }, () => admin.post('/api/v1/opportunities', { name: '合并中的商机', customerId: b.id, amount: 1000, expectedCloseDate: '2027-06-30' })),
    ]);
    expect(merge?.status).toBe(200);
    const created = creates.filter((r) => r.status === 201).map((r) => r.body.id as number);
    for (const refused of creates.filter((r) => r.status !== 201)) expect(refused.body.error.details, JSON.stringify(refused.body)).toEqual([{ path: 'customerId', message: expect.any(String) }]);
    const underA = (await admin.get(`/api/v1/opportunities?customerId=${a.id}&pageSize=50`)).body.items.map((o: { id: number }) => o.id);
    expect(underA.sort()).toEqual(created.sort());
  });

  it('ten deletes, then ten restores at once: each happens once and the board counts stay true', async () => {
    const d = await deal();
    const deletes = (await Promise.all(Array.from({ length: 10 }, () => admin.delete(`/api/v1/opportunities/${d.id}`)))).map((r) => r.status);
    expect(deletes.filter((s) => s === 204), JSON.stringify(deletes)).toHaveLength(1);
    expect(deletes.filter((s) => s === 404)).toHaveLength(9);
    expect(await boardCounts()).toEqual(await listedCounts());
    const restores = (await Promise.all(Array.from({ length: 10 }, () => admin.post(`/api/v1/recycle-bin/opportunity/${d.id}/restore`)))).map((r) => r.status);
    expect(restores.filter((s) => s === 204), JSON.stringify(restores)).toHaveLength(1);
    expect(restores.filter((s) => s === 404)).toHaveLength(9);
    expect(await boardCounts()).toEqual(await listedCounts());
    expect((await admin.get(`/api/v1/opportunities/${d.id}`)).body.version).toBe(d.version + 1);
  });
});
