import type { AssignmentRulesUpdate, LeadCreate } from '@crm/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrg, password, type Org } from '../../test/fixtures.js';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { insertLeads } from './index.js';

/** Assignment rules (round robin, region, source, in order) and the lead-source list. */
let t: TestApp;
let org: Org;
let spare: number;

beforeAll(async () => {
  t = await createTestApp();
  org = await createOrg(t);
  spare = (await org.admin.post('/api/v1/users', { email: 'spare@example.com', name: '备用销售', password, roleId: org.roleIds.salesperson, departmentId: org.ids.east })).body.id;
}, 120_000);
afterAll(() => t.close());

type Rule = AssignmentRulesUpdate['rules'][number];
async function setRules(rules: Rule[]): Promise<void> {
  const { version } = (await org.admin.get('/api/v1/settings/lead-assignment')).body;
  const res = await org.admin.put('/api/v1/settings/lead-assignment', { rules, version });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
}
async function create(body: Partial<LeadCreate> = {}): Promise<{ id: number; ownerId: number | null; name: string }> {
  const res = await org.admin.post('/api/v1/leads', { name: '规则线索', source: 'telemarketing', ...body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}
async function setActive(userId: number, active: boolean): Promise<void> {
  const user = (await org.admin.get(`/api/v1/users/${userId}`)).body;
  expect((await org.admin.patch(`/api/v1/users/${userId}`, { version: user.version, active })).status).toBe(200);
}

describe('assignment rules', () => {
  it('round robin: users take turns in order; an explicit owner or null skips the rules', async () => {
    await setRules([{ id: 'rr', name: '华东轮询', kind: 'round_robin', userIds: [org.ids.east1, org.ids.east2, org.ids.north1] }]);
    const owners = [];
    for (let i = 0; i < 7; i++) owners.push((await create()).ownerId);
    expect(owners).toEqual([org.ids.east1, org.ids.east2, org.ids.north1, org.ids.east1, org.ids.east2, org.ids.north1, org.ids.east1]);
    expect((await create({ ownerId: null })).ownerId).toBeNull();
    expect((await create({ ownerId: org.ids.north1 })).ownerId).toBe(org.ids.north1);
    // The turn carries on after those.
    expect((await create()).ownerId).toBe(org.ids.east2);
  });

  it("a salesperson's own lead is his: the rules only distribute leads of those who distribute (leads.assign)", async () => {
    await setRules([{ id: 'rr-own', name: '轮询', kind: 'round_robin', userIds: [org.ids.north1] }]);
    const own = await org.as.east1.post('/api/v1/leads', { name: '自己录入的线索', source: 'telemarketing' });
    expect(own.status, JSON.stringify(own.body)).toBe(201);
    expect(own.body.ownerId).toBe(org.ids.east1);
    const pooled = await org.as.east1.post('/api/v1/leads', { name: '放入线索池', source: 'telemarketing', ownerId: null });
    expect(pooled.body.ownerId).toBeNull();
    // The manager distributes: without an owner the rules decide.
    const distributed = await org.as.manager.post('/api/v1/leads', { name: '经理分配的线索', source: 'telemarketing' });
    expect(distributed.body.ownerId).toBe(org.ids.north1);
  });

  it('the assigned owner hears about it (naming the rule); the lead history names the rule', async () => {
    await setRules([{ id: 'only-north', name: '华北专员', kind: 'round_robin', userIds: [org.ids.north1] }]);
    const lead = await create({ name: '规则通知' });
    expect(lead.ownerId).toBe(org.ids.north1);
    const notices = (await org.as.north1.get('/api/v1/notifications?pageSize=200')).body.items as Array<{ entityId: number; kind: string; message: string }>;
    expect(notices.find((x) => x.entityId === lead.id)).toMatchObject({ kind: 'lead_assigned', message: 'You have a new lead: 规则通知 (assigned by 华北专员).' });
    const [entry] = (await org.admin.get(`/api/v1/leads/${lead.id}/history`)).body.items;
    expect(entry).toMatchObject({ action: 'create', changes: [{ field: 'ownerId', old: null, new: org.ids.north1 }, { field: 'assignmentRule', old: null, new: '华北专员' }] });
  });

  it('rules are tried in order: source, then region (province suffixes ignored), then round robin; disabled rules skipped', async () => {
    await setRules([
      { id: 'off', name: '停用', kind: 'round_robin', enabled: false, userIds: [org.ids.manager] },
      { id: 'expo', name: '展会线索', kind: 'source', userIds: [org.ids.north1], sources: ['exhibition', 'seminar'] },
      { id: 'zj', name: '浙江区域', kind: 'region', userIds: [org.ids.east2], provinces: ['浙江', '上海市'] },
      { id: 'rest', name: '其余', kind: 'round_robin', userIds: [org.ids.east1] },
    ]);
    expect((await create({ source: 'exhibition', province: '浙江' })).ownerId).toBe(org.ids.north1);
    expect((await create({ source: 'seminar' })).ownerId).toBe(org.ids.north1);
    expect((await create({ province: '浙江省' })).ownerId).toBe(org.ids.east2);
    expect((await create({ province: '上海' })).ownerId).toBe(org.ids.east2);
    expect((await create({ province: '江苏省' })).ownerId).toBe(org.ids.east1);
    expect((await create()).ownerId).toBe(org.ids.east1);
  });

  it('a round-robin rule narrowed by sources; no matching rule leaves the lead in the pool', async () => {
    await setRules([
      { id: 'web', name: '网站线索', kind: 'round_robin', userIds: [org.ids.east1], sources: ['web_form'] },
      { id: 'bj', name: '北京', kind: 'region', userIds: [org.ids.north1], provinces: ['北京'] },
    ]);
    expect((await create({ source: 'web_form' })).ownerId).toBe(org.ids.east1);
    expect((await create({ source: 'telemarketing', province: '广东' })).ownerId).toBeNull();
    expect((await create({ source: 'telemarketing' })).ownerId).toBeNull();
    await setRules([]);
    expect((await create({ source: 'web_form' })).ownerId).toBeNull();
  });

  it('inactive users are skipped without losing anyone a turn; a rule with none active passes the lead on', async () => {
    await setRules([
      { id: 'skip', name: '跳过停用', kind: 'round_robin', userIds: [org.ids.east1, spare, org.ids.east2], provinces: ['浙江'] },
      { id: 'spare-only', name: '仅备用', kind: 'region', userIds: [spare], provinces: ['江苏'] },
      { id: 'fallback', name: '兜底', kind: 'round_robin', userIds: [org.ids.north1] },
    ]);
    expect((await create({ province: '浙江' })).ownerId).toBe(org.ids.east1);
    expect((await create({ province: '浙江' })).ownerId).toBe(spare);
    await setActive(spare, false);
    expect((await create({ province: '浙江' })).ownerId).toBe(org.ids.east2);
    expect((await create({ province: '浙江' })).ownerId).toBe(org.ids.east1);
    expect((await create({ province: '浙江' })).ownerId).toBe(org.ids.east2);
    expect((await create({ province: '江苏' })).ownerId).toBe(org.ids.north1);
    await setActive(spare, true);
    expect((await create({ province: '浙江' })).ownerId).toBe(org.ids.east1);
    expect((await create({ province: '浙江' })).ownerId).toBe(spare);
    expect((await create({ province: '江苏' })).ownerId).toBe(spare);
  });

  it('concurrent creates never take the same turn', async () => {
    const users = [org.ids.east1, org.ids.east2, org.ids.north1, org.ids.manager];
    await setRules([{ id: 'race', name: '并发轮询', kind: 'round_robin', userIds: users }]);
    const created = await Promise.all(Array.from({ length: 12 }, () => create()));
    const counts = new Map<number | null, number>();
    for (const lead of created) counts.set(lead.ownerId, (counts.get(lead.ownerId) ?? 0) + 1);
    expect([...counts.entries()].sort()).toEqual(users.map((u) => [u, 3]).sort());

    // Service-level: separate transactions at once (several connections on PostgreSQL).
    const batches = await Promise.all(
      Array.from({ length: 4 }, () =>
        t.ctx.db.transaction().execute((trx) => insertLeads(t.ctx, trx, [{ kind: 'person', name: '并发', source: 'other' }, { kind: 'person', name: '并发', source: 'other' }], { actorId: null, action: 'create', now: new Date() })),
      ),
    );
    const owners = batches.flat().map((l) => l.ownerId);
    expect(users.map((u) => owners.filter((o) => o === u).length)).toEqual([2, 2, 2, 2]);
  });
});

describe('assignment rule settings', () => {
  it('settings.view reads, settings.edit writes; stale versions get 409 with the current rules', async () => {
    await setRules([]);
    const state = (await org.admin.get('/api/v1/settings/lead-assignment')).body;
    const body = { rules: [{ id: 'x', name: '规则', kind: 'round_robin', userIds: [org.ids.east1, org.ids.east1] }], version: state.version };
    const saved = await org.admin.put('/api/v1/settings/lead-assignment', body);
    expect(saved.status).toBe(200);
    expect(saved.body).toEqual({ version: state.version + 1, rules: [{ id: 'x', name: '规则', kind: 'round_robin', enabled: true, userIds: [org.ids.east1], provinces: [], sources: [] }] });
    const stale = await org.admin.put('/api/v1/settings/lead-assignment', body);
    expect(stale.status).toBe(409);
    expect(stale.body.error.current).toEqual(saved.body);
    expect((await org.as.manager.get('/api/v1/settings/lead-assignment')).body).toEqual(saved.body);
  });

  it('refuses unknown or inactive users, repeated ids, unknown sources and kinds missing their lists', async () => {
    const { version } = (await org.admin.get('/api/v1/settings/lead-assignment')).body;
    await setActive(spare, false);
    const res = await org.admin.put('/api/v1/settings/lead-assignment', {
      version,
      rules: [
        { id: 'a', name: 'A', kind: 'round_robin', userIds: [999999, spare] },
        { id: 'a', name: 'B', kind: 'source', userIds: [org.ids.east1], sources: ['no_such_source'] },
      ],
    });
    expect(res.status).toBe(400);
    expect(res.body.error.details).toEqual([
      { path: 'rules.0.userIds.0', message: 'No such active user.' },
      { path: 'rules.0.userIds.1', message: 'No such active user.' },
      { path: 'rules.1.id', message: 'Two rules have this id.' },
      { path: 'rules.1.sources.0', message: 'No such lead source.' },
    ]);
    const missing = await org.admin.put('/api/v1/settings/lead-assignment', { version, rules: [{ id: 'r', name: 'R', kind: 'region', userIds: [org.ids.east1] }] });
    expect(missing.status).toBe(400);
    expect(missing.body.error.details.map((d: { path: string }) => d.path)).toEqual(['rules.0.provinces']);
    await setActive(spare, true);
  });
});

describe('lead sources', () => {
  it('the default list in both languages; keys unique; a used key can be deactivated, not removed; 409 when stale', async () => {
    const state = (await org.as.reader.get('/api/v1/settings/lead-sources')).body;
    expect(state.version).toBe(0);
    expect(state.items).toHaveLength(19);
    expect(state.items[0]).toEqual({ key: 'referral', labelZh: '客户引荐', labelEn: 'Customer referral', active: true });
    expect(state.items.find((s: { key: string }) => s.key === 'center_of_influence')).toMatchObject({ labelZh: '中心开花' });

    const dup = await org.admin.put('/api/v1/settings/lead-sources', { version: 0, items: [...state.items, { key: 'referral', labelZh: '重复', labelEn: 'Twice' }] });
    expect(dup.status).toBe(400);
    expect(dup.body.error.details).toEqual([{ path: 'items.19.key', message: 'This key appears twice in the list.' }]);

    await create({ source: 'telemarketing' });
    const without = state.items.filter((s: { key: string }) => s.key !== 'telemarketing' && s.key !== 'observation');
    const removed = await t.login('admin@example.com', 'admin-password-1', 'zh-CN').then((zh) => zh.put('/api/v1/settings/lead-sources', { version: 0, items: without }));
    expect(removed.status).toBe(400);
    expect(removed.body.error.details).toEqual([{ path: 'items', message: '仍有线索或客户使用的来源不能删除，请改为停用。' }]);

    const items = [...state.items.filter((s: { key: string }) => s.key !== 'observation').map((s: { key: string }) => (s.key === 'telemarketing' ? { ...s, active: false } : s)), { key: 'wechat_group', labelZh: '微信群', labelEn: 'WeChat groups' }];
    const saved = await org.admin.put('/api/v1/settings/lead-sources', { version: 0, items });
    expect(saved.status).toBe(200);
    expect(saved.body.version).toBe(1);
    expect(saved.body.items.at(-1)).toEqual({ key: 'wechat_group', labelZh: '微信群', labelEn: 'WeChat groups', active: true });
    expect(saved.body.items.some((s: { key: string }) => s.key === 'observation')).toBe(false);
    expect((await org.admin.put('/api/v1/settings/lead-sources', { version: 0, items })).status).toBe(409);
    expect((await org.admin.post('/api/v1/leads', { name: '新来源', source: 'wechat_group' })).body.source).toBe('wechat_group');
    const refused = await org.admin.post('/api/v1/leads', { name: 'x', source: 'observation' });
    expect(refused.body.error.details).toEqual([{ path: 'source', message: 'No such lead source.' }]);
  });
});
