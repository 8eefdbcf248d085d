import type { Customer, ExportLogEntry, ImportJob, ListResponse } from '@crm/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCustomer, createOrg, password, type Org } from '../../test/fixtures.js';
import { createTestApp, errorPaths, type Agent, type ErrorAnswer, type TestApp } from '../../test/harness.js';
import { download, readTable, runImport, upload } from '../../test/imports.js';

/**
 * Imports and exports by role: who may call each route, whose data scope applies, what is masked,
 * and what is logged. Also the bad-input rules for the import write routes.
 */
let t: TestApp;
let org: Org;
let importer: Agent;
let importer2: Agent;
let importerId = 0;
const ids: Record<string, number> = {};

type Who = 'admin' | keyof Org['as'] | 'importer';
const agent = (who: Who): Agent => (who === 'admin' ? org.admin : who === 'importer' ? importer : org.as[who]);

beforeAll(async () => {
  t = await createTestApp();
  org = await createOrg(t);
  const role = await org.admin.post('/api/v1/roles', {
    key: 'sales_importer',
    name: '导入销售',
    permissions: ['customers.view', 'customers.create', 'customers.edit', 'customers.import', 'contacts.view', 'contacts.import', 'users.view'],
    dataScope: 'own',
  });
  const user = async (email: string, name: string) => (await org.admin.post('/api/v1/users', { email, name, password, roleId: role.body.id, departmentId: org.ids.east })).body.id as number;
  importerId = await user('importer@example.com', '钱导入');
  await user('importer2@example.com', '孙导入');
  importer = await t.login('importer@example.com', password, 'zh-CN');
  importer2 = await t.login('importer2@example.com', password, 'zh-CN');
  const make = async (key: string, body: Record<string, unknown>) => {
    const res = await org.admin.post('/api/v1/customers', buildCustomer(body));
    if (res.status !== 201) throw new Error(JSON.stringify(res.body));
    ids[key] = res.body.id;
  };
  await make('north', { name: '北方范围客户有限公司', ownerId: org.ids.north1, mobile: '13811110001' });
  await make('pool', { name: '公海范围客户有限公司', ownerId: null, mobile: '13811110002' });
  await make('agent', { name: '客服范围客户有限公司', ownerId: org.ids.agent, mobile: '13811110003' });
  await make('east1', { kind: 'person', category: 'retail', name: '敏感个人', ownerId: org.ids.east1, mobile: '13811110004', person: { idCardNumber: '11010519491231002X', health: '高血压病史' } });
  await org.admin.post('/api/v1/contacts', { customerId: ids.north as number, name: '北方联系人', mobile: '13911110001' });
  await org.admin.post('/api/v1/contacts', { customerId: ids.agent as number, name: '客服联系人', mobile: '13911110003' });
}, 120_000);
afterAll(() => t.close());

