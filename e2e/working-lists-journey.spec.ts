import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { admin, chooseOption, screenshot, signIn, useJourney } from './server.js';

const journey = useJourney();
const names = ['在编甲科技有限公司', '在编乙科技有限公司', '在编丙科技有限公司'] as const;

async function api(context: BrowserContext, method: 'GET' | 'POST' | 'PATCH', url: string, data?: unknown) {
  const res = await context.request.fetch(`${journey.server.url}/api/v1${url}`, { method, ...(data === undefined ? {} : { data }) });
  const body = res.status() === 204 ? null : await res.json();
  if (!res.ok()) throw new Error(`${method} ${url}: ${res.status()} ${JSON.stringify(body)}`);
  return body;
}

const row = (page: Page, name: string) => page.locator('tr', { hasText: name });
const pick = (page: Page, text: string) => page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: text }).first().click();

describe('working lists in Chromium: inline edits and bulk edits of the customer list', () => {
  it('edits in place with undo, Enter and Esc, meets a stale row, edits a field and logs a follow-up on several, and does it on a phone', async () => {
    const context = await journey.browser.newContext({ locale: 'zh-CN', viewport: { width: 1400, height: 900 } });
    const page = await signIn(context, journey.server.url, admin);
    const ids: number[] = [];
    for (const [i, name] of names.entries()) ids.push((await api(context, 'POST', '/customers', { kind: 'organization', name, status: 'potential', tags: i === 0 ? ['老客户', '华东'] : [] })).id);
    const [a, b] = ids as [number, number, number];
    const read = (id: number) => api(context, 'GET', `/customers/${id}`);

    await page.goto(`${journey.server.url}/customers?q=${encodeURIComponent('在编')}`);
    await row(page, names[2]).waitFor();

    // A status picked in the row is saved at once; the notice undoes it.
    await row(page, names[0]).getByTestId('inline-status').click();
    await pick(page, '目标客户');
    await page.getByText('状态已保存').waitFor();
    await row(page, names[0]).getByText('目标客户').waitFor();
    expect((await read(a)).status).toBe('target');
    await page.getByTestId('inline-undo').click();
    await page.getByText('已撤销修改').waitFor();
    await screenshot(page, 'working-lists-01-inline-undone');
    await row(page, names[0]).getByText('潜在客户').waitFor();
    expect((await read(a)).status).toBe('potential');

    // The next follow-up by keyboard: a day typed, Enter saves; Esc leaves a field as it was.
    await row(page, names[0]).getByTestId('inline-nextFollowUpOn').click();
    await page.getByTestId('inline-date').fill('2099-01-15');
    await page.keyboard.press('Enter');
    await page.getByText('下次跟进已保存').waitFor();
    expect((await read(a)).nextFollowUpOn).toBe('2099-01-15');
    const before = await read(a);
    await row(page, names[0]).getByTestId('inline-lifecycleStage').click();
    await page.getByTestId('inline-lifecycleStage-editor').waitFor();
    await page.keyboard.press('Escape');
    await page.getByTestId('inline-lifecycleStage-editor').waitFor({ state: 'detached' });
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('inline-lifecycleStage');
    expect((await read(a)).version).toBe(before.version);

    // Someone else changed B since the list was read: the save is refused and the row shows what is stored.
    const stale = await read(b);
    await api(context, 'PATCH', `/customers/${b}`, { version: stale.version, status: 'repeat' });
    await row(page, names[1]).getByTestId('inline-status').click();
    await pick(page, '目标客户');
    await page.getByText('此客户刚被他人修改').waitFor();
    await row(page, names[1]).getByText('重复购买').waitFor();
    expect((await read(b)).status).toBe('repeat');

    // Bulk edit: the lifecycle stage of all three, after a counted confirmation.
    for (const name of names) await row(page, name).locator('input[type=checkbox]').check();
    await page.getByTestId('bulk-count').getByText('3', { exact: false }).waitFor();
    await page.getByTestId('bulk-edit').click();
    await chooseOption(page, page.getByTestId('bulk-edit-field'), '生命周期');
    await chooseOption(page, page.getByTestId('bulk-edit-value'), '稳定期');
    await page.getByTestId('bulk-edit-submit').click();
    await page.locator('.ant-modal-confirm-title', { hasText: '将 3 个客户的生命周期改为“稳定期”？' }).waitFor();
    await screenshot(page, 'working-lists-02-bulk-edit-confirm');
    await page.getByTestId('bulk-edit-confirm').click();
    await page.getByText('已修改 3 个客户').waitFor();
    for (const id of ids) expect((await read(id)).lifecycleStage).toBe('stability');

    // Bulk follow-up on two, its next step on each.
    for (const name of names.slice(0, 2)) await row(page, name).locator('input[type=checkbox]').check();
    await page.getByTestId('bulk-follow-up').click();
    await page.getByTestId('bulk-follow-up-content').fill('年终回访，确认明年计划');
    await page.getByTestId('bulk-follow-up-next-on').fill('2099-02-01');
    await screenshot(page, 'working-lists-03-bulk-follow-up');
    await page.getByTestId('bulk-follow-up-submit').click();
    await page.locator('.ant-modal-confirm-title', { hasText: '为 2 个客户记录这条跟进？' }).waitFor();
    await page.getByTestId('bulk-follow-up-confirm').click();
    await page.getByText('已为 2 个客户记录跟进').waitFor();
    for (const id of [a, b]) {
      const followUps = await api(context, 'GET', `/customers/${id}/follow-ups`);
      expect(followUps.items.map((f: { content: string }) => f.content)).toEqual(['年终回访，确认明年计划']);
      expect((await read(id)).nextFollowUpOn).toBe('2099-02-01');
    }

    // The remove-tags dialog offers the tags the selected customers carry.
    await row(page, names[0]).locator('input[type=checkbox]').check();
    await page.getByTestId('bulk-remove-tags').click();
    await chooseOption(page, page.getByTestId('bulk-tags-select'), '华东');
    // Both carried tags are offered; the list (multiple choice) stays open until the dialog's title is clicked.
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '老客户' }).waitFor();
    await page.locator('.ant-modal-title').click();
    await page.locator('.ant-select-dropdown:visible').waitFor({ state: 'detached' });
    await page.getByTestId('bulk-tags-submit').click();
    await page.getByText('已更新 1 个客户').waitFor();
    expect((await read(a)).tags).toEqual(['老客户']);

    // The customer page: tags edited in place (Enter adds, Enter on an empty box saves).
    await page.goto(`${journey.server.url}/customers/${a}`);
    await page.getByTestId('customer-facts').getByTestId('inline-tags').first().click();
    await page.getByTestId('inline-tags-input').locator('input').fill('重点');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await page.getByText('标签已保存').waitFor();
    expect((await read(a)).tags).toEqual(['老客户', '重点']);
    await screenshot(page, 'working-lists-04-record-page');
    await context.close();

    // A phone: customers picked on their cards, the same bulk bar.
    const phone = await journey.browser.newContext({ locale: 'zh-CN', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const phonePage = await signIn(phone, journey.server.url, admin);
    await phonePage.goto(`${journey.server.url}/customers?q=${encodeURIComponent('在编')}`);
    await phonePage.getByTestId('customer-card-select').first().waitFor();
    for (const box of await phonePage.getByTestId('customer-card-select').all()) await box.check();
    await phonePage.getByTestId('bulk-count').getByText('3', { exact: false }).waitFor();
    await phonePage.getByTestId('bulk-edit').waitFor();
    expect(await phonePage.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(phonePage, 'working-lists-05-phone-bulk-bar');
    await phone.close();
  });

  it('changes a lead\'s status in the lead list and undoes it', async () => {
    const context = await journey.browser.newContext({ locale: 'zh-CN', viewport: { width: 1400, height: 900 } });
    const page = await signIn(context, journey.server.url, admin);
    const me = await api(context, 'GET', '/auth/me');
    const lead = await api(context, 'POST', '/leads', { name: '孙在编线索', source: 'telemarketing', ownerId: me.user.id });
    await page.goto(`${journey.server.url}/leads?q=${encodeURIComponent('孙在编')}`);
    await row(page, '孙在编线索').getByTestId('inline-lead-status').click();
    await pick(page, '联系中');
    await page.getByText('状态已改为“联系中”').waitFor();
    await row(page, '孙在编线索').getByText('联系中').waitFor();
    expect((await api(context, 'GET', `/leads/${lead.id}`)).status).toBe('contacting');
    await page.getByTestId('inline-undo').click();
    await page.getByText('已撤销修改').waitFor();
    await row(page, '孙在编线索').getByText('新线索').waitFor();
    expect((await api(context, 'GET', `/leads/${lead.id}`)).status).toBe('new');
    await screenshot(page, 'working-lists-06-lead-status');
    await context.close();
  });

  it('moves an open deal to another open stage in the deal list and undoes it', async () => {
    const context = await journey.browser.newContext({ locale: 'zh-CN', viewport: { width: 1400, height: 900 } });
    const page = await signIn(context, journey.server.url, admin);
    const customer = await api(context, 'POST', '/customers', { kind: 'organization', name: '在编商机客户有限公司' });
    const deal = await api(context, 'POST', '/opportunities', { name: '在编扩产项目', customerId: customer.id, amount: 3_000_000, expectedCloseDate: '2099-06-30' });
    const pipelines = await api(context, 'GET', '/pipelines');
    const stages = (pipelines.items[0].stages as Array<{ id: number; nameZh: string; kind: string; active: boolean }>).filter((s) => s.kind === 'open' && s.active);
    const first = stages[0];
    const second = stages[1];
    if (!first || !second) throw new Error('the default pipeline has fewer than two open stages');
    expect(deal.stageId).toBe(first.id);
    await page.goto(`${journey.server.url}/opportunities?view=table&q=${encodeURIComponent('在编扩产')}`);
    await row(page, '在编扩产项目').getByTestId('inline-deal-stage').click();
    await pick(page, second.nameZh);
    await page.getByText('阶段已保存').waitFor();
    await row(page, '在编扩产项目').getByText(second.nameZh).waitFor();
    expect((await api(context, 'GET', `/opportunities/${deal.id}`)).stageId).toBe(second.id);
    await page.getByTestId('inline-undo').click();
    await page.getByText('已撤销修改').waitFor();
    await row(page, '在编扩产项目').getByText(first.nameZh).waitFor();
    expect((await api(context, 'GET', `/opportunities/${deal.id}`)).stageId).toBe(first.id);
    await screenshot(page, 'working-lists-07-deal-stage');
    await context.close();
  });
});
