import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCustomer } from '../../test/fixtures.js';
import { createTestApp, type Agent, type TestApp } from '../../test/harness.js';

/**
 * Every write endpoint of deals, pipelines and the sales settings refuses bad input with a
 * field-level message, changes nothing and never answers 500; so do the queries.
 */
let t: TestApp;
let admin: Agent;
const ids: Record<string, number> = {};
let stages: Array<{ id: number; kind: string; nameZh: string; nameEn: string; probability: number }>;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login();
  ids.customer = (await admin.post('/api/v1/customers', buildCustomer({ name: '坏输入客户' }))).body.id;
  ids.deal = (await admin.post('/api/v1/opportunities', { name: '坏输入商机', customerId: ids.customer, amount: 100, expectedCloseDate: '2026-12-01' })).body.id;
  const pipeline = ((await admin.get('/api/v1/pipelines')).body.items as Array<{ id: number; stages: typeof stages }>)[0];
  if (!pipeline) throw new Error('no pipeline');
  ids.pipeline = pipeline.id;
  stages = pipeline.stages;
  const role = (await admin.post('/api/v1/roles', { key: 'bad_input', name: '坏输入角色' })).body.id;
  ids.inactive = (await admin.post('/api/v1/users', { email: 'gone@example.com', name: '离职', password: 'test-password-2026', roleId: role })).body.id;
  const user = (await admin.get(`/api/v1/users/${ids.inactive}`)).body;
  await admin.patch(`/api/v1/users/${ids.inactive}`, { active: false, version: user.version });
});
afterAll(() => t.close());

const long = 'x'.repeat(5000);
const stageSet = [
  { nameZh: '甲', nameEn: 'A', probability: 10 },
  { nameZh: '赢', nameEn: 'Won', probability: 100, kind: 'won' },
  { nameZh: '输', nameEn: 'Lost', probability: 0, kind: 'lost' },
];
async function settingsBody() {
  const { version, ...rest } = (await admin.get('/api/v1/settings/sales')).body;
  return { ...rest, version };
}

const writes: Array<{ name: string; method: 'POST' | 'PATCH' | 'PUT'; url: () => string; wrongType: () => unknown; wrongPath: string; tooLong: () => Promise<unknown> | unknown; longPath: string; read: () => string }> = [
  {
    name: 'create deal', method: 'POST', url: () => '/api/v1/opportunities',
    wrongType: () => ({ name: 'x', customerId: 'one', amount: 1, expectedCloseDate: '2026-12-01' }), wrongPath: 'customerId',
    tooLong: () => ({ name: long, customerId: ids.customer, amount: 1, expectedCloseDate: '2026-12-01' }), longPath: 'name', read: () => '/api/v1/opportunities?pageSize=200',
  },
  {
    name: 'update deal', method: 'PATCH', url: () => `/api/v1/opportunities/${ids.deal}`,
    wrongType: () => ({ version: 1, amount: 'lots' }), wrongPath: 'amount', tooLong: () => ({ version: 1, nextStep: long }), longPath: 'nextStep', read: () => `/api/v1/opportunities/${ids.deal}`,
  },
  {
    name: 'move deal', method: 'POST', url: () => `/api/v1/opportunities/${ids.deal}/move`,
    wrongType: () => ({ stageId: 'next', version: 1 }), wrongPath: 'stageId', tooLong: () => ({ stageId: stages[1]?.id, version: 1, lostNote: long }), longPath: 'lostNote', read: () => `/api/v1/opportunities/${ids.deal}`,
  },
  {
    name: 'transfer deals', method: 'POST', url: () => '/api/v1/opportunities/transfer',
    wrongType: () => ({ opportunityIds: String(ids.deal), ownerId: 1 }), wrongPath: 'opportunityIds',
    tooLong: () => ({ opportunityIds: Array.from({ length: 501 }, (_, i) => i + 1), ownerId: 1 }), longPath: 'opportunityIds', read: () => `/api/v1/opportunities/${ids.deal}`,
  },
  {
    name: 'create pipeline', method: 'POST', url: () => '/api/v1/pipelines',
    wrongType: () => ({ name: 'p', stages: 'a,b,c' }), wrongPath: 'stages', tooLong: () => ({ name: long, stages: stageSet }), longPath: 'name', read: () => '/api/v1/pipelines',
  },
  {
    name: 'update pipeline', method: 'PATCH', url: () => `/api/v1/pipelines/${ids.pipeline}`,
    wrongType: () => ({ version: 1, isDefault: 'yes' }), wrongPath: 'isDefault', tooLong: () => ({ version: 1, name: long }), longPath: 'name', read: () => '/api/v1/pipelines',
  },
  {
    name: 'sales settings', method: 'PUT', url: () => '/api/v1/settings/sales',
    wrongType: () => ({ lostReasons: 'price', bigDealAmount: 1, baseCurrency: 'CNY', rates: {}, version: 0 }), wrongPath: 'lostReasons',
    tooLong: async () => ({ ...(await settingsBody()), lostReasons: [{ key: 'price', labelZh: long, labelEn: 'Price' }] }), longPath: 'lostReasons.0.labelZh', read: () => '/api/v1/settings/sales',
  },
];

