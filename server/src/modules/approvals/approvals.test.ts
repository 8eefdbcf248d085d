import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCustomer, createOrg, type Org } from '../../test/fixtures.js';
import { createTestApp, errorPaths, type Agent, type TestApp } from '../../test/harness.js';

/**
 * Approvals over HTTP on the test engine: flows and their validation, which flow applies (at the
 * boundaries), a two-step flow approved and rejected, who may decide, the owner's manager, and
 * who sees which request.
 */
let t: TestApp;
let org: Org;
let productId: number;
/** east1's customer, fair credit with a 20,000 yuan limit. */
let customerId: number;
let bigFlow: { id: number; version: number };

type Who = 'admin' | keyof Org['as'];
const agent = (who: Who): Agent => (who === 'admin' ? org.admin : org.as[who]);

interface Quote { id: number; version: number; status: string; number: string; total: number }
interface Request { id: number; version: number; status: string; currentStep: number | null; steps: Array<{ status: string; userId: number | null; approverName: string | null; comment: string | null; decidedByName: string | null }>; can: { decide: boolean }; recordNumber: string; customerName: string | null; amount: number }

/** A draft quote of east1 of `quantity` × 1 yuan (no tax), optionally discounted. */
async function makeQuote(quantity: number, discountPercent = 0, customer = customerId, who: Who = 'east1'): Promise<Quote> {
  const res = await agent(who).post('/api/v1/quotes', { customerId: customer, title: '审批测试报价', validUntil: '2027-01-31', lines: [{ productId, quantity, discountPercent }] });
  if (res.status !== 201) throw new Error(JSON.stringify(res.body));
  return res.body as Quote;
}
const send = (q: Quote, who: Who = 'east1') => agent(who).post(`/api/v1/quotes/${q.id}/status`, { status: 'sent', version: q.version });
const pendingOf = async (who: Who): Promise<Request[]> => (await agent(who).get('/api/v1/approvals?mine=pending&pageSize=200')).body.items as Request[];
const requestOf = async (quoteId: number): Promise<Request> => {
  const res = await org.admin.get(`/api/v1/approvals?recordType=quote&recordId=${quoteId}`);
  const [latest] = res.body.items as Request[];
  if (!latest) throw new Error(`no request for quote ${quoteId}`);
  return latest;
};
const decide = async (who: Who, requestId: number, decision: 'approve' | 'reject', comment?: string) => {
  const current = await org.admin.get(`/api/v1/approvals/${requestId}`);
  return agent(who).post(`/api/v1/approvals/${requestId}/decision`, { decision, version: current.body.version, ...(comment === undefined ? {} : { comment }) });
};
const notices = async (who: Who, kind: string) => ((await agent(who).get('/api/v1/notifications?pageSize=100')).body.items as Array<{ kind: string; message: string; entityType: string; entityId: number }>).filter((n) => n.kind === kind);

