import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCustomer, createOrg, type Org } from '../../test/fixtures.js';
import { TestClock, createTestApp, type Agent, type TestApp } from '../../test/harness.js';

/** Deals through HTTP on a real database: defaults, moves, alerts, board, forecast, pipelines. */
let t: TestApp;
let org: Org;
const clock = new TestClock(new Date('2026-11-22T08:00:00Z'));
const hour = 3_600_000;

interface Stage { id: number; key: string | null; kind: string; probability: number; nameEn: string }
let stages: Record<string, Stage>;
let defaultPipelineId: number;

beforeAll(async () => {
  t = await createTestApp({ clock });
  org = await createOrg(t);
  const pipelines = (await org.admin.get('/api/v1/pipelines')).body.items as Array<{ id: number; isDefault: boolean; stages: Stage[] }>;
  const main = pipelines.find((p) => p.isDefault);
  if (!main) throw new Error('no default pipeline');
  defaultPipelineId = main.id;
  stages = Object.fromEntries(main.stages.map((s) => [s.key ?? String(s.id), s]));
}, 120_000);
afterAll(() => t.close());

async function customer(ownerId: number | null, name?: string): Promise<number> {
  const res = await org.admin.post('/api/v1/customers', buildCustomer({ ownerId, ...(name ? { name } : {}) }));
  if (res.status !== 201) throw new Error(JSON.stringify(res.body));
  return res.body.id;
}

async function deal(agent: Agent, body: Record<string, unknown>) {
  const res = await agent.post('/api/v1/opportunities', { name: '商机', amount: 100_000_00, expectedCloseDate: '2026-12-15', ...body });
  if (res.status !== 201) throw new Error(JSON.stringify(res.body));
  return res.body;
}

async function setManager(departmentId: number, managerId: number | null): Promise<void> {
  const current = (await org.admin.get(`/api/v1/departments/${departmentId}`)).body;
  const res = await org.admin.patch(`/api/v1/departments/${departmentId}`, { managerId, version: current.version });
  expect(res.status).toBe(200);
}

async function notices(agent: Agent, kind: string) {
  return ((await agent.get('/api/v1/notifications?pageSize=200')).body.items as Array<{ kind: string; entityId: number; message: string; params: Record<string, unknown> }>).filter((n) => n.kind === kind);
}

describe('creating a deal', () => {
  it('defaults: default pipeline, its first open stage, the caller as owner, the stage probability, CNY', async () => {
    const c = await customer(org.ids.east1);
    const res = await org.as.east1.post('/api/v1/opportunities', { name: '年度采购', customerId: c, amount: 250_000_00, expectedCloseDate: '2026-12-31' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      name: '年度采购', customerId: c, pipelineId: defaultPipelineId, stageId: stages.explore?.id, stageKey: 'explore', status: 'open',
      ownerId: org.ids.east1, ownerName: '张伟', amount: 250_000_00, currency: 'CNY', amountBase: 250_000_00, probability: 5,
      weightedAmount: 12_500_00, forecastCategory: 'pipeline', overdue: false, bigDeal: false, competitors: [], contacts: [],
      can: { edit: true, delete: true, assign: false }, version: 1,
    });
    expect(res.body.customerName).toMatch(/测试客户/);
    expect(res.body.stageEnteredAt).toBe(clock.now().toISOString());
  });

  it('converts the amount to the base currency with the rates of the settings', async () => {
    const c = await customer(org.ids.east1);
    expect((await deal(org.as.east1, { customerId: c, amount: 1000_00, currency: 'USD' })).amountBase).toBe(7100_00);
    expect((await deal(org.as.east1, { customerId: c, amount: 1_000_000, currency: 'JPY' })).amountBase).toBe(47_000);
    const noRate = await org.as.east1.post('/api/v1/opportunities', { name: 'x', customerId: c, amount: 100, currency: 'GBP', expectedCloseDate: '2026-12-01' });
    expect(noRate.status).toBe(400);
    expect(noRate.body.error.details).toEqual([{ path: 'currency', message: expect.any(String) }]);
    const settings = (await org.admin.get('/api/v1/settings/sales')).body;
    const { version, ...rest } = settings;
    expect((await org.admin.put('/api/v1/settings/sales', { ...rest, rates: { ...rest.rates, GBP: 9 }, version })).status).toBe(200);
    expect((await deal(org.as.east1, { customerId: c, amount: 100_00, currency: 'GBP' })).amountBase).toBe(900_00);
  });

  it('checks customer, stage, owner and contacts, all problems at once', async () => {
    const theirs = await customer(org.ids.north1);
    const res = await org.as.east1.post('/api/v1/opportunities', {
      name: 'x', customerId: theirs, amount: 1, expectedCloseDate: '2026-12-01', stageId: stages.won?.id, ownerId: org.ids.east2,
    });
    expect(res.status).toBe(400);
    expect(res.body.error.details.map((d: { path: string }) => d.path).sort()).toEqual(['customerId', 'ownerId', 'stageId']);
    const c = (await org.admin.post('/api/v1/customers', buildCustomer({ ownerId: org.ids.east1 }))).body.id;
    const other = (await org.admin.post('/api/v1/customers', buildCustomer({ ownerId: org.ids.east1 }))).body.id;
    const contact = (await org.admin.post('/api/v1/contacts', { customerId: other, name: '李四' })).body.id;
    const wrong = await org.as.east1.post('/api/v1/opportunities', { name: 'x', customerId: c, amount: 1, expectedCloseDate: '2026-12-01', contacts: [{ contactId: contact, role: 'user' }] });
    expect(wrong.body.error.details).toEqual([{ path: 'contacts.0.contactId', message: expect.any(String) }]);
    const mine = (await org.admin.post('/api/v1/contacts', { customerId: c, name: '王五' })).body.id;
    const ok = await deal(org.as.east1, { customerId: c, contacts: [{ contactId: mine, role: 'decision_maker' }] });
    expect((await org.as.east1.get(`/api/v1/opportunities/${ok.id}`)).body.contacts).toEqual([{ contactId: mine, name: '王五', role: 'decision_maker' }]);
  });

  it('puts the deal on the customer timeline', async () => {
    const c = await customer(org.ids.east1);
    const d = await deal(org.as.east1, { customerId: c, name: '上门演示' });
    const history = (await org.as.east1.get(`/api/v1/customers/${c}/history?entityType=opportunity`)).body.items;
    expect(history).toEqual([expect.objectContaining({ entityType: 'opportunity', entityId: d.id, action: 'create', label: '上门演示' })]);
  });
});

