import type { BrowserContext, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { admin, screenshot, signIn as signInAs, useJourney } from './server.js';

/**
 * Visit check-in (拜访签到) on a phone: a salesperson at a customer's office logs a visit and
 * presses 签到; the phone gives its position (granted to the site, as a user's "allow" would),
 * he confirms the address and saves; the timeline shows the pin, the time, the accuracy and a map
 * link. Without leave to read the position the page says so in words and the visit saves without
 * a check-in. The manager opens 拜访签到 and sees the day's visit of his salesperson (and not one of
 * another department), on a desktop and on a phone without sideways scrolling; each step checked
 * with axe.
 */
const journey = useJourney();

const seller = { email: 'visit.seller@example.com', password: 'visit-seller-password', name: '陈拜访' };
const manager = { email: 'visit.manager@example.com', password: 'visit-manager-password', name: '郑经理' };
const outsider = { email: 'visit.outsider@example.com', password: 'visit-outsider-password', name: '吴外部' };
const position = { latitude: 31.23, longitude: 121.47, accuracy: 8 };
let customerId = 0;
let outsiderCustomerId = 0;

async function api(context: BrowserContext, method: 'GET' | 'POST', url: string, data?: unknown) {
  const res = await context.request.fetch(`${journey.server.url}/api/v1${url}`, { method, ...(data === undefined ? {} : { data }) });
  const body = res.status() === 204 ? null : await res.json();
  if (!res.ok()) throw new Error(`${method} ${url}: ${res.status()} ${JSON.stringify(body)}`);
  return body;
}

const signIn = (context: BrowserContext, who: { email: string; password: string }) => signInAs(context, journey.server.url, who);
const phone = (locale = 'zh-CN') =>
  journey.browser.newContext({ locale, timezoneId: 'Asia/Shanghai', viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true });
const noSidewaysScroll = async (page: Page) => expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);

beforeAll(async () => {
  const setup = await journey.browser.newContext();
  await api(setup, 'POST', '/auth/login', admin);
  const roles = await api(setup, 'GET', '/roles?pageSize=100');
  const roleId = (key: string) => roles.items.find((r: { key: string; id: number }) => r.key === key).id;
  const east = (await api(setup, 'POST', '/departments', { name: '华东拜访组' })).id;
  const north = (await api(setup, 'POST', '/departments', { name: '华北拜访组' })).id;
  const sellerId = (await api(setup, 'POST', '/users', { ...seller, roleId: roleId('salesperson'), departmentId: east })).id;
  await api(setup, 'POST', '/users', { ...manager, roleId: roleId('sales_manager'), departmentId: east });
  const outsiderId = (await api(setup, 'POST', '/users', { ...outsider, roleId: roleId('salesperson'), departmentId: north })).id;
  customerId = (await api(setup, 'POST', '/customers', { kind: 'organization', name: '浦江精密机械有限公司', ownerId: sellerId })).id;
  outsiderCustomerId = (await api(setup, 'POST', '/customers', { kind: 'organization', name: '津门重工有限公司', ownerId: outsiderId })).id;
  await setup.close();
});

