import fs from 'node:fs';
import ExcelJS from 'exceljs';
import type { BrowserContext } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { chooseOption, clickUntilShown, expectAccessible, screenshot, signIn, useJourney } from './server.js';

/**
 * Customer analytics: the administrator recomputes the classes with the button (the progress bar
 * while it runs), the ABC table and class counts show the two customers with signed contracts;
 * in English on a phone. Axe on the page. The dashboards: the charts render, a click on the value
 * pyramid and on a province's count opens the customers behind them, a chart's export downloads a
 * real .xlsx; axe; a phone in English. The pyramid quadrants: the small customer referred a lead
 * (potential ¥5,000), so with N = 2 the big one is gold III (current value at the top-20 % cut, no
 * potential) and the small one iron II; the quadrant drills down, the ABC table filters by it, and
 * the customer's record shows its analytics card with the potential value explained.
 * The lifecycle suggestion: one purchase each derives first purchase / exploration, while both
 * records were set to formation by hand (and the big one's status to loyal):
 * the big one's card suggests both, explains the rule, applies the status (its PATCH) and keeps
 * its stage; the table's "suggestion differs" filter then lists only the small one; on a phone
 * in English the small one's suggestion reads and fits.
 */
const journey = useJourney();
let smallId = 0;
let bigId = 0;

async function api(context: BrowserContext, method: 'GET' | 'POST' | 'PATCH', url: string, data?: unknown) {
  const res = await context.request.fetch(`${journey.server.url}/api/v1${url}`, { method, ...(data === undefined ? {} : { data }) });
  const body = res.status() === 204 ? null : await res.json();
  if (!res.ok()) throw new Error(`${method} ${url}: ${res.status()} ${JSON.stringify(body)}`);
  return body;
}

