import type { BrowserContext, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { admin, screenshot, signIn as signInAs, useJourney } from './server.js';

/**
 * The built-in "我的联系人" view of the contacts list: a salesperson who also sees a pool
 * customer's contact chooses it and is left with the contacts of his own customers; the view is
 * in the URL.
 */
const journey = useJourney();

const seller = { email: 'mc.seller@example.com', password: 'mc-seller-password', name: '韩销售' };

async function api(context: BrowserContext, method: 'GET' | 'POST', url: string, data?: unknown) {
  const res = await context.request.fetch(`${journey.server.url}/api/v1${url}`, { method, ...(data === undefined ? {} : { data }) });
  const body = res.status() === 204 ? null : await res.json();
  if (!res.ok()) throw new Error(`${method} ${url}: ${res.status()} ${JSON.stringify(body)}`);
  return body;
}

/** The contact names the table shows now. */
async function shown(page: Page): Promise<string[]> {
  await page.getByTestId('contact-table').locator('.ant-spin-spinning').waitFor({ state: 'detached' }).catch(() => undefined);
  return (await page.getByTestId('contact-table').locator('.ant-table-row td:first-child').allInnerTexts()).map((s) => s.trim()).sort();
}

beforeAll(async () => {
  const setup = await journey.browser.newContext();
  await api(setup, 'POST', '/auth/login', admin);
  const roles = await api(setup, 'GET', '/roles?pageSize=100');
  const roleId = (key: string) => roles.items.find((r: { key: string; id: number }) => r.key === key).id;
  const departmentId = (await api(setup, 'POST', '/departments', { name: '联系人视图部' })).id;
  const sellerId = (await api(setup, 'POST', '/users', { ...seller, roleId: roleId('salesperson'), departmentId })).id;
  const mine = (await api(setup, 'POST', '/customers', { kind: 'organization', name: '韩氏自有客户有限公司', ownerId: sellerId })).id;
  const pool = (await api(setup, 'POST', '/customers', { kind: 'organization', name: '公海联系人客户有限公司', ownerId: null })).id;
  await api(setup, 'POST', '/contacts', { customerId: mine, name: '自有甲' });
  await api(setup, 'POST', '/contacts', { customerId: mine, name: '自有乙' });
  await api(setup, 'POST', '/contacts', { customerId: pool, name: '公海丙' });
  await setup.close();
});

describe('my contacts in Chromium', () => {
  it('the built-in view leaves the contacts of my own customers', async () => {
    const context = await journey.browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1280, height: 900 } });
    const page = await signInAs(context, journey.server.url, seller);
    await page.goto(`${journey.server.url}/contacts`);
    await expect.poll(() => shown(page)).toEqual(['公海丙', '自有乙', '自有甲'].sort());
    await page.getByTestId('view-switcher').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '我的联系人' }).first().click();
    await page.waitForURL(/ownerId=\d+/);
    await expect.poll(() => shown(page)).toEqual(['自有乙', '自有甲'].sort());
    await expect.poll(() => page.getByTestId('view-switcher').innerText()).toContain('我的联系人');
    await screenshot(page, 'my-contacts-01');
    await context.close();
  });
});