beforeAll(async () => {
  t = await createTestApp();
  org = await createOrg(t);
  productId = (await org.admin.post('/api/v1/products', { code: 'APPR-1', name: '审批产品', standardPrice: 100, taxRate: 0 })).body.id;
  customerId = (await org.as.east1.post('/api/v1/customers', buildCustomer({ name: '审批客户有限公司', organization: { creditStanding: 'fair', creditLimit: 2_000_000 } }))).body.id;
  // 销售部's head is 王经理 (the manager); 华东组 has none, so east1's manager is found one level up.
  const sales = (await org.admin.get(`/api/v1/departments/${org.ids.sales}`)).body;
  expect((await org.admin.patch(`/api/v1/departments/${org.ids.sales}`, { version: sales.version, managerId: org.ids.manager })).status).toBe(200);
  const created = await org.admin.post('/api/v1/approval-flows', {
    name: '大额报价',
    recordType: 'quote',
    priority: 10,
    conditions: [{ kind: 'amount_above', amount: 1_000_000 }],
    steps: [{ kind: 'manager' }, { kind: 'user', userId: org.ids.reader }],
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  bigFlow = created.body;
}, 180_000);
afterAll(() => t.close());

describe('flows', () => {
  it('are created with their steps named, listed with the record types, and only by the approvals administrator', async () => {
    const flow = (await org.admin.get(`/api/v1/approval-flows/${bigFlow.id}`)).body;
    expect(flow).toMatchObject({ name: '大额报价', recordType: 'quote', active: true, priority: 10, match: 'any', requestCount: 0 });
    expect(flow.steps).toEqual([{ kind: 'manager', userId: null, roleId: null, name: null }, { kind: 'user', userId: org.ids.reader, roleId: null, name: '周只读' }]);
    const list = (await org.admin.get('/api/v1/approval-flows')).body;
    expect(list.recordTypes).toEqual(['contract', 'quote']);
    expect(list.items.map((f: { id: number }) => f.id)).toContain(bigFlow.id);
    for (const who of ['manager', 'east1', 'reader'] as const) {
      expect((await agent(who).get('/api/v1/approval-flows')).status, who).toBe(403);
      expect((await agent(who).post('/api/v1/approval-flows', { name: 'x', recordType: 'quote', steps: [{ kind: 'manager' }] })).status, who).toBe(403);
    }
  });

  it('refuse unknown record types, users and roles and bad conditions, field by field, in both languages', async () => {
    const bad = await org.admin.post('/api/v1/approval-flows', {
      name: '坏流程',
      recordType: 'planet',
      steps: [{ kind: 'user', userId: 999_999 }, { kind: 'role', roleId: 999_999 }, { kind: 'manager' }],
    });
    expect(bad.status).toBe(400);
    expect(errorPaths(bad).sort()).toEqual(['recordType', 'steps.0.userId', 'steps.1.roleId']);
    const shapes = await t.login('admin@example.com', 'admin-password-1', 'zh-CN').then((zh) =>
      zh.post('/api/v1/approval-flows', { name: ' ', recordType: 'quote', steps: [], conditions: [{ kind: 'discount_above', percent: 101 }, { kind: 'amount_above', amount: -1 }, { kind: 'weather' }] }),
    );
    expect(shapes.status).toBe(400);
    expect(errorPaths(shapes)).toEqual(expect.arrayContaining(['name', 'steps', 'conditions.0.percent', 'conditions.1.amount', 'conditions.2.kind']));
    expect(shapes.body.error.message).toMatch(/[\u4e00-\u9fff]/);
    expect((await org.admin.get('/api/v1/approval-flows')).body.items.map((f: { name: string }) => f.name)).not.toContain('坏流程');
  });

  it('change with their version (409 when stale); an unused flow is deleted, one in use is deactivated instead', async () => {
    const made = (await org.admin.post('/api/v1/approval-flows', { name: '临时流程', recordType: 'quote', active: false, steps: [{ kind: 'manager' }] })).body;
    const renamed = await org.admin.patch(`/api/v1/approval-flows/${made.id}`, { version: made.version, name: '临时流程二' });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ name: '临时流程二', active: false, steps: [{ kind: 'manager' }] });
    const stale = await org.admin.patch(`/api/v1/approval-flows/${made.id}`, { version: made.version, name: 'x' });
    expect(stale.status).toBe(409);
    expect(stale.body.error.current.name).toBe('临时流程二');
    expect((await org.admin.delete(`/api/v1/approval-flows/${made.id}`)).status).toBe(204);
    expect((await org.admin.get(`/api/v1/approval-flows/${made.id}`)).status).toBe(404);
  });
});

