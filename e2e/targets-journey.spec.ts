import type { BrowserContext } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { admin, screenshot, signIn as signInAs, useJourney } from './server.js';

/**
 * Sales targets: a sales manager sets a salesperson's target for this month in the drawer, and
 * the table shows it against the customers the salesperson won (the department rolling up); the
 * salesperson sees only his own line; his actual figure opens his customers of the period; the
 * page on a phone and in English.
 */
const journey = useJourney();

const manager = { email: 'target.manager@example.com', password: 'target-manager-password', name: '冯经理' };
const seller = { email: 'target.seller@example.com', password: 'target-seller-password', name: '陈目标' };

async function api(context: BrowserContext, method: 'GET' | 'POST' | 'PUT', url: string, data?: unknown) {
  const res = await context.request.fetch(`${journey.server.url}/api/v1${url}`, { method, ...(data === undefined ? {} : { data }) });
  const body = res.status() === 204 ? null : await res.json();
  if (!res.ok()) throw new Error(`${method} ${url}: ${res.status()} ${JSON.stringify(body)}`);
  return body;
}

const signIn = (context: BrowserContext, who: { email: string; password: string }) => signInAs(context, journey.server.url, who);

beforeAll(async () => {
  const setup = await journey.browser.newContext();
  await api(setup, 'POST', '/auth/login', admin);
  const roles = await api(setup, 'GET', '/roles?pageSize=100');
  const roleId = (key: string) => roles.items.find((r: { key: string; id: number }) => r.key === key).id;
  const departmentId = (await api(setup, 'POST', '/departments', { name: '目标一部' })).id;
  await api(setup, 'POST', '/users', { ...manager, roleId: roleId('sales_manager'), departmentId });
  const sellerId = (await api(setup, 'POST', '/users', { ...seller, roleId: roleId('salesperson'), departmentId })).id;
  // Created now: this month's new customer of the salesperson.
  await api(setup, 'POST', '/customers', { kind: 'organization', name: '目标测试客户有限公司', ownerId: sellerId });
  await setup.close();
});

describe('sales targets in Chromium', () => {
  it("a manager sets this month's target and sees attainment rolled up to the department", async () => {
    const context = await journey.browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
    const page = await signIn(context, manager);
    await page.goto(`${journey.server.url}/targets?metric=new_customers`);
    const table = page.getByTestId('targets-table');
    const sellerRow = table.locator('tr').filter({ hasText: seller.name });
    await sellerRow.getByText('未设目标').waitFor();
    await screenshot(page, 'targets-01-before');

    await sellerRow.getByRole('button', { name: `设置目标 ${seller.name}` }).click();
    const drawer = page.getByTestId('target-drawer');
    await drawer.getByTestId('target-subject').getByText(seller.name).waitFor();
    const month = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' }).slice(0, 7);
    await drawer.getByTestId(`target-${month}`).fill('2');
    await screenshot(page, 'targets-02-drawer');
    await page.getByTestId('target-save').click();
    await drawer.waitFor({ state: 'hidden' });

    await sellerRow.getByText('50%').waitFor();
    const departmentRow = table.locator('tr').filter({ hasText: '目标一部' });
    expect(await departmentRow.textContent()).toContain('未设目标');
    await screenshot(page, 'targets-03-after');

    // The quarter adds up its months.
    await page.getByTestId('target-kind').getByText('季度').click();
    await sellerRow.getByText('50%').waitFor();

    // The actual figure drills down to the customers behind it: the salesperson's, created this quarter.
    await sellerRow.getByRole('link', { name: '1', exact: true }).click();
    await page.waitForURL(/\/customers\?/);
    const url = new URL(page.url());
    expect(url.searchParams.get('ownerId')).toMatch(/^\d+$/);
    expect(url.searchParams.get('createdFrom')).toMatch(/^\d{4}-(01|04|07|10)-01$/);
    expect(url.searchParams.get('createdTo')).toMatch(/^\d{4}-(03-31|06-30|09-30|12-31)$/);
    await page.getByText('目标测试客户有限公司').first().waitFor();
    await context.close();
  });

  it('a salesperson sees his own line, on a phone, in English', async () => {
    const context = await journey.browser.newContext({ locale: 'en-US', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const page = await signIn(context, seller);
    await page.goto(`${journey.server.url}/targets?metric=new_customers`);
    const table = page.getByTestId('targets-table');
    await table.getByText(seller.name).waitFor();
    expect(await table.locator('tbody tr.ant-table-row').count()).toBe(1);
    await page.getByText('Sales targets').first().waitFor();
    expect(await page.getByTestId('target-set').count()).toBe(0);
    await screenshot(page, 'targets-04-phone');
    await context.close();
  });
});
