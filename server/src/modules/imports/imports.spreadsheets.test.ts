import type { Customer, ImportJob, ImportPreview, ImportValues, ListResponse } from '@crm/contracts';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Agent, type TestApp } from '../../test/harness.js';
import { download, fixture, readTable, upload, waitForJob } from '../../test/imports.js';

/** Spreadsheets as people keep them: synonyms in enum columns, totals rows, other CRMs' exports, English place names. */
let t: TestApp;
let admin: Agent;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login(undefined, undefined, 'zh-CN');
});
afterAll(() => t.close());

async function theCustomer(name: string): Promise<Customer> {
  const res = await admin.get<ListResponse<Customer>>(`/api/v1/customers?q=${encodeURIComponent(name)}&pageSize=5`);
  const found = res.body.items.find((c) => c.name === name);
  if (!found) throw new Error(`no customer named ${name}`);
  // The list may leave out profile fields: read the record.
  return (await admin.get<Customer>(`/api/v1/customers/${found.id}`)).body;
}

async function customerCount(q: string): Promise<number> {
  return (await admin.get<ListResponse<Customer>>(`/api/v1/customers?q=${encodeURIComponent(q)}&pageSize=5`)).body.total;
}

/** The report of a job: the header row, then one row per file row (row no., file cells..., outcome, reason). */
async function report(jobId: number, lang = 'zh-CN'): Promise<string[][]> {
  return readTable((await download(t, admin, `/api/v1/imports/${jobId}/report`, lang)).bytes);
}

/** A field's label as the job lists it (labels are the product's wording, not this test's). */
function labelOf(job: { fields: Array<{ key: string; label: string }> }, key: string): string {
  return job.fields.find((f) => f.key === key)?.label ?? key;
}

async function start(id: number, body: Record<string, unknown>): Promise<ImportJob> {
  const res = await admin.post(`/api/v1/imports/${id}/start`, body);
  if (res.status !== 200) throw new Error(`start answered ${res.status}: ${JSON.stringify(res.body)}`);
  return waitForJob(admin, id);
}

