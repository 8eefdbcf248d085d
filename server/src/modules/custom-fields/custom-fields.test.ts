import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCustomer, createOrg, type Org } from '../../test/fixtures.js';
import { createTestApp, type Agent, type TestApp } from '../../test/harness.js';

let t: TestApp;
let org: Org;
let admin: Agent;
let adminZh: Agent;
const fieldIds: Record<string, number> = {};

const fields = [
  { key: 'region_code', type: 'text', labelZh: '区域代码', labelEn: 'Region code' },
  { key: 'headcount', type: 'number', labelZh: '人数', labelEn: 'Headcount' },
  { key: 'budget', type: 'money', labelZh: '预算', labelEn: 'Budget' },
  { key: 'signed_on', type: 'date', labelZh: '签约日期', labelEn: 'Signed on' },
  {
    key: 'level', type: 'single_select', labelZh: '级别', labelEn: 'Level',
    options: [{ value: 'a', labelZh: 'A级', labelEn: 'Grade A' }, { value: 'b', labelZh: 'B级', labelEn: 'Grade B' }],
  },
  {
    key: 'channels', type: 'multi_select', labelZh: '渠道', labelEn: 'Channels',
    options: [{ value: 'web', labelZh: '网站', labelEn: 'Web' }, { value: 'fair', labelZh: '展会', labelEn: 'Trade fair' }, { value: 'phone', labelZh: '电话', labelEn: 'Phone' }],
  },
  { key: 'account_rep', type: 'user', labelZh: '客户代表', labelEn: 'Account rep' },
  { key: 'vip', type: 'boolean', labelZh: '重要客户', labelEn: 'VIP' },
] as const;

beforeAll(async () => {
  t = await createTestApp();
  org = await createOrg(t);
  admin = org.admin;
  adminZh = await t.login(undefined, undefined, 'zh-CN');
  for (const f of fields) {
    const res = await admin.post('/api/v1/custom-fields', { entity: 'customer', ...f });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    fieldIds[f.key] = res.body.id;
  }
}, 120_000);
afterAll(() => t.close());

