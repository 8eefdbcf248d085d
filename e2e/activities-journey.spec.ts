import { nextDueOn } from '@crm/contracts';
import type { BrowserContext, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { admin, chooseOption, screenshot, signIn as signInAs, useJourney } from './server.js';

/**
 * The salesperson's day: two salespeople of one department and their manager. 钱一 logs a call
 * on a public-pool customer with the composer (a contact, an outcome, the next step today) and
 * never sees a warning about himself; 孙二 opens the same customer and is warned by the contact
 * guard (撞单提醒) before he acts, on the page and in the composer; the manager is warned about his
 * salesperson's visit to an owned customer. The next step is on 钱一's tasks today: ticked done,
 * undone, done again. A monthly task completed makes next month's. The contact-guard setting turns
 * the warning off. A phone in English, without sideways scrolling.
 */
const journey = useJourney();

const first = { email: 'act.first@example.com', password: 'act-first-password', name: '钱一' };
const second = { email: 'act.second@example.com', password: 'act-second-password', name: '孙二' };
const manager = { email: 'act.manager@example.com', password: 'act-manager-password', name: '周经理' };
let poolCustomerId = 0;
let ownedCustomerId = 0;

async function api(context: BrowserContext, method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, data?: unknown) {
  const res = await context.request.fetch(`${journey.server.url}/api/v1${url}`, { method, ...(data === undefined ? {} : { data }) });
  const body = res.status() === 204 ? null : await res.json();
  if (!res.ok()) throw new Error(`${method} ${url}: ${res.status()} ${JSON.stringify(body)}`);
  return body;
}

const signIn = (context: BrowserContext, who: { email: string; password: string }) => signInAs(context, journey.server.url, who);
/** Every context lives in the company's time zone, so the browser's today is the server's. */
const desktop = (locale = 'zh-CN') => journey.browser.newContext({ locale, timezoneId: 'Asia/Shanghai', viewport: { width: 1280, height: 900 } });
const today = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
const noSidewaysScroll = async (page: Page) => expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
/** "12月3日 14:20" in Shanghai time, as the guard says it. */
function guardTime(iso: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', { timeZone: 'Asia/Shanghai', month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(new Date(iso))
      .map((p) => [p.type, p.value]),
  );
  return `${parts.month}月${parts.day}日 ${parts.hour}:${parts.minute}`;
}

const choose = (page: Page, testId: string, text: string) => chooseOption(page, page.getByTestId(testId), text);

beforeAll(async () => {
  const setup = await journey.browser.newContext();
  await api(setup, 'POST', '/auth/login', admin);
  const roles = await api(setup, 'GET', '/roles?pageSize=100');
  const roleId = (key: string) => roles.items.find((r: { key: string; id: number }) => r.key === key).id;
  const departmentId = (await api(setup, 'POST', '/departments', { name: '华南销售部' })).id;
  const firstId = (await api(setup, 'POST', '/users', { ...first, roleId: roleId('salesperson'), departmentId })).id;
  await api(setup, 'POST', '/users', { ...second, roleId: roleId('salesperson'), departmentId });
  await api(setup, 'POST', '/users', { ...manager, roleId: roleId('sales_manager'), departmentId });
  // In the public pool: both salespeople may open it (and call it).
  poolCustomerId = (await api(setup, 'POST', '/customers', { kind: 'organization', name: '南山智能装备有限公司', ownerId: null })).id;
  await api(setup, 'POST', '/contacts', { customerId: poolCustomerId, name: '王采购', title: '采购经理' });
  ownedCustomerId = (await api(setup, 'POST', '/customers', { kind: 'organization', name: '前海新能源科技有限公司', ownerId: firstId })).id;
  await setup.close();
});

