import type { Lead, LeadForm, LeadFormCreate, LeadSource, ListResponse, NotificationList, PublicLeadForm } from '@crm/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrg, type Org } from '../../test/fixtures.js';
import { createTestApp, errorPaths, type ErrorAnswer, type TestApp } from '../../test/harness.js';

/** Web forms: the administrator's editor, the public page and what a submission becomes. */
let t: TestApp;
let org: Org;

beforeAll(async () => {
  t = await createTestApp();
  org = await createOrg(t);
}, 120_000);
afterAll(() => t.close());

function buildForm(overrides: Partial<LeadFormCreate> = {}): LeadFormCreate {
  return {
    name: '官网咨询表',
    title: '联系我们',
    description: '留下您的联系方式，我们会尽快与您联系。',
    fields: [
      { field: 'name', required: true },
      { field: 'company' },
      { field: 'mobile', required: true, label: '手机号码' },
      { field: 'email' },
      { field: 'province' },
      { field: 'age' },
      { field: 'notes' },
    ],
    thankYou: '感谢您的留言！',
    ...overrides,
  };
}

/** What a public post answers: the thank-you, or an error (a test reads the one it expects). */
type SubmitAnswer = ErrorAnswer & { thankYou: string };

/** A public submission from one address (the per-IP limit is per address). */
async function submit(token: string, body: unknown, ip = '203.0.113.1', lang = 'en') {
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/v1/public/forms/${token}`,
    remoteAddress: ip,
    headers: { 'content-type': 'application/json', 'accept-language': lang },
    payload: JSON.stringify(body),
  });
  return { status: res.statusCode, body: JSON.parse(res.body) as SubmitAnswer, headers: res.headers };
}

describe('web forms: the administrator', () => {
  it('creates a form with an unguessable link and an embed snippet', async () => {
    const res = await org.admin.post('/api/v1/lead-forms', buildForm());
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ name: '官网咨询表', title: '联系我们', source: 'web_form', active: true, submissionCount: 0, version: 1 });
    expect(res.body.token).toMatch(/^[A-Za-z0-9_-]{22,}$/);
    expect(res.body.url).toBe(`/f/${res.body.token}`);
    expect(res.body.embedHtml).toContain(`<iframe src="http://localhost:80/f/${res.body.token}"`);
    expect(res.body.embedHtml).toContain('title="联系我们"');
    expect(res.body.fields[2]).toEqual({ field: 'mobile', required: true, label: '手机号码' });
    expect(res.body.fields[1]).toEqual({ field: 'company', required: false, label: null });
    const other = await org.admin.post('/api/v1/lead-forms', buildForm({ name: '展会表' }));
    expect(other.body.token).not.toBe(res.body.token);
  });

  it('escapes the title in the embed snippet', async () => {
    const res = await org.admin.post('/api/v1/lead-forms', buildForm({ title: '"><script>alert(1)</script>' }));
    expect(res.body.embedHtml).not.toContain('<script>');
    expect(res.body.embedHtml).toContain('&#34;&#62;&#60;script&#62;');
  });

  it('lists and reads forms', async () => {
    const created = (await org.admin.post('/api/v1/lead-forms', buildForm({ name: '列表测试' }))).body;
    const list = await org.admin.get('/api/v1/lead-forms');
    expect(list.status).toBe(200);
    expect((list.body.items as LeadForm[]).map((f) => f.name)).toContain('列表测试');
    expect(list.body.total).toBe(list.body.items.length);
    const one = await org.as.manager.get(`/api/v1/lead-forms/${created.id}`);
    expect(one.status).toBe(200);
    expect(one.body).toEqual(created);
  });

  it('changes a form with its version; a stale version answers 409 with the current form; left-out fields stay', async () => {
    const created = (await org.admin.post('/api/v1/lead-forms', buildForm({ name: '修改测试', source: 'exhibition', active: false }))).body;
    const changed = await org.admin.patch(`/api/v1/lead-forms/${created.id}`, { version: 1, thankYou: '谢谢！' });
    expect(changed.status).toBe(200);
    // Source and active were left out: they keep their values.
    expect(changed.body).toMatchObject({ thankYou: '谢谢！', source: 'exhibition', active: false, version: 2, token: created.token, name: '修改测试' });
    const stale = await org.admin.patch(`/api/v1/lead-forms/${created.id}`, { version: 1, name: '过期' });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('CONFLICT');
    expect(stale.body.error.current).toMatchObject({ id: created.id, version: 2, thankYou: '谢谢！' });
    const fields = await org.admin.patch(`/api/v1/lead-forms/${created.id}`, { version: 2, fields: [{ field: 'name', required: true }, { field: 'wechat', required: true }], title: null });
    expect(fields.status).toBe(200);
    expect((fields.body as PublicLeadForm).fields.map((f) => f.field)).toEqual(['name', 'wechat']);
    expect(fields.body.title).toBeNull();
  });

  it('refuses a form without the name, with a field twice, or with an optional name, each at its field', async () => {
    const noName = await org.admin.post('/api/v1/lead-forms', buildForm({ fields: [{ field: 'mobile', required: true }] }));
    expect(noName.status).toBe(400);
    expect(noName.body.error.details).toEqual([{ path: 'fields', message: 'The form must ask for the name.' }]);
    const twice = await org.admin.post('/api/v1/lead-forms', buildForm({ fields: [{ field: 'name', required: true }, { field: 'email' }, { field: 'email', required: true }] }));
    expect(twice.body.error.details).toEqual([{ path: 'fields.2.field', message: 'This field is already on the form.' }]);
    const optional = await org.admin.post('/api/v1/lead-forms', buildForm({ fields: [{ field: 'email' }, { field: 'name' }] }));
    expect(optional.body.error.details).toEqual([{ path: 'fields.1.required', message: 'The name must be required.' }]);
    const created = (await org.admin.post('/api/v1/lead-forms', buildForm({ name: '字段测试' }))).body;
    const patched = await org.admin.patch(`/api/v1/lead-forms/${created.id}`, { version: 1, fields: [{ field: 'company', required: true }] });
    expect(patched.status).toBe(400);
    expect(patched.body.error.details[0].path).toBe('fields');
    expect((await org.admin.get(`/api/v1/lead-forms/${created.id}`)).body.version).toBe(1);
  });

  it('takes only a source new leads may get', async () => {
    const unknown = await org.admin.post('/api/v1/lead-forms', buildForm({ source: 'carrier_pigeon' }));
    expect(unknown.status).toBe(400);
    expect(errorPaths(unknown)).toEqual(['source']);
    const sources = (await org.admin.get('/api/v1/settings/lead-sources')).body;
    const items = (sources.items as LeadSource[]).map((s) => (s.key === 'seminar' ? { ...s, active: false } : s));
    expect((await org.admin.put('/api/v1/settings/lead-sources', { items, version: sources.version })).status).toBe(200);
    const inactive = await org.admin.post('/api/v1/lead-forms', buildForm({ source: 'seminar' }));
    expect(inactive.status).toBe(400);
    expect(errorPaths(inactive)).toEqual(['source']);
  });

  it('deletes a form: 204, then 404 everywhere and its link stops working', async () => {
    const created = (await org.admin.post('/api/v1/lead-forms', buildForm({ name: '删除测试' }))).body;
    expect((await org.admin.delete(`/api/v1/lead-forms/${created.id}`)).status).toBe(204);
    expect((await org.admin.get(`/api/v1/lead-forms/${created.id}`)).status).toBe(404);
    expect((await org.admin.patch(`/api/v1/lead-forms/${created.id}`, { version: 2, name: 'x' })).status).toBe(404);
    expect((await org.admin.delete(`/api/v1/lead-forms/${created.id}`)).status).toBe(404);
    expect((await org.admin.get<ListResponse<LeadForm>>('/api/v1/lead-forms')).body.items.map((f) => f.id)).not.toContain(created.id);
    expect((await t.anonymous().get(`/api/v1/public/forms/${created.token}`)).status).toBe(404);
    expect((await submit(created.token, { values: { name: '张三', mobile: '13800000000' } })).status).toBe(404);
  });
});

describe('web forms: the public page', () => {
  it('shows the form without anything internal', async () => {
    const created = (await org.admin.post('/api/v1/lead-forms', buildForm({ name: '内部名称' }))).body;
    const res = await t.anonymous().get(`/api/v1/public/forms/${created.token}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      title: '联系我们',
      description: '留下您的联系方式，我们会尽快与您联系。',
      fields: created.fields,
    });
    // Without a title the form's name is shown.
    const untitled = (await org.admin.post('/api/v1/lead-forms', buildForm({ name: '无标题表单', title: null }))).body;
    expect((await t.anonymous().get(`/api/v1/public/forms/${untitled.token}`)).body.title).toBe('无标题表单');
  });

  it('answers 404 alike for unknown, switched-off and deleted forms', async () => {
    const off = (await org.admin.post('/api/v1/lead-forms', buildForm({ active: false }))).body;
    for (const token of ['nope', off.token, 'x'.repeat(40), 'x'.repeat(41)]) {
      const res = await t.anonymous().get(`/api/v1/public/forms/${token}`);
      expect(res.status, token).toBe(404);
      expect(res.body.error.code).toBe('NOT_FOUND');
    }
    expect((await submit(off.token, { values: { name: '张三', mobile: '13800000000' } })).status).toBe(404);
  });

  it('turns a submission into a lead of the form, assigned by the rules, and counts it', async () => {
    const form = (await org.admin.post('/api/v1/lead-forms', buildForm({ name: '分配测试', source: 'exhibition' }))).body;
    const rules = (await org.admin.get('/api/v1/settings/lead-assignment')).body;
    const put = await org.admin.put('/api/v1/settings/lead-assignment', {
      version: rules.version,
      rules: [{ id: 'expo', name: '展会线索', kind: 'source', sources: ['exhibition'], userIds: [org.ids.east1, org.ids.east2] }],
    });
    expect(put.status).toBe(200);

    const first = await submit(form.token, { values: { name: '  陈静 ', mobile: '138 0013 8000', email: 'CHEN@Example.com', age: '35', province: '浙江省', notes: '想了解报价' }, website_url: '' });
    expect(first.status).toBe(201);
    expect(first.body).toEqual({ thankYou: '感谢您的留言！' });
    const second = await submit(form.token, { values: { name: 'Li Lei', company: '杭州示例科技有限公司', mobile: 13900139000 } }, '203.0.113.2');
    expect(second.status).toBe(201);

    const leads = (await org.admin.get<ListResponse<Lead>>(`/api/v1/leads?formId=${form.id}&sort=createdAt&pageSize=50`)).body.items;
    expect(leads).toHaveLength(2);
    expect(leads[0]).toMatchObject({ kind: 'person', name: '陈静', mobile: '138 0013 8000', email: 'chen@example.com', age: 35, province: '浙江省', notes: '想了解报价', source: 'exhibition', formId: form.id, status: 'new', createdBy: null });
    expect(leads[1]).toMatchObject({ kind: 'organization', name: 'Li Lei', company: '杭州示例科技有限公司', mobile: '13900139000', source: 'exhibition' });
    // Round robin within the rule: one each.
    expect(leads.map((l) => l.ownerId).sort()).toEqual([org.ids.east1, org.ids.east2].sort());
    const notified = (await org.as.east1.get<NotificationList>('/api/v1/notifications')).body.items;
    expect(notified.some((n) => n.kind === 'lead_assigned')).toBe(true);
    expect((await org.admin.get(`/api/v1/lead-forms/${form.id}`)).body.submissionCount).toBe(2);
  });

  it('leaves a lead no rule takes in the lead pool', async () => {
    const form = (await org.admin.post('/api/v1/lead-forms', buildForm({ name: '公海测试', source: 'advertising' }))).body;
    expect((await submit(form.token, { values: { name: '王五', mobile: '13700137000' } }, '203.0.113.3')).status).toBe(201);
    const [lead] = (await org.admin.get<ListResponse<Lead>>(`/api/v1/leads?formId=${form.id}`)).body.items;
    expect(lead).toMatchObject({ name: '王五', ownerId: null, source: 'advertising' });
  });

  it('works for a signed-in user too, and needs no login', async () => {
    const form = (await org.admin.post('/api/v1/lead-forms', buildForm({ name: '登录测试' }))).body;
    expect((await org.as.reader.get(`/api/v1/public/forms/${form.token}`)).status).toBe(200);
    const res = await org.as.reader.post(`/api/v1/public/forms/${form.token}`, { values: { name: '赵六', mobile: '13600136000' } });
    expect(res.status).toBe(201);
  });

  it('accepts a post from its own origin (the page inside the iframe) and refuses other sites', async () => {
    const form = (await org.admin.post('/api/v1/lead-forms', buildForm({ name: '来源测试' }))).body;
    const post = (origin: string) =>
      t.app.inject({ method: 'POST', url: `/api/v1/public/forms/${form.token}`, remoteAddress: '203.0.113.9', headers: { 'content-type': 'application/json', origin, host: 'crm.example.com' }, payload: JSON.stringify({ values: { name: '孙七', mobile: '13500135000' } }) });
    expect((await post('http://crm.example.com')).statusCode).toBe(201);
    expect((await post('https://evil.example.net')).statusCode).toBe(403);
  });
});
