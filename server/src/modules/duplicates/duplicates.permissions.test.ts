import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCustomer, createOrg, type Org } from '../../test/fixtures.js';
import { createTestApp, type Agent, type TestApp } from '../../test/harness.js';

/**
 * The routes of duplicates, merge and data quality: who may call each (everyone else 403, anonymous
 * 401), what each data scope reaches (404 outside), and bad input on every write (field-level
 * messages, nothing changed, never a 500).
 */
let t: TestApp;
let org: Org;
const customers: Record<string, number> = {};

type Who = 'admin' | keyof Org['as'];
const agent = (who: Who): Agent => (who === 'admin' ? org.admin : org.as[who]);
const roles: Who[] = ['admin', 'manager', 'eastLead', 'east1', 'agent', 'marketer', 'reader'];
const viewers: Who[] = roles;

beforeAll(async () => {
  t = await createTestApp();
  org = await createOrg(t);
  for (const [key, ownerId] of [['pool', null], ['east1', org.ids.east1], ['north1', org.ids.north1]] as const) {
    customers[key] = (await org.admin.post('/api/v1/customers', buildCustomer({ name: `权限查重-${key}`, ownerId }))).body.id;
  }
}, 120_000);
afterAll(() => t.close());

type Call = [method: 'GET' | 'POST' | 'PUT', url: () => string, body?: () => unknown];
const endpoints: Array<{ name: string; call: Call; allowed: Who[]; ok: number[] }> = [
  { name: 'duplicate check', call: ['POST', () => '/api/v1/customers/duplicate-check', () => ({ name: '权限查重' })], allowed: viewers, ok: [200] },
  { name: 'merge', call: ['POST', () => '/api/v1/customers/merge', () => ({ survivorId: 999999, mergedIds: [999998], version: 1 })], allowed: ['admin', 'manager'], ok: [404] },
  { name: 'merges of a customer', call: ['GET', () => `/api/v1/customers/${customers.pool}/merges`], allowed: viewers, ok: [200] },
  { name: 'confirm a customer', call: ['POST', () => `/api/v1/customers/${customers.east1}/confirm`], allowed: ['admin', 'manager', 'eastLead', 'east1'], ok: [200] },
  { name: 'read data-quality settings', call: ['GET', () => '/api/v1/settings/data-quality'], allowed: roles, ok: [200] },
  { name: 'change data-quality settings', call: ['PUT', () => '/api/v1/settings/data-quality', () => ({ version: 999 })], allowed: ['admin'], ok: [409] },
  { name: 'data-quality list', call: ['GET', () => '/api/v1/data-quality?issue=incomplete'], allowed: viewers, ok: [200] },
  { name: 'data-quality summary', call: ['GET', () => '/api/v1/data-quality/summary'], allowed: viewers, ok: [200] },
];

describe('permission matrix: duplicates, merge, data quality', () => {
  for (const endpoint of endpoints) {
    it(endpoint.name, async () => {
      const [method, url, body] = endpoint.call;
      for (const who of roles) {
        const res = await agent(who).request(method, url(), body?.());
        const expected = endpoint.allowed.includes(who) ? endpoint.ok : [403];
        expect(expected, `${who} ${method} ${url()} -> ${res.status} ${JSON.stringify(res.body)}`).toContain(res.status);
      }
      expect((await t.anonymous().request(method, url(), body?.())).status).toBe(401);
    });
  }
});

describe('data scope', () => {
  it('merges, confirm and the quality lists reach only records in scope', async () => {
    expect((await org.as.east1.get(`/api/v1/customers/${customers.east1}/merges`)).status).toBe(200);
    expect((await org.as.east1.get(`/api/v1/customers/${customers.north1}/merges`)).status).toBe(404);
    expect((await org.as.east1.post(`/api/v1/customers/${customers.north1}/confirm`)).status).toBe(404);
    expect((await org.admin.get(`/api/v1/customers/${customers.north1}`)).body.confirmedAt).toBeNull();
    const seen = async (who: Who) => {
      const res = await agent(who).get('/api/v1/data-quality?issue=incomplete&pageSize=200');
      return (res.body.items as Array<{ customer: { name: string } }>).map((i) => i.customer.name).filter((n) => n.startsWith('权限查重-')).sort();
    };
    expect(await seen('east1')).toEqual(['权限查重-east1', '权限查重-pool']);
    expect(await seen('north1')).toEqual(['权限查重-north1', '权限查重-pool']);
    expect(await seen('eastLead')).toEqual(['权限查重-east1', '权限查重-pool']);
    expect(await seen('reader')).toEqual(['权限查重-east1', '权限查重-north1', '权限查重-pool']);
  });

  it('a merge across scopes is a 404 and changes nothing', async () => {
    const res = await org.as.manager.post('/api/v1/customers/merge', { survivorId: customers.east1, mergedIds: [customers.north1], version: 1 });
    expect(res.status).toBe(200); // the manager's tree covers both
    const agentOwned = (await org.admin.post('/api/v1/customers', buildCustomer({ ownerId: org.ids.agent }))).body.id;
    const refused = await org.as.manager.post('/api/v1/customers/merge', { survivorId: customers.east1, mergedIds: [agentOwned], version: res.body.version });
    expect(refused.status).toBe(404);
    expect((await org.admin.get(`/api/v1/customers/${agentOwned}`)).status).toBe(200);
  });
});

