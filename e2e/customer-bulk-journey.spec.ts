import type { BrowserContext } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { admin, screenshot, signIn, useJourney } from './server.js';

const journey = useJourney();
const names = ['批量甲贸易有限公司', '批量乙贸易有限公司', '批量丙贸易有限公司'];

async function api(context: BrowserContext, method: 'GET' | 'POST', url: string, data?: unknown) {
  const res = await context.request.fetch(`${journey.server.url}/api/v1${url}`, { method, ...(data === undefined ? {} : { data }) });
  const body = res.status() === 204 ? null : await res.json();
  if (!res.ok()) throw new Error(`${method} ${url}: ${res.status()} ${JSON.stringify(body)}`);
  return body;
}

describe('bulk actions on the customer list in Chromium', () => {
  it('the administrator tags three customers at once, then deletes two after a counted confirmation', async () => {
    const context = await journey.browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 800 } });
    const page = await signIn(context, journey.server.url, admin);
    const ids: number[] = [];
    for (const name of names) ids.push((await api(context, 'POST', '/customers', { kind: 'organization', name })).id);

    await page.goto(`${journey.server.url}/customers?q=${encodeURIComponent('批量')}`);
    for (const name of names) await page.locator('tr', { hasText: name }).locator('input[type=checkbox]').check();
    await page.getByTestId('bulk-count').getByText('3', { exact: false }).waitFor();
    await page.getByTestId('bulk-add-tags').click();
    await page.getByTestId('bulk-tags-select').click();
    await page.keyboard.type('重点客户');
    await page.keyboard.press('Enter');
    await screenshot(page, 'customer-bulk-01-tags');
    await page.getByTestId('bulk-tags-submit').click();
    await page.getByText('已更新 3 个客户').waitFor();
    for (const id of ids) expect((await api(context, 'GET', `/customers/${id}`)).tags).toEqual(['重点客户']);

    // The selection was cleared: two are picked again and deleted.
    for (const name of names.slice(0, 2)) await page.locator('tr', { hasText: name }).locator('input[type=checkbox]').check();
    await page.getByTestId('bulk-delete').click();
    await page.locator('.ant-modal-confirm-title', { hasText: '删除 2 个客户？它们会进入回收站' }).waitFor();
    await screenshot(page, 'customer-bulk-02-delete');
    await page.getByTestId('bulk-delete-confirm').click();
    await page.getByText('已将 2 个客户移入回收站').waitFor();
    await page.locator('tr', { hasText: names[0] as string }).waitFor({ state: 'detached' });
    await page.locator('tr', { hasText: names[2] as string }).waitFor();
    const left = await api(context, 'GET', `/customers?q=${encodeURIComponent('批量')}`);
    expect(left.items.map((c: { name: string }) => c.name)).toEqual([names[2]]);
    await context.close();
  });
});
