import type { Workbench } from '@crm/contracts';
import type { BrowserContext } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screenshot, signIn, useJourney } from './server.js';

/**
 * The salesperson's day starts on the workbench (工作台): 张伟 of the demo company signs in and
 * lands on it, sees his tasks (overdue first, then today's), his customers whose next follow-up is
 * due, reminders, approvals and his month's figures; he ticks a task done from the card, undoes
 * it and ticks it again; the customers stay on /customers. On a phone in English the cards stand
 * in one column without sideways scrolling.
 */
const journey = useJourney({ demo: true });
const zhang = { email: 'zhang.wei@example.com', password: 'crm-demo-2026' };

async function workbenchOf(context: BrowserContext): Promise<Workbench> {
  const res = await context.request.get(`${journey.server.url}/api/v1/workbench`);
  expect(res.status()).toBe(200);
  return (await res.json()) as Workbench;
}

async function taskStatus(context: BrowserContext, id: string): Promise<string> {
  return ((await (await context.request.get(`${journey.server.url}/api/v1/tasks/${id}`)).json()) as { status: string }).status;
}

describe('the workbench', () => {
  it('is where a demo salesperson lands: his tasks, ticked done from the card', async () => {
    const context = await journey.browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1280, height: 900 } });
    const page = await signIn(context, journey.server.url, zhang);
    expect(new URL(page.url()).pathname).toBe('/');
    await page.getByRole('heading', { level: 1, name: '工作台' }).waitFor();
    expect(await page.getByTestId('nav-workbench').getAttribute('class')).toContain('ant-menu-item-selected');

    const mine = await workbenchOf(context);
    const expected = [...(mine.tasks?.overdue.items ?? []), ...(mine.tasks?.today.items ?? [])].map((task) => task.title);
    expect(expected).toEqual(expect.arrayContaining(['整理本周客户拜访记录', '准备季度客户回访名单', '提交本周工作总结']));
    const tasks = page.getByTestId('workbench-tasks');
    await tasks.getByTestId('workbench-task').first().waitFor();
    expect(await tasks.getByTestId('workbench-task').allInnerTexts()).toEqual(expected.map((title) => expect.stringContaining(title)));
    await tasks.getByTestId('workbench-task').filter({ hasText: '整理本周客户拜访记录' }).getByText('已逾期', { exact: false }).waitFor();
    expect(await tasks.getByTestId('workbench-tasks-count').textContent()).toContain(String(expected.length));
    const due = page.getByTestId('workbench-due-customers');
    expect(await due.locator('.ant-list-item a').allInnerTexts()).toEqual(mine.dueCustomers?.items.map((c) => c.name));
    await page.getByTestId('workbench-pool-risk').getByText('公海规则未开启').waitFor();
    await page.getByTestId('workbench-approvals').getByText('没有等待你审批的事项').waitFor();
    await page.getByTestId('figure-followUps-value').getByText(String(mine.figures?.followUps?.actual)).waitFor();
    await screenshot(page, 'workbench-01-salesperson');

    const row = tasks.getByTestId('workbench-task').filter({ hasText: '提交本周工作总结' });
    const id = (await row.getAttribute('data-task-id')) ?? '';
    await row.getByTestId('workbench-task-check').click();
    await expect.poll(() => row.count()).toBe(0);
    await expect.poll(() => taskStatus(context, id)).toBe('done');
    await page.getByTestId('workbench-task-undo').click();
    await row.waitFor();
    expect(await taskStatus(context, id)).toBe('open');
    await row.getByTestId('workbench-task-check').click();
    await expect.poll(() => row.count()).toBe(0);
    await expect.poll(() => taskStatus(context, id)).toBe('done');
    await expect.poll(async () => (await workbenchOf(context)).tasks?.today.items.some((task) => String(task.id) === id)).toBe(false);

    // A due customer opens its record; the customer list stays at /customers.
    const first = mine.dueCustomers?.items[0];
    if (first) {
      await due.getByRole('link', { name: first.name }).click();
      await page.waitForURL(new RegExp(`/customers/${first.id}$`));
    }
    await page.getByTestId('nav-customers').click();
    await page.waitForURL(/\/customers$/);
    await page.locator('.ant-table-row').first().waitFor();
    await context.close();
  });

  it('stands in one column on a phone, in English', async () => {
    const context = await journey.browser.newContext({ locale: 'en-US', timezoneId: 'Asia/Shanghai', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const page = await signIn(context, journey.server.url, zhang);
    await page.getByRole('heading', { level: 1, name: 'Workbench' }).waitFor();
    await page.getByTestId('workbench-tasks').getByTestId('workbench-task').first().waitFor();
    await page.getByTestId('workbench-recent').getByText('followed up', { exact: false }).first().waitFor();
    const lefts = await page.locator('[data-testid^="workbench-"][aria-busy]').evaluateAll((cards) => cards.map((c) => Math.round(c.getBoundingClientRect().left)));
    expect(lefts.length).toBeGreaterThanOrEqual(5);
    expect(new Set(lefts).size).toBe(1);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(page, 'workbench-02-phone-en');
    await context.close();
  });
});
