import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCustomer, createOrg, password, type Org } from '../../test/fixtures.js';
import { createTestApp, TestClock, type TestApp } from '../../test/harness.js';
import { runOverdueNotices } from './index.js';

/**
 * Receivables on both engines: a plan settled first due first by the payments, the contract's
 * sums, bad input that changes nothing, aging buckets and DSO on a controlled clock, the overdue
 * notices (owner and finance, once), and the data scope of every route.
 */
const dayMs = 24 * 60 * 60 * 1000;
// 08:00 UTC is 16:00 in Shanghai: the company's today is 2026-11-22.
const clock = new TestClock(new Date('2026-11-22T08:00:00Z'));
let t: TestApp;
let org: Org;
let finance: Awaited<ReturnType<TestApp['login']>>;
let financeId: number;
let customerId: number;
let otherCustomerId: number;

interface Receivables {
  amount: number; planned: number; received: number; invoiced: number; outstanding: number; overdue: number; planVersion: number; payable: boolean;
  instalments: Array<{ id: number; dueOn: string; amount: number; paid: number; status: string; daysOverdue: number; settledOn: string | null }>;
  payments: Array<{ id: number; amount: number; receivedOn: string; ownerName: string | null; customerName: string }>;
  invoices: Array<{ id: number; number: string; amount: number }>;
  can: { edit: boolean };
}

async function signedContract(as: Org['as']['east1'], customer: number, amount: number, title = '回款合同'): Promise<number> {
  const created = await as.post('/api/v1/contracts', { customerId: customer, title, amount, signedOn: '2026-11-01' });
  if (created.status !== 201) throw new Error(JSON.stringify(created.body));
  const signed = await as.post(`/api/v1/contracts/${created.body.id}/status`, { status: 'active', version: created.body.version });
  if (signed.status !== 200) throw new Error(JSON.stringify(signed.body));
  return created.body.id as number;
}
const receivables = async (id: number, as = org.admin): Promise<Receivables> => (await as.get(`/api/v1/contracts/${id}/receivables`)).body as Receivables;
const plan = (id: number, planVersion: number, instalments: Array<{ dueOn: string; amount: number }>, as = org.as.east1) => as.put(`/api/v1/contracts/${id}/payment-plan`, { planVersion, instalments });
const pay = (id: number, amount: number, receivedOn = '2026-11-20', as = org.as.east1) => as.post(`/api/v1/contracts/${id}/payments`, { amount, receivedOn, method: 'bank_transfer', reference: 'TX-1' });

beforeAll(async () => {
  t = await createTestApp({ clock });
  org = await createOrg(t);
  financeId = (await org.admin.post('/api/v1/users', { email: 'finance@example.com', name: '钱财务', password: 'finance-password-2026', roleId: org.roleIds.finance })).body.id;
  finance = await t.login('finance@example.com', 'finance-password-2026');
  customerId = (await org.as.east1.post('/api/v1/customers', buildCustomer({ name: '回款测试客户有限公司' }))).body.id;
  otherCustomerId = (await org.as.north1.post('/api/v1/customers', buildCustomer({ name: '华北回款客户有限公司' }))).body.id;
}, 180_000);
afterAll(() => t.close());