describe('visit check-in in Chromium', () => {
  it('a salesperson on a phone checks in at a visit: position, accuracy and address on the timeline', async () => {
    const context = await phone();
    await context.grantPermissions(['geolocation'], { origin: journey.server.url });
    await context.setGeolocation(position);
    const page = await signIn(context, seller);
    // The customer's follow-ups (with the timeline beside them, they are one view away).
    await page.goto(`${journey.server.url}/customers/${customerId}?activity=follow-ups`);
    const composer = page.getByTestId('follow-up-composer');
    await composer.getByTestId('kind-call').waitFor();
    // No check-in for a call: the button comes with the visit.
    expect(await composer.getByTestId('check-in-button').count()).toBe(0);
    await composer.getByTestId('kind-visit').click();
    await composer.getByText('只有按下“签到”时才会读取手机位置。').waitFor();
    await composer.getByTestId('check-in-button').click();
    await composer.getByTestId('check-in-position').getByText('位置 31.230000, 121.470000').waitFor();
    await composer.getByTestId('check-in-position').getByText('精度约 8 米', { exact: false }).waitFor();
    await composer.getByTestId('check-in-address').fill('上海市浦东新区张江路88号');
    await composer.getByTestId('follow-up-content').fill('上门拜访，查看产线并确认改造范围。');
    await noSidewaysScroll(page);
    await screenshot(page, 'visit-01-phone-check-in');
    await composer.getByTestId('follow-up-log').click();

    const row = page.getByTestId('follow-up-row').filter({ hasText: '上门拜访，查看产线' });
    const pin = row.getByTestId('check-in-text');
    await pin.getByText('上海市浦东新区张江路88号').waitFor();
    await pin.getByText('±8 米', { exact: false }).waitFor();
    expect(await pin.getByTestId('check-in-map').getAttribute('href')).toBe('https://uri.amap.com/marker?position=121.47,31.23&coordinate=wgs84&callnative=1');
    // The composer is ready for the next one, without the check-in.
    expect(await composer.getByTestId('check-in-address').count()).toBe(0);
    const [record] = (await api(context, 'GET', `/customers/${customerId}/follow-ups`)).items;
    expect(record).toMatchObject({ kind: 'visit', authorName: seller.name, checkIn: { latitude: 31.23, longitude: 121.47, accuracyMeters: 8, address: '上海市浦东新区张江路88号' } });
    expect(Math.abs(Date.parse(record.checkIn.checkedInAt) - Date.now())).toBeLessThan(60_000);
    await noSidewaysScroll(page);
    await screenshot(page, 'visit-02-phone-timeline');
    await context.close();
  });

  it('without leave to read the position the page says so, and the visit saves without a check-in', async () => {
    const context = await phone('en-US');
    const page = await signIn(context, outsider);
    await page.goto(`${journey.server.url}/customers/${outsiderCustomerId}?activity=follow-ups`);
    const composer = page.getByTestId('follow-up-composer');
    await composer.getByTestId('kind-visit').click();
    await composer.getByTestId('check-in-button').click();
    await composer.getByTestId('check-in-problem').getByText('Location access was refused', { exact: false }).waitFor();
    await composer.getByTestId('follow-up-content').fill('Visited the plant without a check-in.');
    await screenshot(page, 'visit-03-phone-denied');
    await composer.getByTestId('follow-up-log').click();
    await page.getByTestId('follow-up-row').getByText('Visited the plant without a check-in.').waitFor();
    const [record] = (await api(context, 'GET', `/customers/${outsiderCustomerId}/follow-ups`)).items;
    expect(record).toMatchObject({ kind: 'visit', checkIn: null });
    await context.close();
  });

  it("the manager sees his salesperson's visit of the day on 拜访签到, on a desktop and on a phone", async () => {
    const desktop = await journey.browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1280, height: 900 } });
    const page = await signIn(desktop, manager);
    await page.getByTestId('nav-visits').click();
    await page.waitForURL(/\/visits/);
    const table = page.getByTestId('visit-table');
    const row = table.locator('tbody tr').filter({ hasText: seller.name });
    await row.getByText('上海市浦东新区张江路88号').waitFor();
    await row.getByText('±8 米').first().waitFor();
    expect(await row.getByRole('link', { name: '浦江精密机械有限公司' }).getAttribute('href')).toBe(`/customers/${customerId}`);
    // Another department's visit is not his to see.
    expect(await table.getByText(outsider.name).count()).toBe(0);
    expect(await table.locator('tbody tr.ant-table-row').count()).toBe(1);
    await screenshot(page, 'visit-04-manager-desktop');
    // Another day: nothing.
    await page.goto(`${journey.server.url}/visits?date=2020-01-02`);
    await page.getByTestId('visits-empty').getByText('当天没有拜访').waitFor();
    await desktop.close();

    const small = await phone();
    const mobile = await signIn(small, manager);
    await mobile.goto(`${journey.server.url}/visits`);
    const card = mobile.getByTestId('visit-card').filter({ hasText: seller.name });
    await card.getByText('浦江精密机械有限公司').waitFor();
    await card.getByTestId('check-in-text').getByText('上海市浦东新区张江路88号').waitFor();
    await noSidewaysScroll(mobile);
    await screenshot(mobile, 'visit-05-manager-phone');
    await small.close();
  });
});
