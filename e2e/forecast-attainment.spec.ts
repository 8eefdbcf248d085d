import type { BrowserContext } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { admin, screenshot, signIn as signInAs, useJourney } from './server.js';

/**
 * The forecast against the sales target: a sales manager sees that no target is set (with a link to
 * set one), sets this month's targets through the API and sees his department's attainment
 * (signed contracts; forecast = signed + weighted pipeline); the salesperson sees his own line on a
 * phone in English; a reader without targets.view sees the forecast without the section.
 */
const journey = useJourney();

const manager = { email: 'forecast.manager@example.com', password: 'forecast-manager-password', name: '韩经理' };
const seller = { email: 'forecast.seller@example.com', password: 'forecast-seller-password', name: '魏预测' };
const viewer = { email: 'forecast.viewer@example.com', password: 'forecast-viewer-password', name: '鲁只看' };
const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
const month = today.slice(0, 7);
let departmentId = 0;
let sellerId = 0;

async function api(context: BrowserContext, method: 'GET' | 'POST' | 'PUT', url: string, data?: unknown) {
  const res = await context.request.fetch(`${journey.server.url}/api/v1${url}`, { method, ...(data === undefined ? {} : { data }) });
  const body = res.status() === 204 ? null : await res.json();
  if (!res.ok()) throw new Error(`${method} ${url}: ${res.status()} ${JSON.stringify(body)}`);
  return body;
}

const signIn = (context: BrowserContext, who: { email: string; password: string }) => signInAs(context, journey.server.url, who);
const forecastUrl = () => `${journey.server.url}/forecast?from=${month}&to=${month}`;

beforeAll(async () => {
  const setup = await journey.browser.newContext();
  await api(setup, 'POST', '/auth/login', admin);
  const roles = await api(setup, 'GET', '/roles?pageSize=100');
  const roleId = (key: string) => roles.items.find((r: { key: string; id: number }) => r.key === key).id;
  const viewerRole = await api(setup, 'POST', '/roles', { key: 'forecast_viewer', name: '预测查看', permissions: ['opportunities.view', 'customers.view'], dataScope: 'all' });
  departmentId = (await api(setup, 'POST', '/departments', { name: '预测一部' })).id;
  await api(setup, 'POST', '/users', { ...manager, roleId: roleId('sales_manager'), departmentId });
  sellerId = (await api(setup, 'POST', '/users', { ...seller, roleId: roleId('salesperson'), departmentId })).id;
  await api(setup, 'POST', '/users', { ...viewer, roleId: viewerRole.id });
  const customer = await api(setup, 'POST', '/customers', { kind: 'organization', name: '预测测试客户有限公司', ownerId: sellerId });
  // An open deal this month: ¥40,000 at 50% weighs ¥20,000.
  await api(setup, 'POST', '/opportunities', { name: '预测项目', customerId: customer.id, ownerId: sellerId, amount: 40_000_00, probability: 50, expectedCloseDate: `${month}-28` });
  await setup.close();

  // The salesperson signs a ¥30,000 contract today (he owns what he creates).
  const sales = await journey.browser.newContext();
  await api(sales, 'POST', '/auth/login', { email: seller.email, password: seller.password });
  const contract = await api(sales, 'POST', '/contracts', { customerId: customer.id, title: '预测合同', amount: 30_000_00, signedOn: today });
  await api(sales, 'POST', `/contracts/${contract.id}/status`, { status: 'active', version: contract.version });
  await sales.close();
});

describe('forecast attainment in Chromium', () => {
  it('a manager sees no target (and where to set it), then his department against the target he set', async () => {
    const context = await journey.browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1280, height: 900 } });
    const page = await signIn(context, manager);
    await page.goto(forecastUrl());
    const section = page.getByTestId('forecast-attainment');
    await section.getByTestId('attainment-empty').waitFor();
    const link = section.getByRole('link', { name: '去设置目标' });
    expect(await link.getAttribute('href')).toBe(`/targets?period=${month}&metric=contract_amount`);
    await screenshot(page, 'forecast-attainment-01-none');

    await api(context, 'PUT', '/targets', {
      year: Number(month.slice(0, 4)),
      metric: 'contract_amount',
      items: [
        { subjectType: 'department', subjectId: departmentId, period: month, value: 100_000_00 },
        { subjectType: 'user', subjectId: sellerId, period: month, value: 50_000_00 },
      ],
    });
    await page.reload();
    await section.getByTestId('attainment-percents').getByText('已达成 30%，预测达成 50%').waitFor();
    expect(await section.getByTestId('attainment-scope').textContent()).toBe('预测一部');
    expect(await section.getByTestId('attainment-target').textContent()).toContain('10.00万元');
    expect(await section.getByTestId('attainment-actual').textContent()).toContain('3.00万元');
    expect(await section.getByTestId('attainment-forecast').textContent()).toContain('5.00万元');
    expect(await section.getByTestId('attainment-gap').textContent()).toContain('7.00万元');
    expect(await section.getByRole('progressbar', { name: '预测一部 的目标达成率' }).count()).toBe(1);
    await section.getByRole('button', { name: '预测如何计算' }).hover();
    await page.getByRole('tooltip').getByText(/已签合同金额 \+ 这几个月进行中商机的加权金额/).waitFor();
    await screenshot(page, 'forecast-attainment-02-department');
    await context.close();
  });

  it('a salesperson sees his own line, on a phone, in English', async () => {
    const context = await journey.browser.newContext({ locale: 'en-US', timezoneId: 'Asia/Shanghai', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const page = await signIn(context, seller);
    await page.goto(forecastUrl());
    const section = page.getByTestId('forecast-attainment');
    await section.getByTestId('attainment-percents').getByText('60% attained, 100% forecast').waitFor();
    expect(await section.getByTestId('attainment-scope').textContent()).toBe(seller.name);
    expect(await section.getByTestId('attainment-target').textContent()).toContain('¥50K');
    expect(await section.getByTestId('attainment-gap').textContent()).toContain('¥20K');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(page, 'forecast-attainment-03-phone');
    await context.close();
  });

  it('a reader without targets.view sees the forecast without the section', async () => {
    const context = await journey.browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1280, height: 900 } });
    const page = await signIn(context, viewer);
    await page.goto(forecastUrl());
    await page.getByTestId('forecast-table').getByText(seller.name).waitFor();
    expect(await page.getByTestId('forecast-attainment').count()).toBe(0);
    expect(await page.getByText('无法读取目标达成情况').count()).toBe(0);
    await screenshot(page, 'forecast-attainment-04-no-permission');
    await context.close();
  });
});
