import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCustomer, createOrg, type Org } from '../../test/fixtures.js';
import { createTestApp, type TestApp } from '../../test/harness.js';

/**
 * Contracts through approval flows: signing a large contract submits it; it becomes active (and a
 * transaction of the customer) only with the last approval; a rejection returns it to draft; while
 * it waits nobody signs or edits it; withdrawing, deleting and purging end the request.
 */
let t: TestApp;
let org: Org;
let customerId: number;

interface Contract { id: number; version: number; status: string; number: string }
const create = async (amount: number): Promise<Contract> => {
  const res = await org.as.east1.post('/api/v1/contracts', { customerId, title: '审批合同', amount });
  if (res.status !== 201) throw new Error(JSON.stringify(res.body));
  return res.body as Contract;
};
const status = (c: { id: number; version: number }, to: string) => org.as.east1.post(`/api/v1/contracts/${c.id}/status`, { status: to, version: c.version });
const requestsOf = async (id: number) => (await org.admin.get(`/api/v1/approvals?recordType=contract&recordId=${id}`)).body.items as Array<{ id: number; version: number; status: string; recordNumber: string; amount: number }>;
const decide = async (requestId: number, decision: 'approve' | 'reject', comment?: string) => {
  const current = await org.admin.get(`/api/v1/approvals/${requestId}`);
  return org.as.manager.post(`/api/v1/approvals/${requestId}/decision`, { decision, version: current.body.version, ...(comment === undefined ? {} : { comment }) });
};
const customer = async () => (await org.admin.get(`/api/v1/customers/${customerId}`)).body;

beforeAll(async () => {
  t = await createTestApp();
  org = await createOrg(t);
  customerId = (await org.as.east1.post('/api/v1/customers', buildCustomer({ name: '合同审批客户有限公司' }))).body.id;
  const flow = await org.admin.post('/api/v1/approval-flows', { name: '大额合同', recordType: 'contract', conditions: [{ kind: 'amount_above', amount: 100_000_00 }], steps: [{ kind: 'user', userId: org.ids.manager }] });
  expect(flow.status, JSON.stringify(flow.body)).toBe(201);
}, 180_000);
afterAll(() => t.close());

