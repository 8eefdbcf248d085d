import type { BrowserContext } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, screenshot, signIn, useJourney } from './server.js';

/**
 * Customer analytics: the administrator recomputes the classes with the button (the progress bar
 * while it runs), the ABC table and class counts show the two customers with signed contracts;
 * in English on a phone. Axe on the page.
 */
const journey = useJourney();

async function api(context: BrowserContext, method: 'GET' | 'POST', url: string, data?: unknown) {
  const res = await context.request.fetch(`${journey.server.url}/api/v1${url}`, { method, ...(data === undefined ? {} : { data }) });
  const body = res.status() === 204 ? null : await res.json();
  if (!res.ok()) throw new Error(`${method} ${url}: ${res.status()} ${JSON.stringify(body)}`);
  return body;
}

beforeAll(async () => {
  const setup = await journey.browser.newContext();
  await api(setup, 'POST', '/auth/login', { email: 'admin@example.com', password: 'e2e-admin-password' });
  for (const [name, amount] of [['分析大客户有限公司', 900_000_00], ['分析小客户有限公司', 100_000_00]] as const) {
    const customer = await api(setup, 'POST', '/customers', { kind: 'organization', name });
    const contract = await api(setup, 'POST', '/contracts', { customerId: customer.id, title: `${name}合同`, amount, signedOn: '2026-11-01' });
    await api(setup, 'POST', `/contracts/${contract.id}/status`, { status: 'active', version: contract.version });
  }
  await setup.close();
});

describe('customer analytics in Chromium', () => {
  it('recomputes and shows the ABC table and the class counts', async () => {
    const context = await journey.browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
    const page = await signIn(context, journey.server.url);
    await page.goto(`${journey.server.url}/analytics`);
    await page.getByText('尚未计算。').waitFor();
    await page.getByTestId('analytics-run').click();
    const table = page.getByTestId('analytics-table');
    const big = table.locator('tr').filter({ hasText: '分析大客户有限公司' });
    await big.waitFor();
    expect(await big.textContent()).toContain('90.00 %');
    const small = table.locator('tr').filter({ hasText: '分析小客户有限公司' });
    expect(await small.textContent()).toContain('100.00 %');
    await page.getByText('计算日期').waitFor();
    await screenshot(page, 'analytics-01-table');
    await expectAccessible(page, 'analytics');
    await context.close();
  });

  it('in English on a phone', async () => {
    const context = await journey.browser.newContext({ locale: 'en-US', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const page = await signIn(context, journey.server.url);
    await page.goto(`${journey.server.url}/analytics`);
    await page.getByTestId('analytics-table').locator('tr').filter({ hasText: '分析大客户有限公司' }).waitFor();
    await page.getByText('Customer analytics').first().waitFor();
    await screenshot(page, 'analytics-02-phone');
    await context.close();
  });
});
