import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCustomer } from '../../test/fixtures.js';
import { createTestApp, TestClock, type Agent, type TestApp } from '../../test/harness.js';

/**
 * Contracts and orders over HTTP: numbering, lines and amounts, statuses, edits, history, made
 * from an accepted quote or a won deal, the customer's transactions, renewals, files, and how
 * contracts follow their customer. The clock starts on 2026-11-22 (Asia/Shanghai).
 */
let t: TestApp;
let admin: Agent;
const clock = new TestClock(new Date('2026-11-22T08:00:00Z'));
let customerId: number;
const products: Record<string, number> = {};
let wonStageId: number;

beforeAll(async () => {
  t = await createTestApp({ clock });
  admin = await t.login();
  customerId = (await admin.post('/api/v1/customers', buildCustomer({ name: '合同客户有限公司', status: 'target' }))).body.id;
  for (const [code, standardPrice, taxRate] of [['YUAN', 100, 0], ['TAXED', 101, 12.5], ['KIT', 500_00, 13]] as const) {
    products[code] = (await admin.post('/api/v1/products', { code, name: `产品${code}`, standardPrice, taxRate, unit: '件' })).body.id;
  }
  const pipelines = (await admin.get('/api/v1/pipelines')).body.items as Array<{ isDefault: boolean; stages: Array<{ id: number; key: string | null }> }>;
  wonStageId = pipelines.find((p) => p.isDefault)?.stages.find((s) => s.key === 'won')?.id ?? 0;
}, 120_000);
afterAll(() => t.close());

const create = (body: Record<string, unknown> = {}, customer = customerId) => admin.post('/api/v1/contracts', { customerId: customer, title: '年度合同', ...body });
const status = (c: { id: number; version: number }, to: string) => admin.post(`/api/v1/contracts/${c.id}/status`, { status: to, version: c.version });