describe('custom field definitions', () => {
  it('are listed in order for every signed-in user; only settings.edit changes them', async () => {
    const list = await org.as.reader.get('/api/v1/custom-fields?entity=customer');
    expect(list.status).toBe(200);
    expect(list.body.items.map((f: { key: string }) => f.key)).toEqual(fields.map((f) => f.key));
    expect(list.body.items[4]).toMatchObject({ type: 'single_select', labelZh: '级别', required: false, active: true, position: 5, version: 1 });
    expect((await org.as.reader.get('/api/v1/custom-fields?entity=contact')).body.items).toEqual([]);

    const body = { entity: 'customer', key: 'not_allowed', type: 'text', labelZh: '不行', labelEn: 'No' };
    for (const who of ['manager', 'east1', 'reader'] as const) {
      expect((await org.as[who].post('/api/v1/custom-fields', body)).status).toBe(403);
      expect((await org.as[who].patch(`/api/v1/custom-fields/${fieldIds.vip}`, { version: 1, labelEn: 'x' })).status).toBe(403);
      expect((await org.as[who].delete(`/api/v1/custom-fields/${fieldIds.vip}`)).status).toBe(403);
      expect((await org.as[who].put('/api/v1/custom-fields/order', { entity: 'customer', ids: [fieldIds.vip] })).status).toBe(403);
    }
    // Deactivated fields are for the settings page (settings.view).
    expect((await org.as.east1.get('/api/v1/custom-fields?includeInactive=true')).status).toBe(403);
    expect((await org.as.manager.get('/api/v1/custom-fields?includeInactive=true')).status).toBe(200);
  });

  it('keys are unique per entity and never change; selects need options', async () => {
    const taken = await admin.post('/api/v1/custom-fields', { entity: 'customer', key: 'vip', type: 'text', labelZh: '重复', labelEn: 'Dup' });
    expect(taken.status).toBe(400);
    expect(taken.body.error.details[0].path).toBe('key');
    // The same key on the other entity is fine.
    const contactVip = await admin.post('/api/v1/custom-fields', { entity: 'contact', key: 'vip', type: 'boolean', labelZh: '重要', labelEn: 'VIP' });
    expect(contactVip.status).toBe(201);
    const badKey = await adminZh.post('/api/v1/custom-fields', { entity: 'customer', key: 'Bad-Key', type: 'text', labelZh: 'x', labelEn: 'x' });
    expect(badKey.body.error.details).toEqual([{ path: 'key', message: '只能使用小写字母、数字和下划线，并以字母开头。' }]);
    const noOptions = await admin.post('/api/v1/custom-fields', { entity: 'customer', key: 'kind2', type: 'single_select', labelZh: 'x', labelEn: 'x' });
    expect(noOptions.body.error.details).toEqual([{ path: 'options', message: 'A select field needs at least one option.' }]);
    const rename = await admin.patch(`/api/v1/custom-fields/${fieldIds.vip}`, { version: 1, key: 'vip2', type: 'text' });
    expect(rename.status).toBe(400);
    expect(rename.body.error.details.map((d: { path: string }) => d.path).sort()).toEqual(['key', 'type']);
    const stale = await admin.patch(`/api/v1/custom-fields/${fieldIds.vip}`, { version: 7, labelEn: 'Key account' });
    expect(stale.status).toBe(409);
    expect(stale.body.error.current.labelEn).toBe('VIP');
    const ok = await admin.patch(`/api/v1/custom-fields/${fieldIds.vip}`, { version: 1, labelEn: 'Key account' });
    expect(ok.body).toMatchObject({ key: 'vip', labelEn: 'Key account', version: 2 });
  });

  it('reorder takes every field of the entity exactly once', async () => {
    const ids = fields.map((f) => fieldIds[f.key] as number);
    expect((await admin.put('/api/v1/custom-fields/order', { entity: 'customer', ids: ids.slice(1) })).status).toBe(400);
    const reordered = await admin.put('/api/v1/custom-fields/order', { entity: 'customer', ids: [...ids.slice(1), ids[0]] });
    expect(reordered.status).toBe(200);
    expect(reordered.body.items.at(-1).key).toBe('region_code');
    await admin.put('/api/v1/custom-fields/order', { entity: 'customer', ids });
    expect((await admin.get('/api/v1/custom-fields?entity=customer')).body.items[0].key).toBe('region_code');
  });
});