describe('which flow applies', () => {
  it('amount above: the threshold itself is sent, one fen more waits for approval', async () => {
    const exact = await makeQuote(10_000);
    expect(exact.total).toBe(1_000_000);
    expect((await send(exact)).body.status).toBe('sent');
    const above = await makeQuote(10_000.01);
    expect(above.total).toBe(1_000_001);
    const sent = await send(above);
    expect(sent.status).toBe(200);
    expect(sent.body).toMatchObject({ status: 'awaiting_approval', nextStatuses: ['draft'], can: { edit: false } });
  });

  it('discount above, credit worse than, and above the credit limit, each at its boundary; the first flow by priority wins', async () => {
    const flow = async (name: string, priority: number, conditions: unknown[], match: 'any' | 'all' = 'any') => {
      const res = await org.admin.post('/api/v1/approval-flows', { name, recordType: 'quote', priority, match, conditions, steps: [{ kind: 'manager' }] });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return res.body as { id: number; version: number };
    };
    const requirement = async (q: Quote) => (await org.admin.get(`/api/v1/approvals?recordType=quote&recordId=${q.id}`)).body.requirement as { flowName: string } | null;
    const discount = await flow('折扣', 20, [{ kind: 'discount_above', percent: 10 }]);
    expect(await requirement(await makeQuote(10, 10))).toBeNull();
    expect(await requirement(await makeQuote(10, 10.01))).toEqual({ flowId: discount.id, flowName: '折扣' });
    // Above the limit: 20,000 yuan is the limit itself; 20,000.01 is above it (and above the big-amount flow, which comes first).
    const limit = await flow('超信用额度', 30, [{ kind: 'over_credit_limit' }]);
    await org.admin.patch(`/api/v1/approval-flows/${bigFlow.id}`, { version: (await org.admin.get(`/api/v1/approval-flows/${bigFlow.id}`)).body.version, active: false });
    expect(await requirement(await makeQuote(20_000))).toBeNull();
    expect((await requirement(await makeQuote(20_000.01)))?.flowName).toBe('超信用额度');
    // Credit worse than good: the customer is fair. Worse than fair: not fair itself.
    const worse = await flow('信用一般', 40, [{ kind: 'credit_below', standing: 'fair' }]);
    expect(await requirement(await makeQuote(1))).toBeNull();
    await org.admin.patch(`/api/v1/approval-flows/${worse.id}`, { version: worse.version, conditions: [{ kind: 'credit_below', standing: 'good' }] });
    expect((await requirement(await makeQuote(1)))?.flowName).toBe('信用一般');
    // A customer without a recorded standing counts as the worst; without a limit, never over it.
    const unknown = (await org.as.east1.post('/api/v1/customers', buildCustomer({ name: '无信用记录客户' }))).body.id as number;
    await org.admin.patch(`/api/v1/approval-flows/${worse.id}`, { version: worse.version + 1, conditions: [{ kind: 'credit_below', standing: 'poor' }] });
    expect(await requirement(await makeQuote(1))).toBeNull();
    expect((await requirement(await makeQuote(30_000, 0, unknown)))?.flowName).toBe('信用一般');
    // "all": every condition must hold.
    const both = await flow('折扣且大额', 5, [{ kind: 'discount_above', percent: 5 }, { kind: 'amount_above', amount: 500_000 }], 'all');
    expect((await requirement(await makeQuote(6_000, 12)))?.flowName).toBe('折扣且大额');
    expect((await requirement(await makeQuote(4_000, 12)))?.flowName).toBe('折扣');
    for (const f of [discount, limit, worse, both]) {
      const now = (await org.admin.get(`/api/v1/approval-flows/${f.id}`)).body;
      await org.admin.patch(`/api/v1/approval-flows/${f.id}`, { version: now.version, active: false });
    }
    const big = (await org.admin.get(`/api/v1/approval-flows/${bigFlow.id}`)).body;
    expect((await org.admin.patch(`/api/v1/approval-flows/${bigFlow.id}`, { version: big.version, active: true })).status).toBe(200);
  });

  it('asking for approval when no flow applies is refused; the quote may be sent', async () => {
    const small = await makeQuote(5);
    const asked = await agent('east1').post(`/api/v1/quotes/${small.id}/status`, { status: 'awaiting_approval', version: small.version });
    expect(asked.status).toBe(400);
    expect(errorPaths(asked)).toEqual(['status']);
    expect((await send(small)).body.status).toBe('sent');
  });
});

