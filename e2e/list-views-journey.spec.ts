import type { BrowserContext, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { admin, chooseOption, clickUntilShown, screenshot, signIn as signInAs, useJourney } from './server.js';

/**
 * Saved list views on the customer list: a salesperson filters his customers, saves the filter as
 * a view, opens the plain list again and picks the view to see the filtered list; makes it his
 * default, so the list opens with it after a reload; sorts by next follow-up; uses the built-in
 * "due for follow-up today"; renames and deletes his view (confirmed). His manager shares a view
 * with the department, which the salesperson finds under "shared with me" and which shows him his
 * own customers only. A phone in English: the switcher fits, nothing scrolls sideways. The same
 * switcher on the leads list ("my leads") and the deals table (a view of deals above 10,000 yuan).
 */
const journey = useJourney();

const seller = { email: 'views.seller@example.com', password: 'views-seller-password', name: '陈销售' };
const manager = { email: 'views.manager@example.com', password: 'views-manager-password', name: '林经理' };

async function api(context: BrowserContext, method: 'GET' | 'POST' | 'PUT', url: string, data?: unknown) {
  const res = await context.request.fetch(`${journey.server.url}/api/v1${url}`, { method, ...(data === undefined ? {} : { data }) });
  const body = res.status() === 204 ? null : await res.json();
  if (!res.ok()) throw new Error(`${method} ${url}: ${res.status()} ${JSON.stringify(body)}`);
  return body;
}

const signIn = (context: BrowserContext, who: { email: string; password: string }) => signInAs(context, journey.server.url, who);
const desktop = (locale = 'zh-CN') => journey.browser.newContext({ locale, timezoneId: 'Asia/Shanghai', viewport: { width: 1280, height: 900 } });
const today = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });

/** The customer names the list shows now, in order. */
async function shown(page: Page): Promise<string[]> {
  await page.getByTestId('customer-table').locator('.ant-spin-spinning').waitFor({ state: 'detached' }).catch(() => undefined);
  return page.getByTestId('customer-link').allInnerTexts();
}

/** Picks a view and makes sure the switcher took it (a click on a re-rendering list can choose nothing). */
async function pickView(page: Page, name: string): Promise<void> {
  await chooseOption(page, page.getByTestId('view-switcher'), name);
}

/**
 * Runs an item of the view actions menu. The menu lists rename and delete only for one's own view,
 * so it is opened again (up to three times) while the item has not appeared: under load the first
 * opening can show the menu of the view that was active a moment before.
 */
async function viewAction(page: Page, label: string): Promise<void> {
  const item = page.locator('.ant-dropdown:visible .ant-dropdown-menu-item').filter({ hasText: label }).first();
  for (let attempt = 1; ; attempt += 1) {
    try {
      if (!(await item.isVisible())) await page.getByTestId('view-actions').click();
      await item.click({ timeout: 10_000 });
      return;
    } catch (error) {
      if (attempt >= 3) throw error;
    }
  }
}

beforeAll(async () => {
  const setup = await journey.browser.newContext();
  await api(setup, 'POST', '/auth/login', admin);
  const roles = await api(setup, 'GET', '/roles?pageSize=100');
  const roleId = (key: string) => roles.items.find((r: { key: string; id: number }) => r.key === key).id;
  const departmentId = (await api(setup, 'POST', '/departments', { name: '华北销售部' })).id;
  const sellerId = (await api(setup, 'POST', '/users', { ...seller, roleId: roleId('salesperson'), departmentId })).id;
  await api(setup, 'POST', '/users', { ...manager, roleId: roleId('sales_manager'), departmentId });
  const customer = async (name: string, status: string, ownerId: number | null = sellerId) => (await api(setup, 'POST', '/customers', { kind: 'organization', name, status, ownerId })).id as number;
  await customer('甲目标科技有限公司', 'target');
  await customer('乙目标贸易有限公司', 'target');
  const due = await customer('丙潜在制造有限公司', 'potential');
  await customer('丁潜在物流有限公司', 'potential');
  // Another salesperson's customer: the manager's shared view must not bring it to the seller.
  const other = (await api(setup, 'POST', '/users', { email: 'views.other@example.com', password: 'views-other-password', name: '周其他', roleId: roleId('salesperson'), departmentId })).id;
  await customer('戊别人目标有限公司', 'target', other);
  // 丙 is due for a follow-up today (the next step of its latest follow-up).
  await api(setup, 'POST', '/follow-ups', { customerId: due, kind: 'call', content: '约好今天回电', nextOn: today() });
  // Leads and deals of his and of his colleague, for the same switcher on those lists.
  await api(setup, 'POST', '/leads', { name: '赵线索', source: 'telemarketing', ownerId: sellerId });
  await api(setup, 'POST', '/leads', { name: '钱线索', source: 'telemarketing', ownerId: other });
  await api(setup, 'POST', '/opportunities', { customerId: due, name: '丙厂扩产项目', amount: 3_000_000, expectedCloseDate: '2027-06-30', ownerId: sellerId });
  await api(setup, 'POST', '/opportunities', { customerId: due, name: '丙厂维保续约', amount: 500_000, expectedCloseDate: '2027-06-30', ownerId: sellerId });
  await setup.close();
});

