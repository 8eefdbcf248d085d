import path from 'node:path';
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { bootstrap } from '../bootstrap.js';
import { builtInRoles } from '../modules/roles/index.js';
import { hashPassword } from '../platform/auth/password.js';
import { loadConfig } from '../platform/config.js';
import { migrate } from '../platform/db/migrate.js';
import { password } from '../test/fixtures.js';
import { Agent, freshDatabase, testEngine } from '../test/harness.js';
import { migrations } from './index.js';

/**
 * A database of the previous release (migrations 0001-0007, applied by that release's runner, which
 * kept no checksums), holding data, upgraded by this version: the data stays, the later migrations
 * derive what they add, and the server works on the result.
 */
const previousRelease = migrations.slice(0, migrations.findIndex((m) => m.name === '20261204-0008-phone-numbers'));
const at = '2026-11-30T08:00:00.000Z';

let fresh: Awaited<ReturnType<typeof freshDatabase>>;
let old: Kysely<any>;
const ids = { admin: 0, sales: 0, org: 0, person: 0, contact: 0, lead: 0, deal: 0 };
const tables = ['roles', 'departments', 'users', 'customers', 'contacts', 'leads', 'opportunities', 'opportunity_contacts', 'change_log'];
const countsBefore: Record<string, number> = {};

async function count(table: string): Promise<number> {
  return Number((await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(old)).rows[0]?.n);
}

/** The previous release's runner: a table of names without checksums, one transaction per migration. */
async function migrateAsPreviousRelease(): Promise<void> {
  await sql`create table schema_migrations (name varchar(200) primary key, applied_at varchar(40) not null)`.execute(old);
  for (const m of previousRelease) {
    await old.transaction().execute(async (trx) => {
      await m.up(trx as unknown as Kysely<unknown>, testEngine);
      await sql`insert into schema_migrations (name, applied_at) values (${m.name}, ${at})`.execute(trx);
    });
  }
}

