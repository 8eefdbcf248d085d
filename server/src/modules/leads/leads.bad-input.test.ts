import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrg, password, type Org } from '../../test/fixtures.js';
import { createTestApp, errorAt, errorPaths, type Agent, type TestApp } from '../../test/harness.js';

/**
 * Every leads write endpoint refuses bad input with field-level messages in the caller's
 * language, changes nothing and never answers 500.
 */
let t: TestApp;
let org: Org;
let zh: Agent;
const ids: Record<string, number> = {};

beforeAll(async () => {
  t = await createTestApp();
  org = await createOrg(t);
  zh = await t.login('admin@example.com', 'admin-password-1', 'zh-CN');
  ids.lead = (await org.admin.post('/api/v1/leads', { name: '坏输入线索', source: 'other', ownerId: org.ids.east1 })).body.id;
  ids.pool = (await org.admin.post('/api/v1/leads', { name: '坏输入池线索', source: 'other', ownerId: null })).body.id;
  ids.inactive = (await org.admin.post('/api/v1/users', { email: 'gone@example.com', name: '离职', password, roleId: org.roleIds.salesperson })).body.id;
  const user = (await org.admin.get(`/api/v1/users/${ids.inactive}`)).body;
  await org.admin.patch(`/api/v1/users/${ids.inactive}`, { version: user.version, active: false });
}, 120_000);
afterAll(() => t.close());

const long = 'x'.repeat(5000);
type Method = 'POST' | 'PATCH' | 'PUT';
const writes: Array<{ name: string; method: Method; url: () => string; wrongType: unknown; wrongPath: string; tooLong: unknown; longPath: string; read: () => string }> = [
  { name: 'create lead', method: 'POST', url: () => '/api/v1/leads', wrongType: { name: 42, source: 'other' }, wrongPath: 'name', tooLong: { name: long, source: 'other' }, longPath: 'name', read: () => '/api/v1/leads?pageSize=200' },
  { name: 'update lead', method: 'PATCH', url: () => `/api/v1/leads/${ids.lead}`, wrongType: { version: 1, manMoney: 'yes' }, wrongPath: 'manMoney', tooLong: { version: 1, notes: long }, longPath: 'notes', read: () => `/api/v1/leads/${ids.lead}` },
  { name: 'disqualify lead', method: 'POST', url: () => `/api/v1/leads/${ids.lead}/disqualify`, wrongType: { version: '1', reason: 'x' }, wrongPath: 'version', tooLong: { version: 1, reason: long }, longPath: 'reason', read: () => `/api/v1/leads/${ids.lead}` },
  { name: 'release lead', method: 'POST', url: () => `/api/v1/leads/${ids.lead}/release`, wrongType: { reason: 5 }, wrongPath: 'reason', tooLong: { reason: long }, longPath: 'reason', read: () => `/api/v1/leads/${ids.lead}` },
  { name: 'assign leads', method: 'POST', url: () => '/api/v1/leads/assign', wrongType: { leadIds: ['one'], ownerId: 1 }, wrongPath: 'leadIds.0', tooLong: { leadIds: Array.from({ length: 501 }, (_, i) => i + 1), ownerId: 1 }, longPath: 'leadIds', read: () => '/api/v1/leads?pageSize=200' },
  { name: 'convert lead', method: 'POST', url: () => `/api/v1/leads/${ids.lead}/convert`, wrongType: { version: 1, customer: { mode: 'sideways' } }, wrongPath: 'customer.mode', tooLong: { version: 1, customer: { mode: 'new', name: long } }, longPath: 'customer.name', read: () => `/api/v1/leads/${ids.lead}` },
  { name: 'duplicate check', method: 'POST', url: () => '/api/v1/leads/duplicate-check', wrongType: { mobile: 13800000000 }, wrongPath: 'mobile', tooLong: { company: long }, longPath: 'company', read: () => '/api/v1/leads?pageSize=200' },
  { name: 'lead sources', method: 'PUT', url: () => '/api/v1/settings/lead-sources', wrongType: { version: 0, items: [{ key: 'Bad Key', labelZh: 'a', labelEn: 'a' }] }, wrongPath: 'items.0.key', tooLong: { version: 0, items: [{ key: 'ok_key', labelZh: long, labelEn: 'a' }] }, longPath: 'items.0.labelZh', read: () => '/api/v1/settings/lead-sources' },
  { name: 'assignment rules', method: 'PUT', url: () => '/api/v1/settings/lead-assignment', wrongType: { version: 0, rules: [{ id: 'a', name: 'a', kind: 'lottery', userIds: [1] }] }, wrongPath: 'rules.0.kind', tooLong: { version: 0, rules: [{ id: 'a', name: long, kind: 'round_robin', userIds: [1] }] }, longPath: 'rules.0.name', read: () => '/api/v1/settings/lead-assignment' },
];