describe('moving a deal', () => {
  it('follows the stage probability, refuses a stale version with the current record', async () => {
    const c = await customer(org.ids.east1);
    const d = await deal(org.as.east1, { customerId: c });
    const moved = await org.as.east1.post(`/api/v1/opportunities/${d.id}/move`, { stageId: stages.needs?.id, version: d.version });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ stageKey: 'needs', probability: 30, status: 'open', version: 2 });
    const stale = await org.as.east1.post(`/api/v1/opportunities/${d.id}/move`, { stageId: stages.agreement?.id, version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.current).toMatchObject({ id: d.id, stageKey: 'needs', version: 2 });
    const history = (await org.as.east1.get(`/api/v1/customers/${c}/history?actions=stage_change`)).body.items;
    expect(history[0]).toMatchObject({ entityId: d.id, action: 'stage_change', changes: [{ field: 'stage', old: '探索客户 / Explore', new: '了解需求 / Understand needs' }] });
  });

  it('won needs the final amount; the deal closes today at 100 % and the customer has a deal date', async () => {
    const c = await customer(org.ids.east1);
    const d = await deal(org.as.east1, { customerId: c, expectedCloseDate: '2027-03-01' });
    const missing = await org.as.east1.post(`/api/v1/opportunities/${d.id}/move`, { stageId: stages.won?.id, version: 1 });
    expect(missing.status).toBe(400);
    expect(missing.body.error.details).toEqual([{ path: 'wonAmount', message: 'Enter the final amount of the won deal.' }]);
    const won = await org.as.east1.post(`/api/v1/opportunities/${d.id}/move`, { stageId: stages.won?.id, version: 1, wonAmount: 95_000_00 });
    expect(won.body).toMatchObject({ status: 'won', wonAmount: 95_000_00, closedOn: '2026-11-22', probability: 100, overdue: false });
    expect((await org.as.east1.get(`/api/v1/opportunities?forecastMonth=2026-11&customerId=${c}`)).body.items.map((o: { id: number }) => o.id)).toEqual([d.id]);
    expect((await org.as.east1.get(`/api/v1/customers/${c}`)).body.lastDealAt).toBe(clock.now().toISOString());
    const history = (await org.as.east1.get(`/api/v1/customers/${c}/history?actions=won`)).body.items;
    expect(history[0].changes).toContainEqual({ field: 'wonAmount', old: null, new: 95_000_00 });
  });

  it('lost needs an active reason; reopening clears what closing set', async () => {
    const c = await customer(org.ids.east1);
    const d = await deal(org.as.east1, { customerId: c });
    expect((await org.as.east1.post(`/api/v1/opportunities/${d.id}/move`, { stageId: stages.lost?.id, version: 1 })).body.error.details[0].path).toBe('lostReason');
    expect((await org.as.east1.post(`/api/v1/opportunities/${d.id}/move`, { stageId: stages.lost?.id, version: 1, lostReason: 'nonsense' })).body.error.details[0].path).toBe('lostReason');
    const lost = await org.as.east1.post(`/api/v1/opportunities/${d.id}/move`, { stageId: stages.lost?.id, version: 1, lostReason: 'price', lostNote: '贵了' });
    expect(lost.body).toMatchObject({ status: 'lost', lostReason: 'price', lostNote: '贵了', probability: 0, closedOn: '2026-11-22' });
    const reopened = await org.as.east1.post(`/api/v1/opportunities/${d.id}/move`, { stageId: stages.objections?.id, version: 2 });
    expect(reopened.body).toMatchObject({ status: 'open', lostReason: null, lostNote: null, closedOn: null, probability: 60, stageKey: 'objections' });
    const actions = (await org.as.east1.get(`/api/v1/customers/${c}/history?entityType=opportunity`)).body.items.map((h: { action: string }) => h.action);
    expect(actions).toEqual(['reopen', 'lost', 'create']);
  });

  it('a stage change through PATCH behaves like a move', async () => {
    const c = await customer(org.ids.east1);
    const d = await deal(org.as.east1, { customerId: c });
    const missing = await org.as.east1.patch(`/api/v1/opportunities/${d.id}`, { stageId: stages.won?.id, version: 1 });
    expect(missing.body.error.details[0].path).toBe('wonAmount');
    const won = await org.as.east1.patch(`/api/v1/opportunities/${d.id}`, { stageId: stages.won?.id, wonAmount: 1000, nextStep: '签合同', version: 1 });
    expect(won.body).toMatchObject({ status: 'won', wonAmount: 1000, probability: 100, nextStep: '签合同', version: 2 });
    const actions = (await org.as.east1.get(`/api/v1/customers/${c}/history?entityType=opportunity`)).body.items.map((h: { action: string }) => h.action);
    expect(actions.sort()).toEqual(['create', 'update', 'won']);
    expect((await org.as.east1.patch(`/api/v1/opportunities/${d.id}`, { name: 'y', version: 1 })).status).toBe(409);
  });

  it('an edit of amount or currency recomputes the base amount; the expected date moves an open deal in the forecast', async () => {
    const c = await customer(org.ids.east1);
    const d = await deal(org.as.east1, { customerId: c, amount: 100_00 });
    const res = await org.as.east1.patch(`/api/v1/opportunities/${d.id}`, { currency: 'EUR', expectedCloseDate: '2027-01-10', version: 1 });
    expect(res.body).toMatchObject({ amount: 100_00, currency: 'EUR', amountBase: 770_00, expectedCloseDate: '2027-01-10' });
    expect((await org.as.east1.get(`/api/v1/opportunities?forecastMonth=2027-01&customerId=${c}`)).body.total).toBe(1);
  });

  it('stage history: entered, left and whole hours in each stage (with the test clock)', async () => {
    const c = await customer(org.ids.east1);
    const d = await deal(org.as.east1, { customerId: c });
    clock.advance(5.5 * hour);
    await org.as.east1.post(`/api/v1/opportunities/${d.id}/move`, { stageId: stages.contact?.id, version: 1 });
    clock.advance(2 * hour + 59 * 60_000);
    const items = (await org.as.east1.get(`/api/v1/opportunities/${d.id}/stage-history`)).body.items;
    expect(items).toMatchObject([
      { stageId: stages.explore?.id, fromStageId: null, hours: 5, enteredByName: '张伟' },
      { stageId: stages.contact?.id, fromStageId: stages.explore?.id, hours: 2, leftAt: null },
    ]);
    expect(items[0].leftAt).toBe(items[1].enteredAt);
  });

  it('flags open deals whose expected close date has passed', async () => {
    const c = await customer(org.ids.east1);
    const late = await deal(org.as.east1, { customerId: c, expectedCloseDate: '2026-01-10' });
    const onTime = await deal(org.as.east1, { customerId: c, expectedCloseDate: '2030-01-10' });
    expect(late.overdue).toBe(true);
    expect(onTime.overdue).toBe(false);
    const overdue = (await org.as.east1.get(`/api/v1/opportunities?customerId=${c}&overdue=true`)).body.items.map((o: { id: number }) => o.id);
    expect(overdue).toEqual([late.id]);
    const won = await org.as.east1.post(`/api/v1/opportunities/${late.id}/move`, { stageId: stages.won?.id, version: 1, wonAmount: 1 });
    expect(won.body.overdue).toBe(false);
  });
});

