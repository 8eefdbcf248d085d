import { CompiledQuery, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCustomer, createOrg, type Org } from '../../test/fixtures.js';
import { createTestApp, type TestApp } from '../../test/harness.js';
import { contactBirthdaysOn, contactBirthdaysQuery, personDatesOn, personDatesQuery } from './reminders.repository.js';

/**
 * The daily care-reminder scan reads birthdays and wedding anniversaries through the month-day
 * expression indexes of migration 0032, not every contact and person customer: the query plan
 * names the index and scans no table whole, on both engines. The contacts have a year of
 * birthdays and the engine's statistics, so the plan is the one a real contact book gets; on
 * PostgreSQL sequential scans are priced out, as they are on a big table (on a few rows a scan
 * is cheaper and rightly chosen). The indexed queries find the same rows.
 */
let t: TestApp;
let org: Org;

type Query = { compile(): CompiledQuery };
/** The engine's plan of a query, as text. */
async function plan(query: Query): Promise<string> {
  const compiled = query.compile();
  if (t.ctx.engine === 'sqlite') {
    const res = await t.ctx.db.executeQuery(CompiledQuery.raw(`explain query plan ${compiled.sql}`, [...compiled.parameters]));
    return (res.rows as Array<{ detail: string }>).map((r) => r.detail).join('\n');
  }
  return t.ctx.db.transaction().execute(async (trx) => {
    await sql`set local enable_seqscan = off`.execute(trx);
    const res = await trx.executeQuery(CompiledQuery.raw(`explain ${compiled.sql}`, [...compiled.parameters]));
    return (res.rows as Array<{ 'QUERY PLAN': string }>).map((r) => r['QUERY PLAN']).join('\n');
  });
}

/** The plan reads the table through the index, and reads no table whole. */
function expectIndexed(text: string, index: string): void {
  expect(text).toContain(index);
  expect(text).not.toMatch(/\bSCAN (k|c)\b|Seq Scan/);
}

beforeAll(async () => {
  t = await createTestApp();
  org = await createOrg(t);
  const person = async (name: string, profile: Record<string, unknown>) => {
    const res = await org.as.east1.post('/api/v1/customers', buildCustomer({ kind: 'person', category: 'retail', name, person: profile }));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
  };
  await person('三月生', { birthday: '1990-03-15' });
  await person('三月婚', { weddingAnniversary: '2010-03-15' });
  await person('四月生', { birthday: '1990-04-15' });
  const company = (await org.as.east1.post('/api/v1/customers', buildCustomer())).body.id as number;
  for (const [name, birthday] of [['三月联系人', '1985-03-15'], ['五月联系人', '1985-05-15'], ['无生日', null]] as const) {
    expect((await org.as.east1.post('/api/v1/contacts', { customerId: company, name, ...(birthday ? { birthday } : {}) })).status).toBe(201);
  }
  // A contact book big enough for the planner to tell a few days from every row: 1,460 contacts,
  // four a day through a year (none on 15 or 16 March), then the engine's statistics.
  const at = new Date().toISOString();
  const rows = [];
  for (let i = 0; i < 1460; i++) {
    const day = new Date(Date.UTC(1985, 0, 1 + Math.floor(i / 4))).toISOString().slice(0, 10);
    if (day === '1985-03-15' || day === '1985-03-16') continue;
    rows.push({ customer_id: company, name: `通讯录${i}`, title: null, department: null, mobile: null, phone: null, mobile_e164: null, phone_e164: null, email: null, wechat: null, birthday: day, is_primary: 0, notes: null, deleted_at: null, deleted_by: null, version: 1, created_at: at, updated_at: at, created_by: null, updated_by: null });
  }
  for (let i = 0; i < rows.length; i += 200) await t.ctx.db.insertInto('contacts').values(rows.slice(i, i + 200)).execute();
  await sql`analyze contacts`.execute(t.ctx.db);
}, 180_000);
afterAll(() => t.close());

describe('the care-reminder scan reads by index', () => {
  it('contacts by birthday month-day: contacts_birthday_month_day', async () => {
    expectIndexed(await plan(contactBirthdaysQuery(t.ctx.db, t.ctx.engine, ['03-15', '03-16'])), 'contacts_birthday_month_day');
    expect((await contactBirthdaysOn(t.ctx.db, t.ctx.engine, ['03-15', '03-16'])).map((r) => r.name)).toEqual(['三月联系人']);
  });

  it('person customers by birthday and by wedding anniversary: their own indexes', async () => {
    expectIndexed(await plan(personDatesQuery(t.ctx.db, t.ctx.engine, 'birthday', ['03-15'])), 'customers_birthday_month_day');
    expectIndexed(await plan(personDatesQuery(t.ctx.db, t.ctx.engine, 'weddingAnniversary', ['03-15'])), 'customers_wedding_month_day');
    expect((await personDatesOn(t.ctx.db, t.ctx.engine, 'birthday', ['03-15'])).map((r) => r.name)).toEqual(['三月生']);
    expect((await personDatesOn(t.ctx.db, t.ctx.engine, 'weddingAnniversary', ['03-15'])).map((r) => r.name)).toEqual(['三月婚']);
  });
});