describe('bad input on every leads write endpoint', () => {
  for (const w of writes) {
    it(w.name, async () => {
      const before = await org.admin.get(w.read());
      const send = (body: unknown, as: Agent = org.admin) => as.request(w.method, w.url(), body);

      const malformed = await send('{"name": ');
      expect(malformed.status).toBe(400);
      expect(malformed.body.error.code).toBe('BAD_REQUEST');

      for (const as of [org.admin, zh]) {
        const wrongType = await send(w.wrongType, as);
        expect(wrongType.status).toBe(400);
        expect(wrongType.body.error.code).toBe('VALIDATION_FAILED');
        expect(errorPaths(wrongType)).toContain(w.wrongPath);
        expect(errorAt(wrongType, w.wrongPath)).toBeTruthy();
      }

      const unknown = await send({ ...(w.tooLong as object), sneaky: true });
      expect(unknown.status).toBe(400);
      expect(errorPaths(unknown)).toEqual(expect.arrayContaining(['sneaky', w.longPath]));
      const unknownZh = await send({ ...(w.tooLong as object), sneaky: true }, zh);
      expect(errorAt(unknownZh, 'sneaky')).toBe('未知字段。');

      expect((await send([1, 2, 3])).status).toBe(400);
      const huge = await send({ name: 'y'.repeat(1024 * 1024 + 10) });
      expect(huge.status).toBe(413);

      expect((await org.admin.get(w.read())).body).toEqual(before.body);
    });
  }
});