describe('big-deal alerts', () => {
  const big = 2_000_000_00;

  it("go to the owner's department manager, up the tree when there is none, never to the owner or the actor", async () => {
    await setManager(org.ids.sales, org.ids.manager);
    await setManager(org.ids.east, null);
    const c = await customer(org.ids.east1);
    const first = await deal(org.as.east1, { customerId: c, name: '大单一', amount: big });
    expect(first.bigDeal).toBe(true);
    const toManager = await notices(org.as.manager, 'big_deal');
    expect(toManager.map((n) => n.entityId)).toContain(first.id);
    expect(toManager.find((n) => n.entityId === first.id)?.message).toBe('Big deal: 大单一 of 张伟, ¥2,000,000.00, is now in stage Explore.');

    await setManager(org.ids.east, org.ids.east2);
    const second = await deal(org.as.east1, { customerId: c, name: '大单二', amount: big });
    expect((await notices(org.as.east2, 'big_deal')).map((n) => n.entityId)).toEqual([second.id]);
    expect((await notices(org.as.manager, 'big_deal')).map((n) => n.entityId)).not.toContain(second.id);

    // The owner manages their own department: the alert goes to the next manager up.
    const own = await customer(org.ids.east2);
    const third = await deal(org.as.east2, { customerId: own, name: '大单三', amount: big });
    expect((await notices(org.as.east2, 'big_deal')).map((n) => n.entityId)).not.toContain(third.id);
    expect((await notices(org.as.manager, 'big_deal')).map((n) => n.entityId)).toContain(third.id);

    // A stage change alerts again; the manager moving it himself is not told.
    await setManager(org.ids.east, null);
    const before = (await notices(org.as.manager, 'big_deal')).length;
    await org.as.manager.post(`/api/v1/opportunities/${first.id}/move`, { stageId: stages.needs?.id, version: first.version });
    expect((await notices(org.as.manager, 'big_deal')).length).toBe(before);
    const moved = (await org.as.east1.get(`/api/v1/opportunities/${first.id}`)).body;
    await org.as.east1.post(`/api/v1/opportunities/${first.id}/move`, { stageId: stages.agreement?.id, version: moved.version });
    expect((await notices(org.as.manager, 'big_deal')).length).toBe(before + 1);

    // Small deals tell nobody.
    const small = await deal(org.as.east1, { customerId: c, amount: 100 });
    expect((await notices(org.as.manager, 'big_deal')).map((n) => n.entityId)).not.toContain(small.id);
    await setManager(org.ids.sales, null);
  });
});

