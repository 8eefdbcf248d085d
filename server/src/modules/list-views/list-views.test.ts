import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCustomer, createOrg, password, type Org } from '../../test/fixtures.js';
import { createTestApp, errorAt, errorPaths, type Agent, type TestApp } from '../../test/harness.js';

/**
 * Saved list views on both engines: who sees which view (exact sets for personal, department and
 * everyone), who may share, the default view, filters checked against the list's own query schema,
 * and a shared view that never widens what its reader's data scope shows.
 */
let t: TestApp;
let org: Org;

const names = async (as: Agent, list = 'customers'): Promise<string[]> => {
  const res = await as.get(`/api/v1/list-views?list=${list}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return (res.body.items as Array<{ name: string }>).map((v) => v.name).sort();
};
const save = (as: Agent, body: Record<string, unknown>) => as.post('/api/v1/list-views', { list: 'customers', ...body });

beforeAll(async () => {
  t = await createTestApp();
  org = await createOrg(t);
}, 180_000);
afterAll(() => t.close());

describe('saving, changing and deleting a view', () => {
  it('keeps filters, columns, sort and page size; the owner renames it (409 when stale) and deletes it', async () => {
    const created = await save(org.as.east1, { name: '潜在客户', filters: { status: 'potential,target', industry: 'it' }, columns: ['name', 'nextFollowUpOn'], sort: '-lastFollowUpAt', pageSize: 50 });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({
      list: 'customers', name: '潜在客户', visibility: 'personal', departmentId: null, ownerId: org.ids.east1, ownerName: '张伟',
      filters: { status: 'potential,target', industry: 'it' }, columns: ['name', 'nextFollowUpOn'], sort: '-lastFollowUpAt', pageSize: 50, version: 1, can: { edit: true, delete: true },
    });
    const id = created.body.id as number;
    const renamed = await org.as.east1.patch(`/api/v1/list-views/${id}`, { name: '我的潜在客户', version: 1 });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ name: '我的潜在客户', version: 2, filters: { status: 'potential,target', industry: 'it' } });
    const stale = await org.as.east1.patch(`/api/v1/list-views/${id}`, { name: '旧版本', version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.current).toMatchObject({ name: '我的潜在客户', version: 2 });
    // Someone else's personal view is not even there for them.
    expect((await org.as.east2.delete(`/api/v1/list-views/${id}`)).status).toBe(404);
    expect((await org.as.east2.patch(`/api/v1/list-views/${id}`, { name: 'x', version: 2 })).status).toBe(404);
    expect((await org.as.east1.delete(`/api/v1/list-views/${id}`)).status).toBe(204);
    expect(await names(org.as.east1)).not.toContain('我的潜在客户');
  });

  it('one name per owner and list; the same name on another list or by another user is fine', async () => {
    expect((await save(org.as.east1, { name: '重名' })).status).toBe(201);
    const again = await save(org.as.east1, { name: '重名' });
    expect(again.status).toBe(400);
    expect(errorPaths(again)).toEqual(['name']);
    expect((await save(org.as.east1, { name: '重名', list: 'leads' })).status).toBe(201);
    expect((await save(org.as.east2, { name: '重名' })).status).toBe(201);
  });
});

describe('who sees a view', () => {
  beforeAll(async () => {
    expect((await save(org.as.east1, { name: 'V-张伟个人' })).status).toBe(201);
    // The manager's own department (销售部) by default: 华东组 and 华北组 are below it.
    expect((await save(org.as.manager, { name: 'V-销售部', visibility: 'department' })).status).toBe(201);
    expect((await save(org.as.manager, { name: 'V-华东组', visibility: 'department', departmentId: org.ids.east })).status).toBe(201);
    expect((await save(org.admin, { name: 'V-全员', visibility: 'everyone' })).status).toBe(201);
    expect((await save(org.admin, { name: 'V-客服部', visibility: 'department', departmentId: org.ids.service })).status).toBe(201);
  });

  const vNames = async (as: Agent) => (await names(as)).filter((n) => n.startsWith('V-'));

  it('personal: the owner; department: that department and those below it; everyone: everyone (exact sets)', async () => {
    expect(await vNames(org.as.east1)).toEqual(['V-全员', 'V-华东组', 'V-张伟个人', 'V-销售部'].sort());
    expect(await vNames(org.as.east2)).toEqual(['V-全员', 'V-华东组', 'V-销售部'].sort());
    expect(await vNames(org.as.eastLead)).toEqual(['V-全员', 'V-华东组', 'V-销售部'].sort());
    expect(await vNames(org.as.north1)).toEqual(['V-全员', 'V-销售部'].sort());
    expect(await vNames(org.as.manager)).toEqual(['V-全员', 'V-华东组', 'V-销售部'].sort());
    expect(await vNames(org.as.agent)).toEqual(['V-全员', 'V-客服部'].sort());
    // 总公司 is above 销售部: a view shared with 销售部 does not go up.
    expect(await vNames(org.as.marketer)).toEqual(['V-全员']);
    expect(await vNames(org.as.reader)).toEqual(['V-全员']);
    expect(await vNames(org.admin)).toEqual(['V-全员', 'V-客服部'].sort());
  });

  it('a shared view is read-only for its readers: 403 on change and delete', async () => {
    const shared = (await org.as.east1.get('/api/v1/list-views?list=customers')).body.items.find((v: { name: string }) => v.name === 'V-销售部');
    expect(shared).toMatchObject({ visibility: 'department', departmentId: org.ids.sales, departmentName: '销售部', ownerName: '王经理', can: { edit: false, delete: false } });
    expect((await org.as.east1.patch(`/api/v1/list-views/${shared.id}`, { name: '改名', version: shared.version })).status).toBe(403);
    expect((await org.as.east1.delete(`/api/v1/list-views/${shared.id}`)).status).toBe(403);
  });

  it('sharing needs views.share, and a department of one\'s own tree', async () => {
    const salesperson = await save(org.as.east1, { name: '想共享', visibility: 'everyone' });
    expect(salesperson.status).toBe(403);
    expect((await save(org.as.east1, { name: '想共享', visibility: 'department' })).status).toBe(403);
    const outside = await save(org.as.manager, { name: '别的部门', visibility: 'department', departmentId: org.ids.service });
    expect(outside.status).toBe(400);
    expect(errorPaths(outside)).toEqual(['departmentId']);
    const personalWithDept = await save(org.as.manager, { name: '个人带部门', departmentId: org.ids.east });
    expect(errorPaths(personalWithDept)).toEqual(['departmentId']);
    expect(await names(org.as.east1)).not.toContain('想共享');
    // Turning one's own personal view into a shared one needs the right too.
    const own = (await org.as.east1.get('/api/v1/list-views?list=customers')).body.items.find((v: { name: string }) => v.name === 'V-张伟个人');
    expect((await org.as.east1.patch(`/api/v1/list-views/${own.id}`, { visibility: 'everyone', version: own.version })).status).toBe(403);
    expect(await vNames(org.as.east2)).not.toContain('V-张伟个人');
  });

  it('views of a list need the right to read that list', async () => {
    // The service agent reads customers, not leads.
    expect((await org.as.agent.get('/api/v1/list-views?list=leads')).status).toBe(403);
    expect((await org.as.agent.post('/api/v1/list-views', { list: 'leads', name: 'x' })).status).toBe(403);
    expect((await org.as.agent.get('/api/v1/list-views?list=customers')).status).toBe(200);
  });
});

describe('the default view', () => {
  it('a saved view one may see, a built-in view of the list, or none; others are refused', async () => {
    const views = (await org.as.east2.get('/api/v1/list-views?list=customers')).body;
    expect(views.defaultView).toBe('all');
    const shared = views.items.find((v: { name: string }) => v.name === 'V-销售部');
    const set = await org.as.east2.put('/api/v1/list-views/default', { list: 'customers', viewId: shared.id });
    expect(set.status).toBe(200);
    expect((await org.as.east2.get('/api/v1/list-views?list=customers')).body.defaultView).toBe(shared.id);
    expect((await org.as.east2.put('/api/v1/list-views/default', { list: 'customers', viewId: 'due_today' })).status).toBe(200);
    expect((await org.as.east2.get('/api/v1/list-views?list=customers')).body.defaultView).toBe('due_today');
    // Each user's own: east1's default is untouched.
    expect((await org.as.east1.get('/api/v1/list-views?list=customers')).body.defaultView).toBe('all');

    const personal = (await org.as.east1.get('/api/v1/list-views?list=customers')).body.items.find((v: { name: string }) => v.name === 'V-张伟个人');
    const leadsView = (await save(org.as.east2, { name: '线索视图', list: 'leads' })).body;
    for (const [body, path] of [
      [{ list: 'customers', viewId: personal.id }, 'viewId'],
      [{ list: 'customers', viewId: leadsView.id }, 'viewId'],
      [{ list: 'leads', viewId: 'pool_soon' }, 'viewId'],
      [{ list: 'customers', viewId: 'nope' }, 'viewId'],
      [{ list: 'nope', viewId: 'all' }, 'list'],
      [{ list: 'customers', viewId: null }, 'viewId'],
    ] as const) {
      const res = await org.as.east2.put('/api/v1/list-views/default', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(errorPaths(res), JSON.stringify(body)).toContain(path);
    }
    expect((await org.as.east2.get('/api/v1/list-views?list=customers')).body.defaultView).toBe('due_today');
    // `all`: the list unfiltered again, nothing kept.
    expect((await org.as.east2.put('/api/v1/list-views/default', { list: 'customers', viewId: 'all' })).status).toBe(200);
    expect((await org.as.east2.get('/api/v1/list-views?list=customers')).body.defaultView).toBe('all');
  });

  it("a deleted view is nobody's default any more", async () => {
    const view = (await save(org.as.manager, { name: '即将删除', visibility: 'department' })).body;
    expect((await org.as.east1.put('/api/v1/list-views/default', { list: 'customers', viewId: view.id })).status).toBe(200);
    expect((await org.as.manager.delete(`/api/v1/list-views/${view.id}`)).status).toBe(204);
    expect((await org.as.east1.get('/api/v1/list-views?list=customers')).body.defaultView).toBe('all');
  });
});

describe('filters are checked against the list\'s query', () => {
  it('refuses each bad filter by its name, in the caller\'s language, and saves nothing', async () => {
    const before = (await names(org.as.east1)).length;
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ filters: { status: 'nope' } }, 'filters.status'],
      [{ filters: { colour: 'red' } }, 'filters.colour'],
      [{ filters: { page: '2' } }, 'filters.page'],
      [{ filters: { nextFollowUpOn: '2026-13-40' } }, 'filters.nextFollowUpOn'],
      [{ filters: { noFollowUpDays: '0' } }, 'filters.noFollowUpDays'],
      [{ filters: { ownerId: String(org.ids.north1) } }, 'filters.ownerId'],
      [{ filters: { 'bad key': 'x' } }, 'filters.bad key'],
      [{ sort: 'salary' }, 'sort'],
      [{ pageSize: 500 }, 'pageSize'],
      [{ name: '' }, 'name'],
      [{ visibility: 'friends' }, 'visibility'],
      [{ columns: ['name; drop'] }, 'columns.0'],
    ];
    for (const [body, path] of cases) {
      const res = await save(org.as.east1, { name: '坏筛选', ...body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(errorPaths(res), JSON.stringify(body)).toContain(path);
    }
    // Several problems at once, each at its own field.
    const many = await save(org.as.east1, { name: '坏筛选', filters: { kind: 'robot', tags: 'x'.repeat(40) }, sort: 'x' });
    expect(errorPaths(many).sort()).toEqual(['filters.kind', 'filters.tags', 'sort']);
    const zh = await t.login('east1@example.com', password, 'zh-CN');
    const message = errorAt(await save(zh, { name: '坏筛选', filters: { page: '2' } }), 'filters.page');
    expect(message).toContain('页码');
    expect((await names(org.as.east1)).length).toBe(before);
  });

  it('each list checks against its own query: contacts take customerId (one the caller may see), leads a grade', async () => {
    const mine = (await org.as.east1.post('/api/v1/customers', buildCustomer())).body.id as number;
    const theirs = (await org.as.north1.post('/api/v1/customers', buildCustomer())).body.id as number;
    expect((await save(org.as.east1, { list: 'contacts', name: '某客户的联系人', filters: { customerId: String(mine) } })).status).toBe(201);
    expect(errorPaths(await save(org.as.east1, { list: 'contacts', name: '别人客户的联系人', filters: { customerId: String(theirs) } }))).toEqual(['filters.customerId']);
    expect(errorPaths(await save(org.as.east1, { list: 'contacts', name: '按状态', filters: { status: 'potential' } }))).toEqual(['filters.status']);
    expect((await save(org.as.east1, { list: 'leads', name: '好线索', filters: { grade: 'MAN,MAn' }, sort: '-grade' })).status).toBe(201);
    expect(errorPaths(await save(org.as.east1, { list: 'leads', name: '坏线索', filters: { grade: 'XYZ' } }))).toEqual(['filters.grade']);
    expect((await save(org.as.east1, { list: 'opportunities', name: '大单', filters: { amountMin: '10000000', overdue: 'true' }, sort: '-amount' })).status).toBe(201);
    expect(errorPaths(await save(org.as.east1, { list: 'opportunities', name: '坏商机', filters: { amountMin: '-1' } }))).toEqual(['filters.amountMin']);
  });

  it('a change is checked as the whole view it makes', async () => {
    const view = (await save(org.as.east1, { name: '待改', filters: { kind: 'person' } })).body;
    const bad = await org.as.east1.patch(`/api/v1/list-views/${view.id}`, { filters: { kind: 'alien' }, version: view.version });
    expect(errorPaths(bad)).toEqual(['filters.kind']);
    const after = (await org.as.east1.get('/api/v1/list-views?list=customers')).body.items.find((v: { id: number }) => v.id === view.id);
    expect(after).toMatchObject({ filters: { kind: 'person' }, version: view.version });
  });
});

describe('applying a view', () => {
  it('a shared view only sets the query: each reader sees what their own scope allows (exact ids)', async () => {
    const create = async (as: Agent, name: string) => (await as.post('/api/v1/customers', buildCustomer({ name, status: 'target' }))).body.id as number;
    const eastTarget = await create(org.as.east1, '视图客户华东甲');
    const east2Target = await create(org.as.east2, '视图客户华东乙');
    const northTarget = await create(org.as.north1, '视图客户华北');
    const view = (await save(org.admin, { name: '目标客户（全员）', visibility: 'everyone', filters: { status: 'target', q: '视图客户' } })).body;
    const seen = (await org.as.east1.get('/api/v1/list-views?list=customers')).body.items.find((v: { id: number }) => v.id === view.id);
    const apply = async (as: Agent) => {
      const query = new URLSearchParams({ ...seen.filters, pageSize: '200' });
      const res = await as.get(`/api/v1/customers?${query.toString()}`);
      expect(res.status).toBe(200);
      return (res.body.items as Array<{ id: number }>).map((c) => c.id).sort((a, b) => a - b);
    };
    expect(await apply(org.admin)).toEqual([eastTarget, east2Target, northTarget].sort((a, b) => a - b));
    expect(await apply(org.as.manager)).toEqual([eastTarget, east2Target, northTarget].sort((a, b) => a - b));
    expect(await apply(org.as.east1)).toEqual([eastTarget]);
    expect(await apply(org.as.north1)).toEqual([northTarget]);
  });

  it('built-in views are made for the reader: "mine" is their id, follow-up views count from today', async () => {
    const res = await org.as.east1.get('/api/v1/list-views?list=customers');
    expect(res.body.canShare).toBe(false);
    expect(res.body.builtIn).toEqual([
      { key: 'all', name: 'All customers', filters: {}, sort: null },
      { key: 'mine', name: 'My customers', filters: { ownerId: String(org.ids.east1) }, sort: null },
      { key: 'due_today', name: 'Due for follow-up today', filters: { ownerId: String(org.ids.east1), nextFollowUpWithinDays: '0' }, sort: 'nextFollowUpOn' },
      // The pool rules warn 3 days ahead by default.
      { key: 'pool_soon', name: 'About to return to the pool', filters: { ownerId: String(org.ids.east1), poolDueWithinDays: '3' }, sort: 'lastFollowUpAt' },
    ]);
    const zh = await t.login('north1@example.com', password, 'zh-CN');
    const leads = (await zh.get('/api/v1/list-views?list=leads')).body;
    expect(leads.builtIn.map((v: { name: string }) => v.name)).toEqual(['全部线索', '我的线索']);
    expect((await org.as.manager.get('/api/v1/list-views?list=contacts')).body).toMatchObject({
      canShare: true,
      builtIn: [{ key: 'all', filters: {} }, { key: 'mine', name: 'My contacts', filters: { ownerId: String(org.ids.manager) }, sort: null }],
    });
  });
});