describe('payment plan and payments', () => {
  it('payments settle the instalments first due first; the sums and statuses follow', async () => {
    const id = await signedContract(org.as.east1, customerId, 100_000_00);
    const empty = await receivables(id, org.as.east1);
    expect(empty).toMatchObject({ amount: 100_000_00, planned: 0, received: 0, outstanding: 100_000_00, planVersion: 0, payable: true, instalments: [], can: { edit: true } });

    const saved = await plan(id, 0, [
      { dueOn: '2026-12-31', amount: 40_000_00 },
      { dueOn: '2026-10-31', amount: 30_000_00 },
      { dueOn: '2027-03-31', amount: 20_000_00 },
    ]);
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body.planned).toBe(90_000_00);
    expect(saved.body.planVersion).toBe(1);
    expect(saved.body.instalments.map((i: { dueOn: string; status: string; daysOverdue: number }) => [i.dueOn, i.status, i.daysOverdue])).toEqual([
      ['2026-10-31', 'overdue', 22],
      ['2026-12-31', 'open', 0],
      ['2027-03-31', 'open', 0],
    ]);
    expect(saved.body.overdue).toBe(30_000_00);

    const paid = await pay(id, 50_000_00, '2026-11-20');
    expect(paid.status, JSON.stringify(paid.body)).toBe(201);
    const r = paid.body as Receivables;
    expect(r.instalments.map((i) => [i.paid, i.status, i.settledOn])).toEqual([
      [30_000_00, 'paid', '2026-11-20'],
      [20_000_00, 'partly_paid', null],
      [0, 'open', null],
    ]);
    expect(r).toMatchObject({ received: 50_000_00, outstanding: 50_000_00, overdue: 0 });
    expect(r.payments[0]).toMatchObject({ amount: 50_000_00, receivedOn: '2026-11-20', ownerName: '张伟', customerName: '回款测试客户有限公司' });

    // A payment recorded in error is removed: the plan is settled again without it.
    const removed = await org.as.east1.delete(`/api/v1/payments/${r.payments[0]?.id}`);
    expect(removed.status).toBe(204);
    const after = await receivables(id);
    expect(after.received).toBe(0);
    expect(after.instalments.map((i) => i.status)).toEqual(['overdue', 'open', 'open']);
    const history = (await org.as.east1.get(`/api/v1/contracts/${id}/history`)).body.items as Array<{ changes: Array<{ field: string }> }>;
    expect(history.flatMap((h) => h.changes.map((c) => c.field))).toEqual(expect.arrayContaining(['paymentPlan', 'payment']));
  });

  it('refuses bad input with a field-level message and changes nothing', async () => {
    const id = await signedContract(org.as.east1, customerId, 10_000_00);
    await plan(id, 0, [{ dueOn: '2026-12-01', amount: 10_000_00 }]);
    await pay(id, 4_000_00);
    const before = await receivables(id);

    const above = await plan(id, 1, [{ dueOn: '2026-12-01', amount: 6_000_00 }, { dueOn: '2027-01-01', amount: 4_000_01 }]);
    expect(above.status).toBe(400);
    expect(above.body.error.details[0]).toMatchObject({ path: 'instalments' });
    const stale = await plan(id, 0, [{ dueOn: '2026-12-01', amount: 1_00 }]);
    expect(stale.status).toBe(409);
    const tooMuch = await pay(id, 6_000_01);
    expect(tooMuch.status).toBe(400);
    expect(tooMuch.body.error.details[0]).toMatchObject({ path: 'amount' });
    const future = await pay(id, 1_00, '2026-11-23');
    expect(future.status).toBe(400);
    expect(future.body.error.details[0]).toMatchObject({ path: 'receivedOn' });
    const zh = await t.login('east1@example.com', password, 'zh-CN');
    const message = (await zh.post(`/api/v1/contracts/${id}/payments`, { amount: 6_000_01, receivedOn: '2026-11-20' })).body.error.details[0].message as string;
    expect(message).toContain('未回款');
    for (const body of [{ amount: 0, receivedOn: '2026-11-20' }, { amount: 1.5, receivedOn: '2026-11-20' }, { amount: 100, receivedOn: '2026-13-01' }, { amount: 100, receivedOn: '2026-11-20', method: 'bitcoin' }]) {
      const res = await org.as.east1.post(`/api/v1/contracts/${id}/payments`, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
    }
    const tooManyInvoices = await org.as.east1.post(`/api/v1/contracts/${id}/invoices`, { number: '04400001', issuedOn: '2026-11-20', amount: 10_000_01 });
    expect(tooManyInvoices.status).toBe(400);
    expect(await receivables(id)).toEqual(before);

    const invoice = await org.as.east1.post(`/api/v1/contracts/${id}/invoices`, { number: '04400001', kind: 'vat_special', issuedOn: '2026-11-20', amount: 4_000_00 });
    expect(invoice.status).toBe(201);
    expect(invoice.body).toMatchObject({ invoiced: 4_000_00, invoices: [{ number: '04400001', amount: 4_000_00 }] });
    expect((await org.as.east1.delete(`/api/v1/invoices/${invoice.body.invoices[0].id}`)).status).toBe(204);
    expect((await receivables(id)).invoiced).toBe(0);
  });

  it('takes payments only on signed contracts; a cancelled contract keeps no plan', async () => {
    const draft = (await org.as.east1.post('/api/v1/contracts', { customerId, title: '草稿', amount: 5_000_00 })).body;
    expect((await receivables(draft.id)).payable).toBe(false);
    expect((await pay(draft.id, 1_00)).status).toBe(400);
    expect((await plan(draft.id, 0, [{ dueOn: '2027-01-01', amount: 5_000_00 }])).status).toBe(200);
    const current = (await org.as.east1.get(`/api/v1/contracts/${draft.id}`)).body;
    await org.as.east1.post(`/api/v1/contracts/${draft.id}/status`, { status: 'cancelled', version: current.version });
    expect((await plan(draft.id, 1, [])).status).toBe(400);
    expect((await receivables(draft.id)).can.edit).toBe(false);
  });
});