describe('a two-step flow: the owner\'s manager, then a named user', () => {
  it('is approved step by step: each approver is told and sees it waiting, the last approval sends the quote, the owner is told', async () => {
    const q = await makeQuote(12_345.67);
    expect((await send(q)).body.status).toBe('awaiting_approval');
    const request = await requestOf(q.id);
    expect(request).toMatchObject({ status: 'pending', currentStep: 1, recordNumber: q.number, customerName: '审批客户有限公司', amount: 1_234_567 });
    expect(request.steps.map((s) => [s.userId, s.approverName, s.status])).toEqual([[org.ids.manager, '王经理', 'pending'], [org.ids.reader, '周只读', 'waiting']]);
    // The manager is told and finds it in the queue; the second approver does not yet.
    expect((await notices('manager', 'approval_requested')).some((n) => n.message.includes(q.number) && n.message.includes('12,345.67'))).toBe(true);
    expect((await pendingOf('manager')).map((r) => r.id)).toContain(request.id);
    expect((await pendingOf('reader')).map((r) => r.id)).not.toContain(request.id);
    expect((await agent('manager').get(`/api/v1/approvals/${request.id}`)).body.can.decide).toBe(true);
    // Not the reader's turn yet, and the submitter never decides: 403 for those who see it.
    expect((await decide('reader', request.id, 'approve')).status).toBe(403);
    expect((await decide('east1', request.id, 'approve')).status).toBe(403);
    // Someone who may not see it at all: 404.
    expect((await decide('east2', request.id, 'approve')).status).toBe(404);

    const first = await decide('manager', request.id, 'approve', '同意');
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body).toMatchObject({ status: 'pending', currentStep: 2 });
    expect((await org.admin.get(`/api/v1/quotes/${q.id}`)).body.status).toBe('awaiting_approval');
    expect((await notices('reader', 'approval_requested')).some((n) => n.entityType === 'approval' && n.entityId === request.id)).toBe(true);
    expect((await pendingOf('reader')).map((r) => r.id)).toContain(request.id);
    expect((await pendingOf('manager')).map((r) => r.id)).not.toContain(request.id);
    expect((await decide('manager', request.id, 'approve')).status).toBe(403);

    const second = await decide('reader', request.id, 'approve');
    expect(second.status).toBe(200);
    expect(second.body).toMatchObject({ status: 'approved', currentStep: null, can: { decide: false } });
    expect(second.body.steps.map((s: Request['steps'][number]) => [s.status, s.decidedByName, s.comment])).toEqual([['approved', '王经理', '同意'], ['approved', '周只读', null]]);
    const sent = (await org.admin.get(`/api/v1/quotes/${q.id}`)).body;
    expect(sent.status).toBe('sent');
    expect((await notices('east1', 'approval_approved')).some((n) => n.entityType === 'quote' && n.entityId === q.id)).toBe(true);
    // Deciding again: 409.
    expect((await decide('reader', request.id, 'approve')).status).toBe(409);
    // Every step is on the customer's timeline, under the quote.
    const history = (await org.admin.get(`/api/v1/customers/${customerId}/history?entityType=quote&pageSize=100`)).body.items as Array<{ action: string; entityId: number; label: string; actorName: string }>;
    const mine = history.filter((h) => h.entityId === q.id).map((h) => [h.action, h.actorName]).reverse();
    expect(mine).toEqual([['approval_submit', '张伟'], ['approval_approve', '王经理'], ['approval_approve', '周只读']]);
    expect((await org.admin.get(`/api/v1/approval-flows/${bigFlow.id}`)).body.requestCount).toBeGreaterThan(0);
    expect((await org.admin.delete(`/api/v1/approval-flows/${bigFlow.id}`)).status).toBe(409);
  });

  it('a rejection needs a comment, returns the quote to draft and tells the owner why', async () => {
    const q = await makeQuote(20_000);
    await send(q);
    const request = await requestOf(q.id);
    const bare = await decide('manager', request.id, 'reject');
    expect(bare.status).toBe(400);
    expect(errorPaths(bare)).toEqual(['comment']);
    expect((await decide('manager', request.id, 'reject', '   ')).status).toBe(400);
    const rejected = await decide('manager', request.id, 'reject', '折扣太大，请重新报价');
    expect(rejected.status).toBe(200);
    expect(rejected.body).toMatchObject({ status: 'rejected', currentStep: null });
    expect(rejected.body.steps.map((s: Request['steps'][number]) => s.status)).toEqual(['rejected', 'waiting']);
    const back = (await org.admin.get(`/api/v1/quotes/${q.id}`)).body;
    expect(back).toMatchObject({ status: 'draft', can: { edit: true } });
    expect((await notices('east1', 'approval_rejected')).some((n) => n.message.includes('折扣太大，请重新报价'))).toBe(true);
    expect((await pendingOf('reader')).map((r) => r.id)).not.toContain(request.id);
    // Sending it again makes a new request; the rejected one stays in the record's history.
    expect((await send(back)).body.status).toBe('awaiting_approval');
    const all = (await agent('east1').get(`/api/v1/approvals?recordType=quote&recordId=${q.id}`)).body.items as Request[];
    expect(all.map((r) => r.status)).toEqual(['pending', 'rejected']);
  });

  it('a quote awaiting approval cannot be edited (409); moving it back to draft withdraws the request', async () => {
    const q = await makeQuote(15_000);
    const waiting = (await send(q)).body as Quote;
    const edit = await agent('east1').patch(`/api/v1/quotes/${q.id}`, { version: waiting.version, title: '改了' });
    expect(edit.status).toBe(409);
    expect(edit.body.error.message).toMatch(/withdraw/i);
    const request = await requestOf(q.id);
    const withdrawn = await agent('east1').post(`/api/v1/quotes/${q.id}/status`, { status: 'draft', version: waiting.version });
    expect(withdrawn.body.status).toBe('draft');
    expect((await requestOf(q.id))).toMatchObject({ id: request.id, status: 'cancelled', currentStep: null });
    expect((await pendingOf('manager')).map((r) => r.id)).not.toContain(request.id);
    expect((await decide('manager', request.id, 'approve')).status).toBe(409);
    // Sending it straight out is not a way around the flow.
    const again = await send(withdrawn.body as Quote);
    expect(again.body.status).toBe('awaiting_approval');
    // Deleting it withdraws the request too.
    expect((await agent('east1').delete(`/api/v1/quotes/${q.id}`)).status).toBe(204);
    expect((await requestOf(q.id)).status).toBe('cancelled');
  });
});

