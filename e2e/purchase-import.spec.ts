import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screenshot, signIn, useJourney } from './server.js';

const journey = useJourney();
const shot = (page: Page, name: string) => screenshot(page, `purchase-import-${name}`);

async function createCustomer(context: BrowserContext, body: Record<string, unknown>): Promise<{ id: number; archiveNo: string }> {
  const response = await context.request.post(`${journey.server.url}/api/v1/customers`, { data: body });
  expect(response.status()).toBe(201);
  return (await response.json()) as { id: number; archiveNo: string };
}

describe('purchase history import in Chromium', () => {
  it('imports a shop export through the wizard; the revenue dashboard counts it at once', async () => {
    const context = await journey.browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    const page = await signIn(context, journey.server.url);
    const shop = await createCustomer(context, { kind: 'organization', name: '购买导入测试商店有限公司', mobile: '13900000021' });
    await createCustomer(context, { kind: 'person', name: '王小明', mobile: '13900000022' });
    const month = new Date().toISOString().slice(0, 7);
    const day = `${month}-01`;
    // As a shop keeps it: the customer by name, archive number or phone, yuan with separators, a margin, a totals row.
    const csv = [
      '客户名称,购买日期,实付金额,毛利率,商品',
      `购买导入测试商店有限公司,${day},"1,200.50",35%,办公椅`,
      `${shop.archiveNo},${day},800,,打印纸`,
      `+86 139 0000 0022,${day},¥99,,台灯`,
      `没有这个客户,${day},50,,茶叶`,
      `合计,,"2,149.50",,`,
    ].join('\r\n');

    await page.goto(`${journey.server.url}/imports?entity=purchases`);
    await page.locator('input[type=file]').setInputFiles({ name: '门店销售.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
    await page.getByTestId('import-mapping').waitFor();
    await shot(page, '01-mapping');
    await page.getByTestId('import-preview').click();
    await page.getByTestId('import-preview-table').waitFor();
    // The unknown customer is refused, and the wizard says why before anything starts.
    await expect.poll(() => page.getByTestId('import-rejected-reasons').textContent(), { timeout: 15_000 }).toContain('客户');
    await shot(page, '02-preview');
    await page.getByTestId('import-start').click();

    await page.getByTestId('import-finished').waitFor({ timeout: 60_000 });
    const count = async (outcome: string) =>
      Number((await page.getByTestId(`import-count-${outcome}`).locator('.ant-statistic-content-value').textContent())?.replace(/\D/g, ''));
    expect(await count('created')).toBe(3);
    expect(await count('rejected')).toBe(1);
    await shot(page, '03-finished');

    // The revenue of this month: 1,200.50 + 800 + 99 yuan from two customers, in fen.
    const revenue = await (await context.request.get(`${journey.server.url}/api/v1/analytics/dashboard/revenue`)).json();
    const thisMonth = (revenue.months as Array<{ month: string; revenue: number; customers: number }>).find((m) => m.month === month);
    expect(thisMonth).toEqual({ month, revenue: 209_950, customers: 2 });
    await context.close();
  });
});
