import { manGrades, manRanks, type LeadCreate } from '@crm/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrg, type Org } from '../../test/fixtures.js';
import { createTestApp, TestClock, type Agent, type TestApp } from '../../test/harness.js';

/** Leads through HTTP: create, MAN grades, list filters and sorts, edits, disqualify, the pool, the recycle bin. */
let t: TestApp;
let org: Org;
const clock = new TestClock();
const day = 86_400_000;

beforeAll(async () => {
  t = await createTestApp({ clock });
  org = await createOrg(t);
}, 120_000);
afterAll(() => t.close());

let n = 0;
function build(overrides: Partial<LeadCreate> = {}): LeadCreate {
  n += 1;
  return { name: `线索${n}`, source: 'exhibition', ownerId: null, ...overrides };
}
async function create(overrides: Partial<LeadCreate> = {}, as: Agent = org.admin) {
  const res = await as.post('/api/v1/leads', build(overrides));
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}
const list = async (query: string, as: Agent = org.admin) => {
  const res = await as.get(`/api/v1/leads?pageSize=200&${query}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as { items: Array<Record<string, any>>; total: number };
};
const history = async (id: number) => (await org.admin.get(`/api/v1/leads/${id}/history`)).body.items as Array<{ action: string; changes: Array<{ field: string; old: unknown; new: unknown }> }>;

describe('create and read', () => {
  it('a new lead: status new, every field back, meta, history entry, no grade until all three answers', async () => {
    const created = await create({
      kind: 'organization', name: '陈先生', company: '杭州西湖茶业有限公司', jobTitle: '采购经理', gender: 'male', age: 42, mobile: '13800138000',
      email: 'Chen@Example.com', province: '浙江省', city: '杭州市', industry: '茶叶', annualIncome: 50_000_000, creditStanding: 'good', notes: '展会上认识', manMoney: true,
    });
    expect(created).toMatchObject({
      kind: 'organization', name: '陈先生', company: '杭州西湖茶业有限公司', jobTitle: '采购经理', gender: 'male', age: 42, mobile: '13800138000',
      email: 'chen@example.com', province: '浙江省', status: 'new', source: 'exhibition', ownerId: null, ownerName: null, ownerSince: null,
      manMoney: true, manAuthority: null, manNeed: null, manGrade: null, manRank: null, annualIncome: 50_000_000, version: 1, createdBy: 1,
      convertedCustomerId: null, formId: null, can: { edit: true, delete: true, convert: true, assign: true, claim: true },
    });
    expect((await org.admin.get(`/api/v1/leads/${created.id}`)).body).toEqual(created);
    expect((await history(created.id)).map((e) => e.action)).toEqual(['create']);
  });

  it('MAN: each of the 8 combinations has its grade and rank', async () => {
    for (const grade of manGrades) {
      const [m, a, nd] = [...grade].map((c) => c === c.toUpperCase());
      const lead = await create({ manMoney: m, manAuthority: a, manNeed: nd });
      expect(lead.manGrade, grade).toBe(grade);
      expect(lead.manRank, grade).toBe(manRanks[grade]);
    }
    expect(manRanks).toEqual({ MAN: 1, MAn: 2, MaN: 2, mAN: 2, maN: 3, mAn: 3, Man: 3, man: 4 });
  });

  it('a referral names a live customer, whose name the lead shows', async () => {
    const customer = (await org.admin.post('/api/v1/customers', { kind: 'organization', name: '引荐人公司' })).body;
    const lead = await create({ source: 'referral', referrerCustomerId: customer.id });
    expect(lead).toMatchObject({ referrerCustomerId: customer.id, referrerCustomerName: '引荐人公司' });
  });

  it('an explicit owner is notified, oneself is not', async () => {
    const lead = await create({ name: '分配给张伟', ownerId: org.ids.east1 });
    expect(lead.ownerName).toBe('张伟');
    const notices = (await org.as.east1.get('/api/v1/notifications?pageSize=200')).body.items as Array<{ kind: string; entityId: number; message: string }>;
    expect(notices.find((x) => x.entityId === lead.id)).toMatchObject({ kind: 'lead_assigned', message: 'You have a new lead: 分配给张伟 (assigned by 系统管理员).' });
    const own = await create({ ownerId: org.ids.east1 }, org.as.east1);
    const mine = (await org.as.east1.get('/api/v1/notifications?pageSize=200')).body.items as Array<{ entityId: number }>;
    expect(mine.some((x) => x.entityId === own.id)).toBe(false);
  });
});

describe('list: filters, search and sorts', () => {
  let tag: string;
  const ids: Record<string, number> = {};
  beforeAll(async () => {
    tag = 'flt';
    ids.a = (await create({ name: `${tag}甲`, company: '宁波海运', mobile: '+86 139-0000-1111', province: '浙江', gender: 'female', creditStanding: 'good', source: 'seminar', manMoney: true, manAuthority: true, manNeed: true })).id;
    ids.b = (await create({ name: `${tag}乙`, email: 'yi@flt.example.com', province: '江苏', gender: 'male', source: 'seminar', manMoney: false, manAuthority: false, manNeed: false, ownerId: org.ids.east1 })).id;
    ids.c = (await create({ name: `${tag}丙`, province: '浙江', source: 'seminar', manMoney: true, manAuthority: false, manNeed: true })).id;
    ids.d = (await create({ name: `${tag}丁`, province: '浙江', source: 'seminar' })).id;
  });
  const idsOf = (body: { items: Array<Record<string, any>> }) => body.items.map((l) => l.id as number);

  it('q matches name, company, phone digits and email as substrings', async () => {
    expect(idsOf(await list(`q=${encodeURIComponent('海运')}`))).toEqual([ids.a]);
    expect(idsOf(await list('q=00001111'))).toEqual([ids.a]);
    expect(idsOf(await list('q=yi%40flt'))).toEqual([ids.b]);
    expect(idsOf(await list(`q=${encodeURIComponent(tag)}&sort=createdAt`))).toEqual([ids.a, ids.b, ids.c, ids.d]);
    expect((await list('q=%25%25')).total).toBeGreaterThan(4); // nothing searchable left: no filter
  });

  it('sort by grade: best first, ungraded last; descending: worst first, ungraded still last', async () => {
    const q = `q=${encodeURIComponent(tag)}`;
    expect(idsOf(await list(`${q}&sort=grade`))).toEqual([ids.a, ids.c, ids.b, ids.d]);
    expect(idsOf(await list(`${q}&sort=-grade`))).toEqual([ids.b, ids.c, ids.a, ids.d]);
  });

  it('filters: grade, rank, status, source, owner, province, gender, credit, created dates', async () => {
    const q = `q=${encodeURIComponent(tag)}&sort=createdAt`;
    expect(idsOf(await list(`${q}&grade=MAN,MaN`))).toEqual([ids.a, ids.c]);
    expect(idsOf(await list(`${q}&rank=4`))).toEqual([ids.b]);
    expect(idsOf(await list(`${q}&rank=none`))).toEqual([ids.d]);
    expect(idsOf(await list(`${q}&ownerId=none`))).toEqual([ids.a, ids.c, ids.d]);
    expect(idsOf(await list(`${q}&ownerId=${org.ids.east1}`))).toEqual([ids.b]);
    expect(idsOf(await list(`${q}&province=${encodeURIComponent('浙江')}`))).toEqual([ids.a, ids.c, ids.d]);
    expect(idsOf(await list(`${q}&gender=female`))).toEqual([ids.a]);
    expect(idsOf(await list(`${q}&creditStanding=good`))).toEqual([ids.a]);
    expect(idsOf(await list(`${q}&status=new,contacting`))).toHaveLength(4);
    expect(idsOf(await list(`${q}&status=qualified`))).toEqual([]);
    expect(idsOf(await list(`${q}&source=seminar`))).toHaveLength(4);
    const today = clock.now().toISOString().slice(0, 10);
    const tomorrow = new Date(clock.now().getTime() + day).toISOString().slice(0, 10);
    expect(idsOf(await list(`${q}&createdFrom=${today}&createdTo=${today}`))).toHaveLength(4);
    expect(idsOf(await list(`${q}&createdFrom=${tomorrow}`))).toEqual([]);
    expect(idsOf(await list(`${q}&createdTo=2020-01-01`))).toEqual([]);
  });

  it('pages: total counts every match, items the page', async () => {
    const page = await list(`q=${encodeURIComponent(tag)}&sort=name`.replace('pageSize=200&', ''));
    expect(page.total).toBe(4);
    const second = (await org.admin.get(`/api/v1/leads?q=${encodeURIComponent(tag)}&sort=createdAt&page=2&pageSize=3`)).body;
    expect(second).toMatchObject({ total: 4, page: 2, pageSize: 3 });
    expect(idsOf(second)).toEqual([ids.d]);
  });
});

describe('edit', () => {
  it('changes fields, recomputes grade, search and keys, records the changes; 409 with the current lead when stale', async () => {
    const lead = await create({ name: '待编辑', mobile: '13911112222' });
    const res = await org.admin.patch(`/api/v1/leads/${lead.id}`, { version: 1, status: 'contacting', manMoney: true, manAuthority: true, manNeed: false, mobile: '13933334444' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'contacting', manGrade: 'MAn', manRank: 2, mobile: '13933334444', version: 2 });
    expect((await list('q=13933334444')).items.map((l) => l.id)).toEqual([lead.id]);
    expect((await list('q=13911112222')).total).toBe(0);
    const dup = (await org.admin.post('/api/v1/leads/duplicate-check', { mobile: '13933334444' })).body.matches;
    expect(dup.map((m: { id: number }) => m.id)).toEqual([lead.id]);
    expect((await org.admin.post('/api/v1/leads/duplicate-check', { mobile: '13911112222' })).body.matches).toEqual([]);
    const [entry] = await history(lead.id);
    expect(entry?.action).toBe('update');
    expect(entry?.changes).toEqual(expect.arrayContaining([{ field: 'status', old: 'new', new: 'contacting' }, { field: 'manMoney', old: null, new: true }]));

    const stale = await org.admin.patch(`/api/v1/leads/${lead.id}`, { version: 1, name: '旧版本' });
    expect(stale.status).toBe(409);
    expect(stale.body.error.current).toMatchObject({ id: lead.id, version: 2, name: '待编辑' });
    // No change: no new version, no entry.
    const same = await org.admin.patch(`/api/v1/leads/${lead.id}`, { version: 2, name: '待编辑' });
    expect(same.body.version).toBe(2);
    expect(await history(lead.id)).toHaveLength(2);
  });

  it('an owner change by a manager is an assignment (entry and notice); a salesperson must claim instead', async () => {
    const lead = await create();
    const moved = await org.as.manager.patch(`/api/v1/leads/${lead.id}`, { version: 1, ownerId: org.ids.east2 });
    expect(moved.status).toBe(200);
    expect(moved.body.ownerId).toBe(org.ids.east2);
    expect((await history(lead.id))[0]).toMatchObject({ action: 'assign', changes: [{ field: 'ownerId', old: null, new: org.ids.east2 }] });
    const notices = (await org.as.east2.get('/api/v1/notifications?pageSize=200')).body.items as Array<{ entityId: number; kind: string }>;
    expect(notices.some((x) => x.entityId === lead.id && x.kind === 'lead_assigned')).toBe(true);
    const own = await create({ ownerId: org.ids.east1 });
    const refused = await org.as.east1.patch(`/api/v1/leads/${own.id}`, { version: 1, ownerId: org.ids.east2 });
    expect(refused.status).toBe(400);
    expect(refused.body.error.details).toEqual([{ path: 'ownerId', message: 'Take leads from the lead pool with Claim and give them back with Release.' }]);
  });

  it('a disqualified lead may be reopened (the reason goes); an inactive source stays on old leads', async () => {
    const lead = await create({ source: 'map' });
    const dq = await org.admin.post(`/api/v1/leads/${lead.id}/disqualify`, { reason: '没有预算', version: 1 });
    expect(dq.status).toBe(200);
    expect(dq.body).toMatchObject({ status: 'disqualified', disqualifyReason: '没有预算', version: 2, can: { convert: false } });
    expect((await history(lead.id))[0]).toMatchObject({ action: 'disqualify', changes: [{ field: 'status', old: 'new', new: 'disqualified' }, { field: 'disqualifyReason', old: null, new: '没有预算' }] });
    expect((await org.admin.post(`/api/v1/leads/${lead.id}/disqualify`, { reason: '再次', version: 1 })).status).toBe(409);

    const sources = (await org.admin.get('/api/v1/settings/lead-sources')).body;
    const items = sources.items.map((s: { key: string }) => (s.key === 'map' ? { ...s, active: false } : s));
    expect((await org.admin.put('/api/v1/settings/lead-sources', { items, version: sources.version })).status).toBe(200);
    const reopened = await org.admin.patch(`/api/v1/leads/${lead.id}`, { version: 2, status: 'qualified', source: 'map' });
    expect(reopened.status).toBe(200);
    expect(reopened.body).toMatchObject({ status: 'qualified', disqualifyReason: null, source: 'map' });
    const fresh = await org.admin.post('/api/v1/leads', build({ source: 'map' }));
    expect(fresh.status).toBe(400);
    expect(fresh.body.error.details).toEqual([{ path: 'source', message: 'This lead source is no longer offered for new leads.' }]);
  });
});

describe('lead pool: claim, release, assign', () => {
  it('claim takes a pool lead once; release puts it back; two claims at once: one wins', async () => {
    const lead = await create();
    const claimed = await org.as.east1.post(`/api/v1/leads/${lead.id}/claim`);
    expect(claimed.status).toBe(200);
    expect(claimed.body).toMatchObject({ ownerId: org.ids.east1, ownerName: '张伟', version: 2, can: { claim: false } });
    const again = await org.as.east2.post(`/api/v1/leads/${lead.id}/claim`);
    expect(again.status).toBe(404); // now east1's: outside east2's scope
    const byManager = await org.as.manager.post(`/api/v1/leads/${lead.id}/claim`);
    expect(byManager.status).toBe(409);
    expect(byManager.body.error.current.ownerId).toBe(org.ids.east1);

    const released = await org.as.east1.post(`/api/v1/leads/${lead.id}/release`, { reason: '不在我的区域' });
    expect(released.status).toBe(200);
    expect(released.body).toMatchObject({ ownerId: null, ownerSince: null });
    expect((await history(lead.id)).map((e) => e.action)).toEqual(['release', 'claim', 'create']);
    expect((await history(lead.id))[0]?.changes).toEqual([{ field: 'ownerId', old: org.ids.east1, new: null }, { field: 'reason', old: null, new: '不在我的区域' }]);
    expect((await org.as.east1.post(`/api/v1/leads/${lead.id}/release`)).status).toBe(409);

    const race = await Promise.all([org.as.east1.post(`/api/v1/leads/${lead.id}/claim`), org.as.east2.post(`/api/v1/leads/${lead.id}/claim`), org.as.north1.post(`/api/v1/leads/${lead.id}/claim`)]);
    expect(race.filter((r) => r.status === 200)).toHaveLength(1);
    expect((await history(lead.id)).filter((e) => e.action === 'claim')).toHaveLength(2);
  });

  it('assign: all or none, new owners notified, unchanged owners not counted', async () => {
    const a = await create();
    const b = await create({ ownerId: org.ids.east2 });
    const c = await create({ ownerId: org.ids.east1 });
    const res = await org.as.manager.post('/api/v1/leads/assign', { leadIds: [a.id, b.id, c.id], ownerId: org.ids.east1 });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ moved: 2 });
    for (const lead of [a, b, c]) expect((await org.admin.get(`/api/v1/leads/${lead.id}`)).body.ownerId).toBe(org.ids.east1);
    const notices = (await org.as.east1.get('/api/v1/notifications?pageSize=200')).body.items as Array<{ entityId: number; kind: string; message: string }>;
    expect(notices.filter((x) => [a.id, b.id].includes(x.entityId)).map((x) => x.message)).toHaveLength(2);
    // One unknown id: nothing moves.
    const d = await create();
    const refused = await org.as.manager.post('/api/v1/leads/assign', { leadIds: [d.id, 999999], ownerId: org.ids.east2 });
    expect(refused.status).toBe(400);
    expect(refused.body.error.details).toEqual([{ path: 'leadIds.1', message: 'No such lead.' }]);
    expect((await org.admin.get(`/api/v1/leads/${d.id}`)).body.ownerId).toBeNull();
  });
});

describe('delete, recycle bin, history', () => {
  it('delete hides the lead; restore brings it back; purge erases it and its keys', async () => {
    const lead = await create({ email: 'gone@example.com' });
    expect((await org.admin.delete(`/api/v1/leads/${lead.id}`)).status).toBe(204);
    expect((await org.admin.get(`/api/v1/leads/${lead.id}`)).status).toBe(404);
    expect((await org.admin.post('/api/v1/leads/duplicate-check', { email: 'gone@example.com' })).body.matches).toEqual([]);
    const bin = (await org.admin.get('/api/v1/recycle-bin?type=lead&pageSize=200')).body.items as Array<{ type: string; id: number; name: string; deletedByName: string }>;
    expect(bin.find((i) => i.id === lead.id)).toMatchObject({ type: 'lead', name: lead.name, deletedByName: '系统管理员' });
    expect((await org.admin.post(`/api/v1/recycle-bin/lead/${lead.id}/restore`)).status).toBe(204);
    const back = (await org.admin.get(`/api/v1/leads/${lead.id}`)).body;
    expect(back.version).toBe(2);
    expect((await history(lead.id)).map((e) => e.action)).toEqual(['restore', 'delete', 'create']);
    expect((await org.admin.post('/api/v1/leads/duplicate-check', { email: 'gone@example.com' })).body.matches).toHaveLength(1);

    expect((await org.admin.post(`/api/v1/recycle-bin/lead/${lead.id}/restore`)).status).toBe(404);
    expect((await org.admin.delete(`/api/v1/recycle-bin/lead/${lead.id}`)).status).toBe(404); // live: not in the bin
    await org.admin.delete(`/api/v1/leads/${lead.id}`);
    expect((await org.admin.delete(`/api/v1/recycle-bin/lead/${lead.id}`)).status).toBe(204);
    expect((await org.admin.post(`/api/v1/recycle-bin/lead/${lead.id}/restore`)).status).toBe(404);
    const keys = await t.ctx.db.selectFrom('lead_keys').select('key').where('lead_id', '=', lead.id).execute();
    expect(keys).toEqual([]);
    // Customers are still the default type of the bin.
    expect(((await org.admin.get('/api/v1/recycle-bin?pageSize=200')).body.items as Array<{ type: string }>).every((i) => i.type === 'customer')).toBe(true);
  });
});