describe('import permissions', () => {
  it('roles without the import right get 403 on every import route; nothing is stored', async () => {
    const before = (await org.admin.get('/api/v1/imports')).body.total;
    for (const who of ['reader', 'east1', 'agent', 'marketer', 'eastLead'] as const) {
      for (const entity of ['customers', 'contacts', 'purchases'] as const) {
        expect((await upload(t, agent(who), entity, 'a.csv', '名称\nA\n')).status, `${who} ${entity}`).toBe(403);
      }
      // The marketer imports leads (leads.import), so sees the list of their own imports.
      expect((await agent(who).get('/api/v1/imports')).status, who).toBe(who === 'marketer' ? 200 : 403);
    }
    expect((await upload(t, t.anonymous(), 'customers', 'a.csv', '名称\nA\n')).status).toBe(401);
    expect((await org.admin.get('/api/v1/imports')).body.total).toBe(before);
    // With the right for customers only, contacts stay closed.
    const noContacts = await org.admin.post('/api/v1/roles', { key: 'customer_importer', name: '只导客户', permissions: ['customers.view', 'customers.import'], dataScope: 'own' });
    await org.admin.post('/api/v1/users', { email: 'ci@example.com', name: '只导客户', password, roleId: noContacts.body.id, departmentId: org.ids.east });
    const ci = await t.login('ci@example.com', password);
    expect((await upload(t, ci, 'contacts', 'a.csv', '所属客户,姓名\nA,B\n')).status).toBe(403);
    expect((await upload(t, ci, 'customers', 'a.csv', '名称\nA\n')).status).toBe(201);
  });

  it('a salesperson with the import right imports within their own scope', async () => {
    const csv = [
      '客户名称,负责人,手机',
      'A自有导入有限公司,钱导入,13822220001',
      'B他人导入有限公司,east2@example.com,13822220002',
      'C默认导入有限公司,,13822220003',
      'D北方重复有限公司,,138 1111 0001',
      'E公海重复有限公司,,13811110002',
      'F公海导入有限公司,公海,13822220006',
    ].join('\n');
    const job = await runImport(t, importer, 'customers', 'own.csv', csv);
    expect(job).toMatchObject({ status: 'finished', created: 3, skipped: 2, rejected: 1 });
    const mine = (await importer.get<ListResponse<Customer>>(`/api/v1/customers?q=${encodeURIComponent('导入有限公司')}`)).body.items;
    expect(Object.fromEntries(mine.map((c) => [c.name, c.ownerId]))).toEqual({ A自有导入有限公司: importerId, C默认导入有限公司: importerId, F公海导入有限公司: null });
    const table = await readTable((await download(t, importer, `/api/v1/imports/${job.id}/report`)).bytes);
    const reason = (row: number) => table[row]?.[5] ?? '';
    expect(reason(2)).toContain('负责人');
    expect(reason(4)).toContain('Emma Smith'); // the owner of a duplicate outside the scope, not the record
    expect(reason(4)).not.toContain('北方范围客户');
    expect(reason(5)).toContain('公海范围客户有限公司');
    expect(table[4]?.[6]).toBe(''); // no archive number of a record the importer may not see

    // "Update" may only touch what the importer may see and edit.
    const update = await runImport(t, importer, 'customers', 'upd.csv', '客户名称,手机,行业\n北方改名,13811110001,制造业\n公海改名有限公司,13811110002,制造业\n', { duplicateMode: 'update' });
    // A pool customer is readable but changes only after a claim (or with the assign right).
    expect(update).toMatchObject({ updated: 0, rejected: 2 });
    expect((await org.admin.get(`/api/v1/customers/${ids.north}`)).body).toMatchObject({ name: '北方范围客户有限公司', industry: null });
    expect((await org.admin.get(`/api/v1/customers/${ids.pool}`)).body).toMatchObject({ name: '公海范围客户有限公司', industry: null });
    const refused = await readTable((await download(t, importer, `/api/v1/imports/${update.id}/report`)).bytes);
    expect(refused[2]?.[5]).toContain('请先领取');
    // The manager (customers.assign) may update the pool record by import; then the importer, once it is theirs.
    const byManager = await runImport(t, org.as.manager, 'customers', 'upd.csv', '客户名称,手机,行业\n公海范围客户有限公司,13811110002,教育\n', { duplicateMode: 'update' });
    expect(byManager).toMatchObject({ updated: 1, rejected: 0 });
    expect((await org.admin.post('/api/v1/customers/transfer', { customerIds: [ids.pool], ownerId: importerId })).status).toBe(200);
    const again = await runImport(t, importer, 'customers', 'upd.csv', '客户名称,手机,行业\n公海改名有限公司,13811110002,制造业\n', { duplicateMode: 'update' });
    expect(again).toMatchObject({ updated: 1, rejected: 0 });
    expect((await org.admin.get(`/api/v1/customers/${ids.pool}`)).body).toMatchObject({ name: '公海改名有限公司', industry: 'manufacturing' });
  });

  it('contacts go only to customers within the importer\'s scope', async () => {
    const csv = '所属客户,姓名,手机\n北方范围客户有限公司,越权联系人,13933330001\nA自有导入有限公司,自有联系人,13933330002\n';
    const job = await runImport(t, importer, 'contacts', 'c.csv', csv);
    expect(job).toMatchObject({ created: 1, rejected: 1 });
    expect((await org.admin.get(`/api/v1/contacts?customerId=${ids.north}`)).body.total).toBe(1);
  });

  it('a manager gives imported customers to users within their scope only', async () => {
    const csv = '客户名称,负责人\n经理分配一有限公司,张伟\n经理分配二有限公司,agent@example.com\n经理分配三有限公司,查无此人\n';
    const job = await runImport(t, org.as.manager, 'customers', 'm.csv', csv);
    // agent@ is outside the manager's scope: refused; 查无此人 names nobody: the manager's own, with a warning.
    expect(job).toMatchObject({ created: 2, rejected: 1 });
    const [c] = (await org.admin.get(`/api/v1/customers?q=${encodeURIComponent('经理分配一')}`)).body.items;
    expect(c.ownerId).toBe(org.ids.east1);
    const [nobody] = (await org.admin.get(`/api/v1/customers?q=${encodeURIComponent('经理分配三')}`)).body.items;
    expect(nobody.ownerId).toBe(job.createdBy);
  });

  it('a job is seen by its creator and by settings.view with the data scope all only; only its creator runs it', async () => {
    const up = await upload(t, importer, 'customers', 'private.csv', '名称\n私有\n');
    const id = up.body.id;
    expect((await importer.get(`/api/v1/imports/${id}`)).status).toBe(200);
    expect((await importer2.get(`/api/v1/imports/${id}`)).status).toBe(404);
    expect((await importer2.post(`/api/v1/imports/${id}/start`, { mapping: { '0': 'name' } })).status).toBe(404);
    expect((await importer2.post(`/api/v1/imports/${id}/cancel`)).status).toBe(404);
    expect((await download(t, importer2, `/api/v1/imports/${id}/report`)).status).toBe(404);
    expect((await org.admin.get(`/api/v1/imports/${id}`)).status).toBe(200);
    expect((await org.as.manager.get(`/api/v1/imports/${id}`)).status).toBe(404); // settings.view, but not every record
    expect((await org.admin.post(`/api/v1/imports/${id}/preview`, { mapping: { '0': 'name' } })).status).toBe(404);
    const own = (await importer2.get<ListResponse<ImportJob>>('/api/v1/imports?pageSize=200')).body.items.map((j) => j.createdBy);
    expect(new Set(own)).toEqual(new Set(own.length ? [own[0]] : []));
    expect(own).not.toContain(importerId);
    const all = (await org.admin.get<ListResponse<ImportJob>>('/api/v1/imports?pageSize=200')).body.items.map((j) => j.createdBy);
    expect(all).toContain(importerId);
    expect((await org.admin.post(`/api/v1/imports/${id}/cancel`)).status).toBe(200); // settings.edit
  });
});

