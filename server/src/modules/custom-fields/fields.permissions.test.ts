import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCustomer, createOrg, type Org } from '../../test/fixtures.js';
import { createTestApp, type Agent, type TestApp } from '../../test/harness.js';

/**
 * The permission matrix and bad-input checks of custom fields, attachments and their settings
 * (same rules as server/src/test/permission-matrix.test.ts and bad-input.test.ts).
 */
let t: TestApp;
let org: Org;
const ids: Record<string, number> = {};
const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\n%%EOF\n');

type Who = 'admin' | keyof Org['as'];
const agent = (who: Who): Agent => (who === 'admin' ? org.admin : org.as[who]);
const roles: Who[] = ['admin', 'manager', 'eastLead', 'east1', 'agent', 'marketer', 'reader'];

async function send(who: Agent, method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, body?: unknown, lang = 'en') {
  const isFile = Buffer.isBuffer(body);
  const res = await t.app.inject({
    method,
    url,
    ...(body !== undefined ? { payload: isFile ? body : typeof body === 'string' ? body : JSON.stringify(body) } : {}),
    headers: {
      'accept-language': lang,
      ...(body !== undefined ? { 'content-type': isFile ? 'application/octet-stream' : 'application/json' } : {}),
      ...(who.cookie ? { cookie: who.cookie } : {}),
    },
  });
  let parsed: any = res.body;
  try {
    parsed = JSON.parse(res.body);
  } catch {
    // a download
  }
  return { status: res.statusCode, body: parsed };
}

beforeAll(async () => {
  t = await createTestApp();
  org = await createOrg(t);
  ids.pool = (await org.admin.post('/api/v1/customers', buildCustomer({ name: '权限附件公海', ownerId: null }))).body.id;
  ids.east1 = (await org.admin.post('/api/v1/customers', buildCustomer({ name: '权限附件东一', ownerId: org.ids.east1 }))).body.id;
  ids.poolContact = (await org.admin.post('/api/v1/contacts', { customerId: ids.pool, name: '公海联系人' })).body.id;
  ids.east1Contact = (await org.admin.post('/api/v1/contacts', { customerId: ids.east1, name: '东一联系人' })).body.id;
  ids.field = (await org.admin.post('/api/v1/custom-fields', { entity: 'customer', key: 'perm_field', type: 'text', labelZh: '权限', labelEn: 'Perm' })).body.id;
  ids.poolFile = (await send(org.admin, 'POST', `/api/v1/customers/${ids.pool}/attachments?fileName=pool.pdf`, pdf)).body.id;
  ids.east1File = (await send(org.admin, 'POST', `/api/v1/customers/${ids.east1}/attachments?fileName=east1.pdf`, pdf)).body.id;
}, 120_000);
afterAll(() => t.close());

let seq = 0;
const endpoints: Array<{ name: string; method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE'; url: () => string; body?: () => unknown; allowed: Who[]; ok: number[] }> = [
  { name: 'list custom fields', method: 'GET', url: () => '/api/v1/custom-fields?entity=customer', allowed: roles, ok: [200] },
  { name: 'list custom fields with inactive', method: 'GET', url: () => '/api/v1/custom-fields?includeInactive=true', allowed: ['admin', 'manager'], ok: [200] },
  { name: 'create custom field', method: 'POST', url: () => '/api/v1/custom-fields', body: () => ({ entity: 'contact', key: `k${++seq}`, type: 'text', labelZh: 'k', labelEn: 'k' }), allowed: ['admin'], ok: [201] },
  { name: 'edit custom field', method: 'PATCH', url: () => `/api/v1/custom-fields/${ids.field}`, body: () => ({ version: 999 }), allowed: ['admin'], ok: [409] },
  { name: 'delete custom field', method: 'DELETE', url: () => '/api/v1/custom-fields/999999', allowed: ['admin'], ok: [404] },
  { name: 'order custom fields', method: 'PUT', url: () => '/api/v1/custom-fields/order', body: () => ({ entity: 'customer', ids: [999999] }), allowed: ['admin'], ok: [400] },
  { name: 'attachment settings', method: 'GET', url: () => '/api/v1/settings/attachments', allowed: ['admin', 'manager', 'eastLead', 'east1', 'east2', 'north1', 'agent', 'marketer', 'reader'], ok: [200] },
  { name: 'change attachment settings', method: 'PUT', url: () => '/api/v1/settings/attachments', body: () => ({ maxSizeMb: 20, allowedExtensions: ['pdf'], version: 999 }), allowed: ['admin'], ok: [409] },
  { name: 'upload to a customer', method: 'POST', url: () => `/api/v1/customers/${ids.east1}/attachments?fileName=m.pdf`, body: () => pdf, allowed: ['admin', 'manager', 'eastLead', 'east1'], ok: [201] },
  { name: 'upload to a contact', method: 'POST', url: () => `/api/v1/contacts/${ids.east1Contact}/attachments?fileName=m.pdf`, body: () => pdf, allowed: ['admin', 'manager', 'east1', 'agent'], ok: [201] },
  { name: "list a customer's files", method: 'GET', url: () => `/api/v1/customers/${ids.pool}/attachments`, allowed: roles, ok: [200] },
  { name: "list a contact's files", method: 'GET', url: () => `/api/v1/contacts/${ids.poolContact}/attachments`, allowed: roles, ok: [200] },
  { name: 'download a file', method: 'GET', url: () => `/api/v1/attachments/${ids.poolFile}/download`, allowed: roles, ok: [200] },
  { name: 'delete a file', method: 'DELETE', url: () => '/api/v1/attachments/999999', allowed: ['admin', 'manager', 'eastLead', 'east1', 'agent'], ok: [404] },
];

