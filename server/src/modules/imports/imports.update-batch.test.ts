import type { Contact, Customer, DuplicateCheckResult, HistoryEntry, ListResponse } from '@crm/contracts';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Agent, type TestApp } from '../../test/harness.js';
import { runImport } from '../../test/imports.js';
import { bulkCreateContacts } from '../contacts/index.js';
import { bulkCreateCustomers, customersByIds, importUpdateCustomers } from '../customers/index.js';
import { actorOf } from '../users/index.js';
import { unscoped } from '../../platform/auth/scope.js';

/**
 * Update mode writes a batch's updates together (one UPDATE per customer, then the search words,
 * duplicate keys and timeline of all of them) and its contacts' summaries together: the records
 * must come out as row-by-row writing left them.
 */
let t: TestApp;
let admin: Agent;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login(undefined, undefined, 'zh-CN');
});
afterAll(() => t.close());

async function create(body: Record<string, unknown>): Promise<Customer> {
  const res = await admin.post<Customer>('/api/v1/customers', { kind: 'organization', ...body });
  if (res.status !== 201) throw new Error(JSON.stringify(res.body));
  return res.body;
}

const get = async (id: number) => (await admin.get<Customer>(`/api/v1/customers/${id}`)).body;
const search = async (q: string) => (await admin.get<ListResponse<Customer>>(`/api/v1/customers?q=${encodeURIComponent(q)}&pageSize=50`)).body.items.map((c) => c.id);

describe('imports: update mode writes a batch at once', () => {
  it('two rows of one customer both apply; contacts, search words, duplicate keys, completeness and timeline follow', async () => {
    const a = await create({ name: '批量更新甲科技有限公司', mobile: '13700000001', email: 'jia@batch.example.com' });
    const b = await create({ name: '批量更新乙贸易有限公司', mobile: '13700000002' });
    const c = await create({ name: '批量更新丙物流有限公司', mobile: '13700000003', notes: '不变' });
    const csv = [
      '客户名称,手机,行业,备注,联系人,联系人手机',
      '批量更新甲科技有限公司,13700000001,制造业,,,',
      '批量更新乙贸易有限公司,13700000002,,第二行,王联系,13700000012',
      '批量更新甲科技有限公司,13700000001,,第三行改甲,,',
      '批量更新丙物流有限公司,13700000003,,不变,,',
    ].join('\n');
    const job = await runImport(t, admin, 'customers', '批量更新.csv', csv, { duplicateMode: 'update' });
    expect(job).toMatchObject({ status: 'finished', processed: 4, created: 0, updated: 3, skipped: 1, rejected: 0 });

    // Row 3 saw what row 1 wrote: both changes are on the record, each on the timeline.
    const [afterA, afterB, afterC] = await Promise.all([get(a.id), get(b.id), get(c.id)]);
    expect(afterA).toMatchObject({ notes: '第三行改甲', version: a.version + 2 });
    expect(afterA.industry).toBeTruthy();
    expect(afterA.completeness).toBeGreaterThan(a.completeness);
    expect(afterC.version).toBe(c.version);
    const history = (await admin.get<ListResponse<HistoryEntry>>(`/api/v1/customers/${a.id}/history?pageSize=50`)).body.items;
    expect(history.filter((h) => h.action === 'import')).toHaveLength(2);

    // The new primary contact: counted, searchable by its mobile, and a duplicate key of its customer.
    expect(afterB).toMatchObject({ notes: '第二行', contactCount: 1 });
    const contacts = (await admin.get<ListResponse<Contact>>(`/api/v1/contacts?customerId=${b.id}`)).body.items;
    expect(contacts.map((k) => [k.name, k.isPrimary])).toEqual([['王联系', true]]);
    expect(await search('13700000012')).toEqual([b.id]);
    const check = await admin.post<DuplicateCheckResult>('/api/v1/customers/duplicate-check', { kind: 'organization', name: '另一家公司', mobile: '13700000012' });
    expect(check.body.matches.map((m) => m.id)).toEqual([b.id]);

    // Each key once per customer: only what changed was written.
    const twice = await sql<{ n: number }>`select count(*) as n from (select customer_id, contact_id, key from dedupe_keys group by customer_id, contact_id, key having count(*) > 1) d`.execute(t.ctx.db);
    expect(Number(twice.rows[0]?.n)).toBe(0);
    const keysOfA = await t.ctx.db.selectFrom('dedupe_keys').select('key').where('customer_id', '=', a.id).orderBy('key').execute();
    expect(keysOfA.map((k) => k.key.slice(0, 2))).toEqual(['e:', 'n:', 'p:']);
  });

  it('a batch of 5,000 updates and new contacts writes in one transaction (more rows than one statement may bind)', async () => {
    const me = (await admin.get<{ user: { id: number } }>('/api/v1/auth/me')).body.user.id;
    const actor = await actorOf(t.ctx, me, 'zh-CN');
    if (!actor) throw new Error('no actor');
    const at = new Date().toISOString();
    const n = 5000;
    await t.ctx.db.transaction().execute(async (trx) => {
      const created = await bulkCreateCustomers(trx, t.ctx, Array.from({ length: n }, (_, i) => ({
        input: { kind: 'organization', name: `大批量客户${i}有限公司`, category: 'enterprise', status: 'potential', lifecycleStage: 'exploration', mobile: `136${String(i).padStart(8, '0')}` } as never,
        ownerId: me,
      })), { actorId: me, at, action: 'import' });
      const { rows } = await customersByIds(trx, created.map((c) => c.id), unscoped('test: read back what the batch wrote'));
      const items = created.map((c) => ({ row: rows.get(c.id) as NonNullable<ReturnType<typeof rows.get>>, change: { input: { notes: '大批量更新' }, provided: new Set(['notes']) } }));
      const updated = await importUpdateCustomers(trx, t.ctx, actor, items, at);
      expect(updated.filter((u) => u.changed)).toHaveLength(n);
      const ids = await bulkCreateContacts(trx, t.ctx, created.map((c, i) => ({ input: { customerId: c.id, name: `联系人${i}`, mobile: `135${String(i).padStart(8, '0')}`, isPrimary: true } as never })), { actorId: me, at, action: 'import' });
      expect(ids).toHaveLength(n);
      // Ids come back in input order: each one is the contact of its own row.
      const sample = await trx.selectFrom('contacts').select(['id', 'customer_id', 'mobile']).where('id', 'in', [ids[0] ?? 0, ids[2500] ?? 0, ids[n - 1] ?? 0]).orderBy('id').execute();
      expect(sample.map((k) => [k.customer_id, k.mobile])).toEqual([0, 2500, n - 1].map((i) => [created[i]?.id, `135${String(i).padStart(8, '0')}`]));
    });
    const last = (await admin.get<ListResponse<Customer>>(`/api/v1/customers?q=${encodeURIComponent('13500004999')}`)).body.items;
    expect(last.map((c) => [c.name, c.notes, c.contactCount])).toEqual([['大批量客户4999有限公司', '大批量更新', 1]]);
  }, 120_000);
});
