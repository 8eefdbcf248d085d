import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCustomer, createOrg, password, type Org } from '../../test/fixtures.js';
import { createTestApp, TestClock, type TestApp } from '../../test/harness.js';
import { completenessIdle } from '../customers/index.js';

const day = 86_400_000;
let t: TestApp;
let org: Org;
const clock = new TestClock();

beforeAll(async () => {
  t = await createTestApp({ clock });
  org = await createOrg(t);
}, 120_000);
afterAll(() => t.close());

const emails: Record<keyof Org['as'], string> = {
  manager: 'manager@example.com', east1: 'east1@example.com', east2: 'east2@example.com', north1: 'north1@example.com',
  agent: 'agent@example.com', marketer: 'marketer@example.com', reader: 'reader@example.com', eastLead: 'eastlead@example.com',
};
/** Move the clock on; sessions expire meanwhile, so everyone signs in again. */
async function advanceDays(days: number): Promise<void> {
  clock.advance(days * day);
  org.admin = await t.login();
  for (const [who, email] of Object.entries(emails) as Array<[keyof Org['as'], string]>) org.as[who] = await t.login(email, password);
}

describe('completeness and freshness', () => {
  it('scores a record from the fields expected for its kind, and lists what is missing', async () => {
    const defaults = await org.admin.get('/api/v1/settings/data-quality');
    expect(defaults.status).toBe(200);
    expect(defaults.body).toMatchObject({ version: 0, staleDays: 180, incompleteBelow: 60 });
    expect(defaults.body.expected.organization).toHaveLength(12);

    const c = (await org.admin.post('/api/v1/customers', buildCustomer({ name: '完整度客户', industry: 'manufacturing', province: '浙江省', city: '杭州市' }))).body;
    expect(c.completeness).toBe(25); // 3 of 12
    const got = await org.admin.get(`/api/v1/customers/${c.id}`);
    expect(got.body.missingFields).toContain('organization.creditCode');
    expect(got.body.missingFields).not.toContain('industry');
    expect(got.body.missingFields).toHaveLength(9);
    const patched = await org.admin.patch(`/api/v1/customers/${c.id}`, { version: 1, phone: '0571-88886666', organization: { scale: 'small' } });
    expect(patched.body.completeness).toBe(42); // 5 of 12

    const person = (await org.admin.post('/api/v1/customers', buildCustomer({ kind: 'person', name: '完整度个人', category: 'retail', mobile: '13600001111', person: { gender: 'female' } }))).body;
    expect(person.completeness).toBe(22); // 2 of 9
  });

  it('recomputes every record when the settings change, custom fields included', async () => {
    const c = (await org.admin.post('/api/v1/customers', buildCustomer({ name: '设置变更客户', industry: 'wholesale_retail', phone: '021-12345678' }))).body;
    const put = await org.admin.put('/api/v1/settings/data-quality', { version: 0, expected: { organization: ['industry', 'phone', 'custom.level'] } });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    expect(put.body.version).toBe(1);
    expect(put.body.staleDays).toBe(180);
    expect(put.body.expected.person).toHaveLength(9); // untouched
    await completenessIdle(t.ctx);
    const got = await org.admin.get(`/api/v1/customers/${c.id}`);
    expect(got.body.completeness).toBe(67);
    expect(got.body.missingFields).toEqual(['custom.level']);
    const stale = await org.admin.put('/api/v1/settings/data-quality', { version: 0, staleDays: 10 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.current.version).toBe(1);
    const bad = await org.admin.put('/api/v1/settings/data-quality', { version: 1, expected: { organization: ['industry', 'password'] }, staleDays: 0 });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((d: { path: string }) => d.path).sort()).toEqual(['expected.organization.1', 'staleDays']);
    expect(bad.body.error.details.find((d: { path: string }) => d.path === 'expected.organization.1').message).toBe('Not a field completeness can measure.');
    expect((await org.admin.get('/api/v1/settings/data-quality')).body.version).toBe(1);
  });

  it('counts days since the last change or confirmation, and confirming makes a record fresh', async () => {
    const c = (await org.admin.post('/api/v1/customers', buildCustomer({ name: '新鲜度客户' }))).body;
    expect(c.freshDays).toBe(0);
    await advanceDays(200);
    expect((await org.admin.get(`/api/v1/customers/${c.id}`)).body.freshDays).toBe(200);
    const staleList = await org.admin.get('/api/v1/data-quality?issue=stale&pageSize=200');
    expect(staleList.body.items.map((i: { customer: { id: number } }) => i.customer.id)).toContain(c.id);
    const confirmed = await org.admin.post(`/api/v1/customers/${c.id}/confirm`);
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.freshDays).toBe(0);
    expect(confirmed.body.confirmedAt).toBe(clock.now().toISOString());
    expect(confirmed.body.version).toBe(c.version); // confirming is not an edit
    const history = await org.admin.get(`/api/v1/customers/${c.id}/history`);
    expect(history.body.items[0].action).toBe('confirm');
    await advanceDays(3);
    expect((await org.admin.get(`/api/v1/customers/${c.id}`)).body.freshDays).toBe(3);
    const after = await org.admin.get('/api/v1/data-quality?issue=stale&pageSize=200');
    expect(after.body.items.map((i: { customer: { id: number } }) => i.customer.id)).not.toContain(c.id);
    expect((await org.as.reader.post(`/api/v1/customers/${c.id}/confirm`)).status).toBe(403);
    expect((await org.admin.post('/api/v1/customers/999999/confirm')).status).toBe(404);
  });

  it('checks postcodes: six digits in China, a foreign shape abroad', async () => {
    const bad = await org.admin.post('/api/v1/customers', buildCustomer({ organization: { postcode: '31000' } }));
    expect(bad.status).toBe(400);
    expect(bad.body.error.details).toEqual([{ path: 'organization.postcode', message: expect.stringContaining('A Chinese postcode has six digits') }]);
    const zh = await t.login(undefined, undefined, 'zh-CN');
    const badZh = await zh.post('/api/v1/customers', buildCustomer({ organization: { postcode: 'ABCDEF' } }));
    expect(badZh.body.error.details[0].message).toContain('中国邮政编码应为 6 位数字');
    expect((await org.admin.post('/api/v1/customers', buildCustomer({ organization: { postcode: '310000' } }))).status).toBe(201);
  });
});

