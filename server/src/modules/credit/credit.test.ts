import { creditDefaults } from '@crm/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCustomer, createOrg, type Org } from '../../test/fixtures.js';
import { createTestApp, errorAt, errorPaths, TestClock, type TestApp } from '../../test/harness.js';

/**
 * The 6C credit rating against a scorecard worked out by hand, its data scope, bad input, parallel
 * saves and the settings. Today is 2026-12-06 in Shanghai; default settings: weights Character 25,
 * Capacity 20, Capital 20, Collateral 10, Conditions 10, Continuity 15; A ≥ 80, B ≥ 65, C ≥ 50;
 * policy B = ¥200,000 limit, 30 days, no prepayment; B writes the standing "fair".
 */
let t: TestApp;
let org: Org;
const clock = new TestClock(new Date('2026-12-06T04:00:00Z'));
const yuan = (v: number) => Math.round(v * 100);
let customerId = 0;

/** An organisation customer of east1 (华东组), founded in 2010. */
async function company(name: string): Promise<number> {
  const res = await org.admin.post('/api/v1/customers', buildCustomer({ name, ownerId: org.ids.east1, organization: { foundedYear: 2010 } }));
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id as number;
}

/** The hand-worked scorecard's evidence. */
const evidence = {
  currentAssets: yuan(3_000_000), currentLiabilities: yuan(2_500_000), inventory: yuan(1_000_000),
  totalAssets: yuan(10_000_000), totalLiabilities: yuan(6_000_000), ownersEquity: yuan(4_000_000),
  collateralValue: yuan(300_000), requestedLimit: yuan(500_000),
  conditionsRating: 4, conditionsNote: '行业平稳增长', relationshipStability: 4, note: '年度评估',
};

beforeAll(async () => {
  t = await createTestApp({ clock });
  org = await createOrg(t);
  customerId = await company('信用评级样例有限公司');
  // A signed ¥40,000 contract in four ¥10,000 instalments, and its payments:
  //   due 2026-08-01, paid 07-30 → on time (0 days late)
  //   due 2026-09-01, paid 09-01 → on time (0)
  //   due 2026-10-01, paid 10-21 → 20 days late
  //   due 2026-11-01, open       → 35 days late by today (2026-12-06)
  const contract = (await org.admin.post('/api/v1/contracts', { customerId, title: '信用样例合同', amount: yuan(40_000) })).body;
  expect((await org.admin.post(`/api/v1/contracts/${contract.id}/status`, { status: 'active', version: contract.version })).status).toBe(200);
  const plan = await org.admin.put(`/api/v1/contracts/${contract.id}/payment-plan`, {
    planVersion: 0,
    instalments: ['2026-08-01', '2026-09-01', '2026-10-01', '2026-11-01'].map((dueOn) => ({ dueOn, amount: yuan(10_000) })),
  });
  expect(plan.status, JSON.stringify(plan.body)).toBe(200);
  for (const receivedOn of ['2026-07-30', '2026-09-01', '2026-10-21']) {
    const paid = await org.admin.post(`/api/v1/contracts/${contract.id}/payments`, { amount: yuan(10_000), receivedOn });
    expect(paid.status, JSON.stringify(paid.body)).toBe(201);
  }
}, 180_000);
afterAll(() => t.close());