describe('contracts', () => {
  it('numbers HT-YYYY-NNNNNN, consecutive; a draft with lines: the amount is the sum of the rounded lines', async () => {
    const res = await create({
      kind: 'order',
      lines: [
        { productId: products.YUAN, quantity: 3, discountPercent: 33.33, taxRate: 13 },
        { productId: products.TAXED, quantity: 1 },
      ],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    // 3 × 100 × 0.6667 = 200.01 -> 200, with 13 % 226; 101 with 12.5 % = 113.625 -> 114.
    expect(res.body.lines.map((l: { net: number; tax: number; total: number }) => [l.net, l.tax, l.total])).toEqual([[200, 26, 226], [101, 13, 114]]);
    expect(res.body).toMatchObject({ kind: 'order', status: 'draft', amount: 340, subtotal: 301, taxTotal: 39, currency: 'CNY', customerName: '合同客户有限公司', nextStatuses: ['awaiting_approval', 'active', 'cancelled'] });
    expect(res.body.number).toMatch(/^HT-2026-\d{6}$/);
    const next = (await create({ amount: 5000_00 })).body;
    expect(Number(next.number.slice(-6))).toBe(Number(res.body.number.slice(-6)) + 1);
    expect(next).toMatchObject({ kind: 'contract', amount: 5000_00, subtotal: null, taxTotal: null, lines: [] });
  });

  it('edits a draft: lines replace the amount, an amount with lines is a field error, dates in order; stale is 409', async () => {
    const c = (await create({ amount: 100_00 })).body;
    const edited = await admin.patch(`/api/v1/contracts/${c.id}`, { version: c.version, lines: [{ productId: products.KIT, quantity: 2 }], startsOn: '2027-01-01', endsOn: '2027-12-31' });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    expect(edited.body).toMatchObject({ amount: 1130_00, subtotal: 1000_00, taxTotal: 130_00, startsOn: '2027-01-01', endsOn: '2027-12-31' });
    const both = await admin.patch(`/api/v1/contracts/${c.id}`, { version: edited.body.version, amount: 1 });
    expect(both.status).toBe(400);
    expect(both.body.error.details).toEqual([{ path: 'amount', message: expect.any(String) }]);
    const backwards = await admin.patch(`/api/v1/contracts/${c.id}`, { version: edited.body.version, endsOn: '2026-12-31' });
    expect(backwards.body.error.details).toEqual([{ path: 'endsOn', message: expect.any(String) }]);
    const direct = await admin.patch(`/api/v1/contracts/${c.id}`, { version: edited.body.version, lines: [], amount: 999_00 });
    expect(direct.body).toMatchObject({ amount: 999_00, subtotal: null, lines: [] });
    const stale = await admin.patch(`/api/v1/contracts/${c.id}`, { version: c.version, title: 'x' });
    expect(stale.status).toBe(409);
    expect(stale.body.error.current).toMatchObject({ id: c.id, version: direct.body.version });
    const history = (await admin.get(`/api/v1/contracts/${c.id}/history`)).body.items as Array<{ action: string; changes: Array<{ field: string }> }>;
    expect(history.map((h) => h.action)).toEqual(['update', 'update', 'create']);
    expect(history[1]?.changes.map((ch) => ch.field)).toEqual(expect.arrayContaining(['startsOn', 'endsOn', 'amount', 'lines']));
  });

  it('statuses move as allowed and are enforced; signing sets the date; active is not editable; completed and cancelled are final', async () => {
    const c = (await create({ amount: 100 })).body;
    const wrong = await status(c, 'completed');
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.details).toEqual([{ path: 'status', message: expect.any(String) }]);
    // Asking for approval where no flow applies is refused (contracts.approvals.test.ts has the flows).
    expect((await status(c, 'awaiting_approval')).status).toBe(400);
    const back = c;
    const active = await status(back, 'active');
    expect(active.body).toMatchObject({ status: 'active', signedOn: '2026-11-22', nextStatuses: ['completed', 'cancelled'], can: { edit: false } });
    expect(active.body.activatedAt).toBe(clock.now().toISOString());
    expect((await admin.patch(`/api/v1/contracts/${c.id}`, { version: active.body.version, title: 'x' })).status).toBe(409);
    expect((await status(back, 'completed')).status).toBe(409);
    const done = (await status(active.body, 'completed')).body;
    expect(done.nextStatuses).toEqual([]);
    expect((await status(done, 'cancelled')).status).toBe(400);
    const moves = (await admin.get(`/api/v1/contracts/${c.id}/history`)).body.items.filter((h: { action: string }) => h.action === 'status_change');
    expect(moves.map((h: { changes: Array<{ field: string; new: unknown }> }) => h.changes.find((ch) => ch.field === 'status')?.new)).toEqual(['completed', 'active']);
  });

  it('the deal and contacts must be of the customer and visible; each contact once', async () => {
    const other = (await admin.post('/api/v1/customers', buildCustomer())).body;
    const otherDeal = (await admin.post('/api/v1/opportunities', { name: '别家商机', customerId: other.id, amount: 1, expectedCloseDate: '2027-06-30' })).body;
    const otherContact = (await admin.post('/api/v1/contacts', { customerId: other.id, name: '别家联系人' })).body;
    const mine = (await admin.post('/api/v1/contacts', { customerId, name: '签约人甲' })).body;
    const res = await create({ opportunityId: otherDeal.id, contacts: [{ contactId: otherContact.id, role: 'signatory' }, { contactId: mine.id, role: 'signatory' }, { contactId: mine.id, role: 'user' }] });
    expect(res.status).toBe(400);
    expect(res.body.error.details.map((d: { path: string }) => d.path).sort()).toEqual(['contacts.0.contactId', 'contacts.2.contactId', 'opportunityId']);
    expect(JSON.stringify(res.body)).not.toContain('别家');
    const ok = await create({ contacts: [{ contactId: mine.id, role: 'signatory' }] });
    expect(ok.body.contacts).toEqual([{ contactId: mine.id, name: '签约人甲', role: 'signatory' }]);
  });

  it('an unknown or inactive product and an unknown customer are field errors; nothing is written', async () => {
    const before = (await admin.get('/api/v1/contracts?pageSize=1')).body.total;
    const res = await create({ lines: [{ productId: 999999, quantity: 1 }] });
    expect(res.body.error.details).toEqual([{ path: 'lines.0.productId', message: expect.any(String) }]);
    const nobody = await create({}, 999999);
    expect(nobody.body.error.details).toEqual([{ path: 'customerId', message: expect.any(String) }]);
    expect((await admin.get('/api/v1/contracts?pageSize=1')).body.total).toBe(before);
  });
});

describe('from an accepted quote and from a won deal', () => {
  it('an accepted quote becomes a draft contract with its customer, deal, lines, amount and the deal contacts; once only', async () => {
    const contact = (await admin.post('/api/v1/contacts', { customerId, name: '决策人乙' })).body;
    const deal = (await admin.post('/api/v1/opportunities', { name: '报价商机', customerId, amount: 2000_00, expectedCloseDate: '2027-06-30', contacts: [{ contactId: contact.id, role: 'decision_maker' }] })).body;
    const quote = (await admin.post('/api/v1/quotes', { customerId, opportunityId: deal.id, title: '报价一', validUntil: '2027-01-31', lines: [{ productId: products.KIT, quantity: 3, discountPercent: 10 }] })).body;
    const early = await admin.post(`/api/v1/quotes/${quote.id}/contract`, {});
    expect(early.status).toBe(409);
    const sent = (await admin.post(`/api/v1/quotes/${quote.id}/status`, { status: 'sent', version: quote.version })).body;
    await admin.post(`/api/v1/quotes/${quote.id}/status`, { status: 'accepted', version: sent.version });

    const made = await admin.post(`/api/v1/quotes/${quote.id}/contract`, { endsOn: '2027-11-30' });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    expect(made.body).toMatchObject({
      status: 'draft', customerId, opportunityId: deal.id, opportunityName: '报价商机', quoteId: quote.id, quoteNumber: quote.number,
      title: '报价一', amount: quote.total, subtotal: quote.subtotal, taxTotal: quote.taxTotal, endsOn: '2027-11-30',
      contacts: [{ contactId: contact.id, name: '决策人乙', role: 'decision_maker' }],
    });
    expect(made.body.lines).toEqual(quote.lines);
    const again = await admin.post(`/api/v1/quotes/${quote.id}/contract`, {});
    expect(again.status).toBe(409);
    expect((await admin.get(`/api/v1/contracts?quoteId=${quote.id}`)).body.total).toBe(1);
    // Still one when the first is in the recycle bin.
    await admin.delete(`/api/v1/contracts/${made.body.id}`);
    expect((await admin.post(`/api/v1/quotes/${quote.id}/contract`, {})).status).toBe(409);
    expect((await admin.post('/api/v1/quotes/999999/contract', {})).status).toBe(404);
  });

  it("a won deal becomes a contract with its won amount and contacts, or its current quote's products", async () => {
    const contact = (await admin.post('/api/v1/contacts', { customerId, name: '使用人丙' })).body;
    const deal = (await admin.post('/api/v1/opportunities', { name: '直接赢单', customerId, amount: 3000_00, expectedCloseDate: '2027-06-30', contacts: [{ contactId: contact.id, role: 'user' }] })).body;
    expect((await admin.post(`/api/v1/opportunities/${deal.id}/contract`, {})).status).toBe(409);
    await admin.post(`/api/v1/opportunities/${deal.id}/move`, { stageId: wonStageId, version: deal.version, wonAmount: 2800_00 });
    const made = await admin.post(`/api/v1/opportunities/${deal.id}/contract`, { kind: 'order' });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    expect(made.body).toMatchObject({ kind: 'order', title: '直接赢单', amount: 2800_00, subtotal: null, lines: [], opportunityId: deal.id, quoteId: null, contacts: [{ contactId: contact.id, role: 'user' }] });

    const quoted = (await admin.post('/api/v1/opportunities', { name: '报价赢单', customerId, amount: 1, expectedCloseDate: '2027-06-30' })).body;
    const quote = (await admin.post('/api/v1/quotes', { customerId, opportunityId: quoted.id, title: '报价二', validUntil: '2027-01-31', lines: [{ productId: products.YUAN, quantity: 7 }] })).body;
    await admin.post(`/api/v1/opportunities/${quoted.id}/move`, { stageId: wonStageId, version: quoted.version, wonAmount: 1 });
    const fromQuote = (await admin.post(`/api/v1/opportunities/${quoted.id}/contract`, {})).body;
    expect(fromQuote).toMatchObject({ amount: 700, lines: [{ productId: products.YUAN, quantity: 7, total: 700 }] });
    expect(fromQuote.amount).toBe(quote.total);
  });
});

describe("the customer's transactions", () => {
  it('signing moves the customer from target to first purchase, a second to repeat; cancelling and deleting take them out; all on the timeline', async () => {
    const c = (await admin.post('/api/v1/customers', buildCustomer({ status: 'target', lifecycleStage: 'exploration' }))).body;
    const customer = () => admin.get(`/api/v1/customers/${c.id}`).then((r) => r.body);
    expect(await customer()).toMatchObject({ dealCount: 0, dealTotal: 0, firstDealAt: null });

    const a = (await create({ amount: 1000_00, signedOn: '2026-10-01' }, c.id)).body;
    const b = (await create({ amount: 500_00 }, c.id)).body;
    const draftOnly = await customer();
    expect(draftOnly).toMatchObject({ dealCount: 0, status: 'target' });

    await status(a, 'active');
    // One purchase is still exploration (the analytics rule); the second forms the relationship.
    expect(await customer()).toMatchObject({ status: 'first_purchase', lifecycleStage: 'exploration', dealCount: 1, dealTotal: 1000_00, firstDealAt: '2026-09-30T16:00:00.000Z', lastDealAt: '2026-09-30T16:00:00.000Z' });
    const bActive = (await status(b, 'active')).body;
    expect(await customer()).toMatchObject({ status: 'repeat', lifecycleStage: 'formation', dealCount: 2, dealTotal: 1500_00, firstDealAt: '2026-09-30T16:00:00.000Z', lastDealAt: '2026-11-21T16:00:00.000Z' });

    // Cancelled: out of the figures; the status never goes back.
    await status(bActive, 'cancelled');
    expect(await customer()).toMatchObject({ status: 'repeat', dealCount: 1, dealTotal: 1000_00 });
    // Deleted (to the recycle bin) and restored.
    expect((await admin.delete(`/api/v1/contracts/${a.id}`)).status).toBe(204);
    expect(await customer()).toMatchObject({ dealCount: 0, dealTotal: 0, firstDealAt: null });
    const bin = (await admin.get('/api/v1/recycle-bin?type=contract&pageSize=200')).body.items as Array<{ id: number; parentName: string }>;
    expect(bin.find((i) => i.id === a.id)?.parentName).toBe(c.name);
    expect((await admin.post(`/api/v1/recycle-bin/contract/${a.id}/restore`)).status).toBe(204);
    expect(await customer()).toMatchObject({ dealCount: 1, dealTotal: 1000_00 });

    const timeline = (await admin.get(`/api/v1/customers/${c.id}/history?pageSize=100`)).body.items as Array<{ entityType: string; action: string; changes: Array<{ field: string; old: unknown; new: unknown }> }>;
    const statuses = timeline.filter((h) => h.entityType === 'customer').flatMap((h) => h.changes.filter((ch) => ch.field === 'status').map((ch) => ch.new));
    expect(statuses.reverse()).toEqual(['first_purchase', 'repeat']);
    expect(timeline.filter((h) => h.entityType === 'contract').map((h) => h.action)).toEqual(['restore', 'delete', 'status_change', 'status_change', 'status_change', 'create', 'create']);
  });

  it('loyal and lost customers keep their status; counts still follow', async () => {
    for (const kept of ['loyal', 'lost'] as const) {
      const c = (await admin.post('/api/v1/customers', buildCustomer({ status: kept }))).body;
      const x = (await create({ amount: 1 }, c.id)).body;
      await status(x, 'active');
      expect((await admin.get(`/api/v1/customers/${c.id}`)).body).toMatchObject({ status: kept, dealCount: 1, dealTotal: 1 });
    }
  });
});

describe('renewals', () => {
  it('lists active contracts ending within N days (default 30) and tells each owner once per contract', async () => {
    const c = (await admin.post('/api/v1/customers', buildCustomer())).body;
    const soon = (await create({ title: '快到期', amount: 1, startsOn: '2026-01-01', endsOn: '2026-12-10' }, c.id)).body;
    const later = (await create({ title: '明年到期', amount: 1, endsOn: '2027-03-01' }, c.id)).body;
    const draft = (await create({ title: '草稿到期', amount: 1, endsOn: '2026-12-01' }, c.id)).body;
    await status(soon, 'active');
    await status(later, 'active');
    const titles = async (url: string) => ((await admin.get(url)).body.items as Array<{ title: string }>).map((i) => i.title).filter((x) => ['快到期', '明年到期', '草稿到期'].includes(x));
    expect(await titles('/api/v1/contracts/renewals')).toEqual(['快到期']);
    expect((await admin.get('/api/v1/contracts/renewals')).body.days).toBe(30);
    expect(await titles('/api/v1/contracts/renewals?days=120')).toEqual(['快到期', '明年到期']);
    expect(await titles(`/api/v1/contracts?customerId=${c.id}&endingWithin=30`)).toEqual(['快到期']);
    expect(draft.status).toBe('draft');

    const { runContractRenewals } = await import('./index.js');
    const notices = async () => ((await admin.get('/api/v1/notifications?pageSize=200')).body.items as Array<{ kind: string; entityId: number; message: string }>).filter((n) => n.kind === 'contract_renewal');
    await runContractRenewals(t.ctx);
    await runContractRenewals(t.ctx);
    await Promise.all([runContractRenewals(t.ctx), runContractRenewals(t.ctx)]);
    expect((await notices()).filter((n) => n.entityId === soon.id)).toHaveLength(1);
    expect((await notices()).find((n) => n.entityId === soon.id)?.message).toContain('2026-12-10');
    expect((await notices()).some((n) => n.entityId === later.id)).toBe(false);

    // Ninety days on, the later one comes into the window: one notice for it, none again for the first.
    clock.advance(90 * 24 * 60 * 60 * 1000);
    admin = await t.login(); // the session would have expired by then
    try {
      await runContractRenewals(t.ctx);
      await runContractRenewals(t.ctx);
      expect((await notices()).filter((n) => n.entityId === later.id)).toHaveLength(1);
      expect((await notices()).filter((n) => n.entityId === soon.id)).toHaveLength(1);
    } finally {
      clock.advance(-90 * 24 * 60 * 60 * 1000);
      admin = await t.login();
    }
  });

  it('the renewal days are a setting, validated, 409 when stale', async () => {
    const s = (await admin.get('/api/v1/settings/contract-renewals')).body;
    expect(s).toMatchObject({ days: 30, version: 0 });
    const bad = await admin.put('/api/v1/settings/contract-renewals', { days: 0, version: 0 });
    expect(bad.body.error.details[0].path).toBe('days');
    const saved = (await admin.put('/api/v1/settings/contract-renewals', { days: 60, version: 0 })).body;
    expect(saved).toMatchObject({ days: 60, version: 1 });
    expect((await admin.put('/api/v1/settings/contract-renewals', { days: 45, version: 0 })).status).toBe(409);
    expect((await admin.get('/api/v1/contracts/renewals')).body.days).toBe(60);
    await admin.put('/api/v1/settings/contract-renewals', { days: 30, version: 1 });
  });
});

describe('numbering', () => {
  it('an administrator sets the pattern; field-level messages; the sequence restarts when its date parts change', async () => {
    const before = (await admin.get('/api/v1/settings/contract-numbering')).body;
    expect(before).toMatchObject({ pattern: 'HT-{YYYY}-{SEQ6}', example: 'HT-2026-000001', version: 0 });
    for (const [pattern, fragment] of [['HT-{SEQ6}-{SEQ2}', 'one sequence'], ['HT-{YYYY}', 'one sequence'], ['HT-{HH}{SEQ3}', '{YYYY}'], ['HT {SEQ3}', 'Literal text'], ['{SEQ11}', '1 to 10'], ['ABCDEFGHIJKLMNOPQRSTUVWXYZ0123{SEQ10}', 'longer than 40']] as const) {
      const res = await admin.put('/api/v1/settings/contract-numbering', { pattern, version: 0 });
      expect(res.status, pattern).toBe(400);
      expect(res.body.error.details).toEqual([{ path: 'pattern', message: expect.stringContaining(fragment) }]);
    }
    const zh = await (await t.login(undefined, undefined, 'zh-CN')).put('/api/v1/settings/contract-numbering', { pattern: 'HT', version: 0 });
    expect(zh.body.error.details[0].message).toContain('序号');

    const saved = await admin.put('/api/v1/settings/contract-numbering', { pattern: 'SO{YY}{MM}-{SEQ3}', version: 0 });
    expect(saved.body).toMatchObject({ pattern: 'SO{YY}{MM}-{SEQ3}', example: 'SO2611-001', version: 1 });
    expect((await admin.put('/api/v1/settings/contract-numbering', { pattern: 'X{SEQ3}', version: 0 })).status).toBe(409);
    const c = (await admin.post('/api/v1/customers', buildCustomer())).body;
    const n1 = (await create({}, c.id)).body.number;
    const n2 = (await create({}, c.id)).body.number;
    expect([n1, n2]).toEqual(['SO2611-001', 'SO2611-002']);
    clock.advance(10 * 24 * 60 * 60 * 1000); // 2026-12-02: a new month, a new sequence
    admin = await t.login();
    try {
      expect((await create({}, c.id)).body.number).toBe('SO2612-001');
    } finally {
      clock.advance(-10 * 24 * 60 * 60 * 1000);
      admin = await t.login();
    }
    expect((await create({}, c.id)).body.number).toBe('SO2611-003');
    // Back to the default: the year's sequence goes on where it was.
    await admin.put('/api/v1/settings/contract-numbering', { pattern: 'HT-{YYYY}-{SEQ6}', version: 1 });
    expect((await create({}, c.id)).body.number).toMatch(/^HT-2026-0000\d\d$/);
  });
});

describe('files and the customer', () => {
  it("the signed scan is attached to the contract, listed and downloaded through it, not on the customer's list", async () => {
    const c = (await create({ amount: 1 })).body;
    const pdf = Buffer.from('%PDF-1.4\n%âãÏÓ\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
    const up = await t.app.inject({ method: 'POST', url: `/api/v1/contracts/${c.id}/attachments?fileName=${encodeURIComponent('签字扫描.pdf')}`, payload: pdf, headers: { cookie: admin.cookie ?? '', 'content-type': 'application/octet-stream' } });
    expect(up.statusCode, up.body).toBe(201);
    const file = JSON.parse(up.body);
    expect(file).toMatchObject({ contractId: c.id, customerId, fileName: '签字扫描.pdf' });
    const listed = (await admin.get(`/api/v1/contracts/${c.id}/attachments`)).body;
    expect(listed.items.map((a: { id: number }) => a.id)).toEqual([file.id]);
    expect((await admin.get(`/api/v1/customers/${customerId}/attachments?pageSize=200`)).body.items.some((a: { id: number }) => a.id === file.id)).toBe(false);
    const download = await t.app.inject({ method: 'GET', url: `/api/v1/attachments/${file.id}/download`, headers: { cookie: admin.cookie ?? '' } });
    expect(download.statusCode).toBe(200);
    const history = (await admin.get(`/api/v1/contracts/${c.id}/history`)).body.items;
    expect(history[0]).toMatchObject({ action: 'attach', label: c.number, changes: [{ field: 'fileName', old: null, new: '签字扫描.pdf' }] });
    expect((await admin.delete(`/api/v1/attachments/${file.id}`)).status).toBe(204);
    expect((await admin.get(`/api/v1/contracts/${c.id}/attachments`)).body.total).toBe(0);
  });

  it('contracts follow their customer: deleted and restored with it, moved to the survivor of a merge (with the figures), erased with it', async () => {
    const a = (await admin.post('/api/v1/customers', buildCustomer({ status: 'target' }))).body;
    const b = (await admin.post('/api/v1/customers', buildCustomer({ status: 'target' }))).body;
    const ca = (await create({ amount: 100 }, a.id)).body;
    const cb = (await create({ amount: 200 }, b.id)).body;
    await status(ca, 'active');
    await status(cb, 'active');
    expect((await admin.delete(`/api/v1/customers/${a.id}`)).status).toBe(204);
    expect((await admin.get(`/api/v1/contracts/${ca.id}`)).status).toBe(404);
    expect((await admin.post(`/api/v1/recycle-bin/customer/${a.id}/restore`)).status).toBe(204);
    expect((await admin.get(`/api/v1/contracts/${ca.id}`)).status).toBe(200);

    const survivor = (await admin.get(`/api/v1/customers/${a.id}`)).body;
    const merged = await admin.post('/api/v1/customers/merge', { survivorId: a.id, mergedIds: [b.id], version: survivor.version });
    expect(merged.status, JSON.stringify(merged.body)).toBe(200);
    expect(merged.body).toMatchObject({ dealCount: 2, dealTotal: 300, status: 'repeat' });
    const ofSurvivor = (await admin.get(`/api/v1/contracts?customerId=${a.id}`)).body.items.map((x: { id: number }) => x.id).sort();
    expect(ofSurvivor).toEqual([ca.id, cb.id].sort());

    expect((await admin.delete(`/api/v1/customers/${a.id}`)).status).toBe(204);
    expect((await admin.delete(`/api/v1/recycle-bin/customer/${a.id}`)).status).toBe(204);
    expect(await t.ctx.db.selectFrom('contracts').select('id').where('customer_id', '=', a.id).execute()).toEqual([]);
  });

  it('a contract erased from the recycle bin takes its lines with it', async () => {
    const c = (await create({ lines: [{ productId: products.YUAN, quantity: 1 }] })).body;
    await admin.delete(`/api/v1/contracts/${c.id}`);
    expect((await admin.delete(`/api/v1/recycle-bin/contract/${c.id}`)).status).toBe(204);
    expect(await t.ctx.db.selectFrom('contract_lines').select('id').where('contract_id', '=', c.id).execute()).toEqual([]);
    expect((await admin.post(`/api/v1/recycle-bin/contract/${c.id}/restore`)).status).toBe(404);
  });
});