describe('data-quality lists, within each data scope', () => {
  const ids: Record<string, number> = {};
  beforeAll(async () => {
    await org.admin.put('/api/v1/settings/data-quality', { version: 1, expected: { organization: ['industry', 'phone', 'email', 'website'] }, incompleteBelow: 50 });
    await completenessIdle(t.ctx);
    const make = async (key: string, ownerId: number | null, extra: object) => {
      ids[key] = (await org.admin.post('/api/v1/customers', buildCustomer({ name: `质量-${key}`, ownerId, ...extra }))).body.id;
    };
    await make('east1Dup', org.ids.east1, { industry: 'finance', phone: '+86 150 0000 0001', email: 'q1@quality.example', website: 'w' });
    await make('north1Dup', org.ids.north1, { industry: 'finance', phone: '15000000001', email: 'q2@quality.example', website: 'w' });
    await make('east1Email', org.ids.east1, { industry: 'finance', phone: '15000000003', email: 'Shared@Quality.example', website: 'w' });
    await make('poolEmail', null, { industry: 'finance', phone: '15000000004', email: 'shared@quality.example', website: 'w' });
    await make('east1Empty', org.ids.east1, {});
    await make('north1Empty', org.ids.north1, { industry: 'finance' });
  });

  const list = async (who: keyof Org['as'] | 'admin', issue: string) => {
    const res = await (who === 'admin' ? org.admin : org.as[who]).get(`/api/v1/data-quality?issue=${issue}&pageSize=200`);
    expect(res.status).toBe(200);
    return res.body as { items: Array<{ customer: { id: number; name: string; completeness: number }; group: Array<{ id: number }>; matchedOn: string[]; missingFields: string[] }>; total: number };
  };

  it('lists incomplete records lowest first, with their missing fields, only within the scope', async () => {
    const admin = await list('admin', 'incomplete');
    const quality = admin.items.filter((i) => i.customer.name.startsWith('质量-'));
    expect(quality.map((i) => i.customer.id)).toEqual([ids.east1Empty, ids.north1Empty]);
    expect(quality[0]?.missingFields).toEqual(['industry', 'phone', 'email', 'website']);
    const scores = admin.items.map((i) => i.customer.completeness);
    expect(scores).toEqual([...scores].sort((a, b) => a - b));
    const east1 = await list('east1', 'incomplete');
    expect(east1.items.map((i) => i.customer.id)).toContain(ids.east1Empty);
    expect(east1.items.map((i) => i.customer.id)).not.toContain(ids.north1Empty);
    expect(east1.total).toBe(east1.items.length);
  });

  it('groups likely duplicates, both sides within the scope', async () => {
    const admin = await list('admin', 'duplicate');
    const groups = admin.items.map((i) => i.group.map((c) => c.id));
    expect(groups).toContainEqual([ids.east1Dup, ids.north1Dup]);
    expect(groups).toContainEqual([ids.east1Email, ids.poolEmail]);
    expect(admin.items.find((i) => i.customer.id === ids.east1Email)?.matchedOn).toEqual(['email']);
    const east1 = await list('east1', 'duplicate');
    expect(east1.items.map((i) => i.group.map((c) => c.id))).toEqual([[ids.east1Email, ids.poolEmail]]);
    const north1 = await list('north1', 'duplicate');
    expect(north1.items).toEqual([]);
    const summary = await org.as.east1.get('/api/v1/data-quality/summary');
    expect(summary.body).toMatchObject({ duplicate: 1, incomplete: (await list('east1', 'incomplete')).total, incompleteBelow: 50, staleDays: 180 });
    const managerSummary = await org.as.manager.get('/api/v1/data-quality/summary');
    expect(managerSummary.body.duplicate).toBe(2);
  });

  it('lists stale records oldest first within the scope', async () => {
    await advanceDays(181);
    await org.admin.patch(`/api/v1/customers/${ids.east1Dup}`, { version: 1, notes: 'touched' });
    const admin = await list('admin', 'stale');
    const seen = admin.items.map((i) => i.customer.id);
    expect(seen).toContain(ids.north1Dup);
    expect(seen).not.toContain(ids.east1Dup);
    const east1 = await list('east1', 'stale');
    expect(east1.items.map((i) => i.customer.id)).toEqual(expect.arrayContaining([ids.east1Email, ids.poolEmail, ids.east1Empty]));
    expect(east1.items.map((i) => i.customer.id)).not.toContain(ids.north1Dup);
    expect((await org.as.east1.get('/api/v1/data-quality/summary')).body.stale).toBe(east1.total);
  });
});
