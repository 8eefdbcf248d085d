import type { BrowserContext } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { admin, clickUntilShown, screenshot, signIn as signInAs, useJourney } from './server.js';

/**
 * @-mentions in the follow-up composer: a salesperson types "@" and the initials of his manager
 * (zzg for 周主管), chooses him with the keyboard and saves; the text carries "@周主管 ", the form
 * the server reads, and the manager gets a notification. A salesperson of another department, who
 * cannot see the customer, is never offered. Editing the follow-up in its drawer offers the same
 * autocomplete: the salesperson adds a second manager, who is told; the first is not told again.
 */
const journey = useJourney();

const seller = { email: 'mention.seller@example.com', password: 'mention-seller-password', name: '钱三' };
const boss = { email: 'mention.boss@example.com', password: 'mention-boss-password', name: '周主管' };
const outsider = { email: 'mention.out@example.com', password: 'mention-out-password', name: '吴外' };
const second = { email: 'mention.second@example.com', password: 'mention-second-password', name: '郑经理' };
let customerId = 0;

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
  const mine = (await api(setup, 'POST', '/departments', { name: '提及销售部' })).id;
  const theirs = (await api(setup, 'POST', '/departments', { name: '提及外部门' })).id;
  const sellerId = (await api(setup, 'POST', '/users', { ...seller, roleId: roleId('salesperson'), departmentId: mine })).id;
  await api(setup, 'POST', '/users', { ...boss, roleId: roleId('sales_manager'), departmentId: mine });
  await api(setup, 'POST', '/users', { ...outsider, roleId: roleId('salesperson'), departmentId: theirs });
  await api(setup, 'POST', '/users', { ...second, roleId: roleId('sales_manager'), departmentId: mine });
  customerId = (await api(setup, 'POST', '/customers', { kind: 'organization', name: '提及精密机械有限公司', ownerId: sellerId })).id;
  await setup.close();
});

describe('@-mentions in the composer, in Chromium', () => {
  it('offers colleagues by pinyin initials, inserts the mention with the keyboard, and the manager is notified', async () => {
    const context = await journey.browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1280, height: 900 } });
    const page = await signInAs(context, journey.server.url, seller);
    await page.goto(`${journey.server.url}/customers/${customerId}`);
    const content = page.getByTestId('follow-up-composer').getByTestId('follow-up-content');
    await content.click();
    await page.keyboard.type('请 @wu');
    // 吴外 cannot see the customer: not offered.
    await page.getByText('没有能查看此客户的同名同事').waitFor();
    for (let i = 0; i < 3; i++) await page.keyboard.press('Backspace');
    await page.keyboard.type('@zz');
    const option = page.locator('.ant-mentions-dropdown-menu-item').filter({ hasText: boss.name });
    await option.waitFor();
    await screenshot(page, 'mentions-01-offered');
    await page.keyboard.press('Enter');
    expect(await content.inputValue()).toBe(`请 @${boss.name} `);
    await page.keyboard.type('审批折扣');
    await page.keyboard.press('Control+Enter');
    await page.getByTestId('customer-history').getByText(`请 @${boss.name} 审批折扣`).waitFor();
    await context.close();

    const bossContext = await journey.browser.newContext({ locale: 'zh-CN' });
    await signInAs(bossContext, journey.server.url, boss);
    const notices = (await api(bossContext, 'GET', '/notifications?pageSize=20')).items as Array<{ kind: string; entityId: number; message: string }>;
    expect(notices.filter((n) => n.kind === 'mentioned')).toEqual([expect.objectContaining({ entityId: customerId, message: expect.stringContaining('审批折扣') })]);
    await bossContext.close();
  });

  it('the edit drawer offers the same autocomplete: an added mention is told, the one already there is not told again', async () => {
    const context = await journey.browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1280, height: 900 } });
    const page = await signInAs(context, journey.server.url, seller);
    await page.goto(`${journey.server.url}/customers/${customerId}?activity=follow-ups`);
    const row = page.getByTestId('follow-up-row').filter({ hasText: '审批折扣' });
    const drawer = page.getByTestId('follow-up-drawer');
    await clickUntilShown(row.getByTestId('follow-up-edit'), drawer);
    const content = drawer.getByTestId('follow-up-content');
    await content.click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('，抄送 @zj');
    const option = page.locator('.ant-mentions-dropdown-menu-item').filter({ hasText: second.name });
    await option.waitFor();
    expect(await page.locator('.ant-mentions-dropdown-menu-item').filter({ hasText: outsider.name }).count()).toBe(0);
    await screenshot(page, 'mentions-02-edit-offered');
    await page.keyboard.press('Enter');
    expect(await content.inputValue()).toBe(`请 @${boss.name} 审批折扣，抄送 @${second.name} `);
    // Another field after the mention: the drawer stays open (it once closed here, see e89dfee).
    await drawer.getByTestId('follow-up-outcome').fill('等待主管回复');
    await drawer.getByTestId('follow-up-save').click();
    await drawer.waitFor({ state: 'hidden' });
    await page.getByTestId('follow-up-row').getByText(`请 @${boss.name} 审批折扣，抄送 @${second.name}`).waitFor();
    await context.close();

    // What each manager was told, read through the API (their sessions, no page needed).
    const secondContext = await journey.browser.newContext({ locale: 'zh-CN' });
    await api(secondContext, 'POST', '/auth/login', { email: second.email, password: second.password });
    const told = (await api(secondContext, 'GET', '/notifications?pageSize=20')).items as Array<{ kind: string; entityId: number; message: string }>;
    expect(told.filter((n) => n.kind === 'mentioned')).toEqual([expect.objectContaining({ entityId: customerId, message: expect.stringContaining('抄送') })]);
    await secondContext.close();
    const bossContext = await journey.browser.newContext({ locale: 'zh-CN' });
    await api(bossContext, 'POST', '/auth/login', { email: boss.email, password: boss.password });
    const bossNotices = (await api(bossContext, 'GET', '/notifications?pageSize=20')).items as Array<{ kind: string }>;
    expect(bossNotices.filter((n) => n.kind === 'mentioned')).toHaveLength(1);
    await bossContext.close();
  });
});
