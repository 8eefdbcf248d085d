import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCustomer, createOrg, password, type Org } from '../../test/fixtures.js';
import { createTestApp, TestClock, type TestApp } from '../../test/harness.js';
import { runContractRenewals } from '../contracts/index.js';
import { runCareReminders } from './index.js';

/**
 * Care reminders (关怀提醒) on both engines with a controlled clock: birthdays of person customers
 * and contacts (29 February on 28 February in a common year), wedding anniversaries, maintenance
 * visits every N months after signing (month ends kept), contract renewals listed beside the
 * existing renewal notice; days counted in the company's time zone, across month and year ends;
 * each made once per record and day, also when two runs meet.
 */
const clock = new TestClock(new Date('2026-11-22T08:00:00Z'));
let t: TestApp;
let org: Org;
const ids: Record<string, number> = {};

/** Move the clock to an instant (forwards or back). */
const setClock = (iso: string) => clock.advance(Date.parse(iso) - clock.now().getTime());

type Row = { kind: string; record_id: number; occurs_on: string; user_id: number; nth: number | null; remind_on: string };
const reminders = async (): Promise<Row[]> =>
  (await t.ctx.db.selectFrom('care_reminders').select(['kind', 'record_id', 'occurs_on', 'user_id', 'nth', 'remind_on']).orderBy('occurs_on').orderBy('kind').execute()) as Row[];
const careNotices = async (userId: number) =>
  t.ctx.db.selectFrom('notifications').select(['params', 'entity_type', 'entity_id']).where('user_id', '=', userId).where('kind', '=', 'care_reminder').orderBy('id').execute();
const clear = async () => {
  await t.ctx.db.deleteFrom('care_reminders').execute();
  await t.ctx.db.deleteFrom('notifications').where('kind', '=', 'care_reminder').execute();
};

async function saveSettings(values: Record<string, unknown>): Promise<void> {
  const admin = await t.login();
  const current = (await admin.get('/api/v1/settings/reminders')).body;
  const res = await admin.put('/api/v1/settings/reminders', { customerBirthdayDays: current.customerBirthdayDays, contactBirthdayDays: current.contactBirthdayDays, weddingAnniversaryDays: current.weddingAnniversaryDays, maintenanceMonths: current.maintenanceMonths, maintenanceDays: current.maintenanceDays, ...values, version: current.version });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
}

async function setTimeZone(timeZone: string): Promise<void> {
  const admin = await t.login();
  const current = (await admin.get('/api/v1/settings/company')).body;
  expect((await admin.put('/api/v1/settings/company', { timeZone, version: current.version })).status).toBe(200);
}

beforeAll(async () => {
  t = await createTestApp({ clock });
  org = await createOrg(t);
  const person = async (name: string, profile: Record<string, unknown>, as = org.as.east1) => {
    const res = await as.post('/api/v1/customers', buildCustomer({ kind: 'person', category: 'retail', name, person: profile }));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.id as number;
  };
  ids.leap = await person('闰日生', { birthday: '1992-02-29' });
  ids.wedding = await person('纪念日', { weddingAnniversary: '2000-03-01' });
  ids.newYear = await person('元旦生', { birthday: '1980-01-01' });
  ids.mayDay = await person('五一生', { birthday: '1990-05-01' });
  ids.north = await person('北方客户', { birthday: '1970-02-28' }, org.as.north1);
  ids.pooled = await person('公海客户', { birthday: '1970-02-28' });
  const released = await org.as.east1.post(`/api/v1/customers/${ids.pooled}/release`, {});
  expect(released.status, JSON.stringify(released.body)).toBeLessThan(300);
  ids.company = (await org.as.east1.post('/api/v1/customers', buildCustomer({ name: '关怀测试有限公司' }))).body.id;
  ids.contact = (await org.as.east1.post('/api/v1/contacts', { customerId: ids.company, name: '联系人甲', birthday: '1985-03-02' })).body.id;
  ids.lateContact = (await org.as.east1.post('/api/v1/contacts', { customerId: ids.company, name: '联系人乙', birthday: '1985-03-05' })).body.id;
  const contract = await org.as.east1.post('/api/v1/contracts', { customerId: ids.company, title: '维护合同', amount: 100000, signedOn: '2026-08-31', endsOn: '2027-03-10' });
  expect(contract.status, JSON.stringify(contract.body)).toBe(201);
  const signed = await org.as.east1.post(`/api/v1/contracts/${contract.body.id}/status`, { status: 'active', version: contract.body.version });
  expect(signed.body).toMatchObject({ status: 'active', signedOn: '2026-08-31' });
  ids.contract = contract.body.id;
}, 180_000);
afterAll(() => t.close());