const long = 'x'.repeat(5000);
const writes: Array<{ name: string; method: 'POST' | 'PUT'; url: () => string; wrongType: unknown; wrongPath: string; tooLong: unknown; longPath: string; read: () => string }> = [
  { name: 'duplicate check', method: 'POST', url: () => '/api/v1/customers/duplicate-check', wrongType: { contacts: 'x' }, wrongPath: 'contacts', tooLong: { name: long }, longPath: 'name', read: () => '/api/v1/customers?pageSize=200' },
  { name: 'merge', method: 'POST', url: () => '/api/v1/customers/merge', wrongType: { survivorId: 'one', mergedIds: [2], version: 1 }, wrongPath: 'survivorId', tooLong: { survivorId: 1, mergedIds: [2], version: 1, fields: { [long]: 1 } }, longPath: `fields.${long}`, read: () => '/api/v1/customers?pageSize=200' },
  { name: 'data-quality settings', method: 'PUT', url: () => '/api/v1/settings/data-quality', wrongType: { version: 0, staleDays: 'long' }, wrongPath: 'staleDays', tooLong: { version: 0, expected: { organization: [long] } }, longPath: 'expected.organization.0', read: () => '/api/v1/settings/data-quality' },
];

describe('bad input', () => {
  for (const w of writes) {
    it(w.name, async () => {
      const before = await org.admin.get(w.read());
      const send = (body: unknown) => org.admin.request(w.method, w.url(), body);
      const malformed = await send('{"name": ');
      expect(malformed.status).toBe(400);
      expect(malformed.body.error.code).toBe('BAD_REQUEST');
      const wrongType = await send(w.wrongType);
      expect(wrongType.status).toBe(400);
      expect(wrongType.body.error.code).toBe('VALIDATION_FAILED');
      expect(wrongType.body.error.details.map((d: { path: string }) => d.path)).toContain(w.wrongPath);
      const unknown = await send({ ...(w.tooLong as object), sneaky: true });
      expect(unknown.status).toBe(400);
      expect(unknown.body.error.details.map((d: { path: string }) => d.path)).toEqual(expect.arrayContaining(['sneaky', w.longPath]));
      expect((await send([1, 2, 3])).status).toBe(400);
      const huge = await send({ name: 'y'.repeat(1024 * 1024 + 10) });
      expect(huge.status).toBe(413);
      expect((await org.admin.get(w.read())).body).toEqual(before.body);
    });
  }

  it('bad ids and query values are 400, never 500', async () => {
    expect((await org.admin.get('/api/v1/customers/abc/merges')).status).toBe(400);
    expect((await org.admin.post('/api/v1/customers/-1/confirm')).status).toBe(400);
    expect((await org.admin.get('/api/v1/data-quality?issue=ugly')).status).toBe(400);
    expect((await org.admin.get('/api/v1/data-quality')).status).toBe(400);
    expect((await org.admin.get('/api/v1/data-quality?issue=stale&pageSize=1000')).status).toBe(400);
    expect((await org.admin.get('/api/v1/customers/999999/merges')).status).toBe(404);
  });

  it('every route is in the OpenAPI document', async () => {
    const doc = await t.anonymous().get('/api/v1/openapi.json');
    expect(doc.status).toBe(200);
    const paths = Object.keys(doc.body.paths);
    for (const p of ['/customers/duplicate-check', '/customers/merge', '/customers/{id}/merges', '/customers/{id}/confirm', '/settings/data-quality', '/data-quality', '/data-quality/summary']) {
      expect(paths, p).toContain(p);
    }
  });
});