describe('a 6C scorecard worked out by hand', () => {
  it('before the first assessment: version 0, no rating', async () => {
    const res = await org.admin.get(`/api/v1/customers/${customerId}/credit-assessment`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ customerId, version: 0, rating: null, factors: [], policy: null, history: [] });
  });

  it('figures → ratios → scores → weighted total → rating → the policy written to the customer', async () => {
    const saved = await org.as.east1.put(`/api/v1/customers/${customerId}/credit-assessment`, { ...evidence, version: 0 });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    const score = (key: string) => (saved.body.factors as Array<{ key: string; score: number; inputs: Record<string, unknown>; formula: string }>).find((f) => f.key === key);
    // Character: 4 due, 2 on time → 50 %; days late (0 + 0 + 20 + 35) / 4 = 13.75, penalty min(30, 13.75) = 13.75;
    //   50 − 13.75 = 36.25 → 36.
    expect(score('character')).toMatchObject({ score: 36, weight: 25, inputs: { dueInstalments: 4, onTime: 2, onTimePercent: 50, averageDaysLate: 13.75, maxDaysLate: 35 } });
    // Capacity: current ratio 3,000,000 / 2,500,000 = 1.2; quick ratio (3,000,000 − 1,000,000) / 2,500,000 = 0.8;
    //   50 × min(1, 1.2 / 2) + 50 × min(1, 0.8) = 30 + 40 = 70.
    expect(score('capacity')).toMatchObject({ score: 70, weight: 20, inputs: { currentRatio: 1.2, quickRatio: 0.8 } });
    // Capital: equity ratio 4,000,000 / 10,000,000 = 40 % (debt ratio 60 %); min(100, 2 × 40) = 80.
    expect(score('capital')).toMatchObject({ score: 80, weight: 20, inputs: { equityRatioPercent: 40, debtRatioPercent: 60 } });
    // Collateral: 300,000 / 500,000 = 60 % → 60.
    expect(score('collateral')).toMatchObject({ score: 60, weight: 10, inputs: { coveragePercent: 60 } });
    // Conditions: outlook 4 → (4 − 1) × 25 = 75.
    expect(score('conditions')).toMatchObject({ score: 75, weight: 10 });
    // Continuity: founded 2010 → 16 years → 6 × min(16, 10) = 60; stability 4 → 10 × 3 = 30; 90.
    expect(score('continuity')).toMatchObject({ score: 90, weight: 15, inputs: { yearsInBusiness: 16, yearsPart: 60, stabilityPart: 30 } });
    // Total: (36 × 25 + 70 × 20 + 80 × 20 + 60 × 10 + 75 × 10 + 90 × 15) / 100
    //      = (900 + 1,400 + 1,600 + 600 + 750 + 1,350) / 100 = 66 → B (65 ≤ 66 < 80).
    expect(saved.body).toMatchObject({ version: 1, totalScore: 66, rating: 'B', policy: { rating: 'B', creditStanding: 'fair', creditLimit: yuan(200_000), paymentTermsDays: 30, prepaymentRequired: false } });
    expect(saved.body.totalFormula).toContain('→ 66');
    expect(score('capacity')?.formula).toContain('1.2');
    expect(saved.body.evidence).toEqual(evidence);
    expect(saved.body.assessedByName).toBe('张伟');
    // The customer now carries the rating's standing and limit, where the approvals read them, and its timeline says so.
    const customer = (await org.admin.get(`/api/v1/customers/${customerId}`)).body;
    expect(customer.organization).toMatchObject({ creditStanding: 'fair', creditLimit: yuan(200_000), foundedYear: 2010 });
    const history = (await org.admin.get(`/api/v1/customers/${customerId}/history?pageSize=50`)).body.items as Array<{ changes: Array<{ field: string; old: unknown; new: unknown }> }>;
    const changes = history.flatMap((h) => h.changes);
    expect(changes).toEqual(expect.arrayContaining([{ field: 'creditRating', old: null, new: 'B' }, { field: 'organization.creditStanding', old: null, new: 'fair' }, { field: 'organization.creditLimit', old: null, new: yuan(200_000) }]));
    // The explanation in Chinese.
    const zh = await t.login('east1@example.com', 'test-password-2026', 'zh-CN');
    const read = (await zh.get(`/api/v1/customers/${customerId}/credit-assessment`)).body;
    expect(read.factors.find((f: { key: string }) => f.key === 'capacity').formula).toContain('流动比率');
  });

  it('the quote approval conditions read the rating: credit worse than good, and over the ¥200,000 limit', async () => {
    const product = (await org.admin.post('/api/v1/products', { code: 'CREDIT-1', name: '信用产品', standardPrice: yuan(100), taxRate: 0 })).body.id as number;
    const me = (await org.admin.get('/api/v1/auth/me')).body.user.id as number;
    const flow = async (name: string, priority: number, conditions: unknown[]) => {
      const res = await org.admin.post('/api/v1/approval-flows', { name, recordType: 'quote', priority, conditions, steps: [{ kind: 'user', userId: me }] });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
    };
    await flow('信用低于良好', 10, [{ kind: 'credit_below', standing: 'good' }]);
    await flow('超信用额度', 5, [{ kind: 'over_credit_limit' }]);
    const requirement = async (quantity: number) => {
      const q = await org.admin.post('/api/v1/quotes', { customerId, title: '信用报价', validUntil: '2027-01-31', lines: [{ productId: product, quantity }] });
      expect(q.status, JSON.stringify(q.body)).toBe(201);
      return (await org.admin.get(`/api/v1/approvals?recordType=quote&recordId=${q.body.id}`)).body.requirement as { flowName: string } | null;
    };
    // ¥100 is within the limit, but fair is worse than good; ¥200,100 plus the ¥10,000 still owed is over ¥200,000.
    expect((await requirement(1))?.flowName).toBe('信用低于良好');
    expect((await requirement(2001))?.flowName).toBe('超信用额度');
  });
});