describe('board and forecast', () => {
  let pipelineId: number;
  let ps: Stage[];

  beforeAll(async () => {
    // A pipeline of its own, so that the figures are exactly this data set's.
    const created = await org.admin.post('/api/v1/pipelines', {
      name: '项目型',
      stages: [
        { nameZh: '初步接触', nameEn: 'First contact', probability: 10 },
        { nameZh: '方案', nameEn: 'Proposal', probability: 50 },
        { nameZh: '赢单', nameEn: 'Won', probability: 100, kind: 'won' },
        { nameZh: '输单', nameEn: 'Lost', probability: 0, kind: 'lost' },
      ],
    });
    expect(created.status).toBe(201);
    pipelineId = created.body.id;
    ps = created.body.stages;
    const [first, proposal, won, lost] = ps;
    if (!first || !proposal || !won || !lost) throw new Error('stages');
    const ce = await customer(org.ids.east1, '华东客户');
    const ce2 = await customer(org.ids.east2);
    const cn = await customer(org.ids.north1, '华北客户');
    const make = async (agent: Agent, customerId: number, stageId: number, amount: number, date: string, extra: Record<string, unknown> = {}) =>
      deal(agent, { customerId, pipelineId, stageId, amount, expectedCloseDate: date, ...extra });
    // east1: December 2026: 100 000 at 10 % (pipeline), 200 000 at 50 % (commit), 50 000 omitted; January: 300 000 best case at 50 %.
    await make(org.as.east1, ce, first.id, 100_000_00, '2026-12-20', { name: 'A' });
    await make(org.as.east1, ce, proposal.id, 200_000_00, '2026-12-05', { name: 'B', forecastCategory: 'commit' });
    await make(org.as.east1, ce, first.id, 50_000_00, '2026-12-01', { name: 'C', forecastCategory: 'omitted' });
    await make(org.as.east1, ce, proposal.id, 300_000_00, '2027-01-15', { name: 'D', forecastCategory: 'best_case' });
    // east2: won this month (November 2026) for 80 000 (estimated 90 000); a lost one counts nowhere.
    const w = await make(org.as.east2, ce2, proposal.id, 90_000_00, '2027-02-01', { name: 'E' });
    await org.as.east2.post(`/api/v1/opportunities/${w.id}/move`, { stageId: won.id, version: 1, wonAmount: 80_000_00 });
    const l = await make(org.as.east2, ce2, proposal.id, 70_000_00, '2026-12-10', { name: 'F' });
    await org.as.east2.post(`/api/v1/opportunities/${l.id}/move`, { stageId: lost.id, version: 1, lostReason: 'timing' });
    // north1: December 2026: 400 000 at 10 %.
    await make(org.as.north1, cn, first.id, 400_000_00, '2026-12-31', { name: 'G' });
  });

  it('board: per active stage the count, sums and first cards by expected close date, with filters', async () => {
    const board = (await org.admin.get(`/api/v1/opportunities/board?pipelineId=${pipelineId}&perStage=2`)).body;
    expect(board.baseCurrency).toBe('CNY');
    expect(board.columns.map((c: { stage: Stage }) => c.stage.nameEn)).toEqual(['First contact', 'Proposal', 'Won', 'Lost']);
    const [first, proposal, won, lost] = board.columns;
    expect(first).toMatchObject({ count: 3, amount: 550_000_00, weightedAmount: 55_000_00 });
    expect(first.items.map((o: { name: string }) => o.name)).toEqual(['C', 'A']);
    expect(proposal).toMatchObject({ count: 2, amount: 500_000_00, weightedAmount: 250_000_00 });
    expect(proposal.items.map((o: { name: string }) => o.name)).toEqual(['B', 'D']);
    expect(won).toMatchObject({ count: 1, amount: 90_000_00, weightedAmount: 90_000_00 });
    expect(lost).toMatchObject({ count: 1, amount: 70_000_00, weightedAmount: 0 });

    const east = (await org.admin.get(`/api/v1/opportunities/board?pipelineId=${pipelineId}&departmentId=${org.ids.east}`)).body;
    expect(east.columns.map((c: { count: number }) => c.count)).toEqual([2, 2, 1, 1]);
    const north = (await org.admin.get(`/api/v1/opportunities/board?pipelineId=${pipelineId}&departmentId=${org.ids.north}`)).body;
    expect(north.columns.map((c: { count: number }) => c.count)).toEqual([1, 0, 0, 0]);
    const filtered = (await org.admin.get(`/api/v1/opportunities/board?pipelineId=${pipelineId}&amountMin=${150_000_00}&closeTo=2026-12-31`)).body;
    expect(filtered.columns.map((c: { count: number }) => c.count)).toEqual([1, 1, 0, 0]);
    const searched = (await org.admin.get(`/api/v1/opportunities/board?pipelineId=${pipelineId}&q=${encodeURIComponent('华北')}`)).body;
    expect(searched.columns[0].items.map((o: { name: string }) => o.name)).toEqual(['G']);
    // A salesperson's board is their own deals.
    const mine = (await org.as.east1.get(`/api/v1/opportunities/board?pipelineId=${pipelineId}`)).body;
    expect(mine.columns.map((c: { count: number }) => c.count)).toEqual([2, 2, 0, 0]);
  });

  it('forecast by owner: pipeline, weighted, best case, commit and won per month', async () => {
    const res = await org.admin.get(`/api/v1/forecast?from=2026-11&to=2027-01&pipelineId=${pipelineId}`);
    expect(res.status).toBe(200);
    expect(res.body.months).toEqual(['2026-11', '2026-12', '2027-01']);
    const row = (month: string, ownerId: number) => res.body.rows.find((r: { month: string; groupId: number }) => r.month === month && r.groupId === ownerId);
    expect(row('2026-11', org.ids.east2)).toMatchObject({ groupName: '刘芳', pipeline: 0, weighted: 0, won: 80_000_00, wonCount: 1, openCount: 0 });
    expect(row('2026-12', org.ids.east1)).toMatchObject({ pipeline: 300_000_00, weighted: 110_000_00, bestCase: 200_000_00, commit: 200_000_00, won: 0, openCount: 2 });
    expect(row('2027-01', org.ids.east1)).toMatchObject({ pipeline: 300_000_00, weighted: 150_000_00, bestCase: 300_000_00, commit: 0 });
    expect(row('2026-12', org.ids.north1)).toMatchObject({ pipeline: 400_000_00, weighted: 40_000_00 });
    expect(res.body.totals).toEqual([
      { month: '2026-11', pipeline: 0, weighted: 0, bestCase: 0, commit: 0, won: 80_000_00, openCount: 0, wonCount: 1 },
      { month: '2026-12', pipeline: 700_000_00, weighted: 150_000_00, bestCase: 200_000_00, commit: 200_000_00, won: 0, openCount: 3, wonCount: 0 },
      { month: '2027-01', pipeline: 300_000_00, weighted: 150_000_00, bestCase: 300_000_00, commit: 0, won: 0, openCount: 1, wonCount: 0 },
    ]);
  });

  it('forecast by department, and for one department', async () => {
    const res = await org.admin.get(`/api/v1/forecast?from=2026-12&to=2026-12&pipelineId=${pipelineId}&groupBy=department`);
    expect(res.body.rows).toEqual([
      { month: '2026-12', groupId: org.ids.east, groupName: '华东组', pipeline: 300_000_00, weighted: 110_000_00, bestCase: 200_000_00, commit: 200_000_00, won: 0, openCount: 2, wonCount: 0 },
      { month: '2026-12', groupId: org.ids.north, groupName: '华北组', pipeline: 400_000_00, weighted: 40_000_00, bestCase: 0, commit: 0, won: 0, openCount: 1, wonCount: 0 },
    ]);
    const east = await org.admin.get(`/api/v1/forecast?from=2026-12&to=2026-12&pipelineId=${pipelineId}&departmentId=${org.ids.east}`);
    expect(east.body.rows.map((r: { groupId: number }) => r.groupId)).toEqual([org.ids.east1]);
  });

  it('drill-down: the list filtered by forecast month shows the deals of that month', async () => {
    const res = await org.admin.get(`/api/v1/opportunities?pipelineId=${pipelineId}&forecastMonth=2026-12&status=open&sort=name`);
    expect(res.body.items.map((o: { name: string }) => o.name)).toEqual(['A', 'B', 'C', 'G']);
  });

  it('refuses more than 24 months and months that are not months', async () => {
    expect((await org.admin.get('/api/v1/forecast?from=2026-01&to=2028-01')).body.error.details).toEqual([{ path: 'to', message: expect.any(String) }]);
    expect((await org.admin.get('/api/v1/forecast?from=2026-05&to=2026-04')).status).toBe(400);
    expect((await org.admin.get('/api/v1/forecast?from=2026-13&to=2027-01')).body.error.details[0].path).toBe('from');
    expect((await org.admin.get('/api/v1/forecast?from=2026-01&to=2027-12')).status).toBe(200);
  });
});

