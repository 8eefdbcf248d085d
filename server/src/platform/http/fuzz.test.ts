import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCustomer, password } from '../../test/fixtures.js';
import { broken, toJson, toQuery, valid, type JsonSchema } from '../../test/fuzz-arbitraries.js';
import { createTestApp, type Agent, type TestApp } from '../../test/harness.js';
import { upload } from '../../test/imports.js';

/**
 * Property-based fuzzing of every route of the registry (through the OpenAPI document generated
 * from it): bodies, query strings and path parameters generated from each route's own schemas,
 * then broken, sent as an administrator and as a salesperson. Whatever comes in, the answer is
 * never a 5xx. Fixed seed; `CRM_FUZZ_RUNS` (samples per route, default 16) and `CRM_FUZZ_SEED`
 * explore further.
 */
const runs = Number(process.env.CRM_FUZZ_RUNS) > 0 ? Number(process.env.CRM_FUZZ_RUNS) : 16;
const seed = Number(process.env.CRM_FUZZ_SEED) || 20261210;

interface Operation {
  method: string;
  path: string;
  params: Record<string, JsonSchema>;
  query: JsonSchema | null;
  body: JsonSchema | null;
  upload: boolean;
  anonymous: boolean;
}

type OpenApi = {
  paths: Record<string, Record<string, {
    security?: unknown[];
    parameters?: Array<{ name: string; in: 'path' | 'query'; required: boolean; schema: JsonSchema }>;
    requestBody?: { content: Record<string, { schema: JsonSchema }> };
  }>>;
};

function operationsOf(doc: OpenApi): Operation[] {
  const out: Operation[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const params = Object.fromEntries((op.parameters ?? []).filter((p) => p.in === 'path').map((p) => [p.name, p.schema]));
      const queryParams = (op.parameters ?? []).filter((p) => p.in === 'query');
      const query: JsonSchema | null = queryParams.length > 0
        ? { type: 'object', properties: Object.fromEntries(queryParams.map((p) => [p.name, p.schema])), required: queryParams.filter((p) => p.required).map((p) => p.name) }
        : null;
      const content = op.requestBody?.content ?? {};
      out.push({ method: method.toUpperCase(), path, params, query, body: content['application/json']?.schema ?? null, upload: 'application/octet-stream' in content, anonymous: Array.isArray(op.security) && op.security.length === 0 });
    }
  }
  return out;
}

let t: TestApp;
let doc: OpenApi;
const agents: Record<'admin' | 'sales', Agent> = {} as Record<'admin' | 'sales', Agent>;
/** Records made for the fuzz to work on, by the path's first segment: path ids pick these (or nonsense). */
const ownIds = new Map<string, number>();
let formToken = '';