describe('data scope and permissions', () => {
  it("another department's customer is 404 to read and to write, and nothing is written", async () => {
    const before = (await org.admin.get(`/api/v1/customers/${customerId}/credit-assessment`)).body;
    expect((await org.as.north1.get(`/api/v1/customers/${customerId}/credit-assessment`)).status).toBe(404);
    const write = await org.as.north1.put(`/api/v1/customers/${customerId}/credit-assessment`, { ...evidence, conditionsRating: 1, version: before.version });
    expect(write.status).toBe(404);
    // A salesperson of the same department cannot write a colleague's customer either.
    expect((await org.as.east2.put(`/api/v1/customers/${customerId}/credit-assessment`, { ...evidence, version: before.version })).status).toBe(404);
    expect((await org.admin.get(`/api/v1/customers/${customerId}/credit-assessment`)).body).toEqual(before);
  });

  it('the manager reads it; read-only users read but may not write (403)', async () => {
    expect((await org.as.manager.get(`/api/v1/customers/${customerId}/credit-assessment`)).status).toBe(200);
    expect((await org.as.reader.get(`/api/v1/customers/${customerId}/credit-assessment`)).status).toBe(200);
    expect((await org.as.reader.put(`/api/v1/customers/${customerId}/credit-assessment`, { version: 1 })).status).toBe(403);
  });

  it('a person customer is a field-level 400 on its kind, in the caller’s language', async () => {
    const person = (await org.admin.post('/api/v1/customers', buildCustomer({ kind: 'person', name: '信用个人', category: 'retail', ownerId: org.ids.east1 }))).body.id;
    const read = await org.as.east1.get(`/api/v1/customers/${person}/credit-assessment`);
    expect(read.status).toBe(400);
    expect(errorAt(read, 'kind')).toMatch(/organisation customers only/);
    const write = await org.as.east1.put(`/api/v1/customers/${person}/credit-assessment`, { ...evidence, version: 0 });
    expect(write.status).toBe(400);
    expect(errorPaths(write)).toEqual(['kind']);
    const zh = await t.login('east1@example.com', 'test-password-2026', 'zh-CN');
    expect(errorAt(await zh.get(`/api/v1/customers/${person}/credit-assessment`), 'kind')).toBe('6C 信用评级仅适用于企业客户。');
  });
});

describe('bad input changes nothing', () => {
  it('wrong types, ranges, cross-field rules, NUL bytes and unknown fields: field paths, no 500', async () => {
    const before = (await org.admin.get(`/api/v1/customers/${customerId}/credit-assessment`)).body;
    const customerBefore = (await org.admin.get(`/api/v1/customers/${customerId}`)).body;
    const put = (body: unknown) => org.as.east1.put(`/api/v1/customers/${customerId}/credit-assessment`, body);
    const cases: Array<[unknown, string]> = [
      [{ ...evidence, currentAssets: '3000000', version: before.version }, 'currentAssets'],
      [{ ...evidence, currentAssets: 1.5, version: before.version }, 'currentAssets'],
      [{ ...evidence, currentLiabilities: -1, version: before.version }, 'currentLiabilities'],
      [{ ...evidence, inventory: yuan(3_000_001), version: before.version }, 'inventory'],
      [{ ...evidence, currentAssets: yuan(20_000_000), inventory: 0, version: before.version }, 'currentAssets'],
      [{ ...evidence, conditionsRating: 6, version: before.version }, 'conditionsRating'],
      [{ ...evidence, relationshipStability: 0, version: before.version }, 'relationshipStability'],
      [{ ...evidence, conditionsNote: '前景\u0000良好', version: before.version }, 'conditionsNote'],
      [{ ...evidence, note: 'x'.repeat(1001), version: before.version }, 'note'],
      [{ ...evidence, version: -1 }, 'version'],
      [{ ...evidence }, 'version'],
      [{ ...evidence, version: before.version, score: 100 }, 'score'],
    ];
    for (const [body, path] of cases) {
      const res = await put(body);
      expect(res.status, JSON.stringify(res.body)).toBe(400);
      expect(errorPaths(res), JSON.stringify(body)).toContain(path);
    }
    expect((await org.as.east1.request('PUT', `/api/v1/customers/${customerId}/credit-assessment`, '{"version": ')).status).toBe(400);
    expect((await put([1, 2])).status).toBe(400);
    expect((await org.as.east1.put('/api/v1/customers/abc/credit-assessment', { version: 0 })).status).toBe(400);
    expect((await org.as.east1.put('/api/v1/customers/99999999/credit-assessment', { version: 0 })).status).toBe(404);
    expect((await org.admin.get(`/api/v1/customers/${customerId}/credit-assessment`)).body).toEqual(before);
    expect((await org.admin.get(`/api/v1/customers/${customerId}`)).body.version).toBe(customerBefore.version);
  });
});