describe('data scope and roles', () => {
  it('a colleague sees nothing of it; a reader reads; finance reads and records on every contract but edits no customer', async () => {
    const id = await signedContract(org.as.east1, customerId, 20_000_00, '范围合同');
    expect((await org.as.east2.get(`/api/v1/contracts/${id}/receivables`)).status).toBe(404);
    expect((await pay(id, 1_00, '2026-11-20', org.as.east2)).status).toBe(404);
    expect((await plan(id, 0, [], org.as.east2)).status).toBe(404);
    expect((await org.as.reader.get(`/api/v1/contracts/${id}/receivables`)).status).toBe(200);
    expect((await pay(id, 1_00, '2026-11-20', org.as.reader)).status).toBe(403);
    expect((await org.as.marketer.get('/api/v1/receivables/aging')).status).toBe(403);

    const paid = await pay(id, 2_000_00, '2026-11-21', finance);
    expect(paid.status).toBe(201);
    const paymentId = paid.body.payments[0].id as number;
    expect((await org.as.east2.delete(`/api/v1/payments/${paymentId}`)).status).toBe(404);
    const east2List = (await org.as.east2.get('/api/v1/payments?pageSize=100')).body;
    expect(east2List.items.map((p: { id: number }) => p.id)).not.toContain(paymentId);
    expect((await org.as.east1.get(`/api/v1/payments?contractId=${id}`)).body).toMatchObject({ total: 1, sum: 2_000_00 });
    expect((await finance.get(`/api/v1/payments?contractId=${id}`)).body.total).toBe(1);
    const customer = (await finance.get(`/api/v1/customers/${customerId}`)).body;
    expect((await finance.patch(`/api/v1/customers/${customerId}`, { version: customer.version, remark: '财务改的' })).status).toBe(403);
  });
});

