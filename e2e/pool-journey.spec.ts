import type { BrowserContext } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { admin, clickUntilShown, screenshot, signIn as signInAs, useJourney } from './server.js';

const journey = useJourney();

beforeAll(async () => {
  // Two salespeople, created by the administrator through the API.
  const setup = await journey.browser.newContext();
  await api(setup, 'POST', '/auth/login', admin);
  const roles = await api(setup, 'GET', '/roles?pageSize=100');
  const salesRole = roles.items.find((r: { key: string }) => r.key === 'salesperson');
  for (const who of [seller, receiver]) {
    const user = await api(setup, 'POST', '/users', { ...who, roleId: salesRole.id });
    users[who.email] = user.id;
  }
  await setup.close();
});
const shot = screenshot;

const seller = { email: 'seller1@example.com', password: 'seller-one-password', name: '销售甲' };
const receiver = { email: 'seller2@example.com', password: 'seller-two-password', name: '销售乙' };
const customerName = '公海测试贸易有限公司';
const users: Record<string, number> = {};

const signIn = (context: BrowserContext, who: { email: string; password: string }) => signInAs(context, journey.server.url, who);

async function api(context: BrowserContext, method: 'GET' | 'POST', url: string, data?: unknown) {
  const res = await context.request.fetch(`${journey.server.url}/api/v1${url}`, { method, ...(data === undefined ? {} : { data }) });
  const body = res.status() === 204 ? null : await res.json();
  if (!res.ok()) throw new Error(`${method} ${url}: ${res.status()} ${JSON.stringify(body)}`);
  return body;
}

