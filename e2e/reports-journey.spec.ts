import type { BrowserContext, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { admin, screenshot, signIn as signInAs, useJourney } from './server.js';

/**
 * Work reports (日报/周报): a salesperson logs a call with the composer, then writes today's daily
 * report, whose summary is already filled in with that call; her department's manager is told,
 * reads it on the team tab and comments; she sees the comment and the manager's read receipt. A
 * weekly report is written and deleted after a confirmation. The list and the report on a phone
 * in English without sideways scrolling; axe on every page.
 */
const journey = useJourney();

const seller = { email: 'rep.seller@example.com', password: 'rep-seller-password', name: '吴小燕' };
const manager = { email: 'rep.manager@example.com', password: 'rep-manager-password', name: '郑经理' };
const customerName = '东湖光电科技有限公司';
let customerId = 0;
let reportId = 0;

async function api(context: BrowserContext, method: 'GET' | 'POST' | 'PATCH', url: string, data?: unknown) {
  const res = await context.request.fetch(`${journey.server.url}/api/v1${url}`, { method, ...(data === undefined ? {} : { data }) });
  const body = res.status() === 204 ? null : await res.json();
  if (!res.ok()) throw new Error(`${method} ${url}: ${res.status()} ${JSON.stringify(body)}`);
  return body;
}

const signIn = (context: BrowserContext, who: { email: string; password: string }) => signInAs(context, journey.server.url, who);
/** The company's time zone, so that the browser's today is the server's. */
const desktop = (locale = 'zh-CN') => journey.browser.newContext({ locale, timezoneId: 'Asia/Shanghai', viewport: { width: 1280, height: 900 } });
const noSidewaysScroll = async (page: Page) => expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

beforeAll(async () => {
  const setup = await journey.browser.newContext();
  await api(setup, 'POST', '/auth/login', admin);
  const roles = await api(setup, 'GET', '/roles?pageSize=100');
  const roleId = (key: string) => roles.items.find((r: { key: string; id: number }) => r.key === key).id;
  const department = await api(setup, 'POST', '/departments', { name: '华中销售部' });
  const sellerId = (await api(setup, 'POST', '/users', { ...seller, roleId: roleId('salesperson'), departmentId: department.id })).id;
  const managerId = (await api(setup, 'POST', '/users', { ...manager, roleId: roleId('sales_manager'), departmentId: department.id })).id;
  await api(setup, 'PATCH', `/departments/${department.id}`, { managerId, version: department.version });
  customerId = (await api(setup, 'POST', '/customers', { kind: 'organization', name: customerName, ownerId: sellerId })).id;
  await setup.close();
});

describe('daily and weekly reports in Chromium', () => {
  it('the salesperson logs a call, then writes her daily report with the call already in it', async () => {
    const context = await desktop();
    const page = await signIn(context, seller);
    // The customer's follow-ups (the composer sits over them).
    await page.goto(`${journey.server.url}/customers/${customerId}?activity=follow-ups`);
    const area = page.getByTestId('customer-follow-ups');
    await area.getByTestId('follow-ups-empty').waitFor();
    await area.getByTestId('kind-call').click();
    await area.getByTestId('follow-up-content').fill('电话沟通二期扩产方案，客户要求下周报价。');
    await area.getByTestId('follow-up-content').focus();
    await page.keyboard.press('Control+Enter');
    await area.getByTestId('follow-up-row').getByText('电话沟通二期扩产方案', { exact: false }).waitFor();

    await page.getByTestId('nav-reports').click();
    await page.waitForURL(/\/reports$/);
    await page.getByTestId('reports-empty').getByText('还没有写过报告').waitFor();
    await screenshot(page, 'reports-01-empty');

    await page.getByTestId('report-write-daily').click();
    const drawer = page.getByTestId('report-drawer');
    const summary = drawer.getByTestId('report-summary');
    // The pre-filled line: the call, its customer and its first words.
    await drawer.getByText('跟进次数').waitFor();
    await page.waitForFunction(() => (document.querySelector('[data-testid="report-summary"]') as HTMLTextAreaElement | null)?.value.includes('【电话】'));
    const text = await summary.inputValue();
    expect(text.split('\n').slice(0, 2)).toEqual(['跟进客户 1 次：', `1. 【电话】${customerName}：电话沟通二期扩产方案，客户要求下周报价。`]);
    await drawer.getByTestId('report-figures').getByText('1 次').waitFor();
    await drawer.getByTestId('report-plan').fill('明天整理报价单，发给客户确认。');
    await drawer.getByTestId('report-problems').fill('需要技术部协助出二期方案。');
    await screenshot(page, 'reports-02-write-daily');
    await drawer.getByTestId('report-save').click();

    await page.waitForURL(/\/reports\/\d+$/);
    reportId = Number(new URL(page.url()).pathname.split('/').pop());
    await page.getByTestId('report-summary-text').getByText(`1. 【电话】${customerName}`, { exact: false }).waitFor();
    await page.getByTestId('report-problems-text').getByText('需要技术部协助出二期方案。').waitFor();
    await page.getByTestId('report-follow-up-line').getByRole('link', { name: customerName }).waitFor();
    await page.getByTestId('report-comments-empty').waitFor();
    await screenshot(page, 'reports-03-report');
    const saved = await api(context, 'GET', `/work-reports/${reportId}`);
    expect(saved).toMatchObject({ kind: 'daily', plan: '明天整理报价单，发给客户确认。', figures: { followUps: { count: 1 } } });

    // Writing it again opens the one written.
    await page.goto(`${journey.server.url}/reports?write=daily`);
    await page.getByTestId('report-exists').getByRole('link', { name: '打开原报告' }).waitFor();
    await page.keyboard.press('Escape');
    await context.close();
  });

  it('the manager is told, finds it unread on the team tab, reads it and comments', async () => {
    const context = await desktop();
    const page = await signIn(context, manager);
    const notices = (await api(context, 'GET', '/notifications')).items;
    expect(notices[0]).toMatchObject({ kind: 'report_submitted', entityId: reportId, message: expect.stringContaining(`${seller.name} 提交了日报`) });
    await page.goto(`${journey.server.url}/reports`);
    await page.getByTestId('reports-tab-team').click();
    const row = page.getByTestId('report-row').filter({ hasText: seller.name });
    await row.getByTestId('report-unread').waitFor();
    await row.getByText('跟进 1 次').waitFor();
    await screenshot(page, 'reports-04-team');
    await row.getByTestId('report-link').click();
    await page.waitForURL(new RegExp(`/reports/${reportId}$`));
    expect(await page.getByTestId('report-edit').count()).toBe(0);
    expect(await page.getByTestId('report-delete').count()).toBe(0);
    await page.getByTestId('report-comment-input').fill('方案我来协调，周五前给你。');
    await page.getByTestId('report-comment-send').click();
    await page.getByTestId('report-comment').getByText('方案我来协调，周五前给你。').waitFor();
    await screenshot(page, 'reports-05-commented');
    await context.close();
  });

  it('the salesperson sees the comment and who read her report; a weekly report is deleted after a confirmation', async () => {
    const context = await desktop();
    const page = await signIn(context, seller);
    await page.getByTestId('notification-bell').click();
    await page.getByTestId('notification-item').first().getByText(`${manager.name} 评论了您的日报`, { exact: false }).click();
    await page.waitForURL(new RegExp(`/reports/${reportId}$`));
    await page.getByTestId('report-comment').getByText('方案我来协调，周五前给你。').waitFor();
    await page.getByTestId('report-readers').getByText(`已读：${manager.name}`).waitFor();
    await screenshot(page, 'reports-06-seller-sees-comment');

    await page.goto(`${journey.server.url}/reports`);
    await page.getByTestId('report-write-weekly').click();
    const drawer = page.getByTestId('report-drawer');
    await drawer.getByTestId('report-period').getByText('~', { exact: false }).waitFor();
    await drawer.getByTestId('report-summary').fill('本周跟进东湖光电二期项目。');
    await drawer.getByTestId('report-save').click();
    await page.waitForURL(/\/reports\/\d+$/);
    await page.getByTestId('report-delete').click();
    await page.getByTestId('confirm-delete-report').click();
    await page.waitForURL(/\/reports$/);
    await expect.poll(() => page.getByTestId('report-row').count()).toBe(1);
    await page.getByTestId('report-row').getByText('日报', { exact: true }).waitFor();
    expect((await api(context, 'GET', '/work-reports?kind=weekly')).total).toBe(0);
    await context.close();
  });

  it('on a phone in English: the list and the report without sideways scrolling', async () => {
    const context = await journey.browser.newContext({ locale: 'en-US', timezoneId: 'Asia/Shanghai', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const page = await signIn(context, seller);
    await page.goto(`${journey.server.url}/reports`);
    await page.getByTestId('report-row').getByText('Follow-ups: 1', { exact: false }).waitFor();
    await noSidewaysScroll(page);
    await screenshot(page, 'reports-07-phone-list');
    await page.getByTestId('report-link').first().click();
    await page.getByTestId('report-comments').getByText('Comments (1)').waitFor();
    await noSidewaysScroll(page);
    await screenshot(page, 'reports-08-phone-report');
    await context.close();
  });
});