describe('aging, DSO and overdue notices', () => {
  it('puts every unpaid amount in its bucket by days past due, per owner, with the unplanned rest and the DSO', async () => {
    const id = await signedContract(org.as.north1, otherCustomerId, 100_000_00, '账龄合同');
    const day = (offset: number) => new Date(Date.parse('2026-11-22T00:00:00Z') + offset * dayMs).toISOString().slice(0, 10);
    const saved = await plan(id, 0, [
      { dueOn: day(5), amount: 10_000_00 }, // not due
      { dueOn: day(0), amount: 5_000_00 }, // due today: not due yet
      { dueOn: day(-1), amount: 11_000_00 }, // 1-30
      { dueOn: day(-30), amount: 12_000_00 }, // 1-30
      { dueOn: day(-31), amount: 13_000_00 }, // 31-60
      { dueOn: day(-75), amount: 14_000_00 }, // 61-90
      { dueOn: day(-91), amount: 15_000_00 }, // over 90
    ], org.as.north1);
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    // 5,000 pays part of the oldest instalment; 20,000 of the contract has no due date.
    expect((await pay(id, 5_000_00, '2026-11-01', org.as.north1)).status).toBe(201);

    const mine = (await org.as.north1.get('/api/v1/receivables/aging?groupBy=owner')).body;
    expect(mine.rows).toHaveLength(1);
    expect(mine.rows[0]).toMatchObject({ id: org.ids.north1, name: 'Emma Smith', notDue: 15_000_00, days1to30: 23_000_00, days31to60: 13_000_00, days61to90: 14_000_00, over90: 10_000_00, unplanned: 20_000_00, total: 95_000_00 });
    // Signed within the last 90 days: 100,000; receivable 95,000 → 85.5 days.
    expect(mine.dso).toEqual({ days: 85.5, receivable: 95_000_00, sales: 100_000_00, periodDays: 90 });
    expect(mine.asOf).toBe('2026-11-22');

    const byCustomer = (await finance.get('/api/v1/receivables/aging?groupBy=customer')).body;
    expect(byCustomer.rows.map((r: { name: string }) => r.name)).toContain('华北回款客户有限公司');
    const byDepartment = (await org.as.manager.get('/api/v1/receivables/aging?groupBy=department')).body;
    expect(byDepartment.rows.find((r: { id: number }) => r.id === org.ids.north)).toMatchObject({ name: '华北组', total: 95_000_00 });
    // east1's aging knows nothing of north1's contract.
    const east = (await org.as.east1.get('/api/v1/receivables/aging?groupBy=owner')).body;
    expect(east.rows.map((r: { id: number }) => r.id)).toEqual([org.ids.east1]);

    const overdue = (await org.as.north1.get('/api/v1/receivables/instalments?status=overdue')).body;
    expect(overdue.items.map((i: { dueOn: string }) => i.dueOn)).toEqual([day(-91), day(-75), day(-31), day(-30), day(-1)]);
    expect(overdue.items[0]).toMatchObject({ contractId: id, customerName: '华北回款客户有限公司', ownerName: 'Emma Smith', paid: 5_000_00, status: 'overdue', daysOverdue: 91 });
    expect((await org.as.east2.get('/api/v1/receivables/instalments?status=open')).body.total).toBe(0);
  });

  it('tells the owner and finance once per overdue instalment, and again only for a new due date', async () => {
    const before = (await org.as.north1.get('/api/v1/notifications?pageSize=100')).body.items.filter((n: { kind: string }) => n.kind === 'instalment_overdue').length;
    const told = await runOverdueNotices(t.ctx);
    expect(told).toBeGreaterThanOrEqual(5);
    expect(await runOverdueNotices(t.ctx)).toBe(0);
    const notices = (await org.as.north1.get('/api/v1/notifications?pageSize=100')).body.items.filter((n: { kind: string }) => n.kind === 'instalment_overdue');
    expect(notices.length - before).toBe(5);
    expect(notices.some((n: { message: string }) => n.message.includes('账龄合同'))).toBe(true);
    const financeNotices = (await finance.get('/api/v1/notifications?pageSize=100')).body.items.filter((n: { kind: string }) => n.kind === 'instalment_overdue');
    expect(financeNotices.length).toBe(told);
    // A day later nothing new falls due except what the plan says; no second notice for the same date.
    clock.advance(dayMs);
    expect(await runOverdueNotices(t.ctx)).toBe(1); // the instalment due "today" yesterday
    clock.advance(-dayMs);
    expect(financeId).toBeGreaterThan(0);
  });
});