describe('pipelines', () => {
  const stageSet = [
    { nameZh: '甲', nameEn: 'A', probability: 10 },
    { nameZh: '乙', nameEn: 'B', probability: 40 },
    { nameZh: '赢', nameEn: 'Won', probability: 100, kind: 'won' },
    { nameZh: '输', nameEn: 'Lost', probability: 0, kind: 'lost' },
  ];

  it('need exactly one won and one lost stage', async () => {
    const res = await org.admin.post('/api/v1/pipelines', { name: 'bad', stages: stageSet.map((s) => ({ ...s, kind: 'open' })) });
    expect(res.status).toBe(400);
    expect(res.body.error.details).toEqual([{ path: 'stages', message: expect.any(String) }]);
  });

  it('a stage left out is deactivated, refused while it holds open deals; kinds stay while deals sit in a stage', async () => {
    const p = (await org.admin.post('/api/v1/pipelines', { name: '测试流程', stages: stageSet })).body;
    const [a, b, won, lost] = p.stages;
    const c = await customer(org.ids.east1);
    const d = await deal(org.as.east1, { customerId: c, pipelineId: p.id, stageId: b.id });
    const keep = (s: { id: number; nameZh: string; nameEn: string; probability: number; kind: string }) => ({ id: s.id, nameZh: s.nameZh, nameEn: s.nameEn, probability: s.probability, kind: s.kind });
    const refused = await org.admin.patch(`/api/v1/pipelines/${p.id}`, { stages: [keep(a), keep(won), keep(lost)], version: p.version });
    expect(refused.body.error.details).toEqual([{ path: 'stages', message: expect.any(String) }]);
    const kind = await org.admin.patch(`/api/v1/pipelines/${p.id}`, { stages: [keep(a), { ...keep(b), kind: 'won' }, keep(lost)], version: p.version });
    expect(kind.body.error.details).toContainEqual({ path: 'stages.1.kind', message: expect.any(String) });
    const foreign = await org.admin.patch(`/api/v1/pipelines/${p.id}`, { stages: [{ ...keep(a), id: stages.explore?.id }, keep(b), keep(won), keep(lost)], version: p.version });
    expect(foreign.body.error.details).toEqual([{ path: 'stages.0.id', message: expect.any(String) }]);

    const renamed = await org.admin.patch(`/api/v1/pipelines/${p.id}`, {
      stages: [keep(b), { nameZh: '丙', nameEn: 'C', probability: 70 }, { ...keep(won), nameEn: 'Signed' }, keep(lost)],
      version: p.version,
    });
    expect(renamed.status).toBe(200);
    expect(renamed.body.stages.map((s: { nameEn: string; active: boolean }) => `${s.nameEn}:${s.active}`)).toEqual(['B:true', 'C:true', 'Signed:true', 'Lost:true', 'A:false']);
    // The deal keeps its stage; the board shows the active stages only.
    const board = (await org.admin.get(`/api/v1/opportunities/board?pipelineId=${p.id}`)).body;
    expect(board.columns.map((col: { stage: { nameEn: string } }) => col.stage.nameEn)).toEqual(['B', 'C', 'Signed', 'Lost']);
    expect(board.columns[0].items.map((o: { id: number }) => o.id)).toEqual([d.id]);
    expect((await org.admin.patch(`/api/v1/pipelines/${p.id}`, { name: 'x', version: p.version })).status).toBe(409);
  });

  it('one default pipeline, always active', async () => {
    const p = (await org.admin.post('/api/v1/pipelines', { name: '新默认', stages: stageSet, isDefault: true })).body;
    let items = (await org.admin.get('/api/v1/pipelines')).body.items as Array<{ id: number; isDefault: boolean; version: number }>;
    expect(items.filter((i) => i.isDefault).map((i) => i.id)).toEqual([p.id]);
    expect((await org.admin.patch(`/api/v1/pipelines/${p.id}`, { active: false, version: p.version })).body.error.details[0].path).toBe('active');
    expect((await org.admin.patch(`/api/v1/pipelines/${p.id}`, { isDefault: false, version: p.version })).body.error.details[0].path).toBe('isDefault');
    // A new deal without a pipeline goes to the new default's first stage.
    const c = await customer(org.ids.east1);
    expect((await deal(org.as.east1, { customerId: c })).pipelineId).toBe(p.id);
    const old = items.find((i) => i.id === defaultPipelineId);
    if (!old) throw new Error('old default');
    expect((await org.admin.patch(`/api/v1/pipelines/${defaultPipelineId}`, { isDefault: true, version: old.version })).status).toBe(200);
    items = (await org.admin.get('/api/v1/pipelines')).body.items;
    expect(items.filter((i) => i.isDefault).map((i) => i.id)).toEqual([defaultPipelineId]);
  });
});

