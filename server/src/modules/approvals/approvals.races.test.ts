import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCustomer, password } from '../../test/fixtures.js';
import { createTestApp, type Agent, type TestApp } from '../../test/harness.js';

/** Decisions and submissions at once (PostgreSQL runs them in parallel): one wins, the others are 409s, never 500s. */
let t: TestApp;
let admin: Agent;
let sales: Agent;
const approvers: Agent[] = [];
let customerId: number;
let productId: number;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login();
  const roles = (await admin.get('/api/v1/roles?pageSize=200')).body.items as Array<{ key: string; id: number }>;
  const salesRole = roles.find((r) => r.key === 'salesperson')?.id;
  const approverRole = (await admin.post('/api/v1/roles', { key: 'race_approver', name: '并发审批人', permissions: ['approvals.view'] })).body.id as number;
  await admin.post('/api/v1/users', { email: 'race-sales@example.com', name: '并发销售', password, roleId: salesRole });
  sales = await t.login('race-sales@example.com', password);
  for (const n of [1, 2, 3, 4]) {
    await admin.post('/api/v1/users', { email: `race-approver${n}@example.com`, name: `审批人${n}`, password, roleId: approverRole });
    approvers.push(await t.login(`race-approver${n}@example.com`, password));
  }
  const flow = await admin.post('/api/v1/approval-flows', { name: '并发流程', recordType: 'quote', steps: [{ kind: 'role', roleId: approverRole }, { kind: 'role', roleId: approverRole }] });
  expect(flow.status).toBe(201);
  customerId = (await sales.post('/api/v1/customers', buildCustomer())).body.id;
  productId = (await admin.post('/api/v1/products', { code: 'RACE-1', name: '并发产品', standardPrice: 100, taxRate: 0 })).body.id;
}, 120_000);
afterAll(() => t.close());

async function submitted(): Promise<{ quoteId: number; requestId: number; version: number }> {
  const q = (await sales.post('/api/v1/quotes', { customerId, title: '并发审批', validUntil: '2027-01-31', lines: [{ productId, quantity: 1 }] })).body;
  const sent = await sales.post(`/api/v1/quotes/${q.id}/status`, { status: 'sent', version: q.version });
  expect(sent.body.status).toBe('awaiting_approval');
  const request = (await admin.get(`/api/v1/approvals?recordType=quote&recordId=${q.id}`)).body.items[0];
  return { quoteId: q.id, requestId: request.id, version: request.version };
}

describe('parallel approvals', () => {
  it('four approvers of one step decide at once: exactly one decision counts', async () => {
    const { requestId, version } = await submitted();
    const answers = await Promise.all(approvers.map((a, i) => a.post(`/api/v1/approvals/${requestId}/decision`, { decision: i % 2 === 0 ? 'approve' : 'reject', comment: '并发', version })));
    for (const r of answers) expect([200, 409], JSON.stringify(r.body)).toContain(r.status);
    expect(answers.filter((r) => r.status === 200)).toHaveLength(1);
    const request = (await admin.get(`/api/v1/approvals/${requestId}`)).body;
    expect(request.steps[0].status).not.toBe('pending');
    expect(request.steps.filter((s: { decidedBy: number | null }) => s.decidedBy !== null)).toHaveLength(1);
    const history = (await admin.get(`/api/v1/customers/${customerId}/history?entityType=quote&pageSize=100`)).body.items as Array<{ action: string; entityId: number }>;
    expect(history.filter((h) => h.entityId === request.recordId && (h.action === 'approval_approve' || h.action === 'approval_reject'))).toHaveLength(1);
  });

  it('the last step approved twice at once sends the quote once', async () => {
    const { quoteId, requestId, version } = await submitted();
    const [first] = approvers;
    if (!first) throw new Error('no approvers');
    const step1 = await first.post(`/api/v1/approvals/${requestId}/decision`, { decision: 'approve', version });
    expect(step1.status).toBe(200);
    const others = approvers.slice(1);
    const answers = await Promise.all(others.map((a) => a.post(`/api/v1/approvals/${requestId}/decision`, { decision: 'approve', version: step1.body.version })));
    for (const r of answers) expect([200, 409], JSON.stringify(r.body)).toContain(r.status);
    expect(answers.filter((r) => r.status === 200)).toHaveLength(1);
    const quote = (await admin.get(`/api/v1/quotes/${quoteId}`)).body;
    expect(quote.status).toBe('sent');
    const notices = (await sales.get('/api/v1/notifications?pageSize=100')).body.items as Array<{ kind: string; entityId: number }>;
    expect(notices.filter((n) => n.kind === 'approval_approved' && n.entityId === quoteId)).toHaveLength(1);
  });

  it('one quote sent five times at once makes one request', async () => {
    const q = (await sales.post('/api/v1/quotes', { customerId, title: '并发提交', validUntil: '2027-01-31', lines: [{ productId, quantity: 1 }] })).body;
    const answers = await Promise.all(Array.from({ length: 5 }, () => sales.post(`/api/v1/quotes/${q.id}/status`, { status: 'sent', version: q.version })));
    for (const r of answers) expect([200, 409], JSON.stringify(r.body)).toContain(r.status);
    expect(answers.filter((r) => r.status === 200)).toHaveLength(1);
    const requests = (await admin.get(`/api/v1/approvals?recordType=quote&recordId=${q.id}`)).body.items as Array<{ status: string }>;
    expect(requests.map((r) => r.status)).toEqual(['pending']);
  });
});