describe('imports: a GBK list with Chinese synonyms, English places, an unknown owner and a totals row', () => {
  let jobId = 0;

  it('lists the distinct values of each mapped enum column with counts and suggestions', async () => {
    const uploaded = await upload(t, admin, 'customers', '客户清单.csv', fixture('customers-synonyms-gbk.csv'));
    expect(uploaded.status).toBe(201);
    expect(uploaded.body.encoding).toBe('gb18030');
    jobId = uploaded.body.id as number;
    expect(uploaded.body.suggestedMapping).toMatchObject({ '0': 'name', '1': 'kind', '2': 'status', '3': 'organization.ownership', '4': 'owner', '5': 'province', '6': 'city', '7': 'mobile', '8': 'organization.postcode' });
    const res = await admin.post<ImportValues>(`/api/v1/imports/${jobId}/values`, { mapping: uploaded.body.suggestedMapping });
    expect(res.status).toBe(200);
    expect(res.body.columns.map((c) => c.field)).toEqual(['kind', 'status', 'organization.ownership']);
    const kind = res.body.columns[0];
    expect(kind?.label).toBe(labelOf(uploaded.body, 'kind'));
    expect(kind?.options.map((o) => o.value)).toEqual(['organization', 'person']);
    const suggested = (field: string) => Object.fromEntries((res.body.columns.find((c) => c.field === field)?.values ?? []).map((v) => [v.text, v.suggested]));
    expect(suggested('kind')).toEqual({ 企业客户: 'organization', 个人: 'person', 分销商: 'organization', 零售客户: null, 代理商: 'organization' });
    expect(suggested('status')).toEqual({ VIP: 'loyal', Prospect: 'potential', 老客户: 'repeat', Customer: 'repeat', 战略伙伴: null });
    expect(suggested('organization.ownership')).toEqual({ 民企: 'private', 国企: 'state_owned', 外资: 'foreign' });
    expect(kind?.values.find((v) => v.text === '企业客户')).toEqual({ text: '企业客户', count: 1, suggested: 'organization', exact: true });
  });


  it('the values of a file are read only by the user who uploaded it; a bad request is a field-level 400', async () => {
    const roles = (await admin.get<{ items: Array<{ key: string; id: number }> }>('/api/v1/roles?pageSize=200')).body.items;
    const roleId = roles.find((r) => r.key === 'sales_manager')?.id;
    expect((await admin.post('/api/v1/users', { email: 'other.importer@example.com', name: '另一位导入人', password: 'test-password-2026', roleId })).status).toBe(201);
    const other = await t.login('other.importer@example.com', 'test-password-2026', 'zh-CN');
    expect((await other.post(`/api/v1/imports/${jobId}/values`, { mapping: { '0': 'name' } })).status).toBe(404);
    const bad = await admin.post(`/api/v1/imports/${jobId}/values`, { mapping: { '0': 'no_such_field' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0]?.path).toBe('mapping.0');
  });
  it('the preview carries the value mapping: an unmapped value is a warning, the totals row is skipped', async () => {
    const uploaded = await admin.get<ImportJob>(`/api/v1/imports/${jobId}`);
    const res = await admin.post<ImportPreview>(`/api/v1/imports/${jobId}/preview`, {
      mapping: uploaded.body.suggestedMapping,
      values: { status: { 战略伙伴: 'loyal' } },
    });
    expect(res.status).toBe(200);
    expect(res.body.rows.map((r) => r.outcome)).toEqual(['created', 'created', 'created', 'created', 'created', 'skipped']);
    expect(res.body.rows[3]?.messages).toEqual([
      { field: 'kind', message: '“零售客户”未对应到选项，已留空。', warning: true },
      { field: 'owner', message: '没有名为“不存在的销售”的在职用户，负责人设为您。', warning: true },
    ]);
    expect(res.body.rows[5]?.messages).toEqual([{ field: 'row', message: '合计行（合计：5 家），已跳过。' }]);
  });

  it('imports with the chosen values: records hold the options, the report has the warnings and the skipped totals row', async () => {
    const uploaded = await admin.get<ImportJob>(`/api/v1/imports/${jobId}`);
    const job = await start(jobId, { mapping: uploaded.body.suggestedMapping, values: { status: { 战略伙伴: 'loyal' }, 'organization.ownership': { 外资: null } } });
    expect(job).toMatchObject({ status: 'finished', created: 5, skipped: 1, rejected: 0, valueMapping: { status: { 战略伙伴: 'loyal' }, 'organization.ownership': { 外资: null } } });

    const suzhou = await theCustomer('苏州恒信精密机械有限公司');
    expect(suzhou).toMatchObject({ kind: 'organization', status: 'loyal', province: '江苏省', city: '苏州市', organization: { ownership: 'private', postcode: '215000' } });
    const wang = await theCustomer('王晓梅');
    expect(wang).toMatchObject({ kind: 'person', status: 'potential', province: '广东省', city: '广州市' });
    const chengdu = await theCustomer('成都天府渠道贸易有限公司');
    expect(chengdu).toMatchObject({ kind: 'organization', status: 'repeat', province: '四川省', city: '成都市', organization: { ownership: 'state_owned' } });
    const beijing = await theCustomer('北京青松零售有限公司');
    // 零售客户 names no kind: left empty, so the import's default (an organisation); the unknown owner falls back to the importer.
    expect(beijing).toMatchObject({ kind: 'organization', status: 'repeat', province: '北京市', city: '北京市', ownerName: expect.any(String) });
    expect(beijing.ownerId).toBe(suzhou.ownerId);
    const shanghai = await theCustomer('上海远景代理有限公司');
    expect(shanghai).toMatchObject({ status: 'loyal', province: '上海市', city: '上海市' });
    expect(shanghai.organization.ownership ?? null).toBeNull();
    expect(await customerCount('合计')).toBe(0);

    const rows = await report(jobId);
    const header = rows[0] ?? [];
    const outcome = header.indexOf('结果');
    const reason = header.indexOf('原因');
    expect(rows.slice(1).map((r) => r[outcome])).toEqual(['新建', '新建', '新建', '新建', '新建', '跳过']);
    expect(rows[4]?.[reason]).toBe(`${labelOf(uploaded.body, 'kind')}: “零售客户”未对应到选项，已留空。; ${labelOf(uploaded.body, 'owner')}: 没有名为“不存在的销售”的在职用户，负责人设为您。`);
    expect(rows[5]?.[reason]).toBe(`${labelOf(uploaded.body, 'organization.ownership')}: “外资”未对应到选项，已留空。`);
    expect(rows[6]?.[reason]).toContain('合计行（合计：5 家），已跳过。');
  });

  it('remembers the user\'s choices for the next file', async () => {
    const next = await upload(t, admin, 'customers', '第二批.csv', '客户名称,状态,企业性质\n杭州新客户有限公司,战略伙伴,外资\n');
    const res = await admin.post<ImportValues>(`/api/v1/imports/${next.body.id}/values`, { mapping: next.body.suggestedMapping });
    const values = Object.fromEntries(res.body.columns.map((c) => [c.field, c.values.map((v) => [v.text, v.suggested])]));
    expect(values).toEqual({ status: [['战略伙伴', 'loyal']], 'organization.ownership': [['外资', null]] });
  });

  it('refuses a chosen value that is not an option, on its field path', async () => {
    const next = await upload(t, admin, 'customers', '第三批.csv', '客户名称,状态\n杭州第三有限公司,熟客\n');
    const res = await admin.post(`/api/v1/imports/${next.body.id}/preview`, { mapping: next.body.suggestedMapping, values: { status: { 熟客: 'friend' } } });
    expect(res.status).toBe(400);
    expect(res.body.error.details).toEqual([{ path: 'values.status.熟客', message: '不是此字段的选项。' }]);
  });
});

describe('imports: totals rows', () => {
  it('skips 合计 / 总计 / 小计 / Total lines without identifying data, and keeps a company that only starts like one', async () => {
    const csv = [
      '客户名称,手机,金额',
      '杭州总计划咨询有限公司,13922220001,100',
      'Totally Fresh Foods Ltd,13922220002,200',
      '小计,,300',
      'Subtotal: 2,,300',
      'GRAND TOTAL,,300',
      '总计 2 家,,300',
      '合计,13922220003,',
    ].join('\n');
    const uploaded = await upload(t, admin, 'customers', 'totals.csv', csv);
    const job = await start(uploaded.body.id as number, { mapping: { '0': 'name', '1': 'mobile' } });
    // The last line has a phone: it is a record (named 合计), not a totals line.
    expect(job).toMatchObject({ created: 3, skipped: 4, rejected: 0 });
    expect(await customerCount('杭州总计划咨询')).toBe(1);
    expect(await customerCount('Totally Fresh')).toBe(1);
  });
});

describe('imports: exports of other CRMs', () => {
  it('recognises a Salesforce account export (.xlsx): billing address, country, owner, revenue; foreign postcodes pass', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Accounts');
    sheet.addRow(['Account Name', 'Billing Street', 'Billing City', 'Billing State/Province', 'Billing Zip/Postal Code', 'Billing Country', 'Phone', 'Website', 'Industry', 'Type', 'Account Owner', 'Annual Revenue', 'Employees']);
    sheet.addRow(['Acme Shanghai Trading Co., Ltd.', '88 Century Avenue', 'Shanghai', 'Shanghai', '200120', 'China', '021-6888 8888', 'https://acme.cn', 'Manufacturing', 'Customer - Direct', 'Jane Doe', 500000, 120]);
    sheet.addRow(['Globex Corporation', '1 Market St', 'San Francisco', 'CA', '94105', 'United States', '+1 415 555 0100', 'https://globex.com', 'Technology', 'Prospect', 'Jane Doe', 1200000, 900]);
    sheet.addRow(['Initech Guangzhou', '1 Tianhe Rd', 'Guangzhou', 'Guangdong Province', '5100', 'China', '', '', '', 'Channel Partner / Reseller', '', '', '']);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const uploaded = await upload(t, admin, 'customers', 'salesforce-accounts.xlsx', bytes, 'en');
    expect(uploaded.body.suggestedMapping).toEqual({
      '0': 'name', '1': 'address', '2': 'city', '3': 'province', '4': 'organization.postcode', '5': 'organization.country', '6': 'phone', '7': 'website', '8': 'industry', '9': 'kind', '10': 'owner', '11': 'organization.annualRevenue', '12': 'organization.employees',
    });
    const en = await t.login(undefined, undefined, 'en');
    const values = await en.post<ImportValues>(`/api/v1/imports/${uploaded.body.id}/values`, { mapping: uploaded.body.suggestedMapping });
    expect(values.body.columns.find((c) => c.field === 'kind')?.values.map((v) => [v.text, v.suggested])).toEqual([
      ['Channel Partner / Reseller', 'organization'],
      ['Customer - Direct', 'organization'],
      ['Prospect', null],
    ]);
    const res = await en.post(`/api/v1/imports/${uploaded.body.id}/start`, { mapping: uploaded.body.suggestedMapping });
    expect(res.status).toBe(200);
    const job = await waitForJob(en, uploaded.body.id as number);
    expect(job).toMatchObject({ created: 2, rejected: 1 });

    const acme = await theCustomer('Acme Shanghai Trading Co., Ltd.');
    expect(acme).toMatchObject({ province: '上海市', city: '上海市', address: '88 Century Avenue', website: 'https://acme.cn', organization: { postcode: '200120', country: 'China', annualRevenue: 50_000_000, employees: 120 } });
    const globex = await theCustomer('Globex Corporation');
    expect(globex).toMatchObject({ province: 'CA', city: 'San Francisco', organization: { postcode: '94105', country: 'United States' } });
    const rows = await readTable((await download(t, en, `/api/v1/imports/${uploaded.body.id}/report`, 'en')).bytes);
    const reason = (rows[0] ?? []).indexOf('Reason');
    const enLabel = (key: string) => labelOf(uploaded.body, key);
    expect(rows[1]?.[reason]).toContain(`${enLabel('owner')}: No active user is called "Jane Doe": you are made the owner.`);
    expect(rows[2]?.[reason]).toContain(`${enLabel('kind')}: "Prospect" is not mapped to an option: left empty.`);
    expect(rows[2]?.[reason]).toContain(`${enLabel('owner')}: No active user is called "Jane Doe": you are made the owner.`);
    // A Chinese address's postcode has six digits.
    expect(rows[3]?.[reason]).toContain('Postcode: A Chinese postcode has six digits');

    // Edited later: a foreign postcode stays valid with its country, a Chinese one needs six digits.
    const edit = (body: Record<string, unknown>) => en.patch(`/api/v1/customers/${globex.id}`, body);
    const current = async () => (await en.get<Customer>(`/api/v1/customers/${globex.id}`)).body;
    expect((await edit({ version: (await current()).version, organization: { postcode: '94107' } })).status).toBe(200);
    expect((await edit({ version: (await current()).version, organization: { country: 'United States', postcode: 'SW1A 1AA' } })).status).toBe(200);
    const china = await edit({ version: (await current()).version, organization: { country: null, postcode: '94107' } });
    expect(china.status).toBe(400);
    expect(china.body.error.details).toEqual([{ path: 'organization.postcode', message: expect.stringContaining('six digits') }]);
    const created = await en.post('/api/v1/customers', { kind: 'organization', name: 'Postcode Check Ltd', organization: { postcode: '1000' } });
    expect(created.status).toBe(400);
    expect((await en.post('/api/v1/customers', { kind: 'organization', name: 'Postcode Check GmbH', organization: { country: 'Germany', postcode: '10115' } })).status).toBe(201);
  });

  it('recognises a HubSpot contact export: names, phones, job title, region, owner and lifecycle stage', async () => {
    const csv = [
      'First Name,Last Name,Email,Phone Number,Mobile Phone Number,Company Name,Job Title,City,State/Region,Contact owner,Lifecycle Stage',
      'Xiaohong,Li,li.xiaohong@example.cn,010-8888 6666,13933330001,Beijing Bright Future Ltd,Buyer,Beijing,Beijing,nobody@example.com,customer',
      'Wei,Zhang,zhang.wei@example.cn,,13933330002,Shenzhen Harbour Tech Ltd,CTO,Shenzhen,Guangdong,,marketingqualifiedlead',
    ].join('\n');
    const uploaded = await upload(t, admin, 'customers', 'hubspot-contacts.csv', csv, 'en');
    expect(uploaded.body.suggestedMapping).toEqual({
      '0': 'contact.firstName', '1': 'contact.lastName', '2': 'email', '3': 'phone', '4': 'mobile', '5': 'name', '6': 'person.jobTitle', '7': 'city', '8': 'province', '9': 'owner', '10': 'lifecycleStage',
    });
    const job = await start(uploaded.body.id as number, { mapping: uploaded.body.suggestedMapping });
    expect(job).toMatchObject({ created: 2, rejected: 0 });
    expect(await theCustomer('Beijing Bright Future Ltd')).toMatchObject({ province: '北京市', city: '北京市', lifecycleStage: 'stability', mobile: expect.stringContaining('13933330001') });
    expect(await theCustomer('Shenzhen Harbour Tech Ltd')).toMatchObject({ province: '广东省', city: '深圳市', lifecycleStage: 'exploration' });
  });
});

