import type { LeadForm, ListResponse } from '@crm/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrg, type Org } from '../../test/fixtures.js';
import { createTestApp, type Agent, type TestApp } from '../../test/harness.js';

/**
 * Web forms in the permission matrix: the editor needs settings.view to read and settings.edit to
 * write (403 otherwise, 404 for a missing form); the public page needs no login at all.
 */
let t: TestApp;
let org: Org;

type Who = 'admin' | keyof Org['as'];
const everyone: Who[] = ['admin', 'manager', 'eastLead', 'east1', 'east2', 'north1', 'agent', 'marketer', 'reader'];
const agent = (who: Who): Agent => (who === 'admin' ? org.admin : org.as[who]);
/** Built-in roles with settings.view: the administrator and the sales manager; settings.edit: the administrator. */
const viewers: Who[] = ['admin', 'manager'];
const editors: Who[] = ['admin'];

const form = (name: string) => ({ name, fields: [{ field: 'name', required: true }, { field: 'mobile' }], thankYou: '谢谢' });

beforeAll(async () => {
  t = await createTestApp();
  org = await createOrg(t);
}, 120_000);
afterAll(() => t.close());

describe('permission matrix: web form editor', () => {
  it('list and read: settings.view', async () => {
    const created = (await org.admin.post('/api/v1/lead-forms', form('矩阵'))).body;
    for (const who of everyone) {
      const allowed = viewers.includes(who);
      expect((await agent(who).get('/api/v1/lead-forms')).status, `${who} list`).toBe(allowed ? 200 : 403);
      expect((await agent(who).get(`/api/v1/lead-forms/${created.id}`)).status, `${who} get`).toBe(allowed ? 200 : 403);
      expect((await agent(who).get('/api/v1/lead-forms/999999')).status, `${who} missing`).toBe(allowed ? 404 : 403);
    }
  });

  it('create, change and delete: settings.edit', async () => {
    for (const who of everyone) {
      const allowed = editors.includes(who);
      const created = await agent(who).post('/api/v1/lead-forms', form(`由 ${who} 创建`));
      expect(created.status, `${who} create`).toBe(allowed ? 201 : 403);
      const target = (await org.admin.post('/api/v1/lead-forms', form(`目标 ${who}`))).body;
      expect((await agent(who).patch(`/api/v1/lead-forms/${target.id}`, { version: 1, name: '改名' })).status, `${who} patch`).toBe(allowed ? 200 : 403);
      expect((await agent(who).delete(`/api/v1/lead-forms/${target.id}`)).status, `${who} delete`).toBe(allowed ? 204 : 403);
      expect((await agent(who).patch('/api/v1/lead-forms/999999', { version: 1, name: 'x' })).status, `${who} patch missing`).toBe(allowed ? 404 : 403);
      expect((await agent(who).delete('/api/v1/lead-forms/999999')).status, `${who} delete missing`).toBe(allowed ? 404 : 403);
    }
    // Nothing the refused roles sent was written.
    const names = (await org.admin.get<ListResponse<LeadForm>>('/api/v1/lead-forms')).body.items.map((f) => f.name);
    expect(names.filter((n) => n.startsWith('由 '))).toEqual(['由 admin 创建']);
  });

  it('signed out: 401 on the editor', async () => {
    const anonymous = t.anonymous();
    expect((await anonymous.get('/api/v1/lead-forms')).status).toBe(401);
    expect((await anonymous.post('/api/v1/lead-forms', form('匿名'))).status).toBe(401);
    expect((await anonymous.get('/api/v1/lead-forms/1')).status).toBe(401);
    expect((await anonymous.patch('/api/v1/lead-forms/1', { version: 1 })).status).toBe(401);
    expect((await anonymous.delete('/api/v1/lead-forms/1')).status).toBe(401);
  });
});

describe('permission matrix: the public page', () => {
  it('anyone, signed in or not, reads and submits an open form', async () => {
    const created = (await org.admin.post('/api/v1/lead-forms', form('公开'))).body;
    const callers: Array<[string, Agent]> = [['anonymous', t.anonymous()], ...everyone.map((who): [string, Agent] => [who, agent(who)])];
    for (const [i, [who, caller]] of callers.entries()) {
      expect((await caller.get(`/api/v1/public/forms/${created.token}`)).status, `${who} read`).toBe(200);
      const res = await t.app.inject({
        method: 'POST',
        url: `/api/v1/public/forms/${created.token}`,
        remoteAddress: `198.51.100.${i + 1}`,
        headers: { 'content-type': 'application/json', ...(caller.cookie ? { cookie: caller.cookie } : {}) },
        payload: JSON.stringify({ values: { name: `访客${i}` } }),
      });
      expect(res.statusCode, `${who} submit`).toBe(201);
    }
    expect((await org.admin.get(`/api/v1/lead-forms/${created.id}`)).body.submissionCount).toBe(callers.length);
  });

  it('reveals nothing about other forms or leads: the answer carries only the page and the thank-you', async () => {
    const created = (await org.admin.post('/api/v1/lead-forms', form('不泄露'))).body;
    const page = await t.anonymous().get(`/api/v1/public/forms/${created.token}`);
    expect(Object.keys(page.body).sort()).toEqual(['description', 'fields', 'title']);
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/public/forms/${created.token}`, remoteAddress: '198.51.100.200', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ values: { name: '访客' } }) });
    expect(JSON.parse(res.body)).toEqual({ thankYou: '谢谢' });
    // The token is the only way in: the form's id is not.
    expect((await t.anonymous().get(`/api/v1/public/forms/${created.id}`)).status).toBe(404);
  });
});

describe('the API document', () => {
  it('lists the editor under lead-forms and the public page without sign-in', async () => {
    const doc = (await t.anonymous().get('/api/v1/openapi.json')).body;
    expect(doc.paths['/lead-forms'].post.tags).toEqual(['lead-forms']);
    expect(doc.paths['/lead-forms/{id}'].patch).toBeDefined();
    const open = doc.paths['/public/forms/{token}'];
    expect(open.get.security).toEqual([]);
    expect(open.post.security).toEqual([]);
    expect(open.post.tags).toEqual(['public']);
    expect(open.post.requestBody).toBeDefined();
  });
});
