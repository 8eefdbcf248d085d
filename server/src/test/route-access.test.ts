import type { Permission } from '@crm/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RouteAccess } from '../platform/http/route.js';
import { createOrg, type Org } from './fixtures.js';
import { createTestApp, type Agent, type TestApp } from './harness.js';

/**
 * Generated, not written by hand: every registered route × every role of the test company
 * (the built-in ones, the custom `east_lead`) and an anonymous caller. What each may do comes from
 * the route's declared access and the role's permission set as the roles API reports it, so a
 * route added tomorrow is covered the day it is registered, and a route whose declaration
 * disagrees with its service shows up here.
 *
 * Every call is harmless: path ids that do not exist (999999), an empty body and no query, so a
 * permitted caller gets a 400 or a 404 and nothing changes. The one route with a side effect on
 * the caller, logout, runs last.
 */

// The app is built at collection time: the tests are generated from its registry.
const t: TestApp = await createTestApp();
let org: Org;
const callers = new Map<string, { agent: Agent; permissions: ReadonlySet<Permission> }>();

// Logout ends the caller's session: it goes last so that every other route sees signed-in callers.
const lastOf = (url: string) => (url === '/auth/logout' ? 1 : 0);
const operations = t.registry.operations().sort((a, b) => lastOf(a.url) - lastOf(b.url));

const missingId = '999999';
/** The route's URL with harmless path values: ids no record has, a real recycle-bin type. */
const urlOf = (url: string) => `/api/v1${url.replace(/:(\w+)/g, (_m, name: string) => (name === 'type' ? 'customer' : missingId))}`;

function allowed(access: RouteAccess, permissions: ReadonlySet<Permission>): boolean {
  if (access === 'public' || access === 'signedIn') return true;
  if (typeof access === 'string') return permissions.has(access);
  return access.anyOf.some((p) => permissions.has(p));
}

beforeAll(async () => {
  org = await createOrg(t);
  const roles = (await org.admin.get('/api/v1/roles?pageSize=200')).body.items as Array<{ key: string; permissions: Permission[] }>;
  const permissionsOf = new Map(roles.map((r) => [r.key, new Set(r.permissions)]));
  const agents: Array<[string, Agent]> = [['admin', org.admin], ...Object.entries(org.as)];
  for (const [who, agent] of agents) {
    const me = await agent.get('/api/v1/auth/me');
    const permissions = permissionsOf.get(me.body.role.key as string);
    if (!permissions) throw new Error(`no role ${me.body.role.key} for ${who}`);
    callers.set(`${who} (${me.body.role.key})`, { agent, permissions });
  }
}, 180_000);
afterAll(() => t.close());

describe('the OpenAPI document', () => {
  it('shows each route\'s declared access (x-permission and a line in the description)', async () => {
    const doc = (await t.anonymous().get('/api/v1/openapi.json')).body as { paths: Record<string, Record<string, { 'x-permission': unknown; description: string }>> };
    for (const op of operations) {
      const documented = doc.paths[op.url.replace(/:(\w+)/g, '{$1}')]?.[op.method.toLowerCase()];
      expect(documented?.['x-permission'], `${op.method} ${op.url}`).toEqual(typeof op.access === 'string' ? op.access : op.access.anyOf);
      expect(documented?.description).toMatch(/^(Public|Any signed-in user|Needs permission \S+|Needs one of the permissions .+)$/);
    }
  });
});

let covered = 0;

describe('route access: every route × every role, from the declarations', () => {
  for (const op of operations) {
    it(`${op.method} ${op.url} (${JSON.stringify(op.access)})`, async () => {
      const body = op.method === 'GET' || op.method === 'DELETE' ? undefined : {};
      const wrong: string[] = [];
      const anonymous = await t.anonymous().request(op.method as 'GET', urlOf(op.url), body);
      if (op.public ? anonymous.status === 401 || anonymous.status >= 500 : anonymous.status !== 401) {
        wrong.push(`anonymous: ${anonymous.status}`);
      }
      for (const [who, { agent, permissions }] of callers) {
        const res = await agent.request(op.method as 'GET', urlOf(op.url), body);
        const may = allowed(op.access, permissions);
        const ok = may ? res.status !== 401 && res.status !== 403 && res.status < 500 : res.status === 403 && res.body?.error?.code === 'FORBIDDEN';
        if (!ok) wrong.push(`${who} ${may ? 'may' : 'may not'}: ${res.status} ${JSON.stringify(res.body?.error?.code ?? '')}`);
      }
      expect(wrong).toEqual([]);
      covered += 1;
    });
  }

  it('covers every registered route', () => {
    console.info(`route access matrix: ${covered} routes × ${callers.size} roles + anonymous`);
    expect(operations.length).toBeGreaterThan(100);
    expect(covered).toBe(t.registry.operations().length);
  });
});