describe('imports: leads read the same way', () => {
  it('maps synonyms of gender and credit, keeps a row with an unmapped value (warning), skips a totals row', async () => {
    const csv = ['姓名,手机,性别,信用等级,所属销售', '赵先生,13944440001,先生,AAA,', '钱女士,13944440002,女士,无从得知,没有这个人', '合计,,,,'].join('\n');
    const uploaded = await upload(t, admin, 'leads', '线索清单.csv', csv);
    expect(uploaded.body.suggestedMapping).toEqual({ '0': 'name', '1': 'mobile', '2': 'gender', '3': 'creditStanding', '4': 'owner' });
    const values = await admin.post<ImportValues>(`/api/v1/imports/${uploaded.body.id}/values`, { mapping: uploaded.body.suggestedMapping });
    expect(values.body.columns.map((c) => [c.field, c.values.map((v) => [v.text, v.suggested])])).toEqual([
      ['gender', [['先生', 'male'], ['女士', 'female']]],
      ['creditStanding', [['AAA', 'good'], ['无从得知', null]]],
    ]);
    const job = await start(uploaded.body.id as number, { mapping: uploaded.body.suggestedMapping });
    expect(job).toMatchObject({ created: 2, skipped: 1, rejected: 0 });
    const leads = (await admin.get(`/api/v1/leads?q=${encodeURIComponent('13944440')}&pageSize=5`)).body.items as Array<{ name: string; gender: string | null; creditStanding: string | null; ownerId: number | null }>;
    expect(leads.map((l) => [l.name, l.gender, l.creditStanding]).sort()).toEqual([['赵先生', 'male', 'good'], ['钱女士', 'female', null]]);
    expect(leads.find((l) => l.name === '钱女士')?.ownerId).toBe(job.createdBy);
    const rows = await report(uploaded.body.id as number);
    const reason = (rows[0] ?? []).indexOf('原因');
    expect(rows[2]?.[reason]).toContain('“无从得知”未对应到选项，已留空。');
    expect(rows[2]?.[reason]).toContain('没有名为“没有这个人”的在职用户');
    expect(rows[3]?.[reason]).toContain('合计行');
  });
});