describe('permission matrix: custom fields and attachments', () => {
  for (const e of endpoints) {
    it(e.name, async () => {
      for (const who of roles) {
        const res = await send(agent(who), e.method, e.url(), e.body?.());
        const expected = e.allowed.includes(who) ? e.ok : [403];
        expect(expected, `${who} ${e.method} ${e.url()} -> ${res.status} ${JSON.stringify(res.body)}`).toContain(res.status);
      }
      expect((await send(t.anonymous(), e.method, e.url(), e.body?.())).status).toBe(401);
    });
  }

  it("data scope: a file is seen exactly by those who see its customer", async () => {
    // Every role of the matrix sees east1's customer (own, department, department tree or all).
    const east2 = org.as.east2;
    const north1 = org.as.north1;
    for (const who of roles) {
      const code = 200;
      expect((await send(agent(who), 'GET', `/api/v1/customers/${ids.east1}/attachments`)).status, who).toBe(code);
      expect((await send(agent(who), 'GET', `/api/v1/attachments/${ids.east1File}/download`)).status, who).toBe(code);
    }
    for (const outsider of [east2, north1]) {
      expect((await send(outsider, 'GET', `/api/v1/customers/${ids.east1}/attachments`)).status).toBe(404);
      expect((await send(outsider, 'GET', `/api/v1/attachments/${ids.east1File}/download`)).status).toBe(404);
      expect((await send(outsider, 'POST', `/api/v1/customers/${ids.east1}/attachments?fileName=x.pdf`, pdf)).status).toBe(404);
      expect((await send(outsider, 'DELETE', `/api/v1/attachments/${ids.east1File}`)).status).toBe(404);
      expect((await send(outsider, 'GET', `/api/v1/customers/${ids.east1}/history?actions=attach`)).status).toBe(404);
    }
    // A pool customer's files are readable in scope, but adding one is an edit: claim it first.
    expect((await send(org.as.east1, 'GET', `/api/v1/customers/${ids.pool}/attachments`)).status).toBe(200);
    expect((await send(org.as.east1, 'POST', `/api/v1/customers/${ids.pool}/attachments?fileName=x.pdf`, pdf)).status).toBe(404);
    expect((await send(org.as.east1, 'POST', `/api/v1/contacts/${ids.poolContact}/attachments?fileName=x.pdf`, pdf)).status).toBe(404);
    expect((await send(org.as.manager, 'POST', `/api/v1/customers/${ids.pool}/attachments?fileName=x.pdf`, pdf)).status).toBe(201);
  });
});