describe('custom values on customers', () => {
  it('accept each type and come back normalised', async () => {
    const custom = {
      region_code: '  HD-01 ', headcount: 12.5, budget: 123450, signed_on: '2026-02-28', level: 'a',
      channels: ['phone', 'web', 'web'], account_rep: org.ids.east1, vip: true,
    };
    const res = await admin.post('/api/v1/customers', buildCustomer({ name: '自定义字段客户', custom }));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.custom).toEqual({ ...custom, region_code: 'HD-01', channels: ['web', 'phone'] });
    expect((await org.as.reader.get(`/api/v1/customers/${res.body.id}`)).body.custom.budget).toBe(123450);
  });

  it('refuse bad values field by field, in the caller language, and write nothing', async () => {
    const before = (await admin.get('/api/v1/customers?pageSize=200')).body.total;
    const custom = {
      region_code: 'x'.repeat(501), headcount: 'many', budget: 12.5, signed_on: '2026-02-30', level: 'z',
      channels: ['web', 'radio'], account_rep: 999999, vip: 'yes', nonsense: 1,
    };
    const en = await admin.post('/api/v1/customers', buildCustomer({ custom }));
    expect(en.status).toBe(400);
    const messages = Object.fromEntries(en.body.error.details.map((d: { path: string; message: string }) => [d.path, d.message]));
    expect(messages).toEqual({
      'custom.region_code': 'Enter text of at most 500 characters.',
      'custom.headcount': 'Enter a number.',
      'custom.budget': 'Enter an amount as a whole number of fen (cents).',
      'custom.signed_on': 'Use a date as YYYY-MM-DD.',
      'custom.level': 'Pick one of the options.',
      'custom.channels': 'Pick from the options (a list).',
      'custom.account_rep': 'Pick an active user.',
      'custom.vip': 'Use yes or no (true or false).',
      'custom.nonsense': 'No such custom field.',
    });
    const zh = await adminZh.post('/api/v1/customers', buildCustomer({ custom: { headcount: 'many', signed_on: '20260101', channels: 'web' } }));
    expect(zh.body.error.details).toEqual(expect.arrayContaining([
      { path: 'custom.headcount', message: '请输入数字。' },
      { path: 'custom.signed_on', message: '日期格式应为 YYYY-MM-DD。' },
      { path: 'custom.channels', message: '请从选项中选择（可多选）。' },
    ]));
    // A deactivated user is no longer a valid value.
    const gone = await admin.post('/api/v1/users', { email: 'gone@example.com', name: '离职', password: 'test-password-2026', roleId: org.roleIds.read_only });
    await admin.patch(`/api/v1/users/${gone.body.id}`, { version: 1, active: false });
    const inactive = await admin.post('/api/v1/customers', buildCustomer({ custom: { account_rep: gone.body.id } }));
    expect(inactive.body.error.details).toEqual([{ path: 'custom.account_rep', message: 'Pick an active user.' }]);
    expect((await admin.get('/api/v1/customers?pageSize=200')).body.total).toBe(before);
  });

  it('required fields: needed on create, cannot be emptied on update', async () => {
    const created = await admin.post('/api/v1/customers', buildCustomer({ name: '必填前客户' }));
    const made = await admin.post('/api/v1/custom-fields', { entity: 'customer', key: 'tax_region', type: 'text', labelZh: '税区', labelEn: 'Tax region', required: true });
    const missing = await adminZh.post('/api/v1/customers', buildCustomer());
    expect(missing.status).toBe(400);
    expect(missing.body.error.details).toEqual([{ path: 'custom.tax_region', message: '此字段为必填项。' }]);
    const empty = await admin.post('/api/v1/customers', buildCustomer({ custom: { tax_region: '  ' } }));
    expect(empty.body.error.details).toEqual([{ path: 'custom.tax_region', message: 'This field is required.' }]);
    const ok = await admin.post('/api/v1/customers', buildCustomer({ custom: { tax_region: '华东' } }));
    expect(ok.status).toBe(201);
    const cleared = await admin.patch(`/api/v1/customers/${ok.body.id}`, { version: 1, custom: { tax_region: null } });
    expect(cleared.status).toBe(400);
    expect(cleared.body.error.details[0].path).toBe('custom.tax_region');
    // Records from before the field was required can still be edited without it.
    expect((await admin.patch(`/api/v1/customers/${created.body.id}`, { version: 1, notes: '旧记录' })).status).toBe(200);
    await admin.patch(`/api/v1/custom-fields/${made.body.id}`, { version: 1, required: false });
  });

  it('changes show in the history as custom.<key>; untouched keys are kept', async () => {
    const c = (await admin.post('/api/v1/customers', buildCustomer({ custom: { level: 'a', vip: false } }))).body;
    const updated = await admin.patch(`/api/v1/customers/${c.id}`, { version: 1, custom: { level: 'b', headcount: 3 } });
    expect(updated.body.custom).toEqual({ level: 'b', vip: false, headcount: 3 });
    const cleared = await admin.patch(`/api/v1/customers/${c.id}`, { version: 2, custom: { vip: null } });
    expect(cleared.body.custom).toEqual({ level: 'b', headcount: 3 });
    const history = (await admin.get(`/api/v1/customers/${c.id}/history`)).body.items;
    expect(history[1].changes).toEqual(expect.arrayContaining([
      { field: 'custom.level', old: 'a', new: 'b' },
      { field: 'custom.headcount', old: null, new: 3 },
    ]));
    expect(history[0].changes).toEqual([{ field: 'custom.vip', old: false, new: null }]);
    // Sending the same values again changes nothing: no new version.
    expect((await admin.patch(`/api/v1/customers/${c.id}`, { version: 3, custom: { level: 'b' } })).body.version).toBe(3);
  });

  it('filter lists with cf_ parameters: equality, contains, ranges; unknown keys are field errors', async () => {
    const make = async (name: string, custom: Record<string, unknown>) => (await admin.post('/api/v1/customers', buildCustomer({ name: `筛选-${name}`, custom }))).body.id as number;
    const a = await make('a', { level: 'a', channels: ['web', 'fair'], headcount: 10, budget: 50000, signed_on: '2026-01-15', vip: true, region_code: 'N1', account_rep: org.ids.east1 });
    const b = await make('b', { level: 'b', channels: ['fair'], headcount: 200, budget: 900000, signed_on: '2026-06-01', vip: false, region_code: 'N2' });
    const c = await make('c', { channels: ['phone'], headcount: 55.5 });
    const ids = async (query: string) => {
      const res = await admin.get(`/api/v1/customers?pageSize=200&q=${encodeURIComponent('筛选')}&${query}`);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body.total).toBe(res.body.items.length);
      return (res.body.items as Array<{ id: number }>).map((x) => x.id).sort((x, y) => x - y);
    };
    expect(await ids('cf_level=a')).toEqual([a]);
    expect(await ids('cf_channels=fair')).toEqual([a, b]);
    expect(await ids('cf_channels=phone')).toEqual([c]);
    expect(await ids('cf_headcount_from=50')).toEqual([b, c]);
    expect(await ids('cf_headcount_from=50&cf_headcount_to=100')).toEqual([c]);
    expect(await ids('cf_headcount=10')).toEqual([a]);
    expect(await ids('cf_budget_to=100000')).toEqual([a]);
    expect(await ids('cf_signed_on_from=2026-02-01')).toEqual([b]);
    expect(await ids('cf_vip=true')).toEqual([a]);
    expect(await ids('cf_vip=false')).toEqual([b]);
    expect(await ids('cf_region_code=N2')).toEqual([b]);
    expect(await ids(`cf_account_rep=${org.ids.east1}`)).toEqual([a]);
    expect(await ids('cf_level=b&cf_channels=fair')).toEqual([b]);

    const unknown = await admin.get('/api/v1/customers?cf_nothing=1');
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.details).toEqual([{ path: 'cf_nothing', message: 'No such custom field.' }]);
    const badValue = await adminZh.get('/api/v1/customers?cf_headcount_from=abc&cf_level_from=a');
    expect(badValue.body.error.details).toEqual([
      { path: 'cf_headcount_from', message: '请输入数字。' },
      { path: 'cf_level_from', message: '只有数字、金额和日期字段可以按范围筛选。' },
    ]);
    // Any other unknown parameter is still refused.
    const sneaky = await admin.get('/api/v1/customers?sneaky=1');
    expect(sneaky.status).toBe(400);
    expect(sneaky.body.error.details[0].path).toBe('sneaky');
  });

  it('a deactivated field keeps its values hidden, refuses new ones, and brings them back when reactivated', async () => {
    const made = await admin.post('/api/v1/custom-fields', { entity: 'customer', key: 'legacy_code', type: 'text', labelZh: '旧编码', labelEn: 'Legacy code' });
    const c = (await admin.post('/api/v1/customers', buildCustomer({ custom: { legacy_code: 'L-9', level: 'a' } }))).body;
    expect((await admin.delete(`/api/v1/custom-fields/${made.body.id}`)).status).toBe(204);
    expect((await admin.get('/api/v1/custom-fields?entity=customer')).body.items.map((f: { key: string }) => f.key)).not.toContain('legacy_code');
    const all = (await admin.get('/api/v1/custom-fields?entity=customer&includeInactive=true')).body.items;
    expect(all.find((f: { key: string }) => f.key === 'legacy_code')).toMatchObject({ active: false, version: 2 });
    expect((await admin.get(`/api/v1/customers/${c.id}`)).body.custom).toEqual({ level: 'a' });
    const refused = await admin.patch(`/api/v1/customers/${c.id}`, { version: 1, custom: { legacy_code: 'L-10' } });
    expect(refused.body.error.details).toEqual([{ path: 'custom.legacy_code', message: 'No such custom field.' }]);
    expect((await admin.get('/api/v1/customers?cf_legacy_code=L-9')).status).toBe(400);
    // Its key stays taken; reactivating shows the kept value again.
    expect((await admin.post('/api/v1/custom-fields', { entity: 'customer', key: 'legacy_code', type: 'number', labelZh: 'x', labelEn: 'x' })).status).toBe(400);
    await admin.patch(`/api/v1/custom-fields/${made.body.id}`, { version: 2, active: true });
    expect((await admin.get(`/api/v1/customers/${c.id}`)).body.custom).toEqual({ legacy_code: 'L-9', level: 'a' });
  });
});

