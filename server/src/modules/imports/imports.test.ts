import type { Contact, Customer, HistoryEntry, ImportField, ImportPreview, ListResponse } from '@crm/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, errorPaths, type Agent, type TestApp } from '../../test/harness.js';
import { download, fixture, readTable, runImport, upload, waitForJob } from '../../test/imports.js';

let t: TestApp;
let admin: Agent;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login(undefined, undefined, 'zh-CN');
});
afterAll(() => t.close());

const utf8Mapping = {
  '0': 'name', '1': 'kind', '2': 'mobile', '3': 'email', '4': 'province', '5': 'city', '6': 'tags', '7': 'organization.foundedYear', '8': 'organization.creditCode', '9': 'notes',
};

async function findCustomers(q: string) {
  return (await admin.get<ListResponse<Customer>>(`/api/v1/customers?q=${encodeURIComponent(q)}&pageSize=50`)).body.items;
}

/** The first customer the search finds (the test fails here when there is none). */
async function theCustomer(q: string): Promise<Customer> {
  const [customer] = await findCustomers(q);
  if (!customer) throw new Error(`no customer found for ${q}`);
  return customer;
}

describe('imports: reading files', () => {
  it('reads a UTF-8 CSV: headers, first rows, encoding, delimiter and recognised headers', async () => {
    const res = await upload(t, admin, 'customers', '客户.csv', fixture('customers-utf8.csv'));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'uploaded', format: 'csv', encoding: 'utf-8', delimiter: ',', totalRows: 9, processed: 0 });
    expect(res.body.headers).toEqual(['客户名称', '类型', '手机', '邮箱', '省份', '城市', '标签', '成立年份', '统一社会信用代码', '备注']);
    expect(res.body.sampleRows).toHaveLength(5);
    expect(res.body.sampleRows[0][0]).toBe('杭州云帆科技有限公司');
    expect(res.body.suggestedMapping).toEqual(utf8Mapping);
    expect((res.body.fields as ImportField[]).find((f) => f.key === 'name')).toEqual({ key: 'name', label: '客户名称', required: true });
  });

  it('reads the same file in GBK', async () => {
    const utf8 = await upload(t, admin, 'customers', 'a.csv', fixture('customers-utf8.csv'));
    const gbk = await upload(t, admin, 'customers', 'gbk.csv', fixture('customers-gbk.csv'));
    expect(gbk.status).toBe(201);
    expect(gbk.body.encoding).toBe('gb18030');
    expect(gbk.body.headers).toEqual(utf8.body.headers);
    expect(gbk.body.sampleRows).toEqual(utf8.body.sampleRows);
    expect(gbk.body.suggestedMapping).toEqual(utf8Mapping);
  });

  it('reads a tab-separated file with a BOM and English headers', async () => {
    const res = await upload(t, admin, 'customers', 'northwind.tsv', fixture('customers-tab.tsv'));
    expect(res.body).toMatchObject({ encoding: 'utf-8-bom', delimiter: '\t', totalRows: 4 });
    expect(res.body.sampleRows[0][7]).toBe('He said "hi"');
    expect(res.body.suggestedMapping).toEqual({ '0': 'name', '1': 'kind', '2': 'mobile', '3': 'email', '4': 'province', '5': 'city', '6': 'tags', '7': 'notes' });
  });

  it('reads the first sheet of an .xlsx workbook: numbers, dates, rich text and formula results as text', async () => {
    const res = await upload(t, admin, 'customers', '客户.xlsx', fixture('customers.xlsx'));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ format: 'xlsx', encoding: null, totalRows: 4 });
    expect(res.body.headers).toEqual(['客户名称', '类型', '手机', '生日', '成立年份', '邮箱']);
    expect(res.body.sampleRows[0]).toEqual(['深圳前海数据有限公司', '企业客户', '13600000001', '', '2016', 'qianhai@example.com']);
    expect(res.body.sampleRows[1][3]).toBe('1990-05-06');
    expect(res.body.sampleRows[2][0]).toBe('广州富文本有限公司');
    expect(res.body.sampleRows[2][4]).toBe('2010');
  });

  it('refuses files it cannot read, with a message on `file`', async () => {
    for (const bytes of [Buffer.alloc(0), Buffer.from('客户名称,手机\n'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5])]) {
      const res = await upload(t, admin, 'customers', 'bad.csv', bytes, 'en');
      expect(res.status).toBe(400);
      expect(res.body.error.details[0].path).toBe('file');
      expect(res.body.error.details[0].message).toMatch(/file|rows/i);
    }
    const json = await admin.post('/api/v1/imports?entity=customers&fileName=a.csv', { a: 1 });
    expect(json.status).toBe(400);
  });
});