describe('contract approvals', () => {
  it('a small contract signs directly; a large one waits, and becomes active and counted only when approved', async () => {
    const small = await create(1_000_00);
    expect((await status(small, 'active')).body.status).toBe('active');
    expect((await customer()).dealCount).toBe(1);

    const large = await create(200_000_00);
    const submitted = await status(large, 'active');
    expect(submitted.status).toBe(200);
    expect(submitted.body.status).toBe('awaiting_approval');
    const [request] = await requestsOf(large.id);
    expect(request).toMatchObject({ status: 'pending', recordNumber: large.number, amount: 200_000_00 });
    // Nobody signs it past its approvers, nor edits it while it waits.
    const skip = await status(submitted.body, 'active');
    expect(skip.status).toBe(400);
    expect(skip.body.error.details[0]).toMatchObject({ path: 'status' });
    expect((await org.as.east1.patch(`/api/v1/contracts/${large.id}`, { version: submitted.body.version, title: '改名' })).status).toBe(409);
    expect((await customer()).dealCount).toBe(1);

    expect((await decide(request?.id as number, 'approve')).status).toBe(200);
    const approved = (await org.as.east1.get(`/api/v1/contracts/${large.id}`)).body;
    expect(approved.status).toBe('active');
    expect(approved.signedOn).not.toBeNull();
    const figures = await customer();
    expect(figures.dealCount).toBe(2);
    expect(figures.dealTotal).toBe(201_000_00);
    const history = (await org.as.east1.get(`/api/v1/contracts/${large.id}/history`)).body.items as Array<{ action: string }>;
    expect(history.map((h) => h.action)).toEqual(expect.arrayContaining(['approval_submit', 'approval_approve', 'status_change']));
  });

  it('a rejection returns it to draft with the comment; a draft withdrawn or deleted ends its request', async () => {
    const c = await create(300_000_00);
    const submitted = (await status(c, 'active')).body;
    const [request] = await requestsOf(c.id);
    expect((await decide(request?.id as number, 'reject', '价格太低')).status).toBe(200);
    expect((await org.as.east1.get(`/api/v1/contracts/${c.id}`)).body.status).toBe('draft');
    expect((await requestsOf(c.id))[0]?.status).toBe('rejected');

    const again = (await status((await org.as.east1.get(`/api/v1/contracts/${c.id}`)).body, 'awaiting_approval')).body;
    expect(again.status).toBe('awaiting_approval');
    const back = await status(again, 'draft');
    expect(back.body.status).toBe('draft');
    expect((await requestsOf(c.id))[0]?.status).toBe('cancelled');

    const resubmitted = (await status(back.body, 'active')).body;
    expect(resubmitted.status).toBe('awaiting_approval');
    expect((await org.as.east1.delete(`/api/v1/contracts/${c.id}`)).status).toBe(204);
    expect((await requestsOf(c.id)).map((r) => r.status)).not.toContain('pending');
    expect((await org.as.manager.get('/api/v1/approvals?mine=pending')).body.items.map((r: { recordNumber: string }) => r.recordNumber)).not.toContain(submitted.number);
  });

  it('above the credit limit: what the customer still owes plus the new amount above the limit needs approval; exactly at it does not', async () => {
    const limited = (await org.as.east1.post('/api/v1/customers', buildCustomer({ name: '合同额度客户有限公司', organization: { creditStanding: 'good', creditLimit: 50_000_00 } }))).body.id as number;
    const flow = await org.admin.post('/api/v1/approval-flows', { name: '超额度合同', recordType: 'contract', conditions: [{ kind: 'over_credit_limit' }], steps: [{ kind: 'user', userId: org.ids.manager }] });
    expect(flow.status, JSON.stringify(flow.body)).toBe(201);
    const draft = async (amount: number): Promise<Contract> => {
      const res = await org.as.east1.post('/api/v1/contracts', { customerId: limited, title: '额度合同', amount, signedOn: '2026-11-01' });
      if (res.status !== 201) throw new Error(JSON.stringify(res.body));
      return res.body as Contract;
    };
    const requirement = async (id: number) => (await org.admin.get(`/api/v1/approvals?recordType=contract&recordId=${id}`)).body.requirement as { flowName: string } | null;

    // Owes nothing yet: 40,000 fits and signs directly; 10,000 of it is received, so 30,000 is still open.
    const first = await draft(40_000_00);
    expect((await status(first, 'active')).body.status).toBe('active');
    const paid = await org.as.east1.post(`/api/v1/contracts/${first.id}/payments`, { amount: 10_000_00, receivedOn: '2026-11-20', method: 'bank_transfer', reference: 'TX-CREDIT' });
    expect(paid.status, JSON.stringify(paid.body)).toBe(201);

    // 30,000 + 20,000.01 is above the 50,000 limit: signing submits it, and it cannot be signed past the approver.
    const above = await draft(20_000_01);
    expect((await requirement(above.id))?.flowName).toBe('超额度合同');
    const submitted = await status(above, 'active');
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
    expect(submitted.body.status).toBe('awaiting_approval');
    const [request] = await requestsOf(above.id);
    expect(request).toMatchObject({ status: 'pending', amount: 20_000_01 });
    expect((await org.admin.get(`/api/v1/approvals/${request?.id}`)).body.flowName).toBe('超额度合同');
    const skip = await status(submitted.body, 'active');
    expect(skip.status).toBe(400);
    expect(skip.body.error.details[0]).toMatchObject({ path: 'status' });
    expect((await org.as.east1.get(`/api/v1/contracts/${above.id}`)).body.status).toBe('awaiting_approval');

    // 30,000 + 20,000 is exactly the limit: no approval, it signs at once (the waiting one does not count as owed).
    const exact = await draft(20_000_00);
    expect(await requirement(exact.id)).toBeNull();
    expect((await status(exact, 'awaiting_approval')).status).toBe(400);
    const signed = await status(exact, 'active');
    expect(signed.status, JSON.stringify(signed.body)).toBe(200);
    expect(signed.body.status).toBe('active');
    expect(await requestsOf(exact.id)).toEqual([]);

    // Now the customer owes exactly the limit: one more fen needs approval, and becomes active only when approved.
    const fen = await draft(1);
    const fenSubmitted = await status(fen, 'active');
    expect(fenSubmitted.body.status).toBe('awaiting_approval');
    const [fenRequest] = await requestsOf(fen.id);
    expect((await decide(fenRequest?.id as number, 'approve')).status).toBe(200);
    expect((await org.as.east1.get(`/api/v1/contracts/${fen.id}`)).body.status).toBe('active');

    // A customer without a credit limit is never above it.
    expect(await requirement((await create(90_000_00)).id)).toBeNull();

    expect((await decide(request?.id as number, 'reject', '超过信用额度')).status).toBe(200);
    expect((await org.as.east1.get(`/api/v1/contracts/${above.id}`)).body.status).toBe('draft');
    const current = (await org.admin.get(`/api/v1/approval-flows/${flow.body.id}`)).body;
    expect((await org.admin.patch(`/api/v1/approval-flows/${flow.body.id}`, { version: current.version, active: false })).status).toBe(200);
  });

  it('asking for approval where no flow applies says so', async () => {
    const c = await create(5_00);
    const res = await status(c, 'awaiting_approval');
    expect(res.status).toBe(400);
    expect(res.body.error.details[0]).toMatchObject({ path: 'status' });
  });
});