describe('custom values on contacts', () => {
  it('are checked, stored, filtered and recorded like the customer ones', async () => {
    await admin.post('/api/v1/custom-fields', {
      entity: 'contact', key: 'role', type: 'single_select', labelZh: '角色', labelEn: 'Role', required: true,
      options: [{ value: 'decider', labelZh: '决策人', labelEn: 'Decision maker' }, { value: 'user', labelZh: '使用者', labelEn: 'User' }],
    });
    const customer = (await admin.post('/api/v1/customers', buildCustomer())).body;
    const missing = await adminZh.post('/api/v1/contacts', { customerId: customer.id, name: '王五' });
    expect(missing.body.error.details).toEqual([{ path: 'custom.role', message: '此字段为必填项。' }]);
    const wrong = await admin.post('/api/v1/contacts', { customerId: customer.id, name: '王五', custom: { role: 'boss', vip: 'no' } });
    expect(wrong.body.error.details).toEqual([
      { path: 'custom.role', message: 'Pick one of the options.' },
      { path: 'custom.vip', message: 'Use yes or no (true or false).' },
    ]);
    const a = (await admin.post('/api/v1/contacts', { customerId: customer.id, name: '王五', custom: { role: 'decider', vip: true } })).body;
    expect(a.custom).toEqual({ role: 'decider', vip: true });
    const b = (await admin.post('/api/v1/contacts', { customerId: customer.id, name: '赵六', custom: { role: 'user' } })).body;
    const byRole = await admin.get(`/api/v1/contacts?customerId=${customer.id}&cf_role=decider`);
    expect(byRole.body.items.map((x: { id: number }) => x.id)).toEqual([a.id]);
    expect((await admin.get(`/api/v1/contacts?customerId=${customer.id}&cf_vip=false`)).body.total).toBe(0);
    expect((await admin.get('/api/v1/contacts?cf_level=a')).status).toBe(400); // a customer field, not a contact one
    const updated = await admin.patch(`/api/v1/contacts/${b.id}`, { version: 1, custom: { role: 'decider' } });
    expect(updated.body.custom).toEqual({ role: 'decider' });
    const history = (await admin.get(`/api/v1/customers/${customer.id}/history`)).body.items;
    expect(history[0]).toMatchObject({ entityType: 'contact', action: 'update', changes: [{ field: 'custom.role', old: 'user', new: 'decider' }] });
  });
});