describe('imports: preview, run, report', () => {
  let jobId = 0;

  it('previews the first rows with the outcome and field messages of each, writing nothing', async () => {
    const before = (await admin.get('/api/v1/customers')).body.total;
    const up = await upload(t, admin, 'customers', '客户.csv', fixture('customers-utf8.csv'));
    jobId = up.body.id;
    const res = await admin.post(`/api/v1/imports/${jobId}/preview`, { mapping: up.body.suggestedMapping, duplicateMode: 'skip' });
    expect(res.status).toBe(200);
    expect((res.body as ImportPreview).rows.map((r) => r.outcome)).toEqual(['created', 'created', 'rejected', 'created', 'rejected', 'skipped', 'rejected', 'created', 'rejected']);
    const fieldsOf = (i: number) => ((res.body as ImportPreview).rows[i]?.messages ?? []).map((m) => m.field);
    expect(fieldsOf(2)).toEqual(['mobile']);
    expect(fieldsOf(3)).toEqual(['kind']);
    // A kind nobody mapped is left empty with a warning: the row is still created.
    expect(res.body.rows[3].messages[0]).toMatchObject({ warning: true, message: expect.stringContaining('外星客户') });
    expect(fieldsOf(4)).toEqual(['name']);
    expect(fieldsOf(6)).toEqual(['organization.creditCode']);
    expect(fieldsOf(8)).toEqual(['organization.foundedYear']);
    expect(res.body.rows[5].messages[0].message).toContain('第 1 行');
    expect((await admin.get('/api/v1/customers')).body.total).toBe(before);
    expect((await admin.get(`/api/v1/imports/${jobId}`)).body.status).toBe('uploaded');
  });

  it('runs in the background: valid rows created, bad rows rejected, a duplicate within the file skipped', async () => {
    const started = await admin.post(`/api/v1/imports/${jobId}/start`, { mapping: utf8Mapping, duplicateMode: 'skip' });
    expect(started.status).toBe(200);
    expect(['queued', 'running', 'finished']).toContain(started.body.status);
    const job = await waitForJob(admin, jobId);
    expect(job).toMatchObject({ status: 'finished', processed: 9, totalRows: 9, created: 4, updated: 0, skipped: 1, rejected: 4, duplicateMode: 'skip' });
    const yunfan = await theCustomer('杭州云帆科技');
    expect(yunfan).toMatchObject({ kind: 'organization', mobile: '13800000001', email: 'yunfan@example.com', province: '浙江省', tags: ['重点', '展会'], ownerId: job.createdBy });
    expect(yunfan.organization).toEqual({ foundedYear: 2015, creditCode: '91350100M000100Y43' });
    expect(yunfan.archiveNo).toMatch(/^KH\d{8}$/);
    const person = await theCustomer('王小明');
    expect(person.kind).toBe('person');
    const nanjing = await theCustomer('南京长江');
    expect(nanjing.notes).toBe('备注, 有逗号');
    expect(nanjing.tags).toEqual(['VIP', '老客户']);
    // Searchable by phone, on the timeline as an import, counted in the unfiltered total.
    expect((await findCustomers('13800000008')).map((c) => c.name)).toEqual(['南京长江贸易有限公司']);
    const history = await admin.get(`/api/v1/customers/${yunfan.id}/history`);
    expect((history.body.items as HistoryEntry[]).map((h) => h.action)).toEqual(['import']);
    const orgs = (await admin.get('/api/v1/customers?kind=organization')).body.total + (await admin.get('/api/v1/customers?kind=person')).body.total;
    expect((await admin.get('/api/v1/customers')).body.total).toBe(orgs);
    // The importer is told.
    const notes = await admin.get('/api/v1/notifications');
    expect(notes.body.items[0]).toMatchObject({ kind: 'import_finished', params: { file: '客户.csv', created: 4, skipped: 1, rejected: 4 } });
  });

  it('the report lists every row once with its outcome and reason; `only=rejected` the refused ones', async () => {
    const res = await download(t, admin, `/api/v1/imports/${jobId}/report?format=csv`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(String(res.headers['content-disposition'])).toMatch(/attachment; filename="[^"]*"; filename\*=UTF-8''/);
    expect(res.bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const table = await readTable(res.bytes);
    expect(table[0]).toEqual(['行号', '客户名称', '类型', '手机', '邮箱', '省份', '城市', '标签', '成立年份', '统一社会信用代码', '备注', '结果', '原因', '记录']);
    expect(table.slice(1).map((r) => r[0])).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9']);
    expect(table.slice(1).map((r) => r[11])).toEqual(['新建', '新建', '拒绝', '新建', '拒绝', '跳过', '拒绝', '新建', '拒绝']);
    expect(table[3]?.[12]).toMatch(/^手机: /);
    expect(table[7]?.[12]).toMatch(/^统一社会信用代码: /);
    expect(table[1]?.[13]).toMatch(/^KH\d{8}$/);
    const rejected = await readTable((await download(t, admin, `/api/v1/imports/${jobId}/report?format=xlsx&only=rejected`)).bytes);
    expect(rejected.slice(1).map((r) => r[0])).toEqual(['3', '5', '7', '9']);
    expect(rejected[1]?.[3]).toBe('abc-手机');
  });

  it('a started job cannot be started again; an unknown field or a missing name is a field-level error', async () => {
    expect((await admin.post(`/api/v1/imports/${jobId}/start`, { mapping: utf8Mapping })).status).toBe(409);
    const up = await upload(t, admin, 'customers', 'x.csv', fixture('customers-utf8.csv'));
    const unknown = await admin.post(`/api/v1/imports/${up.body.id}/start`, { mapping: { ...utf8Mapping, '2': 'shoeSize', '42': 'email' } });
    expect(unknown.status).toBe(400);
    expect(errorPaths(unknown).sort()).toEqual(['mapping.2', 'mapping.42']);
    const noName = await admin.post(`/api/v1/imports/${up.body.id}/preview`, { mapping: { '2': 'mobile' } });
    expect(noName.body.error.details).toEqual([{ path: 'mapping', message: expect.stringContaining('名称') }]);
    const twice = await admin.post(`/api/v1/imports/${up.body.id}/start`, { mapping: { '0': 'name', '2': 'mobile', '3': 'mobile' } });
    expect(twice.body.error.details[0].path).toBe('mapping.3');
    const badMode = await admin.post(`/api/v1/imports/${up.body.id}/start`, { mapping: utf8Mapping, duplicateMode: 'merge' });
    expect(badMode.body.error.details[0].path).toBe('duplicateMode');
    expect((await admin.get(`/api/v1/imports/${up.body.id}`)).body.status).toBe('uploaded');
  });

  it('the same file in GBK again: rows already in the archive are skipped as duplicates', async () => {
    const job = await runImport(t, admin, 'customers', 'gbk.csv', fixture('customers-gbk.csv'));
    expect(job).toMatchObject({ status: 'finished', created: 0, skipped: 5, rejected: 4 });
    const table = await readTable((await download(t, admin, `/api/v1/imports/${job.id}/report`)).bytes);
    expect(table[1]?.[12]).toContain('杭州云帆科技有限公司');
    expect(table[1]?.[12]).toContain('电话号码');
    expect((await findCustomers('杭州云帆科技')).length).toBe(1);
  });

  it('duplicate mode "update" changes the existing customer (recorded on its timeline); "create" adds one anyway', async () => {
    const csv = '公司名称,手机,行业,标签\n云帆科技（杭州）有限公司,138 0000 0001,信息传输、软件和信息技术服务业,新标签\n';
    const before = await theCustomer('杭州云帆科技');
    const updated = await runImport(t, admin, 'customers', 'update.csv', csv, { duplicateMode: 'update' });
    expect(updated).toMatchObject({ created: 0, updated: 1, skipped: 0, rejected: 0 });
    const after = (await admin.get(`/api/v1/customers/${before.id}`)).body;
    expect(after).toMatchObject({ name: '云帆科技（杭州）有限公司', industry: 'information_technology', email: 'yunfan@example.com', version: before.version + 1 });
    expect(after.tags).toEqual(['重点', '展会', '新标签']);
    const history = (await admin.get(`/api/v1/customers/${before.id}/history`)).body.items;
    expect(history[0]).toMatchObject({ action: 'import', changes: expect.arrayContaining([{ field: 'industry', old: null, new: 'information_technology' }]) });
    // The same again: nothing left to change.
    const again = await runImport(t, admin, 'customers', 'update.csv', csv, { duplicateMode: 'update' });
    expect(again).toMatchObject({ updated: 0, skipped: 1 });
    const created = await runImport(t, admin, 'customers', 'create.csv', csv, { duplicateMode: 'create' });
    expect(created).toMatchObject({ created: 1, skipped: 0 });
    expect((await findCustomers('13800000001')).length).toBe(2);
  });

  it('two rows with the same email in a tab-separated file: the second updates what the first created', async () => {
    const job = await runImport(t, admin, 'customers', 'northwind.tsv', fixture('customers-tab.tsv'), { duplicateMode: 'update' });
    expect(job).toMatchObject({ created: 2, updated: 1, rejected: 1 });
    const northwind = await theCustomer('northwind');
    expect(northwind).toMatchObject({ name: 'Northwind Trading', mobile: '13900000001', notes: 'same email as row 1' });
    const table = await readTable((await download(t, admin, `/api/v1/imports/${job.id}/report`, 'en')).bytes);
    expect(table[0]?.slice(-3)).toEqual(['Outcome', 'Reason', 'Record']);
    expect(table[3]?.[10]).toMatch(/^Email: /);
  });

  it('imports .xlsx rows, dates included', async () => {
    const job = await runImport(t, admin, 'customers', '客户.xlsx', fixture('customers.xlsx'));
    expect(job).toMatchObject({ created: 3, rejected: 1 });
    const lina = await theCustomer('李娜');
    expect(lina.person.birthday).toBe('1990-05-06');
    expect(lina.mobile).toBe('13600000002');
    const qianhai = await theCustomer('深圳前海');
    expect(qianhai.organization.foundedYear).toBe(2016);
    expect((await findCustomers('广州富文本')).length).toBe(1);
  });

  it('imports contacts of existing organisation customers, by name or archive number', async () => {
    const yunfan = (await findCustomers('13800000001')).find((c) => c.email === 'yunfan@example.com');
    if (!yunfan) throw new Error('杭州云帆科技 not found');
    const csv = fixture('contacts-utf8.csv').toString('utf8').replace(/杭州云帆科技有限公司/g, yunfan.archiveNo);
    const job = await runImport(t, admin, 'contacts', '联系人.csv', csv);
    expect(job).toMatchObject({ status: 'finished', created: 2, skipped: 1, rejected: 3 });
    const contacts = (await admin.get<ListResponse<Contact>>(`/api/v1/contacts?customerId=${yunfan.id}`)).body.items;
    expect(contacts.map((c) => c.name).sort()).toEqual(['李雷', '韩梅梅']);
    expect(contacts.find((c) => c.name === '李雷')).toMatchObject({ title: '采购经理', isPrimary: true });
    expect((await admin.get(`/api/v1/customers/${yunfan.id}`)).body.contactCount).toBe(2);
    const table = await readTable((await download(t, admin, `/api/v1/imports/${job.id}/report`)).bytes);
    expect(table.slice(1).map((r) => r[7])).toEqual(['新建', '新建', '跳过', '拒绝', '拒绝', '拒绝']);
    expect(table[5]?.[8]).toContain('企业客户');
    // The customer is found by its contacts' phone numbers now.
    expect((await findCustomers('13700000002')).map((c) => c.id)).toEqual([yunfan.id]);
  });

  it('remembers the last mapping for the next file with the same headers', async () => {
    const up = await upload(t, admin, 'customers', 'm.csv', '名称,城市,随便\nA公司,杭州,x\n');
    expect(up.body.suggestedMapping).toEqual({ '0': 'name', '1': 'city', '2': null });
    await admin.post(`/api/v1/imports/${up.body.id}/start`, { mapping: { '0': 'name', '1': 'district', '2': 'notes' } });
    await waitForJob(admin, up.body.id);
    const next = await upload(t, admin, 'customers', 'm2.csv', '名称,城市,随便,手机\nB公司,杭州,y,13500000000\n');
    expect(next.body.suggestedMapping).toEqual({ '0': 'name', '1': 'district', '2': 'notes', '3': 'mobile' });
  });

  it('cancels a job that has not ended, once', async () => {
    const up = await upload(t, admin, 'customers', 'c.csv', fixture('customers-utf8.csv'));
    const res = await admin.post(`/api/v1/imports/${up.body.id}/cancel`);
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('cancelled');
    expect((await admin.post(`/api/v1/imports/${up.body.id}/cancel`)).status).toBe(409);
    expect((await admin.post(`/api/v1/imports/${up.body.id}/start`, { mapping: utf8Mapping })).status).toBe(409);
  });

  it('lists the jobs, newest first', async () => {
    const res = await admin.get('/api/v1/imports?pageSize=5');
    expect(res.status).toBe(200);
    expect(res.body.items).toHaveLength(5);
    expect(res.body.total).toBeGreaterThan(10);
    expect(res.body.items[0].id).toBeGreaterThan(res.body.items[1].id);
  });
});