describe('what instalments and contracts keep for the aging', () => {
  interface AgingRowBody { id: number; notDue: number; days1to30: number; days31to60: number; days61to90: number; over90: number; unplanned: number; total: number }
  /** The customer's aging row recomputed from its contracts' receivables (open instalments by due date, and the unplanned rest). */
  async function recomputed(ids: number[]) {
    const sums = { notDue: 0, days1to30: 0, days31to60: 0, days61to90: 0, over90: 0, unplanned: 0, total: 0 };
    for (const id of ids) {
      const r = await receivables(id);
      for (const i of r.instalments) {
        if (i.settledOn !== null) continue;
        const open = i.amount - i.paid;
        const key = i.daysOverdue <= 0 ? 'notDue' : i.daysOverdue <= 30 ? 'days1to30' : i.daysOverdue <= 60 ? 'days31to60' : i.daysOverdue <= 90 ? 'days61to90' : 'over90';
        sums[key] += open;
        sums.total += open;
      }
      const unplanned = Math.max(0, r.amount - Math.max(r.received, r.planned));
      sums.unplanned += unplanned;
      sums.total += unplanned;
    }
    return sums;
  }
  const agingOf = async (customer: number, as = org.admin) => {
    const rows = (await as.get('/api/v1/receivables/aging?groupBy=customer&pageSize=100')).body.rows as AgingRowBody[];
    const row = rows.find((r) => r.id === customer);
    return row ? { notDue: row.notDue, days1to30: row.days1to30, days31to60: row.days31to60, days61to90: row.days61to90, over90: row.over90, unplanned: row.unplanned, total: row.total } : null;
  };
  const paymentTotals = async (as = org.admin) => {
    const all = (await as.get('/api/v1/payments?pageSize=1')).body as { total: number; sum: number };
    // A date filter counts the payments themselves; without one the contracts' kept counts and sums answer.
    const counted = (await as.get('/api/v1/payments?pageSize=1&from=2000-01-01')).body as { total: number; sum: number };
    return { kept: { total: all.total, sum: all.sum }, counted: { total: counted.total, sum: counted.sum } };
  };

  it('payments recorded and removed, a plan replaced, the contract deleted and restored: the aging equals a recomputation', async () => {
    const customer = (await org.as.east1.post('/api/v1/customers', buildCustomer({ name: '账龄复算客户有限公司' }))).body.id as number;
    const a = await signedContract(org.as.east1, customer, 50_000_00, '复算合同甲');
    const b = await signedContract(org.as.east1, customer, 30_000_00, '复算合同乙');
    expect((await plan(a, 0, [{ dueOn: '2026-08-01', amount: 10_000_00 }, { dueOn: '2026-11-10', amount: 15_000_00 }, { dueOn: '2027-02-01', amount: 20_000_00 }])).status).toBe(200);
    expect((await plan(b, 0, [{ dueOn: '2026-10-01', amount: 30_000_00 }])).status).toBe(200);
    const check = async () => {
      const expected = await recomputed([a, b]);
      expect(await agingOf(customer)).toEqual(expected.total > 0 ? expected : null);
      const totals = await paymentTotals();
      expect(totals.kept).toEqual(totals.counted);
      return expected;
    };
    expect((await check()).total).toBe(80_000_00);

    const first = await pay(a, 12_000_00, '2026-11-01');
    expect(first.status).toBe(201);
    expect((await pay(b, 30_000_00, '2026-11-02')).status).toBe(201);
    expect((await check()).total).toBe(38_000_00);
    // The owner's overdue list shows only what is still open: 13,000 of the instalment due 2026-11-10.
    const overdue = (await org.as.east1.get(`/api/v1/receivables/instalments?status=overdue&customerId=${customer}`)).body;
    expect(overdue.items.map((i: { dueOn: string; paid: number }) => [i.dueOn, i.paid])).toEqual([['2026-11-10', 2_000_00]]);
    expect(overdue.total).toBe(1);

    // A payment removed and the plan replaced: everything is settled again.
    expect((await org.as.east1.delete(`/api/v1/payments/${first.body.payments[0].id}`)).status).toBe(204);
    expect((await check()).total).toBe(50_000_00);
    expect((await plan(a, 1, [{ dueOn: '2026-09-15', amount: 40_000_00 }])).status).toBe(200);
    expect(await check()).toMatchObject({ days61to90: 40_000_00, unplanned: 10_000_00, total: 50_000_00 });

    // Deleted, the contract leaves the aging, the overdue list and the payment sums; restored, it comes back.
    const current = (await org.as.east1.get(`/api/v1/contracts/${a}`)).body;
    expect((await org.admin.delete(`/api/v1/contracts/${a}`)).status, JSON.stringify(current.status)).toBe(204);
    expect(await agingOf(customer)).toBeNull();
    expect((await org.as.east1.get(`/api/v1/receivables/instalments?customerId=${customer}`)).body.total).toBe(0);
    expect((await paymentTotals()).kept).toEqual((await paymentTotals()).counted);
    expect((await org.admin.post(`/api/v1/recycle-bin/contract/${a}/restore`)).status).toBe(204);
    expect(await check()).toMatchObject({ total: 50_000_00 });

    // The data scope of the copied owner: a colleague does not see the customer's row, the owner does.
    expect(await agingOf(customer, org.as.east2)).toBeNull();
    expect(await agingOf(customer, org.as.east1)).toMatchObject({ total: 50_000_00 });
    expect((await org.as.east2.get(`/api/v1/receivables/instalments?customerId=${customer}`)).body.total).toBe(0);
    expect((await org.as.east1.get(`/api/v1/receivables/instalments?customerId=${customer}`)).body.total).toBe(1);
  });
});