const long = 'x'.repeat(5000);
const writes: Array<{ name: string; method: 'POST' | 'PATCH' | 'PUT'; url: () => string; wrongType: unknown; wrongPath: string; tooLong: unknown; longPath: string; read: () => string }> = [
  { name: 'create custom field', method: 'POST', url: () => '/api/v1/custom-fields', wrongType: { entity: 'customer', key: 'ok_key', type: 'text', labelZh: 'a', labelEn: 'a', required: 'yes' }, wrongPath: 'required', tooLong: { entity: 'customer', key: 'ok_key', type: 'text', labelZh: long, labelEn: 'a' }, longPath: 'labelZh', read: () => '/api/v1/custom-fields?includeInactive=true' },
  { name: 'update custom field', method: 'PATCH', url: () => `/api/v1/custom-fields/${ids.field}`, wrongType: { version: 1, active: 'no' }, wrongPath: 'active', tooLong: { version: 1, labelEn: long }, longPath: 'labelEn', read: () => '/api/v1/custom-fields?includeInactive=true' },
  { name: 'order custom fields', method: 'PUT', url: () => '/api/v1/custom-fields/order', wrongType: { entity: 'customer', ids: 'all' }, wrongPath: 'ids', tooLong: { entity: long, ids: [ids.field] }, longPath: 'entity', read: () => '/api/v1/custom-fields?includeInactive=true' },
  { name: 'attachment settings', method: 'PUT', url: () => '/api/v1/settings/attachments', wrongType: { maxSizeMb: '5', allowedExtensions: ['pdf'], version: 0 }, wrongPath: 'maxSizeMb', tooLong: { maxSizeMb: 5, allowedExtensions: [long], version: 0 }, longPath: 'allowedExtensions.0', read: () => '/api/v1/settings/attachments' },
];

describe('bad input: custom fields, attachments and their settings', () => {
  for (const w of writes) {
    it(w.name, async () => {
      const admin = org.admin;
      const before = await admin.get(w.read());
      const malformed = await admin.request(w.method, w.url(), '{"name": ');
      expect(malformed.status).toBe(400);
      expect(malformed.body.error.code).toBe('BAD_REQUEST');
      const wrongType = await admin.request(w.method, w.url(), w.wrongType);
      expect(wrongType.status).toBe(400);
      expect(wrongType.body.error.details.map((d: { path: string }) => d.path)).toContain(w.wrongPath);
      const unknown = await admin.request(w.method, w.url(), { ...(w.tooLong as object), sneaky: true });
      expect(unknown.status).toBe(400);
      expect(unknown.body.error.details.map((d: { path: string }) => d.path)).toEqual(expect.arrayContaining(['sneaky', w.longPath]));
      expect((await admin.request(w.method, w.url(), [1, 2, 3])).status).toBe(400);
      const huge = await admin.request(w.method, w.url(), { name: 'y'.repeat(1024 * 1024 + 10) });
      expect(huge.status).toBe(413);
      expect((await admin.get(w.read())).body).toEqual(before.body);
    });
  }

  it('uploads: missing or bad file names and unknown parameters are field errors; nothing is stored', async () => {
    const admin = org.admin;
    const before = (await admin.get(`/api/v1/customers/${ids.pool}/attachments?pageSize=200`)).body;
    const missing = await send(admin, 'POST', `/api/v1/customers/${ids.pool}/attachments`, pdf);
    expect(missing.status).toBe(400);
    expect(missing.body.error.details[0].path).toBe('fileName');
    const sneaky = await send(admin, 'POST', `/api/v1/customers/${ids.pool}/attachments?fileName=a.pdf&sneaky=1`, pdf);
    expect(sneaky.body.error.details.map((d: { path: string }) => d.path)).toEqual(['sneaky']);
    const badName = await send(admin, 'POST', `/api/v1/customers/${ids.pool}/attachments?fileName=${encodeURIComponent('a\u0000.pdf')}`, pdf, 'zh-CN');
    expect(badName.body.error.details).toEqual([{ path: 'fileName', message: '含有无法保存的字符（NUL 等控制字符或损坏的 Unicode 字符），请删除后重试。' }]);
    expect((await send(admin, 'POST', '/api/v1/customers/abc/attachments?fileName=a.pdf', pdf)).status).toBe(400);
    expect((await send(admin, 'POST', '/api/v1/customers/999999/attachments?fileName=a.pdf', pdf)).status).toBe(404);
    expect((await send(admin, 'GET', '/api/v1/attachments/abc/download')).status).toBe(400);
    expect((await admin.get(`/api/v1/customers/${ids.pool}/attachments?pageSize=200`)).body).toEqual(before);
  });
});