describe('import bad input', () => {
  it('upload: no file, wrong type, missing or unknown query fields, too large', async () => {
    const send = (url: string, payload: Buffer | string, type = 'application/octet-stream') =>
      t.app.inject({ method: 'POST', url, headers: { 'content-type': type, cookie: org.admin.cookie ?? '', 'accept-language': 'en' }, payload });
    const json = await send('/api/v1/imports?entity=customers&fileName=a.csv', '{"a":1}', 'application/json');
    expect(json.statusCode).toBe(400);
    const missing = await send('/api/v1/imports?fileName=a.csv', '名称\nA\n');
    expect(errorPaths({ body: JSON.parse(missing.body) as ErrorAnswer })).toEqual(['entity']);
    const unknown = await send('/api/v1/imports?entity=deals&fileName=a.csv&x=1', '名称\nA\n');
    expect(errorPaths({ body: JSON.parse(unknown.body) as ErrorAnswer }).sort()).toEqual(['entity', 'x']);
    const huge = await send('/api/v1/imports?entity=customers&fileName=a.csv', Buffer.alloc(50 * 1024 * 1024 + 1, 0x41));
    expect(huge.statusCode).toBe(413);
  });

  it('preview and start: malformed, wrong types, unknown fields; nothing changes and never a 500', async () => {
    const up = await upload(t, org.admin, 'customers', 'b.csv', '名称,手机\nA,1\n');
    for (const action of ['preview', 'start']) {
      const url = `/api/v1/imports/${up.body.id}/${action}`;
      const malformed = await org.admin.request('POST', url, '{"mapping": ');
      expect(malformed.status).toBe(400);
      expect(malformed.body.error.code).toBe('BAD_REQUEST');
      const wrong = await org.admin.post(url, { mapping: { '0': 7 }, duplicateMode: 'skip' });
      expect(wrong.status).toBe(400);
      expect(errorPaths(wrong)).toEqual(['mapping.0']);
      const extra = await org.admin.post(url, { mapping: { '0': 'name' }, sneaky: true });
      expect(errorPaths(extra)).toEqual(['sneaky']);
      const notObject = await org.admin.post(url, [1, 2]);
      expect(notObject.status).toBe(400);
      const long = await org.admin.post(url, { mapping: { ['x'.repeat(300)]: 'name' } });
      expect(long.status).toBe(400);
      expect((await org.admin.post(`/api/v1/imports/999999/${action}`, { mapping: { '0': 'name' } })).status).toBe(404);
    }
    expect((await org.admin.get(`/api/v1/imports/${up.body.id}`)).body.status).toBe('uploaded');
    expect((await org.admin.get('/api/v1/imports/abc')).status).toBe(400);
    expect((await org.admin.get(`/api/v1/imports/${up.body.id}/report?format=pdf`)).status).toBe(400);
  });
});