/** What a company kept in the previous release: users, customers with contacts, a lead, a deal, history. */
async function keepData(): Promise<void> {
  const meta = { version: 1, created_at: at, updated_at: at };
  for (const role of builtInRoles) {
    await old.insertInto('roles').values({ key: role.key, name: role.name, description: role.description, built_in: 1, permissions: JSON.stringify(role.permissions), data_scope: role.dataScope, ...meta }).execute();
  }
  const roleId = async (key: string) => (await old.selectFrom('roles').select('id').where('key', '=', key).executeTakeFirstOrThrow()).id as number;
  const dept = await old.insertInto('departments').values({ name: '华东组', path: '/', ...meta }).returning('id').executeTakeFirstOrThrow();
  await old.updateTable('departments').set({ path: `/${dept.id}/` }).where('id', '=', dept.id).execute();
  const user = async (email: string, name: string, role: string) =>
    (await old.insertInto('users').values({ email, name, password_hash: await hashPassword(password), role_id: await roleId(role), department_id: dept.id, active: 1, ...meta }).returning('id').executeTakeFirstOrThrow()).id as number;
  ids.admin = await user('old-admin@example.com', '老管理员', 'administrator');
  ids.sales = await user('old-sales@example.com', '老销售', 'salesperson');

  await old.insertInto('counters').values({ name: 'customer_archive_no', value: 2 }).execute();
  const customer = { category: 'enterprise', status: 'potential', lifecycle_stage: 'exploration', owner_id: ids.sales, tags: '["老客户"]', search_key: '', ...meta };
  ids.org = (await old.insertInto('customers').values({
    ...customer, archive_no: 'KH00000001', kind: 'organization', name: '上海旧时光科技有限公司', province: '上海', city: '市辖区', industry: '制造业', source: '展会',
    phone: '+86 138 0013 8000', person: '{}', organization: JSON.stringify({ creditCode: '91310000mA1k4x0x0x' }),
  }).returning('id').executeTakeFirstOrThrow()).id;
  ids.person = (await old.insertInto('customers').values({
    ...customer, archive_no: 'KH00000002', kind: 'person', name: '李旧客', mobile: '13912340000', email: 'Li@Example.com', source: '老朋友介绍',
    person: JSON.stringify({ idCardNumber: '110101199003071234' }), organization: '{}',
  }).returning('id').executeTakeFirstOrThrow()).id;
  ids.contact = (await old.insertInto('contacts').values({ customer_id: ids.org, name: '王联系', mobile: '139-1234-5678', is_primary: 1, ...meta }).returning('id').executeTakeFirstOrThrow()).id;
  // Keys as the previous release kept them (digits only): 0008 rebuilds phone keys, 0009 adds the credit code.
  await old.insertInto('dedupe_keys').values([
    { customer_id: ids.org, contact_id: null, key: 'n:上海旧时光科技' },
    { customer_id: ids.org, contact_id: null, key: 'p:13800138000' },
    { customer_id: ids.org, contact_id: ids.contact, key: 'p:13912345678' },
    { customer_id: ids.person, contact_id: null, key: 'p:13912340000' },
    { customer_id: ids.person, contact_id: null, key: 'e:li@example.com' },
  ]).execute();
  ids.lead = (await old.insertInto('leads').values({ kind: 'organization', name: '线索旧公司', source: 'web_form', status: 'new', owner_id: ids.sales, mobile: '13700001111', ...meta }).returning('id').executeTakeFirstOrThrow()).id;
  const stage = await old.selectFrom('pipeline_stages as s').innerJoin('pipelines as p', 'p.id', 's.pipeline_id').select(['s.id', 's.pipeline_id', 's.probability'])
    .where('p.is_default', '=', 1).orderBy('s.position').executeTakeFirstOrThrow();
  ids.deal = (await old.insertInto('opportunities').values({
    name: '旧商机', customer_id: ids.org, pipeline_id: stage.pipeline_id, stage_id: stage.id, status: 'open', owner_id: ids.sales, amount: 12_345_600, currency: 'CNY', amount_base: 12_345_600,
    probability: stage.probability, expected_close_date: '2027-01-31', forecast_category: 'pipeline', forecast_month: '2027-01', stage_entered_at: at, ...meta,
  }).returning('id').executeTakeFirstOrThrow()).id;
  await old.insertInto('opportunity_contacts').values({ opportunity_id: ids.deal, contact_id: ids.contact, role: 'decision_maker' }).execute();
  await old.insertInto('change_log').values({ entity_type: 'customer', entity_id: ids.org, customer_id: ids.org, action: 'create', actor_id: ids.sales, at, changes: '{}' }).execute();
}

beforeAll(async () => {
  fresh = await freshDatabase();
  old = fresh.database.db as unknown as Kysely<any>;
  await migrateAsPreviousRelease();
  await keepData();
  for (const t of tables) countsBefore[t] = await count(t);
});
afterAll(() => fresh.drop());