describe('follow-ups, the contact guard and tasks in Chromium', () => {
  it('the first salesperson logs a call with the composer; the second is warned by the contact guard', async () => {
    const context = await desktop();
    const page = await signIn(context, first);
    await page.goto(`${journey.server.url}/customers/${poolCustomerId}`);
    const area = page.getByTestId('customer-follow-ups');
    // The composer sits over the customer's timeline; its follow-ups alone are the other view.
    await area.getByTestId('customer-history').waitFor();
    await area.getByTestId('activity-view-follow-ups').click();
    await page.waitForURL(/\?activity=follow-ups$/);
    await area.getByTestId('follow-ups-empty').waitFor();
    await page.getByTestId('customer-tasks-empty').waitFor();

    await area.getByTestId('kind-call').click();
    await area.getByTestId('follow-up-content').fill('电话沟通产线改造需求，客户关心交付周期。');
    await choose(page, 'follow-up-contacts', '王采购');
    await page.keyboard.press('Escape');
    await area.getByTestId('follow-up-duration').fill('12');
    await area.getByTestId('follow-up-outcome').fill('周五前要报价');
    await area.getByTestId('follow-up-next-on').click();
    await page.keyboard.type(today());
    await page.keyboard.press('Tab');
    await area.getByTestId('follow-up-next-action').fill('发送报价单');
    await screenshot(page, 'activities-01-composer');
    // Ctrl+Enter from the text saves.
    await area.getByTestId('follow-up-content').focus();
    await page.keyboard.press('Control+Enter');

    const row = area.getByTestId('follow-up-row');
    await row.getByText('电话沟通产线改造需求', { exact: false }).waitFor();
    await row.getByText('联系人：王采购').waitFor();
    await row.getByText('结果：周五前要报价').waitFor();
    await row.getByTestId('follow-up-next').getByText('发送报价单', { exact: false }).waitFor();
    expect(await area.getByTestId('follow-up-content').inputValue()).toBe('');
    // The task of the next step is on the customer's card; no warning about oneself.
    await page.getByTestId('customer-tasks').getByText('发送报价单').waitFor();
    expect(await page.getByTestId('contact-guard').count()).toBe(0);
    const [record] = (await api(context, 'GET', `/customers/${poolCustomerId}/follow-ups`)).items;
    expect(record).toMatchObject({ kind: 'call', durationMinutes: 12, outcome: '周五前要报价', nextOn: today(), contacts: [{ name: '王采购' }], authorName: first.name });
    expect(record.taskId).toEqual(expect.any(Number));
    expect((await api(context, 'GET', `/customers/${poolCustomerId}`)).lastFollowUpAt).toBe(record.occurredAt);
    await screenshot(page, 'activities-02-logged');
    await context.close();

    const other = await desktop();
    const secondPage = await signIn(other, second);
    await secondPage.goto(`${journey.server.url}/customers/${poolCustomerId}?activity=follow-ups`);
    const warning = `${first.name} 于 ${guardTime(record.occurredAt)} 电话跟进过该客户（今天）`;
    const banner = secondPage.getByTestId('contact-guard');
    await banner.getByText('最近 7 天内有其他同事跟进过该客户', { exact: false }).waitFor();
    expect(await banner.getByTestId('contact-guard-line').allTextContents()).toEqual([warning]);
    // Before he acts: the composer says it again beside its save button.
    expect(await secondPage.getByTestId('composer-guard').getByTestId('composer-guard-line').allTextContents()).toEqual([warning]);
    // He reads the colleague's call, and may neither change nor delete it.
    await secondPage.getByTestId('follow-up-row').getByText('电话沟通产线改造需求', { exact: false }).waitFor();
    expect(await secondPage.getByTestId('follow-up-edit').count()).toBe(0);
    await screenshot(secondPage, 'activities-03-guard-warns-second');
    await other.close();
  });

  it('the manager is warned about his salesperson’s visit, and the author edits his own record', async () => {
    const sales = await desktop();
    await api(sales, 'POST', '/auth/login', { email: first.email, password: first.password });
    await api(sales, 'POST', '/follow-ups', { customerId: ownedCustomerId, kind: 'visit', content: '上门拜访，参观了储能车间。' });
    const context = await desktop();
    const page = await signIn(context, manager);
    await page.goto(`${journey.server.url}/customers/${ownedCustomerId}`);
    await page.getByTestId('contact-guard').getByText(`${first.name} 于`, { exact: false }).waitFor();
    await page.getByTestId('contact-guard').getByText('拜访过该客户（今天）', { exact: false }).waitFor();
    await screenshot(page, 'activities-03b-manager-warned');
    await context.close();

    // The same session as the API calls above.
    const page2 = await sales.newPage();
    await page2.goto(`${journey.server.url}/customers/${ownedCustomerId}?activity=follow-ups`);
    await page2.getByTestId('follow-up-row').getByTestId('follow-up-edit').click();
    const drawer = page2.getByTestId('follow-up-drawer');
    await drawer.getByTestId('follow-up-outcome').fill('客户同意试点');
    await screenshot(page2, 'activities-03c-edit-drawer');
    await page2.getByTestId('follow-up-save').click();
    await drawer.waitFor({ state: 'hidden' });
    await page2.getByTestId('follow-up-row').getByText('结果：客户同意试点').waitFor();
    await sales.close();
  });

  it('the next step is today’s task: ticked done, undone, done again; the follow-up links to it', async () => {
    const context = await desktop();
    const page = await signIn(context, first);
    await page.getByTestId('nav-badge-tasks').getByText('1').waitFor();
    await page.getByTestId('nav-tasks').click();
    await page.waitForURL(/\/tasks$/);
    const row = page.getByTestId('task-row').filter({ hasText: '发送报价单' });
    await row.getByRole('link', { name: '南山智能装备有限公司' }).waitFor();
    await row.getByText('普通').waitFor();
    await screenshot(page, 'activities-04-tasks-today');

    await row.getByTestId('task-check').click();
    await page.getByTestId('tasks-empty').waitFor();
    await page.getByTestId('task-undo').click();
    await row.waitFor();
    expect(await row.getByTestId('task-check').isChecked()).toBe(false);
    await row.getByTestId('task-check').click();
    await page.getByTestId('tasks-empty').waitFor();
    await page.getByTestId('tasks-tab-done').click();
    await page.getByTestId('task-row').filter({ hasText: '发送报价单' }).waitFor();
    expect((await api(context, 'GET', '/tasks?view=done')).items).toEqual([expect.objectContaining({ title: '发送报价单', status: 'done', customerId: poolCustomerId })]);

    // The follow-up's next step opens its task.
    await page.goto(`${journey.server.url}/customers/${poolCustomerId}?activity=follow-ups`);
    await page.getByTestId('follow-up-next').getByRole('link').click();
    await page.waitForURL(/\/tasks\?task=\d+$/);
    expect(await page.getByTestId('task-drawer').getByTestId('task-title-input').inputValue()).toBe('发送报价单');
    await context.close();
  });

  it('a monthly task completed makes next month’s', async () => {
    const context = await desktop();
    const page = await signIn(context, first);
    await page.goto(`${journey.server.url}/tasks`);
    await page.getByTestId('tasks-empty').waitFor();
    await page.getByTestId('task-new').click();
    const drawer = page.getByTestId('task-drawer');
    await drawer.getByTestId('task-title-input').fill('月度设备巡检回访');
    await choose(page, 'task-recurrence-select', '每月');
    await choose(page, 'task-priority-select', '高');
    await page.getByTestId('task-customer').click();
    await page.keyboard.type('前海');
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '前海新能源科技有限公司' }).click();
    await screenshot(page, 'activities-05-task-drawer');
    await page.getByTestId('task-save').click();
    await drawer.waitFor({ state: 'hidden' });

    const row = page.getByTestId('task-row').filter({ hasText: '月度设备巡检回访' });
    await row.getByTestId('task-recurrence').getByText('每月').waitFor();
    await row.getByText('高').waitFor();
    await row.getByTestId('task-check').click();
    await page.getByTestId('tasks-empty').waitFor();
    await page.getByTestId('tasks-tab-upcoming').click();
    await page.getByTestId('task-row').filter({ hasText: '月度设备巡检回访' }).waitFor();
    const upcoming = (await api(context, 'GET', '/tasks?view=upcoming')).items;
    expect(upcoming).toEqual([expect.objectContaining({ title: '月度设备巡检回访', dueOn: nextDueOn(today(), 'monthly'), recurrence: 'monthly', priority: 'high', status: 'open' })]);
    await screenshot(page, 'activities-06-next-month');
    await context.close();
  });

  it('on a phone in English: the warning and the tasks without sideways scrolling', async () => {
    const context = await journey.browser.newContext({ locale: 'en-US', timezoneId: 'Asia/Shanghai', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const page = await signIn(context, second);
    await page.goto(`${journey.server.url}/customers/${poolCustomerId}`);
    await page.getByTestId('contact-guard').getByText(`${first.name} called this customer on`, { exact: false }).waitFor();
    await page.getByTestId('follow-up-composer').getByText('Log follow-up').waitFor();
    await noSidewaysScroll(page);
    await screenshot(page, 'activities-07-phone-customer');

    await page.goto(`${journey.server.url}/tasks`);
    await page.getByTestId('tasks-empty').getByText('Nothing due today', { exact: false }).waitFor();
    await noSidewaysScroll(page);
    await screenshot(page, 'activities-08-phone-tasks');
    await context.close();
  });

  it('the administrator turns the contact guard off: no one is warned', async () => {
    const context = await desktop();
    const page = await signIn(context, admin);
    await page.goto(`${journey.server.url}/admin/sales-settings`);
    const card = page.getByTestId('contact-guard-settings');
    expect(await card.getByTestId('contact-guard-days').inputValue()).toBe('7');
    await card.getByTestId('contact-guard-days').fill('0');
    await card.getByTestId('contact-guard-save').click();
    await page.getByText('已保存').first().waitFor();
    expect(await api(context, 'GET', '/settings/contact-guard')).toMatchObject({ days: 0 });
    await screenshot(page, 'activities-09-guard-setting');
    await context.close();

    const other = await desktop();
    const secondPage = await signIn(other, second);
    await secondPage.goto(`${journey.server.url}/customers/${poolCustomerId}?activity=follow-ups`);
    await secondPage.getByTestId('follow-up-row').first().waitFor();
    expect(await secondPage.getByTestId('contact-guard').count()).toBe(0);
    await other.close();
  });
});