describe('public pool journey in Chromium', () => {
  it('salesperson claims from the pool and follows up; admin transfers from the list; the new owner is notified', async () => {
    // Admin puts a customer in the pool through the API.
    const adminContext = await journey.browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 800 } });
    const adminPage = await signIn(adminContext, admin);
    const created = await api(adminContext, 'POST', '/customers', { kind: 'organization', name: customerName, ownerId: null });
    expect(created.ownerId).toBeNull();

    // The salesperson finds it in the pool and claims it.
    const sellerContext = await journey.browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 800 } });
    const sellerPage = await signIn(sellerContext, seller);
    // The sidebar's entries are links (a new tab opens them); a salesperson, who reads users and
    // departments only to pick owners, sees no administration menu.
    await sellerPage.getByTestId('nav-menu').waitFor();
    expect(await sellerPage.getByTestId('nav-menu').locator('a[href="/pool"]').count()).toBe(1);
    expect(await sellerPage.getByTestId('nav-menu').getByText('系统管理').count()).toBe(0);
    expect(await sellerPage.locator('a[href="/admin/users"], a[href="/admin/departments"]').count()).toBe(0);
    await sellerPage.getByTestId('nav-pool').click();
    await sellerPage.waitForURL(/\/pool/);
    const row = sellerPage.locator('tr', { hasText: customerName });
    await row.waitFor();
    await shot(sellerPage, 'pool-01-pool-page');
    await row.getByTestId('pool-claim').click();
    await sellerPage.getByTestId('claim-confirm').click();
    await expect.poll(() => sellerPage.locator('tr', { hasText: customerName }).count(), { timeout: 10_000 }).toBe(0);
    const claimed = await api(sellerContext, 'GET', `/customers/${created.id}`);
    expect(claimed.ownerId).toBe(users[seller.email]);

    // ...adds a follow-up on the customer page and sees both on the timeline.
    await sellerPage.goto(`${journey.server.url}/customers/${created.id}`);
    // One way to log it: the composer over the timeline (no second 跟进 button beside it).
    expect(await sellerPage.getByTestId('follow-up-add').count()).toBe(0);
    await sellerPage.getByTestId('follow-up-content').fill('电话沟通，客户下周来访');
    await sellerPage.getByTestId('follow-up-log').click();
    await expect.poll(() => sellerPage.getByTestId('last-follow-up').textContent(), { timeout: 10_000 }).not.toContain('从未');
    const timeline = sellerPage.getByTestId('customer-history');
    await expect.poll(() => timeline.textContent(), { timeout: 10_000 }).toContain('电话沟通，客户下周来访');
    await expect.poll(() => sellerPage.locator('[data-testid=history-entry][data-action=claim]').count()).toBe(1);
    await expect.poll(() => sellerPage.locator('[data-testid=history-entry][data-action=follow_up]').count()).toBe(1);
    await shot(sellerPage, 'pool-02-timeline');
    // Filter the timeline by kind: follow-ups only (sent as actions=follow_up).
    await sellerPage.getByTestId('timeline-filter').click();
    await sellerPage.locator('.ant-select-item-option', { hasText: '跟进' }).click();
    await expect.poll(() => sellerPage.locator('[data-testid=history-entry][data-action=claim]').count(), { timeout: 10_000 }).toBe(0);
    await expect.poll(() => sellerPage.locator('[data-testid=history-entry]').count()).toBe(1);

    // Admin transfers it to the other salesperson from the customer list's bulk bar.
    await adminPage.goto(`${journey.server.url}/customers?q=${encodeURIComponent(customerName)}`);
    const adminRow = adminPage.locator('tr', { hasText: customerName });
    await adminRow.waitFor();
    await adminRow.locator('input[type=checkbox]').check();
    await adminPage.getByTestId('bulk-bar').waitFor();
    await adminPage.getByTestId('bulk-transfer').click();
    await adminPage.getByTestId('transfer-owner').click();
    await adminPage.keyboard.type(receiver.name);
    await adminPage.locator('.ant-select-item-option', { hasText: receiver.name }).click();
    await shot(adminPage, 'pool-03-transfer');
    await adminPage.getByTestId('transfer-submit').click();
    await expect.poll(async () => (await api(adminContext, 'GET', `/customers/${created.id}`)).ownerId, { timeout: 10_000 }).toBe(
      users[receiver.email],
    );

    // The new owner sees the notification count in the header and the message in the list.
    const receiverContext = await journey.browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 800 } });
    const receiverPage = await signIn(receiverContext, receiver);
    const count = receiverPage.getByTestId('notification-count');
    await expect.poll(() => count.getAttribute('data-count'), { timeout: 10_000 }).toBe('1');
    await receiverPage.getByTestId('notification-bell').click();
    const item = receiverPage.getByTestId('notification-item').first();
    await expect.poll(() => item.textContent(), { timeout: 10_000 }).toContain(customerName);
    await receiverPage.waitForLoadState('networkidle');
    await receiverPage.waitForTimeout(400); // the popover's opening animation
    await shot(receiverPage, 'pool-04-notification');
    await item.click();
    await receiverPage.waitForURL(new RegExp(`/customers/${created.id}$`));
    await expect.poll(() => count.getAttribute('data-count'), { timeout: 10_000 }).toBe('0');

    // The transfer is on the timeline too.
    await expect.poll(() => receiverPage.locator('[data-testid=history-entry][data-action=assign]').count(), { timeout: 10_000 }).toBe(1);

    await Promise.all([adminContext.close(), sellerContext.close(), receiverContext.close()]);
  });

  it('admin edits the pool rules and runs them, sets attachment limits, and attaches a file to a customer', async () => {
    const context = await journey.browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 800 } });
    const page = await signIn(context, admin);
    await page.getByTestId('nav-pool-rules').click();
    await page.waitForURL(/\/admin\/pool-rules$/);
    await page.locator('#pool_rules_maxCustomersPerUser').fill('200');
    await page.getByTestId('pool-rules-save').click();
    await expect.poll(async () => (await api(context, 'GET', '/settings/pool-rules')).maxCustomersPerUser, { timeout: 10_000 }).toBe(200);
    await page.getByTestId('pool-rules-run').click();
    // Under load the first click can land while the confirmation still opens, and nothing runs.
    await clickUntilShown(page.getByTestId('pool-run-confirm'), page.getByTestId('pool-run-result'));
    await page.waitForTimeout(400); // the confirmation's closing animation
    await shot(page, 'pool-08-rules');

    await page.getByTestId('nav-attachment-settings').click();
    await page.locator('#attachment_settings_maxSizeMb').fill('5');
    await page.getByTestId('attachment-settings-save').click();
    await expect.poll(async () => (await api(context, 'GET', '/settings/attachments')).maxSizeMb, { timeout: 10_000 }).toBe(5);
    await shot(page, 'pool-09-attachment-settings');

    const customer = await api(context, 'POST', '/customers', { kind: 'organization', name: '附件测试有限公司' });
    await page.goto(`${journey.server.url}/customers/${customer.id}`);
    await page.getByTestId('attachment-hint').waitFor();
    expect(await page.getByTestId('attachment-hint').textContent()).toContain('5 MB');
    await page.locator('input[type=file]').setInputFiles({ name: '拜访纪要.txt', mimeType: 'text/plain', buffer: Buffer.from('客户希望下周报价\n') });
    await expect.poll(() => page.getByTestId('customer-attachments').textContent(), { timeout: 10_000 }).toContain('拜访纪要.txt');
    // A file whose content does not match its extension: the server's message is shown, nothing is listed.
    await page.locator('input[type=file]').setInputFiles({ name: 'fake.pdf', mimeType: 'application/pdf', buffer: Buffer.from('not a pdf') });
    await page.locator('.ant-message-error').waitFor({ timeout: 10_000 });
    await shot(page, 'pool-10-attachments');
    expect(await page.getByTestId('attachment-row').count()).toBe(1);
    await page.getByTestId('attachment-delete').click();
    await page.getByTestId('attachment-delete-confirm').click();
    await page.getByTestId('attachments-empty').waitFor({ timeout: 10_000 });
    await expect.poll(() => page.locator('[data-testid=history-entry][data-action=attach]').count(), { timeout: 10_000 }).toBe(1);
    await expect.poll(() => page.locator('[data-testid=history-entry][data-action=detach]').count(), { timeout: 10_000 }).toBe(1);
    await context.close();
  });

  it('pool page and notifications work on a 390 px phone screen, in English', async () => {
    const adminContext = await journey.browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 800 } });
    await signIn(adminContext, admin);
    for (const name of ['Pool Phone Test Ltd', 'Second Pool Co']) {
      await api(adminContext, 'POST', '/customers', { kind: 'organization', name, ownerId: null });
    }
    await adminContext.close();

    const context = await journey.browser.newContext({ locale: 'en-US', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const page = await signIn(context, receiver);
    await page.goto(`${journey.server.url}/pool`);
    await page.getByTestId('pool-cards').waitFor();
    await page.waitForLoadState('networkidle');
    expect(await page.locator('body').textContent()).toMatch(/Public pool/);
    await shot(page, 'pool-05-phone-pool');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);

    // Claim from a card, then the customer page fits the phone too.
    const card = page.locator('.ant-list-item', { hasText: 'Pool Phone Test Ltd' });
    await card.getByTestId('pool-claim').click();
    await page.getByTestId('claim-confirm').click();
    await expect.poll(() => page.locator('.ant-list-item', { hasText: 'Pool Phone Test Ltd' }).count(), { timeout: 10_000 }).toBe(0);
    await page.goto(`${journey.server.url}/customers?q=${encodeURIComponent('Pool Phone Test')}`);
    await page.locator('[data-testid=customer-link]:visible', { hasText: 'Pool Phone Test Ltd' }).click();
    await page.getByTestId('ownership-summary').waitFor();
    await page.waitForLoadState('networkidle');
    await shot(page, 'pool-07-phone-customer');
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);

    await page.locator('[data-testid=notification-bell]:visible').click();
    await page.getByTestId('notification-panel').waitFor();
    await page.waitForTimeout(500); // the drawer's slide-in
    await shot(page, 'pool-06-phone-notifications');
    const drawerWidth = await page.getByTestId('notification-panel').evaluate((el) => el.getBoundingClientRect().width);
    expect(drawerWidth).toBeGreaterThan(300);
    await context.close();
  });
});