describe('care reminders', () => {
  it('settings: defaults, version check, bad values refused, only settings.edit changes them', async () => {
    const admin = await t.login();
    const read = await admin.get('/api/v1/settings/reminders');
    expect(read.body).toEqual({ customerBirthdayDays: 3, contactBirthdayDays: 3, weddingAnniversaryDays: 3, maintenanceMonths: 0, maintenanceDays: 7, contractRenewalDays: 30, version: 0 });
    expect((await org.as.manager.get('/api/v1/settings/reminders')).status).toBe(200);
    const body = { customerBirthdayDays: 3, contactBirthdayDays: 3, weddingAnniversaryDays: 3, maintenanceMonths: 6, maintenanceDays: 3, version: 0 };
    expect((await org.as.manager.put('/api/v1/settings/reminders', body)).status).toBe(403);
    const bad = await admin.put('/api/v1/settings/reminders', { ...body, customerBirthdayDays: 61, maintenanceMonths: -1 });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((d: { path: string }) => d.path).sort()).toEqual(['customerBirthdayDays', 'maintenanceMonths']);
    const saved = await admin.put('/api/v1/settings/reminders', body);
    expect(saved.body).toMatchObject({ maintenanceMonths: 6, version: 1 });
    const stale = await admin.put('/api/v1/settings/reminders', { ...body, maintenanceDays: 5 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.current).toMatchObject({ maintenanceDays: 3, version: 1 });
  });

  it('in a common year: 29 February on the 28th, an anniversary, a contact, a maintenance visit at the month end, a renewal listed; each once', async () => {
    await clear();
    // 2027-02-27 07:30 in Shanghai.
    setClock('2027-02-26T23:30:00Z');
    const made = await runCareReminders(t.ctx);
    const rows = await reminders();
    expect(rows.map((r) => [r.kind, r.record_id, r.occurs_on, r.user_id, r.nth])).toEqual([
      ['customer_birthday', ids.leap, '2027-02-28', org.ids.east1, 35],
      ['customer_birthday', ids.north, '2027-02-28', org.ids.north1, 57],
      ['maintenance', ids.contract, '2027-02-28', org.ids.east1, 1],
      ['wedding_anniversary', ids.wedding, '2027-03-01', org.ids.east1, 27],
      ['contact_birthday', ids.contact, '2027-03-02', org.ids.east1, 42],
      ['contract_renewal', ids.contract, '2027-03-10', org.ids.east1, null],
    ]);
    expect(made).toBe(6);
    expect(rows.every((r) => r.remind_on === '2027-02-27')).toBe(true);
    // The owner is told of each but the renewal (the contract renewal notice tells of that), in both languages.
    const notices = await careNotices(org.ids.east1);
    expect(notices).toHaveLength(4);
    const leap = JSON.parse(notices.find((n) => n.entity_id === ids.leap)?.params ?? '{}');
    expect(leap).toMatchObject({ careKind: 'customer_birthday', date: '2027-02-28', days: 1, whatZh: '客户 闰日生 的 35 岁生日', whenEn: 'in 1 days' });
    expect(notices.find((n) => n.entity_type === 'contract')?.entity_id).toBe(ids.contract);
    const east1 = await t.login('east1@example.com', password, 'zh-CN');
    const listed = (await east1.get('/api/v1/notifications?pageSize=50')).body.items.filter((n: { kind: string }) => n.kind === 'care_reminder');
    expect(listed.map((n: { message: string }) => n.message)).toContain('关怀提醒：客户 闰日生 的 35 岁生日，还有 1 天（2027-02-28）。');
    expect((await runContractRenewals(t.ctx))).toBe(1);
    // A second run the same day, and the next day: nothing new for the same occurrences.
    expect(await runCareReminders(t.ctx)).toBe(0);
    clock.advance(24 * 60 * 60 * 1000);
    await runCareReminders(t.ctx);
    expect((await reminders()).filter((r) => r.remind_on !== '2027-02-27').map((r) => r.kind)).toEqual([]);
    expect(await careNotices(org.ids.east1)).toHaveLength(4);
  });

  it('in a leap year 29 February is the day; the window rolls over the year end and month ends', async () => {
    await clear();
    setClock('2028-02-27T04:00:00Z');
    await runCareReminders(t.ctx);
    expect((await reminders()).filter((r) => r.kind === 'customer_birthday').map((r) => [r.record_id, r.occurs_on])).toEqual([
      [ids.north, '2028-02-28'],
      [ids.leap, '2028-02-29'],
    ]);
    await clear();
    setClock('2027-12-30T04:00:00Z');
    await runCareReminders(t.ctx);
    expect((await reminders()).filter((r) => r.kind === 'customer_birthday').map((r) => [r.record_id, r.occurs_on, r.nth])).toEqual([[ids.newYear, '2028-01-01', 48]]);
    await clear();
    setClock('2027-04-29T04:00:00Z');
    await runCareReminders(t.ctx);
    expect((await reminders()).filter((r) => r.kind === 'customer_birthday').map((r) => [r.record_id, r.occurs_on])).toEqual([[ids.mayDay, '2027-05-01']]);
  });

  it('days are the company time zone\'s: 23:30 UTC is already the next day in Shanghai, not in New York', async () => {
    await saveSettings({ customerBirthdayDays: 0, contactBirthdayDays: null, weddingAnniversaryDays: null, maintenanceMonths: 0 });
    await clear();
    // 2027-04-30 23:30 UTC = 2027-05-01 07:30 in Shanghai: 五一生's birthday is today.
    setClock('2027-04-30T23:30:00Z');
    await runCareReminders(t.ctx);
    expect((await reminders()).filter((r) => r.kind === 'customer_birthday').map((r) => [r.record_id, r.occurs_on])).toEqual([[ids.mayDay, '2027-05-01']]);
    await clear();
    await setTimeZone('America/New_York');
    try {
      await runCareReminders(t.ctx);
      expect((await reminders()).filter((r) => r.kind === 'customer_birthday')).toEqual([]);
    } finally {
      await setTimeZone('Asia/Shanghai');
    }
  });

  it('two runs at once make each reminder and its notice once', async () => {
    await saveSettings({ customerBirthdayDays: 3, contactBirthdayDays: 3, weddingAnniversaryDays: 3, maintenanceMonths: 6, maintenanceDays: 3 });
    await clear();
    setClock('2027-02-26T23:30:00Z');
    const made = await Promise.all([runCareReminders(t.ctx), runCareReminders(t.ctx), runCareReminders(t.ctx)]);
    expect(made.reduce((a, b) => a + b, 0)).toBe(6);
    expect(await reminders()).toHaveLength(6);
    expect(await careNotices(org.ids.east1)).toHaveLength(4);
    expect(await careNotices(org.ids.north1)).toHaveLength(1);
  });
});
