import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCustomer } from '../../test/fixtures.js';
import { createTestApp, type Agent, type TestApp } from '../../test/harness.js';
import { findCustomerRow, writeCustomers, type CustomerRow } from './index.js';
import { unscoped } from '../../platform/auth/scope.js';

/** writeCustomers, the one write path of stored customer rows, keeps what derives from them right. */
let t: TestApp;
let admin: Agent;
let adminId: number;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login();
  adminId = (await admin.get('/api/v1/auth/me')).body.user.id as number;
}, 120_000);
afterAll(() => t.close());

const at = () => t.ctx.clock.now().toISOString();
const stored = async (id: number) => (await findCustomerRow(t.ctx.db, id, unscoped('the test reads the stored row'), { any: true })) as CustomerRow;
const found = async (q: string) => ((await admin.get(`/api/v1/customers?q=${encodeURIComponent(q)}`)).body.items as Array<{ id: number }>).map((c) => c.id);
const duplicatesOf = async (mobile: string) =>
  ((await admin.post('/api/v1/customers/duplicate-check', { kind: 'organization', name: '无关名称', mobile })).body.matches as Array<{ id?: number }>).map((m) => m.id);
const liveTotal = async () => (await admin.get('/api/v1/customers?pageSize=1')).body.total as number;
const history = async (id: number) => ((await admin.get(`/api/v1/customers/${id}/history?pageSize=100`)).body.items as Array<{ action: string; changes: Array<{ field: string }> }>);
const write = (row: CustomerRow, values: Partial<CustomerRow>, edit = true) =>
  t.ctx.db.transaction().execute((trx) => writeCustomers(trx, t.ctx, [{ row, values, timeline: [{ action: 'update', label: row.name, changes: [{ field: 'mobile', old: row.mobile, new: values.mobile ?? null }] }] }], { actorId: adminId, at: at(), edit }));

describe('writeCustomers', () => {
  it('an edit moves search words, duplicate keys, completeness, version and the timeline together', async () => {
    const created = (await admin.post('/api/v1/customers', buildCustomer({ name: '写路径甲有限公司', mobile: '13911112222', industry: 'manufacturing' }))).body as { id: number };
    const before = await stored(created.id);
    expect(await duplicatesOf('13911112222')).toContain(created.id);

    const written = await write(before, { name: '写路径乙有限公司', mobile: '13933334444', industry: null });
    expect(written.get(created.id)?.version).toBe(before.version + 1);
    const after = await stored(created.id);
    expect(after.version).toBe(before.version + 1);
    expect(after.completeness).toBeLessThan(before.completeness); // industry is expected by default
    expect(written.get(created.id)?.completeness).toBe(after.completeness);
    expect(await found('写路径乙')).toEqual([created.id]);
    expect(await found('写路径甲')).toEqual([]);
    expect(await duplicatesOf('13933334444')).toContain(created.id);
    expect(await duplicatesOf('13911112222')).not.toContain(created.id);
    expect((await history(created.id)).filter((e) => e.action === 'update')).toHaveLength(1);
  });

  it('an edit of a version that moved on writes nothing', async () => {
    const created = (await admin.post('/api/v1/customers', buildCustomer({ name: '写路径丙有限公司', mobile: '13955556666' }))).body as { id: number };
    const before = await stored(created.id);
    const written = await write({ ...before, version: before.version - 1 }, { name: '写路径丁有限公司', mobile: '13977778888' });
    expect(written.size).toBe(0);
    expect(await stored(created.id)).toEqual(before);
    expect(await found('写路径丁')).toEqual([]);
    expect(await duplicatesOf('13977778888')).not.toContain(created.id);
    expect((await history(created.id)).filter((e) => e.action === 'update')).toHaveLength(0);
  });

  it('a delete that is not an edit keeps the version and takes the customer off the live count', async () => {
    const created = (await admin.post('/api/v1/customers', buildCustomer({ name: '写路径戊有限公司' }))).body as { id: number };
    const total = await liveTotal();
    const before = await stored(created.id);
    await write(before, { deleted_at: at(), deleted_by: adminId }, false);
    const after = await stored(created.id);
    expect(after.deleted_at).not.toBeNull();
    expect(after.version).toBe(before.version);
    expect(await liveTotal()).toBe(total - 1);
  });
});