describe('upgrading a database of the previous release', () => {
  it('applies the new migrations, records every checksum and keeps the data', async () => {
    expect(previousRelease.map((m) => m.name).at(-1)).toBe('20261122-0007-sales');
    expect(await migrate(fresh.database)).toEqual(migrations.slice(previousRelease.length).map((m) => m.name));
    const applied = await fresh.database.db.selectFrom('schema_migrations').select(['name', 'checksum']).orderBy('name').execute();
    expect(applied).toEqual(migrations.map((m) => ({ name: m.name, checksum: m.checksum })));
    for (const t of tables) expect(await count(t), t).toBe(countsBefore[t]);

    const customers = await old.selectFrom('customers').select(['id', 'archive_no', 'name', 'owner_id', 'phone', 'phone_e164', 'mobile_e164', 'province', 'city', 'industry', 'source', 'tags']).orderBy('id').execute();
    expect(customers).toEqual([
      { id: ids.org, archive_no: 'KH00000001', name: '上海旧时光科技有限公司', owner_id: ids.sales, phone: '+86 138 0013 8000', phone_e164: '+8613800138000', mobile_e164: null,
        province: '上海市', city: '上海市', industry: 'manufacturing', source: 'exhibition', tags: '["老客户"]' },
      { id: ids.person, archive_no: 'KH00000002', name: '李旧客', owner_id: ids.sales, phone: null, phone_e164: null, mobile_e164: '+8613912340000',
        province: null, city: null, industry: null, source: 'former_source_1', tags: '["老客户"]' },
    ]);
    const keys = await old.selectFrom('dedupe_keys').select(['customer_id', 'contact_id', 'key']).orderBy('customer_id').orderBy('key').execute();
    expect(keys).toEqual([
      { customer_id: ids.org, contact_id: null, key: 'c:91310000MA1K4X0X0X' },
      { customer_id: ids.org, contact_id: null, key: 'n:上海旧时光科技' },
      { customer_id: ids.org, contact_id: null, key: 'p:+8613800138000' },
      { customer_id: ids.org, contact_id: ids.contact, key: 'p:+8613912345678' },
      { customer_id: ids.person, contact_id: null, key: 'e:li@example.com' },
      { customer_id: ids.person, contact_id: null, key: 'i:110101199003071234' },
      { customer_id: ids.person, contact_id: null, key: 'p:+8613912340000' },
    ]);
    const lead = await old.selectFrom('leads').select(['name', 'mobile', 'mobile_e164']).where('id', '=', ids.lead).executeTakeFirstOrThrow();
    expect(lead).toEqual({ name: '线索旧公司', mobile: '13700001111', mobile_e164: '+8613700001111' });
  });

  it('the server starts on the upgraded database and its users work with the old records', async () => {
    const config = {
      ...loadConfig({ CRM_DATA_DIR: fresh.dataDir, CRM_WEB_DIST: path.join(fresh.dataDir, 'no-web') }),
      engine: testEngine,
      databaseUrl: fresh.databaseUrl,
    };
    const { app, ctx } = await buildApp({ config, database: fresh.database });
    try {
      await bootstrap(ctx, () => undefined);
      await app.ready();
      expect(await count('users')).toBe(countsBefore.users);
      const admin = new Agent(app);
      expect((await admin.post('/api/v1/auth/login', { email: 'old-admin@example.com', password })).status).toBe(200);
      const org = await admin.get(`/api/v1/customers/${ids.org}`);
      expect(org.status).toBe(200);
      expect(org.body).toMatchObject({ name: '上海旧时光科技有限公司', archiveNo: 'KH00000001', industry: 'manufacturing', ownerId: ids.sales });
      const deal = await admin.get(`/api/v1/opportunities/${ids.deal}`);
      expect(deal.status).toBe(200);
      expect(deal.body).toMatchObject({ name: '旧商机', amount: 12_345_600, customerId: ids.org });
      expect((await admin.get(`/api/v1/leads/${ids.lead}`)).body).toMatchObject({ name: '线索旧公司' });
      const edited = await admin.patch(`/api/v1/customers/${ids.org}`, { version: 1, address: '浦东新区世纪大道 1 号' });
      expect(edited.status).toBe(200);
      const created = await admin.post('/api/v1/customers', { kind: 'organization', name: '升级后新客户有限公司', category: 'enterprise', status: 'potential', lifecycleStage: 'exploration' });
      expect(created.status).toBe(201);
      expect(created.body.archiveNo).not.toMatch(/^KH0000000[12]$/);
      // The duplicate check finds the old customers by the keys the upgrade rebuilt.
      const check = await admin.post('/api/v1/customers/duplicate-check', { kind: 'organization', name: '新客户', phone: '0086 13800138000', creditCode: '91310000MA1K4X0X0X' });
      expect(check.status).toBe(200);
      expect(check.body.matches.map((m: { id: number }) => m.id)).toEqual([ids.org]);
      const byContact = await admin.post('/api/v1/customers/duplicate-check', { kind: 'person', name: '某人', mobile: '+86 139 1234 5678' });
      expect(byContact.body.matches.map((m: { id: number }) => m.id)).toEqual([ids.org]);
    } finally {
      await app.close();
    }
  });
});
