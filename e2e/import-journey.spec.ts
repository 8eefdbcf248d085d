import fs from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { clickUntilShown, screenshot, signIn, useJourney } from './server.js';

const journey = useJourney();
const shot = (page: Page, name: string) => screenshot(page, `import-${name}`);
const login = (context: BrowserContext) => signIn(context, journey.server.url);

async function createCustomer(context: BrowserContext, body: Record<string, unknown>): Promise<{ id: number; name: string }> {
  const response = await context.request.post(`${journey.server.url}/api/v1/customers`, { data: body });
  expect(response.status()).toBe(201);
  return (await response.json()) as { id: number; name: string };
}

// Five rows: two good, one bad email, one without a name, one duplicate (same mobile) of an existing customer.
const csv = [
  '客户名称,手机,邮箱,城市,备注',
  '杭州导入测试一有限公司,13900000011,a1@example.com,杭州,第一行',
  '上海导入测试二有限公司,13900000012,bad-email,上海,邮箱错误',
  ',13900000013,,北京,缺少名称',
  '杭州已有客户有限公司,13800000001,,杭州,重复客户',
  '深圳导入测试五有限公司,13900000015,a5@example.com,深圳,第五行',
].join('\r\n');

describe('import and export journey in Chromium', () => {
  it('imports a CSV through the wizard, downloads the report, finds the customer, exports the list', async () => {
    const context = await journey.browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    const page = await login(context);
    await createCustomer(context, { kind: 'organization', name: '杭州已有客户有限公司', mobile: '13800000001' });

    // The customers list offers the import.
    await page.goto(`${journey.server.url}/customers`);
    await page.getByTestId('customer-import').click();
    await page.waitForURL(/\/imports/);

    // Step 1: upload (the drop zone's file input).
    await page.locator('input[type=file]').setInputFiles({ name: '客户导入.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
    await page.getByTestId('import-mapping').waitFor();
    // Step 2: recognised Chinese headers are mapped already.
    await expect.poll(() => page.getByTestId('import-map-0').textContent(), { timeout: 15_000 }).toContain('客户名称');
    await shot(page, '01-mapping');
    await page.getByTestId('import-preview').click();

    // Step 3: preview with each row's outcome.
    await page.getByTestId('import-preview-table').waitFor();
    const previewText = (await page.getByTestId('import-preview-table').textContent()) ?? '';
    expect(previewText).toContain('拒绝');
    // Why rows are refused, grouped by reason, before anything starts.
    await expect.poll(() => page.getByTestId('import-rejected-reasons').textContent(), { timeout: 15_000 }).toContain('邮箱');
    await shot(page, '02-preview');
    await page.getByTestId('import-start').click();

    // Step 4: progress until finished, with the counters.
    await page.getByTestId('import-finished').waitFor({ timeout: 60_000 });
    const count = async (outcome: string) =>
      Number((await page.getByTestId(`import-count-${outcome}`).locator('.ant-statistic-content-value').textContent())?.replace(/\D/g, ''));
    expect(await count('created')).toBe(2);
    expect(await count('skipped')).toBe(1);
    expect(await count('rejected')).toBe(2);
    await shot(page, '03-finished');

    // The report of the rejected rows downloads.
    const [report] = await Promise.all([page.waitForEvent('download'), page.getByTestId('import-report-rejected').click()]);
    expect(report.suggestedFilename()).toMatch(/\.csv$/);
    const reportText = fs.readFileSync(await report.path(), 'utf8');
    expect(reportText).toContain('上海导入测试二有限公司');
    expect(reportText).not.toContain('杭州导入测试一有限公司');

    // The past imports list shows the job.
    await expect.poll(() => page.getByTestId('import-history').textContent(), { timeout: 15_000 }).toContain('客户导入.csv');

    // An imported customer is in the list.
    await page.getByTestId('import-open-list').click();
    await page.waitForURL(/\/customers$/);
    await page.getByTestId('search-input').locator('input').first().fill('导入测试一');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('[data-testid=customer-link]:visible').allTextContents(), { timeout: 15_000 }).toEqual(['杭州导入测试一有限公司']);

    // Export the filtered list (CSV): a download with the filtered rows.
    await page.getByTestId('customer-export').click();
    const [exported] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
    expect(exported.suggestedFilename()).toMatch(/\.csv$/);
    const exportText = fs.readFileSync(await exported.path(), 'utf8');
    expect(exportText).toContain('杭州导入测试一有限公司');
    expect(exportText).not.toContain('深圳导入测试五有限公司');
    await shot(page, '04-exported');

    // The export is on the export log, with its filter and row count.
    await page.goto(`${journey.server.url}/admin/export-log`);
    const logRow = page.getByTestId('export-log-table').locator('tbody tr.ant-table-row').first();
    await expect.poll(() => logRow.textContent(), { timeout: 15_000 }).toContain('导入测试一');
    expect(await logRow.textContent()).toContain('CSV');
    await shot(page, '05-export-log');
    await context.close();
  });

  it('merges two customers from the list and follows the old address to the survivor', async () => {
    const context = await journey.browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
    const page = await login(context);
    const first = await createCustomer(context, { kind: 'organization', name: '宁波合并测试有限公司', mobile: '13700000001', industry: 'manufacturing' });
    const second = await createCustomer(context, { kind: 'organization', name: '宁波合并测试股份有限公司', mobile: '13700000001', email: 'merge@example.com' });

    await page.goto(`${journey.server.url}/customers?q=${encodeURIComponent('宁波合并测试')}`);
    await expect.poll(() => page.locator('[data-testid=customer-link]:visible').count(), { timeout: 15_000 }).toBe(2);
    for (const id of [first.id, second.id]) await page.locator(`tr[data-row-key="${id}"] .ant-checkbox-input`).check();
    await page.getByTestId('customer-merge').click();
    await page.getByTestId('merge-page').waitFor();
    await page.getByTestId(`merge-survivor-${first.id}`).click();
    await shot(page, '05-merge');
    await page.getByTestId('merge-submit').click();
    // Clicked again only while the confirmation is still there (a click that landed on nothing).
    await clickUntilShown(page.getByTestId('merge-confirm'), page.getByTestId('customer-merges'));
    expect(page.url()).toMatch(new RegExp(`/customers/${first.id}$`));
    await page.getByTestId('customer-merges').waitFor();
    // The survivor took the other record's email (empty on the survivor).
    await expect.poll(() => page.getByTestId('customer-profile').textContent(), { timeout: 15_000 }).toContain('merge@example.com');

    // The merged customer's old address leads to the survivor.
    await page.goto(`${journey.server.url}/customers/${second.id}`);
    await page.waitForURL(new RegExp(`/customers/${first.id}$`));
    await expect.poll(() => page.getByTestId('customer-name').textContent(), { timeout: 15_000 }).toContain('宁波合并测试有限公司');
    await context.close();
  });

  it('shows the import page and data quality on a 390 px phone without horizontal scrolling', async () => {
    const context = await journey.browser.newContext({ locale: 'en-US', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const page = await login(context);
    for (const [route, name] of [
      ['/imports', '06-phone-import'],
      ['/data-quality', '07-phone-quality'],
    ] as const) {
      await page.goto(`${journey.server.url}${route}`);
      await page.locator('[data-testid=nav-toggle]:visible').first().waitFor();
      await page.waitForLoadState('networkidle');
      await shot(page, name);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
    }
    expect(await page.locator('body').textContent()).toMatch(/Data quality/);
    await context.close();
  });
});
