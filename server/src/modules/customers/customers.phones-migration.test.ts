import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrations } from '../../migrations/index.js';
import type { Database } from '../../platform/db/database.js';
import { migrate } from '../../platform/db/migrate.js';
import { freshDatabase } from '../../test/harness.js';

/** Numbers stored before they were read by country get their E.164 form and E.164 duplicate keys; unreadable ones are kept. */
let fresh: Awaited<ReturnType<typeof freshDatabase>>;
let database: Database;
const at = '2026-01-01T00:00:00.000Z';

beforeAll(async () => {
  fresh = await freshDatabase();
  database = fresh.database;
  const before = migrations.findIndex((m) => m.name === '20261204-0008-phone-numbers');
  await migrate(database, migrations.slice(0, before));
});
afterAll(() => fresh.drop());

describe('migration 0008', () => {
  it('fills E.164 columns, rebuilds phone keys from them, and keeps numbers it cannot read', async () => {
    const { db } = database;
    const base = { category: 'enterprise', status: 'potential', lifecycle_stage: 'exploration', tags: '[]', person: '{}', organization: '{}', search_key: '', version: 1, created_at: at, updated_at: at };
    const insertCustomer = async (archiveNo: string, name: string, phone: string | null, mobile: string | null) =>
      (await db.insertInto('customers').values({ ...base, archive_no: archiveNo, kind: 'organization', name, phone, mobile }).returning('id').executeTakeFirstOrThrow()).id;
    const a = await insertCustomer('KH00000001', '甲有限公司', '+86 138 0013 8000', '1381234');
    const b = await insertCustomer('KH00000002', '乙有限公司', '010-8888 6666', null);
    const c = await insertCustomer('KH00000003', '丙有限公司', '021-12345678-123', '+1 650 253 0000');
    // Many rows, to cross the migration's batches.
    const many = [];
    for (let i = 0; i < 1100; i++) many.push({ ...base, archive_no: `KH1${String(i).padStart(7, '0')}`, kind: 'person', name: `批量${i}`, mobile: `1390000${String(i).padStart(4, '0')}` });
    for (let i = 0; i < many.length; i += 200) await db.insertInto('customers').values(many.slice(i, i + 200)).execute();

    const live = (await db.insertInto('contacts').values({ customer_id: b, name: '在职', mobile: '139-1234-5678', phone: '88886666', is_primary: 0, version: 1, created_at: at, updated_at: at }).returning('id').executeTakeFirstOrThrow()).id;
    const gone = (await db.insertInto('contacts').values({ customer_id: b, name: '已删', mobile: '13700000000', is_primary: 0, version: 1, created_at: at, updated_at: at, deleted_at: at }).returning('id').executeTakeFirstOrThrow()).id;
    const lead = (await db.insertInto('leads').values({ kind: 'person', name: '老线索', source: 'exhibition', status: 'new', search: '', mobile: '0086 137 0000 1111', phone: 'call me', version: 1, created_at: at, updated_at: at }).returning('id').executeTakeFirstOrThrow()).id;

    // The keys as the old normaliser wrote them (digits without +86), beside keys of other kinds.
    await db.insertInto('dedupe_keys').values([
      { customer_id: a, contact_id: null, key: 'p:13800138000' },
      { customer_id: a, contact_id: null, key: 'p:1381234' },
      { customer_id: a, contact_id: null, key: 'n:甲' },
      { customer_id: b, contact_id: null, key: 'p:01088886666' },
      { customer_id: b, contact_id: live, key: 'p:13912345678' },
      { customer_id: b, contact_id: live, key: 'p:88886666' },
      { customer_id: c, contact_id: null, key: 'e:c@example.com' },
    ]).execute();
    await db.insertInto('lead_keys').values([{ lead_id: lead, key: 'p:13700001111' }, { lead_id: lead, key: 'e:lead@example.com' }]).execute();

    const index = migrations.findIndex((m) => m.name === '20261204-0008-phone-numbers');
    await migrate(database, migrations.slice(0, index + 1));

    const customer = (id: number) => db.selectFrom('customers').select(['phone', 'mobile', 'phone_e164', 'mobile_e164']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(await customer(a)).toEqual({ phone: '+86 138 0013 8000', mobile: '1381234', phone_e164: '+8613800138000', mobile_e164: null });
    expect(await customer(b)).toEqual({ phone: '010-8888 6666', mobile: null, phone_e164: '+861088886666', mobile_e164: null });
    expect(await customer(c)).toEqual({ phone: '021-12345678-123', mobile: '+1 650 253 0000', phone_e164: '+862112345678', mobile_e164: '+16502530000' });
    const last = await db.selectFrom('customers').select(['mobile_e164']).where('archive_no', '=', 'KH10001099').executeTakeFirstOrThrow();
    expect(last.mobile_e164).toBe('+8613900001099');

    const contacts = await db.selectFrom('contacts').select(['id', 'mobile_e164', 'phone_e164', 'phone']).orderBy('id').execute();
    expect(contacts).toEqual([
      { id: live, mobile_e164: '+8613912345678', phone_e164: null, phone: '88886666' },
      { id: gone, mobile_e164: '+8613700000000', phone_e164: null, phone: null },
    ]);
    const leadRow = await db.selectFrom('leads').select(['mobile', 'phone', 'mobile_e164', 'phone_e164']).where('id', '=', lead).executeTakeFirstOrThrow();
    expect(leadRow).toEqual({ mobile: '0086 137 0000 1111', phone: 'call me', mobile_e164: '+8613700001111', phone_e164: null });

    const keys = async (customerId: number) =>
      (await db.selectFrom('dedupe_keys').select(['contact_id', 'key']).where('customer_id', '=', customerId).execute()).map((k) => `${k.contact_id ?? '-'} ${k.key}`).sort();
    expect(await keys(a)).toEqual(['- n:甲', '- p:+8613800138000']);
    // Only live contacts carry keys; an unreadable number has none.
    expect(await keys(b)).toEqual(['- p:+861088886666', `${live} p:+8613912345678`]);
    expect(await keys(c)).toEqual(['- e:c@example.com', '- p:+16502530000', '- p:+862112345678']);
    const leadKeys = (await db.selectFrom('lead_keys').select('key').where('lead_id', '=', lead).execute()).map((k) => k.key).sort();
    expect(leadKeys).toEqual(['e:lead@example.com', 'p:+8613700001111']);
    const phoneKeys = await db.selectFrom('dedupe_keys').select((eb) => eb.fn.countAll<number>().as('n')).where('key', 'like', 'p:%').executeTakeFirstOrThrow();
    expect(Number(phoneKeys.n)).toBe(1 + 1 + 1 + 2 + 1100);
  });
});