describe('transfer, delete and the recycle bin', () => {
  it('transfer: all or none, the new owner is notified and the customer timeline says so', async () => {
    const c = await customer(org.ids.east1);
    const a = await deal(org.as.east1, { customerId: c, name: '转一' });
    const b = await deal(org.as.east1, { customerId: c, name: '转二' });
    const north = await deal(org.as.north1, { customerId: await customer(org.ids.north1) });
    const refused = await org.as.manager.post('/api/v1/opportunities/transfer', { opportunityIds: [a.id, 999_999], ownerId: org.ids.east2 });
    expect(refused.body.error.details).toEqual([{ path: 'opportunityIds.1', message: 'No such deal.' }]);
    expect((await org.as.east1.get(`/api/v1/opportunities/${a.id}`)).body.ownerId).toBe(org.ids.east1);
    const res = await org.as.manager.post('/api/v1/opportunities/transfer', { opportunityIds: [a.id, b.id], ownerId: org.ids.east2 });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ moved: 2 });
    expect((await org.as.east2.get(`/api/v1/opportunities/${a.id}`)).body.ownerId).toBe(org.ids.east2);
    expect((await org.as.east1.get(`/api/v1/opportunities/${a.id}`)).status).toBe(404);
    const told = await notices(org.as.east2, 'opportunity_assigned');
    expect(told.map((n) => n.entityId).sort()).toEqual([a.id, b.id].sort());
    expect(told[0]?.message).toMatch(/^王经理 gave you the deal 转/);
    expect((await org.admin.get(`/api/v1/customers/${c}/history?actions=assign`)).body.items).toHaveLength(2);
    expect((await org.admin.post('/api/v1/opportunities/transfer', { opportunityIds: [north.id], ownerId: 999_999 })).body.error.details[0].path).toBe('ownerId');
  });

  it('delete, restore and purge through the recycle bin', async () => {
    const c = await customer(org.ids.east1);
    const d = await deal(org.as.east1, { customerId: c, name: '待删除商机' });
    expect((await org.as.east1.delete(`/api/v1/opportunities/${d.id}`)).status).toBe(204);
    expect((await org.as.east1.get(`/api/v1/opportunities/${d.id}`)).status).toBe(404);
    expect((await org.as.east1.get(`/api/v1/opportunities?customerId=${c}`)).body.total).toBe(0);
    const bin = (await org.admin.get('/api/v1/recycle-bin?type=opportunity')).body.items;
    expect(bin).toContainEqual(expect.objectContaining({ type: 'opportunity', id: d.id, name: '待删除商机', deletedByName: '张伟' }));
    expect((await org.admin.post(`/api/v1/recycle-bin/opportunity/${d.id}/restore`)).status).toBe(204);
    expect((await org.as.east1.get(`/api/v1/opportunities/${d.id}`)).body.version).toBe(2);
    const actions = (await org.admin.get(`/api/v1/customers/${c}/history?entityType=opportunity`)).body.items.map((h: { action: string }) => h.action);
    expect(actions).toEqual(['restore', 'delete', 'create']);
    await org.as.east1.delete(`/api/v1/opportunities/${d.id}`);
    expect((await org.admin.delete(`/api/v1/recycle-bin/opportunity/${d.id}`)).status).toBe(204);
    expect((await org.admin.post(`/api/v1/recycle-bin/opportunity/${d.id}/restore`)).status).toBe(404);
  });

  it('a deal whose customer is deleted comes back only after its customer', async () => {
    const c = await customer(org.ids.east1);
    const d = await deal(org.as.east1, { customerId: c });
    await org.as.east1.delete(`/api/v1/opportunities/${d.id}`);
    await org.admin.delete(`/api/v1/customers/${c}`);
    expect((await org.admin.post(`/api/v1/recycle-bin/opportunity/${d.id}/restore`)).status).toBe(400);
    // Erasing the customer erases its deals.
    expect((await org.admin.delete(`/api/v1/recycle-bin/customer/${c}`)).status).toBe(204);
    expect((await org.admin.get('/api/v1/recycle-bin?type=opportunity&pageSize=200')).body.items.map((i: { id: number }) => i.id)).not.toContain(d.id);
  });
});