describe('export permissions, scope, masking and the log', () => {
  it('roles without the export right get 403', async () => {
    for (const who of ['reader', 'east1', 'agent', 'importer'] as const) {
      expect((await download(t, agent(who), '/api/v1/customers/export')).status, who).toBe(403);
      expect((await download(t, agent(who), '/api/v1/contacts/export')).status, who).toBe(403);
    }
    expect((await download(t, t.anonymous(), '/api/v1/customers/export')).status).toBe(401);
  });

  it('exports the rows of the data scope only, with the list filters', async () => {
    const all = (await org.admin.get('/api/v1/customers')).body.total;
    const marketer = await readTable((await download(t, org.as.marketer, '/api/v1/customers/export?columns=archiveNo,name')).bytes);
    expect(marketer.length - 1).toBe(all);
    const managerTotal = (await org.as.manager.get('/api/v1/customers')).body.total;
    const manager = await readTable((await download(t, org.as.manager, '/api/v1/customers/export?format=xlsx&columns=name')).bytes);
    expect(manager.length - 1).toBe(managerTotal);
    expect(manager.flat()).not.toContain('客服范围客户有限公司');
    expect(marketer.map((r) => r[1])).toContain('客服范围客户有限公司');
    const filtered = await readTable((await download(t, org.as.marketer, `/api/v1/customers/export?kind=person&q=${encodeURIComponent('敏感')}`)).bytes);
    expect(filtered.slice(1).map((r) => r[1])).toEqual(['敏感个人']);
    const contacts = await readTable((await download(t, org.as.manager, '/api/v1/contacts/export')).bytes);
    expect(contacts.flat()).toContain('北方联系人');
    expect(contacts.flat()).not.toContain('客服联系人');
  });

  it('masks sensitive fields unless the role may see them; headers in the caller\'s language', async () => {
    const url = `/api/v1/customers/export?q=${encodeURIComponent('敏感个人')}&columns=name,person.idCardNumber,person.health,kind,owner`;
    const masked = await readTable((await download(t, org.as.marketer, url, 'en')).bytes);
    expect(masked[0]).toEqual(['Name', 'ID card number', 'Health', 'Organisation or person', 'Owner']);
    expect(masked[1]?.[1]).toBe('******');
    expect(masked[1]?.[2]).not.toBe('高血压病史');
    expect(masked[1]?.[3]).toBe('Person');
    const clear = await readTable((await download(t, org.as.manager, url)).bytes);
    expect(clear[0]).toEqual(['客户名称', '身份证号', '健康状况', '客户性质', '负责人']);
    expect(clear[1]).toEqual(['敏感个人', '11010519491231002X', '高血压病史', '个人客户', '张伟']);
  });

  it('names the file for download (RFC 5987) and refuses unknown columns or filters', async () => {
    const res = await download(t, org.as.marketer, '/api/v1/customers/export?format=xlsx&columns=name');
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(String(res.headers['content-disposition'])).toMatch(/^attachment; filename="[^"]+\.xlsx"; filename\*=UTF-8''%E5%AE%A2%E6%88%B7-\d{8}\.xlsx$/);
    const bad = await download(t, org.as.marketer, '/api/v1/customers/export?columns=name,salary', 'en');
    expect(bad.status).toBe(400);
    expect(bad.json().error.details).toEqual([{ path: 'columns', message: expect.stringContaining('salary') }]);
    const badFilter = await download(t, org.as.marketer, '/api/v1/customers/export?status=bogus&format=pdf');
    expect(badFilter.status).toBe(400);
  });

  it('every export is logged: who, when, filter, columns, format, rows; the log is for settings.view', async () => {
    await download(t, org.as.marketer, '/api/v1/customers/export?kind=person&columns=name,mobile&format=csv');
    const log = await org.admin.get('/api/v1/exports?pageSize=200');
    expect(log.status).toBe(200);
    const [latest] = log.body.items;
    expect(latest).toMatchObject({ userId: org.ids.marketer, userName: '孙市场', entity: 'customers', columns: ['name', 'mobile'], format: 'csv', filter: { kind: 'person', sort: '-updatedAt' } });
    expect(latest.rowCount).toBe((await org.as.marketer.get('/api/v1/customers?kind=person')).body.total);
    expect(latest.finishedAt).not.toBeNull();
    expect((log.body.items as ExportLogEntry[]).some((e) => e.entity === 'contacts' && e.userId === org.ids.manager)).toBe(true);
    expect((await org.as.marketer.get('/api/v1/exports')).status).toBe(403);
    expect((await org.as.manager.get('/api/v1/exports')).status).toBe(200);
    expect((await org.as.reader.get('/api/v1/exports')).status).toBe(403);
  });
});
