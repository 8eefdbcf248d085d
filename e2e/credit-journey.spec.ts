import type { BrowserContext, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { chooseOption, expectAccessible, screenshot, signIn, useJourney } from './server.js';

/**
 * Credit rating (6C): on an organisation customer's page the administrator enters the evidence
 * (yuan on screen) and sees the rating, each C's score with its rule and the policy applied; axe
 * on the card and the form; the settings refuse weights that do not add up to 100; the card in
 * English on a 390 px phone.
 * No instalments are due: Character is the neutral 50. Capacity 70 (ratios 1.2 and 0.8), Capital
 * 80 (equity 40 %), Collateral 60, Conditions 75, Continuity 90 (founded 2010, stability 4):
 * (50 × 25 + 70 × 20 + 80 × 20 + 60 × 10 + 75 × 10 + 90 × 15) / 100 = 69.5 → 70 → B.
 */
const journey = useJourney();
let customerId = 0;

async function api(context: BrowserContext, method: 'GET' | 'POST', url: string, data?: unknown) {
  const res = await context.request.fetch(`${journey.server.url}/api/v1${url}`, { method, ...(data === undefined ? {} : { data }) });
  const body = res.status() === 204 ? null : await res.json();
  if (!res.ok()) throw new Error(`${method} ${url}: ${res.status()} ${JSON.stringify(body)}`);
  return body;
}
const noSidewaysScroll = async (page: Page) => expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

beforeAll(async () => {
  const setup = await journey.browser.newContext();
  await api(setup, 'POST', '/auth/login', { email: 'admin@example.com', password: 'e2e-admin-password' });
  customerId = (await api(setup, 'POST', '/customers', { kind: 'organization', name: '信用旅程有限公司', organization: { foundedYear: 2010 } })).id;
  await setup.close();
});

describe('credit rating in Chromium', () => {
  it('enters the evidence and shows the rating, the six scores and the policy', async () => {
    const context = await journey.browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
    const page = await signIn(context, journey.server.url);
    await page.goto(`${journey.server.url}/customers/${customerId}`);
    const card = page.getByTestId('customer-credit-card');
    await card.getByText('尚未评级').waitFor();
    await card.getByTestId('credit-assess').click();
    const drawer = page.getByTestId('credit-drawer');
    await drawer.getByTestId('credit-current-assets').fill('3,000,000');
    await drawer.getByTestId('credit-current-liabilities').fill('2500000');
    await drawer.getByTestId('credit-inventory').fill('1000000');
    await drawer.getByTestId('credit-total-assets').fill('10000000');
    await drawer.getByTestId('credit-total-liabilities').fill('6000000');
    await drawer.getByTestId('credit-owners-equity').fill('4000000');
    await drawer.getByTestId('credit-collateral').fill('300000');
    await drawer.getByTestId('credit-requested-limit').fill('500000');
    await chooseOption(page, drawer.getByTestId('credit-conditions'), '4 - 良好');
    // Both lists offer the same options: the first must be gone before the second opens.
    await expect.poll(() => page.locator('.ant-select-dropdown:visible').count()).toBe(0);
    await chooseOption(page, drawer.getByTestId('credit-stability'), '4 - 良好');
    await drawer.getByTestId('credit-save').click();
    await expect.poll(() => card.getByTestId('credit-rating').textContent()).toBe('B');
    expect(await card.getByTestId('credit-total').textContent()).toBe('70');
    const factors = await card.getByTestId('credit-factors').textContent();
    expect(factors).toContain('流动比率');
    expect(factors).toContain('70 / 100');
    expect(factors).toContain('尚无到期回款计划');
    const policy = await card.getByTestId('credit-policy').textContent();
    expect(policy).toContain('200,000.00');
    expect(policy).toContain('30 天');
    expect(policy).toContain('一般');
    // The customer's own record now carries the limit (in yuan) and the standing.
    const customer = await (await context.request.get(`${journey.server.url}/api/v1/customers/${customerId}`)).json();
    expect(customer.organization).toMatchObject({ creditStanding: 'fair', creditLimit: 20_000_000 });
    await screenshot(page, 'credit-02-card');
    // The form again, filled with the saved evidence in yuan; axe on it.
    await card.getByTestId('credit-assess').click();
    expect(await drawer.getByTestId('credit-current-assets').inputValue()).toBe('3,000,000');
    await expectAccessible(page, 'credit-form');
    await drawer.getByRole('button', { name: /取\s*消/ }).click();
    await drawer.waitFor({ state: 'hidden' });

    // 设置 → 信用评级: weights that do not add up to 100 are refused beside the form, nothing saved.
    await page.goto(`${journey.server.url}/admin/credit-settings`);
    const character = page.getByTestId('credit-weight-character');
    await character.fill('24');
    await expect.poll(() => page.getByTestId('credit-weight-sum').textContent()).toContain('99');
    await page.getByTestId('credit-settings-save').click();
    await expect.poll(() => page.getByTestId('form-error').textContent()).toContain('六项权重之和必须为 100');
    await screenshot(page, 'credit-03-settings');
    expect((await (await context.request.get(`${journey.server.url}/api/v1/settings/credit`)).json()).version).toBe(0);
    await character.fill('25');
    await page.getByTestId('credit-settings-save').click();
    await expect.poll(async () => (await (await context.request.get(`${journey.server.url}/api/v1/settings/credit`)).json()).version).toBe(1);
    await context.close();
  });

  it('in English on a phone', async () => {
    const context = await journey.browser.newContext({ locale: 'en-US', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const page = await signIn(context, journey.server.url);
    await page.goto(`${journey.server.url}/customers/${customerId}`);
    await page.getByTestId('related-tab').click();
    const card = page.getByTestId('customer-credit-card');
    await card.getByText('Credit rating (6C)').waitFor();
    await expect.poll(() => card.getByTestId('credit-rating').textContent()).toBe('B');
    expect(await card.getByTestId('credit-factors').textContent()).toContain('current ratio');
    await noSidewaysScroll(page);
    await screenshot(page, 'credit-04-phone');
    await card.getByTestId('credit-assess').click();
    await page.getByTestId('credit-drawer').getByTestId('credit-current-assets').waitFor();
    await noSidewaysScroll(page);
    await context.close();
  });
});