beforeAll(async () => {
  const setup = await journey.browser.newContext();
  await api(setup, 'POST', '/auth/login', { email: 'admin@example.com', password: 'e2e-admin-password' });
  for (const [name, amount] of [['分析大客户有限公司', 900_000_00], ['分析小客户有限公司', 100_000_00]] as const) {
    const customer = await api(setup, 'POST', '/customers', { kind: 'organization', name, province: '浙江省', city: '杭州市' });
    const contract = await api(setup, 'POST', '/contracts', { customerId: customer.id, title: `${name}合同`, amount, signedOn: '2026-11-01' });
    await api(setup, 'POST', `/contracts/${contract.id}/status`, { status: 'active', version: contract.version });
    // Its stage set by hand to formation against the one purchase: the run will suggest exploration.
    const signed = await api(setup, 'GET', `/customers/${customer.id}`);
    const formed = await api(setup, 'PATCH', `/customers/${customer.id}`, { lifecycleStage: 'formation', version: signed.version });
    if (name === '分析大客户有限公司') {
      // Its status set by hand (loyal) against the one purchase: the run will suggest first purchase.
      bigId = customer.id as number;
      await api(setup, 'PATCH', `/customers/${bigId}`, { status: 'loyal', version: formed.version });
    }
    if (name === '分析小客户有限公司') {
      smallId = customer.id as number;
      await api(setup, 'POST', '/leads', { name: '小客户推荐的线索', source: 'referral', referrerCustomerId: customer.id });
    }
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

  it('dashboards: charts render, drill down to the customers, export a real .xlsx, pass axe', async () => {
    const context = await journey.browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    const page = await signIn(context, journey.server.url);
    await page.goto(`${journey.server.url}/analytics`);
    await page.getByTestId('analytics-dashboards').click();
    await page.waitForURL(/\/analytics\/dashboards/);
    // The charts draw on canvases.
    for (const id of ['composition-kind', 'new-customers-chart', 'revenue-chart', 'abc-chart', 'pyramid-chart', 'rfm-chart']) await page.getByTestId(id).locator('canvas').waitFor();
    // Both contracts were signed within the last 12 months.
    expect(await page.getByTestId('revenue-total').textContent()).toContain('范围内 2 个客户');
    expect(await page.getByTestId('abc-hint').textContent()).toContain('1 个客户贡献 80% 的收入');
    // Value pyramid, N = 2: one key customer (top), one opportunity customer (base): a click on the base lists it.
    const pyramid = page.getByTestId('pyramid-chart');
    await pyramid.scrollIntoViewIfNeeded();
    const box = await pyramid.boundingBox();
    if (!box) throw new Error('no pyramid');
    // The click scrolls the chart into view first; the base segment is the lowest quarter.
    await pyramid.click({ position: { x: box.width / 2, y: box.height * 0.85 } });
    const drawer = page.getByTestId('dashboard-drill');
    await drawer.getByText('分析小客户有限公司').waitFor();
    expect(await drawer.getByText('分析大客户有限公司').count()).toBe(0);
    await screenshot(page, 'analytics-03-dashboard-drill');
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });
    // The map of China above the province table: each province shaded by its customers.
    const map = page.getByTestId('composition-map');
    await map.scrollIntoViewIfNeeded();
    await map.locator('canvas').waitFor();
    expect(await map.getAttribute('aria-label')).toContain('点击省份查看其城市');
    await screenshot(page, 'analytics-02-map');
    // The province table: its count opens the customers of 浙江省 (both).
    await page.getByTestId('composition-region').locator('tr').filter({ hasText: '浙江省' }).getByTestId('region-count').click();
    await drawer.getByText('分析大客户有限公司').waitFor();
    await drawer.getByText('分析小客户有限公司').waitFor();
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });
    // The pyramid's export: a real workbook, money in yuan.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('dashboard-pyramid-export').click()]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(fs.readFileSync(await download.path()) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet?.getRow(1).getCell(1).value).toBe('价值类别');
    expect(sheet?.getRow(2).values).toEqual([undefined, '关键客户', 1, 900000, 180000]);
    await screenshot(page, 'analytics-04-dashboards');
    await context.close();
  });

  it('pyramid quadrants: the chart, its drill-down, the table filter and the customer card', async () => {
    const context = await journey.browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
    const page = await signIn(context, journey.server.url);
    await page.goto(`${journey.server.url}/analytics/dashboards`);
    const card = page.getByTestId('dashboard-quadrants');
    await card.getByTestId('quadrant-chart').locator('canvas').waitFor();
    expect(await card.getByTestId('quadrant-hint').textContent()).toContain('前 20 %');
    // The iron quadrant lists the small customer only.
    const drawer = page.getByTestId('dashboard-drill');
    await card.getByTestId('quadrant-iron').scrollIntoViewIfNeeded();
    await clickUntilShown(card.getByTestId('quadrant-iron'), drawer.getByText('分析小客户有限公司'));
    expect(await drawer.getByText('分析大客户有限公司').count()).toBe(0);
    await screenshot(page, 'analytics-06-quadrant-drill');
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });
    await expectAccessible(page, 'analytics dashboards with the quadrants');

    // The ABC table filtered by quadrant: gold III is the big customer.
    await page.goto(`${journey.server.url}/analytics`);
    const table = page.getByTestId('analytics-table');
    await table.locator('tr').filter({ hasText: '分析小客户有限公司' }).waitFor();
    await chooseOption(page, page.getByTestId('analytics-quadrant-filter'), '黄金 III');
    await table.locator('tr').filter({ hasText: '分析小客户有限公司' }).waitFor({ state: 'detached' });
    expect(await table.locator('tr').filter({ hasText: '分析大客户有限公司' }).count()).toBe(1);

    // The small customer's record: quadrant, four scores, service policy; the potential value explains itself.
    await page.goto(`${journey.server.url}/customers/${smallId}`);
    const analytics = page.getByTestId('customer-analytics');
    await analytics.getByText('钢铁 II').waitFor();
    await analytics.getByTestId('analytics-card-policy').getByText('基础', { exact: true }).waitFor();
    await clickUntilShown(analytics.getByTestId('analytics-card-potentialValue'), page.getByTestId('analytics-card-potentialValue-explanation'));
    expect(await page.getByTestId('analytics-card-potentialValue-explanation').textContent()).toContain('推荐 1 条线索 × ¥5,000.00');
    // Its inputs by name, money in yuan (not the API's keys and fen).
    expect(await page.getByTestId('analytics-card-potentialValue-inputs').textContent()).toContain('每条推荐的价值: ¥5,000.00');
    await screenshot(page, 'analytics-07-customer-card');

    // The settings page: the quadrant thresholds and the service policies, editable by the administrator.
    await page.goto(`${journey.server.url}/analytics`);
    await page.getByTestId('analytics-settings').click();
    await page.waitForURL(/\/admin\/analytics-settings/);
    await page.getByTestId('analytics-setting-quadrantValueTopPercent').waitFor();
    expect(await page.getByTestId('analytics-setting-quadrantValueTopPercent').inputValue()).toBe('20');
    await page.getByTestId('analytics-policy-C').fill('每季度电话回访');
    await page.getByTestId('analytics-settings-save').click();
    await page.getByText('已保存').first().waitFor();
    await screenshot(page, 'analytics-08-settings');
    await context.close();
  });

  it('dashboards in English on a phone', async () => {
    const context = await journey.browser.newContext({ locale: 'en-US', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const page = await signIn(context, journey.server.url);
    await page.goto(`${journey.server.url}/analytics/dashboards`);
    await page.getByTestId('pyramid-chart').locator('canvas').waitFor();
    await page.getByText('Value pyramid').first().waitFor();
    await page.getByTestId('quadrant-chart').locator('canvas').waitFor();
    await page.getByText('Pyramid quadrants').first().waitFor();
    // Nothing wider than the phone: the page does not scroll sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(page, 'analytics-05-dashboards-phone');
    await context.close();
  });

  it('lifecycle suggestion: explained, applied through the record, kept, and filtered in the table', async () => {
    const context = await journey.browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
    const page = await signIn(context, journey.server.url);
    await page.goto(`${journey.server.url}/customers/${bigId}`);
    const box = page.getByTestId('analytics-suggestions');
    const status = box.getByTestId('analytics-suggest-status');
    const stage = box.getByTestId('analytics-suggest-lifecycleStage');
    await status.waitFor();
    expect(await status.textContent()).toContain('状态：建议 初次购买（根据购买趋势），档案为 忠诚客户。');
    expect(await stage.textContent()).toContain('生命周期：建议 考察期');
    // The rule behind it: the status explanation.
    await clickUntilShown(status.getByTestId('analytics-suggest-status-how'), page.getByTestId('analytics-suggest-status-how-explanation'));
    expect(await page.getByTestId('analytics-suggest-status-how-explanation').textContent()).toContain('天未购买 → 流失');
    await screenshot(page, 'analytics-09-suggestion');
    await status.getByTestId('analytics-suggest-status-how').click();
    await page.getByTestId('analytics-suggest-status-how-explanation').waitFor({ state: 'hidden' });
    // Apply: the record's status becomes first purchase (the customer's PATCH), the suggestion goes.
    await status.getByTestId('analytics-suggest-status-apply').click();
    await status.waitFor({ state: 'detached' });
    const record = await api(context, 'GET', `/customers/${bigId}`);
    expect(record.status).toBe('first_purchase');
    expect(record.lifecycleStage).toBe('formation');
    // Keep mine: the stage stays formation and is not suggested again, after a reload too.
    await stage.getByTestId('analytics-suggest-lifecycleStage-keep').click();
    await box.waitFor({ state: 'detached' });
    await page.reload();
    await page.getByTestId('customer-analytics').getByTestId('analytics-card-status').waitFor();
    expect(await page.getByTestId('analytics-suggestions').count()).toBe(0);
    expect((await api(context, 'GET', `/customers/${bigId}`)).lifecycleStage).toBe('formation');

    // The table: "suggestion differs" keeps the small customer only; "won back" none of these two.
    await page.goto(`${journey.server.url}/analytics`);
    const table = page.getByTestId('analytics-table');
    await table.locator('tr').filter({ hasText: '分析大客户有限公司' }).waitFor();
    await page.getByTestId('analytics-suggested-filter').click();
    await table.locator('tr').filter({ hasText: '分析大客户有限公司' }).waitFor({ state: 'detached' });
    expect(await table.locator('tr').filter({ hasText: '分析小客户有限公司' }).textContent()).toContain('与档案不同');
    await page.getByTestId('analytics-suggested-filter').click();
    await table.locator('tr').filter({ hasText: '分析大客户有限公司' }).waitFor();
    expect(await table.locator('th').filter({ hasText: '赢回日期' }).count()).toBe(1);
    await page.getByTestId('analytics-wonback-filter').click();
    await table.locator('tr').filter({ hasText: '分析大客户有限公司' }).waitFor({ state: 'detached' });
    expect(await table.locator('tr').filter({ hasText: '分析小客户有限公司' }).count()).toBe(0);
    await screenshot(page, 'analytics-10-filters');
    await context.close();
  });

  it('lifecycle suggestion in English on a phone', async () => {
    const context = await journey.browser.newContext({ locale: 'en-US', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const page = await signIn(context, journey.server.url);
    await page.goto(`${journey.server.url}/customers/${smallId}`);
    const stage = page.getByTestId('analytics-suggest-lifecycleStage');
    // On a phone the record's facts are a tab of their own.
    await clickUntilShown(page.getByTestId('profile-tab'), stage);
    expect(await stage.textContent()).toContain('suggested Exploration (from the purchase trend); the record says Formation.');
    await stage.getByTestId('analytics-suggest-lifecycleStage-apply').waitFor();
    await stage.getByTestId('analytics-suggest-lifecycleStage-keep').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(page, 'analytics-11-suggestion-phone');
    await context.close();
  });
});