describe('bad input on every write endpoint', () => {
  for (const w of writes) {
    it(w.name, async () => {
      const before = await admin.get(w.read());
      const send = (body: unknown) => admin.request(w.method, w.url(), body);

      const malformed = await send('{"name": ');
      expect(malformed.status).toBe(400);
      expect(malformed.body.error.code).toBe('BAD_REQUEST');

      const wrongType = await send(w.wrongType());
      expect(wrongType.status).toBe(400);
      expect(wrongType.body.error.code).toBe('VALIDATION_FAILED');
      expect(wrongType.body.error.details.map((d: { path: string }) => d.path)).toContain(w.wrongPath);

      const unknown = await send({ ...((await w.tooLong()) as object), sneaky: true });
      expect(unknown.status).toBe(400);
      expect(unknown.body.error.details.map((d: { path: string }) => d.path)).toEqual(expect.arrayContaining(['sneaky', w.longPath]));

      expect((await send([1, 2, 3])).status).toBe(400);
      const huge = await send({ name: 'y'.repeat(1024 * 1024 + 10) });
      expect(huge.status).toBe(413);

      const after = await admin.get(w.read());
      expect(after.body).toEqual(before.body);
    });
  }
});

describe('rules of the domain: a field-level 400, nothing changed', () => {
  async function unchanged(url: string, run: () => Promise<{ status: number; body: { error: { details: Array<{ path: string }> } } }>, paths: string[]) {
    const before = (await admin.get(url)).body;
    const res = await run();
    expect(res.status).toBe(400);
    expect([...new Set(res.body.error.details.map((d) => d.path))].sort()).toEqual([...paths].sort());
    expect((await admin.get(url)).body).toEqual(before);
  }
  const deal = () => `/api/v1/opportunities/${ids.deal}`;
  const won = () => stages.find((s) => s.kind === 'won')?.id;
  const lost = () => stages.find((s) => s.kind === 'lost')?.id;

  it('deals', async () => {
    await unchanged('/api/v1/opportunities?pageSize=200', () => admin.post('/api/v1/opportunities', { name: 'x', customerId: 999_999, amount: 1, currency: 'XYZ', expectedCloseDate: '2026-12-01', ownerId: ids.inactive }), ['currency', 'customerId', 'ownerId']);
    await unchanged('/api/v1/opportunities?pageSize=200', () => admin.post('/api/v1/opportunities', { name: 'x', customerId: ids.customer, amount: 1, expectedCloseDate: '2026-02-30x' }), ['expectedCloseDate']);
    await unchanged('/api/v1/opportunities?pageSize=200', () => admin.post('/api/v1/opportunities', { name: 'x', customerId: ids.customer, amount: -1, probability: 101, expectedCloseDate: '2026-12-01', forecastCategory: 'maybe', contacts: [{ contactId: 1, role: 'boss' }] }), ['amount', 'probability', 'forecastCategory', 'contacts.0.role']);
    await unchanged('/api/v1/opportunities?pageSize=200', () => admin.post('/api/v1/opportunities', { name: 'x', customerId: ids.customer, amount: 1, expectedCloseDate: '2026-12-01', pipelineId: 999_999 }), ['pipelineId']);
    await unchanged(deal(), () => admin.patch(deal(), { currency: 'XYZ', version: 1 }), ['currency']);
    await unchanged(deal(), () => admin.patch(deal(), { ownerId: ids.inactive, stageId: 999_999, version: 1 }), ['ownerId', 'stageId']);
    await unchanged(deal(), () => admin.post(`${deal()}/move`, { stageId: won(), version: 1 }), ['wonAmount']);
    await unchanged(deal(), () => admin.post(`${deal()}/move`, { stageId: lost(), version: 1, lostReason: 'moon_phase' }), ['lostReason']);
    await unchanged(deal(), () => admin.post(`${deal()}/move`, { stageId: 999_999, version: 1 }), ['stageId']);
    await unchanged(deal(), () => admin.post('/api/v1/opportunities/transfer', { opportunityIds: [ids.deal], ownerId: ids.inactive }), ['ownerId']);
    await unchanged(deal(), () => admin.post('/api/v1/opportunities/transfer', { opportunityIds: [ids.deal, 999_999], ownerId: 1 }), ['opportunityIds.1']);
  });

  it('pipelines', async () => {
    await unchanged('/api/v1/pipelines', () => admin.post('/api/v1/pipelines', { name: 'x', stages: [...stageSet, { nameZh: '又赢', nameEn: 'Won again', probability: 100, kind: 'won' }] }), ['stages']);
    await unchanged('/api/v1/pipelines', () => admin.post('/api/v1/pipelines', { name: 'x', stages: [{ ...stageSet[0], id: 5 }, ...stageSet.slice(1)] }), ['stages.0.id']);
    await unchanged('/api/v1/pipelines', () => admin.post('/api/v1/pipelines', { name: 'x', stages: [{ nameZh: '', nameEn: 'A', probability: 200 }, ...stageSet.slice(1)] }), ['stages.0.nameZh', 'stages.0.probability']);
    await unchanged('/api/v1/pipelines', () => admin.patch(`/api/v1/pipelines/${ids.pipeline}`, { stages: [{ ...stageSet[0], id: 999_999 }, ...stageSet.slice(1)], version: 1 }), ['stages.0.id', 'stages']);
    // ("stages": its first stage, left out, still holds the open deal.)
  });

  it('sales settings', async () => {
    const body = await settingsBody();
    await unchanged('/api/v1/settings/sales', () => admin.put('/api/v1/settings/sales', { ...body, lostReasons: [{ key: 'price', labelZh: '价', labelEn: 'P' }, { key: 'price', labelZh: '价', labelEn: 'P' }], rates: { CNY: 1, usd: 7 } }), ['rates.usd']);
    await unchanged('/api/v1/settings/sales', () => admin.put('/api/v1/settings/sales', { ...body, lostReasons: [{ key: 'price', labelZh: '价', labelEn: 'P' }, { key: 'price', labelZh: '价', labelEn: 'P' }], rates: { CNY: 1 } }), ['lostReasons.1.key', 'rates.CNY']);
    await unchanged('/api/v1/settings/sales', () => admin.put('/api/v1/settings/sales', { ...body, lostReasons: [], bigDealAmount: 0, baseCurrency: 'yuan', rates: { USD: -1 } }), ['lostReasons', 'bigDealAmount', 'baseCurrency', 'rates.USD']);
  });
});