describe('saved list views on the customer list', () => {
  it('the salesperson saves a filtered view, opens the plain list, picks the view and sees the filtered list', async () => {
    const context = await desktop();
    const page = await signIn(context, seller);
    await page.goto(`${journey.server.url}/customers`);
    await page.getByTestId('customer-table').waitFor();
    expect((await shown(page)).sort()).toEqual(['丁潜在物流有限公司', '丙潜在制造有限公司', '乙目标贸易有限公司', '甲目标科技有限公司'].sort());
    await expect.poll(() => page.getByTestId('view-switcher').innerText()).toContain('全部客户');
    // The list shows the last and next follow-up.
    await page.getByRole('columnheader', { name: '最近跟进' }).waitFor();
    await page.getByRole('columnheader', { name: '下次跟进' }).waitFor();
    await screenshot(page, 'list-views-01-list');

    await page.getByTestId('filter-status').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '目标客户' }).first().click();
    await page.keyboard.press('Escape');
    await page.waitForURL(/status=target/);
    await expect.poll(() => shown(page)).toHaveLength(2);
    await expect.poll(() => page.getByTestId('view-switcher').innerText()).toContain('未保存的视图');

    await viewAction(page, '另存为视图');
    await page.getByTestId('view-name').fill('我的目标客户');
    await screenshot(page, 'list-views-02-save-as');
    await page.getByTestId('view-save').click();
    await page.locator('.ant-message').filter({ hasText: '视图已保存' }).waitFor();
    await expect.poll(() => page.getByTestId('view-switcher').innerText()).toContain('我的目标客户');

    // The plain list again (after a reload), then the view: the filtered list.
    await page.goto(`${journey.server.url}/customers`);
    await page.reload();
    await expect.poll(() => shown(page)).toHaveLength(4);
    await pickView(page, '我的目标客户');
    await page.waitForURL(/status=target/);
    await expect.poll(async () => (await shown(page)).sort()).toEqual(['乙目标贸易有限公司', '甲目标科技有限公司'].sort());
    await screenshot(page, 'list-views-03-picked');

    // Made the default, the plain address opens with it.
    await viewAction(page, '设为默认视图');
    await page.locator('.ant-message').filter({ hasText: '我的目标客户' }).waitFor();
    await page.goto(`${journey.server.url}/customers`);
    await page.waitForURL(/status=target/);
    await expect.poll(async () => (await shown(page)).sort()).toEqual(['乙目标贸易有限公司', '甲目标科技有限公司'].sort());
    await expect.poll(() => page.getByTestId('view-switcher').innerText()).toContain('我的目标客户');
    await page.getByTestId('view-switcher').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '我的目标客户' }).getByText('默认').waitFor();
    await page.keyboard.press('Escape');

    // Built-in: due for follow-up today; sorted by next follow-up from its column.
    await pickView(page, '今日待跟进');
    await page.waitForURL(/nextFollowUpWithinDays=0/);
    await expect.poll(() => shown(page)).toEqual(['丙潜在制造有限公司']);
    await pickView(page, '全部客户');
    await page.getByRole('columnheader', { name: '下次跟进' }).click();
    await page.waitForURL(/sort=nextFollowUpOn/);
    await expect.poll(async () => (await shown(page))[0]).toBe('丙潜在制造有限公司');
    await screenshot(page, 'list-views-04-sorted-by-next');

    // Rename, then delete with a confirmation; the default goes with it.
    await pickView(page, '我的目标客户');
    await viewAction(page, '重命名或共享');
    await page.getByTestId('view-name').fill('目标客户（改）');
    await page.getByTestId('view-save').click();
    await expect.poll(() => page.getByTestId('view-switcher').innerText()).toContain('目标客户（改）');
    await viewAction(page, '删除视图');
    const confirm = page.locator('.ant-modal-confirm');
    await confirm.locator('.ant-modal-confirm-title').filter({ hasText: '删除视图“目标客户（改）”？' }).waitFor();
    await screenshot(page, 'list-views-05-delete-confirm');
    await confirm.locator('.ant-btn-dangerous').click();
    await page.locator('.ant-message').filter({ hasText: '视图已删除' }).waitFor();
    await expect.poll(() => page.getByTestId('view-switcher').innerText()).toContain('未保存的视图');
    await context.close();
  });

  it("the manager's department view reaches the salesperson, who sees his own customers with it", async () => {
    const managerContext = await desktop();
    const page = await signIn(managerContext, manager);
    await page.goto(`${journey.server.url}/customers?status=target`);
    await expect.poll(() => shown(page)).toHaveLength(3);
    await viewAction(page, '另存为视图');
    await page.getByTestId('view-name').fill('部门目标客户');
    await page.getByTestId('view-visibility').getByText('本部门').click();
    await screenshot(page, 'list-views-06-share');
    await page.getByTestId('view-save').click();
    await page.locator('.ant-message').filter({ hasText: '视图已保存' }).waitFor();
    await managerContext.close();

    const context = await journey.browser.newContext({ locale: 'en-US', timezoneId: 'Asia/Shanghai', viewport: { width: 375, height: 800 }, isMobile: true, hasTouch: true });
    const phone = await signIn(context, seller);
    await phone.goto(`${journey.server.url}/customers`);
    await phone.getByTestId('customer-cards').waitFor();
    // A phone's view switcher is the browser's own select, grouped: the shared view under "Shared with me".
    const switcher = phone.getByTestId('view-switcher');
    const sharedView = switcher.locator('optgroup[label="Shared with me"] option').filter({ hasText: '部门目标客户' });
    await sharedView.waitFor({ state: 'attached' });
    await switcher.selectOption({ label: (await sharedView.textContent()) ?? '' });
    await phone.waitForURL(/status=target/);
    await expect.poll(async () => (await shown(phone)).sort()).toEqual(['乙目标贸易有限公司', '甲目标科技有限公司'].sort());
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await screenshot(phone, 'list-views-07-phone-shared');
    await context.close();
  });

  it('the same views on the leads and deals lists: built-in "mine", a saved view of deals in yuan', async () => {
    const context = await desktop();
    const page = await signIn(context, seller);
    await page.goto(`${journey.server.url}/leads`);
    await page.getByTestId('lead-table').waitFor();
    await pickView(page, '我的线索');
    await page.waitForURL(/ownerId=\d+/);
    await expect.poll(() => page.getByTestId('lead-link').allInnerTexts()).toEqual(['赵线索']);
    await screenshot(page, 'list-views-08-leads-mine');

    // Deals of at least 10,000 yuan in the table, saved; the view keeps fen, the page shows yuan.
    await page.goto(`${journey.server.url}/opportunities?view=table&amountMin=10000`);
    await expect.poll(() => page.getByTestId('deal-link').allInnerTexts()).toEqual(['丙厂扩产项目']);
    await viewAction(page, '另存为视图');
    await page.getByTestId('view-name').fill('万元以上商机');
    // Under load the first click can land while the dialog still opens, and nothing is saved.
    await clickUntilShown(page.getByTestId('view-save'), page.locator('.ant-message').filter({ hasText: '视图已保存' }));
    await pickView(page, '我的商机');
    await expect.poll(() => page.getByTestId('deal-link').allInnerTexts()).toHaveLength(2);
    await pickView(page, '万元以上商机');
    await page.waitForURL(/amountMin=10000(&|$)/);
    expect(new URL(page.url()).searchParams.get('view')).toBe('table');
    await expect.poll(() => page.getByTestId('deal-link').allInnerTexts()).toEqual(['丙厂扩产项目']);
    await screenshot(page, 'list-views-09-deals-view');
    await context.close();
  });
});