beforeAll(async () => {
  t = await createTestApp();
  const admin = await t.login();
  agents.admin = admin;
  const roles = (await admin.get('/api/v1/roles?pageSize=200')).body.items as Array<{ key: string; id: number }>;
  const roleId = (key: string) => roles.find((r) => r.key === key)?.id;
  const made = async (segment: string, res: Promise<{ status: number; body: { id: number } }>) => {
    const answer = await res;
    if (answer.status !== 201) throw new Error(`${segment}: ${answer.status} ${JSON.stringify(answer.body)}`);
    ownIds.set(segment, answer.body.id);
    return answer.body.id;
  };
  await made('users', admin.post('/api/v1/users', { email: 'fuzz-target@example.com', name: '模糊目标', password, roleId: roleId('read_only') }));
  await admin.post('/api/v1/users', { email: 'fuzz-sales@example.com', name: '模糊销售', password, roleId: roleId('salesperson') });
  agents.sales = await t.login('fuzz-sales@example.com', password);
  const customerId = await made('customers', agents.sales.post('/api/v1/customers', buildCustomer({ name: '模糊客户' })));
  await made('contacts', agents.sales.post('/api/v1/contacts', { customerId, name: '模糊联系人' }));
  await made('leads', agents.sales.post('/api/v1/leads', { kind: 'person', name: '模糊线索', source: 'telemarketing' }));
  await made('opportunities', agents.sales.post('/api/v1/opportunities', { customerId, name: '模糊商机', amount: 100, expectedCloseDate: '2027-01-31' }));
  await made('departments', admin.post('/api/v1/departments', { name: '模糊部门' }));
  const productId = await made('products', admin.post('/api/v1/products', { code: 'FUZZ-1', name: '模糊产品', standardPrice: 100 }));
  await made('product-categories', admin.post('/api/v1/product-categories', { name: '模糊分类' }));
  await made('price-lists', admin.post('/api/v1/price-lists', { name: '模糊价格表', items: [{ productId, price: 90 }] }));
  await made('quotes', agents.sales.post('/api/v1/quotes', { customerId, title: '模糊报价', validUntil: '2027-01-31', lines: [{ productId, quantity: 1 }] }));
  await made('contracts', agents.sales.post('/api/v1/contracts', { customerId, title: '模糊合同', lines: [{ productId, quantity: 1 }] }));
  await made('roles', admin.post('/api/v1/roles', { key: 'fuzz_role', name: '模糊角色' }));
  // Approvals: a flow the fuzz may change, and a request waiting for the administrator's decision.
  const adminId = (await admin.get('/api/v1/auth/me')).body.user.id as number;
  await made('approval-flows', admin.post('/api/v1/approval-flows', { name: '模糊流程', recordType: 'quote', conditions: [{ kind: 'discount_above', percent: 50 }], steps: [{ kind: 'user', userId: adminId }] }));
  const discounted = (await agents.sales.post('/api/v1/quotes', { customerId, title: '模糊审批', validUntil: '2027-01-31', lines: [{ productId, quantity: 1, discountPercent: 60 }] })).body;
  await agents.sales.post(`/api/v1/quotes/${discounted.id}/status`, { status: 'sent', version: discounted.version });
  ownIds.set('approvals', (await admin.get(`/api/v1/approvals?recordType=quote&recordId=${discounted.id}`)).body.items[0].id);
  await made('custom-fields', admin.post('/api/v1/custom-fields', { entity: 'customer', key: 'fuzz_text', type: 'text', labelZh: '模糊', labelEn: 'Fuzz' }));
  const pipelines = (await admin.get('/api/v1/pipelines')).body.items as Array<{ id: number }>;
  ownIds.set('pipelines', pipelines[0]?.id ?? 1);
  const form = await admin.post('/api/v1/lead-forms', { name: '模糊表单', fields: [{ field: 'name', required: true }, { field: 'notes' }], thankYou: '谢谢' });
  ownIds.set('lead-forms', form.body.id);
  formToken = form.body.token;
  const job = await upload(t, agents.sales, 'customers', 'fuzz.csv', '客户名称,客户类型\n模糊导入,企业客户\n');
  ownIds.set('imports', job.body.id);
  doc = (await admin.get('/api/v1/openapi.json')).body as OpenApi;
}, 120_000);
afterAll(() => t.close());

const junkIds = ['0', '-1', '2147483648', '99999999999', '1e0', '0x1', '%201', 'abc', '%00', '1.5', ''];

function pathParam(op: Operation, name: string, schema: JsonSchema): fc.Arbitrary<string> {
  if (name === 'token') return fc.constantFrom(formToken, 'nope', '%00', 'a'.repeat(300));
  const segment = op.path.split('/')[1] ?? '';
  const own = ownIds.get(segment === 'recycle-bin' ? 'customers' : segment);
  if (name === 'id') return fc.oneof({ weight: 3, arbitrary: fc.constant(String(own ?? 1)) }, { weight: 2, arbitrary: fc.constantFrom(...junkIds) });
  return fc.oneof(valid(schema).map(String), fc.constantFrom('%00', 'x'));
}