describe('queries', () => {
  it('bad ids, filters and ranges are 400 or 404, never 500', async () => {
    const cases: Array<[string, number]> = [
      ['/api/v1/opportunities/abc', 400],
      ['/api/v1/opportunities/999999', 404],
      ['/api/v1/opportunities/999999/stage-history', 404],
      ['/api/v1/opportunities?sort=password', 400],
      ['/api/v1/opportunities?overdue=maybe', 400],
      ['/api/v1/opportunities?forecastMonth=2026-1', 400],
      ['/api/v1/opportunities?closeFrom=yesterday', 400],
      ['/api/v1/opportunities?amountMin=-5', 400],
      ['/api/v1/opportunities?status=pending', 400],
      ['/api/v1/opportunities?pageSize=1000', 400],
      ['/api/v1/opportunities?q=' + encodeURIComponent("%_' or 1=1 --"), 200],
      ['/api/v1/opportunities/board?perStage=0', 400],
      ['/api/v1/opportunities/board?pipelineId=999999', 400],
      ['/api/v1/opportunities/board?departmentId=999999', 200],
      ['/api/v1/forecast', 400],
      ['/api/v1/forecast?from=2026-00&to=2026-05', 400],
      ['/api/v1/forecast?from=2026-01&to=2028-06', 400],
      ['/api/v1/forecast?from=2026-01&to=2026-03&groupBy=team', 400],
      ['/api/v1/pipelines/1', 404],
    ];
    for (const [url, status] of cases) {
      const res = await admin.get(url);
      expect(res.status, url).toBe(status);
      if (status === 400) expect(res.body.error.code, url).toMatch(/VALIDATION_FAILED|BAD_REQUEST/);
    }
  });
});