describe('checks beyond the schema, in both languages', () => {
  it('create: unknown source, unknown referrer, inactive or unknown owner: all fields at once', async () => {
    const before = (await org.admin.get('/api/v1/leads?pageSize=200')).body;
    const body = { name: '坏', source: 'no_such', referrerCustomerId: 999999, ownerId: ids.inactive };
    const en = await org.admin.post('/api/v1/leads', body);
    expect(en.status).toBe(400);
    expect(en.body.error.details).toEqual([
      { path: 'ownerId', message: 'No such active user.' },
      { path: 'source', message: 'No such lead source.' },
      { path: 'referrerCustomerId', message: 'No such customer.' },
    ]);
    const cn = await zh.post('/api/v1/leads', body);
    expect(cn.body.error.message).toBe('部分字段填写有误。');
    expect(cn.body.error.details).toEqual([
      { path: 'ownerId', message: '用户不存在或已停用。' },
      { path: 'source', message: '线索来源不存在。' },
      { path: 'referrerCustomerId', message: '客户不存在。' },
    ]);
    const types = await org.admin.post('/api/v1/leads', { name: ' ', source: 'other', kind: 'robot', gender: 'x', age: -1, mobile: 'abc', email: 'not-mail', annualIncome: 1.5, creditStanding: 'rich', manNeed: 1 });
    expect(errorPaths(types).sort()).toEqual(['age', 'annualIncome', 'creditStanding', 'email', 'gender', 'kind', 'manNeed', 'mobile', 'name']);
    expect((await org.admin.post('/api/v1/leads', {})).body.error.details.map((d: { path: string }) => d.path).sort()).toEqual(['name', 'source']);
    expect((await org.admin.get('/api/v1/leads?pageSize=200')).body).toEqual(before);
  });

  it('update: converted status, owner without the assign right, bad values; nothing changes', async () => {
    const before = (await org.admin.get(`/api/v1/leads/${ids.lead}`)).body;
    const status = await zh.patch(`/api/v1/leads/${ids.lead}`, { version: before.version, status: 'converted' });
    expect(status.status).toBe(400);
    expect(errorPaths(status)).toEqual(['status']);
    const owner = await org.as.east1.patch(`/api/v1/leads/${ids.lead}`, { version: before.version, ownerId: org.ids.east2 });
    expect(owner.body.error.details).toEqual([{ path: 'ownerId', message: 'Take leads from the lead pool with Claim and give them back with Release.' }]);
    const source = await zh.patch(`/api/v1/leads/${ids.lead}`, { version: before.version, source: 'nope_source', referrerCustomerId: 999999 });
    expect(source.body.error.details).toEqual([{ path: 'source', message: '线索来源不存在。' }, { path: 'referrerCustomerId', message: '客户不存在。' }]);
    expect((await org.admin.patch(`/api/v1/leads/${ids.lead}`, { version: before.version, ownerId: ids.inactive })).body.error.details).toEqual([{ path: 'ownerId', message: 'No such active user.' }]);
    expect((await org.admin.patch(`/api/v1/leads/${ids.lead}`, { name: 'no version' })).body.error.details.map((d: { path: string }) => d.path)).toEqual(['version']);
    expect((await org.admin.get(`/api/v1/leads/${ids.lead}`)).body).toEqual(before);
  });

  it('disqualify, claim, release: bad ids, empty reasons, wrong states', async () => {
    const before = (await org.admin.get(`/api/v1/leads/${ids.lead}`)).body;
    expect(errorPaths(await org.admin.post('/api/v1/leads/abc/claim'))).toEqual(['id']);
    expect(errorPaths(await org.admin.post(`/api/v1/leads/${ids.lead}/disqualify`, { version: before.version, reason: '   ' }))).toEqual(['reason']);
    expect(errorPaths(await org.admin.post(`/api/v1/leads/${ids.lead}/disqualify`, {}))).toEqual(['reason', 'version']);
    expect((await org.admin.post('/api/v1/leads/999999/claim')).status).toBe(404);
    const claimOwned = await zh.post(`/api/v1/leads/${ids.lead}/claim`);
    expect(claimOwned.status).toBe(409);
    expect(claimOwned.body.error.message).toBe('该线索不在线索池中（可能刚被他人领取）。');
    const releasePool = await org.admin.post(`/api/v1/leads/${ids.pool}/release`);
    expect(releasePool.status).toBe(409);
    expect(releasePool.body.error.message).toBe('This lead is already in the lead pool.');
    expect((await org.admin.get(`/api/v1/leads/${ids.lead}`)).body).toEqual(before);
  });

  it('assign: unknown leads and owners by position', async () => {
    const before = (await org.admin.get(`/api/v1/leads/${ids.lead}`)).body;
    const res = await zh.post('/api/v1/leads/assign', { leadIds: [ids.lead, 999999], ownerId: ids.inactive });
    expect(res.body.error.details).toEqual([{ path: 'ownerId', message: '用户不存在或已停用。' }, { path: 'leadIds.1', message: '线索不存在。' }]);
    expect(errorPaths(await org.admin.post('/api/v1/leads/assign', { leadIds: [], ownerId: org.ids.east2 }))).toEqual(['leadIds']);
    expect(errorPaths(await org.admin.post('/api/v1/leads/assign', { leadIds: [ids.lead] }))).toEqual(['ownerId']);
    expect((await org.admin.get(`/api/v1/leads/${ids.lead}`)).body).toEqual(before);
  });

  it('convert: every part checked; nothing created', async () => {
    const before = (await org.admin.get(`/api/v1/leads/${ids.lead}`)).body;
    const count = async () => Number((await t.ctx.db.selectFrom('customers').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const customers = await count();
    const bad = await org.admin.post(`/api/v1/leads/${ids.lead}/convert`, {
      version: before.version, customer: { mode: 'existing' }, createContact: 'yes',
      opportunity: { name: '', amount: -1, currency: 'yuan', expectedCloseDate: '31/12/2027' },
    });
    expect(errorPaths(bad).sort()).toEqual(['createContact', 'customer.customerId', 'opportunity.amount', 'opportunity.currency', 'opportunity.expectedCloseDate', 'opportunity.name']);
    const zhBad = await zh.post(`/api/v1/leads/${ids.lead}/convert`, { version: before.version, customer: { mode: 'new' }, opportunity: { name: 'x', amount: 1, expectedCloseDate: '31/12/2027' } });
    expect(errorAt(zhBad, 'opportunity.expectedCloseDate')).toBe('日期格式应为 YYYY-MM-DD。');
    expect((await org.admin.post(`/api/v1/leads/${ids.lead}/convert`, { version: before.version, customer: { mode: 'existing', customerId: 999999 } })).status).toBe(404);
    const stage = await zh.post(`/api/v1/leads/${ids.lead}/convert`, { version: before.version, customer: { mode: 'new' }, opportunity: { name: 'x', amount: 1, expectedCloseDate: '2027-12-31', pipelineId: 999999 } });
    expect(stage.status).toBe(400);
    expect(errorPaths(stage)).toEqual(['opportunity.pipelineId']);
    expect(await count()).toBe(customers);
    expect((await org.admin.get(`/api/v1/leads/${ids.lead}`)).body).toEqual(before);
  });

  it('settings: sources and rules refuse what they cannot keep', async () => {
    const sources = (await org.admin.get('/api/v1/settings/lead-sources')).body;
    expect(errorPaths(await org.admin.put('/api/v1/settings/lead-sources', { version: sources.version, items: [] }))).toEqual(['items']);
    expect(errorPaths(await org.admin.put('/api/v1/settings/lead-sources', { items: sources.items }))).toEqual(['version']);
    const twice = await zh.put('/api/v1/settings/lead-sources', { version: sources.version, items: [...sources.items, sources.items[0]] });
    expect(twice.body.error.details).toEqual([{ path: `items.${sources.items.length}.key`, message: '该标识在列表中重复。' }]);
    const keyMessage = await zh.put('/api/v1/settings/lead-sources', { version: sources.version, items: [{ key: '1abc', labelZh: 'a', labelEn: 'a' }] });
    expect(errorAt(keyMessage, 'items.0.key')).toBe('只能使用小写字母、数字和下划线，并以字母开头。');
    expect((await org.admin.get('/api/v1/settings/lead-sources')).body).toEqual(sources);

    const rules = (await org.admin.get('/api/v1/settings/lead-assignment')).body;
    const put = (r: unknown) => org.admin.put('/api/v1/settings/lead-assignment', { version: rules.version, rules: [r] });
    expect(errorPaths(await put({ id: 'a', name: 'a', kind: 'round_robin', userIds: [] }))).toEqual(['rules.0.userIds']);
    expect(errorPaths(await put({ id: 'a', name: 'a', kind: 'source', userIds: [org.ids.east1] }))).toEqual(['rules.0.sources']);
    expect(errorPaths(await put({ id: 'a', name: 'a', kind: 'region', userIds: [org.ids.east1], provinces: [''] }))).toEqual(['rules.0.provinces.0']);
    expect(errorPaths(await put({ id: 'a', name: 'a', kind: 'round_robin', userIds: [org.ids.east1], sources: ['BAD'] }))).toEqual(['rules.0.sources.0']);
    expect((await org.admin.get('/api/v1/settings/lead-assignment')).body).toEqual(rules);
  });

  it('list query values: 400 with the field, never 500', async () => {
    const bad = async (query: string, path: string) => {
      const res = await org.admin.get(`/api/v1/leads?${query}`);
      expect(res.status, query).toBe(400);
      expect(errorPaths(res), query).toContain(path);
    };
    await bad('sort=password', 'sort');
    await bad('status=happy', 'status.0');
    await bad('grade=MMM', 'grade.0');
    await bad('rank=5', 'rank');
    await bad('ownerId=me', 'ownerId');
    await bad('createdFrom=2026-1-1', 'createdFrom');
    await bad('createdTo=2026-02-30', 'createdTo');
    await bad('pageSize=1000', 'pageSize');
    await bad('colour=red', 'colour');
    await bad('source=Bad', 'source');
    expect((await org.admin.get('/api/v1/leads?q=%25_%5C')).status).toBe(200);
    expect((await org.admin.get('/api/v1/leads/abc')).status).toBe(400);
    expect((await org.admin.get(`/api/v1/leads/${ids.lead}/history?pageSize=0`)).status).toBe(400);
    const zhDate = await zh.get('/api/v1/leads?createdTo=2026-02-30');
    expect(errorAt(zhDate, 'createdTo')).toBe('日期无效。');
  });
});
