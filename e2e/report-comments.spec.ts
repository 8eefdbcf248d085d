import type { BrowserContext } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { admin, screenshot, signIn as signInAs, useJourney } from './server.js';

/**
 * Report comments are their author's: the manager edits his comment in place (it then says
 * "已编辑") and deletes another after a confirmation; the report's author sees neither button on
 * the manager's comment. On a phone, in English, without sideways scrolling.
 */
const journey = useJourney();

const seller = { email: 'rc.seller@example.com', password: 'rc-seller-password', name: '冯销售' };
const manager = { email: 'rc.manager@example.com', password: 'rc-manager-password', name: '陈经理' };
let reportId = 0;

async function api(context: BrowserContext, method: 'GET' | 'POST', url: string, data?: unknown) {
  const res = await context.request.fetch(`${journey.server.url}/api/v1${url}`, { method, ...(data === undefined ? {} : { data }) });
  const body = res.status() === 204 ? null : await res.json();
  if (!res.ok()) throw new Error(`${method} ${url}: ${res.status()} ${JSON.stringify(body)}`);
  return body;
}

beforeAll(async () => {
  const setup = await journey.browser.newContext();
  await api(setup, 'POST', '/auth/login', admin);
  const roles = await api(setup, 'GET', '/roles?pageSize=100');
  const roleId = (key: string) => roles.items.find((r: { key: string; id: number }) => r.key === key).id;
  const departmentId = (await api(setup, 'POST', '/departments', { name: '评论销售部' })).id;
  await api(setup, 'POST', '/users', { ...seller, roleId: roleId('salesperson'), departmentId });
  await api(setup, 'POST', '/users', { ...manager, roleId: roleId('sales_manager'), departmentId });
  await setup.close();
  const sellerContext = await journey.browser.newContext();
  await api(sellerContext, 'POST', '/auth/login', { email: seller.email, password: seller.password });
  reportId = (await api(sellerContext, 'POST', '/work-reports', { kind: 'daily', summary: '拜访了三个客户' })).id;
  await sellerContext.close();
  const managerContext = await journey.browser.newContext();
  await api(managerContext, 'POST', '/auth/login', { email: manager.email, password: manager.password });
  await api(managerContext, 'POST', `/work-reports/${reportId}/comments`, { content: '记得发报价' });
  await api(managerContext, 'POST', `/work-reports/${reportId}/comments`, { content: '这条要删掉' });
  await managerContext.close();
});

describe('report comments in Chromium', () => {
  it('the manager edits one comment (shown as edited) and deletes another after confirming', async () => {
    const context = await journey.browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1280, height: 900 } });
    const page = await signInAs(context, journey.server.url, manager);
    await page.goto(`${journey.server.url}/reports/${reportId}`);
    // Oldest first: the comment to edit is the first.
    const first = page.getByTestId('report-comment').first();
    await first.getByText('记得发报价').waitFor();
    await first.getByTestId('report-comment-edit').click();
    await first.getByTestId('report-comment-edit-input').fill('记得周五前发报价');
    await first.getByTestId('report-comment-save').click();
    const edited = page.getByTestId('report-comment').filter({ hasText: '记得周五前发报价' });
    await edited.getByTestId('report-comment-edited').getByText('（已编辑）').waitFor();

    const second = page.getByTestId('report-comment').filter({ hasText: '这条要删掉' });
    await second.getByTestId('report-comment-delete').click();
    await page.locator('.ant-modal-confirm-title').getByText('删除这条评论？').waitFor();
    await screenshot(page, 'report-comments-01-confirm-delete');
    await page.getByTestId('confirm-delete-comment').click();
    await page.getByTestId('report-comments').getByText('评论（1）').waitFor();
    expect(await page.getByTestId('report-comment').count()).toBe(1);
    await screenshot(page, 'report-comments-02-edited');
    await context.close();
  });

  it("the report's author sees the edited comment without the buttons, on a phone in English", async () => {
    const context = await journey.browser.newContext({ locale: 'en-US', timezoneId: 'Asia/Shanghai', viewport: { width: 390, height: 844 } });
    const page = await signInAs(context, journey.server.url, seller);
    await page.goto(`${journey.server.url}/reports/${reportId}`);
    const comment = page.getByTestId('report-comment').filter({ hasText: '记得周五前发报价' });
    await comment.getByTestId('report-comment-edited').getByText('(edited)').waitFor();
    expect(await comment.getByTestId('report-comment-edit').count()).toBe(0);
    expect(await comment.getByTestId('report-comment-delete').count()).toBe(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(page, 'report-comments-03-phone');
    await context.close();
  });
});