describe('the owner\'s manager', () => {
  it('is the nearest department head above the owner who is not the owner; nobody at all is a clear 409', async () => {
    const east = (await org.admin.get(`/api/v1/departments/${org.ids.east}`)).body;
    // The eastLead heads 华东组: east1's manager is now the eastLead.
    await org.admin.patch(`/api/v1/departments/${org.ids.east}`, { version: east.version, managerId: org.ids.eastLead });
    const q = await makeQuote(10_001);
    await send(q);
    expect((await requestOf(q.id)).steps[0]?.userId).toBe(org.ids.eastLead);
    // east1 heading 华东组 themselves: their manager is the head above (王经理).
    const east2 = (await org.admin.get(`/api/v1/departments/${org.ids.east}`)).body;
    await org.admin.patch(`/api/v1/departments/${org.ids.east}`, { version: east2.version, managerId: org.ids.east1 });
    const own = await makeQuote(10_002);
    await send(own);
    expect((await requestOf(own.id)).steps[0]?.userId).toBe(org.ids.manager);
    // The manager quoting: 销售部 is headed by themselves and 总公司 by nobody.
    const managerCustomer = (await org.as.manager.post('/api/v1/customers', buildCustomer({ name: '经理客户' }))).body.id as number;
    const mq = await makeQuote(10_003, 0, managerCustomer, 'manager');
    const refused = await send(mq, 'manager');
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toMatch(/Step 1/);
    expect((await org.admin.get(`/api/v1/quotes/${mq.id}`)).body.status).toBe('draft');
    const after = (await org.admin.get(`/api/v1/departments/${org.ids.east}`)).body;
    await org.admin.patch(`/api/v1/departments/${org.ids.east}`, { version: after.version, managerId: null });
  });
});