describe('sales settings', () => {
  it('have the defaults, are read by everyone, written with a version', async () => {
    const res = await org.as.reader.get('/api/v1/settings/sales');
    expect(res.status).toBe(200);
    expect(res.body.lostReasons.map((r: { key: string }) => r.key)).toEqual(['price', 'competitor', 'no_budget', 'no_decision', 'timing', 'product_fit', 'lost_contact', 'other']);
    expect(res.body.baseCurrency).toBe('CNY');
    expect(res.body.bigDealAmount).toBe(100_000_000);
    const current = (await org.admin.get('/api/v1/settings/sales')).body;
    const { version, ...rest } = current;
    expect((await org.admin.put('/api/v1/settings/sales', { ...rest, version: version + 5 })).status).toBe(409);
    const saved = await org.admin.put('/api/v1/settings/sales', { ...rest, bigDealAmount: null, version });
    expect(saved.body).toMatchObject({ bigDealAmount: null, version: version + 1 });
    expect((await org.admin.put('/api/v1/settings/sales', { ...rest, version: version + 1 })).status).toBe(200);
  });
});

describe('board figures kept per stage and owner', () => {
  const figures = (board: { columns: Array<{ stage: { id: number }; count: number; amount: number; weightedAmount: number }> }) =>
    board.columns.map((c) => ({ stage: c.stage.id, count: c.count, amount: c.amount, weighted: c.weightedAmount }));

  it('agree with the deals after every kind of write (the live query answers when a filter needs it)', async () => {
    // Everything above wrote deals: creates, moves, edits, transfers, deletes, restores, purges.
    for (const who of ['admin', 'manager', 'east1'] as const) {
      const agent = who === 'admin' ? org.admin : org.as[who];
      for (const pipeline of (await org.admin.get('/api/v1/pipelines')).body.items as Array<{ id: number }>) {
        const kept = (await agent.get(`/api/v1/opportunities/board?pipelineId=${pipeline.id}`)).body;
        const live = (await agent.get(`/api/v1/opportunities/board?pipelineId=${pipeline.id}&amountMin=0`)).body;
        expect(figures(kept), `${who} ${pipeline.id}`).toEqual(figures(live));
      }
    }
    const kept = (await org.admin.get(`/api/v1/opportunities/board?departmentId=${org.ids.east}`)).body;
    const live = (await org.admin.get(`/api/v1/opportunities/board?departmentId=${org.ids.east}&amountMin=0`)).body;
    expect(figures(kept)).toEqual(figures(live));
    expect(figures(kept).some((f) => f.count > 0)).toBe(true);
  });

  it('are rebuilt when deals arrive without them (a bulk load)', async () => {
    const c = await customer(org.ids.east1);
    const before = (await org.admin.get('/api/v1/opportunities/board')).body;
    const at = clock.now().toISOString();
    await t.ctx.db
      .insertInto('opportunities')
      .values({
        name: '批量导入', customer_id: c, pipeline_id: defaultPipelineId, stage_id: stages.explore?.id ?? 0, status: 'open', owner_id: org.ids.east1,
        amount: 500, currency: 'CNY', amount_base: 500, probability: 5, expected_close_date: '2027-01-01', forecast_category: 'pipeline', forecast_month: '2027-01',
        source: null, lead_id: null, competitors: '[]', next_step: null, description: null, won_amount: null, won_amount_base: null, lost_reason: null, lost_note: null,
        closed_on: null, stage_entered_at: at, search: '', deleted_at: null, deleted_by: null, version: 1, created_at: at, updated_at: at, created_by: null, updated_by: null,
      })
      .execute();
    const after = (await org.admin.get('/api/v1/opportunities/board')).body;
    expect(after.columns[0].count).toBe(before.columns[0].count + 1);
    expect(after.columns[0].amount).toBe(before.columns[0].amount + 500);
  });
});