/** One request of a route: its path filled in, a query string and a body (valid or broken), and who sends it. */
function requests(op: Operation): fc.Arbitrary<{ url: string; payload: string | Buffer | undefined; who: 'admin' | 'sales' }> {
  const names = Object.keys(op.params);
  const path = fc.tuple(...names.map((n) => pathParam(op, n, op.params[n] as JsonSchema))).map((values) =>
    names.reduce((url, n, i) => url.replace(`{${n}}`, values[i] as string), op.path),
  );
  const query = op.query ? fc.oneof(valid(op.query), broken(op.query)).map(toQuery) : fc.constant('');
  const body = op.upload
    ? fc.oneof(fc.uint8Array({ maxLength: 200 }).map((b) => Buffer.from(b)), fc.constant(Buffer.from('客户名称\n\u0000\n')))
    : op.body
      ? fc.oneof(valid(op.body), broken(op.body)).map(toJson)
      : fc.constant(undefined);
  return fc.record({ url: fc.tuple(path, query).map(([p, q]) => `/api/v1${p}${q ? `?${q}` : ''}`), payload: body, who: fc.constantFrom('admin' as const, 'sales' as const) });
}

/** Routes the fuzz leaves out: logging out would end the session every other request uses. */
const skipped = new Set(['POST /auth/logout']);

describe('fuzzing every route: no input gets a 5xx', () => {
  it('the registry is walked: every route of the OpenAPI document is fuzzed', () => {
    const ops = operationsOf(doc);
    expect(ops.length).toBeGreaterThan(100);
    expect(ops.filter((op) => op.body || op.query).length).toBeGreaterThan(60);
  });

  it('every integer a route accepts is bounded by what its column holds', () => {
    const unbounded: string[] = [];
    const walk = (s: JsonSchema | undefined, where: string) => {
      if (!s) return;
      // A list of allowed values (a reminder's minutes) is bounded by them.
      const listed = s.enum !== undefined || s.const !== undefined;
      if ((s.type === 'integer' || s.type === 'number') && !listed) {
        // Money (fen) lives in bigint columns and stays below 1e15; everything else in int4.
        if (s.maximum === undefined || s.minimum === undefined || s.maximum > 1e15) unbounded.push(where);
      }
      for (const o of [...(s.anyOf ?? []), ...(s.oneOf ?? []), ...(s.allOf ?? [])]) walk(o, where);
      for (const [k, p] of Object.entries(s.properties ?? {})) walk(p, `${where}.${k}`);
      walk(s.items, `${where}[]`);
      if (typeof s.additionalProperties === 'object') walk(s.additionalProperties, `${where}{}`);
    };
    for (const op of operationsOf(doc)) {
      walk(op.query ?? undefined, `${op.method} ${op.path} query`);
      walk(op.body ?? undefined, `${op.method} ${op.path} body`);
      for (const [name, s] of Object.entries(op.params)) walk(s, `${op.method} ${op.path} :${name}`);
    }
    // The public form's values are text or a number that the lead's own schema then bounds.
    expect(unbounded.filter((u) => !u.startsWith('POST /public/forms/{token} body.values{}'))).toEqual([]);
  });

  it('every route, as an administrator and as a salesperson', async () => {
    const failures: string[] = [];
    for (const op of operationsOf(doc)) {
      if (skipped.has(`${op.method} ${op.path}`)) continue;
      const samples = fc.sample(requests(op), { seed, numRuns: runs });
      for (const sample of samples) {
        const agent = op.anonymous ? t.anonymous() : agents[sample.who];
        const headers: Record<string, string> = { 'accept-language': 'en' };
        if (agent.cookie) headers.cookie = agent.cookie;
        if (sample.payload !== undefined) headers['content-type'] = Buffer.isBuffer(sample.payload) ? 'application/octet-stream' : 'application/json';
        const res = await t.app.inject({ method: op.method as 'GET', url: sample.url, headers, ...(sample.payload !== undefined ? { payload: sample.payload } : {}) });
        if (res.statusCode >= 500) failures.push(`${op.method} ${sample.url.slice(0, 300)} as ${sample.who} -> ${res.statusCode} ${res.body.slice(0, 200)}\n  body: ${String(sample.payload).slice(0, 500)}`);
      }
    }
    expect(failures).toEqual([]);
  }, 600_000);

  it('the sessions survived the fuzz (it did not test a logged-out app)', async () => {
    expect((await agents.admin.get('/api/v1/auth/me')).status).toBe(200);
    expect((await agents.sales.get('/api/v1/auth/me')).status).toBe(200);
  });
});