describe('parallel saves', () => {
  it('ten PUTs sent with one version: one is saved, nine answer 409 with the saved assessment', async () => {
    const id = await company('并发信用有限公司');
    const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => org.as.east1.put(`/api/v1/customers/${id}/credit-assessment`, { ...evidence, conditionsRating: (i % 5) + 1, version: 0 })));
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 200), JSON.stringify(answers.map((a) => a.body))).toHaveLength(1);
    expect(statuses.filter((s) => s === 409), JSON.stringify(statuses)).toHaveLength(9);
    for (const lost of answers.filter((a) => a.status === 409)) expect(lost.body.error.current).toMatchObject({ customerId: id, version: 1 });
    const now = (await org.admin.get(`/api/v1/customers/${id}/credit-assessment`)).body;
    expect(now.version).toBe(1);
    expect(now.history).toHaveLength(1);
    // Saving again from the current version goes through; the earlier assessment stays in the history.
    const again = await org.as.east1.put(`/api/v1/customers/${id}/credit-assessment`, { ...evidence, version: 1 });
    expect(again.status).toBe(200);
    expect(again.body.history.map((h: { version: number }) => h.version)).toEqual([2, 1]);
  });
});

describe('settings', () => {
  it('defaults, field-level validation, 409 when stale, 403 without settings.edit, and the next assessment uses them', async () => {
    const current = (await org.admin.get('/api/v1/settings/credit')).body;
    expect(current).toMatchObject({ ...creditDefaults, version: 0 });
    const { version, ...value } = current;
    const put = (body: unknown) => org.admin.put('/api/v1/settings/credit', body);
    const sum99 = await put({ ...value, weights: { ...value.weights, character: 24 }, version });
    expect(sum99.status).toBe(400);
    expect(errorAt(sum99, 'weights')).toBe('The six weights must add up to 100.');
    const zh = await t.login(undefined, undefined, 'zh-CN');
    expect(errorAt(await zh.put('/api/v1/settings/credit', { ...value, weights: { ...value.weights, character: 24 }, version }), 'weights')).toBe('六项权重之和必须为 100。');
    const order = await put({ ...value, thresholds: { a: 60, b: 65, c: 50 }, version });
    expect(errorPaths(order)).toEqual(['thresholds.b']);
    const bad = await put({ ...value, weights: { ...value.weights, character: -1 }, policies: { ...value.policies, A: { ...value.policies.A, paymentTermsDays: 1000 } }, version });
    expect(errorPaths(bad)).toEqual(expect.arrayContaining(['weights.character', 'policies.A.paymentTermsDays']));
    expect((await org.as.east1.put('/api/v1/settings/credit', { ...value, version })).status).toBe(403);
    expect((await org.admin.get('/api/v1/settings/credit')).body.version).toBe(0);
    // Character alone decides: 36 → D below 50 with these thresholds, whose policy asks for prepayment.
    const saved = await put({ ...value, weights: { character: 100, capacity: 0, capital: 0, collateral: 0, conditions: 0, continuity: 0 }, version });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect((await put({ ...value, version })).status).toBe(409);
    const assessment = (await org.admin.get(`/api/v1/customers/${customerId}/credit-assessment`)).body;
    const next = await org.as.east1.put(`/api/v1/customers/${customerId}/credit-assessment`, { ...evidence, version: assessment.version });
    expect(next.body).toMatchObject({ totalScore: 36, rating: 'D', policy: { creditStanding: 'poor', creditLimit: 0, prepaymentRequired: true } });
    expect((await org.admin.get(`/api/v1/customers/${customerId}`)).body.organization).toMatchObject({ creditStanding: 'poor', creditLimit: 0 });
  });
});

describe('merges', () => {
  it("a survivor that was never rated takes the merged customer's assessments; a rated survivor keeps its own", async () => {
    const rated = await company('合并前已评级有限公司');
    expect((await org.admin.put(`/api/v1/customers/${rated}/credit-assessment`, { ...evidence, version: 0 })).status).toBe(200);
    const survivor = await company('合并存续有限公司');
    const version = (await org.admin.get(`/api/v1/customers/${survivor}`)).body.version;
    const merged = await org.admin.post('/api/v1/customers/merge', { survivorId: survivor, mergedIds: [rated], version });
    expect(merged.status, JSON.stringify(merged.body)).toBe(200);
    // Rated with the settings above (Character alone: no instalments due → 50 → C).
    expect((await org.admin.get(`/api/v1/customers/${survivor}/credit-assessment`)).body).toMatchObject({ customerId: survivor, version: 1, rating: 'C', totalScore: 50 });

    const other = await company('合并另一已评级有限公司');
    await org.admin.put(`/api/v1/customers/${other}/credit-assessment`, { version: 0 });
    const again = await org.admin.post('/api/v1/customers/merge', { survivorId: survivor, mergedIds: [other], version: (await org.admin.get(`/api/v1/customers/${survivor}`)).body.version });
    expect(again.status, JSON.stringify(again.body)).toBe(200);
    const kept = (await org.admin.get(`/api/v1/customers/${survivor}/credit-assessment`)).body;
    expect(kept.history).toHaveLength(1);
    expect(kept.evidence).toEqual(evidence);
  });
});
