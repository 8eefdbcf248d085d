import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../platform/db/migrate.js';
import { freshDatabase } from '../test/harness.js';
import { migrations } from './index.js';

/**
 * Migration 0029 on a database that already holds receivables: each instalment is given its
 * contract's keys and whether the contract is receivable, each contract its number of payments;
 * afterwards the database keeps the instalments' copies right on every contract change and insert.
 */
const before = migrations.slice(0, migrations.findIndex((m) => m.name === '20261206-0029-receivable-keys'));
const at = '2026-12-01T08:00:00.000Z';

let fresh: Awaited<ReturnType<typeof freshDatabase>>;
let db: Kysely<any>;

async function contract(number: string, status: string, owner: number, department: number | null, customer: number, deletedAt: string | null = null): Promise<number> {
  const values = { number, kind: 'contract', customer_id: customer, owner_id: owner, department_id: department, title: number, status, amount: 100_000, version: 1, created_at: at, updated_at: at, deleted_at: deletedAt };
  return (await db.insertInto('contracts').values(values).returning('id').executeTakeFirstOrThrow()).id as number;
}
async function instalment(contractId: number, position: number, settledOn: string | null = null): Promise<void> {
  await db.insertInto('payment_plans').values({ contract_id: contractId, position, due_on: '2026-11-01', amount: 10_000, paid: settledOn ? 10_000 : 0, settled_on: settledOn, created_at: at }).execute();
}
async function payment(contractId: number): Promise<void> {
  await db.insertInto('payments').values({ contract_id: contractId, customer_id: 1, owner_id: 1, received_on: '2026-11-01', amount: 10_000, method: 'cash', created_at: at }).execute();
}
async function keys(contractId: number) {
  const rows = await db.selectFrom('payment_plans').select(['customer_id', 'owner_id', 'department_id', 'receivable']).where('contract_id', '=', contractId).orderBy('position').execute();
  return rows.map((r) => [Number(r.customer_id), Number(r.owner_id), r.department_id === null ? null : Number(r.department_id), Number(r.receivable)]);
}
const paymentCount = async (id: number) => Number((await db.selectFrom('contracts').select('payment_count').where('id', '=', id).executeTakeFirstOrThrow()).payment_count);

const ids = { signed: 0, deleted: 0, draft: 0 };

beforeAll(async () => {
  fresh = await freshDatabase();
  db = fresh.database.db as unknown as Kysely<any>;
  await migrate(fresh.database, before);
  ids.signed = await contract('HT-1', 'active', 7, 3, 11);
  ids.deleted = await contract('HT-2', 'completed', 8, null, 12, at);
  ids.draft = await contract('HT-3', 'draft', 9, 4, 13);
  await instalment(ids.signed, 1, '2026-11-01');
  await instalment(ids.signed, 2);
  await instalment(ids.deleted, 1);
  await instalment(ids.draft, 1);
  await payment(ids.signed);
  await payment(ids.signed);
  await payment(ids.deleted);
  await migrate(fresh.database);
}, 120_000);
afterAll(() => fresh.drop());

describe('receivable keys (migration 0029)', () => {
  it('fills the existing instalments and payment counts', async () => {
    expect(await keys(ids.signed)).toEqual([[11, 7, 3, 1], [11, 7, 3, 1]]);
    expect(await keys(ids.deleted)).toEqual([[12, 8, null, 0]]);
    expect(await keys(ids.draft)).toEqual([[13, 9, 4, 0]]);
    expect([await paymentCount(ids.signed), await paymentCount(ids.deleted), await paymentCount(ids.draft)]).toEqual([2, 1, 0]);
  });

  it('keeps the copies right on every change of the contract and on every new instalment', async () => {
    await db.updateTable('contracts').set({ owner_id: 17, department_id: null, customer_id: 21 }).where('id', '=', ids.signed).execute();
    expect(await keys(ids.signed)).toEqual([[21, 17, null, 1], [21, 17, null, 1]]);
    await db.updateTable('contracts').set({ deleted_at: null }).where('id', '=', ids.deleted).execute();
    expect(await keys(ids.deleted)).toEqual([[12, 8, null, 1]]);
    await db.updateTable('contracts').set({ status: 'cancelled' }).where('id', '=', ids.signed).execute();
    expect(await keys(ids.signed)).toEqual([[21, 17, null, 0], [21, 17, null, 0]]);
    // A column the copies do not depend on changes nothing.
    await db.updateTable('contracts').set({ title: '改名', status: 'active' }).where('id', '=', ids.signed).execute();
    expect(await keys(ids.signed)).toEqual([[21, 17, null, 1], [21, 17, null, 1]]);

    await db.updateTable('contracts').set({ status: 'active' }).where('id', '=', ids.draft).execute();
    await instalment(ids.draft, 2);
    expect(await keys(ids.draft)).toEqual([[13, 9, 4, 1], [13, 9, 4, 1]]);
    const open = await sql<{ n: number | string }>`select count(*) as n from payment_plans where settled_on is null and receivable = 1`.execute(db);
    expect(Number(open.rows[0]?.n)).toBe(4);
  });
});
