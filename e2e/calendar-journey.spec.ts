import type { BrowserContext, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { runTaskReminders } from '../server/src/modules/activities/index.js';
import { runCareReminders } from '../server/src/modules/reminders/index.js';
import { admin, chooseOption, expectAccessible, screenshot, signIn as signInAs, useJourney } from './server.js';

/**
 * The salesperson's calendar: 吴一 makes a task with a reminder in the task drawer and finds it on
 * the month view of 日历 beside a customer's birthday tomorrow, opens it from there, looks at the
 * week and the day; a reminder that is due reaches the bell and leads to its task. He subscribes his
 * calendar app (the address works, a new one replaces it, stopping ends it). His manager picks him
 * in the user picker. On a phone in English the calendar is a day list without sideways scrolling.
 * The administrator turns contact birthdays off on 关怀提醒. Axe on every page.
 */
const journey = useJourney();

const sales = { email: 'cal.sales@example.com', password: 'cal-sales-password', name: '吴一' };
const manager = { email: 'cal.manager@example.com', password: 'cal-manager-password', name: '郑经理' };

async function api(context: BrowserContext, method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, data?: unknown) {
  const res = await context.request.fetch(`${journey.server.url}/api/v1${url}`, { method, ...(data === undefined ? {} : { data }) });
  const body = res.status() === 204 ? null : await res.json();
  if (!res.ok()) throw new Error(`${method} ${url}: ${res.status()} ${JSON.stringify(body)}`);
  return body;
}

const signIn = (context: BrowserContext, who: { email: string; password: string }) => signInAs(context, journey.server.url, who);
/** Every context lives in the company's time zone, so the browser's today is the server's. */
const desktop = (locale = 'zh-CN') => journey.browser.newContext({ locale, timezoneId: 'Asia/Shanghai', viewport: { width: 1280, height: 900 } });
const shanghaiDay = (offsetDays = 0) => new Date(Date.now() + offsetDays * 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
const noSidewaysScroll = async (page: Page) => expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

const choose = (page: Page, testId: string, text: string) => chooseOption(page, page.getByTestId(testId), text);

beforeAll(async () => {
  const setup = await journey.browser.newContext();
  await api(setup, 'POST', '/auth/login', admin);
  const roles = await api(setup, 'GET', '/roles?pageSize=100');
  const roleId = (key: string) => roles.items.find((r: { key: string; id: number }) => r.key === key).id;
  const departmentId = (await api(setup, 'POST', '/departments', { name: '华中销售部' })).id;
  const salesId = (await api(setup, 'POST', '/users', { ...sales, roleId: roleId('salesperson'), departmentId })).id;
  await api(setup, 'POST', '/users', { ...manager, roleId: roleId('sales_manager'), departmentId });
  // A person customer of 吴一 born 40 years before tomorrow: a care reminder for tomorrow.
  const tomorrow = shanghaiDay(1);
  const birthday = `${Number(tomorrow.slice(0, 4)) - 40}${tomorrow.slice(4)}`;
  await api(setup, 'POST', '/customers', { kind: 'person', category: 'retail', name: '黄生日', ownerId: salesId, person: { birthday: birthday.endsWith('02-29') ? birthday.replace('02-29', '02-28') : birthday } });
  await runCareReminders(journey.server.ctx);
  await setup.close();
});

describe('the calendar in Chromium', () => {
  it('a task with a reminder is on the month view beside a birthday, and opens from there; week and day show it too', async () => {
    const context = await desktop();
    const page = await signIn(context, sales);
    await page.goto(`${journey.server.url}/tasks`);
    await page.getByTestId('task-new').click();
    const drawer = page.getByTestId('task-drawer');
    await drawer.getByTestId('task-title-input').fill('准备投标材料');
    await choose(page, 'task-remind-select', '提前 15 分钟');
    await screenshot(page, 'calendar-01-task-reminder');
    await page.getByTestId('task-save').click();
    await drawer.waitFor({ state: 'hidden' });
    const [task] = (await api(context, 'GET', '/tasks?view=today')).items;
    expect(task).toMatchObject({ title: '准备投标材料', remindBeforeMinutes: 15, dueOn: shanghaiDay() });

    await page.getByTestId('nav-calendar').click();
    await page.waitForURL(/\/calendar$/);
    const today = page.locator(`[data-testid="calendar-cell"][data-day="${shanghaiDay()}"]`);
    await today.getByText('准备投标材料').waitFor();
    await page.locator(`[data-testid="calendar-cell"][data-day="${shanghaiDay(1)}"]`).getByText('客户 黄生日 的 40 岁生日').waitFor();
    await screenshot(page, 'calendar-02-month');
    await today.getByText('准备投标材料').click();
    await page.waitForURL(/\/tasks\?task=\d+$/);
    expect(await page.getByTestId('task-drawer').getByTestId('task-title-input').inputValue()).toBe('准备投标材料');

    await page.goto(`${journey.server.url}/calendar?view=week`);
    await page.locator(`[data-testid="calendar-day"][data-day="${shanghaiDay()}"]`).getByText('准备投标材料').waitFor();
    await screenshot(page, 'calendar-03-week');
    await page.getByTestId('calendar-view-day').click();
    await page.locator('[data-testid="calendar-day"]').getByText('准备投标材料').waitFor();
    await page.getByTestId('calendar-next').click();
    await page.getByText('客户 黄生日 的 40 岁生日').waitFor();
    await screenshot(page, 'calendar-04-day');
    await context.close();
  });

  it('a reminder that is due reaches the bell and leads to its task', async () => {
    const context = await desktop();
    const page = await signIn(context, sales);
    await api(context, 'POST', '/tasks', { title: '晨会前回电', dueOn: shanghaiDay(), dueTime: '00:00', remindBeforeMinutes: 0 });
    expect(await runTaskReminders(journey.server.ctx)).toBeGreaterThanOrEqual(1);
    await page.reload();
    await page.getByTestId('notification-bell').click();
    const notice = page.getByTestId('notification-item').filter({ hasText: '任务提醒：「晨会前回电」' });
    await notice.waitFor();
    await screenshot(page, 'calendar-05-reminder-notice');
    await notice.getByRole('button').click();
    await page.waitForURL(/\/tasks\?task=\d+$/);
    expect(await page.getByTestId('task-drawer').getByTestId('task-title-input').inputValue()).toBe('晨会前回电');
    await context.close();
  });

  it('subscribes a calendar app: the address works, a new one replaces it, stopping ends it', async () => {
    const context = await desktop();
    const page = await signIn(context, sales);
    await page.goto(`${journey.server.url}/calendar`);
    const card = page.getByTestId('calendar-feed');
    await card.getByTestId('calendar-feed-create').click();
    const url = (await card.getByTestId('calendar-feed-url').textContent()) ?? '';
    expect(url).toMatch(/\/api\/v1\/ical\/[A-Za-z0-9_-]{43}\.ics$/);
    await screenshot(page, 'calendar-06-feed');
    const feed = await journey.browser.newContext();
    const ics = await feed.request.get(url);
    expect(ics.status()).toBe(200);
    expect(await ics.text()).toContain('SUMMARY:准备投标材料');
    await card.getByTestId('calendar-feed-rotate').click();
    await page.getByTestId('calendar-feed-rotate-ok').click();
    await card.getByTestId('calendar-feed-url').filter({ hasNotText: url }).waitFor();
    expect((await feed.request.get(url)).status()).toBe(404);
    const second = (await card.getByTestId('calendar-feed-url').textContent()) ?? '';
    await card.getByTestId('calendar-feed-revoke').click();
    await page.getByTestId('calendar-feed-revoke-ok').click();
    await card.getByTestId('calendar-feed-create').waitFor();
    expect((await feed.request.get(second)).status()).toBe(404);
    await feed.close();
    await context.close();
  });

  it('the manager picks his salesperson; the team shows whose each item is', async () => {
    const context = await desktop();
    const page = await signIn(context, manager);
    await page.goto(`${journey.server.url}/calendar`);
    await choose(page, 'calendar-user', sales.name);
    await page.waitForURL(/user=\d+/);
    await page.locator(`[data-testid="calendar-cell"][data-day="${shanghaiDay()}"]`).getByText('准备投标材料').waitFor();
    await choose(page, 'calendar-user', '我的团队');
    await page.waitForURL(/user=team/);
    await page.getByTestId('calendar-view-day').click();
    await page.getByTestId('calendar-item').filter({ hasText: '准备投标材料' }).getByText(sales.name, { exact: false }).waitFor();
    await screenshot(page, 'calendar-07-team-day');
    await context.close();
  });

  it('on a phone in English: a day list without sideways scrolling', async () => {
    const context = await journey.browser.newContext({ locale: 'en', timezoneId: 'Asia/Shanghai', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const page = await signIn(context, sales);
    await page.goto(`${journey.server.url}/calendar`);
    await page.locator('[data-testid="calendar-day"]').getByText('准备投标材料').waitFor();
    await noSidewaysScroll(page);
    await screenshot(page, 'calendar-08-phone-day');
    await page.getByTestId('calendar-view-month').click();
    await page.locator('[data-testid="calendar-day"]').getByText('准备投标材料').waitFor();
    await noSidewaysScroll(page);
    await screenshot(page, 'calendar-09-phone-month');
    await context.close();
  });

  it('the administrator turns contact birthdays off on 关怀提醒', async () => {
    const context = await desktop();
    const page = await signIn(context, admin);
    await page.goto(`${journey.server.url}/admin/reminder-settings`);
    await page.getByTestId('reminder-contactBirthday-on').click();
    await page.getByTestId('reminder-maintenance-months').fill('6');
    await expectAccessible(page, 'reminder-settings');
    await page.getByTestId('reminder-settings-save').click();
    await page.getByText('已保存').first().waitFor();
    expect(await api(context, 'GET', '/settings/reminders')).toMatchObject({ contactBirthdayDays: null, maintenanceMonths: 6, customerBirthdayDays: 3, version: 1 });
    await screenshot(page, 'calendar-10-reminder-settings');
    await context.close();
  });
});