describe('role steps and approvers without approvals.view', () => {
  it('any holder of the role other than the owner decides; a named marketer (no approvals.view) still finds and decides what waits for them', async () => {
    const flow = (await org.admin.post('/api/v1/approval-flows', { name: '折扣审批', recordType: 'quote', priority: 1, conditions: [{ kind: 'discount_above', percent: 30 }], steps: [{ kind: 'role', roleId: org.roleIds.salesperson }, { kind: 'user', userId: org.ids.marketer }] })).body;
    const q = await makeQuote(10, 50);
    await send(q);
    const request = await requestOf(q.id);
    expect(request.steps[0]).toMatchObject({ userId: null, approverName: expect.stringContaining('Salesperson') });
    // east1 owns it: not theirs to approve, and not in their queue; east2 and north1 hold the role.
    expect((await pendingOf('east1')).map((r) => r.id)).not.toContain(request.id);
    expect((await pendingOf('east2')).map((r) => r.id)).toContain(request.id);
    expect((await pendingOf('north1')).map((r) => r.id)).toContain(request.id);
    expect((await decide('east1', request.id, 'approve')).status).toBe(403);
    expect((await decide('north1', request.id, 'approve')).status).toBe(200);
    expect((await pendingOf('east2')).map((r) => r.id)).not.toContain(request.id);
    const waiting = await pendingOf('marketer');
    expect(waiting.map((r) => r.id)).toEqual([request.id]);
    expect((await decide('marketer', request.id, 'approve')).status).toBe(200);
    expect((await org.admin.get(`/api/v1/quotes/${q.id}`)).body.status).toBe('sent');
    await org.admin.patch(`/api/v1/approval-flows/${flow.id}`, { version: flow.version, active: false });
  });
});

describe('records erased for good', () => {
  it('a customer purged from the recycle bin takes its quotes\' approval requests (and the names they keep) with it', async () => {
    const doomed = (await org.as.east1.post('/api/v1/customers', buildCustomer({ name: '将被清除的客户' }))).body.id as number;
    const q = await makeQuote(10_500, 0, doomed);
    await send(q);
    const request = await requestOf(q.id);
    expect(request.customerName).toBe('将被清除的客户');
    expect((await org.admin.delete(`/api/v1/customers/${doomed}`)).status).toBe(204);
    // Deleted with its customer: the request waits on nothing; deciding it cancels it.
    expect((await decide('manager', request.id, 'approve')).status).toBe(409);
    expect((await org.admin.get(`/api/v1/approvals/${request.id}`)).body.status).toBe('cancelled');
    expect((await org.admin.delete(`/api/v1/recycle-bin/customer/${doomed}`)).status).toBe(204);
    expect((await org.admin.get(`/api/v1/approvals/${request.id}`)).status).toBe(404);
    expect(JSON.stringify((await org.admin.get('/api/v1/approvals?pageSize=200')).body)).not.toContain('将被清除的客户');
  });
});
