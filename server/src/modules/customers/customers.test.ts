import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCustomer } from '../../test/fixtures.js';
import { createTestApp, type Agent, type TestApp } from '../../test/harness.js';

let t: TestApp;
let admin: Agent;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login();
});
afterAll(() => t.close());

describe('customers', () => {
  it('creates a customer with an archive number, owned by the creator by default', async () => {
    const res = await admin.post('/api/v1/customers', buildCustomer({ name: '杭州海纳科技有限公司', tags: ['重点', '重点', 'VIP'] }));
    expect(res.status).toBe(201);
    expect(res.body.archiveNo).toMatch(/^KH\d{8}$/);
    expect(res.body.ownerId).toBe(res.body.createdBy);
    expect(res.body.version).toBe(1);
    expect(res.body.tags).toEqual(['重点', 'VIP']);
    const got = await admin.get(`/api/v1/customers/${res.body.id}`);
    expect(got.body.name).toBe('杭州海纳科技有限公司');
  });

  it('never reuses an archive number, even after a purge', async () => {
    const a = (await admin.post('/api/v1/customers', buildCustomer())).body;
    expect((await admin.delete(`/api/v1/customers/${a.id}`)).status).toBe(204);
    expect((await admin.delete(`/api/v1/recycle-bin/customer/${a.id}`)).status).toBe(204);
    const b = (await admin.post('/api/v1/customers', buildCustomer())).body;
    expect(Number(b.archiveNo.slice(2))).toBe(Number(a.archiveNo.slice(2)) + 1);
  });

  it('finds customers by Chinese and Latin substrings, phone digits and email', async () => {
    await admin.post('/api/v1/customers', buildCustomer({ kind: 'person', name: '张伟', mobile: '138 0013 8000', category: 'retail' }));
    await admin.post('/api/v1/customers', buildCustomer({ name: '上海张伟贸易有限公司' }));
    await admin.post('/api/v1/customers', buildCustomer({ name: 'Northwind Trading Co., Ltd.', email: 'Sales@Northwind.example' }));
    await admin.post('/api/v1/customers', buildCustomer({ kind: 'person', name: '李娜', category: 'retail' }));
    const names = async (q: string) =>
      ((await admin.get(`/api/v1/customers?q=${encodeURIComponent(q)}&pageSize=50`)).body.items as Array<{ name: string }>).map((c) => c.name).sort();
    expect(await names('张伟')).toEqual(['上海张伟贸易有限公司', '张伟']);
    expect(await names('张伟贸易')).toEqual(['上海张伟贸易有限公司']);
    expect(await names('伟')).toEqual(['上海张伟贸易有限公司', '张伟']);
    expect(await names('northwind')).toEqual(['Northwind Trading Co., Ltd.']);
    expect(await names('WIND TRAD')).toEqual(['Northwind Trading Co., Ltd.']);
    expect(await names('00138')).toEqual(['张伟']);
    expect(await names('sales@northwind')).toEqual(['Northwind Trading Co., Ltd.']);
    expect(await names('不存在的名字')).toEqual([]);
    const counted = await admin.get(`/api/v1/customers?q=${encodeURIComponent('张伟')}`);
    expect(counted.body.total).toBe(2);
  });

  it('filters by status, kind, region and tags, sorts and pages', async () => {
    await admin.post('/api/v1/customers', buildCustomer({ name: 'Filter A', status: 'loyal', province: '浙江省', city: '杭州市', tags: ['展会'] }));
    await admin.post('/api/v1/customers', buildCustomer({ name: 'Filter B', status: 'lost', province: '浙江省', tags: ['展会2'] }));
    const loyal = await admin.get('/api/v1/customers?status=loyal,lost&province=浙江省&sort=name');
    expect(loyal.body.items.map((c: { name: string }) => c.name)).toEqual(['Filter A', 'Filter B']);
    const tagged = await admin.get(`/api/v1/customers?tags=${encodeURIComponent('展会')}`);
    expect(tagged.body.items.map((c: { name: string }) => c.name)).toEqual(['Filter A']);
    const page = await admin.get('/api/v1/customers?pageSize=2&page=2&sort=name');
    expect(page.body.items).toHaveLength(2);
    expect(page.body.page).toBe(2);
    expect(page.body.total).toBeGreaterThan(4);
    const pool = await admin.get('/api/v1/customers?ownerId=none');
    expect(pool.body.total).toBe(0);
  });

  it('refuses a stale update with 409 and the current record, and keeps the newer data', async () => {
    const c = (await admin.post('/api/v1/customers', buildCustomer({ name: '并发客户' }))).body;
    const first = await admin.patch(`/api/v1/customers/${c.id}`, { version: c.version, phone: '021-12345678' });
    expect(first.status).toBe(200);
    expect(first.body.version).toBe(2);
    const stale = await admin.patch(`/api/v1/customers/${c.id}`, { version: c.version, phone: '010-87654321' });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('CONFLICT');
    expect(stale.body.error.current.phone).toBe('021-12345678');
    expect(stale.body.error.current.version).toBe(2);
    expect((await admin.get(`/api/v1/customers/${c.id}`)).body.phone).toBe('021-12345678');
  });

  it('records who changed which field from what to what', async () => {
    const c = (await admin.post('/api/v1/customers', buildCustomer({ name: '历史客户', status: 'potential' }))).body;
    await admin.patch(`/api/v1/customers/${c.id}`, { version: 1, status: 'target', organization: { employees: 120 } });
    const history = await admin.get(`/api/v1/customers/${c.id}/history`);
    expect(history.status).toBe(200);
    const [update, create] = history.body.items;
    expect(create.action).toBe('create');
    expect(update.action).toBe('update');
    expect(update.actorName).toBe('系统管理员');
    expect(update.changes).toEqual(
      expect.arrayContaining([
        { field: 'status', old: 'potential', new: 'target' },
        { field: 'organization.employees', old: null, new: 120 },
      ]),
    );
  });

  it('an update that changes nothing keeps the version and writes no history', async () => {
    const c = (await admin.post('/api/v1/customers', buildCustomer({ name: '不变客户' }))).body;
    const res = await admin.patch(`/api/v1/customers/${c.id}`, { version: 1, name: '不变客户' });
    expect(res.body.version).toBe(1);
    expect((await admin.get(`/api/v1/customers/${c.id}/history`)).body.total).toBe(1);
  });

  it('checks ID-card and credit-code check digits field by field', async () => {
    const bad = await admin.post('/api/v1/customers', buildCustomer({ kind: 'person', name: '王芳', person: { idCardNumber: '110101199003070000' } }));
    expect(bad.status).toBe(400);
    expect(bad.body.error.details).toEqual([{ path: 'person.idCardNumber', message: expect.stringContaining('ID-card') }]);
    const badOrg = await admin.post('/api/v1/customers', buildCustomer({ organization: { creditCode: '91350100M000100Y44' } }));
    expect(badOrg.body.error.details[0].path).toBe('organization.creditCode');
    const good = await admin.post('/api/v1/customers', buildCustomer({ kind: 'person', name: '王芳', person: { idCardNumber: '11010519491231002X' } }));
    expect(good.status).toBe(201);
    const goodOrg = await admin.post('/api/v1/customers', buildCustomer({ organization: { creditCode: '91350100M000100Y43' } }));
    expect(goodOrg.status).toBe(201);
  });

  it('soft-deletes to the recycle bin, where an administrator restores it', async () => {
    const c = (await admin.post('/api/v1/customers', buildCustomer({ name: '回收客户' }))).body;
    expect((await admin.delete(`/api/v1/customers/${c.id}`)).status).toBe(204);
    expect((await admin.get(`/api/v1/customers/${c.id}`)).status).toBe(404);
    expect((await admin.get(`/api/v1/customers?q=${encodeURIComponent('回收客户')}`)).body.total).toBe(0);
    const bin = await admin.get('/api/v1/recycle-bin?type=customer');
    expect(bin.body.items.map((i: { name: string }) => i.name)).toContain('回收客户');
    expect((await admin.post(`/api/v1/recycle-bin/customer/${c.id}/restore`)).status).toBe(204);
    const back = await admin.get(`/api/v1/customers/${c.id}`);
    expect(back.status).toBe(200);
    expect((await admin.get(`/api/v1/customers?q=${encodeURIComponent('回收客户')}`)).body.total).toBe(1);
    const actions = (await admin.get(`/api/v1/customers/${c.id}/history`)).body.items.map((h: { action: string }) => h.action);
    expect(actions).toEqual(['restore', 'delete', 'create']);
  });

  it('the unfiltered total stays exact through create, delete, restore and purge', async () => {
    const counted = async () => {
      const orgs = (await admin.get('/api/v1/customers?kind=organization')).body.total;
      const people = (await admin.get('/api/v1/customers?kind=person')).body.total;
      return orgs + people;
    };
    const total = async () => (await admin.get('/api/v1/customers')).body.total;
    expect(await total()).toBe(await counted());
    const a = (await admin.post('/api/v1/customers', buildCustomer())).body;
    const b = (await admin.post('/api/v1/customers', buildCustomer())).body;
    await admin.delete(`/api/v1/customers/${a.id}`);
    await admin.delete(`/api/v1/customers/${b.id}`);
    await admin.post(`/api/v1/recycle-bin/customer/${a.id}/restore`);
    await admin.delete(`/api/v1/recycle-bin/customer/${b.id}`);
    expect(await total()).toBe(await counted());
  });

  it('answers messages in the caller language', async () => {
    const zh = await t.login(undefined, undefined, 'zh-CN');
    const res = await zh.get('/api/v1/customers/999999');
    expect(res.status).toBe(404);
    expect(res.body.error.message).toBe('记录不存在或无权查看。');
    const invalid = await zh.post('/api/v1/customers', { kind: 'organization', name: '' });
    expect(invalid.body.error.message).toBe('部分字段填写有误。');
    expect(invalid.body.error.details[0].message).toMatch(/[\u4e00-\u9fff]/);
  });
});