describe('validation messages a user reads', () => {
  it('says the limit in words, in both languages, never the validator\'s wording', async () => {
    const long = '长'.repeat(121);
    const zh = await admin.post('/api/v1/customers', { kind: 'organization', name: long, tags: Array.from({ length: 21 }, (_, i) => `t${i}`), organization: { employees: -1 } });
    expect(zh.status).toBe(400);
    const zhAt = (path: string) => zh.body.error.details.find((d: { path: string }) => d.path === path)?.message;
    expect(zhAt('name')).toBe('最多 120 个字。');
    expect(zhAt('tags')).toBe('最多 20 项。');
    expect(zhAt('organization.employees')).toBe('不能小于 0。');
    const en = await t.login(undefined, undefined, 'en');
    const res = await en.post('/api/v1/customers', { kind: 'organization', name: long, status: 'great' });
    const enAt = (path: string) => res.body.error.details.find((d: { path: string }) => d.path === path)?.message;
    expect(enAt('name')).toBe('At most 120 characters.');
    expect(enAt('status')).toBe('Not one of the allowed values.');
    const missing = await en.post('/api/v1/customers', { kind: 'organization' });
    expect(missing.body.error.details.find((d: { path: string }) => d.path === 'name')?.message).toBe('Required.');
    const nulled = await en.post('/api/v1/customers', { kind: 'organization', name: null });
    expect(nulled.body.error.details.find((d: { path: string }) => d.path === 'name')?.message).toBe('Required.');
    const wrongType = await admin.post('/api/v1/customers', { kind: 'organization', name: 42, organization: { employees: 'many' } });
    expect(wrongType.body.error.details.map((d: { path: string; message: string }) => [d.path, d.message])).toEqual([
      ['name', '应填写文字。'],
      ['organization.employees', '应填写数字。'],
    ]);
    for (const d of [...zh.body.error.details, ...res.body.error.details] as Array<{ message: string }>) expect(d.message).not.toMatch(/期望|expected|<=|Invalid/);
  });

  it('an import report names the field and the limit', async () => {
    const uploaded = await upload(t, admin, 'customers', 'long.csv', `客户名称,备注\n${'长'.repeat(121)},x\n`);
    await start(uploaded.body.id as number, { mapping: uploaded.body.suggestedMapping });
    const rows = await report(uploaded.body.id as number);
    expect(rows[1]?.[(rows[0] ?? []).indexOf('原因')]).toBe('客户名称: 最多 120 个字。');
  });
});