describe('credit limit', () => {
  it('a quote needs approval when what the customer still owes plus its total is above the limit', async () => {
    const limited = (await org.as.east1.post('/api/v1/customers', buildCustomer({ name: '额度客户有限公司', organization: { creditStanding: 'good', creditLimit: 50_000_00 } }))).body.id as number;
    const flow = await org.admin.post('/api/v1/approval-flows', { name: '超额度报价', recordType: 'quote', conditions: [{ kind: 'over_credit_limit' }], steps: [{ kind: 'manager' }] });
    expect(flow.status, JSON.stringify(flow.body)).toBe(201);
    const contract = await signedContract(org.as.east1, limited, 40_000_00, '额度合同');
    expect((await pay(contract, 10_000_00)).status).toBe(201);
    const product = (await org.admin.post('/api/v1/products', { code: 'CREDIT-1', name: '额度产品', unit: '套', standardPrice: 1_000_00, taxRate: 0 })).body.id as number;
    const requirement = async (sets: number) => {
      const quote = (await org.as.east1.post('/api/v1/quotes', { customerId: limited, title: '额度报价', validUntil: '2027-01-31', lines: [{ productId: product, quantity: sets }] })).body;
      return (await org.admin.get(`/api/v1/approvals?recordType=quote&recordId=${quote.id}`)).body.requirement as { flowName: string } | null;
    };
    // Owes 30,000: 20,000 more is exactly the limit; 21,000 is above it.
    expect(await requirement(20)).toBeNull();
    expect((await requirement(21))?.flowName).toBe('超额度报价');
    // Another 10,000 received: 21,000 fits again.
    expect((await pay(contract, 10_000_00)).status).toBe(201);
    expect(await requirement(21)).toBeNull();
    const current = (await org.admin.get(`/api/v1/approval-flows/${flow.body.id}`)).body;
    await org.admin.patch(`/api/v1/approval-flows/${flow.body.id}`, { version: current.version, active: false });
  });
});
