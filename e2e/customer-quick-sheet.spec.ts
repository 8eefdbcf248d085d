import type { BrowserContext, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { admin, chooseOption, clickUntilShown, screenshot, signIn as signInAs, useJourney } from './server.js';

/**
 * The phone customer list (390 px): a card's quick sheet changes the customer's status and next
 * follow-up date without opening the record, saved with the card's version. When someone else
 * saved the customer meanwhile the save is refused with the usual conflict message, the sheet shows
 * what is stored now, and saving again works. No sideways scrolling, axe passes with the sheet open.
 */
const journey = useJourney();

const seller = { email: 'quick.seller@example.com', password: 'quick-seller-password', name: '卫快改' };
const customerName = '快改精密仪器有限公司';
let customerId = 0;

async function api(context: BrowserContext, method: 'GET' | 'POST' | 'PATCH', url: string, data?: unknown) {
  const res = await context.request.fetch(`${journey.server.url}/api/v1${url}`, { method, ...(data === undefined ? {} : { data }) });
  const body = res.status() === 204 ? null : await res.json();
  if (!res.ok()) throw new Error(`${method} ${url}: ${res.status()} ${JSON.stringify(body)}`);
  return body;
}

const noSidewaysScroll = async (page: Page) => expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
const dayFromNow = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  const setup = await journey.browser.newContext();
  await api(setup, 'POST', '/auth/login', admin);
  const roles = await api(setup, 'GET', '/roles?pageSize=100');
  const roleId = (key: string) => roles.items.find((r: { key: string; id: number }) => r.key === key).id;
  const departmentId = (await api(setup, 'POST', '/departments', { name: '快改销售部' })).id;
  const sellerId = (await api(setup, 'POST', '/users', { ...seller, roleId: roleId('salesperson'), departmentId })).id;
  customerId = (await api(setup, 'POST', '/customers', { kind: 'organization', name: customerName, status: 'potential', ownerId: sellerId })).id;
  await setup.close();
});

describe('the phone customer list’s quick sheet, in Chromium', () => {
  it('changes status and next follow-up from a card; a stale save shows the conflict and the stored values', async () => {
    const context = await journey.browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const page = await signInAs(context, journey.server.url, seller);
    await page.goto(`${journey.server.url}/customers`);
    const card = page.getByTestId('customer-cards').getByTestId('customer-card').filter({ hasText: customerName });
    await card.waitFor();
    await noSidewaysScroll(page);
    const form = page.getByTestId('customer-quick-form');
    await clickUntilShown(card.getByTestId('customer-card-quick'), form);
    expect(await form.getByTestId('quick-next-follow-up').inputValue()).toBe('');
    const next = dayFromNow(5);
    const statusSelect = form.getByTestId('quick-status');
    await chooseOption(page, statusSelect, '目标客户');
    await form.getByTestId('quick-next-follow-up').fill(next);
    await screenshot(page, 'customer-quick-01-sheet');
    await noSidewaysScroll(page);
    await form.getByTestId('quick-save').click();
    await form.waitFor({ state: 'hidden' });
    await card.getByText('目标客户').waitFor();
    await card.getByTestId('customer-card-next').waitFor();
    const saved = await api(context, 'GET', `/customers/${customerId}`);
    expect(saved).toMatchObject({ status: 'target', nextFollowUpOn: next });

    // The sheet is opened on the version the card shows; the administrator saves the customer meanwhile.
    await clickUntilShown(card.getByTestId('customer-card-quick'), form);
    expect(await form.getByTestId('quick-next-follow-up').inputValue()).toBe(next);
    const other = await journey.browser.newContext();
    await api(other, 'POST', '/auth/login', admin);
    await api(other, 'PATCH', `/customers/${customerId}`, { version: saved.version, status: 'repeat' });
    await other.close();
    await chooseOption(page, statusSelect, '忠诚客户');
    await form.getByTestId('quick-save').click();
    await page.getByText('此客户刚被他人修改，该行已显示最新内容，请重试。').waitFor();
    // The sheet stays open with what is stored now; the card too.
    await statusSelect.filter({ hasText: '重复购买' }).waitFor();
    await card.getByText('重复购买').waitFor();
    await screenshot(page, 'customer-quick-02-conflict');
    await chooseOption(page, statusSelect, '忠诚客户');
    await form.getByTestId('quick-save').click();
    await form.waitFor({ state: 'hidden' });
    await card.getByText('忠诚客户').waitFor();
    expect(await api(context, 'GET', `/customers/${customerId}`)).toMatchObject({ status: 'loyal', nextFollowUpOn: next, version: saved.version + 2 });
    await noSidewaysScroll(page);
    await context.close();
  });
});
